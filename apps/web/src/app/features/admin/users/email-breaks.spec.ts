import { emailBreaks } from './email-breaks';

describe('emailBreaks', () => {
  it('cuts before the @ and before each dot, keeping every character', () => {
    expect(emailBreaks('ana.ribeiro@studio.example.com')).toEqual(['ana', '.ribeiro', '@studio', '.example', '.com']);
    expect(emailBreaks('ana.ribeiro@studio.example.com').join('')).toBe('ana.ribeiro@studio.example.com');
  });

  it('leaves an address without dots in one piece before the @', () => {
    expect(emailBreaks('boss@localhost')).toEqual(['boss', '@localhost']);
  });
});
