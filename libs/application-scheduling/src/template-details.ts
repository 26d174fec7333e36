import {
  Capacity,
  ClassDescription,
  ClassName,
  type ClassTemplateDetails,
  CreditCost,
  Duration,
} from '@fitflow/domain-scheduling';

export interface TemplateDetailsInput {
  name: string;
  description?: string;
  durationMinutes: number;
  capacity: number;
  creditCost?: number;
}

/** Validates a template's details from a command (VALIDATION_FAILED naming the field). */
export function templateDetails(input: TemplateDetailsInput): ClassTemplateDetails {
  return {
    name: ClassName.create(input.name),
    description: ClassDescription.create(input.description),
    duration: Duration.ofMinutes(input.durationMinutes),
    capacity: Capacity.create(input.capacity),
    creditCost: CreditCost.create(input.creditCost),
  };
}
