import { describe, expect, it } from 'vitest';
import { ClassDescription, ClassName } from './class-name';

describe('ClassName', () => {
  it('trims the name', () => {
    expect(ClassName.create('  Morning Yoga ').value).toBe('Morning Yoga');
  });

  it.each(['', '   '])('refuses a blank name (%j)', (raw) => {
    expect(() => ClassName.create(raw)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'name' }));
  });

  it('refuses more than 100 characters, and accepts 100', () => {
    expect(() => ClassName.create('a'.repeat(101))).toThrow(expect.objectContaining({ field: 'name' }));
    expect(ClassName.create('a'.repeat(100)).value).toHaveLength(100);
  });
});

describe('ClassDescription', () => {
  it('may be empty or missing', () => {
    expect(ClassDescription.create('').value).toBe('');
    expect(ClassDescription.create(undefined).value).toBe('');
    expect(ClassDescription.create(' Bring a mat. ').value).toBe('Bring a mat.');
  });

  it('refuses more than 2000 characters, and accepts 2000', () => {
    expect(() => ClassDescription.create('a'.repeat(2001))).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'description' }),
    );
    expect(ClassDescription.create('a'.repeat(2000)).value).toHaveLength(2000);
  });
});
