import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import type { ViteUserConfig } from 'vitest/config';

const root = dirname(fileURLToPath(import.meta.url));
const { compilerOptions } = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};

/**
 * The workspace's `@fitflow/*` path aliases, so tests import libraries the way the code does. Exact matches, so
 * `@fitflow/application-shared` does not swallow its `/testing` entry.
 */
export const workspaceAliases = Object.entries(compilerOptions.paths).map(([name, [target]]) => ({
  find: new RegExp(`^${name.replace(/[/.-]/g, (char) => `\\${char}`)}$`),
  replacement: resolve(root, target),
}));

export function projectTestConfig(test: NonNullable<ViteUserConfig['test']> = {}): ViteUserConfig {
  return {
    resolve: { alias: workspaceAliases },
    test: { include: ['src/**/*.spec.ts'], ...test },
  };
}
