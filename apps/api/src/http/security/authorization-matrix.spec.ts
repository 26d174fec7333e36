import { randomUUID } from 'node:crypto';
import type { FastifyInstance, HTTPMethods, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMember, signIn, type TestApp } from '../../testing/test-app';
import { CALLERS, createAppWithRouteTable, creditPackageBody, fixtures, nextSlot, signInCast, templateBody, type Caller, type Cast } from './cast';
import { routeKey, type RegisteredRoute, type RouteKey } from './route-table';

/**
 * The authorization matrix: every route of the app, called by every kind of caller, answers what
 * ../shared/API.md says: 401 anonymous on signed-in routes, 403 a role that may not, 404 a resource the caller
 * may not know of (another trainer's template or draft, in every verb; someone else's booking), 2xx the allowed.
 * The route table is read from the real app, so a route without a row fails the suite.
 */

/** A status, or a status and the problem's code when the code is the point (`409 INVALID_STATE`). */
type Answer = number | `${number} ${string}`;
/** The demoted admin is answered as the member it now is, who owns nothing: like `otherMember`. */
type Answers = Record<Exclude<Caller, 'demotedAdmin'>, Answer>;

interface Request {
  url: string;
  payload?: object;
  headers?: Record<string, string>;
}

interface Row {
  route: RouteKey;
  given: string;
  answers: Answers;
  /** One caller's request; a request that changes state gets that caller's own fresh resource. */
  request: (caller: Caller) => Promise<Request> | Request;
}

const everyone = (answer: Answer): Answers => ({
  anonymous: answer,
  member: answer,
  otherMember: answer,
  ownerTrainer: answer,
  otherTrainer: answer,
  admin: answer,
});
const signedIn = (answer: Answer): Answers => ({ ...everyone(answer), anonymous: 401 });
const staff = (answer: Answer): Answers => ({ ...signedIn(403), ownerTrainer: answer, otherTrainer: answer, admin: answer });
const adminOnly = (answer: Answer): Answers => ({ ...signedIn(403), admin: answer });
/** A template or session of the owner trainer: members may never manage classes, other trainers may not this one. */
const ownedClass = (allowed: Answer, otherTrainer: Answer): Answers => ({ ...signedIn(403), ownerTrainer: allowed, admin: allowed, otherTrainer });

const CODE_BY_STATUS: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

/** `404` reads as `404 NOT_FOUND`: a refusal must carry its code, not just its status. */
function normalised(answer: Answer): string {
  return typeof answer === 'number' && CODE_BY_STATUS[answer] ? `${answer} ${CODE_BY_STATUS[answer]}` : String(answer);
}

function observed(response: LightMyRequestResponse): string {
  const isProblem = String(response.headers['content-type']).startsWith('application/problem+json');
  return isProblem ? `${response.statusCode} ${(response.json() as { code?: string }).code}` : String(response.statusCode);
}

const P = '/api/v1';

