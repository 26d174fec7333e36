import { z } from 'zod';
import { pageOf, pageQuerySchema, storableText } from './common';
import { roleSchema } from './auth';

export const userSchema = z
  .object({ id: z.uuid(), email: z.string(), name: z.string(), role: roleSchema, createdAt: z.iso.datetime() })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const userPageSchema = pageOf(userSchema);

export const listUsersQuerySchema = pageQuerySchema.extend({
  role: roleSchema.optional(),
  q: storableText().trim().max(100).optional(),
});
export type ListUsersQuery = z.input<typeof listUsersQuerySchema>;

export const changeRoleRequestSchema = z.object({ role: roleSchema });
export type ChangeRoleRequest = z.infer<typeof changeRoleRequestSchema>;

export const trainerSchema = z.object({ id: z.uuid(), name: z.string() }).meta({ id: 'Trainer' });
export type Trainer = z.infer<typeof trainerSchema>;
export const trainerListSchema = z.array(trainerSchema);
