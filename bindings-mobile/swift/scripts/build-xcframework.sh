#!/usr/bin/env bash
# Builds KotaCerdas.xcframework (iOS device, iOS simulator arm64 + x86_64, macOS) on macOS
# with Xcode. Untested on this project's Linux CI (no Xcode there); see docs/ios.md.
set -euo pipefail
cd "$(dirname "$0")/../../.."   # workspace root

if ! command -v xcodebuild > /dev/null; then
  echo "build-xcframework.sh needs macOS with Xcode (xcodebuild)" >&2
  exit 1
fi

targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin)
rustup target add "${targets[@]}"
for target in "${targets[@]}"; do
  cargo build --release -p kotacerdas-mobile --target "$target"
done

# Headers and module map come from the same generation as the Swift sources.
cargo xtask bindings
out=target/xcframework
rm -rf "$out" && mkdir -p "$out/headers" "$out/ios-sim" "$out/macos"
cp bindings-mobile/swift/Sources/KotaCerdasFFI/include/KotaCerdasFFI.h "$out/headers/"
cp bindings-mobile/swift/Sources/KotaCerdasFFI/include/module.modulemap "$out/headers/"

lib=libkotacerdas_mobile.a
lipo -create target/aarch64-apple-ios-sim/release/$lib target/x86_64-apple-ios/release/$lib -output "$out/ios-sim/$lib"
lipo -create target/aarch64-apple-darwin/release/$lib target/x86_64-apple-darwin/release/$lib -output "$out/macos/$lib"

xcodebuild -create-xcframework \
  -library target/aarch64-apple-ios/release/$lib -headers "$out/headers" \
  -library "$out/ios-sim/$lib" -headers "$out/headers" \
  -library "$out/macos/$lib" -headers "$out/headers" \
  -output "$out/KotaCerdasFFI.xcframework"
echo "wrote $out/KotaCerdasFFI.xcframework (use with Sources/KotaCerdas/KotaCerdas.swift; docs/ios.md)"
