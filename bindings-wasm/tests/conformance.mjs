// The conformance vectors as test cases, for any entry point of the package: through `call`
// (the core's JSON API, `kotacerdas` only) or through the typed identifier and region functions
// (every entry point, `kotacerdas/ids` included). Used by conformance.test.mjs (ESM) and
// conformance.test.cjs (CommonJS); the comparison rule is helpers.mjs's `checkVector`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkVector, vectorFiles } from './helpers.mjs';

export const root = process.env.KOTACERDAS_VECTORS;

// JSON.parse turns integers beyond 2^53 into the nearest double, so such a case cannot travel
// through a JS object exactly (Node 20 has no JSON.parse source access). Those are skipped
// with their reason, not counted as passes.
function hasUnsafeInteger(value) {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasUnsafeInteger);
  return false;
}

/**
 * One `{ name, skip, run }` per vector of the files whose function `runner(name)` knows:
 * `runner(function)` returns `(input) => output`, or `undefined` for a function it does not
 * cover. That function may have `cannot(input)`, the reason a vector cannot be expressed
 * (skipped, with the reason), and `expected(vector)`, its own expectation where it differs.
 */
export function vectorCases(runner, KotaCerdasError) {
  const cases = [];
  for (const file of vectorFiles(root)) {
    const suite = JSON.parse(readFileSync(file, 'utf8'));
    const run = runner(suite.function);
    if (run === undefined) continue;
    for (const vector of suite.cases) {
      const name = `${path.relative(root, file)} ${vector.id}`;
      const skip = hasUnsafeInteger(vector.input) || hasUnsafeInteger(vector.expected)
        ? 'an integer beyond 2^53 is not exact in a JS number'
        : run.cannot?.(vector.input);
      const expected = run.expected?.(vector) ?? vector.expected;
      cases.push({ name, skip, run: () => checkVector(run, { ...vector, expected }, KotaCerdasError) });
    }
  }
  return cases;
}

/** Every function through `call` of the main entry. */
export const throughCall = (kc) => (fn) => (input) => kc.call(fn, input);

/**
 * The typed functions of an entry point for the identifier and region functions of the JSON
 * API: the vector's input becomes the identifier plus camelCase options, the typed record
 * becomes the JSON API's form (snake_case keys, warnings as their codes, search hits as
 * `{ hits }`). Only shapes are translated here; every rule stays in the package.
 */
export const throughTypedFunctions = (kc) => (fn) => {
  const typed = TYPED[fn];
  if (typed === undefined) return undefined;
  const run = (input) => {
    const { [typed.arg]: value, ...rest } = input;
    if (typed.second !== undefined) return typed.out(kc[typed.name](value, rest[typed.second]));
    if (!typed.options) return typed.out(kc[typed.name](value));
    const options = Object.fromEntries(Object.entries(rest).map(([key, v]) => [camel(key), v]));
    return typed.out(kc[typed.name](value, options));
  };
  run.expected = (vector) => {
    const code = TYPED_DATE_ERRORS[vector.id];
    return code && { error: { code } };
  };
  run.cannot = (input) => {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      return 'the typed functions take the identifier itself, not an input object';
    }
    const extra = Object.keys(input).filter((key) => key !== typed.arg && key !== typed.second);
    if (!typed.options && extra.length > 0) return `the typed function has no option ${extra.join(', ')}`;
    const callOnly = extra.filter((key) => typed.callOnly?.includes(key));
    if (callOnly.length > 0) return `${callOnly.join(', ')}: only through call("${fn}")`;
    if (typed.dated && !('reference_date' in input)) {
      return 'the JSON API requires reference_date; the typed functions default it to today';
    }
    return undefined;
  };
  return run;
};

const camel = (key) => key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const snake = (key) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A typed record in the JSON API's form. */
function jsonForm(value) {
  if (Array.isArray(value)) return value.map(jsonForm);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      snake(key),
      key === 'warnings' ? v.map((warning) => warning.code) : jsonForm(v),
    ]),
  );
}

const TYPED = {
  'nik.parse': { name: 'parseNik', arg: 'nik', options: true, dated: true, out: jsonForm },
  'kk.parse': { name: 'parseKk', arg: 'kk', options: true, dated: true, out: jsonForm },
  'npwp.parse': { name: 'parseNpwp', arg: 'npwp', options: true, dated: true, out: jsonForm },
  'nop.parse': { name: 'parseNop', arg: 'nop', options: true, callOnly: ['reference'], out: jsonForm },
  'nib.parse': { name: 'parseNib', arg: 'nib', out: jsonForm },
  'phone.normalize': { name: 'normalizePhone', arg: 'phone', out: jsonForm },
  'region.lookup': { name: 'lookupRegion', arg: 'code', out: jsonForm },
  'region.search': {
    name: 'searchRegions',
    arg: 'text',
    second: 'limit',
    out: (hits) => ({ hits: hits.map((hit) => ({ ...jsonForm(hit.region), match: hit.match })) }),
  },
};

/**
 * Vectors of the JSON API's input check where a date option is not a date: `call` refuses the
 * input (CALL_INVALID_INPUT), the typed functions read the option themselves and name the
 * date's problem, as for `parseNik(nik, { referenceDate: "2026-02-30" })`.
 */
const TYPED_DATE_ERRORS = {
  'nik-call-reference-date-not-iso': 'DATE_INVALID_FORMAT',
  'nik-call-reference-date-30-feb': 'DATE_NOT_A_CALENDAR_DATE',
  'nik-call-reference-year-1799': 'DATE_OUT_OF_RANGE',
  'nik-call-known-date-invalid': 'DATE_NOT_A_CALENDAR_DATE',
};

/** The JSON API functions that `throughTypedFunctions` covers. */
export const TYPED_FUNCTIONS = Object.keys(TYPED);
