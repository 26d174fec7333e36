import type { Role } from '@fitflow/api-contract';

/** Only a path inside this app: never another origin (`//evil.example`, `https://...`). */
export function safeReturnUrl(url: string | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : '/';
}

/**
 * Where signing in (or registering) leads: back to the page that asked for it, else where the role's day starts
 * (a trainer's at their classes, everyone else's at the schedule).
 */
export function destinationAfterSignIn(returnUrl: string | undefined, role: Role | null): string {
  if (returnUrl) return safeReturnUrl(returnUrl);
  return role === 'trainer' ? '/trainer/classes' : '/';
}

/** The query parameters that carry `returnUrl` between sign-in and registration, so the way back survives both. */
export function returnUrlParams(returnUrl: string | undefined): { returnUrl?: string } {
  return returnUrl ? { returnUrl } : {};
}
