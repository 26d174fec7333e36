import type {
  API_BASE_PATH as ContractBasePath,
  NAME_MAX_LENGTH as ContractNameMax,
  PASSWORD_MIN_LENGTH as ContractPasswordMin,
} from '@fitflow/api-contract';

/*
 * The contract's constants, typed against the contract so a change there breaks this build. They are copied
 * rather than imported as values so zod (which the contract's module graph pulls in) stays out of the bundle.
 */
export const API_BASE_PATH: typeof ContractBasePath = '/api/v1';
export const PASSWORD_MIN_LENGTH: typeof ContractPasswordMin = 10;
export const NAME_MAX_LENGTH: typeof ContractNameMax = 100;
export const PASSWORD_MAX_LENGTH = 200;

/** The URL of an API route, e.g. `apiUrl('/me')` → `/api/v1/me`. */
export function apiUrl(path: `/${string}`): string {
  return `${API_BASE_PATH}${path}`;
}

/** True for a request to FitFlow's API (same origin, under the base path). */
export function isApiRequest(url: string): boolean {
  return url.startsWith(`${API_BASE_PATH}/`);
}

/** True for the auth endpoints, which never carry a bearer and never trigger a refresh. */
export function isAuthRequest(url: string): boolean {
  return url.startsWith(`${API_BASE_PATH}/auth/`);
}
