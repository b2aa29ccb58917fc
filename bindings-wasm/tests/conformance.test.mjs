// Every conformance vector through the packed package, with the same expectations as
// `kotacerdas conformance run` applies to the Rust core: all of them through `call` of
// `kotacerdas`, and the identifier and region vectors through the typed functions of
// `kotacerdas/ids` and of `kotacerdas` (conformance.test.cjs does the same through `require`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as kc from 'kotacerdas';
import * as ids from 'kotacerdas/ids';
import { vectorFiles } from './helpers.mjs';
import { TYPED_FUNCTIONS, root, throughCall, throughTypedFunctions, vectorCases } from './conformance.mjs';

assert.ok(root, 'KOTACERDAS_VECTORS names the conformance/vectors folder');
test('there are vector files', () => assert.ok(vectorFiles(root).length > 0));

const runs = [
  ['kotacerdas call', throughCall(kc), kc.KotaCerdasError],
  ['kotacerdas/ids', throughTypedFunctions(ids), ids.KotaCerdasError],
  ['kotacerdas typed', throughTypedFunctions(kc), kc.KotaCerdasError],
];
for (const [label, runner, KotaCerdasError] of runs) {
  for (const { name, skip, run } of vectorCases(runner, KotaCerdasError)) {
    test(`${label}: ${name}`, { skip }, run);
  }
}

test('the typed functions cover every identifier and region function of the JSON API', () => {
  const expected = kc.functions().filter((name) => !/^(tax|calendar|complaint)\./.test(name));
  assert.deepEqual([...TYPED_FUNCTIONS].sort(), expected.sort());
  const covered = vectorCases(throughTypedFunctions(ids), ids.KotaCerdasError);
  const skipped = covered.filter((c) => c.skip);
  // The vectors the typed functions cannot express: NOP reference tables (call only) and the
  // JSON API's own input checks. Most of them run.
  assert.ok(covered.length > 1000, `${covered.length} vectors`);
  assert.ok(skipped.length <= 25, skipped.map((c) => `${c.name}: ${c.skip}`).join('\n'));
});
