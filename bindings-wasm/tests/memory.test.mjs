// 1,000,000 calls of every kind (valid, invalid, thrown errors, batches, call or region
// look-ups) leave the WebAssembly memory bounded and the instance working, for the module of
// each entry point.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as main from 'kotacerdas';
import * as ids from 'kotacerdas/ids';
import { internalsOf } from './helpers.mjs';

const options = { referenceDate: '2026-11-29' };
const inputs = ['3527014501900001', '3527014501900000', '1234', '3527994501900001', '\uD800', ''];

function round(kc, i) {
  const nik = inputs[i % inputs.length];
  switch (i % 5) {
    case 0:
      return kc.validateNik(nik, options);
    case 1:
      try {
        return kc.parseNik(nik, options);
      } catch (error) {
        if (!(error instanceof kc.KotaCerdasError)) throw error;
        return error.code;
      }
    case 2:
      try {
        if (kc === ids) return kc.lookupRegion(nik.slice(0, 6)).name;
        return kc.call('nik.parse', { nik, reference_date: '2026-11-29' });
      } catch (error) {
        if (!(error instanceof kc.KotaCerdasError)) throw error;
        return error.code;
      }
    case 3:
      return kc.validateNiks(inputs, options).valid;
    default:
      try {
        return kc.parseNik(i, options); // wrong type
      } catch (error) {
        return error.code;
      }
  }
}

for (const [specifier, kc, glue] of [['kotacerdas', main, 'node.cjs'], ['kotacerdas/ids', ids, 'ids-node.cjs']]) {
  test(`${specifier}: memory stays bounded over 1,000,000 calls`, () => {
    const memory = internalsOf(glue).__memory();
    assert.ok(memory instanceof WebAssembly.Memory);
    for (let i = 0; i < 20_000; i++) round(kc, i);
    const before = memory.buffer.byteLength;
    for (let i = 0; i < 1_000_000; i++) round(kc, i);
    const after = memory.buffer.byteLength;
    // A leak of even 8 bytes per call would add 8 MB; allow the allocator 1 MiB of slack.
    assert.ok(after - before <= 1 << 20, `memory grew from ${before} to ${after} bytes`);
    assert.equal(kc.parseNik(inputs[0], options).birthDate, '1990-01-05');
  });
}
