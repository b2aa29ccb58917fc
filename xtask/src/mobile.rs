//! The mobile bindings: generation, the Kotlin/Python/Swift suites, the JVM benchmark and the
//! Android AAR.
//!
//! Generated sources are build outputs (gitignored): they are regenerated from the library on
//! every run, so they can never drift from the Rust code they call.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Result, cargo, run, run_in, workspace_root};

/// File name of the host library.
fn host_library_name() -> &'static str {
    if cfg!(target_os = "macos") {
        "libkotacerdas_mobile.dylib"
    } else if cfg!(target_os = "windows") {
        "kotacerdas_mobile.dll"
    } else {
        "libkotacerdas_mobile.so"
    }
}

/// What `bindings` produced.
pub struct Outputs {
    /// The host library (release profile: optimised, symbols kept for library mode).
    library: PathBuf,
}

fn mobile_dir() -> PathBuf {
    workspace_root().join("bindings-mobile")
}

fn copy(from: &Path, to: &Path) -> Result {
    if let Some(parent) = to.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

fn fresh_dir(dir: &Path) -> Result {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    }
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

/// `cargo xtask bindings`: builds the library and generates Kotlin, Swift and Python.
pub fn bindings() -> Result<Outputs> {
    let cargo = cargo();
    // Release keeps the exported metadata symbols that library mode reads (profile.release
    // strips at most debuginfo); it is also what the benchmark must measure.
    run(&cargo, &["build", "--release", "-p", "kotacerdas-mobile"])?;
    // The generator itself runs in debug: `cargo test --workspace` already builds it so.
    run(&cargo, &["build", "-p", "uniffi-bindgen"])?;
    let root = workspace_root();
    let library = root.join("target/release").join(host_library_name());
    let bindgen = root.join("target/debug/uniffi-bindgen");
    let staging = root.join("target/uniffi");
    let mobile = mobile_dir();
    for language in ["kotlin", "swift", "python"] {
        let out = staging.join(language);
        fresh_dir(&out)?;
        let (library_text, out_text) = (library.display().to_string(), out.display().to_string());
        run(
            &bindgen.display().to_string(),
            &[
                "generate",
                "--library",
                &library_text,
                "--language",
                language,
                "--no-format",
                "--out-dir",
                &out_text,
            ],
        )?;
    }

    // Kotlin: one source folder that the Maven project compiles.
    let kotlin = mobile.join("kotlin/generated");
    fresh_dir(&kotlin)?;
    copy(
        &staging.join("kotlin/id/kotacerdas/kotacerdas.kt"),
        &kotlin.join("id/kotacerdas/kotacerdas.kt"),
    )?;

    // Swift: the sources of the `KotaCerdas` target and the C module of the FFI.
    let swift = mobile.join("swift/Sources");
    copy(
        &staging.join("swift/KotaCerdas.swift"),
        &swift.join("KotaCerdas/KotaCerdas.swift"),
    )?;
    copy(
        &staging.join("swift/KotaCerdasFFI.h"),
        &swift.join("KotaCerdasFFI/include/KotaCerdasFFI.h"),
    )?;
    copy(
        &staging.join("swift/KotaCerdasFFI.modulemap"),
        &swift.join("KotaCerdasFFI/include/module.modulemap"),
    )?;

    // Python: the generated module and the library inside the package folder.
    let python = mobile.join("python/kotacerdas");
    copy(
        &staging.join("python/kotacerdas.py"),
        &python.join("kotacerdas.py"),
    )?;
    copy(&library, &python.join(host_library_name()))?;

    eprintln!(
        "xtask: bindings generated from {} into bindings-mobile/{{kotlin/generated, swift/Sources, python/kotacerdas}}",
        library.display()
    );
    Ok(Outputs { library })
}

fn native_dir_property(outputs: &Outputs) -> String {
    let dir = outputs
        .library
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    format!("-Dkotacerdas.native.dir={}", dir.display())
}

fn on_path(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The reference server the client tests start on a free loopback port (debug build).
fn server_binary() -> Result<PathBuf> {
    run(&cargo(), &["build", "-p", "kotacerdas-server"])?;
    let name = if cfg!(target_os = "windows") {
        "kotacerdas-server.exe"
    } else {
        "kotacerdas-server"
    };
    Ok(workspace_root().join("target/debug").join(name))
}

/// The bindings' suites, from `cargo xtask test`.
pub fn test() -> Result {
    let outputs = bindings()?;
    let server = server_binary()?;
    let mobile = mobile_dir();
    let native = native_dir_property(&outputs);
    let server_property = format!("-Dkotacerdas.server.bin={}", server.display());
    run_in(
        &mobile.join("kotlin"),
        "mvn",
        &["-q", "-B", &native, &server_property, "test"],
    )?;
    // The Python client tests read the server's path from the environment.
    eprintln!(
        "xtask: $ KOTACERDAS_SERVER_BIN={} python3 -m pytest -q tests",
        server.display()
    );
    let status = Command::new("python3")
        .args(["-m", "pytest", "-q", "tests"])
        .current_dir(mobile.join("python"))
        .env("KOTACERDAS_SERVER_BIN", &server)
        .status()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    if !status.success() {
        return Err(format!("pytest failed: {status}"));
    }
    if on_path("swift") {
        run_in(&mobile.join("swift"), "swift", &["test"])?;
    } else {
        eprintln!(
            "xtask: SKIPPED the Swift tests: no `swift` on PATH (they run where Swift is installed, e.g. macOS with Xcode)"
        );
    }
    Ok(())
}

/// `cargo xtask bench-kotlin`: per-call cost of the Kotlin bindings on the host JVM.
pub fn bench_kotlin() -> Result {
    let outputs = bindings()?;
    let native = native_dir_property(&outputs);
    run_in(
        &mobile_dir().join("kotlin"),
        "mvn",
        &["-q", "-B", "-Pbench", &native, "test-compile", "exec:exec"],
    )
}

/// `cargo xtask android`: the AAR for arm64-v8a, armeabi-v7a and x86_64. Needs the Android
/// NDK (`ANDROID_NDK_HOME`) and `cargo install cargo-ndk`; see docs/android.md.
pub fn android() -> Result {
    // A cargo subcommand: ask cargo, which also finds it in ~/.cargo/bin.
    let has_ndk = Command::new(cargo())
        .args(["ndk", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_ndk {
        return Err(
            "cargo-ndk is missing: `cargo install cargo-ndk` and set ANDROID_NDK_HOME (docs/android.md)"
                .to_owned(),
        );
    }
    // Generated Kotlin comes from the host library; it is the same for every target.
    bindings()?;
    let root = workspace_root();
    let aar = root.join("target/android/aar");
    fresh_dir(&aar)?;
    let jni = aar.join("jni").display().to_string();
    for target in [
        "aarch64-linux-android",
        "armv7-linux-androideabi",
        "x86_64-linux-android",
    ] {
        run("rustup", &["target", "add", target])?;
    }
    run(
        &cargo(),
        &[
            "ndk",
            "-t",
            "arm64-v8a",
            "-t",
            "armeabi-v7a",
            "-t",
            "x86_64",
            "--platform",
            "24",
            "-o",
            &jni,
            "build",
            "--release",
            "-p",
            "kotacerdas-mobile",
        ],
    )?;
    // The classes: the generated Kotlin compiled by the Maven project (JNA is a dependency of
    // the app, as the AAR `net.java.dev.jna:jna:<version>@aar`; see docs/android.md).
    let kotlin = mobile_dir().join("kotlin");
    run_in(&kotlin, "mvn", &["-q", "-B", "-DskipTests", "package"])?;
    let jar = fs::read_dir(kotlin.join("target"))
        .map_err(|e| e.to_string())?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "jar"))
        .ok_or("mvn package made no jar")?;
    copy(&jar, &aar.join("classes.jar"))?;
    fs::write(
        aar.join("AndroidManifest.xml"),
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"id.kotacerdas\">\n    <uses-sdk android:minSdkVersion=\"24\" />\n</manifest>\n",
    )
    .map_err(|e| e.to_string())?;
    fs::write(aar.join("R.txt"), "").map_err(|e| e.to_string())?;
    let out = root.join("target/android/kotacerdas.aar");
    let _ = fs::remove_file(&out);
    run_in(
        &aar,
        "jar",
        &[
            "--create",
            "--no-manifest",
            "--file",
            &out.display().to_string(),
            "-C",
            ".",
            ".",
        ],
    )?;
    eprintln!("xtask: wrote {}", out.display());
    Ok(())
}
