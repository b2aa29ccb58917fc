// CommonJS: `require('kotacerdas')` works synchronously in Node.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { parseNik, KotaCerdasError } = require('kotacerdas');

test('require gives a ready module', () => {
  assert.equal(parseNik('3527014501900001', { referenceDate: '2026-11-29' }).sex, 'female');
  assert.throws(() => parseNik('1234'), (e) => e instanceof KotaCerdasError && e.code === 'NIK_INVALID_LENGTH');
});
