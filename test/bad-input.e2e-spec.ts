import { request as httpRequest } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import fc from 'fast-check';
import { Role } from '../src/common/auth/roles';
import { encodeCursor } from '../src/common/paging/cursor';
import { createQuizCourse } from './support/quiz-fixtures';
import { SINGLE } from './support/quiz-fixtures';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  SeededUser,
  TestContext,
} from './support/test-app';

/**
 * Walks every operation of the OpenAPI document and sends generated bad input. Nothing may
 * answer 5xx, and every 4xx carries the one error body. Replay a failure with
 * BAD_INPUT_SEED=<seed printed below> (and the fast-check path in the message).
 */
const SEED = Number(process.env.BAD_INPUT_SEED ?? 20261202);
const RUNS_PER_OPERATION = Number(process.env.BAD_INPUT_RUNS ?? 200);
const NIL = '00000000-0000-4000-8000-000000000000';
/**
 * Pages people open from an e-mail link: an invalid link is an HTML page with a 4xx, by
 * design. Other HTML pages are found from the document (text/html responses) or a probe.
 */
const HUMAN_PAGES = new Set(['GET /api/v1/unsubscribe']);
const ERROR_KEYS = new Set(['statusCode', 'error', 'message', 'details', 'requestId']);

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}
interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  enum?: unknown[];
  format?: string;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  bodyTypes: string[];
  bodySchema?: Schema;
  producesHtml: boolean;
}
interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}
interface Received {
  status: number;
  type: string;
  text: string;
}

const lone = fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\uD83D', 'a\u0000b');
const badText = fc
  .tuple(fc.string({ maxLength: 8 }), lone, fc.string({ maxLength: 8 }))
  .map(([a, b, c]) => a + b + c);
const oddDate = fc.constantFrom(
  '2026-W01-1',
  '2026-W53-7T10:00:00Z',
  '2026-001',
  '2026-365T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '99999-01-01T00:00:00Z',
  '1500-01-01T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-13-01',
  '2026-01-01T25:00:00Z',
  '2026-01-01T00:00:00+99:00',
  '20260101T000000Z',
  '2026',
  'P1D',
);
const hugeNumber = fc.constantFrom(
  '1e308',
  '-1e308',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  '-0',
  '0x10',
  '1.5',
);
/** Values a forged cursor might hold: right-looking, wrong-typed, out of range. */
const cursorValue = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    NIL,
    'not-a-uuid',
    '',
    'x',
    '2026-01-01T00:00:00.000Z',
    '2026-01-01 00:00:00.123456+00',
  ),
  oddDate,
  badText,
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.constantFrom(2 ** 31, 2 ** 53, -1, 1.5, 1e308),
);
const garbageCursor = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(cursorValue, { minLength: 1, maxLength: 2 })
      .map((v) => encodeCursor(v as (string | number)[])),
  },
  fc.string({ maxLength: 40 }),
  fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
  fc.array(cursorValue, { maxLength: 4 }).map((v) => encodeCursor(v as (string | number)[])),
);
const badScalar = fc.oneof(
  badText,
  oddDate,
  hugeNumber,
  fc.string({ maxLength: 20 }),
  fc.constant('x'.repeat(5000)),
  fc.integer().map(String),
);
/** JSON values of the wrong type, NUL strings, lone surrogates, odd dates, huge strings. */
const badJson: fc.Arbitrary<unknown> = fc.oneof(
  badText,
  oddDate,
  fc.constant('x'.repeat(100_000)),
  fc.double(),
  fc.constantFrom(1e308, -1, 2 ** 53 + 1, 0.5, true, null, [], {}),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(badText, { maxLength: 3 }),
  fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), badText), badText, { maxKeys: 3 }),
);

/** Percent-encodes anything; lone surrogates become their (invalid UTF-8) CESU-8 bytes. */
function encodeAny(value: string): string {
  let out = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out +=
        `%${(0xe0 | (cp >> 12)).toString(16)}%${(0x80 | ((cp >> 6) & 0x3f)).toString(16)}%${(0x80 | (cp & 0x3f)).toString(16)}`.toUpperCase();
    } else {
      out += encodeURIComponent(ch);
    }
  }
  return out;
}

