// The class every entry point of the package exports (`kotacerdas`, `kotacerdas/ids`): one
// declaration, so that the type is the same whichever entry a program imports it from.

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
