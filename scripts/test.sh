#!/usr/bin/env bash
# Runs every test: formatting and lints, unit and integration tests on SQLite and on
# PostgreSQL (TEST_DATABASE_URL, default: the local server), then the release build and the
# browser tests (hydrated and without JavaScript). Prints one closing line: N passed, N failed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
if ! (exec 3<>"/dev/tcp/127.0.0.1/5432") 2>/dev/null && [[ "$TEST_DATABASE_URL" == *127.0.0.1:5432* ]]; then
  if command -v pg_ctlcluster >/dev/null; then
    log "starting the local PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  fi
fi

passed=0; failed=0
tally() { # tally <log file>: adds up nextest's "tests run" and cargo's "test result" lines and node's "# pass/# fail" lines
  local counts
  counts=$(awk '
    /^test result:|tests run:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
    /^# pass / { p += $3 } /^# fail / { f += $3 }
    END { print p + 0, f + 0 }' "$1")
  passed=$((passed + ${counts% *})); failed=$((failed + ${counts#* }))
}

status=0
step() { log "$*"; }

# leptosfmt formats what rustfmt cannot see, the view! macros; only the test command needs it.
LEPTOSFMT_VERSION=0.1.33
LEPTOSFMT="$TOOLS/leptosfmt/bin/leptosfmt"
if ! "$LEPTOSFMT" --version 2>/dev/null | grep -q "$LEPTOSFMT_VERSION"; then
  log "installing leptosfmt $LEPTOSFMT_VERSION (a few minutes, once per machine)"
  cargo install --locked --quiet leptosfmt --version "$LEPTOSFMT_VERSION" --root "$TOOLS/leptosfmt"
fi

step "formatting (rustfmt, and leptosfmt for the view! macros)"
cargo fmt --all --check || status=1
"$LEPTOSFMT" --quiet --check app/src || status=1

step "lints (server side and wasm side)"
cargo clippy --workspace --all-targets --quiet -- -D warnings || status=1
cargo clippy -p app --lib --no-default-features --features hydrate --target wasm32-unknown-unknown --quiet \
  ${LEPTOS_BUILD_ARGS:+-Zbuild-std=std,panic_abort} -- -D warnings || status=1

step "unit and integration tests (SQLite, and PostgreSQL at ${TEST_DATABASE_URL%%@*}@…)"
# nextest: one process per test, as production runs one app per process (see .config/nextest.toml).
cargo nextest run --workspace 2>&1 | tee "$TOOLS/cargo-test.log" || status=1
tally "$TOOLS/cargo-test.log"

step "content check of the shipped modules"
cargo run --quiet -p server -- content check content || status=1

step "release build (server and wasm)"
build_site

step "size budget: the wasm and its JavaScript, brotli, at most 150 KB"
# A size is exact for a build (not a timing): the files the hash file names, as sent.
pkg="$ROOT/target/site/pkg"
hash_of() { awk -F': ' -v k="$1" '$1 == k { print $2 }' "$ROOT/target/release/hash.txt"; }
bundle=$(( $(stat -c %s "$pkg/app.$(hash_of wasm).wasm.br") + $(stat -c %s "$pkg/app.$(hash_of js).js.br") ))
echo "wasm + JS, brotli: $bundle bytes ($((bundle / 1024)) KB; budget 150 KB)"
if [ "$bundle" -le $((150 * 1024)) ]; then passed=$((passed + 1)); else echo "over budget"; failed=$((failed + 1)); status=1; fi

step "browser tests in Chromium (hydrated and without JavaScript)"
(cd end2end && npm test 2>&1) | tee "$TOOLS/e2e.log" || status=1
tally "$TOOLS/e2e.log"

echo
echo "${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
