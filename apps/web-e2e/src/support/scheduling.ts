import { expect, type APIRequestContext } from '@playwright/test';
import { admin, type Account, registerMember } from './accounts';

/** A calendar day, `YYYY-MM-DD`. */
export type DateKey = string;

/** Signs in through the API and answers the bearer header. */
export async function bearerFor(request: APIRequestContext, account: { email: string; password: string }): Promise<string> {
  const response = await request.post('/api/v1/auth/login', { data: { email: account.email, password: account.password } });
  expect(response.status(), await response.text()).toBe(200);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return `Bearer ${accessToken}`;
}

/** A fresh account that the e2e admin has made a trainer, through the API. */
export async function registerTrainer(request: APIRequestContext): Promise<Account & { id: string }> {
  const account = await registerMember(request, 'coach');
  const authorization = await bearerFor(request, admin);
  const found = await request.get('/api/v1/users', { params: { q: account.email }, headers: { authorization } });
  expect(found.status(), await found.text()).toBe(200);
  const { items } = (await found.json()) as { items: { id: string; email: string }[] };
  expect(items.map((user) => user.email), `user ${account.email} is listed`).toContain(account.email);
  const id = items.find((user) => user.email === account.email)?.id;
  const promoted = await request.patch(`/api/v1/users/${id}/role`, { data: { role: 'trainer' }, headers: { authorization } });
  expect(promoted.status(), await promoted.text()).toBe(200);
  return { ...account, id: id as string };
}

/** The studio's time zone, as the SPA shows times in it. */
export async function studioTimeZone(request: APIRequestContext): Promise<string> {
  const response = await request.get('/api/v1/studio');
  return ((await response.json()) as { timeZone: string }).timeZone;
}

/** Today in the studio's zone. */
export function studioToday(timeZone: string, now = new Date()): DateKey {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
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

/** "Monday 30 November", as the schedule heads a day. */
export function dayHeading(date: DateKey): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' })
    .format(new Date(Date.UTC(y, m - 1, d, 12)))
    .replace(',', '');
}

/** The instant at which the studio's clock reads `time` (`HH:MM`) on `date`. */
export function studioInstant(timeZone: string, date: DateKey, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  const offsetAt = (instant: number) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(new Date(instant));
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute')) - instant;
  };
  return new Date(wall - offsetAt(wall - offsetAt(wall)));
}

/** A published class of the trainer's, created straight through the API. Answers its id. */
export async function publishClass(
  request: APIRequestContext,
  trainer: { email: string; password: string },
  session: { name: string; startsAt: Date; minutes: number; capacity: number; creditCost: number },
): Promise<string> {
  const authorization = await bearerFor(request, trainer);
  const created = await request.post('/api/v1/sessions', {
    headers: { authorization },
    data: {
      name: session.name,
      startsAt: session.startsAt.toISOString(),
      endsAt: new Date(session.startsAt.getTime() + session.minutes * 60_000).toISOString(),
      capacity: session.capacity,
      creditCost: session.creditCost,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { ids } = (await created.json()) as { ids: string[] };
  const id = ids[0] as string;
  const published = await request.post(`/api/v1/sessions/${id}/publish`, { headers: { authorization } });
  expect(published.status(), await published.text()).toBe(200);
  return id;
}
