import type { Me, TokenPair } from '@fitflow/api-contract';

export const member: Me = { id: '0b7e3a52-3c1c-4d6e-9a43-5a3f0c1d2e01', email: 'ana@example.com', name: 'Ana', role: 'member' };
export const admin: Me = { id: '0b7e3a52-3c1c-4d6e-9a43-5a3f0c1d2e02', email: 'boss@example.com', name: 'Boss', role: 'admin' };

export function tokenPair(n: number): TokenPair {
  return { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, tokenType: 'Bearer', expiresIn: 900 };
}

/** A problem document as the API sends it. */
export function problem(status: number, code: string, extra: Record<string, unknown> = {}) {
  return { type: `https://fitflow.example/problems/${code.toLowerCase()}`, title: code, status, detail: code, code, ...extra };
}
