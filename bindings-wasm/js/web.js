// Browser and bundler entry point (ES module). Call `await init()` once before anything else:
// it fetches this entry's .wasm next to this file (or what you pass it).
import glueInit, * as glue from './wasm/web.js';
import { KotaCerdasError, connect, setLanguageOf, validateNikOf } from './shared.js';

export { KotaCerdasError };

let ready;

/** Loads the WebAssembly module once; later calls return the same promise. */
export function init(input) {
  // `new URL(..., import.meta.url)` is the pattern bundlers (Vite, webpack 5, Rollup) follow to
  // ship the .wasm as an asset.
  const module_or_path = input ?? new URL('./wasm/kotacerdas_bg.wasm', import.meta.url);
  ready ??= glueInit({ module_or_path }).then(() => connect(glue));
  return ready;
}

/** Loads the module synchronously from bytes or a compiled `WebAssembly.Module`. */
export function initSync(module) {
  glue.initSync({ module });
  connect(glue);
  ready ??= Promise.resolve();
}

export const validateNik = validateNikOf(glue);
export const setLanguage = setLanguageOf(glue);

export {
/*@EXPORTS_LIST@*/
} from './wasm/web.js';
