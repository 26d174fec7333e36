import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as contract from './index';
import { storableText, UNSTORABLE_TEXT_MESSAGE } from './common';

const UNSTORABLE = {
  'a NUL byte': 'Ana\u0000Bee',
  'a lone high surrogate': 'Ana\uD800',
  'a lone low surrogate': '\uDC00Ana',
  'two high surrogates': '\uD83D\uD83D',
};

describe('storableText', () => {
  it.each(Object.entries(UNSTORABLE))('refuses %s with one message', (_, text) => {
    const result = storableText().trim().min(1).safeParse(text);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([UNSTORABLE_TEXT_MESSAGE]);
  });

  it('keeps any text PostgreSQL can store, emoji and other scripts included', () => {
    for (const text of ['', 'Zoë', '🧘‍♀️ Yoga', '瑜伽', 'tab\tand\nnewline', '\u0001']) {
      expect(storableText().parse(text)).toBe(text);
    }
  });

  it("runs the field's own rules after it", () => {
    expect(storableText().trim().min(1).safeParse('   ').success).toBe(false);
    expect(storableText().trim().parse(' Ana ')).toBe('Ana');
  });
});

/** Every free-text leaf of a request schema (plain strings, not uuids, dates or enums), with its path. */
function textLeaves(schema: z.ZodType, path: string): [string, z.ZodType][] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'object':
      return Object.entries(def['shape'] as Record<string, z.ZodType>).flatMap(([key, child]) => textLeaves(child, `${path}.${key}`));
    case 'optional':
    case 'nullable':
    case 'default':
      return textLeaves(def['innerType'] as z.ZodType, path);
    case 'pipe':
      return textLeaves(def['in'] as z.ZodType, path);
    case 'array':
      return textLeaves(def['element'] as z.ZodType, `${path}[]`);
    case 'string':
      return 'format' in def && def['format'] ? [] : [[path, schema]];
    default:
      return [];
  }
}

describe('every request schema', () => {
  const requestSchemas = Object.entries(contract).filter(
    ([name, value]) => /(Request|Query)Schema$/.test(name) && typeof value === 'object' && value !== null && '_zod' in value,
  ) as [string, z.ZodType][];
  const leaves = requestSchemas.flatMap(([name, schema]) => textLeaves(schema, name));

  it('has free-text fields to check', () => {
    expect(leaves.map(([path]) => path)).toEqual(
      expect.arrayContaining(['registerRequestSchema.name', 'cancelSessionRequestSchema.reason', 'listSessionsQuerySchema.q']),
    );
  });

  it.each(leaves)('%s refuses text PostgreSQL cannot store', (_, leaf) => {
    const result = leaf.safeParse('ok\u0000');
    expect(result.error?.issues[0]?.message).toBe(UNSTORABLE_TEXT_MESSAGE);
  });
});
