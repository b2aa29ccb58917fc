// Types of an entry point of the package `kotacerdas`. The functions and records come from the
// Rust facade (wasm-bindgen and tsify); this file adds what the entry points define.
export * from "./wasm/web.js";
export { KotaCerdasError } from "./shared.js";

/**
 * Loads the WebAssembly module. Browsers and bundlers must await it once before any other
 * call; in Node.js the module is loaded on import and this resolves at once.
 */
export declare function init(
  input?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;

/** Loads the module synchronously (browsers: from bytes you already have). No-op in Node.js. */
export declare function initSync(module?: BufferSource | WebAssembly.Module): void;