describe('authorization matrix', () => {
  let t: TestApp;
  let routes: RegisteredRoute[];
  let cast: Cast;
  let make: ReturnType<typeof fixtures>;
  /** Resources that no row changes, shared by every caller. */
  const shared = { template: '', draft: '', published: '', booking: '', creditPackage: '', purchase: '', login: { email: '', password: '' } };

  beforeAll(async () => {
    ({ t, routes } = await createAppWithRouteTable());
    cast = await signInCast(t.app, CALLERS);
    make = fixtures(t.app, cast);
    shared.template = await make.template();
    shared.draft = await make.draft();
    shared.published = await make.published();
    shared.booking = await make.booking();
    shared.creditPackage = await make.creditPackage();
    shared.purchase = await make.purchase(shared.creditPackage);
    shared.login = await make.account();
  });
  afterAll(() => t?.close());

  const freshRefreshToken = async () => (await signIn(t.app, shared.login.email, shared.login.password)).refreshToken;

  const rows: Row[] = [
    { route: 'GET /healthz', given: 'the process runs', answers: everyone(200), request: () => ({ url: '/healthz' }) },
    { route: 'GET /readyz', given: 'the database answers', answers: everyone(200), request: () => ({ url: '/readyz' }) },
    { route: 'GET /docs', given: 'Swagger UI', answers: everyone(200), request: () => ({ url: '/docs' }) },
    {
      route: 'GET /docs/static/index.html',
      given: 'Swagger UI’s old address, sent on to /docs',
      answers: everyone(302),
      request: () => ({ url: '/docs/static/index.html' }),
    },
    {
      route: 'GET /docs/static/swagger-initializer.js',
      given: 'Swagger UI',
      answers: everyone(200),
      request: () => ({ url: '/docs/static/swagger-initializer.js' }),
    },
    { route: 'GET /docs/static/*', given: 'a Swagger UI asset', answers: everyone(200), request: () => ({ url: '/docs/static/swagger-ui.css' }) },
    { route: 'GET /docs/json', given: 'the OpenAPI document', answers: everyone(200), request: () => ({ url: '/docs/json' }) },
    { route: 'GET /docs/yaml', given: 'the OpenAPI document', answers: everyone(200), request: () => ({ url: '/docs/yaml' }) },
    { route: `GET ${P}/studio`, given: 'the studio', answers: everyone(200), request: () => ({ url: `${P}/studio` }) },

    {
      route: `POST ${P}/auth/register`,
      given: 'a new email',
      answers: everyone(201),
      request: () => ({ url: `${P}/auth/register`, payload: newMember() }),
    },
    {
      route: `POST ${P}/auth/login`,
      given: 'right credentials',
      answers: everyone(200),
      request: () => ({ url: `${P}/auth/login`, payload: shared.login }),
    },
    {
      route: `POST ${P}/auth/refresh`,
      given: 'a current refresh token',
      answers: everyone(200),
      request: async () => ({ url: `${P}/auth/refresh`, payload: { refreshToken: await freshRefreshToken() } }),
    },
    {
      route: `POST ${P}/auth/logout`,
      given: 'a current refresh token',
      answers: everyone(204),
      request: async () => ({ url: `${P}/auth/logout`, payload: { refreshToken: await freshRefreshToken() } }),
    },
    { route: `GET ${P}/me`, given: 'the caller', answers: signedIn(200), request: () => ({ url: `${P}/me` }) },
    {
      route: `PATCH ${P}/me`,
      given: 'the caller’s new name',
      answers: signedIn(200),
      request: () => ({ url: `${P}/me`, payload: { name: 'Renamed by the matrix' } }),
    },
    {
      route: `POST ${P}/me/password`,
      given: 'a wrong current password (a right one would sign the caller’s other requests out)',
      answers: signedIn('400 VALIDATION_FAILED'),
      request: () => ({
        url: `${P}/me/password`,
        payload: { currentPassword: 'Not-the-password-1', newPassword: 'Lantern-orchard-matrix-7' },
      }),
    },
    { route: `GET ${P}/trainers`, given: 'the trainers', answers: everyone(200), request: () => ({ url: `${P}/trainers` }) },

    { route: `GET ${P}/users`, given: 'every account', answers: adminOnly(200), request: () => ({ url: `${P}/users` }) },
    {
      route: `PATCH ${P}/users/:id/role`,
      given: 'a member made a trainer',
      answers: adminOnly(200),
      request: async () => ({ url: `${P}/users/${(await make.account()).id}/role`, payload: { role: 'trainer' } }),
    },

    { route: `GET ${P}/templates`, given: 'the caller’s templates', answers: staff(200), request: () => ({ url: `${P}/templates` }) },
    {
      route: `POST ${P}/templates`,
      given: 'a template of the caller’s own',
      answers: staff(201),
      request: () => ({ url: `${P}/templates`, payload: templateBody }),
    },
    {
      route: `GET ${P}/templates/:id`,
      given: 'the owner trainer’s template',
      answers: ownedClass(200, 404),
      request: () => ({ url: `${P}/templates/${shared.template}` }),
    },
    {
      route: `PUT ${P}/templates/:id`,
      given: 'the owner trainer’s template',
      answers: ownedClass(200, 404),
      request: async () => ({ url: `${P}/templates/${await make.template()}`, payload: { ...templateBody, capacity: 12 } }),
    },
    {
      route: `DELETE ${P}/templates/:id`,
      given: 'the owner trainer’s template',
      answers: ownedClass(204, 404),
      request: async () => ({ url: `${P}/templates/${await make.template()}` }),
    },

    {
      route: `POST ${P}/sessions`,
      given: 'a session of the caller’s own',
      answers: staff(201),
      request: () => ({ url: `${P}/sessions`, payload: { name: 'Own Class', capacity: 5, ...nextSlot() } }),
    },
    {
      route: `POST ${P}/sessions`,
      given: 'a session from the owner trainer’s template',
      answers: ownedClass(201, 404),
      request: () => ({ url: `${P}/sessions`, payload: { templateId: shared.template, startsAt: nextSlot().startsAt } }),
    },
    { route: `GET ${P}/sessions`, given: 'the schedule', answers: everyone(200), request: () => ({ url: `${P}/sessions` }) },
    {
      route: `GET ${P}/sessions/:id`,
      given: 'the owner trainer’s draft',
      answers: { ...everyone(404), ownerTrainer: 200, admin: 200 },
      request: () => ({ url: `${P}/sessions/${shared.draft}` }),
    },
    {
      route: `GET ${P}/sessions/:id`,
      given: 'a published session',
      answers: everyone(200),
      request: () => ({ url: `${P}/sessions/${shared.published}` }),
    },
    {
      route: `PATCH ${P}/sessions/:id`,
      given: 'the owner trainer’s draft',
      answers: ownedClass(200, 404),
      request: async () => ({ url: `${P}/sessions/${await make.draft()}`, payload: { capacity: 12 } }),
    },
    {
      route: `PATCH ${P}/sessions/:id`,
      given: 'the owner trainer’s published session',
      answers: ownedClass(200, 403),
      request: async () => ({ url: `${P}/sessions/${await make.published()}`, payload: { capacity: 12 } }),
    },
    {
      route: `POST ${P}/sessions/:id/publish`,
      given: 'the owner trainer’s draft',
      answers: ownedClass(200, 404),
      request: async () => ({ url: `${P}/sessions/${await make.draft()}/publish` }),
    },
    {
      route: `POST ${P}/sessions/:id/publish`,
      given: 'a session already published',
      answers: ownedClass('409 INVALID_STATE', 403),
      request: () => ({ url: `${P}/sessions/${shared.published}/publish` }),
    },
    {
      route: `POST ${P}/sessions/:id/cancel`,
      given: 'the owner trainer’s draft',
      answers: ownedClass(200, 404),
      request: async () => ({ url: `${P}/sessions/${await make.draft()}/cancel`, payload: { reason: 'Trainer ill' } }),
    },
    {
      route: `POST ${P}/sessions/:id/cancel`,
      given: 'the owner trainer’s published session',
      answers: ownedClass(200, 403),
      request: async () => ({ url: `${P}/sessions/${await make.published()}/cancel`, payload: { reason: 'Trainer ill' } }),
    },
    {
      route: `POST ${P}/sessions/publish`,
      given: 'two of the owner trainer’s drafts',
      answers: ownedClass(200, 404),
      request: async () => ({ url: `${P}/sessions/publish`, payload: { ids: [await make.draft(), await make.draft()] } }),
    },
    {
      route: `POST ${P}/sessions/publish`,
      given: 'a session already published, then a draft (the first refusal answers)',
      answers: ownedClass('409 INVALID_STATE', 403),
      request: async () => ({ url: `${P}/sessions/publish`, payload: { ids: [shared.published, await make.draft()] } }),
    },
    {
      route: `DELETE ${P}/sessions/:id`,
      given: 'the owner trainer’s draft',
      answers: ownedClass(204, 404),
      request: async () => ({ url: `${P}/sessions/${await make.draft()}` }),
    },
    {
      route: `DELETE ${P}/sessions/:id`,
      given: 'the owner trainer’s published session (cancelled, never deleted)',
      answers: ownedClass('409 INVALID_STATE', 403),
      request: () => ({ url: `${P}/sessions/${shared.published}` }),
    },

    {
      route: `POST ${P}/sessions/:id/book`,
      given: 'a published session with free spots',
      answers: signedIn(201),
      request: async () => ({ url: `${P}/sessions/${await make.published()}/book` }),
    },
    {
      route: `POST ${P}/sessions/:id/book`,
      given: 'the owner trainer’s draft',
      answers: { ...signedIn(404), ownerTrainer: '409 INVALID_STATE', admin: '409 INVALID_STATE' },
      request: () => ({ url: `${P}/sessions/${shared.draft}/book` }),
    },
    { route: `GET ${P}/bookings`, given: 'the caller’s bookings', answers: signedIn(200), request: () => ({ url: `${P}/bookings` }) },
    {
      route: `GET ${P}/bookings/:id`,
      given: 'the member’s booking in the owner trainer’s session',
      answers: { ...signedIn(404), member: 200, ownerTrainer: 200, admin: 200 },
      request: () => ({ url: `${P}/bookings/${shared.booking}` }),
    },
    {
      route: `PATCH ${P}/bookings/:id/cancel`,
      given: 'the member’s booking in the owner trainer’s session',
      answers: { ...signedIn(404), member: 200, admin: 200 },
      request: async () => ({ url: `${P}/bookings/${await make.booking()}/cancel` }),
    },
    {
      route: `POST ${P}/sessions/:id/hold`,
      given: 'a published session with free spots',
      answers: signedIn(201),
      request: async () => ({ url: `${P}/sessions/${await make.published()}/hold` }),
    },
    {
      route: `GET ${P}/holds/:id`,
      given: 'the member’s pending hold',
      answers: { ...signedIn(404), member: 200 },
      request: async () => ({ url: `${P}/holds/${await make.hold()}` }),
    },
    {
      route: `POST ${P}/holds/:id/confirm`,
      given: 'the member’s pending hold',
      answers: { ...signedIn(404), member: 201 },
      request: async () => ({ url: `${P}/holds/${await make.hold()}/confirm` }),
    },
    {
      route: `DELETE ${P}/holds/:id`,
      given: 'the member’s pending hold',
      answers: { ...signedIn(404), member: 204 },
      request: async () => ({ url: `${P}/holds/${await make.hold()}` }),
    },
    {
      route: `GET ${P}/bookings/:id/calendar.ics`,
      given: 'the member’s booking',
      answers: { ...signedIn(404), member: 200 },
      request: () => ({ url: `${P}/bookings/${shared.booking}/calendar.ics` }),
    },

    {
      route: `GET ${P}/sessions/:id/roster`,
      given: 'the owner trainer’s published session',
      answers: ownedClass(200, 403),
      request: () => ({ url: `${P}/sessions/${shared.published}/roster` }),
    },
    {
      route: `GET ${P}/sessions/:id/roster`,
      given: 'the owner trainer’s draft',
      answers: ownedClass(200, 404),
      request: () => ({ url: `${P}/sessions/${shared.draft}/roster` }),
    },
    {
      route: `POST ${P}/bookings/:id/checkin`,
      given: 'the member’s booking of a class whose door is open',
      answers: ownedClass(201, 404),
      request: async () => ({ url: `${P}/bookings/${await make.bookingAtTheDoor()}/checkin`, payload: { method: 'manual' } }),
    },
    {
      route: `POST ${P}/bookings/:id/checkin`,
      given: 'the member’s booking of a class next week (door closed)',
      answers: ownedClass('409 INVALID_STATE', 404),
      request: () => ({ url: `${P}/bookings/${shared.booking}/checkin`, payload: { method: 'manual' } }),
    },
    {
      route: `POST ${P}/checkins`,
      given: 'the code of the member’s booking of a class whose door is open',
      answers: ownedClass(201, '400 INVALID_CODE'),
      request: async () => ({ url: `${P}/checkins`, payload: { code: await make.checkInCode(await make.bookingAtTheDoor()) } }),
    },
    {
      route: `GET ${P}/reports/attendance`,
      given: 'the coming weeks',
      answers: staff(200),
      request: () => ({ url: `${P}/reports/attendance?from=${encodeURIComponent(new Date().toISOString())}&to=${encodeURIComponent(nextSlot().endsAt)}` }),
    },
    {
      route: `GET ${P}/bookings/:id/checkin-code`,
      given: 'the member’s booking',
      answers: { ...signedIn(404), member: 200 },
      request: () => ({ url: `${P}/bookings/${shared.booking}/checkin-code` }),
    },
    {
      route: `GET ${P}/bookings/:id/qr`,
      given: 'the member’s booking',
      answers: { ...signedIn(404), member: 200 },
      request: () => ({ url: `${P}/bookings/${shared.booking}/qr` }),
    },

    { route: `GET ${P}/credit-packages`, given: 'the packages on sale', answers: everyone(200), request: () => ({ url: `${P}/credit-packages` }) },
    {
      route: `POST ${P}/credit-packages`,
      given: 'a new package',
      answers: adminOnly(201),
      request: () => ({ url: `${P}/credit-packages`, payload: creditPackageBody }),
    },
    {
      route: `PUT ${P}/credit-packages/:id`,
      given: 'a package on sale',
      answers: adminOnly(200),
      request: async () => ({ url: `${P}/credit-packages/${await make.creditPackage()}`, payload: { ...creditPackageBody, priceCents: 4_500 } }),
    },
    {
      route: `DELETE ${P}/credit-packages/:id`,
      given: 'a package on sale',
      answers: adminOnly(204),
      request: async () => ({ url: `${P}/credit-packages/${await make.creditPackage()}` }),
    },
    {
      route: `POST ${P}/memberships/purchase`,
      given: 'a package on sale and the test Visa',
      answers: signedIn(201),
      request: () => ({
        url: `${P}/memberships/purchase`,
        payload: { packageId: shared.creditPackage, paymentMethodId: 'pm_card_visa' },
        headers: { 'idempotency-key': randomUUID() },
      }),
    },
    {
      route: `GET ${P}/memberships/purchases/:id`,
      given: 'the member’s purchase',
      answers: { ...signedIn(404), member: 200, admin: 200 },
      request: () => ({ url: `${P}/memberships/purchases/${shared.purchase}` }),
    },
    {
      route: `POST ${P}/memberships/purchases/:id/test-authentication`,
      given: 'the member’s purchase waiting for 3-D Secure',
      answers: { ...signedIn(404), member: 200 },
      request: async () => ({
        url: `${P}/memberships/purchases/${await make.purchase(shared.creditPackage, 'pm_card_threeDSecure2Required')}/test-authentication`,
        payload: { outcome: 'succeed' },
      }),
    },
    { route: `GET ${P}/memberships/me`, given: 'the caller’s credits', answers: signedIn(200), request: () => ({ url: `${P}/memberships/me` }) },
    {
      route: `GET ${P}/memberships/me/transactions`,
      given: 'the caller’s credit history',
      answers: signedIn(200),
      request: () => ({ url: `${P}/memberships/me/transactions` }),
    },
    {
      route: `GET ${P}/users/:id/membership`,
      given: 'a member’s credits',
      answers: adminOnly(200),
      request: () => ({ url: `${P}/users/${cast.ids.member}/membership` }),
    },
    {
      route: `POST ${P}/users/:id/credits`,
      given: 'a goodwill credit for a member',
      answers: adminOnly(201),
      request: () => ({ url: `${P}/users/${cast.ids.member}/credits`, payload: { amount: 1, reason: 'Goodwill' } }),
    },
    {
      route: `POST ${P}/webhooks/stripe`,
      given: 'an unsigned event (no webhook secret in test mode)',
      answers: everyone('400 BAD_SIGNATURE'),
      request: () => ({ url: `${P}/webhooks/stripe`, payload: { id: 'evt_1', type: 'payment_intent.succeeded' } }),
    },
  ];

  /** Fastify's HEAD twin of a GET route answers as its GET does (without a body, so without a code). */
  const headRows = (): Row[] =>
    rows
      .filter((row) => row.route.startsWith('GET '))
      .map((row) => ({ ...row, route: row.route.replace(/^GET /, 'HEAD ') as RouteKey }));

  const call = async (app: FastifyInstance, method: string, caller: Caller, request: Request) =>
    app.inject({
      method: method as HTTPMethods,
      url: request.url,
      headers: { ...request.headers, ...cast.headers[caller] },
      ...(request.payload !== undefined && { payload: request.payload }),
    });

  async function answersOf(row: Row, bodiless: boolean): Promise<Record<Caller, string>> {
    const method = row.route.split(' ')[0] as string;
    const answers = {} as Record<Caller, string>;
    for (const caller of CALLERS) {
      const response = await call(t.app, method, caller, await row.request(caller));
      answers[caller] = bodiless ? String(response.statusCode) : observed(response);
    }
    return answers;
  }

  function expectedOf(row: Row, bodiless: boolean): Record<Caller, string> {
    const all: Record<Caller, Answer> = { ...row.answers, demotedAdmin: row.answers.otherMember };
    const text = (answer: Answer) => (bodiless ? String(answer).split(' ')[0] : normalised(answer)) as string;
    return Object.fromEntries(CALLERS.map((caller) => [caller, text(all[caller])])) as Record<Caller, string>;
  }

  it('has a row for every route of the app, and no row for a route it does not have', () => {
    const covered = new Set([...rows, ...headRows()].map((row) => row.route));
    const known = new Set(routes.map(routeKey));
    expect(known.size).toBeGreaterThan(0);
    expect([...known].filter((key) => !covered.has(key)), 'routes without a row').toEqual([]);
    expect([...covered].filter((key) => !known.has(key)), 'rows of routes the app does not have').toEqual([]);
  });

  it.each([...rows, ...headRows()].map((row) => [`${row.route}: ${row.given}`, row] as const))('%s', async (_name, row) => {
    const bodiless = row.route.startsWith('HEAD ');
    expect(await answersOf(row, bodiless)).toEqual(expectedOf(row, bodiless));
  });
});
