import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CannotGenerate, jsonSchemaOf, mutated, percentEncode, validValuesOf } from './contract-arbitraries';

const context = { knownIds: [] };

describe('requests generated from the contract', () => {
  it('generates values the zod schema accepts', () => {
    const schema = z.object({
      name: z.string().trim().min(1).max(20),
      capacity: z.number().int().min(1).max(500),
      at: z.iso.datetime({ offset: true }),
      id: z.uuid().optional(),
      repeat: z.object({ weekdays: z.array(z.enum(['mon', 'tue'])).min(1), until: z.iso.date() }).optional(),
    });
    const values = fc.sample(validValuesOf(jsonSchemaOf(schema), context), { numRuns: 200, seed: 1 });
    // `trim().min(1)` refuses blank names, which JSON Schema cannot say: the rest must all pass.
    const refused = values.filter((value) => !schema.safeParse(value).success && String((value as { name: string }).name).trim() !== '');
    expect(refused).toEqual([]);
  });

  it('refuses to generate for a schema it does not understand, so the suite fails instead of skipping a route', () => {
    expect(() => validValuesOf(jsonSchemaOf(z.object({ at: z.date() })), context)).toThrow();
    expect(() => validValuesOf({ type: 'object', properties: { a: { type: 'string', contentMediaType: 'image/png' } } }, context)).toThrow(CannotGenerate);
  });

  it('spoils one field and says which', () => {
    const value = { name: 'Yoga', repeat: { until: '2027-01-01' } };
    const spoilt = mutated(value, { kind: 'unstorable', pick: 1, char: '\u0000', at: 2 });
    expect(spoilt).toEqual({ value: { name: 'Yoga', repeat: { until: '20\u000027-01-01' } }, spoilt: ['repeat', 'until'] });
    expect(value.repeat.until).toBe('2027-01-01');
    expect(mutated(value, { kind: 'dropField', pick: 0 })).toEqual({ value: { repeat: { until: '2027-01-01' } }, spoilt: ['name'] });
  });

  it('percent-encodes an unpaired surrogate as the invalid UTF-8 a hostile client would send', () => {
    expect(percentEncode('a\ud800/b')).toBe('a%ED%A0%80%2Fb');
    expect(percentEncode('😀')).toBe(encodeURIComponent('😀'));
  });
});
