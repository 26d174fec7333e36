import type { Handler, IdGenerator, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import {
  type CommonPasswordList,
  Email,
  EmailTakenError,
  Password,
  type PasswordStrengthEstimator,
  User,
  UserName,
} from '@fitflow/domain-membership';
import type { MembershipRepositories, PasswordHasher } from '../../ports';

export interface RegisterUserCommand {
  email: string;
  password: string;
  name: string;
}

/**
 * Opens a member account. Fails with InvalidValueError subclasses (VALIDATION_FAILED) or EmailTakenError.
 * The check here answers the usual case; two registrations racing for one email both pass it, and then the
 * unique index on users.email refuses the second, which the repository adapter reports as EmailTakenError.
 */
export class RegisterUserHandler implements Handler<RegisterUserCommand, { id: string }> {
  constructor(
    private readonly uow: UnitOfWork<MembershipRepositories>,
    private readonly hasher: PasswordHasher,
    private readonly commonPasswords: CommonPasswordList,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly passwordStrength: PasswordStrengthEstimator,
  ) {}

  async handle(command: RegisterUserCommand): Promise<{ id: string }> {
    const email = Email.create(command.email);
    const name = UserName.create(command.name);
    // A person choosing their own password: not built on their name or e-mail, and hard to guess.
    const owner = { name: command.name, email: command.email };
    const password = Password.create(command.password, this.commonPasswords, { owner, estimator: this.passwordStrength });
    // Hashing is deliberately slow: do it before the transaction so no connection or lock waits on it.
    const passwordHash = await this.hasher.hash(password.value);
    return this.uow.transaction(async ({ users }) => {
      if (await users.findByEmail(email)) throw new EmailTakenError();
      const user = User.register({ id: this.ids.next(), email, name, passwordHash, at: this.clock.now() });
      await users.save(user);
      return { id: user.id };
    });
  }
}
