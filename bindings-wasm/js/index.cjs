// Node.js entry point (require, and import through index.mjs). Node reads the .wasm
// synchronously at load time, so every function works right after `require`.
'use strict';

const glue = require('./wasm/node.cjs');

/** An error of the kotacerdas rules: a stable `code`, structured `fields`, messages in id/en. */
class KotaCerdasError extends Error {
  constructor(code, message, fields, messages) {
    super(message);
    this.name = 'KotaCerdasError';
    this.code = code;
    this.fields = fields;
    this.messages = messages;
  }
}

glue.__setErrorClass(KotaCerdasError);

// validateNik's fast path: a plain string without options crosses into wasm once, with the
// date computed here (days since 1970 in WIB, UTC+7); anything else takes the checked path,
// which refuses wrong types with CALL_INVALID_INPUT.
const NIK_ERROR_CODES = glue.__nikErrorCodes();
const MAX_TEXT = 1 << 20;
const WIB_OFFSET_MS = 7 * 3600 * 1000;

function validateNik(nik, options) {
  if (typeof nik === 'string' && options === undefined && nik.length <= MAX_TEXT) {
    const days = Math.floor((Date.now() + WIB_OFFSET_MS) / 86400000);
    const result = glue.__validateNikFast(nik, days);
    if (result === 0) return null;
    if (result <= NIK_ERROR_CODES.length) return NIK_ERROR_CODES[result - 1];
  }
  return glue.validateNik(nik, options);
}

exports.KotaCerdasError = KotaCerdasError;
exports.validateNik = validateNik;
// The module is ready on load; `init` exists so that code shared with browsers can await it.
exports.init = function init() {
  return Promise.resolve();
};
exports.initSync = function initSync() {};
/*@EXPORTS_CJS@*/
