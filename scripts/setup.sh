#!/usr/bin/env bash
# Installs what building and testing the platform needs, on a fresh Debian 12 machine or this one.
# Idempotent and quick when everything is present. Sourced by run.sh, test.sh and bench.sh,
# which then have PATH and the toolchain variables set for this shell only.
#
# The wasm32 standard library comes from rustup when it can add the target; otherwise from
# Debian's rustc-web with -Zbuild-std (see ARCHITECTURE.md, "Toolchain").

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
mkdir -p "$TOOLS"

CARGO_LEPTOS_VERSION=0.3.11
WASM_BINDGEN_VERSION=0.2.130   # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml
BINARYEN_VERSION=132           # wasm-opt; Debian's binaryen 108 corrupts wasm-bindgen 0.2.130 output
# espeak-ng, opus-tools and lame: the offline voice and its encoders (lesson audio, crates/voice).
APT_PACKAGES=(rustc-web cargo-web rust-web-src lld-22 chromium brotli wrk fonts-dejavu-core poppler-utils
  espeak-ng opus-tools lame)

log() { printf '[setup] %s\n' "$*" >&2; }

export PATH="$HOME/.cargo/bin:$PATH"

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The wasm32 standard library: rustup first, Debian's rustc-web as the fallback.
# PLATFORM_TOOLCHAIN=debian forces the fallback (to test it).
if [ "${PLATFORM_TOOLCHAIN:-}" != "debian" ] && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  ROUTE=rustup
elif [ "${PLATFORM_TOOLCHAIN:-}" != "debian" ] && rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
  ROUTE=rustup
else
  ROUTE=debian
fi
if [ "$ROUTE" = debian ]; then
  # rustup's proxies then run Debian's cargo and rustc 1.96; -Zbuild-std compiles std for wasm32.
  export RUSTUP_TOOLCHAIN=/usr
  export RUSTC_BOOTSTRAP=1
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-22/bin/wasm-ld
  LEPTOS_BUILD_ARGS="--lib-cargo-args=-Zbuild-std=std,panic_abort"
else
  LEPTOS_BUILD_ARGS=""
fi
log "wasm32 standard library from: $ROUTE"

# cargo-leptos needs rustc >= 1.96 to build, which Debian's rustc-web provides on either route.
if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  log "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 25 minutes on 2 cores, once per machine)"
  RUSTUP_TOOLCHAIN=/usr RUSTC=/usr/bin/rustc /usr/bin/cargo install --locked --quiet \
    cargo-leptos --version "$CARGO_LEPTOS_VERSION" --features no_downloads --root "$HOME/.cargo"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: a locked dependency of that release is not served by the registry here.
  RUSTUP_TOOLCHAIN=/usr RUSTC=/usr/bin/rustc /usr/bin/cargo install --quiet \
    wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$HOME/.cargo"
fi

if ! cargo nextest --version >/dev/null 2>&1; then
  log "installing cargo-nextest"
  cargo install --locked --quiet cargo-nextest
fi

if [ ! -x "$TOOLS/binaryen/node_modules/.bin/wasm-opt" ]; then
  log "installing wasm-opt (binaryen $BINARYEN_VERSION from npm)"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS/binaryen" "binaryen@$BINARYEN_VERSION" >/dev/null
fi
export PATH="$TOOLS/binaryen/node_modules/.bin:$PATH"

if [ ! -d "$ROOT/end2end/node_modules/playwright-core" ]; then
  log "installing playwright-core for the browser tests"
  (cd "$ROOT/end2end" && npm ci --silent --no-audit --no-fund >/dev/null)
fi

# Builds the release server and the wasm bundle into target/, with brotli and gzip copies of
# the static files made once at build time (the server sends those instead of compressing).
build_site() {
  (cd "$ROOT" && cargo leptos build --release --precompress ${LEPTOS_BUILD_ARGS:+"$LEPTOS_BUILD_ARGS"})
}
