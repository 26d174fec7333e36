import type { DirectoryMember, MemberDirectory } from '../ports';

export class InMemoryMemberDirectory implements MemberDirectory {
  readonly #members = new Map<string, DirectoryMember>();

  async find(userId: string): Promise<DirectoryMember | null> {
    return this.findNow(userId);
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