function deepJson(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** `htmlPage`: the operation is a page for people, whose errors are HTML pages too. */
function problemsWith(res: Received, htmlPage = false): string | null {
  if (res.status >= 500) return `status ${res.status}: ${res.text.slice(0, 300)}`;
  if (res.status < 400) return null;
  if (htmlPage && res.type.startsWith('text/html')) return null;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(res.text) as Record<string, unknown>;
  } catch {
    return `status ${res.status} with a non-JSON body: ${res.text.slice(0, 200)}`;
  }
  const extra = Object.keys(body).filter((k) => !ERROR_KEYS.has(k));
  if (
    extra.length ||
    body.statusCode !== res.status ||
    typeof body.error !== 'string' ||
    !/^[A-Z][A-Z0-9_]*$/.test(body.error) ||
    typeof body.message !== 'string' ||
    typeof body.requestId !== 'string' ||
    !body.requestId
  ) {
    return `status ${res.status} with a bad error body: ${res.text.slice(0, 300)}`;
  }
  return null;
}

describe('bad input on every OpenAPI operation: no 5xx, one error body', () => {
  let ctx: TestContext;
  let base: { host: string; port: number };
  let users: Record<Role, SeededUser>;
  let operations: Operation[];
  let schemas: Record<string, Schema>;
  const ids: Record<string, string> = {};

  function send(req: Sent): Promise<Received> {
    return new Promise((resolve, reject) => {
      const r = httpRequest(
        { ...base, method: req.method, path: req.path, headers: req.headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              type: String(res.headers['content-type'] ?? ''),
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      r.on('error', reject);
      r.end(req.body);
    });
  }

  /** A plausible value for a schema (real ids for uuids), to carry one bad field. */
  function sampleValid(schema: Schema | undefined, depth = 0): unknown {
    const resolved = resolveSchema(schema);
    if (!resolved || depth > 4) return undefined;
    if (resolved.enum?.length) return resolved.enum[0];
    switch (resolved.type) {
      case 'string':
        if (resolved.format === 'date-time') return '2030-01-01T00:00:00Z';
        if (resolved.format === 'uuid') return ids.userId;
        return 'Keselamatan';
      case 'integer':
      case 'number':
        return 1;
      case 'boolean':
        return true;
      case 'array':
        return [];
      default:
        if (!resolved.properties) return undefined;
        return Object.fromEntries(
          Object.entries(resolved.properties)
            .map(([k, v]) => [k, sampleValid(v, depth + 1)])
            .filter(([, v]) => v !== undefined),
        );
    }
  }

  function resolveSchema(schema: Schema | undefined, depth = 0): Schema | undefined {
    if (!schema || depth > 5) return schema;
    if (schema.$ref) return resolveSchema(schemas[schema.$ref.split('/').pop()!], depth + 1);
    if (schema.allOf) {
      const merged: Schema = { type: 'object', properties: {} };
      for (const part of schema.allOf) {
        Object.assign(merged.properties!, resolveSchema(part, depth + 1)?.properties ?? {});
      }
      return merged;
    }
    return schema;
  }

  /** A real id where the parameter names one we seeded, else a well-formed unknown one. */
  function realId(op: Operation, name: string): string {
    if (ids[name]) return ids[name];
    const segments = op.path.split('/');
    const before = segments[segments.indexOf(`{${name}}`) - 1] ?? '';
    return ids[before] ?? NIL;
  }

  function pathWith(op: Operation, values: Record<string, string>): string {
    return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name]);
  }

  const tokenFor = new Map<string, string | undefined>();
  const htmlPages = new Set<string>();

  /** First role the guard lets through (public routes: no token needed). */
  async function pickToken(op: Operation): Promise<string | undefined> {
    const path = pathWith(
      op,
      Object.fromEntries(
        op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, realId(op, p.name)]),
      ),
    );
    const anonymous = await send({ method: op.method, path, headers: {} });
    const key = `${op.method} ${op.path}`;
    if (op.producesHtml || HUMAN_PAGES.has(key) || anonymous.type.startsWith('text/html')) {
      htmlPages.add(key);
    }
    if (anonymous.status !== 401) return undefined;
    for (const role of [Role.Admin, Role.Instructor, Role.Hr, Role.Learner]) {
      const res = await send({ method: op.method, path, headers: bearer(users[role]) });
      if (res.status !== 401 && res.status !== 403) return users[role].token;
    }
    return users[Role.Admin].token;
  }

  function requestArbitrary(op: Operation, token: string | undefined): fc.Arbitrary<Sent> {
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const pathValue = (p: Parameter) =>
      fc.oneof(
        { weight: 2, arbitrary: fc.constant(encodeAny(realId(op, p.name))) },
        fc.constantFrom(
          'not-a-uuid',
          '%00',
          '%ED%A0%80',
          '%E0%A4%A',
          '..',
          '%2e%2e',
          'x'.repeat(600),
          NIL.toUpperCase(),
        ),
        badScalar.map(encodeAny),
      );
    const path = fc
      .tuple(...pathParams.map((p) => pathValue(p).map((v) => [p.name, v] as const)))
      .map((pairs) => pathWith(op, Object.fromEntries(pairs)));
    const queryValue = (p: Parameter) =>
      p.name === 'cursor'
        ? fc.oneof({ weight: 5, arbitrary: garbageCursor }, { weight: 1, arbitrary: badScalar })
        : badScalar;
    const query = fc
      .tuple(
        ...queryParams.map((p) =>
          fc.option(
            fc.oneof(
              queryValue(p).map((v) => `${p.name}=${encodeAny(v)}`),
              fc
                .array(queryValue(p), { minLength: 2, maxLength: 3 })
                .map((vs) => vs.map((v) => `${p.name}=${encodeAny(v)}`).join('&')),
            ),
            { freq: 2 },
          ),
        ),
        fc.option(
          badText.map((v) => `${encodeAny(v)}=${encodeAny(v)}`),
          { freq: 4 },
        ),
      )
      .map((parts) => parts.filter((x): x is string => !!x).join('&'));
    const properties = resolveSchema(op.bodySchema)?.properties ?? {};
    const jsonBody = fc
      .tuple(
        fc.record(
          Object.fromEntries(
            Object.keys(properties).map((name) => [
              name,
              fc.oneof(
                badJson,
                fc.array(fc.dictionary(fc.string({ maxLength: 6 }), badJson, { maxKeys: 3 }), {
                  maxLength: 2,
                }),
              ),
            ]),
          ),
          { requiredKeys: [] },
        ),
        fc.option(fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), badText), badJson), {
          freq: 3,
        }),
      )
      .map(([known, extra]) => ({ ...(extra ?? {}), ...known }));
    const body: fc.Arbitrary<Pick<Sent, 'headers' | 'body'>> = fc.oneof(
      jsonBody.map((b) => ({
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(b),
      })),
      fc.integer({ min: 33, max: 3000 }).map((depth) => ({
        headers: { 'content-type': 'application/json' },
        body: deepJson(depth),
      })),
      fc.constantFrom(
        { headers: { 'content-type': 'application/json' }, body: '' },
        { headers: { 'content-type': 'application/json' }, body: '{"a":' },
        { headers: { 'content-type': 'application/json' }, body: '"\\ud800"' },
        { headers: { 'content-type': 'application/json' }, body: '{"__proto__":{"x":1}}' },
        { headers: { 'content-type': 'application/json; charset=latin1' }, body: '{}' },
        { headers: { 'content-type': 'text/plain' }, body: 'hello' },
        { headers: { 'content-type': 'application/xml' }, body: '<a/>' },
        { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=%00&b=1' },
        { headers: { 'content-type': 'multipart/form-data' }, body: 'no boundary' },
        {
          headers: { 'content-type': 'multipart/form-data; boundary=X' },
          body: '--X\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 trunc',
        },
        {
          headers: { 'content-type': 'multipart/form-data; boundary=X' },
          body: '--X\r\nContent-Disposition: form-data; name="file"; filename="a\u0000\uD800.csv"\r\nContent-Type: text/csv\r\n\r\nname,email\r\n--X--\r\n',
        },
        {
          headers: { 'content-type': 'multipart/form-data; boundary=X' },
          body: '--X\r\nContent-Disposition: form-data; name="dueAt"\r\n\r\n2026-W01-1\r\n--X\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\na\u0000\r\n--X--\r\n',
        },
        { headers: {} as Record<string, string>, body: undefined },
      ),
    );
    const realPath = pathWith(
      op,
      Object.fromEntries(pathParams.map((p) => [p.name, encodeAny(realId(op, p.name))])),
    );
    const validBody = sampleValid(resolveSchema(op.bodySchema)) as
      Record<string, unknown> | undefined;
    const jsonHeaders = { 'content-type': 'application/json' };
    const asJson = (b: unknown) => ({ headers: jsonHeaders, body: JSON.stringify(b) });
    const noBody = validBody ? asJson(validBody) : { headers: {} as Record<string, string> };
    // One bad thing at a time, so it gets past the checks the rest would trip first.
    const focused: fc.Arbitrary<{
      path: string;
      query: string;
      body: Pick<Sent, 'headers' | 'body'>;
    }>[] = [];
    for (const p of pathParams) {
      focused.push(
        pathValue(p).map((v) => ({
          path: pathWith(
            op,
            Object.fromEntries(
              pathParams.map((q) => [q.name, q === p ? v : encodeAny(realId(op, q.name))]),
            ),
          ),
          query: '',
          body: noBody,
        })),
      );
    }
    for (const p of queryParams) {
      focused.push(
        queryValue(p).map((v) => ({
          path: realPath,
          query: `${p.name}=${encodeAny(v)}`,
          body: noBody,
        })),
      );
    }
    const fieldNames = Object.keys(properties);
    if (fieldNames.length) {
      focused.push(
        fc.tuple(fc.constantFrom(...fieldNames), badJson).map(([name, value]) => ({
          path: realPath,
          query: '',
          body: asJson({ ...validBody, [name]: value }),
        })),
      );
    }
    if (op.bodyTypes.includes('multipart/form-data')) {
      // A well-formed upload cut at any byte, or with its file part's bytes garbled.
      focused.push(
        fc
          .tuple(
            fc.uint8Array({ maxLength: 300 }),
            fc.oneof(fc.constant('a.csv'), fc.constant('👷 data.pdf'), badText),
            fc.nat(),
            fc.boolean(),
          )
          .map(([bytes, filename, cutAt, cut]) => {
            const full = Buffer.concat([
              Buffer.from(
                '--B0undary\r\nContent-Disposition: form-data; name="dueAt"\r\n\r\n2030-01-01\r\n' +
                  `--B0undary\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
                  'Content-Type: application/octet-stream\r\n\r\n',
              ),
              Buffer.from(bytes),
              Buffer.from('\r\n--B0undary--\r\n'),
            ]);
            return {
              path: realPath,
              query: '',
              body: {
                headers: { 'content-type': 'multipart/form-data; boundary=B0undary' },
                body: cut ? full.subarray(0, cutAt % full.length) : full,
              },
            };
          }),
      );
    }
    const everything = fc.record({ path, query, body });
    const shaped = focused.length
      ? fc.oneof(
          { weight: 3, arbitrary: fc.oneof(...focused) },
          { weight: 1, arbitrary: everything },
        )
      : everything;
    // Header-derived values: odd tokens, languages, request ids, validators (latin1 only;
    // Node refuses anything else on the wire).
    const latin1 = fc.string({
      unit: fc
        .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }))
        .map((c) => String.fromCharCode(c)),
      maxLength: 60,
    });
    const oddHeaders = fc.record(
      {
        authorization: fc.oneof(
          fc.constantFrom(
            'Bearer',
            'Bearer ',
            'Basic YTpi',
            'Bearer a.b.c',
            `${auth.authorization ?? 'Bearer x'}x`,
          ),
          latin1.map((v) => `Bearer ${v}`),
        ),
        'accept-language': latin1,
        'x-request-id': latin1,
        'if-none-match': latin1,
        cookie: latin1.map((v) => `k3_access_token=${v}`),
      },
      { requiredKeys: [] },
    );
    return fc
      .tuple(shaped, fc.option(oddHeaders, { freq: 5 }))
      .map(([{ path: p, query: q, body: b }, extraHeaders]) => ({
        method: op.method,
        path: q ? `${p}?${q}` : p,
        headers: {
          ...auth,
          ...(extraHeaders ?? {}),
          ...b.headers,
          ...(b.body !== undefined ? { 'content-length': String(Buffer.byteLength(b.body)) } : {}),
        },
        body: b.body,
      }));
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.app.listen(0, '127.0.0.1');
    const address = ctx.app.getHttpServer().address() as AddressInfo;
    base = { host: '127.0.0.1', port: address.port };
    const org = await seedOrganization(ctx);
    users = {
      [Role.Admin]: await seedUser(ctx, Role.Admin),
      [Role.Instructor]: await seedUser(ctx, Role.Instructor),
      [Role.Hr]: await seedUser(ctx, Role.Hr, org),
      [Role.Learner]: await seedUser(ctx, Role.Learner, org),
    };
    const course = await createQuizCourse(ctx, users[Role.Instructor], [SINGLE]);
    const enroll = await ctx
      .http()
      .post(`/api/v1/courses/${course.courseId}/enroll`)
      .set(bearer(users[Role.Learner]));
    const victim = await seedUser(ctx, Role.Learner, org);
    Object.assign(ids, {
      courseId: course.courseId,
      courses: course.courseId,
      lessonId: course.lessonId,
      lessons: course.lessonId,
      quizId: course.quizId,
      quizzes: course.quizId,
      questionId: course.questionIds[0],
      questions: course.questionIds[0],
      enrollmentId: enroll.body.id,
      enrollments: enroll.body.id,
      organizationId: org,
      userId: victim.id,
      users: victim.id,
      employees: victim.id,
    });
    const doc = (await ctx.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
      components?: { schemas?: Record<string, Schema> };
    };
    schemas = doc.components?.schemas ?? {};
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => {
          const content = ((op.requestBody as { content?: Record<string, { schema?: Schema }> })
            ?.content ?? {}) as Record<string, { schema?: Schema }>;
          return {
            method: method.toUpperCase(),
            path,
            parameters: (op.parameters as Parameter[] | undefined) ?? [],
            bodyTypes: Object.keys(content),
            bodySchema: content['application/json']?.schema,
            producesHtml: Object.values(
              (op.responses as Record<string, { content?: Record<string, unknown> }>) ?? {},
            ).some((r) => Object.keys(r.content ?? {}).includes('text/html')),
          };
        }),
    );
  });
  afterAll(() => ctx?.close());

  it('finds the operations to walk', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(
      operations.filter((o) => o.parameters.some((p) => p.name === 'cursor')).length,
    ).toBeGreaterThanOrEqual(11);
  });

  it(`never answers 5xx and always the one error body (seed ${SEED})`, async () => {
    const failures: string[] = [];
    for (const op of operations) {
      tokenFor.set(`${op.method} ${op.path}`, await pickToken(op));
    }
    for (const [i, op] of operations.entries()) {
      const token = tokenFor.get(`${op.method} ${op.path}`);
      let problem: string | null = null;
      try {
        await fc.assert(
          fc.asyncProperty(requestArbitrary(op, token), async (req) => {
            const res = await send(req);
            problem = problemsWith(res, htmlPages.has(`${op.method} ${op.path}`));
            if (problem) {
              problem = `${req.headers['content-type'] ?? '-'} ${req.path.slice(0, 160)} ${String(req.body ?? '').slice(0, 200)} -> ${problem}`;
              throw new Error(problem);
            }
          }),
          { seed: SEED + i, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
        );
      } catch (e) {
        const fcPath = /path: "([^"]*)"/.exec((e as Error).message)?.[1];
        failures.push(
          `${op.method} ${op.path} (seed ${SEED + i}, path ${fcPath}): ${problem ?? String((e as Error).message.split('\n').find((l) => /Error|error/.test(l)) ?? (e as Error).message).slice(0, 300)}`,
        );
      }
    }
    expect(failures).toEqual([]);
    // The walk grows with every route (200 cases each); a busy machine must not cut it short.
  }, 600_000);

  it('refuses week dates and years outside 1900–9999 in bodies and filters, naming the field', async () => {
    const admin = bearer(users[Role.Admin]);
    const instructor = bearer(users[Role.Instructor]);
    const checks = [
      await ctx.http().get('/api/v1/certificates?issuedFrom=2026-W01-1').set(admin),
      await ctx.http().get('/api/v1/certificates?expiringTo=%2B275760-09-13T00:00:00Z').set(admin),
      await ctx
        .http()
        .patch(`/api/v1/quizzes/${ids.quizId}`)
        .set(instructor)
        .send({ openAt: '2026-001T00:00:00Z' }),
      await ctx
        .http()
        .post(`/api/v1/courses/${ids.courseId}/assignments`)
        .set(bearer(users[Role.Hr]))
        .send({ userIds: [users[Role.Learner].id], dueAt: '99999-01-01T00:00:00Z' }),
    ];
    expect(checks.map((r) => [r.status, r.body.error, r.body.details?.[0]?.field])).toEqual([
      [400, 'VALIDATION_FAILED', 'issuedFrom'],
      [400, 'VALIDATION_FAILED', 'expiringTo'],
      [400, 'VALIDATION_FAILED', 'openAt'],
      [400, 'VALIDATION_FAILED', 'dueAt'],
    ]);
    const ok = await ctx
      .http()
      .get('/api/v1/certificates?issuedFrom=2026-01-01T00:00:00%2B07:00')
      .set(admin);
    expect(ok.status).toBe(200);
  });

  it("answers requests Node's HTTP parser refuses in the one body too", async () => {
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(base.port, base.host, () => socket.end(request));
        const chunks: Buffer[] = [];
        socket.on('data', (c: Buffer) => chunks.push(c));
        socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
        socket.on('error', reject);
      });
    const parse = (response: string) => {
      const [head, body] = response.split('\r\n\r\n');
      return {
        status: Number(head.split(' ')[1]),
        body: JSON.parse(body) as Record<string, unknown>,
      };
    };
    const nul = parse(await raw('GET /api/v1/me HTTP/1.1\r\nHost: k3\r\nX-Name: a\u0000b\r\n\r\n'));
    const huge = parse(
      await raw(`GET /api/v1/me HTTP/1.1\r\nHost: k3\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`),
    );
    for (const [res, status, code] of [
      [nul, 400, 'MALFORMED_REQUEST'],
      [huge, 431, 'HEADERS_TOO_LARGE'],
    ] as const) {
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ statusCode: status, error: code });
      expect(typeof res.body.requestId).toBe('string');
    }
  });

  it("answers Fastify's own refusals in the one body with a stable code", async () => {
    const auth = bearer(users[Role.Admin]);
    const cases: [Sent, number, string][] = [
      [
        { method: 'GET', path: `/api/v1/me?q=${'x'.repeat(5000)}`, headers: auth },
        414,
        'URI_TOO_LONG',
      ],
      [
        {
          method: 'POST',
          path: '/api/v1/admin/organizations',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
        },
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        {
          method: 'POST',
          path: '/api/v1/admin/organizations',
          headers: { ...auth, 'content-type': 'application/vnd.k3+xml' },
          body: '<x/>',
        },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        {
          method: 'POST',
          path: '/api/v1/admin/organizations',
          headers: { ...auth, 'content-type': 'application/json', 'content-length': '0' },
          body: '',
        },
        400,
        'EMPTY_JSON_BODY',
      ],
      [
        {
          method: 'POST',
          path: '/api/v1/admin/organizations',
          headers: { ...auth, 'content-type': 'application/json' },
          body: '{"code":',
        },
        400,
        'MALFORMED_JSON',
      ],
      [
        {
          method: 'POST',
          path: '/api/v1/admin/organizations',
          headers: { ...auth, 'content-type': 'application/json' },
          body: deepJson(5000),
        },
        400,
        'JSON_TOO_DEEP',
      ],
      [
        {
          method: 'POST',
          path: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'a\u0000@k3.test', password: 'x' }),
        },
        400,
        'INVALID_TEXT',
      ],
      [
        {
          method: 'POST',
          path: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          body: '{"email":"a@k3.test","password":"\\udc00"}',
        },
        400,
        'INVALID_TEXT',
      ],
      [
        { method: 'GET', path: '/api/v1/admin/users?cursor=%00', headers: auth },
        400,
        'INVALID_TEXT',
      ],
      [
        {
          method: 'GET',
          path: `/api/v1/admin/users?cursor=${encodeCursor(['2026-W01-1', NIL])}`,
          headers: auth,
        },
        400,
        'INVALID_CURSOR',
      ],
    ];
    const got = [];
    for (const [req, status, code] of cases) {
      const res = await send(req);
      expect(problemsWith(res)).toBeNull();
      got.push([
        req.path.slice(0, 40),
        res.status,
        (JSON.parse(res.text) as { error: string }).error,
      ]);
      void status;
      void code;
    }
    expect(got).toEqual(cases.map(([req, status, code]) => [req.path.slice(0, 40), status, code]));
  });
});
