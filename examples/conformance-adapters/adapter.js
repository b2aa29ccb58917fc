#!/usr/bin/env node
// Example conformance adapter in plain Node.js (18+, no dependencies).
//
// It shows the stdio protocol of `kotacerdas conformance run --adapter "node adapter.js"`:
// one JSON request per line on stdin, one JSON answer per line on stdout.
//
//   request   {"id": "7", "function": "nib.parse", "input": {"nib": "1234567890123"}}
//   answers   {"id": "7", "ok": {...}}
//             {"id": "7", "error": {"code": "NIB_INVALID_LENGTH"}}
//             {"id": "7", "unsupported": true}
//
// It implements nib.parse and phone.normalize completely, and nik.parse for what it can decide
// without the national region table: NITs (prefix 99), NIKs of Kabupaten Sampang (35.27), and
// inputs refused before the region is looked at. Everything else is answered "unsupported",
// which the runner reports as skipped, not failed. Replace the functions with calls into your
// own code. Print nothing else on stdout (logs go to stderr).
'use strict';

const readline = require('node:readline');

const SAMPANG = {
  '01': 'Sreseh', '02': 'Torjun', '03': 'Sampang', '04': 'Camplong', '05': 'Omben', '06': 'Kedungdung',
  '07': 'Jrengik', '08': 'Tambelangan', '09': 'Banyuates', '10': 'Robatal', '11': 'Sokobanah',
  '12': 'Ketapang', '13': 'Pangarengan', '14': 'Karangpenang',
};

class Refused extends Error {
  constructor(code) {
    super(code);
    this.code = code;
  }
}

class Unsupported extends Error {}

const isAsciiDigit = (c) => c >= '0' && c <= '9';
// Any other Unicode decimal digit (full-width ３, Arabic-Indic ٣, ...) is refused with its own code.
const isOtherDigit = (c) => /\p{N}/u.test(c);
// The whitespace that Rust's str::trim and Python's str.strip remove.
const trim = (text) => text.replace(/^\s+|\s+$/gu, '');

function readDigits(text, prefix, lengths) {
  let digits = '';
  for (const c of trim(text)) {
    if (isAsciiDigit(c)) digits += c;
    else if (!' .-'.includes(c)) throw new Refused(prefix + (isOtherDigit(c) ? '_NON_ASCII_DIGIT' : '_INVALID_CHARACTER'));
  }
  if (digits === '') throw new Refused(prefix + '_EMPTY');
  if (!lengths.includes(digits.length)) throw new Refused(prefix + '_INVALID_LENGTH');
  return digits;
}

function fields(input, required, optional = []) {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new Refused('CALL_INVALID_INPUT');
  const names = Object.keys(input);
  if (required.some((n) => !names.includes(n)) || names.some((n) => !required.includes(n) && !optional.includes(n))) {
    throw new Refused('CALL_INVALID_INPUT');
  }
  return input;
}

function string(value) {
  if (typeof value !== 'string') throw new Refused('CALL_INVALID_INPUT');
  return value;
}

