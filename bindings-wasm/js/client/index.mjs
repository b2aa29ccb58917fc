// Node.js entry point of `kotacerdas/client` (ES module): the .wasm is loaded on import.
// Node has no IndexedDB: pass `IndexedDbOutboxStore.open({ indexedDB })` an implementation
// (e.g. the `fake-indexeddb` package), or give `Outbox` your own store object.
import { readFileSync } from 'node:fs';
import * as glue from './wasm/kotacerdas_client.js';
// shared.cjs: the instance `require('kotacerdas')` and `kotacerdas/ids` use (one error class,
// one language); the rules modules are not loaded for the client.
import shared from '../shared.cjs';
import { connect } from './common.js';

const { KotaCerdasError, currentLanguage } = shared;
glue.initSync({ module: readFileSync(new URL('./wasm/kotacerdas_client_bg.wasm', import.meta.url)) });
connect(glue, KotaCerdasError, currentLanguage);

/** The module is ready on import; `init` exists for code shared with browsers. */
export function init() {
  return Promise.resolve();
}

export const { Client, Outbox } = glue;
export { IndexedDbOutboxStore } from './common.js';
export { KotaCerdasError };
