// The declarations: `tsc --noEmit` accepts a typed program (typed-usage.ts), and no
// declaration file of the package uses `any`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageDir } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

test('tsc --noEmit accepts the typed usage example', () => {
  const tsc = path.join(here, 'node_modules/typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '--noEmit', '-p', path.join(here, 'tsconfig.json')], { stdio: 'pipe' });
});

test('no declaration of the package uses any', () => {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.d\.c?ts$/.test(entry.name)) files.push(full);
    }
  };
  walk(packageDir);
  assert.ok(files.length >= 2, files.join(', '));
  for (const file of files) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    assert.doesNotMatch(text, /\bany\b/, `${path.basename(file)} uses any`);
  }
});
