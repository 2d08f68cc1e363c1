import { escapeHtml } from './escape';
import type { Locale } from './types';

/** Inline content: plain text, emphasised text or a link. Text is raw; rendering escapes it. */
export type Inline = string | { strong: string } | { label: string; href: string };

/**
 * Templates describe their body as blocks; the layout turns the same blocks into HTML and plain
 * text, so both alternatives always carry the same content and links.
 */
export type Block =
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'button'; label: string; href: string };

export interface EmailBody {
  subject: string;
  /** Short summary that mail clients show next to the subject in the inbox list. */
  preheader: string;
  heading: string;
  blocks: Block[];
  /** Transactional mails: why the recipient gets it (replaces the default footer reason). */
  footerReason?: string;
}

export const paragraph = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
export const heading = (text: string): Block => ({ kind: 'heading', text });
export const list = (items: Inline[][]): Block => ({ kind: 'list', items });
export const button = (label: string, href: string): Block => ({ kind: 'button', label, href });
export const strong = (text: string): Inline => ({ strong: text });
export const link = (label: string, href: string): Inline => ({ label, href });

const COLORS = { text: '#1f2937', muted: '#4b5563', brand: '#1b5e20', page: '#f3f4f6' };
const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const STYLES = {
  body: `margin:0;padding:0;background-color:${COLORS.page};`,
  page: `background-color:${COLORS.page};padding:24px 12px;`,
  card: `max-width:600px;margin:0 auto;background-color:#ffffff;border-radius:8px;padding:32px 24px;${FONT}font-size:16px;line-height:1.5;color:${COLORS.text};`,
  h1: `margin:0 0 16px;${FONT}font-size:22px;line-height:1.3;color:${COLORS.text};`,
  h2: `margin:24px 0 8px;${FONT}font-size:18px;line-height:1.3;color:${COLORS.text};`,
  p: 'margin:0 0 16px;',
  ul: 'margin:0 0 16px;padding-left:24px;',
  li: 'margin:0 0 6px;',
  buttonWrap: 'margin:24px 0;',
  button: `display:inline-block;background-color:${COLORS.brand};color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 24px;border-radius:6px;`,
  link: `color:${COLORS.brand};text-decoration:underline;`,
  hr: 'border:0;border-top:1px solid #d1d5db;margin:32px 0 16px;',
  footer: `margin:0 0 8px;font-size:13px;line-height:1.5;color:${COLORS.muted};`,
  preheader: 'display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;',
};

export function renderHtml(body: EmailBody, footer: Inline[][], locale: Locale): string {
  const title = escapeHtml(body.subject);
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}" dir="ltr">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="x-apple-disable-message-reformatting">',
    `<title>${title}</title>`,
    '</head>',
    `<body style="${STYLES.body}">`,
    `<div style="${STYLES.preheader}" aria-hidden="true">${escapeHtml(body.preheader)}</div>`,
    `<div role="article" aria-roledescription="email" aria-label="${title}" lang="${locale}" style="${STYLES.page}">`,
    `<div style="${STYLES.card}">`,
    `<h1 style="${STYLES.h1}">${escapeHtml(body.heading)}</h1>`,
    ...body.blocks.map(blockToHtml),
    `<hr style="${STYLES.hr}">`,
    ...footer.map((line) => `<p style="${STYLES.footer}">${inlineToHtml(line)}</p>`),
    '</div>',
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

export function renderText(body: EmailBody, footer: Inline[][]): string {
  const sections = [
    body.heading,
    ...body.blocks.map(blockToText),
    '----',
    ...footer.map(inlineToText),
  ];
  return sections.join('\n\n') + '\n';
}

function blockToHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="${STYLES.p}">${inlineToHtml(block.content)}</p>`;
    case 'heading':
      return `<h2 style="${STYLES.h2}">${escapeHtml(block.text)}</h2>`;
    case 'list': {
      const items = block.items.map(
        (item) => `<li style="${STYLES.li}">${inlineToHtml(item)}</li>`,
      );
      return `<ul style="${STYLES.ul}">${items.join('')}</ul>`;
    }
    case 'button':
      return `<p style="${STYLES.buttonWrap}"><a href="${escapeHtml(block.href)}" style="${STYLES.button}">${escapeHtml(block.label)}</a></p>`;
  }
}

function blockToText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return inlineToText(block.content);
    case 'heading':
      return block.text;
    case 'list':
      return block.items.map((item) => `- ${inlineToText(item)}`).join('\n');
    case 'button':
      return `${block.label}: ${block.href}`;
  }
}

function inlineToHtml(content: Inline[]): string {
  return content
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      if ('strong' in part) return `<strong>${escapeHtml(part.strong)}</strong>`;
      return `<a href="${escapeHtml(part.href)}" style="${STYLES.link}">${escapeHtml(part.label)}</a>`;
    })
    .join('');
}

function inlineToText(content: Inline[]): string {
  return content
    .map((part) => {
      if (typeof part === 'string') return part;
      if ('strong' in part) return part.strong;
      return `${part.label}: ${part.href}`;
    })
    .join('');
}
