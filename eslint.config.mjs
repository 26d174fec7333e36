import nx from '@nx/eslint-plugin';

/**
 * Dependencies point inward (see ARCHITECTURE.md). A violation fails `nx lint`.
 * Domain code may use no framework, no I/O and no Node built-in; the web app sees only the contract.
 */
const frameworks = ['fastify', '@fastify/*', 'fastify-*', 'kysely', 'pg', '@electric-sql/*', 'ioredis', 'bullmq', 'stripe', 'zod', '@angular/*', 'rxjs', '@ngrx/*', 'node:*', '@node-rs/*'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/vite.config.*.timestamp*', '**/vitest.config.*.timestamp*', '**/.angular'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mts', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '^.*/vitest\\.shared$'],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: frameworks },
            {
              sourceTag: 'type:application',
              onlyDependOnLibsWithTags: ['type:domain', 'type:application'],
              bannedExternalImports: frameworks,
            },
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: [], allowedExternalImports: ['zod', 'vitest', 'vitest/*'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:membership', onlyDependOnLibsWithTags: ['scope:shared', 'scope:membership'] },
            { sourceTag: 'scope:scheduling', onlyDependOnLibsWithTags: ['scope:shared', 'scope:membership', 'scope:scheduling'] },
            {
              sourceTag: 'scope:booking',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:membership', 'scope:scheduling', 'scope:booking'],
            },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['type:domain', 'type:application', 'type:contract'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['type:contract'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['type:contract'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
