// The identifier and region conformance vectors through `require('kotacerdas/ids')`: the
// CommonJS side of conformance.test.mjs, with the same runner (loaded with import()).
const { test } = require('node:test');
const ids = require('kotacerdas/ids');

test('conformance vectors through require("kotacerdas/ids")', async (t) => {
  const { throughTypedFunctions, vectorCases } = await import('./conformance.mjs');
  const cases = vectorCases(throughTypedFunctions(ids), ids.KotaCerdasError);
  if (cases.length < 1000) throw new Error(`only ${cases.length} vectors`);
  for (const { name, skip, run } of cases) await t.test(name, { skip }, run);
});
