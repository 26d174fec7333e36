import { expect, type APIRequestContext } from '@playwright/test';
import * as Instant from 'temporal-polyfill/fns/Instant';
import * as PlainDate from 'temporal-polyfill/fns/PlainDate';
import * as PlainDateTime from 'temporal-polyfill/fns/PlainDateTime';
import * as ZonedDateTime from 'temporal-polyfill/fns/ZonedDateTime';
import { admin, type Account, type Credentials, bearerFor, registerMember } from './accounts';

export { bearerFor, forgetBearers } from './accounts';

/** A calendar day, `YYYY-MM-DD`. */
export type DateKey = string;

/** A fresh account that the e2e admin has made a trainer, through the API. */
export async function registerTrainer(request: APIRequestContext): Promise<Account & { id: string }> {
  const account = await registerMember(request, 'coach');
  return { ...account, id: await changeRole(request, account.email, 'trainer') };
}

/** The e2e admin gives the account of `email` the `role`, through the API. Answers the account's id. */
export async function changeRole(request: APIRequestContext, email: string, role: 'member' | 'trainer' | 'admin'): Promise<string> {
  const authorization = await bearerFor(request, admin);
  const found = await request.get('/api/v1/users', { params: { q: email }, headers: { authorization } });
  expect(found.status(), await found.text()).toBe(200);
  const { items } = (await found.json()) as { items: { id: string; email: string }[] };
  const id = items.find((user) => user.email === email)?.id;
  expect(id, `user ${email} is listed`).toBeDefined();
  const changed = await request.patch(`/api/v1/users/${id}/role`, { data: { role }, headers: { authorization } });
  expect(changed.status(), await changed.text()).toBe(200);
  return id as string;
}

/** The studio's time zone, as the SPA shows times in it. */
export async function studioTimeZone(request: APIRequestContext): Promise<string> {
  const response = await request.get('/api/v1/studio');
  return ((await response.json()) as { timeZone: string }).timeZone;
}

/** Today in the studio's zone. */
export function studioToday(timeZone: string, now = new Date()): DateKey {
  const zoned = Instant.toZonedDateTimeISO(Instant.fromEpochMilliseconds(now.getTime()), timeZone);
  return PlainDate.toString(ZonedDateTime.toPlainDate(zoned));
}

export function addDays(date: DateKey, days: number): DateKey {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The Monday of next week in the studio (the schedule's "Next week"). */
export function nextMonday(timeZone: string, now = new Date()): DateKey {
  const today = studioToday(timeZone, now);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0
  return addDays(today, 7 - weekday);
}

/** "30/11/2026", as the app writes a day in a date field and reads one typed into it. */
export function typedDay(date: DateKey): string {
  return date.split('-').reverse().join('/');
}

/** "30 November 2026", as the calendar of a date field names a day's button. */
export function calendarDayName(date: DateKey): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(y, m - 1, d, 12)),
  );
}

/** "Monday 30 November", as the schedule heads a day. */
export function dayHeading(date: DateKey): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' })
    .format(new Date(Date.UTC(y, m - 1, d, 12)))
    .replace(',', '');
}

/**
 * The instant at which the studio's clock reads `time` (`HH:MM`) on `date`, by the SPA's and the domain's rule
 * (Temporal's "compatible": the earlier of a repeated hour, a skipped hour moved on by the gap).
 */
export function studioInstant(timeZone: string, date: DateKey, time: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = PlainDateTime.create(year, month, day, hour, minute);
  return new Date(PlainDateTime.toZonedDateTime(wall, timeZone).epochMilliseconds);
}

export interface ClassPlan {
  name: string;
  startsAt: Date;
  minutes: number;
  capacity: number;
  creditCost: number;
}

/** A draft class of the trainer's, created straight through the API. Answers its id. */
export async function draftClass(request: APIRequestContext, trainer: Credentials, session: ClassPlan): Promise<string> {
  const created = await callAs(request, trainer, 'post', '/api/v1/sessions', {
    name: session.name,
    startsAt: session.startsAt.toISOString(),
    endsAt: new Date(session.startsAt.getTime() + session.minutes * 60_000).toISOString(),
    capacity: session.capacity,
    creditCost: session.creditCost,
  });
  return ((await created.json()) as { id: string }).id;
}

/** A published class of the trainer's, created straight through the API. Answers its id. */
export async function publishClass(request: APIRequestContext, trainer: Credentials, session: ClassPlan): Promise<string> {
  const id = await draftClass(request, trainer, session);
  await callAs(request, trainer, 'post', `/api/v1/sessions/${id}/publish`);
  return id;
}

/** Cancels the trainer's class through the API, with the reason members read. */
export async function cancelClass(request: APIRequestContext, trainer: Credentials, sessionId: string, reason: string): Promise<void> {
  await callAs(request, trainer, 'post', `/api/v1/sessions/${sessionId}/cancel`, { reason });
}

/** A class template of the trainer's (60 minutes, 12 people, 1 credit unless said), through the API. Answers its id. */
export async function createTemplate(
  request: APIRequestContext,
  trainer: Credentials,
  template: { name: string; durationMinutes?: number; capacity?: number; creditCost?: number },
): Promise<string> {
  const created = await callAs(request, trainer, 'post', '/api/v1/templates', {
    durationMinutes: 60,
    capacity: 12,
    creditCost: 1,
    ...template,
  });
  return ((await created.json()) as { id: string }).id;
}

/** Books the class for `member` through the API. Answers the booking's id. */
export async function bookClass(request: APIRequestContext, member: Credentials, sessionId: string): Promise<string> {
  const booked = await callAs(request, member, 'post', `/api/v1/sessions/${sessionId}/book`);
  return ((await booked.json()) as { id: string }).id;
}

/** One API call as `account` that must succeed. */
async function callAs(
  request: APIRequestContext,
  account: Credentials,
  method: 'post' | 'patch',
  path: string,
  data?: unknown,
) {
  const response = await request[method](path, { headers: { authorization: await bearerFor(request, account) }, data });
  expect(response.ok(), `${method.toUpperCase()} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return response;
}
