// No JavaScript value traps the instance: wrong types, undefined, huge strings, lone
// surrogates, cycles. Each hostile call must throw a KotaCerdasError (or return normally),
// and the instance must keep working afterwards. Through each entry point.
import { test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import * as main from 'kotacerdas';
import * as ids from 'kotacerdas/ids';

for (const [specifier, kc] of [['kotacerdas', main], ['kotacerdas/ids', ids]]) {
  const test = (name, fn) => nodeTest(`${specifier}: ${name}`, fn);

  const options = { referenceDate: '2026-11-29' };
  const NIK = '3527014501900001';

  function stillWorks() {
    assert.equal(kc.parseNik(NIK, options).birthDate, '1990-01-05');
  }

  function expectCode(fn, code) {
    let threw;
    try {
      fn();
    } catch (error) {
      threw = error;
    }
    assert.ok(threw instanceof kc.KotaCerdasError, `expected KotaCerdasError ${code}, got ${threw}`);
    if (code) assert.equal(threw.code, code);
    stillWorks();
  }

  const cyclic = {};
  cyclic.self = cyclic;
  const wrongValues = [undefined, null, 0, 3527014501900001, NaN, true, {}, [], [NIK], () => NIK, Symbol('nik'), 10n, new String(NIK), cyclic];

  test('wrong argument types throw CALL_INVALID_INPUT', () => {
    const single = [kc.parseNik, kc.validateNik, kc.parseKk, kc.parseNop, kc.parseNpwp, kc.parseNib, kc.normalizePhone, kc.lookupRegion, kc.regionChildren, kc.searchRegions];
    for (const fn of single) {
      for (const value of wrongValues) expectCode(() => fn(value), 'CALL_INVALID_INPUT');
    }
    for (const value of [0, true, 'x', [], Symbol('o'), 10n, cyclic, { referenceDate: 5 }, { referenceDate: 'yesterday' }, { unknownOption: 1 }]) {
      expectCode(() => kc.parseNik(NIK, value), null);
      expectCode(() => kc.validateNiks([NIK], value), null);
    }
    for (const value of [undefined, null, 0, {}, Symbol('n'), 10n, cyclic, () => 1]) {
      expectCode(() => kc.validateNiks(value, options), 'CALL_INVALID_INPUT');
    }
    for (const limit of [-1, 1.5, 'ten', {}, 10n]) expectCode(() => kc.searchRegions('sampang', limit), 'CALL_INVALID_INPUT');
    for (const value of wrongValues) expectCode(() => kc.setLanguage(value), 'CALL_INVALID_INPUT');
  });

  if (specifier === 'kotacerdas') test('call refuses what is not JSON: cycles, BigInt, deep nesting, non-string names', () => {
    expectCode(() => kc.call('nik.parse', cyclic), 'CALL_INVALID_INPUT');
    expectCode(() => kc.call('nik.parse', { nik: 10n }), 'CALL_INVALID_INPUT');
    let deep = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expectCode(() => kc.call('nik.parse', { nik: deep }), 'CALL_INVALID_INPUT');
    for (const value of wrongValues) expectCode(() => kc.call(value, {}), 'CALL_INVALID_INPUT');
    for (const value of wrongValues.filter((v) => v !== cyclic && typeof v !== 'bigint')) {
      expectCode(() => kc.call('nik.parse', value), 'CALL_INVALID_INPUT');
    }
  });

  test('array items of other types follow String() as Array.prototype.join does', () => {
    const result = kc.validateNiks([NIK, null, undefined, 42, { toString: () => NIK }], options);
    assert.equal(result.total, 5);
    const codes = [...result.error].map((e) => e && result.errorCodes[e - 1]);
    assert.deepEqual(codes, [0, 'NIK_EMPTY', 'NIK_EMPTY', 'NIK_INVALID_LENGTH', 0]);
    stillWorks();
  });

  test('validateNiks: an array whose reads throw (Proxy traps, throwing toString) gives CALL_INVALID_INPUT, not a plain Error', () => {
    const boom = () => { throw new Error('trap'); };
    const { proxy: revoked, revoke } = Proxy.revocable([], {});
    revoke();
    const hostile = [
      [{ toString: boom }],
      [NIK, new Proxy({}, { get: boom })],
      new Proxy([NIK], { get: boom }),
      new Proxy([NIK, NIK], { get(target, key) { if (key === 'length') throw new Error('length trap'); return Reflect.get(target, key); } }),
      // An item with a newline takes the item-by-item path; the next item throws there.
      ['3527\n014501900001', { toString: boom }],
      [Symbol('nik')],
      revoked,
    ];
    for (const value of hostile) expectCode(() => kc.validateNiks(value), 'CALL_INVALID_INPUT');
    // A Proxy that only observes is read like the array it wraps.
    const observed = new Proxy([NIK, 'x'], {});
    assert.equal(kc.validateNiks(observed, options).valid, 1);
    assert.equal(kc.validateNiks(observed, options).total, 2);
  });

  test('huge strings are refused before they reach wasm memory, or parsed when within limits', () => {
    const huge = '1'.repeat(2_000_000);
    expectCode(() => kc.parseNik(huge), 'CALL_INVALID_INPUT');
    expectCode(() => kc.lookupRegion(huge), 'CALL_INVALID_INPUT');
    if (specifier === 'kotacerdas') {
      expectCode(() => kc.call('nik.parse', { nik: 'x'.repeat(120_000_000), reference_date: '2026-11-29' }), 'CALL_INVALID_INPUT');
    }
    expectCode(() => kc.validateNiks('1'.repeat(100_000_001)), 'CALL_INVALID_INPUT');
    const long = '1'.repeat(1_000_000);
    expectCode(() => kc.parseNik(long, options), 'NIK_INVALID_LENGTH');
    assert.equal(kc.validateNik(long, options), 'NIK_INVALID_LENGTH');
    assert.equal(kc.searchRegions('z'.repeat(1_000_000)).length, 0);
  });

  test('lone surrogates and other unicode are refused with the identifier code', () => {
    for (const input of ['\uD800' + NIK.slice(1), NIK.slice(0, 15) + '\uDFFF', '\uD83D', '😀'.repeat(8)]) {
      expectCode(() => kc.parseNik(input, options), 'NIK_INVALID_CHARACTER');
      assert.equal(kc.validateNik(input, options), 'NIK_INVALID_CHARACTER');
    }
    const batch = kc.validateNiks([NIK, '\uD800', NIK], options);
    assert.deepEqual([...batch.error].map((e) => e && batch.errorCodes[e - 1]), [0, 'NIK_INVALID_CHARACTER', 0]);
    expectCode(() => kc.lookupRegion('\uD800'), 'REGION_INVALID_CODE');
    assert.deepEqual(kc.searchRegions('\uDC00\uD800'), []);
    stillWorks();
  });

  test('options are read as JSON.stringify sees them; anything else is CALL_INVALID_INPUT', () => {
    const boom = () => { throw new Error('trap'); };
    const refused = [
      new Date(), [], ['2026-11-29'], { toJSON: () => options }, { referenceDate: 20261129 }, { strict: 'yes' },
      { strictness: true }, { referenceDate: '2026-11-29', extra: 1 }, { get referenceDate() { return boom(); } },
      new Proxy({}, { ownKeys: boom }), { referenceDate: 'x'.repeat(2_000_000) }, { knownBirthDate: new String('1990-01-05') },
    ];
    for (const value of refused) {
      expectCode(() => kc.parseNik(NIK, value), 'CALL_INVALID_INPUT');
      expectCode(() => kc.parseKk('3527010101200001', value), 'CALL_INVALID_INPUT');
      expectCode(() => kc.validateNiks([NIK], value), 'CALL_INVALID_INPUT');
    }
    // Absent as in JSON: undefined, null, functions and symbols; symbol keys are not seen.
    const absent = { referenceDate: '2026-11-29', strict: undefined, knownBirthDate: null, f() {}, s: Symbol('s'), [Symbol('k')]: 1 };
    assert.equal(kc.parseNik(NIK, absent).birthDate, '1990-01-05');
    const inherited = Object.create({ unknownOption: 1 });
    inherited.referenceDate = '2026-11-29';
    assert.equal(kc.validateNik(NIK, inherited), null);
    assert.equal(kc.validateNik(NIK, new Proxy({ ...options }, {})), null);
    expectCode(() => kc.parseNik(NIK, { referenceDate: '2026-02-30' }), 'DATE_NOT_A_CALENDAR_DATE');
  });
}
