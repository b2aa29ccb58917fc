// Shared by the tests: where things are, and the conformance comparison rule.
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const require = createRequire(import.meta.url);

/** Folder of the installed package (node_modules/kotacerdas), not of the source tree. */
export const packageDir = path.dirname(require.resolve('kotacerdas/package.json'));

/** The instance's internals: same module (same file) as the one the entry point loads. */
export const internals = require(path.join(packageDir, 'wasm/node.cjs'));

/**
 * The subset rule of cli/src/conformance/compare.rs: every key of `expected` must be in
 * `actual` with an equal value; objects compare the same way at any depth; anything else
 * (lists, scalars) must be equal as a whole. Returns the differences.
 */
export function subset(expected, actual, where = '', differences = []) {
  if (isObject(expected) && isObject(actual)) {
    for (const [key, value] of Object.entries(expected)) {
      const at = where ? `${where}.${key}` : key;
      if (Object.hasOwn(actual, key)) subset(value, actual[key], at, differences);
      else differences.push(`${at}: expected ${JSON.stringify(value)}, missing`);
    }
  } else if (!isDeepStrictEqual(expected, actual)) {
    differences.push(`${where || '(result)'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  return differences;
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
