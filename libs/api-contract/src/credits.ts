import { z } from 'zod';
import { instantSchema, storableText } from './common';

/** API.md `CreditPackage`: what the studio sells. Money in minor units plus an ISO 4217 currency. */
export const creditPackageSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    credits: z.number().int(),
    priceCents: z.number().int(),
    currency: z.string(),
    validityDays: z.number().int(),
  })
  .meta({ id: 'CreditPackage' });
export type CreditPackage = z.infer<typeof creditPackageSchema>;

export const creditPackageBodySchema = z
  .object({
    name: storableText().trim().min(1, 'Name the package').max(80, 'Use at most 80 characters'),
    credits: z.number().int('Credits are whole numbers').min(1, 'A package gives at least 1 credit').max(1_000, 'At most 1,000 credits'),
    priceCents: z.number().int('The price is in whole cents').min(50, 'The price is at least 50 cents').max(10_000_000, 'At most 100,000.00'),
    currency: z.string().regex(/^[A-Za-z]{3}$/, 'Use a three-letter currency code such as EUR'),
    validityDays: z.number().int('Whole days').min(1, 'Valid at least 1 day').max(3_660, 'At most 3,660 days'),
  });
export type CreditPackageBody = z.input<typeof creditPackageBodySchema>;

export const PURCHASE_STATUSES = ['pending', 'requires_action', 'succeeded', 'failed'] as const;
/**
 * `succeeded`: the credits are on the balance. `requires_action`: the card asks for 3-D Secure; the browser completes
 * it with `clientSecret` and the webhook finishes the purchase. `failed`: nothing was charged or added. `pending`: the
 * payment's answer has not arrived yet.
 */
export const purchaseStatusSchema = z.enum(PURCHASE_STATUSES).meta({ id: 'PurchaseStatus' });
export type PurchaseStatus = z.infer<typeof purchaseStatusSchema>;

export const purchaseBodySchema = z
  .object({
    packageId: z.uuid(),
    /** A Stripe PaymentMethod id: `pm_…` from Stripe Elements, or a test id (`pm_card_visa`) in test mode. */
    paymentMethodId: z.string().regex(/^pm_[A-Za-z0-9_]{1,200}$/, 'A payment method id starts with pm_'),
  });
export type PurchaseBody = z.infer<typeof purchaseBodySchema>;

export const purchaseSchema = z
  .object({
    id: z.uuid(),
    packageId: z.uuid(),
    packageName: z.string(),
    status: purchaseStatusSchema,
    credits: z.number().int(),
    priceCents: z.number().int(),
    currency: z.string(),
    clientSecret: z.string().nullable(),
    failureReason: z.string().nullable(),
    createdAt: instantSchema,
  })
  .meta({ id: 'Purchase' });
export type Purchase = z.infer<typeof purchaseSchema>;

export const membershipSchema = z
  .object({
    /** What the member can spend now: 0 once `validUntil` has come. */
    credits: z.number().int(),
    /** When the credits expire; null when they do not (none bought yet, or an admin's grant only). */
    validUntil: instantSchema.nullable(),
    /** Credits remain and expire within 7 days. */
    expiresSoon: z.boolean(),
  })
  .meta({ id: 'Membership' });
export type Membership = z.infer<typeof membershipSchema>;

export const CREDIT_TRANSACTION_TYPES = ['purchase', 'booking', 'refund', 'expiry', 'adjustment'] as const;
export const creditTransactionTypeSchema = z.enum(CREDIT_TRANSACTION_TYPES).meta({ id: 'CreditTransactionType' });
export type CreditTransactionType = z.infer<typeof creditTransactionTypeSchema>;

export const creditTransactionSchema = z
  .object({
    id: z.uuid(),
    type: creditTransactionTypeSchema,
    /** Signed: positive adds credits, negative takes them. */
    amount: z.number().int(),
    balanceAfter: z.number().int(),
    description: z.string(),
    bookingId: z.uuid().nullable(),
    purchaseId: z.uuid().nullable(),
    createdAt: instantSchema,
  })
  .meta({ id: 'CreditTransaction' });
export type CreditTransaction = z.infer<typeof creditTransactionSchema>;

export const creditAdjustmentBodySchema = z
  .object({
    amount: z
      .number()
      .int('Credits are whole numbers')
      .min(-1_000, 'At most 1,000 credits at once')
      .max(1_000, 'At most 1,000 credits at once')
      .refine((amount) => amount !== 0, 'Add or take at least 1 credit'),
    reason: storableText().trim().min(3, 'Say why, in at least 3 characters').max(200, 'Use at most 200 characters'),
  });
export type CreditAdjustmentBody = z.infer<typeof creditAdjustmentBodySchema>;

/** Test mode only: how the member answered the stand-in 3-D Secure page. */
export const testAuthenticationBodySchema = z
  .object({ outcome: z.enum(['succeed', 'fail']) });
export type TestAuthenticationBody = z.infer<typeof testAuthenticationBodySchema>;

/** The test-mode gateway's payment methods (Stripe's own test ids), for the SPA's labelled test card picker. */
export const TEST_PAYMENT_METHODS = [
  { id: 'pm_card_visa', label: 'Visa ending 4242 — succeeds' },
  { id: 'pm_card_threeDSecure2Required', label: 'Card ending 3155 — asks for 3-D Secure' },
  { id: 'pm_card_chargeDeclined', label: 'Card ending 0002 — declined' },
] as const;

/** How the SPA takes cards: Stripe Elements with the studio's publishable key, or the test-mode picker. */
export const paymentsConfigSchema = z
  .object({
    mode: z.enum(['stripe', 'test']),
    /** Stripe's publishable key (`pk_…`) in `stripe` mode; null in test mode. */
    publishableKey: z.string().nullable(),
  })
  .meta({ id: 'PaymentsConfig' });
export type PaymentsConfig = z.infer<typeof paymentsConfigSchema>;
