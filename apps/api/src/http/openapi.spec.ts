import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { withoutUnusedSchemas } from './openapi';

interface Operation {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  description?: string;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

interface Document {
  servers?: { url: string }[];
  info: { license?: { name: string; identifier?: string } };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
}

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

// `npm run lint:openapi` lints the whole document with Redocly; this suite pins, per operation, what a client
// generator relies on, so that a new route without it fails here with its name.
describe('the OpenAPI document', () => {
  let t: TestApp;
  let operations: { name: string; operation: Operation }[];
  let doc: Document;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    doc = (await t.app.inject('/docs/json')).json<Document>();
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
    );
  });
  afterAll(() => t?.close());

  it('describes every route: health, studio, auth, users, templates, sessions, bookings, holds, attendance, credits and payments', () => {
    expect(operations.length).toBeGreaterThanOrEqual(43);
    expect(new Set(operations.flatMap(({ operation }) => operation.tags ?? []))).toEqual(
      new Set(['health', 'studio', 'auth', 'users', 'templates', 'sessions', 'bookings', 'holds', 'attendance', 'credits', 'payments']),
    );
  });

  it('gives every operation a unique camelCase operationId', () => {
    const ids = operations.map(({ name, operation }) => [name, operation.operationId]);
    expect(ids.filter(([, id]) => !/^[a-z][a-zA-Z0-9]*$/.test(id ?? ''))).toEqual([]);
    expect(new Set(ids.map(([, id]) => id)).size).toBe(ids.length);
  });

  it('declares the security of every operation: none, the bearer token, or the bearer token optionally', () => {
    const allowed = [[], [{ bearerAuth: [] }], [{}, { bearerAuth: [] }]].map((security) => JSON.stringify(security));
    const undeclared = operations.filter(({ operation }) => !allowed.includes(JSON.stringify(operation.security)));
    expect(undeclared.map(({ name }) => name)).toEqual([]);
    const signedInWithout401 = operations.filter(
      ({ operation }) => operation.security?.some((requirement) => 'bearerAuth' in requirement) && !operation.responses['401'],
    );
    expect(signedInWithout401.map(({ name }) => name)).toEqual([]);
  });

  it('gives every operation its 4xx answers, each a problem document', () => {
    const is4xx = (status: string) => /^4/.test(status);
    const without4xx = operations.filter(({ operation }) => !Object.keys(operation.responses).some(is4xx)).map(({ name }) => name);
    const notProblems = operations.flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([status, response]) => is4xx(status) && JSON.stringify(response.content) !== JSON.stringify(PROBLEM))
        .map(([status]) => `${name} ${status}`),
    );
    expect({ without4xx, notProblems }).toEqual({ without4xx: [], notProblems: [] });
  });

  it('names the refusals of booking and cancelling, and leaves the refund tiers to the studio’s policy', () => {
    const descriptionOf = (path: string, method: string) => doc.paths[path]?.[method]?.description ?? '';
    expect(descriptionOf('/api/v1/sessions/{id}/book', 'post')).toMatch(/409 ALREADY_HOLDING/);
    const cancel = descriptionOf('/api/v1/bookings/{id}/cancel', 'patch');
    expect(cancel).toMatch(/INVALID_STATE once the member has checked in/);
    expect(cancel).toMatch(/GET \/studio/);
    expect(cancel).not.toMatch(/\d+ ?h\b/);
  });

  it('names its servers and license and describes every tag it uses', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(doc.info.license).toEqual({ name: 'Proprietary', identifier: 'LicenseRef-Proprietary' });
    expect(doc.tags?.every((tag) => tag.description)).toBe(true);
    const declared = new Set(doc.tags?.map((tag) => tag.name));
    expect(operations.flatMap(({ operation }) => operation.tags ?? []).filter((tag) => !declared.has(tag))).toEqual([]);
  });

  it('answers problems as before through the routes’ serializers, compiled (sessions) or zod', async () => {
    const answers = [
      await t.app.inject('/api/v1/sessions?page=0'),
      await t.app.inject(`/api/v1/sessions/${randomUUID()}`),
      await t.app.inject('/api/v1/me'),
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email: 'nobody' } }),
    ];
    expect(answers.map((answer) => [answer.statusCode, answer.headers['content-type']])).toEqual([
      [400, 'application/problem+json; charset=utf-8'],
      [404, 'application/problem+json; charset=utf-8'],
      [401, 'application/problem+json; charset=utf-8'],
      [400, 'application/problem+json; charset=utf-8'],
    ]);
    const problem = (code: string, status: number) => ({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      code,
      requestId: expect.any(String),
    });
    const [badPage, unknownSession, anonymous, badRegistration] = answers.map((answer) => answer.json());
    expect(badPage).toEqual({ ...problem('VALIDATION_FAILED', 400), errors: [{ path: 'page', message: expect.any(String) }] });
    expect(unknownSession).toEqual(problem('NOT_FOUND', 404));
    expect(anonymous).toEqual(problem('UNAUTHENTICATED', 401));
    expect(badRegistration).toEqual({
      ...problem('VALIDATION_FAILED', 400),
      errors: expect.arrayContaining([{ path: 'email', message: expect.any(String) }]),
    });
  });
});

describe('withoutUnusedSchemas', () => {
  it('keeps the schemas operations use, directly or through other schemas, and drops the rest', () => {
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    const document = {
      paths: { '/a': { get: { responses: { 200: { content: { 'application/json': { schema: ref('Page') } } } } } } },
      components: {
        securitySchemes: { bearerAuth: { type: 'http' } },
        schemas: {
          Page: { type: 'object', properties: { items: { type: 'array', items: ref('Item') } } },
          Item: { type: 'object', properties: { status: ref('Status') } },
          Status: { type: 'string' },
          PageInput: { type: 'object', properties: { items: { type: 'array', items: ref('ItemInput') } } },
          ItemInput: { type: 'object' },
        },
      },
    };
    const pruned = withoutUnusedSchemas(document);
    expect(Object.keys(pruned.components.schemas)).toEqual(['Page', 'Item', 'Status']);
    expect(pruned.components.securitySchemes).toEqual(document.components.securitySchemes);
    expect(pruned.paths).toEqual(document.paths);
  });
});
