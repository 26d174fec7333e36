import type { Handler, IdGenerator, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import { Email, InvalidEmailError, type User } from '@fitflow/domain-membership';
import { InvalidCredentialsError } from '../../errors';
import type { AccessTokenIssuer, MembershipRepositories, PasswordHasher, RefreshTokenSecrets } from '../../ports';
import { type TokenPair, TokenPairIssuer } from '../../token-pair';

export interface AuthenticateUserCommand {
  email: string;
  password: string;
}

const DUMMY_PASSWORD = 'not-a-password-only-a-timing-equaliser';

/**
 * Signs in with email and password and starts a new refresh-token family. Unknown email and wrong password
 * fail alike, in answer and in time: an unknown email still costs one hash verification.
 */
export class AuthenticateUserHandler implements Handler<AuthenticateUserCommand, TokenPair> {
  readonly #tokens: TokenPairIssuer;
  #dummyHashOnce: Promise<string> | undefined;

  constructor(
    private readonly uow: UnitOfWork<MembershipRepositories>,
    private readonly hasher: PasswordHasher,
    accessTokens: AccessTokenIssuer,
    secrets: RefreshTokenSecrets,
    ids: IdGenerator,
    private readonly clock: Clock,
  ) {
    this.#tokens = new TokenPairIssuer(accessTokens, secrets, ids);
  }

  async handle({ email, password }: AuthenticateUserCommand): Promise<TokenPair> {
    const user = await this.#findUser(email);
    if (!user) {
      await this.hasher.verify(await this.#dummyHash(), password);
      throw new InvalidCredentialsError();
    }
    const { valid, needsRehash } = await this.hasher.verify(user.passwordHash, password);
    if (!valid) throw new InvalidCredentialsError();
    const upgradedHash = needsRehash ? await this.hasher.hash(password) : null;
    return this.#signIn(user, upgradedHash);
  }

  /** Hashing ran outside any transaction; this one locks the account and re-checks nothing changed meanwhile. */
  #signIn(verified: User, upgradedHash: string | null): Promise<TokenPair> {
    return this.uow.transaction(async ({ users, refreshTokens }) => {
      const user = await users.getForUpdate(verified.id);
      if (!user || user.passwordHash !== verified.passwordHash) throw new InvalidCredentialsError();
      const now = this.clock.now();
      if (upgradedHash) user.changePasswordHash(upgradedHash, now);
      user.recordAuthentication(now);
      await users.save(user);
      const { pair, stored } = this.#tokens.startFamily(user, now);
      await refreshTokens.save(stored);
      return pair;
    });
  }

  async #findUser(rawEmail: string): Promise<User | null> {
    let email: Email;
    try {
      email = Email.create(rawEmail);
    } catch (error) {
      if (error instanceof InvalidEmailError) return null;
      throw error;
    }
    return this.uow.transaction(({ users }) => users.findByEmail(email));
  }

  /** Made once with the hasher's current parameters, so checking against it costs what checking a real hash does. */
  #dummyHash(): Promise<string> {
    this.#dummyHashOnce ??= this.hasher.hash(DUMMY_PASSWORD).catch((error: unknown) => {
      this.#dummyHashOnce = undefined;
      throw error;
    });
    return this.#dummyHashOnce;
  }
}
