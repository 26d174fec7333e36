import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { helmetHeaders } from './security-headers';

describe('helmet headers computed once', () => {
  it('are the headers the middleware sets, with HSTS only when asked for', () => {
    const headers = helmetHeaders(helmet({ hsts: { maxAge: 600 }, contentSecurityPolicy: { directives: { defaultSrc: ["'none'"] } } }));
    expect(headers['strict-transport-security']).toBe('max-age=600; includeSubDomains');
    expect(headers['content-security-policy']).toMatch(/^default-src 'none';/);
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(helmetHeaders(helmet({ hsts: false }))).not.toHaveProperty('strict-transport-security');
  });

  it('refuses options helmet refuses, at start-up', () => {
    expect(() => helmetHeaders(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ['self'] } } }))).toThrow(/should be quoted/);
  });
});
