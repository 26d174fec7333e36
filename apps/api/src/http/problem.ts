import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, InvalidValueError } from '@fitflow/domain-shared';

/** The one place where stable error codes meet HTTP statuses. */
const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION_FAILED: 400,
  INVALID_BODY: 400,
  INVALID_CODE: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_REFRESH_TOKEN: 401,
  INSUFFICIENT_CREDITS: 402,
  CREDITS_EXPIRED: 402,
  PAYMENT_FAILED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  INVALID_STATE: 409,
  SESSION_FULL: 409,
  ALREADY_BOOKED: 409,
  ALREADY_WAITLISTED: 409,
  SPOTS_AVAILABLE: 409,
  CAPACITY_BELOW_BOOKED: 409,
  ALREADY_CHECKED_IN: 409,
  HOLD_EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
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
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
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

function fromFastifyError(error: FastifyError): ProblemDocument | null {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: issue.message ?? 'Invalid value',
    }));
    const where = error.validationContext ?? 'request';
    return problem('VALIDATION_FAILED', `The ${where} is not valid.`, errors);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem('PAYLOAD_TOO_LARGE', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem('INVALID_BODY', 'The request body is not valid JSON.');
  }
  if (error.statusCode === 429) return problem('RATE_LIMITED', error.message);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
    // Fastify's own client errors (bad JSON from the parser, bad headers); their messages are safe to show.
    return { ...problem('INVALID_BODY', error.message), status: error.statusCode, title: TITLE_BY_STATUS[error.statusCode] ?? 'Bad Request' };
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
  const body = known ?? { ...problem('INTERNAL', 'Something went wrong on our side. Please try again.'), requestId: request.id };
  if (!known) request.log.error({ err: error }, 'unexpected failure');
  else if (body.status >= 500) request.log.error({ err: error }, body.detail);
  if (error instanceof HttpProblem && error.extra.retryAfterSeconds !== undefined) {
    reply.header('retry-after', String(error.extra.retryAfterSeconds));
  }
  return reply.status(body.status).type('application/problem+json').send(body);
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(notFound(`No route ${request.method} ${request.url.split('?')[0]}.`), request, reply);
}
