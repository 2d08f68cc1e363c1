import { openApiDocumentOffline } from '../src/bootstrap/openapi-offline';
import { unknownSuccessResponses } from '../scripts/generate-api-client';
import { ContractValidator, RecordedResponse } from './support/contract';
import { bearer, createTestContext, seedUser, TestContext } from './support/test-app';
import { Role } from '../src/common/auth/roles';

type Schema = Record<string, unknown>;
interface Doc {
  paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
  components: { schemas: Record<string, { properties?: Record<string, Schema> }> };
}

/**
 * The contract check every e2e file runs at close (test/support/test-app.ts), proven here on
 * synthetic responses, plus the rules the document itself must keep.
 */
describe('API contract', () => {
  let ctx: TestContext;
  let doc: Doc;
  let validator: ContractValidator;

  beforeAll(async () => {
    ctx = await createTestContext();
    doc = (await ctx.http().get('/docs-json').expect(200)).body as Doc;
    validator = new ContractValidator(doc as never);
  });
  afterAll(() => ctx.close());

  const organization = {
    id: '0b7d1d44-4d1f-4a47-9d3c-1b7a3e0f0b55',
    code: 'PTMAJU',
    name: 'PT Maju',
    isActive: true,
    createdAt: '2026-12-01T00:00:00.000Z',
  };
  const response = (over: Partial<RecordedResponse>): RecordedResponse => ({
    method: 'get',
    url: `/api/v1/admin/organizations/${organization.id}?x=1`,
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body: organization,
    hasBody: true,
    ...over,
  });

  it('accepts a response that matches its operation', () => {
    expect(validator.check(response({}))).toEqual([]);
    expect(validator.check(response({ status: 404, body: notFoundBody() }))).toEqual([]);
  });

  it('fails on an undeclared field, also in a nested or nullable object', () => {
    expect(validator.check(response({ body: { ...organization, secret: 'x' } }))).toEqual([
      'GET /api/v1/admin/organizations/{id} -> 200: body must NOT have additional properties (secret)',
    ]);
    const course = { id: organization.id, code: 'C', published: { extra: 1 } };
    const violations = validator.check(
      response({ url: `/api/v1/courses/${organization.id}`, body: course }),
    );
    expect(violations.join('\n')).toMatch(/published must NOT have additional properties/);
  });

  it('fails on an undeclared status, a wrong type and an undeclared content type', () => {
    expect(validator.check(response({ status: 418 }))).toEqual([
      'GET /api/v1/admin/organizations/{id} -> 418: status not declared',
    ]);
    expect(validator.check(response({ body: { ...organization, isActive: 'yes' } }))).toEqual([
      'GET /api/v1/admin/organizations/{id} -> 200: body/isActive must be boolean',
    ]);
    expect(validator.check(response({ contentType: 'text/html' }))[0]).toMatch(
      /content type text\/html not declared/,
    );
  });

  it('checks what the e2e files record: a real response through http()', async () => {
    const admin = await seedUser(ctx, Role.Admin);
    const res = await ctx.http().get('/api/v1/me').set(bearer(admin)).expect(200);
    const recorded = response({ url: '/api/v1/me', body: res.body });
    expect(validator.check(recorded)).toEqual([]);
    expect(validator.check({ ...recorded, body: { ...res.body, passwordHash: 'x' } })).toHaveLength(
      1,
    );
  });

  it('gives every operation a success response with a schema or a file content type', () => {
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.entries(operation.responses).filter(([s]) => Number(s) < 400);
        const described = success.every(([s, r]) => ['204', '304'].includes(s) || r.content);
        if (!success.length || !described) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('types no scalar field as a bare object', () => {
    const bare: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        const free =
          property.type === 'object' &&
          !['properties', 'additionalProperties', 'allOf', 'oneOf', '$ref'].some(
            (k) => k in property,
          );
        if (free) bare.push(`${name}.${field}`);
      }
    }
    expect(bare).toEqual([]);
  });

  it('documents every upload route as multipart/form-data', () => {
    const uploads = [
      ['post', '/api/v1/employees/import'],
      ['post', '/api/v1/courses/{id}/assignments/import'],
      ['post', '/api/v1/courses/{id}/lessons/{lessonId}/file'],
      ['post', '/api/v1/courses/{id}/question-bank/import'],
      ['post', '/api/v1/verify/document'],
    ];
    for (const [method, path] of uploads) {
      const operation = doc.paths[path][method] as { requestBody?: { content: object } };
      expect(Object.keys(operation.requestBody?.content ?? {})).toContain('multipart/form-data');
    }
  });

  it('is the document the client generator writes (built without a database)', async () => {
    const offline = (await openApiDocumentOffline()) as Doc & { servers?: unknown };
    expect({ ...offline, servers: undefined }).toEqual({ ...doc, servers: undefined });
  });

  it('the generator check finds a success response typed unknown', () => {
    const types = [
      'export type ThingControllerGetResponses = {',
      '    200: unknown;',
      '};',
      'export type ThingControllerListResponses = {',
      '    200: ThingPage;',
      '    204: void;',
      '};',
    ].join('\n');
    expect(unknownSuccessResponses(types)).toEqual(['ThingControllerGet 200']);
  });
});

function notFoundBody() {
  return { statusCode: 404, error: 'NOT_FOUND', message: 'Not found', requestId: 'r1' };
}
