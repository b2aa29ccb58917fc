// Browser and bundler entry point (ES module). Call `await init()` once before anything
// else: it fetches `kotacerdas_bg.wasm` next to this file (or what you pass it).
import glueInit, * as glue from './wasm/web.js';

/** An error of the kotacerdas rules: a stable `code`, structured `fields`, messages in id/en. */
export class KotaCerdasError extends Error {
  constructor(code, message, fields, messages) {
    super(message);
    this.name = 'KotaCerdasError';
    this.code = code;
    this.fields = fields;
    this.messages = messages;
  }
}

let ready;

/** Loads the WebAssembly module once; later calls return the same promise. */
export function init(input) {
  // `new URL(..., import.meta.url)` is the pattern bundlers (Vite, webpack 5, Rollup) follow to
  // ship the .wasm as an asset.
  const module_or_path = input ?? new URL('./wasm/kotacerdas_bg.wasm', import.meta.url);
  ready ??= glueInit({ module_or_path }).then(() => {
    glue.__setErrorClass(KotaCerdasError);
    NIK_ERROR_CODES = glue.__nikErrorCodes();
  });
  return ready;
}

/** Loads the module synchronously from bytes or a compiled `WebAssembly.Module`. */
export function initSync(module) {
  glue.initSync({ module });
  glue.__setErrorClass(KotaCerdasError);
  NIK_ERROR_CODES = glue.__nikErrorCodes();
  ready ??= Promise.resolve();
}

// validateNik's fast path: a plain string without options crosses into wasm once, with the
// date computed here (days since 1970 in WIB, UTC+7); anything else takes the checked path,
// which refuses wrong types with CALL_INVALID_INPUT.
// Filled by init: the module is not loaded yet when this file runs.
let NIK_ERROR_CODES = [];
const MAX_TEXT = 1 << 20;
const WIB_OFFSET_MS = 7 * 3600 * 1000;

export function validateNik(nik, options) {
  if (typeof nik === 'string' && options === undefined && nik.length <= MAX_TEXT) {
    const days = Math.floor((Date.now() + WIB_OFFSET_MS) / 86400000);
    const result = glue.__validateNikFast(nik, days);
    if (result === 0) return null;
    if (result <= NIK_ERROR_CODES.length) return NIK_ERROR_CODES[result - 1];
  }
  return glue.validateNik(nik, options);
}

export {
/*@EXPORTS_LIST@*/
} from './wasm/web.js';
