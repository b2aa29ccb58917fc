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

exports.KotaCerdasError = KotaCerdasError;
// The module is ready on load; `init` exists so that code shared with browsers can await it.
exports.init = function init() {
  return Promise.resolve();
};
exports.initSync = function initSync() {};
/*@EXPORTS_CJS@*/
