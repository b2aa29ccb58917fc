// The two entry points together: one KotaCerdasError class and one language for the whole
// package, the same answers, and `kotacerdas/ids` holding every district of the decree while
// leaving out the rules it is meant to spare a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as main from 'kotacerdas';
import * as ids from 'kotacerdas/ids';

const require = createRequire(import.meta.url);
const options = { referenceDate: '2026-11-29' };

function thrown(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  assert.fail('did not throw');
}

test('an error of either entry is instanceof the KotaCerdasError of both, in ESM and CJS', () => {
  const classes = [main.KotaCerdasError, ids.KotaCerdasError, require('kotacerdas').KotaCerdasError, require('kotacerdas/ids').KotaCerdasError];
  for (const error of [thrown(() => ids.parseNik('1234')), thrown(() => main.parseNik('1234')), thrown(() => require('kotacerdas/ids').lookupRegion('99'))]) {
    for (const KotaCerdasError of classes) assert.ok(error instanceof KotaCerdasError);
  }
  assert.ok(new Set(classes).size === 1, 'one class');
});

test('setLanguage through either entry switches the messages of both', () => {
  try {
    main.setLanguage('en');
    assert.equal(ids.getLanguage(), 'en');
    assert.equal(thrown(() => ids.parseNik('1234')).message, 'A NIK has 16 digits, found 4');
    ids.setLanguage('id');
    assert.equal(main.getLanguage(), 'id');
    assert.equal(thrown(() => main.parseNik('1234')).message, 'NIK harus 16 digit, ditemukan 4 digit');
    assert.equal(thrown(() => ids.setLanguage('fr')).code, 'CALL_INVALID_INPUT');
    assert.equal(main.getLanguage(), 'id');
  } finally {
    main.setLanguage('id');
  }
});

test('kotacerdas/ids exports the identifier and region functions, not the rules', () => {
  assert.deepEqual(Object.keys(ids).sort(), [
    'KotaCerdasError', 'errorCodes', 'getLanguage', 'init', 'initSync', 'lookupRegion', 'normalizePhone',
    'parseKk', 'parseNib', 'parseNik', 'parseNop', 'parseNpwp', 'regionChildren', 'regionDecree',
    'searchRegions', 'setLanguage', 'validateNik', 'validateNiks', 'version',
  ]);
  for (const name of Object.keys(ids)) assert.equal(typeof main[name], typeof ids[name], name);
  // The full listing of codes in both (only strings; see the package README).
  assert.deepEqual(ids.errorCodes(), main.errorCodes());
  assert.equal(ids.version(), main.version());
});

test('both entries give the same answers', () => {
  const niks = ['3527014501900001', '3527994501900001', '9912345501900001', '1234', '', '\uD800', '3527014501900000', '3527.01.450190.0001'];
  for (const nik of niks) {
    assert.equal(ids.validateNik(nik), main.validateNik(nik), nik);
    assert.equal(ids.validateNik(nik, options), main.validateNik(nik, options), nik);
    const [a, b] = [ids, main].map((kc) => {
      try {
        return kc.parseNik(nik, options);
      } catch (error) {
        return { code: error.code, fields: error.fields, messages: error.messages };
      }
    });
    assert.deepEqual(a, b, nik);
  }
  const batch = (kc) => {
    const { error, warning, ...counts } = kc.validateNiks(niks, options);
    return { counts, error: [...error], warning: [...warning] };
  };
  assert.deepEqual(batch(ids), batch(main));
  assert.deepEqual(ids.searchRegions('sampang', 50), main.searchRegions('sampang', 50));
  assert.deepEqual(ids.regionDecree(), main.regionDecree());
});

test('kotacerdas/ids holds all 7,285 districts of the decree, each with its name', () => {
  const provinces = [];
  for (let code = 10; code < 100; code++) {
    try {
      const region = ids.lookupRegion(String(code));
      if (region.retired === null) provinces.push(region);
    } catch (error) {
      assert.equal(error.code, 'REGION_NOT_FOUND');
    }
  }
  assert.equal(provinces.length, 38);
  const districts = new Map();
  for (const province of provinces) {
    for (const regency of ids.regionChildren(province.code)) {
      for (const district of ids.regionChildren(regency.code)) {
        assert.equal(district.level, 'district');
        assert.ok(district.name.length > 0, district.code);
        districts.set(district.code, district.name);
      }
    }
  }
  assert.equal(districts.size, 7285);
  assert.equal(districts.get('35.27.01'), 'Sreseh');
});
