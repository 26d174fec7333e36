/** What a dialog's save came to: done, or what to show where (and whether the dialog should close anyway). */
export type SaveResult =
  | { ok: true }
  | { ok: false; fieldErrors: Record<string, string>; formError: string | null; close?: boolean };

export const saved: SaveResult = { ok: true };
