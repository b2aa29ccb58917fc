// The JavaScript sample of docs/client.md runs as written against the real server, with
// fake-indexeddb as the global IndexedDB (Node has none).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startServer, tempDir } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

test('the kotacerdas/client sample of docs/client.md', async () => {
  const doc = readFileSync(path.join(here, 'client.md'), 'utf8');
  const start = doc.indexOf('<!-- client-js');
  assert.ok(start > 0, 'docs/client.md has the marked sample');
  const sample = /```js\n([\s\S]*?)```/.exec(doc.slice(start))[1];
  const port = await freePort();
  const server = await startServer(port, tempDir());
  try {
    const program = `import 'fake-indexeddb/auto';\n${sample.replace('http://127.0.0.1:8080', server.url)}`;
    const file = path.join(here, 'docs-sample.mjs');
    writeFileSync(file, program);
    const output = execFileSync(process.execPath, [file], { encoding: 'utf8' });
    assert.match(output, /^1 0 ok\ntracking code \S{22,}\n$/);
  } finally {
    await server.stop();
  }
});
