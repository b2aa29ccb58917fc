// Browser and bundler entry point (ES module). Call `await init()` once before anything
// else: it fetches `kotacerdas_bg.wasm` next to this file (or what you pass it).
import glueInit, { initSync as glueInitSync, __setErrorClass } from './wasm/web.js';

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
    __setErrorClass(KotaCerdasError);
  });
  return ready;
}

/** Loads the module synchronously from bytes or a compiled `WebAssembly.Module`. */
export function initSync(module) {
  glueInitSync({ module });
  __setErrorClass(KotaCerdasError);
  ready ??= Promise.resolve();
}

export {
/*@EXPORTS_LIST@*/
} from './wasm/web.js';
