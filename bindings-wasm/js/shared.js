// Shared by every entry point of the package (`kotacerdas` and `kotacerdas/ids`), so that the
// whole package has one KotaCerdasError class, one language of messages and one validateNik
// fast path. Browsers and bundlers import this file; Node.js loads `shared.cjs`, which
// `cargo xtask npm` derives from it (ESM and CommonJS in Node share that one instance, see
// index.mjs). No imports here: the derivation only rewrites `export class` and
// `export function`.

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

// The wasm modules loaded so far, one per entry point used.
const modules = [];

/**
 * Connects a loaded module (once; later calls do nothing): its errors become KotaCerdasError
 * and it takes the language of the modules loaded before it.
 */
export function connect(glue) {
  if (modules.includes(glue)) return;
  glue.__setErrorClass(KotaCerdasError);
  if (modules.length > 0) glue.setLanguage(modules[0].getLanguage());
  modules.push(glue);
}

/**
 * The language of messages: that of the modules loaded so far, Indonesian before any is. Read by
 * `kotacerdas/client`, which has no language of its own and does not load a rules module.
 */
export function currentLanguage() {
  return modules.length > 0 ? modules[0].getLanguage() : 'id';
}

/**
 * The `setLanguage` of an entry point: its own module checks the value (a KotaCerdasError for
 * anything but "id" or "en"), then every loaded module takes it.
 */
export function setLanguageOf(glue) {
  return function setLanguage(language) {
    glue.setLanguage(language);
    for (const other of modules) {
      if (other !== glue) other.setLanguage(language);
    }
  };
}

const MAX_TEXT = 1 << 20;
const WIB_OFFSET_MS = 7 * 3600 * 1000;

/**
 * The `validateNik` of an entry point, with its fast path: a plain string without options
 * crosses into wasm once, with the date computed here (days since 1970 in WIB, UTC+7); anything
 * else takes the checked path, which refuses wrong types with CALL_INVALID_INPUT.
 */
export function validateNikOf(glue) {
  // The codes the fast path's result indexes, read from the module on first need (in browsers
  // it is not loaded yet when the entry point runs).
  let codes;
  return function validateNik(nik, options) {
    if (typeof nik === 'string' && options === undefined && nik.length <= MAX_TEXT) {
      const days = Math.floor((Date.now() + WIB_OFFSET_MS) / 86400000);
      const result = glue.__validateNikFast(nik, days);
      if (result === 0) return null;
      codes ??= glue.__nikErrorCodes();
      if (result <= codes.length) return codes[result - 1];
    }
    return glue.validateNik(nik, options);
  };
}
