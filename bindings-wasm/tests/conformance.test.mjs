// Every conformance vector through `call` of the packed package: the same expectations as
// `kotacerdas conformance run` applies to the Rust core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { call, KotaCerdasError } from 'kotacerdas';
import { checkVector, vectorFiles } from './helpers.mjs';

const root = process.env.KOTACERDAS_VECTORS;
assert.ok(root, 'KOTACERDAS_VECTORS names the conformance/vectors folder');


const files = vectorFiles(root);
test('there are vector files', () => assert.ok(files.length > 0));

// JSON.parse turns integers beyond 2^53 into the nearest double, so such a case cannot travel
// through a JS object exactly (Node 20 has no JSON.parse source access). Those are skipped
// with their reason, not counted as passes.
function hasUnsafeInteger(value) {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasUnsafeInteger);
  return false;
}

for (const file of files) {
  const suite = JSON.parse(readFileSync(file, 'utf8'));
  for (const vector of suite.cases) {
    const name = `${path.relative(root, file)} ${vector.id}`;
    if (hasUnsafeInteger(vector.input) || hasUnsafeInteger(vector.expected)) {
      test(name, { skip: 'an integer beyond 2^53 is not exact in a JS number' }, () => {});
      continue;
    }
    test(name, () => checkVector((input) => call(suite.function, input), vector, KotaCerdasError));
  }
}
