// The idiomatic API of the packed package in Node (ESM), and its error codes: the identifier
// and region functions through each entry point (`kotacerdas` and `kotacerdas/ids`), `call`
// and the taxes through the main entry.
import { test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as main from 'kotacerdas';
import * as ids from 'kotacerdas/ids';

const require = createRequire(import.meta.url);
const options = { referenceDate: '2026-11-29' };
// Synthetic NIKs (no real person): Sreseh, Sampang.
const FEMALE_1990 = '3527014501900001';

for (const [specifier, kc] of [['kotacerdas', main], ['kotacerdas/ids', ids]]) {
  const test = (name, fn) => nodeTest(`${specifier}: ${name}`, fn);

  test('parseNik returns a typed record with region names and a masked number', () => {
    const nik = kc.parseNik(FEMALE_1990, options);
    assert.equal(nik.kind, 'nik');
    assert.deepEqual(nik.district, { code: '35.27.01', name: 'Sreseh', retired: false });
    assert.equal(nik.regency.name, 'Kabupaten Sampang');
    assert.equal(nik.birthDate, '1990-01-05');
    assert.equal(nik.sex, 'female');
    assert.equal(nik.centuryInference, 'previous');
    assert.equal(nik.masked, '352701**********');
    assert.equal(nik.nitCountryCode, null);
    assert.deepEqual(nik.warnings, []);
    assert.ok(!JSON.stringify(nik).includes(FEMALE_1990), 'the whole NIK is never returned');
  });

  test('parseNik accepts typed separators and a NIT', () => {
    assert.equal(kc.parseNik('3527.01.450190.0001', options).birthDate, '1990-01-05');
    const nit = kc.parseNik('9912345501900001', options);
    assert.equal(nit.kind, 'nit');
    assert.equal(nit.province, null);
    assert.equal(nit.nitCountryCode, '123');
    assert.equal(nit.nitMissionCode, '4');
  });

  test('the reference date defaults to today in WIB', () => {
    // Born 2005: 20YY is not after today, whatever today is (after 2005).
    assert.equal(kc.parseNik('3527111203050002').birthDate, '2005-03-12');
    // A reference date before the birth date moves the century.
    assert.equal(kc.parseNik('3527111203050002', { referenceDate: '2004-01-01' }).birthDate, '1905-03-12');
  });

  test('strict mode and known birth dates', () => {
    const unknown = '3527994501900001'; // district 99 of Sampang does not exist
    const lenient = kc.parseNik(unknown, options);
    assert.deepEqual(lenient.warnings.map((w) => w.code), ['NIK_UNKNOWN_DISTRICT']);
    assert.equal(typeof lenient.warnings[0].message, 'string');
    assert.deepEqual(lenient.warnings[0].fields, { district: '352799' });
    assert.throws(() => kc.parseNik(unknown, { ...options, strict: true }), { code: 'NIK_UNKNOWN_DISTRICT' });
    const centenarian = kc.parseNik('3527010501200001', { ...options, knownBirthDate: '1920-01-05' });
    assert.equal(centenarian.birthDate, '1920-01-05');
    assert.equal(centenarian.centuryInference, 'from_known_date');
  });

  test('errors are KotaCerdasError with code, fields and messages in both languages', () => {
    let caught;
    try {
      kc.parseNik('1234', options);
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof kc.KotaCerdasError);
    assert.ok(caught instanceof Error);
    assert.equal(caught.name, 'KotaCerdasError');
    assert.equal(caught.code, 'NIK_INVALID_LENGTH');
    assert.deepEqual(caught.fields, { found: '4' });
    assert.equal(caught.message, caught.messages.id);
    assert.match(caught.messages.id, /16 digit/);
    assert.match(caught.messages.en, /16 digits/);
    assert.ok(caught.stack.includes('KotaCerdasError'));
  });

  test('setLanguage switches messages, not codes', () => {
    assert.equal(kc.getLanguage(), 'id');
    kc.setLanguage('en');
    try {
      assert.throws(() => kc.parseNik('3527018101900001', options), {
        code: 'NIK_INVALID_DAY',
        message: 'Birth day 81 is invalid (male 01-31, female 41-71)',
      });
      assert.equal(kc.getLanguage(), 'en');
    } finally {
      kc.setLanguage('id');
    }
    assert.throws(() => kc.parseNik('3527018101900001', options), { message: /Tanggal lahir 81 tidak sah/ });
    assert.throws(() => kc.setLanguage('fr'), { code: 'CALL_INVALID_INPUT' });
  });

  test('every NIK error code is reachable and listed', () => {
    const cases = {
      NIK_EMPTY: ' ',
      NIK_INVALID_CHARACTER: '3527O14501900001',
      NIK_NON_ASCII_DIGIT: '３527014501900001',
      NIK_INVALID_LENGTH: '352701450190001',
      NIK_UNKNOWN_PROVINCE: '1027014501900001',
      NIK_INVALID_REGENCY: '3500014501900001',
      NIK_INVALID_DISTRICT: '3527004501900001',
      NIK_INVALID_DAY: '3527018101900001',
      NIK_INVALID_MONTH: '3527014513900001',
      NIK_INVALID_DATE: '3527013102900001',
      NIK_INVALID_SERIAL: '3527014501900000',
    };
    for (const [code, input] of Object.entries(cases)) {
      assert.equal(kc.validateNik(input, options), code, code);
      assert.throws(() => kc.parseNik(input, options), { code }, code);
    }
    assert.equal(kc.validateNik('3527014501270001', { referenceDate: '1926-01-01' }), 'NIK_BIRTH_DATE_IN_FUTURE');
    assert.equal(kc.validateNik(FEMALE_1990, options), null);
    const listed = kc.errorCodes();
    for (const code of Object.keys(cases)) assert.ok(listed.nik.includes(code));
  });

  test('validateNik without options (the fast path) agrees with the checked path', () => {
    const inputs = [FEMALE_1990, '3527014501900000', '1234', '', ' 3527 01 450190 0001 ', '３527014501900001', '\uD800', '9912345501900001', '3527994501900001', '3527014501270001'];
    for (const input of inputs) {
      assert.equal(kc.validateNik(input), kc.validateNik(input, {}), JSON.stringify(input));
    }
  });

  test('validateNiks: array, newline-separated string and UTF-8 bytes give the same columns', () => {
    const niks = [FEMALE_1990, 'abc', '3527994501900001', '', '3527014501900000'];
    const fromArray = kc.validateNiks(niks, options);
    const fromText = kc.validateNiks(niks.join('\r\n') + '\n', options);
    const fromBytes = kc.validateNiks(new TextEncoder().encode(niks.join('\n')), options);
    const fromBuffer = kc.validateNiks(Buffer.from(niks.join('\n')), options);
    for (const result of [fromArray, fromText, fromBytes, fromBuffer]) {
      assert.equal(result.total, 5);
      assert.equal(result.valid, 2);
      assert.equal(result.invalid, 3);
      assert.equal(result.withWarnings, 1);
      assert.ok(result.error instanceof Uint8Array);
      const codes = [...result.error].map((e) => (e === 0 ? null : result.errorCodes[e - 1]));
      assert.deepEqual(codes, [null, 'NIK_INVALID_CHARACTER', null, 'NIK_EMPTY', 'NIK_INVALID_SERIAL']);
      assert.equal(result.warningCodes[Math.log2(result.warning[2])], 'NIK_UNKNOWN_DISTRICT');
      assert.deepEqual(result.errors, { NIK_EMPTY: 1, NIK_INVALID_CHARACTER: 1, NIK_INVALID_SERIAL: 1 });
      assert.deepEqual(result.warnings, { NIK_UNKNOWN_DISTRICT: 1 });
    }
  });

  test('validateNiks: bytes that are not UTF-8 are an invalid character of their line only', () => {
    const bytes = Uint8Array.from([...Buffer.from(`${FEMALE_1990}\n`), 0xff, 0xfe, 0x0a, ...Buffer.from(FEMALE_1990)]);
    const result = kc.validateNiks(bytes, options);
    assert.equal(result.total, 3);
    assert.deepEqual([...result.error].map((e) => e && result.errorCodes[e - 1]), [0, 'NIK_INVALID_CHARACTER', 0]);
    assert.equal(kc.validateNiks(new Uint8Array(0), options).total, 0);
  });

  test('validateNiks keeps items aligned when an item contains a newline', () => {
    const result = kc.validateNiks([`${FEMALE_1990}\n${FEMALE_1990}`, FEMALE_1990, ''], options);
    assert.equal(result.total, 3);
    assert.deepEqual([...result.error].map((e) => e && result.errorCodes[e - 1]), ['NIK_INVALID_CHARACTER', 0, 'NIK_EMPTY']);
    assert.equal(kc.validateNiks([], options).total, 0);
    assert.equal(kc.validateNiks('', options).total, 0);
  });

  test('regions: lookup, children, search, decree', () => {
    const sampang = kc.lookupRegion('35.27');
    assert.deepEqual(sampang, { code: '35.27', name: 'Kabupaten Sampang', level: 'regency', parent: '35', retired: null });
    assert.equal(kc.lookupRegion('352711').name, 'Sokobanah');
    const districts = kc.regionChildren('3527');
    assert.equal(districts.length, 14);
    assert.ok(districts.every((d) => d.parent === '35.27' && d.level === 'district'));
    const hits = kc.searchRegions('karang penang', 5);
    assert.equal(hits[0].region.name, 'Karangpenang');
    assert.equal(hits[0].match, 'exact');
    assert.equal(kc.searchRegions('sampang').length <= 20, true);
    assert.equal(kc.searchRegions('a', 0).length, 0);
    assert.throws(() => kc.lookupRegion('35.2'), { code: 'REGION_INVALID_CODE' });
    assert.throws(() => kc.lookupRegion('35.99'), { code: 'REGION_NOT_FOUND', fields: { code: '35.99' } });
    const decree = kc.regionDecree();
    assert.match(decree.name, /Kepmendagri/);
    assert.match(decree.date, /^\d{4}-\d{2}-\d{2}$/);
  });

  test('a retired Papua district carries its successor', () => {
    const retired = kc.lookupRegion('91.01.01');
    assert.ok(retired.retired, 'retired');
    assert.match(retired.retired.successor, /^\d\d\.\d\d\.\d\d$/);
  });

  test('other identifiers', () => {
    assert.equal(kc.parseKk('3527010101200001', options).district.name, 'Sreseh');
    assert.throws(() => kc.parseKk('12', options), { code: 'KK_INVALID_LENGTH' });
    assert.equal(kc.parseNib('1234567890123').nib, '1234567890123');
    assert.throws(() => kc.parseNib('12345'), { code: 'NIB_INVALID_LENGTH' });
    const phone = kc.normalizePhone('0812-3456-7890');
    assert.equal(phone.e164, '+6281234567890');
    assert.equal(phone.national, '081234567890');
    assert.throws(() => kc.normalizePhone('+1 555 0100'), { code: 'PHONE_NOT_INDONESIAN' });
    const npwp = kc.parseNpwp(FEMALE_1990, options);
    assert.equal(npwp.personal, true);
    assert.equal(npwp.form, 'nik16');
    assert.throws(() => kc.parseNpwp('12', options), { code: 'NPWP_INVALID_LENGTH' });
    assert.throws(() => kc.parseNop('12'), { code: 'NOP_INVALID_LENGTH' });
  });

  test('errorCodes lists every domain, merging types that share one', () => {
    const codes = kc.errorCodes();
    for (const code of ['COMPLAINT_DATA_INVALID_JSON', 'COMPLAINT_DRAFT_MALFORMED', 'COMPLAINT_TRANSITION_NOT_ALLOWED', 'COMPLAINT_ROUTING_UNKNOWN_CATEGORY']) {
      assert.ok(codes.complaint.includes(code), code);
    }
    assert.ok(codes.call.includes('CALL_INVALID_INPUT'));
    assert.ok(codes.nik_warning.includes('NIK_RETIRED_DISTRICT'));
  });

  test('Node ESM and CommonJS share one instance and one error class', () => {
    const cjs = require(specifier);
    assert.equal(cjs.KotaCerdasError, kc.KotaCerdasError);
    assert.equal(cjs.parseNik, kc.parseNik);
    assert.deepEqual(Object.keys(cjs).sort(), Object.keys(kc).sort());
    assert.ok(!Object.keys(kc).some((name) => name.startsWith('__')), 'internals stay private');
    assert.equal(kc.version(), require('kotacerdas/package.json').version);
  });

  test('init resolves in Node (code shared with browsers awaits it)', async () => {
    await kc.init();
    assert.equal(kc.validateNik(FEMALE_1990, options), null);
  });
}

// Only the main entry has `call` and the tax rules.
nodeTest('call: the JSON API by name, with its own error codes', () => {
  assert.ok(main.functions().includes('nik.parse'));
  for (const name of main.functions()) {
    assert.throws(() => main.call(name, {}), (e) => e instanceof main.KotaCerdasError && e.code !== 'CALL_UNKNOWN_FUNCTION');
  }
  assert.throws(() => main.call('nik.frobnicate', {}), { code: 'CALL_UNKNOWN_FUNCTION', fields: { function: 'nik.frobnicate' } });
  assert.throws(() => main.call('nik.parse', { nik: FEMALE_1990 }), { code: 'CALL_INVALID_INPUT' });
  const out = main.call('nik.parse', { nik: FEMALE_1990, reference_date: '2026-11-29' });
  assert.equal(out.birth_date, '1990-01-05');
  assert.equal(main.call('region.lookup', { code: '35.27' }).name, 'Kabupaten Sampang');
});

nodeTest('a tax and a calendar function through call', () => {
  const tax = main.call('tax.pbjt', { region: '35.27', input: { date: '2025-05-01', sub_type: 'makanan_minuman', price: 100000 } });
  assert.equal(tax.amount, 10000);
  assert.throws(() => main.call('tax.pbjt', { region: '35.27', input: {} }), (e) => e instanceof main.KotaCerdasError && /^(TAX|CALL)_/.test(e.code));
});
