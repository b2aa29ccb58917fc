// Types of the package `kotacerdas`. The functions and records come from the Rust facade
// (wasm-bindgen and tsify); this file adds what the entry points define.
export * from "./wasm/web.js";

/**
 * Every error the package throws. `code` is stable (the same string in Rust, Kotlin, Swift and
 * Python; see docs/errors.md); `message` is in the language set with `setLanguage` (Indonesian
 * by default); `fields` explain the problem and never hold personal data.
 */
export declare class KotaCerdasError extends Error {
  private constructor();
  readonly name: "KotaCerdasError";
  /** Stable machine code, e.g. `NIK_INVALID_DATE`. */
  readonly code: string;
  /** Structured fields by name, e.g. `{ found: "15" }`. */
  readonly fields: Readonly<Record<string, string>>;
  /** The message in both languages. */
  readonly messages: { readonly id: string; readonly en: string };
}

/**
 * Loads the WebAssembly module. Browsers and bundlers must await it once before any other
 * call; in Node.js the module is loaded on import and this resolves at once.
 */
export declare function init(
  input?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;

/** Loads the module synchronously (browsers: from bytes you already have). No-op in Node.js. */
export declare function initSync(module?: BufferSource | WebAssembly.Module): void;
