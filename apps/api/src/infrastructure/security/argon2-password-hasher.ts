import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '@fitflow/application-membership';

export interface Argon2Parameters {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP's argon2id baseline (19 MiB, 2 passes): about 20 ms a hash on this class of machine. */
export const DEFAULT_ARGON2_PARAMETERS: Argon2Parameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Reads `m`, `t` and `p` from a PHC string such as `$argon2id$v=19$m=19456,t=2,p=1$salt$hash`. */
function parametersOf(phc: string): Argon2Parameters | null {
  const match = /^\$argon2id\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(phc);
  return match ? { memoryCost: Number(match[1]), timeCost: Number(match[2]), parallelism: Number(match[3]) } : null;
}

/**
 * Memory-hard hashing. Each hash carries its own parameters, so raising them later only needs a new
 * `parameters` value: older hashes still verify and report `needsRehash` so sign-in can upgrade them.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  constructor(private readonly parameters: Argon2Parameters = DEFAULT_ARGON2_PARAMETERS) {}

  hash(plain: string): Promise<string> {
    // The library's default algorithm is argon2id (its const enum cannot be imported under isolatedModules).
    return hash(plain, this.parameters);
  }

  async verify(phc: string, plain: string): Promise<{ valid: boolean; needsRehash: boolean }> {
    const stored = parametersOf(phc);
    if (!stored) return { valid: false, needsRehash: false };
    const valid = await verify(phc, plain);
    const weaker =
      stored.memoryCost < this.parameters.memoryCost ||
      stored.timeCost < this.parameters.timeCost ||
      stored.parallelism < this.parameters.parallelism;
    return { valid, needsRehash: valid && weaker };
  }
}
