import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** One HTTP response as the e2e suite saw it. */
export interface RecordedResponse {
  method: string;
  url: string;
  status: number;
  contentType: string | undefined;
  body: unknown;
  /** Whether the response had a body at all (an empty JSON body parses to {} in supertest). */
  hasBody: boolean;
}

type Schema = Record<string, unknown>;
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/**
 * Checks real responses against the OpenAPI document: each response's status must be declared
 * by its operation, its content type must be one the operation declares, and a JSON body must
 * match the declared schema with no undeclared field (every object schema that does not say
 * otherwise is closed with `additionalProperties: false`). Paths the document does not know
 * (Swagger UI, /metrics, the queue dashboard, unknown routes) are not checked.
 */
export class ContractValidator {
  private readonly ajv: Ajv;
  private readonly templates: { path: string; pattern: RegExp; params: number }[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      this.ajv.addSchema(toStrictJsonSchema(schema), `#/components/schemas/${name}`);
    }
    this.templates = Object.keys(document.paths)
      .map((path) => ({
        path,
        pattern: new RegExp(
          `^${path
            .split(/\{[^}]+\}/)
            .map(escapeRegExp)
            .join('[^/]+')}$`,
        ),
        params: (path.match(/\{/g) ?? []).length,
      }))
      // A literal segment wins over a parameter (`/certificates/export.zip` before `/{id}`).
      .sort((a, b) => a.params - b.params);
  }

  /** The violations of one response; empty when it matches the contract. */
  check(response: RecordedResponse): string[] {
    const pathname = response.url.split('?')[0];
    const method = response.method.toLowerCase();
    const template = this.templates.find(
      (t) => t.pattern.test(pathname) && this.document.paths[t.path][method],
    );
    if (!template || !METHODS.has(method)) return [];
    const where = `${method.toUpperCase()} ${template.path} -> ${response.status}`;
    const operation = this.document.paths[template.path][method];
    const declared = operation.responses?.[String(response.status)] ?? operation.responses?.default;
    if (!declared) return [`${where}: status not declared`];
    const content = declared.content ?? {};
    const mediaTypes = Object.keys(content);
    if (!response.hasBody) return [];
    if (!mediaTypes.length) return [`${where}: body sent, but the response declares no content`];
    const mediaType = (response.contentType ?? '').split(';')[0].trim().toLowerCase();
    const match = mediaTypes.find((m) => m.toLowerCase() === mediaType);
    if (!match) return [`${where}: content type ${mediaType} not declared (${mediaTypes})`];
    if (!/json/.test(mediaType)) return [];
    const schema = content[match].schema;
    if (!schema) return [`${where}: JSON body without a declared schema`];
    const key = `${where} ${match}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(toStrictJsonSchema(schema));
      this.compiled.set(key, validate);
    }
    if (validate(response.body)) return [];
    return (validate.errors ?? []).map(
      (e) =>
        `${where}: body${e.instancePath} ${e.message}` +
        (e.keyword === 'additionalProperties'
          ? ` (${(e.params as { additionalProperty: string }).additionalProperty})`
          : ''),
    );
  }

  /** Violations of many responses, each distinct message once. */
  checkAll(responses: RecordedResponse[]): string[] {
    return [...new Set(responses.flatMap((r) => this.check(r)))];
  }
}

/**
 * OpenAPI 3.0 schema -> plain JSON Schema for ajv: `nullable` becomes a `null` alternative,
 * `$ref`s point at the registered component ids, and object schemas without an explicit
 * `additionalProperties` are closed.
 */
export function toStrictJsonSchema(schema: unknown): Schema {
  return convert(schema) as Schema;
}

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(
        Object.entries(value as Schema).map(([name, sub]) => [name, convert(sub)]),
      );
    } else if (key === 'example' || key === 'examples') {
      out[key] = value;
    } else {
      out[key] = convert(value);
    }
  }
  const isObject = out.type === 'object' || out.properties !== undefined;
  // A composition (`allOf: [{ $ref }]`, how a nullable reference is written) is closed by its parts.
  const composed = ['allOf', 'anyOf', 'oneOf', '$ref'].some((k) => out[k] !== undefined);
  if (isObject && !composed && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  if (nullable === true) return { anyOf: [out, { type: 'null' }] };
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
