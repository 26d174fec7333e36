import { z } from 'zod';

/** RFC 9457 problem details, with FitFlow's stable `code`. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

/** Half of a UTF-16 surrogate pair without its other half: not Unicode, so not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Text PostgreSQL can store: no NUL byte (its text types refuse it) and well-formed Unicode. */
const isStorable = (text: string) => !text.includes('\u0000') && !LONE_SURROGATE.test(text);
export const UNSTORABLE_TEXT_MESSAGE = 'Remove the NUL or broken Unicode characters from this text';

/**
 * The one string type for free text from a client (names, descriptions, reasons, searches, emails, passwords):
 * text PostgreSQL can store, so a hostile value is a 400 naming its field, never a database error. Chain the
 * field's own rules after it (`storableText().trim().min(1)`).
 */
export function storableText() {
  return z.string().refine(isStorable, { message: UNSTORABLE_TEXT_MESSAGE, abort: true });
}

export const uuidSchema = z.uuid();
export const idParamsSchema = z.object({ id: z.uuid() });
export const createdIdSchema = z.object({ id: z.uuid() });

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.input<typeof pageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}
export interface PageOf<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** ISO-8601 UTC instant with `Z`. */
export const instantSchema = z.iso.datetime();

/** A client-chosen key that makes a retried `POST` safe: 1–255 printable ASCII characters (Stripe's rule). */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x20-\x7E]{1,255}$/, 'Use 1 to 255 printable ASCII characters')
  .meta({
    description:
      'Makes retrying safe: the same key from the same caller within 24 h answers the first answer again (with ' +
      '`Idempotent-Replayed: true`) and changes nothing; the same key with a different request is 422 ' +
      'IDEMPOTENCY_KEY_REUSED; while the first request still runs, 409 IDEMPOTENCY_IN_PROGRESS with Retry-After.',
  });

/** The headers of a `POST` that moves spots or money (Fastify matches header names in lower case). */
export const idempotentHeadersSchema = z.object({ 'idempotency-key': idempotencyKeySchema.optional() });

/** The same, where the key is required: a card payment, whose blind retry would charge the card again. */
export const requiredIdempotencyHeadersSchema = z.object({ 'idempotency-key': idempotencyKeySchema });
