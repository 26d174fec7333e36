import { HttpErrorResponse } from '@angular/common/http';
import type { Problem } from '@fitflow/api-contract';

/** A problem document (RFC 9457) as the SPA sees it, with the `Retry-After` of a 429 when there was one. */
export interface ApiProblem extends Problem {
  /** Seconds to wait before trying again (from the `Retry-After` header). */
  retryAfterSeconds?: number;
}

/** The code the SPA uses when the request never reached the API. */
export const NETWORK_ERROR = 'NETWORK_ERROR';

const codeByStatus: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
};

/** Reads any failure of an API call as a problem document, whatever shape the response had. */
export function toProblem(error: unknown): ApiProblem {
  if (!(error instanceof HttpErrorResponse)) {
    return { type: 'about:blank', title: 'Unexpected error', status: 0, detail: String(error), code: 'INTERNAL' };
  }
  if (error.status === 0) {
    return {
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: 'The server could not be reached.',
      code: NETWORK_ERROR,
    };
  }
  const body = parseBody(error.error);
  const problem: ApiProblem = {
    type: typeof body?.['type'] === 'string' ? body['type'] : 'about:blank',
    title: typeof body?.['title'] === 'string' ? body['title'] : error.statusText || 'Error',
    status: typeof body?.['status'] === 'number' ? body['status'] : error.status,
    detail: typeof body?.['detail'] === 'string' ? body['detail'] : '',
    code: typeof body?.['code'] === 'string' ? body['code'] : fallbackCode(error.status),
  };
  if (typeof body?.['requestId'] === 'string') problem.requestId = body['requestId'];
  const errors = body?.['errors'];
  if (Array.isArray(errors)) {
    problem.errors = errors
      .filter((e): e is { path: unknown; message: string } => typeof e?.message === 'string')
      .map((e) => ({ path: String(e.path ?? ''), message: e.message }));
  }
  const retryAfter = parseRetryAfter(error.headers?.get('Retry-After'));
  if (retryAfter !== undefined) problem.retryAfterSeconds = retryAfter;
  return problem;
}

/** The first message the API gave for each field, keyed by the field's path (`email`, `password`, `name`). */
export function fieldErrorsOf(problem: Problem): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const { path, message } of problem.errors ?? []) {
    const key = path.replace(/^\/+/, '').replace(/\//g, '.');
    byPath[key] ??= message;
  }
  return byPath;
}

/** A sentence for people, for any problem the API can answer. */
export function describeProblem(problem: ApiProblem): string {
  switch (problem.code) {
    case 'VALIDATION_FAILED':
      return 'Some details are not right. Check the highlighted fields.';
    case 'EMAIL_TAKEN':
      return 'An account with this email already exists.';
    case 'INVALID_CREDENTIALS':
      return 'Email or password is wrong.';
    case 'RATE_LIMITED':
      return problem.retryAfterSeconds !== undefined
        ? `Too many attempts. Try again in ${problem.retryAfterSeconds} ${problem.retryAfterSeconds === 1 ? 'second' : 'seconds'}.`
        : 'Too many attempts. Try again in a minute.';
    case 'SESSION_FULL':
      return 'Sorry, this class is full: the last spot was just taken.';
    case 'ALREADY_BOOKED':
      return 'You have already booked this class.';
    case 'INSUFFICIENT_CREDITS':
      return 'You do not have enough credits for this class.';
    case 'CREDITS_EXPIRED':
      return 'Your credits have expired.';
    case 'INVALID_REFRESH_TOKEN':
      return 'Your session has ended. Please sign in again.';
    case 'UNAUTHENTICATED':
      return 'Please sign in to continue.';
    case 'FORBIDDEN':
      return 'You are not allowed to do that.';
    case 'NOT_FOUND':
      return 'We could not find that. It may have been removed.';
    case NETWORK_ERROR:
      return 'We could not reach FitFlow. Check your connection and try again.';
    case 'INTERNAL':
      return problem.requestId
        ? `Something went wrong on our side. Please try again. (Reference ${problem.requestId})`
        : 'Something went wrong on our side. Please try again.';
    default:
      return problem.detail || problem.title || 'Something went wrong. Please try again.';
  }
}

function fallbackCode(status: number): string {
  return codeByStatus[status] ?? (status >= 500 ? 'INTERNAL' : 'UNKNOWN');
}

function parseBody(body: unknown): Record<string, unknown> | null {
  if (typeof body === 'string') {
    try {
      return parseBody(JSON.parse(body));
    } catch {
      return null;
    }
  }
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : null;
}

function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(1, Math.ceil((date - Date.now()) / 1000));
}
