import { XMLParser } from 'fast-xml-parser';

/** An element as produced by fast-xml-parser: a string for text-only elements, else an object. */
export type XmlValue = string | XmlElement | XmlValue[] | undefined;
export interface XmlElement {
  [key: string]: XmlValue;
}

const METADATA = XMLParser.getMetaDataSymbol() as unknown as string;

export class UnexpectedMarkupError extends Error {}

export function first(value: XmlValue): XmlValue {
  return Array.isArray(value) ? value[0] : value;
}

export function asArray(value: XmlValue): XmlValue[] {
  if (value === undefined) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

export function isElement(value: XmlValue): value is XmlElement {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function attribute(value: XmlValue, name: string): string | undefined {
  const element = first(value);
  if (!isElement(element)) {
    return undefined;
  }
  const raw = element[`@_${name}`];
  return typeof raw === 'string' ? raw : undefined;
}

/** Character offset where the element starts in the parsed document. */
export function startOffset(value: XmlValue): number | undefined {
  const element = first(value);
  if (!isElement(element)) {
    return undefined;
  }
  const metadata = (element as unknown as Record<string, { startIndex?: number } | undefined>)[
    METADATA
  ];
  return metadata?.startIndex;
}

/**
 * Text content of a leaf element such as `<text>`. Child elements mean that HTML was
 * written without CDATA or escaping, which we refuse rather than silently dropping it.
 */
export function leafText(value: XmlValue): string | undefined {
  const element = first(value);
  if (element === undefined) {
    return undefined;
  }
  if (typeof element === 'string') {
    return element.trim();
  }
  if (!isElement(element)) {
    throw new UnexpectedMarkupError();
  }
  for (const key of Object.keys(element)) {
    if (key !== '#text' && !key.startsWith('@_')) {
      throw new UnexpectedMarkupError();
    }
  }
  const text = element['#text'];
  return typeof text === 'string' ? text.trim() : '';
}

/** Text of `<parent><name><text>…</text></name></parent>`. */
export function nestedText(parent: XmlValue, name: string): string | undefined {
  const parentElement = first(parent);
  if (!isElement(parentElement)) {
    return undefined;
  }
  const child = first(parentElement[name]);
  if (child === undefined) {
    return undefined;
  }
  if (typeof child === 'string') {
    return child.trim();
  }
  if (!isElement(child)) {
    return leafText(child) ?? '';
  }
  if (child.text === undefined && typeof child['#text'] === 'string') {
    return child['#text'].trim();
  }
  return leafText(child.text) ?? '';
}

/** Text of a simple child such as `<single>true</single>`. */
export function childValue(parent: XmlValue, name: string): string | undefined {
  const parentElement = first(parent);
  return isElement(parentElement) ? leafText(parentElement[name]) : undefined;
}
