import { serializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sessionPageSchema, sessionSchema, type Session } from '@fitflow/api-contract';
import { compiledSerializerCompiler } from './compiled-serializer';

const compiled = (schema: z.ZodType) => compiledSerializerCompiler({ schema, url: '/test' });
const byZod = (schema: z.ZodType) => serializerCompiler({ schema, method: 'GET', url: '/test' });

/** Texts that JSON escapes in every way it can: quotes, backslashes, control characters, separators, surrogates. */
const AWKWARD_TEXTS = [
  '',
  'Morning Yoga',
  'HIIT "Express" \\ 50%',
  'line\nbreak\ttab\rreturn\b\f',
  'bell \u0007 and nul \u0000 and unit separator \u001f',
  'separators \u2028 and \u2029',
  'Zoë’s Pilates – 🧘 niveau débutant',
  'lone surrogates \ud800 and \udc00',
  `a long description ${'with "quotes" and \\ backslashes '.repeat(200)}`,
];

function session(i: number, overrides: Partial<Session> = {}): Session {
  const text = AWKWARD_TEXTS[i % AWKWARD_TEXTS.length] as string;
  return {
    id: `0d6b3c2e-5f7a-4c1b-9e8d-${String(i).padStart(12, '0')}`,
    name: text,
    description: AWKWARD_TEXTS[(i + 3) % AWKWARD_TEXTS.length] as string,
    templateId: i % 2 === 0 ? null : '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b',
    trainerId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    trainerName: AWKWARD_TEXTS[(i + 5) % AWKWARD_TEXTS.length] as string,
    startsAt: '2026-12-01T07:00:00.000Z',
    endsAt: '2026-12-01T08:00:00.000Z',
    capacity: 24,
    creditCost: i % 3,
    bookedCount: i,
    heldCount: 0,
    availableSpots: 24 - i,
    waitlistCount: 0,
    status: (['published', 'in_progress', 'completed', 'cancelled', 'draft'] as const)[i % 5] as Session['status'],
    cancellationReason: i % 4 === 3 ? text : null,
    actions: {
      book: i % 2 === 0 ? { allowed: true, code: null, reason: null } : { allowed: false, code: 'SESSION_FULL', reason: text },
      hold: { allowed: false, code: 'UNAUTHENTICATED', reason: 'Sign in to hold a spot' },
    },
    refundOutlook:
      i % 3 === 0
        ? { percentage: 0, credits: 0, changesAt: null, nextPercentage: null, nextCredits: null }
        : { percentage: 100, credits: i % 3, changesAt: '2026-11-30T07:00:00.000Z', nextPercentage: 50, nextCredits: 0 },
    ...overrides,
  };
}

describe('the compiled response serializer', () => {
  const pages: [string, unknown][] = [
    ['an empty page', { items: [], page: 3, pageSize: 20, total: 40 }],
    ['an anonymous page', { items: AWKWARD_TEXTS.map((_, i) => session(i)), page: 1, pageSize: 20, total: 9 }],
    [
      'a signed-in page',
      {
        items: AWKWARD_TEXTS.map((_, i) =>
          session(i, {
            me:
              i % 2 === 0
                ? { bookingId: null, holdId: null, waitlistPosition: null }
                : { bookingId: '7c9e6679-7425-40de-944b-e07fc1f77e4a', holdId: '9b2f8c1d-3e4a-4b5c-8d6e-7f8a9b0c1d2e', waitlistPosition: i },
          }),
        ),
        page: 2,
        pageSize: 9,
        total: 1_000_000,
      },
    ],
    ['properties out of order, undefined and unknown ones', { total: 1, pageSize: 20, extra: true, items: [{ ...session(1), me: undefined, secret: 'x' }], page: 1 }],
  ];

  it.each(pages)('writes %s exactly as the zod serializer does', (_what, page) => {
    expect(compiled(sessionPageSchema)(page)).toBe(byZod(sessionPageSchema)(page));
  });

  it('writes one session exactly as the zod serializer does, signed in or not', () => {
    for (const data of [session(7), session(8, { me: { bookingId: null, holdId: null, waitlistPosition: 2 } })]) {
      expect(compiled(sessionSchema)(data)).toBe(byZod(sessionSchema)(data));
    }
  });

  it('refuses an answer that misses a required property, as the zod serializer does', () => {
    const { availableSpots: _, ...incomplete } = session(1);
    const page = { items: [incomplete], page: 1, pageSize: 20, total: 1 };
    expect(() => byZod(sessionPageSchema)(page)).toThrow();
    expect(() => compiled(sessionPageSchema)(page)).toThrow(/availableSpots/);
  });

  it('refuses, when the route is built, a schema it cannot serialise without validating', () => {
    expect(() => compiled(z.object({ value: z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]) }))).toThrow(/anyOf/);
    expect(() => compiled(z.object({ value: z.tuple([z.string(), z.number()]) }))).toThrow(/items|prefixItems/);
  });
});
