// Shared by the tests: where things are, and the conformance comparison rule.
import { createRequire } from 'node:module';
import path from 'node:path';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

const require = createRequire(import.meta.url);

/** Folder of the installed package (node_modules/kotacerdas), not of the source tree. */
export const packageDir = path.dirname(require.resolve('kotacerdas/package.json'));

/**
 * An instance's internals: the same module (same file) as the one its entry point loads
 * (`wasm/node.cjs` for `kotacerdas`, `wasm/ids-node.cjs` for `kotacerdas/ids`).
 */
export const internalsOf = (glue) => require(path.join(packageDir, 'wasm', glue));

/**
 * The rule of cli/src/conformance/compare.rs: every key of `expected` must be in `actual`
 * with an equal value, objects compare the same way at any depth; a list of plain values must
 * hold the same elements in any order; any other list must have the same length, its elements
 * compared in order, each as a subset. Returns the differences.
 */
export function subset(expected, actual, where = '', differences = []) {
  const at = where || '(result)';
  if (isObject(expected) && isObject(actual)) {
    for (const [key, value] of Object.entries(expected)) {
      const path = where ? `${where}.${key}` : key;
      if (Object.hasOwn(actual, key)) subset(value, actual[key], path, differences);
      else differences.push(`${path}: expected ${JSON.stringify(value)}, missing`);
    }
  } else if (Array.isArray(expected) && Array.isArray(actual) && expected.every(isScalar)) {
    if (!sameMultiset(expected, actual)) {
      differences.push(`${at}: expected ${JSON.stringify(expected)} (in any order), got ${JSON.stringify(actual)}`);
    }
  } else if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    expected.forEach((want, index) => subset(want, actual[index], `${where}[${index}]`, differences));
  } else if (!isDeepStrictEqual(expected, actual)) {
    differences.push(`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  return differences;
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isScalar(value) {
  return value === null || typeof value !== 'object';
}

function sameMultiset(want, have) {
  if (want.length !== have.length) return false;
  const unused = [...have];
  return want.every((w) => {
    const i = unused.findIndex((h) => isDeepStrictEqual(w, h));
    if (i < 0) return false;
    unused.splice(i, 1);
    return true;
  });
}

/**
 * Runs one conformance vector through `run(input)` and checks its expectation: a result that
 * contains `expected.ok` (the `subset` rule), or a `KotaCerdasError` with `expected.error.code`.
 */
export function checkVector(run, vector, KotaCerdasError) {
  let answer;
  try {
    answer = { ok: run(vector.input) };
  } catch (error) {
    assert.ok(error instanceof KotaCerdasError, `not a KotaCerdasError: ${error}`);
    answer = { error: error.code };
  }
  if ('ok' in vector.expected) {
    assert.ok('ok' in answer, `expected a result, got error ${answer.error}`);
    assert.deepEqual(subset(vector.expected.ok, answer.ok), []);
  } else {
    assert.equal(answer.error, vector.expected.error.code);
  }
}

/** The vector files below `dir` (`.json`), in a stable order. */
export function vectorFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return vectorFiles(full);
      return name.endsWith('.json') ? [full] : [];
    });
}
