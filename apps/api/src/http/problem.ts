import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, InvalidValueError } from '@fitflow/domain-shared';

/** The one place where stable error codes meet HTTP statuses. */
const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  INVALID_URL: 400,
  INVALID_BODY: 400,
  INVALID_CODE: 400,
  BAD_SIGNATURE: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_REFRESH_TOKEN: 401,
  INSUFFICIENT_CREDITS: 402,
  CREDITS_EXPIRED: 402,
  PAYMENT_FAILED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  LAST_ADMIN: 409,
  INVALID_STATE: 409,
  SESSION_FULL: 409,
  ALREADY_BOOKED: 409,
  ALREADY_HOLDING: 409,
  ALREADY_WAITLISTED: 409,
  SPOTS_AVAILABLE: 409,
  CAPACITY_BELOW_BOOKED: 409,
  ALREADY_CHECKED_IN: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  HOLD_EXPIRED: 410,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

const TITLE_BY_STATUS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  408: 'Request Timeout',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface FieldError {
  path: string;
  message: string;
}

/** An HTTP-level failure with a stable code, thrown by routes and plugins (not by the domain). */
export class HttpProblem extends Error {
  constructor(
    readonly code: string,
    detail: string,
    readonly extra: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(detail);
  }
}

export const unauthenticated = (detail = 'Sign in to continue.') => new HttpProblem('UNAUTHENTICATED', detail);
export const forbidden = (detail = 'You are not allowed to do this.') => new HttpProblem('FORBIDDEN', detail);
export const notFound = (detail = 'There is nothing here.') => new HttpProblem('NOT_FOUND', detail);

interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
}

function problem(code: string, detail: string, errors?: FieldError[]): ProblemDocument {
  const status = STATUS_BY_CODE[code] ?? 500;
  const type = `https://fitflow.app/problems/${code.toLowerCase().replaceAll('_', '-')}`;
  return { type, title: TITLE_BY_STATUS[status] ?? 'Error', status, detail, code, ...(errors ? { errors } : {}) };
}

/** The part of a request that failed validation, as a sentence starts. */
const INVALID_PART: Record<string, string> = {
  body: 'The request body is',
  querystring: 'The query string is',
  params: 'The address is',
  headers: 'The request headers are',
};

/** The code of a client error that Fastify or a plugin raised with only a status. */
const CODE_BY_STATUS: Record<number, string> = { 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

function fromFastifyError(error: FastifyError): ProblemDocument | null {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: issue.message ?? 'Invalid value',
    }));
    const what = INVALID_PART[error.validationContext ?? ''] ?? 'The request is';
    return problem('VALIDATION_FAILED', `${what} not valid.`, errors);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem('PAYLOAD_TOO_LARGE', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem('INVALID_BODY', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem('INVALID_BODY', 'The request body does not match its Content-Length.');
    case 'FST_ERR_BAD_URL':
      return problem('INVALID_URL', 'The address is not valid: check its percent-encoding.');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem('URI_TOO_LONG', 'A part of the address is too long.');
  }
  if (error.statusCode === 429) return problem('RATE_LIMITED', error.message);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
    // Fastify's own client errors (a body that does not match its Content-Length, bad headers); their messages
    // are safe to show.
    const code = CODE_BY_STATUS[error.statusCode] ?? 'BAD_REQUEST';
    return { ...problem(code, error.message), status: error.statusCode, title: TITLE_BY_STATUS[error.statusCode] ?? 'Bad Request' };
  }
  return null;
}

function toProblem(error: unknown): ProblemDocument | null {
  if (error instanceof HttpProblem) return problem(error.code, error.message, error.extra.errors);
  if (error instanceof InvalidValueError) {
    return problem(error.code, error.message, [{ path: error.field, message: error.message }]);
  }
  if (error instanceof DomainError) return problem(error.code, error.message);
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('FST_')) {
    return fromFastifyError(error as FastifyError);
  }
  if (error instanceof Error && 'validation' in error) return fromFastifyError(error as FastifyError);
  if (error instanceof Error && 'statusCode' in error) return fromFastifyError(error as FastifyError);
  return null;
}

/** One error handler for the whole API: RFC 9457 problem details, never a stack trace or internal message. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = toProblem(error);
  const body = { ...(known ?? problem('INTERNAL', 'Something went wrong on our side. Please try again.')), requestId: request.id };
  if (!known) request.log.error({ err: error }, 'unexpected failure');
  else if (body.status >= 500) request.log.error({ err: error }, body.detail);
  if (error instanceof HttpProblem && error.extra.retryAfterSeconds !== undefined) {
    reply.header('retry-after', String(error.extra.retryAfterSeconds));
  }
  // Also set here: errors raised before routing (frameworkErrors) skip the hooks that set it on other answers.
  reply.header('x-request-id', request.id);
  // Sent as text: a route's response schema for this status must never drop a field of the problem.
  return reply.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}

const CLIENT_ERRORS: Record<string, { code: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: { code: 'HEADERS_TOO_LARGE', detail: 'The request headers are too large.' },
  ERR_HTTP_REQUEST_TIMEOUT: { code: 'REQUEST_TIMEOUT', detail: 'The request took too long to arrive.' },
};

/**
 * The raw HTTP answer to a request Node refused before Fastify saw it (`clientError`: headers too large, a
 * malformed request line), as a problem document with a fresh request id, for `clientErrorHandler`.
 */
export function rawClientErrorAnswer(error: { code?: string }, requestId: string): string {
  const { code, detail } = CLIENT_ERRORS[error.code ?? ''] ?? { code: 'BAD_REQUEST', detail: 'The request is not valid HTTP.' };
  const body = JSON.stringify({ ...problem(code, detail), requestId });
  const status = STATUS_BY_CODE[code];
  return [
    `HTTP/1.1 ${status} ${TITLE_BY_STATUS[status]}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Request-Id: ${requestId}`,
    'Cache-Control: no-store',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(notFound(`No route ${request.method} ${request.url.split('?')[0]}.`), request, reply);
}
