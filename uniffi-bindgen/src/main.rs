//! `uniffi-bindgen` at the exact uniffi version of the library (pinned by Cargo.lock), so the
//! generated bindings always match the scaffolding. Run through `cargo xtask bindings`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
