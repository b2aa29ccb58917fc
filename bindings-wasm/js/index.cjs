// Node.js entry point (require, and import through the .mjs file of the same entry). Node reads
// the .wasm synchronously at load time, so every function works right after `require`.
'use strict';

const glue = require('./wasm/node.cjs');
const shared = require('./shared.cjs');

shared.connect(glue);

exports.KotaCerdasError = shared.KotaCerdasError;
exports.validateNik = shared.validateNikOf(glue);
exports.setLanguage = shared.setLanguageOf(glue);
// The module is ready on load; `init` exists so that code shared with browsers can await it.
exports.init = function init() {
  return Promise.resolve();
};
exports.initSync = function initSync() {};
/*@EXPORTS_CJS@*/
