// Writes the OpenAPI document of the real app (routes, schemas, swagger options) to the file named by the first
// argument, as `/docs/json` serves it: built on an embedded PGlite database and read with `inject`, so no
// server listens and no other service is needed. `tools/ci/openapi-lint.mjs` lints what it writes.
import { writeFile } from 'node:fs/promises';
import { createTestApp } from './test-app';

const [target] = process.argv.slice(2);
if (!target) {
  console.error('usage: tsx apps/api/src/testing/write-openapi-document.ts <file.json>');
  process.exit(2);
}

const testApp = await createTestApp('pglite');
try {
  const answer = await testApp.app.inject('/docs/json');
  if (answer.statusCode !== 200) throw new Error(`GET /docs/json answered ${answer.statusCode}: ${answer.body}`);
  await writeFile(target, `${JSON.stringify(answer.json(), null, 2)}\n`);
} finally {
  await testApp.close();
}
