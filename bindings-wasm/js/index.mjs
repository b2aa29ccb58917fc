// Node.js ESM entry point: the same module instance as `require` of this entry, so
// `instanceof KotaCerdasError` holds whichever way a program loads the package.
import cjs from './index.cjs';

export const {
  KotaCerdasError,
  init,
  initSync,
/*@EXPORTS_LIST@*/
} = cjs;
