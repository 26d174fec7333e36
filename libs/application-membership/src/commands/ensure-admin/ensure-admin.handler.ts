import type { Handler, IdGenerator, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import {
  type CommonPasswordList,
  Email,
  EmailTakenError,
  Password,
  User,
  UserName,
} from '@fitflow/domain-membership';
import { InvalidCredentialsError, UserNotFoundError } from '../../errors';
import type { MembershipRepositories, PasswordHasher } from '../../ports';

export interface EnsureAdminCommand {
  email: string;
  password: string;
  name?: string;
}

export type EnsureAdminOutcome = 'created' | 'promoted' | 'unchanged';

export const DEFAULT_ADMIN_NAME = 'Administrator';

/**
 * Run at start-up with the configured admin: creates the account, or promotes an existing one, or finds it
 * already an admin. An existing account is promoted only when the configured password opens it; otherwise
 * anyone who registered the admin's email before the first start would become admin (InvalidCredentialsError).
 * An existing account keeps its own password.
 */
export class EnsureAdminHandler implements Handler<EnsureAdminCommand, { id: string; outcome: EnsureAdminOutcome }> {
  constructor(
    private readonly uow: UnitOfWork<MembershipRepositories>,
    private readonly hasher: PasswordHasher,
    private readonly commonPasswords: CommonPasswordList,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle(command: EnsureAdminCommand): Promise<{ id: string; outcome: EnsureAdminOutcome }> {
    const email = Email.create(command.email);
    const name = UserName.create(command.name ?? DEFAULT_ADMIN_NAME);
    const password = Password.create(command.password, this.commonPasswords);
    const existing = await this.#find(email);
    if (existing?.role === 'admin') return { id: existing.id, outcome: 'unchanged' };
    if (existing) return this.#promote(existing, password);
    return this.#create(email, name, password);
  }

  async #promote(existing: User, password: Password): Promise<{ id: string; outcome: EnsureAdminOutcome }> {
    const { valid } = await this.hasher.verify(existing.passwordHash, password.value);
    if (!valid) throw new InvalidCredentialsError();
    await this.uow.transaction(async ({ users }) => {
      const admins = await users.lockAdmins();
      const user = await users.getForUpdate(existing.id);
      if (!user) throw new UserNotFoundError(existing.id);
      user.changeRole('admin', this.clock.now(), null, { admins: admins.length });
      await users.save(user);
    });
    return { id: existing.id, outcome: 'promoted' };
  }

  async #create(email: Email, name: UserName, password: Password): Promise<{ id: string; outcome: EnsureAdminOutcome }> {
    const passwordHash = await this.hasher.hash(password.value);
    const admin = User.createAdmin({ id: this.ids.next(), email, name, passwordHash, at: this.clock.now() });
    try {
      await this.uow.transaction(({ users }) => users.save(admin));
      return { id: admin.id, outcome: 'created' };
    } catch (error) {
      // Several API processes start at once: the one that lost the race finds the winner's admin.
      const winner = error instanceof EmailTakenError ? await this.#find(email) : null;
      if (winner?.role === 'admin') return { id: winner.id, outcome: 'unchanged' };
      throw error;
    }
  }

  #find(email: Email): Promise<User | null> {
    return this.uow.transaction(({ users }) => users.findByEmail(email));
  }
}
