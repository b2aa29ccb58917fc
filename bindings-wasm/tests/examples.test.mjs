// Runs examples/node/ through the packed package, as a user would after `npm install kotacerdas`.
// The example is copied next to this project's node_modules so that `import 'kotacerdas'`
// resolves to the installed tarball.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

// cargo xtask test-npm sets KOTACERDAS_VECTORS to <repo>/conformance/vectors.
const repo = path.resolve(process.env.KOTACERDAS_VECTORS ?? '', '..', '..');

test('examples/node/validate-csv.mjs summarises a CSV by code and masks refused NIKs', () => {
  copyFileSync(path.join(repo, 'examples/node/validate-csv.mjs'), 'validate-csv.mjs');
  const csv = path.join(repo, 'examples/data/registrations.csv');
  const run = spawnSync(process.execPath, ['validate-csv.mjs', csv, 'nik', '2026-11-29'], { encoding: 'utf8' });
  assert.equal(run.status, 1, run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines[0], '6 rows: 3 valid, 3 refused');
  assert.ok(lines.includes('  NIK_INVALID_MONTH: 1'), run.stdout);
  assert.ok(lines.includes('line 5: NIK_INVALID_LENGTH (352701**********)'), run.stdout);
  assert.ok(!run.stdout.includes('3527014513900004'), 'a whole NIK was printed');
});
