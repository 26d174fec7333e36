import { Injectable } from '@angular/core';

const KEY = 'fitflow.refreshToken';

/**
 * Keeps the refresh token across reloads (localStorage). The access token is never stored: it lives in memory
 * only and is renewed from this refresh token at start-up.
 */
@Injectable({ providedIn: 'root' })
export class RefreshTokenStorage {
  read(): string | null {
    try {
      return globalThis.localStorage?.getItem(KEY) ?? null;
    } catch {
      return null;
    }
  }

  write(token: string): void {
    try {
      globalThis.localStorage?.setItem(KEY, token);
    } catch {
      // Storage may be full or blocked (private mode): the session then lasts until the tab closes.
    }
  }

  clear(): void {
    try {
      globalThis.localStorage?.removeItem(KEY);
    } catch {
      // Nothing to clear when storage is blocked.
    }
  }
}
