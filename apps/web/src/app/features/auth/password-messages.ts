import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../core/api/api-paths';

/** What a password field says when its length is out of the API's bounds (registration, a new password). */
export const PASSWORD_LENGTH_MESSAGES = {
  minlength: `Use at least ${PASSWORD_MIN_LENGTH} characters`,
  maxlength: `Use at most ${PASSWORD_MAX_LENGTH} characters`,
};
