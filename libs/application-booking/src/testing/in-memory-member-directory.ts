import type { DirectoryMember, MemberDirectory } from '../ports';

export class InMemoryMemberDirectory implements MemberDirectory {
  readonly #members = new Map<string, DirectoryMember>();

  async findAll(userIds: readonly string[]): Promise<DirectoryMember[]> {
    return userIds.flatMap((id) => this.findNow(id) ?? []);
  }

  findNow(userId: string): DirectoryMember | null {
    const member = this.#members.get(userId);
    return member ? { ...member } : null;
  }

  add(id: string, email: string, name: string): this {
    this.#members.set(id, { id, email, name });
    return this;
  }
}
