import { z } from 'zod';
import { instantSchema, pageOf, pageQuerySchema, storableText } from './common';

export const CLASS_NAME_MAX_LENGTH = 100;
export const CLASS_DESCRIPTION_MAX_LENGTH = 2000;
export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 480;
export const MIN_CAPACITY = 1;
export const MAX_CAPACITY = 500;
export const MAX_CREDIT_COST = 100;
export const DEFAULT_CREDIT_COST = 1;

/** Shared by templates and sessions: the fields' rules, with messages a form can show as they are. */
export const classNameSchema = storableText()
  .trim()
  .min(1, { message: 'Enter a name for the class' })
  .max(CLASS_NAME_MAX_LENGTH, { message: `Use at most ${CLASS_NAME_MAX_LENGTH} characters for the name` });
export const classDescriptionSchema = storableText()
  .trim()
  .max(CLASS_DESCRIPTION_MAX_LENGTH, { message: `Use at most ${CLASS_DESCRIPTION_MAX_LENGTH} characters for the description` });
export const durationMinutesSchema = z
  .number()
  .int({ message: 'Enter whole minutes' })
  .min(MIN_DURATION_MINUTES, { message: `A class lasts at least ${MIN_DURATION_MINUTES} minutes` })
  .max(MAX_DURATION_MINUTES, { message: `A class lasts at most ${MAX_DURATION_MINUTES} minutes` });
export const capacitySchema = z
  .number()
  .int({ message: 'Enter a whole number of people' })
  .min(MIN_CAPACITY, { message: `A class takes at least ${MIN_CAPACITY} person` })
  .max(MAX_CAPACITY, { message: `A class takes at most ${MAX_CAPACITY} people` });
export const creditCostSchema = z
  .number()
  .int({ message: 'Enter a whole number of credits' })
  .min(0, { message: 'The credit cost cannot be negative' })
  .max(MAX_CREDIT_COST, { message: `A class costs at most ${MAX_CREDIT_COST} credits` });

/** API.md `Template`: a trainer's recipe for a class. */
export const templateSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    durationMinutes: z.number().int(),
    capacity: z.number().int(),
    creditCost: z.number().int(),
    trainerId: z.uuid(),
    trainerName: z.string(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: 'Template' });
export type Template = z.infer<typeof templateSchema>;

export const templatePageSchema = pageOf(templateSchema).meta({ id: 'TemplatePage' });

/** GET /templates: a trainer sees own templates (naming another trainer is 403); an admin all, or one trainer's. */
export const listTemplatesQuerySchema = pageQuerySchema.extend({ trainerId: z.uuid().optional() });
export type ListTemplatesQuery = z.input<typeof listTemplatesQuerySchema>;

/** POST /templates. `trainerId` defaults to the caller; only an admin may name another trainer. */
export const createTemplateRequestSchema = z
  .object({
    name: classNameSchema,
    description: classDescriptionSchema.optional(),
    durationMinutes: durationMinutesSchema,
    capacity: capacitySchema,
    creditCost: creditCostSchema.optional(),
    trainerId: z.uuid().optional(),
  })
  .meta({ id: 'CreateTemplateRequest' });
export type CreateTemplateRequest = z.infer<typeof createTemplateRequestSchema>;

/** PUT /templates/{id}: every detail is replaced (a missing description becomes empty); the trainer stays. */
export const updateTemplateRequestSchema = z
  .object({
    name: classNameSchema,
    description: classDescriptionSchema.optional(),
    durationMinutes: durationMinutesSchema,
    capacity: capacitySchema,
    creditCost: creditCostSchema,
  })
  .meta({ id: 'UpdateTemplateRequest' });
export type UpdateTemplateRequest = z.infer<typeof updateTemplateRequestSchema>;
