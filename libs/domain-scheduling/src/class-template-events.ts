import type { DomainEvent } from '@fitflow/domain-shared';

export const CLASS_TEMPLATE_CREATED = 'ClassTemplateCreated';
export const CLASS_TEMPLATE_UPDATED = 'ClassTemplateUpdated';
export const CLASS_TEMPLATE_DELETED = 'ClassTemplateDeleted';

/** A template as its events carry it. */
export interface ClassTemplateFacts {
  templateId: string;
  trainerId: string;
  name: string;
  description: string;
  durationMinutes: number;
  capacity: number;
  creditCost: number;
}

export type ClassTemplateCreated = DomainEvent<typeof CLASS_TEMPLATE_CREATED, ClassTemplateFacts>;

/** Carries the template as it is after the change. */
export type ClassTemplateUpdated = DomainEvent<typeof CLASS_TEMPLATE_UPDATED, ClassTemplateFacts>;

export type ClassTemplateDeleted = DomainEvent<
  typeof CLASS_TEMPLATE_DELETED,
  { templateId: string; trainerId: string; name: string }
>;

export type ClassTemplateEvent = ClassTemplateCreated | ClassTemplateUpdated | ClassTemplateDeleted;