function daysInMonth(year, month) {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// A date as [year, month, day]; compared as the number YYYYMMDD.
function date(value) {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(string(value));
  if (!match) throw new Refused('CALL_INVALID_INPUT');
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 1800 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new Refused('CALL_INVALID_INPUT');
  return [year, month, day];
}

const key = ([y, m, d]) => y * 10000 + m * 100 + d;
const iso = ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function nibParse(input) {
  return { nib: readDigits(string(fields(input, ['nib']).nib), 'NIB', [13]) };
}

function phoneNormalize(input) {
  const text = string(fields(input, ['phone']).phone);
  let digits = '';
  let plus = false;
  for (const c of trim(text)) {
    if (isAsciiDigit(c)) digits += c;
    else if (c === '+' && digits === '' && !plus) plus = true;
    else if (!' .-()'.includes(c)) throw new Refused(isOtherDigit(c) ? 'PHONE_NON_ASCII_DIGIT' : 'PHONE_INVALID_CHARACTER');
  }
  if (digits === '') throw new Refused('PHONE_EMPTY');
  if (!plus && digits.startsWith('00')) {
    digits = digits.slice(2);
    plus = true;
  }
  let national;
  if (plus || digits.startsWith('62')) {
    if (!digits.startsWith('62')) throw new Refused('PHONE_NOT_INDONESIAN');
    national = digits.slice(2);
    if (national.startsWith('0')) national = national.slice(1);
  } else if (digits.startsWith('0')) {
    national = digits.slice(1);
  } else {
    throw new Refused('PHONE_INVALID_PREFIX');
  }
  if (!national.startsWith('8')) throw new Refused('PHONE_NOT_MOBILE');
  if (national.length + 1 < 10 || national.length + 1 > 13) throw new Refused('PHONE_INVALID_LENGTH');
  const hidden = national.length - 7;
  return {
    e164: '+62' + national,
    national: '0' + national,
    masked: '+62' + national.slice(0, 3) + '*'.repeat(hidden) + national.slice(3 + hidden),
  };
}

function nikParse(rawInput) {
  const input = fields(rawInput, ['nik', 'reference_date'], ['strict', 'known_birth_date']);
  const text = string(input.nik);
  const today = date(input.reference_date);
  const strict = input.strict ?? false;
  if (typeof strict !== 'boolean') throw new Refused('CALL_INVALID_INPUT');
  const known = input.known_birth_date === undefined ? null : date(input.known_birth_date);
  const digits = readDigits(text, 'NIK', [16]);
  const nit = digits.startsWith('99');
  const warnings = [];
  if (!nit) {
    if (!digits.startsWith('3527')) throw new Unsupported(); // would need the national region table
    const district = digits.slice(4, 6);
    if (district === '00') throw new Refused('NIK_INVALID_DISTRICT');
    if (!(district in SAMPANG)) {
      if (strict) throw new Refused('NIK_UNKNOWN_DISTRICT');
      warnings.push('NIK_UNKNOWN_DISTRICT');
    }
  }
  let day = Number(digits.slice(6, 8));
  let sex;
  if (day >= 1 && day <= 31) sex = 'male';
  else if (day >= 41 && day <= 71) [day, sex] = [day - 40, 'female'];
  else throw new Refused('NIK_INVALID_DAY');
  const month = Number(digits.slice(8, 10));
  const yy = Number(digits.slice(10, 12));
  if (month < 1 || month > 12) throw new Refused('NIK_INVALID_MONTH');
  let birth = null;
  let century = null;
  if (known && known[2] === day && known[1] === month && known[0] % 100 === yy) {
    [birth, century] = [known, 'from_known_date'];
  } else {
    for (const [year, name] of [[2000 + yy, 'current'], [1900 + yy, 'previous']]) {
      if (day <= daysInMonth(year, month) && key([year, month, day]) <= key(today)) {
        [birth, century] = [[year, month, day], name];
        break;
      }
    }
    if (!birth) {
      const exists = [2000 + yy, 1900 + yy].some((y) => day <= daysInMonth(y, month));
      throw new Refused(exists ? 'NIK_BIRTH_DATE_IN_FUTURE' : 'NIK_INVALID_DATE');
    }
    if (known) warnings.push('NIK_BIRTH_DATE_MISMATCH');
  }
  if (digits.slice(12) === '0000') throw new Refused('NIK_INVALID_SERIAL');
  const region = (code, name) => (nit ? null : { code, name: name ?? null, retired: false });
  return {
    kind: nit ? 'nit' : 'nik',
    province: region('35', 'Jawa Timur'),
    regency: region('35.27', 'Kabupaten Sampang'),
    district: region('35.27.' + digits.slice(4, 6), SAMPANG[digits.slice(4, 6)]),
    nit_country_code: nit ? digits.slice(2, 5) : null,
    nit_mission_code: nit ? digits[5] : null,
    birth_date: iso(birth),
    century_inference: century,
    sex,
    serial: digits.slice(12),
    masked: digits.slice(0, 6) + '*'.repeat(10),
    warnings,
  };
}

const FUNCTIONS = { 'nib.parse': nibParse, 'phone.normalize': phoneNormalize, 'nik.parse': nikParse };

function answer(request) {
  const fn = Object.hasOwn(FUNCTIONS, request.function) ? FUNCTIONS[request.function] : null;
  if (!fn) return { unsupported: true };
  try {
    return { ok: fn(request.input) };
  } catch (e) {
    if (e instanceof Refused) return { error: { code: e.code } };
    if (e instanceof Unsupported) return { unsupported: true };
    throw e;
  }
}

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  const request = JSON.parse(line);
  process.stdout.write(JSON.stringify({ id: request.id, ...answer(request) }) + '\n');
});
