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

/** A fresh member account, registered straight through the API (for journeys that are not about registering). */
export async function registerMember(request: APIRequestContext, label = 'member'): Promise<Account> {
  const suffix = uniqueSuffix();
  const account = { email: `${label}-${suffix}@e2e.fitflow.test`, name: `E2E ${label} ${suffix}`, password: PASSWORD };
  const response = await request.post('/api/v1/auth/register', { data: account });
  expect(response.status(), await response.text()).toBe(201);
  return account;
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
