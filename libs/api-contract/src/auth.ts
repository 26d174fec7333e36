import { z } from 'zod';
import { storableText } from './common';

export const PASSWORD_MIN_LENGTH = 10;
export const NAME_MAX_LENGTH = 100;

export const roleSchema = z.enum(['member', 'trainer', 'admin']);
export type Role = z.infer<typeof roleSchema>;

/** A password a person chooses: the server also refuses breached and easily guessed ones. */
const newPasswordSchema = () =>
  storableText()
    .min(PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters` })
    .max(200, { message: 'Use at most 200 characters' });

const nameSchema = () =>
  storableText()
    .trim()
    .min(1, { message: 'Enter your name' })
    .max(NAME_MAX_LENGTH, { message: `Use at most ${NAME_MAX_LENGTH} characters` });

export const registerRequestSchema = z.object({
  email: storableText().trim().max(254).pipe(z.email({ message: 'Enter a valid email address' })),
  password: newPasswordSchema(),
  name: nameSchema(),
});
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

export const loginRequestSchema = z.object({
  email: storableText().trim().min(1).max(254),
  password: storableText().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const refreshRequestSchema = z.object({ refreshToken: storableText().min(1).max(500) });
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

export const tokenPairSchema = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int(),
  })
  .meta({ id: 'TokenPair' });
export type TokenPair = z.infer<typeof tokenPairSchema>;

/** PATCH /me: what the signed-in person may change about themselves. */
export const updateProfileRequestSchema = z.object({ name: nameSchema() });
export type UpdateProfileRequest = z.infer<typeof updateProfileRequestSchema>;

/** POST /me/password: the current password proves it is the account's owner at the keyboard. */
export const changePasswordRequestSchema = z.object({
  currentPassword: storableText().min(1, { message: 'Enter your current password' }).max(200),
  newPassword: newPasswordSchema(),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const meSchema = z
  .object({ id: z.uuid(), email: z.string(), name: z.string(), role: roleSchema })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;
