// The declarations of `kotacerdas/client`: `tsc --noEmit` accepts a typed program, and no
// declaration file of the subpath uses `any`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const clientDir = path.join(path.dirname(createRequire(import.meta.url).resolve('kotacerdas/package.json')), 'client');

test('tsc --noEmit accepts the typed client usage', () => {
  const tsc = path.join(here, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '-p', path.join(here, 'tsconfig.json')], { stdio: 'pipe' });
  } catch (error) {
    assert.fail(String(error.stdout));
  }
});

test('no declaration of kotacerdas/client uses any', () => {
  const files = readdirSync(clientDir, { recursive: true }).filter((f) => f.endsWith('.d.ts'));
  assert.deepEqual(files, ['index.d.ts']);
  const text = readFileSync(path.join(clientDir, 'index.d.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  assert.doesNotMatch(text, /\bany\b/);
});
