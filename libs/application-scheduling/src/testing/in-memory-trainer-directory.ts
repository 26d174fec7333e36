import type { Role } from '@fitflow/domain-membership';
import type { DirectoryEntry, TrainerDirectory } from '../ports';

/** The accounts scheduling may look up, by id. */
export class InMemoryTrainerDirectory implements TrainerDirectory {
  readonly #entries = new Map<string, DirectoryEntry>();

  async find(userId: string): Promise<DirectoryEntry | null> {
    const entry = this.#entries.get(userId);
    return entry ? { ...entry } : null;
  }

  add(id: string, name: string, role: Role): this {
    this.#entries.set(id, { id, name, role });
    return this;
  }

  nameOf(id: string): string {
    return this.#entries.get(id)?.name ?? '';
  }
}
