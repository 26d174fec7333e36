import { defineConfig } from 'vitest/config';
import { projectTestConfig } from '../../vitest.shared';

// Integration tests: each file gets fresh databases, so files may run in parallel; a generous timeout covers
// PGlite's start-up and argon2 hashing on a busy 2-core machine.
export default defineConfig(projectTestConfig({ testTimeout: 30_000, hookTimeout: 60_000, fileParallelism: true }));
