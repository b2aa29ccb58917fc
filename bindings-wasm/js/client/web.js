// Browser and bundler entry point of `kotacerdas/client` (ES module). Call `await init()`
// once before anything else: it loads this module's .wasm and the core package's.
import glueInit, * as glue from './wasm/kotacerdas_client.js';
import { KotaCerdasError, getLanguage, init as initCore } from '../web.js';
import { connect } from './common.js';

let ready;

/** Loads the client's WebAssembly module (and the core package's) once. */
export function init(input) {
  const module_or_path = input ?? new URL('./wasm/kotacerdas_client_bg.wasm', import.meta.url);
  ready ??= Promise.all([glueInit({ module_or_path }), initCore()]).then(() => {
    connect(glue, KotaCerdasError, getLanguage);
  });
  return ready;
}

export const { Client, Outbox } = glue;
export { IndexedDbOutboxStore } from './common.js';
export { KotaCerdasError };
