import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** The admin account the e2e server creates at start-up (see playwright.config.mts). */
export const admin = {
  email: process.env['E2E_ADMIN_EMAIL'] ?? 'admin@e2e.fitflow.test',
  password: process.env['E2E_ADMIN_PASSWORD'] ?? 'E2e-admin-password-2026',
};

/** Long and not a commonly breached password, so the API accepts it. */
export const PASSWORD = 'Quiet-harbour-kettlebell-42';

/** A short token unique to this run and call, for emails and names that never collide across workers. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomUUID().slice(0, 6)}`;
}

/** An email no other test (or earlier run on the same database) has used. */
export function uniqueEmail(label = 'member'): string {
  return `${label}-${uniqueSuffix()}@e2e.fitflow.test`;
}

export interface Account {
  email: string;
  name: string;
  password: string;
}

/** An account with its id, as the API registered it. */
export interface RegisteredAccount extends Account {
  id: string;
}

/** What `registerMember` gives an account unless told otherwise: enough for any journey's bookings. */
export const STARTING_CREDITS = 20;

/**
 * A fresh member account, registered straight through the API (for journeys that are not about registering), with
 * `credits` (STARTING_CREDITS unless said; 0 for none) granted by the e2e admin.
 */
export async function registerMember(request: APIRequestContext, label = 'member', { credits = STARTING_CREDITS } = {}): Promise<RegisteredAccount> {
  const suffix = uniqueSuffix();
  const account = { email: `${label}-${suffix}@e2e.fitflow.test`, name: `E2E ${label} ${suffix}`, password: PASSWORD };
  const response = await request.post('/api/v1/auth/register', { data: account });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  if (credits > 0) await grantCredits(request, id, credits);
  return { ...account, id };
}

/** The e2e admin adds `amount` credits to the account `userId`, through the API. */
export async function grantCredits(request: APIRequestContext, userId: string, amount: number): Promise<void> {
  const authorization = await bearerFor(request, admin);
  const granted = await request.post(`/api/v1/users/${userId}/credits`, { data: { amount, reason: 'Credits for the journey' }, headers: { authorization } });
  expect(granted.status(), await granted.text()).toBe(201);
}

const bearers = new Map<string, { header: string; until: number }>();

/**
 * The bearer header of `account`, signed in through the API. Kept for ten minutes (tokens live fifteen), so
 * a test's set-up signs each account in once and stays under the per-email sign-in limit.
 */
export async function bearerFor(request: APIRequestContext, account: Credentials): Promise<string> {
  const known = bearers.get(account.email);
  if (known && known.until > Date.now()) return known.header;
  const header = `Bearer ${(await login(request, account)).accessToken}`;
  bearers.set(account.email, { header, until: Date.now() + 10 * 60_000 });
  return header;
}

/** Forgets the bearers kept so far: a spec that talks to another API (its own secret) starts and ends with this. */
export function forgetBearers(): void {
  bearers.clear();
}

/**
 * Signs `account` in without the sign-in page: the API's refresh token is put where the SPA keeps it, once per
 * tab, so the next `page.goto` starts signed in. For tests that are not about signing in; one account per tab.
 * Let the app render (wait for something on screen) before the next `goto` or `reload`: the SPA rotates the
 * token as it starts, and leaving mid-rotation would replay the old one, which revokes the session.
 */
export async function signInThroughApi(page: Page, request: APIRequestContext, account: Credentials): Promise<void> {
  const { refreshToken } = await login(request, account);
  await page.addInitScript(
    ([key, token]) => {
      try {
        // Once per tab: the SPA rotates the token at start, and a later navigation must not put back the old one.
        if (sessionStorage.getItem('e2e.signed-in')) return;
        sessionStorage.setItem('e2e.signed-in', 'yes');
        localStorage.setItem(key, token);
      } catch {
        // about:blank has no storage; the first real page of the tab sets it.
      }
    },
    [REFRESH_TOKEN_KEY, refreshToken] as const,
  );
}

/** Where the SPA keeps the refresh token (core/auth/refresh-token-storage.ts). */
const REFRESH_TOKEN_KEY = 'fitflow.refreshToken';

export interface Credentials {
  email: string;
  password: string;
}

interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** Signs in through the API (each call counts against the per-email sign-in limit of 10 a minute). */
export async function login(request: APIRequestContext, account: Credentials): Promise<TokenPair> {
  const response = await request.post('/api/v1/auth/login', { data: { email: account.email, password: account.password } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as TokenPair;
}

/** Signs in through the sign-in page and waits until the app shows the account menu. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Account', exact: true })).toBeVisible();
}

/** Signs out through the account menu (wide screens). */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Account', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
}
