import type { Handler, IdGenerator, UnitOfWork } from '@fitflow/application-shared';
import { type Clock, InvalidValueError } from '@fitflow/domain-shared';
import {
  type CommonPasswordList,
  Password,
  type PasswordStrengthEstimator,
  type User,
  WeakPasswordError,
} from '@fitflow/domain-membership';
import { UserNotFoundError, WrongCurrentPasswordError } from '../../errors';
import type { AccessTokenIssuer, MembershipRepositories, PasswordHasher, RefreshTokenSecrets } from '../../ports';
import { type TokenPair, TokenPairIssuer } from '../../token-pair';

export interface ChangePasswordCommand {
  /** The signed-in account. */
  userId: string;
  currentPassword: string;
  newPassword: string;
}

/** The field a refusal of the new password names, as the form and the HTTP contract call it. */
const NEW_PASSWORD = 'newPassword';

/**
 * The signed-in person chooses a new password, proving they know the current one; the new one meets the rules of
 * registration. Every other session ends: every refresh-token family of the account is revoked, and the access
 * tokens issued before stop working at their next request (the account's credentials version moves on). The
 * caller goes on in a new family, whose first pair is the answer.
 */
export class ChangePasswordHandler implements Handler<ChangePasswordCommand, TokenPair> {
  readonly #tokens: TokenPairIssuer;

  constructor(
    private readonly uow: UnitOfWork<MembershipRepositories>,
    private readonly hasher: PasswordHasher,
    private readonly commonPasswords: CommonPasswordList,
    private readonly passwordStrength: PasswordStrengthEstimator,
    accessTokens: AccessTokenIssuer,
    secrets: RefreshTokenSecrets,
    ids: IdGenerator,
    private readonly clock: Clock,
  ) {
    this.#tokens = new TokenPairIssuer(accessTokens, secrets, ids);
  }

  async handle({ userId, currentPassword, newPassword }: ChangePasswordCommand): Promise<TokenPair> {
    const user = await this.uow.transaction(({ users }) => users.get(userId));
    if (!user) throw new UserNotFoundError(userId);
    const password = this.#acceptable(newPassword, user);
    // Checking and hashing are deliberately slow: both happen before the transaction, so no lock waits on them.
    if (!(await this.hasher.verify(user.passwordHash, currentPassword)).valid) throw new WrongCurrentPasswordError();
    if (newPassword === currentPassword) throw new InvalidValueError(NEW_PASSWORD, 'Choose a password other than your current one');
    const newHash = await this.hasher.hash(password.value);
    return this.#change(user, newHash);
  }

  /** The rules of registration: long enough, not breached, not built on the person's name or e-mail, hard to guess. */
  #acceptable(raw: string, user: User): Password {
    const owner = { name: user.name, email: user.email.value };
    try {
      return Password.create(raw, this.commonPasswords, { owner, estimator: this.passwordStrength });
    } catch (error) {
      if (error instanceof WeakPasswordError) throw new WeakPasswordError(error.message, NEW_PASSWORD);
      throw error;
    }
  }

  #change(verified: User, newHash: string): Promise<TokenPair> {
    return this.uow.transaction(async ({ users, refreshTokens }) => {
      const user = await users.getForUpdate(verified.id);
      if (!user) throw new UserNotFoundError(verified.id);
      // Another change may have committed while the password was checked: the one checked is no longer current.
      if (user.passwordHash !== verified.passwordHash) throw new WrongCurrentPasswordError();
      const now = this.clock.now();
      user.changePassword(newHash, now);
      await users.save(user);
      await refreshTokens.revokeEveryFamilyOf(user.id, now);
      const { pair, stored } = this.#tokens.startFamily(user, now);
      await refreshTokens.save(stored);
      return pair;
    });
  }
}
