import { describe, expect, it } from 'vitest';
import { listUsersQuerySchema, registerRequestSchema } from './index';

describe('registerRequestSchema', () => {
  it('names each field that is wrong', () => {
    const result = registerRequestSchema.safeParse({ email: 'nope', password: 'short', name: '  ' });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(['email', 'password', 'name']);
  });

  it('trims the email and the name', () => {
    const parsed = registerRequestSchema.parse({ email: ' Ana@Example.com ', password: 'x'.repeat(10), name: ' Ana ' });
    expect(parsed).toMatchObject({ email: 'Ana@Example.com', name: 'Ana' });
  });
});

describe('listUsersQuerySchema', () => {
  it('defaults the page and refuses a page size above 100', () => {
    expect(listUsersQuerySchema.parse({})).toEqual({ page: 1, pageSize: 20 });
    expect(listUsersQuerySchema.safeParse({ pageSize: '101' }).success).toBe(false);
  });
});
