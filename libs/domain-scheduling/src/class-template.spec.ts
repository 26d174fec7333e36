import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '@fitflow/domain-shared';
import { Capacity } from './capacity';
import { ClassDescription, ClassName } from './class-name';
import { ClassTemplate, type ClassTemplateDetails, type ClassTemplateSnapshot } from './class-template';
import { CLASS_TEMPLATE_CREATED, CLASS_TEMPLATE_DELETED, CLASS_TEMPLATE_UPDATED } from './class-template-events';
import { CreditCost } from './credit-cost';
import { Duration } from './duration';

const createdAt = new Date('2026-11-01T09:00:00.000Z');
const later = new Date('2026-11-02T10:00:00.000Z');

function details(overrides: Partial<ClassTemplateDetails> = {}): ClassTemplateDetails {
  return {
    name: ClassName.create('Morning Yoga'),
    description: ClassDescription.create('Gentle flow'),
    duration: Duration.ofMinutes(60),
    capacity: Capacity.create(12),
    creditCost: CreditCost.create(1),
    ...overrides,
  };
}

function stored(overrides: Partial<ClassTemplateSnapshot> = {}): ClassTemplate {
  return ClassTemplate.restore({
    id: 'template-1',
    trainerId: 'trainer-1',
    name: 'Morning Yoga',
    description: 'Gentle flow',
    durationMinutes: 60,
    capacity: 12,
    creditCost: 1,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  });
}

describe('ClassTemplate.create', () => {
  it('keeps what the trainer described', () => {
    const template = ClassTemplate.create({ id: 'template-1', trainerId: 'trainer-1', at: createdAt, ...details() });
    expect(template.snapshot()).toEqual({
      id: 'template-1',
      trainerId: 'trainer-1',
      name: 'Morning Yoga',
      description: 'Gentle flow',
      durationMinutes: 60,
      capacity: 12,
      creditCost: 1,
      createdAt,
      updatedAt: createdAt,
    });
  });

  it('records ClassTemplateCreated with the whole template', () => {
    const template = ClassTemplate.create({ id: 'template-1', trainerId: 'trainer-1', at: createdAt, ...details() });
    expect(template.pullEvents()).toEqual([
      {
        type: CLASS_TEMPLATE_CREATED,
        aggregateId: 'template-1',
        occurredAt: createdAt.toISOString(),
        payload: {
          templateId: 'template-1',
          trainerId: 'trainer-1',
          name: 'Morning Yoga',
          description: 'Gentle flow',
          durationMinutes: 60,
          capacity: 12,
          creditCost: 1,
        },
      },
    ]);
  });
});

describe('ClassTemplate.restore', () => {
  it('rebuilds the stored template and records nothing', () => {
    const template = stored({ capacity: 20 });
    expect(template.capacity.value).toBe(20);
    expect(template.pullEvents()).toEqual([]);
  });
});

describe('ClassTemplate.update', () => {
  it('replaces every detail, stamps the change and records ClassTemplateUpdated', () => {
    const template = stored();
    template.update(details({ name: ClassName.create('Power Yoga'), capacity: Capacity.create(8), description: ClassDescription.create('') }), later);
    expect(template.snapshot()).toMatchObject({ name: 'Power Yoga', capacity: 8, description: '', updatedAt: later, createdAt });
    expect(template.pullEvents()).toMatchObject([
      { type: CLASS_TEMPLATE_UPDATED, occurredAt: later.toISOString(), payload: { name: 'Power Yoga', capacity: 8 } },
    ]);
  });

  it('changing nothing records nothing and keeps the last change time', () => {
    const template = stored();
    template.update(details(), later);
    expect(template.updatedAt).toEqual(createdAt);
    expect(template.pullEvents()).toEqual([]);
  });

  it('refuses to change a deleted template', () => {
    const template = stored();
    template.delete(later);
    expect(() => template.update(details({ capacity: Capacity.create(3) }), later)).toThrow(InvalidStateError);
  });
});

describe('ClassTemplate.delete', () => {
  it('records ClassTemplateDeleted naming the template and its trainer', () => {
    const template = stored();
    template.delete(later);
    expect(template.isDeleted).toBe(true);
    expect(template.pullEvents()).toEqual([
      {
        type: CLASS_TEMPLATE_DELETED,
        aggregateId: 'template-1',
        occurredAt: later.toISOString(),
        payload: { templateId: 'template-1', trainerId: 'trainer-1', name: 'Morning Yoga' },
      },
    ]);
  });

  it('refuses to delete twice', () => {
    const template = stored();
    template.delete(later);
    expect(() => template.delete(later)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
  });
});

describe('ClassTemplate.isManageableBy', () => {
  it('answers the owner trainer and admins, not another trainer or a member', () => {
    const template = stored();
    expect(template.isManageableBy({ userId: 'trainer-1', role: 'trainer' })).toBe(true);
    expect(template.isManageableBy({ userId: 'admin-1', role: 'admin' })).toBe(true);
    expect(template.isManageableBy({ userId: 'trainer-2', role: 'trainer' })).toBe(false);
    expect(template.isManageableBy({ userId: 'trainer-1', role: 'member' })).toBe(false);
  });
});
