// Browser and bundler entry point of `kotacerdas/client` (ES module). Call `await init()`
// once before anything else: it loads this module's .wasm only. The error class and the
// language come from the package's shared.js, so an app that only talks to the server does not
// download a rules module; `setLanguage` of `kotacerdas` or `kotacerdas/ids` applies here too.
import glueInit, * as glue from './wasm/kotacerdas_client.js';
import { KotaCerdasError, currentLanguage } from '../shared.js';
import { connect } from './common.js';

let ready;

/** Loads the client's WebAssembly module once. */
export function init(input) {
  const module_or_path = input ?? new URL('./wasm/kotacerdas_client_bg.wasm', import.meta.url);
  ready ??= glueInit({ module_or_path }).then(() => {
    connect(glue, KotaCerdasError, currentLanguage);
  });
  return ready;
}

export const { Client, Outbox } = glue;
export { IndexedDbOutboxStore } from './common.js';
export { KotaCerdasError };
