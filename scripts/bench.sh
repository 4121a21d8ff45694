#!/usr/bin/env bash
# Measures the release build on this machine and prints figures (it asserts nothing).
# BENCH_SKIP_BUILD=1 uses the build in target/; BENCH_QUIZ_ONLY=1 runs only the quiz load and
# what follows it; BENCH_JOURNEYS_ONLY=1 only the learner journeys, the crash runs and the flood;
# BENCH_AUDIO_ONLY=1 only the lesson audio.
#  - lesson page requests/s and p50/p99 latency at 64 connections (wrk), and the same server's
#    requests/s for a static file of the same size, the ceiling;
#  - the wasm bundle (brotli) and what is in it (twiggy); each page's weight, first paint, load
#    and network idle on an emulated 2G link, first and repeat visits (end2end/bench);
#  - certificate PDF generation time and size;
#  - the trainers' reports on 10,000 seeded learners (a cohort of 500, and all cohorts);
#  - quiz submissions per second with 200 learners at once, on SQLite and PostgreSQL;
#  - 500 learners' journeys for 60 s, a sign-in flood, and SIGKILL crash runs (below);
#  - lesson audio: minutes and bytes per module and language, time to make it all, and what
#    making it in the background costs the start and a lesson page's latency.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
DURATION="${BENCH_SECONDS:-10}"
CONNECTIONS=64

[ "${BENCH_SKIP_BUILD:-}" = 1 ] || build_site

# Lesson audio (issue 18): every lesson section in French and English made by espeak-ng into
# an empty cache, then again from the warm cache; minutes and bytes per module and language, and
# what listening to one lesson downloads.
audio_bench() {
  local cache
  cache=$(mktemp -d)
  echo
  echo "lesson audio, cold cache (espeak-ng, Opus 12 kbit/s and MP3 24 kbit/s, $(nproc) cores)"
  CONTENT_DIR="$ROOT/content" RUST_LOG=warn "$ROOT/target/release/server" audio generate --cache "$cache"
  echo "the same, warm cache:"
  CONTENT_DIR="$ROOT/content" RUST_LOG=warn "$ROOT/target/release/server" audio generate --cache "$cache" | grep '^made'
  rm -rf "$cache"
  audio_start_bench
}

# What making the lesson audio in the background costs a running server: the time to answer
# /health with audio off and on, and a lesson page's latency while the clips are made and after.
audio_start_bench() {
  local audio data port base pid started lesson
  for audio in off on; do
    data=$(mktemp -d)
    port=$((20000 + RANDOM % 10000))
    base="http://127.0.0.1:$port"
    started=$(date +%s%N)
    LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$ROOT/target/site" CONTENT_DIR="$ROOT/content" \
      DATA_DIR="$data" AUDIO="$audio" AUDIO_PREPARE=on RUST_LOG=info "$ROOT/target/release/server" serve \
      >"$data/log" 2>&1 &
    pid=$!
    for _ in $(seq 600); do curl -sf "$base/health" >/dev/null && break; sleep 0.02; done
    echo "AUDIO=$audio: /health answers $(( ($(date +%s%N) - started) / 1000000 )) ms after the start" \
      "$(grep -o 'audio ready.*' "$data/log" | grep -o 'ms=[0-9]*' | sed 's/^ms=/(naming every clip: /; s/$/ ms)/')"
    lesson=$(curl -s "$base/" | grep -o 'href="/modules/[a-z0-9-]*"' | head -n1 | cut -d'"' -f2)
    lesson=$(curl -s "$base$lesson" | grep -o "href=\"$lesson/[a-z0-9-]*\"" | head -n1 | cut -d'"' -f2)
    latency() { # 20 requests one after another: "mean max" in ms
      for _ in $(seq 20); do curl -s -o /dev/null -w '%{time_total}\n' "$base$lesson"; done |
        awk '{ t = $1 * 1000; s += t; if (t > m) m = t } END { printf "mean %.1f ms, max %.1f ms", s / NR, m }'
    }
    if [ "$audio" = on ]; then
      echo "  a lesson page while the clips are made: $(latency)"
      for _ in $(seq 900); do grep -q 'lesson audio made' "$data/log" && break; sleep 1; done
      echo "  lesson clips made in the background: $(grep -o 'lesson audio made.*' "$data/log" | grep -o '\(clips\|made\|seconds\)=[0-9]*' | tr '\n' ' ')"
      echo "  the same page after: $(latency)"
    else
      echo "  a lesson page: $(latency)"
    fi
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
    rm -rf "$data"
  done
}
if [ "${BENCH_AUDIO_ONLY:-}" = 1 ]; then audio_bench; exit 0; fi

if [ "${BENCH_QUIZ_ONLY:-}" != 1 ] && [ "${BENCH_JOURNEYS_ONLY:-}" != 1 ]; then
PORT=$((20000 + RANDOM % 10000))
DATA=$(mktemp -d)
BASE="http://127.0.0.1:$PORT"
STATIC="$ROOT/target/site/pkg/bench-static.html"
LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT="$ROOT/target/site" CONTENT_DIR="$ROOT/content" \
  DATA_DIR="$DATA" AUDIO_PREPARE=off RUST_LOG=warn "$ROOT/target/release/server" serve >/dev/null &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$DATA" "$STATIC" "$STATIC".br "$STATIC".gz' EXIT
for _ in $(seq 100); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.1; done

# The first lesson of the first module, found by following the links like a learner.
MODULE=$(curl -s "$BASE/" | grep -o 'href="/modules/[a-z0-9-]*"' | head -n1 | cut -d'"' -f2)
LESSON=$(curl -s "$BASE$MODULE" | grep -o "href=\"$MODULE/[a-z0-9-]*\"" | head -n1 | cut -d'"' -f2)
curl -s "$BASE$LESSON" -o "$STATIC"
echo "lesson page: $LESSON ($(stat -c %s "$STATIC") bytes of HTML)"

measure() { # measure <url> [header]: prints "requests/s p50 p99"
  local out
  out=$(wrk -t2 -c$CONNECTIONS -d"${DURATION}s" --latency ${2:+-H "$2"} "$1")
  local rps p50 p99
  rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  echo "$rps $p50 $p99"
}

echo
echo "throughput, $CONNECTIONS connections, ${DURATION}s each (wrk, 2 threads, same machine)"
read -r page_rps page_p50 page_p99 < <(measure "$BASE$LESSON")
read -r static_rps static_p50 static_p99 < <(measure "$BASE/pkg/bench-static.html")
read -r br_rps br_p50 br_p99 < <(measure "$BASE$LESSON" "Accept-Encoding: br")
printf '  lesson page            %10s req/s  p50 %8s  p99 %8s\n' "$page_rps" "$page_p50" "$page_p99"
printf '  static file, same size %10s req/s  p50 %8s  p99 %8s\n' "$static_rps" "$static_p50" "$static_p99"
printf '  lesson page, brotli    %10s req/s  p50 %8s  p99 %8s\n' "$br_rps" "$br_p50" "$br_p99"
awk -v a="$page_rps" -v b="$static_rps" 'BEGIN { printf "  lesson page / static file: %.0f%% (target >= 50%%)\n", 100 * a / b }'

# The wasm bundle as a browser gets it: the hashed names from the build's hash file, the
# brotli files cargo-leptos precompressed (what the server sends to a phone that accepts br).
PKG="$ROOT/target/site/pkg"
hash_of() { awk -F': ' -v k="$1" '$1 == k { print $2 }' "$ROOT/target/release/hash.txt"; }
WASM="$PKG/app.$(hash_of wasm).wasm"; JS="$PKG/app.$(hash_of js).js"; CSS="$PKG/app.$(hash_of css).css"
echo
echo "bundle (brotli, as sent): wasm $(stat -c %s "$WASM.br") B ($(stat -c %s "$WASM") B raw)," \
  "JS $(stat -c %s "$JS.br") B, CSS $(stat -c %s "$CSS.br") B;" \
  "wasm + JS $(( $(stat -c %s "$WASM.br") + $(stat -c %s "$JS.br") )) B (target <= 120 KB)"
echo "lesson HTML $(curl -s -o /dev/null -H 'Accept-Encoding: br' -w '%{size_download}' "$BASE$LESSON") B brotli"
kill $SERVER 2>/dev/null || true

# What a phone on 2G downloads and waits for, page by page, in Chromium (end2end/bench).
echo
echo "pages on emulated 2G, first and repeat visits (targets for a lesson: <= 40 KB, text painted"
echo "<= 1.5 s, network idle <= 3 s; repeat: 1 request, <= 4 KB)"
(cd end2end && node bench/page-weights.mjs 2>&1 | grep -v '^\[' | sed 's/^/  /')

# Offline: what saving each module stores and downloads, and saving module 1 over 2G.
echo
echo "saving a module for offline use (targets: without audio <= 300 KB, <= 15 s over 2G)"
(cd end2end && node bench/offline-save.mjs 2>&1 | grep -v '^\[' | sed 's/^/  /')

# What the wasm holds, biggest first (twiggy, installed here once: only the bench needs it).
command -v twiggy >/dev/null || cargo install --locked --quiet twiggy || true
if command -v twiggy >/dev/null; then
  echo
  echo "the wasm's largest items (twiggy top)"
  twiggy top -n 15 "$WASM" | sed 's/^/  /'
fi

# Certificates: one bilingual A4 PDF with its QR code and embedded fonts, rendered 200 times.
echo
echo "certificate PDF (targets: <= 50 ms to generate, <= 100 KB)"
cargo run --release -q -p certificate_pdf --example pdf_bench -- "$(mktemp -d)/certificate.pdf" | sed 's/^/  /'
fi

if [ "${BENCH_QUIZ_ONLY:-}" != 1 ] && [ "${BENCH_JOURNEYS_ONLY:-}" != 1 ]; then
# Trainers' reports on a large synthetic data set (server seed: 10,000 learners in 200 cohorts,
# one of 500, 100,000 attempts), on SQLite and on PostgreSQL (examples/report_timing.rs).
cargo build --release -q -p server --example report_timing
echo
echo "trainers' reports, 10,000 learners / 200 cohorts / 100,000 attempts (target < 100 ms each)"
report_bench() { # report_bench <label> <database-url>
  local out
  out=$(DATABASE_URL="$2" DATA_DIR="$(mktemp -d)" RUST_LOG=error "$ROOT/target/release/server" seed) || { echo "  $1: seeding failed"; return; }
  echo "  $1: ${out}"
  "$ROOT/target/release/examples/report_timing" "$2" "$ROOT/content" "$(sed -n 's/.*the large one: id \([0-9]*\).*/\1/p' <<<"$out")" | sed 's/^/  /'
}
REPORT_DATA=$(mktemp -d)
report_bench "SQLite" "sqlite://$REPORT_DATA/seed.db?mode=rwc"
PG_REPORT_DB="bench_reports_$$"
PG_ADMIN_R="${BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432/test}"
if psql "$PG_ADMIN_R" -qc "CREATE DATABASE $PG_REPORT_DB" 2>/dev/null; then
  report_bench "PostgreSQL" "${PG_ADMIN_R%/*}/$PG_REPORT_DB"
  psql "$PG_ADMIN_R" -qc "DROP DATABASE IF EXISTS $PG_REPORT_DB WITH (FORCE)" >/dev/null
fi
rm -rf "$REPORT_DATA"
fi

# Quiz submissions: LEARNERS learners submit attempt after attempt at once (examples/quiz_load.rs),
# on SQLite and on PostgreSQL, then every accepted submission is counted in the database.
PG_ADMIN="${BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432/test}"
if [ "${BENCH_JOURNEYS_ONLY:-}" != 1 ]; then
LEARNERS="${BENCH_LEARNERS:-200}"
cargo build --release -q -p server --example quiz_load
QUIZ_CONTENT=$(mktemp -d)
cp -r "$ROOT/server/tests/fixtures/content/." "$QUIZ_CONTENT/"
sed -i '/^attempts = /d' "$QUIZ_CONTENT"/*/module.toml   # no attempt limit for the load
PG_DB="bench_quiz_$$"
quiz_bench() { # quiz_bench <label> <database-url>
  local port=$((20000 + RANDOM % 10000)) data
  data=$(mktemp -d)
  LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$ROOT/target/site" CONTENT_DIR="$QUIZ_CONTENT" \
    DATA_DIR="$data" DATABASE_URL="${2:-sqlite://$data/platform.db?mode=rwc}" RUST_LOG=error \
    "$ROOT/target/release/server" serve >/dev/null &
  local pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
  echo "  $1:"
  "$ROOT/target/release/examples/quiz_load" "http://127.0.0.1:$port" "${2:-sqlite://$data/platform.db}" \
    "$QUIZ_CONTENT" "$LEARNERS" "$DURATION" "$pid" || echo "  (quiz load failed)"
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}
echo
echo "quiz submissions, $LEARNERS learners at once, ${DURATION}s (target >= 1,000/s on SQLite, none lost)"
quiz_bench "SQLite"
if psql "$PG_ADMIN" -qc "CREATE DATABASE $PG_DB" 2>/dev/null; then
  quiz_bench "PostgreSQL" "${PG_ADMIN%/*}/$PG_DB"
  psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null
else
  echo "  PostgreSQL: not reachable at $PG_ADMIN, skipped"
fi
rm -rf "$QUIZ_CONTENT"
fi

# Learner journeys (examples/learner_load.rs): BENCH_LOAD_LEARNERS learners (default 500) in
# classrooms of 20 behind one address each sign in at once, then read, mark read, open the quiz
# and submit for BENCH_LOAD_SECONDS (default 60), on SQLite then PostgreSQL; then a flood of
# wrong passwords. Then the crash runs: SIGKILL in the middle of that load, and during the
# start-up migrations; after each restart, what was answered must be there and whole.
LOAD_LEARNERS="${BENCH_LOAD_LEARNERS:-500}"
LOAD_SECONDS="${BENCH_LOAD_SECONDS:-60}"
cargo build --release -q -p server --example learner_load
LOAD="$ROOT/target/release/examples/learner_load"
JOURNEY_CONTENT=$(mktemp -d)
cp -r "$ROOT/content/." "$JOURNEY_CONTENT/"
sed -i '/^attempts = /d' "$JOURNEY_CONTENT"/*/module.toml   # no attempt limit for the load

start_server() { # start_server <data-dir> <database-url>: sets SERVER_PID and SERVER_URL
  local port=$((20000 + RANDOM % 10000))
  LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$ROOT/target/site" CONTENT_DIR="$JOURNEY_CONTENT" \
    DATA_DIR="$1" DATABASE_URL="$2" AUDIO_PREPARE=off RUST_LOG=warn "$ROOT/target/release/server" serve >>"$1/server.log" 2>&1 &
  SERVER_PID=$!
  SERVER_URL="http://127.0.0.1:$port"
  for _ in $(seq 600); do curl -sf "$SERVER_URL/health" >/dev/null && return 0; sleep 0.1; done
  return 1
}
stop_server() { kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true; }
panics() { grep -c 'panicked' "$1/server.log" || true; }
fresh_pg() { # fresh_pg <name>: prints the URL of a new empty PostgreSQL database, or nothing
  psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null 2>&1 || true
  psql "$PG_ADMIN" -qc "CREATE DATABASE $1" >/dev/null 2>&1 && echo "${PG_ADMIN%/*}/$1"
}
drop_pg() { psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null 2>&1 || true; }

journey_bench() { # journey_bench <label> [postgres-url]
  local data url
  data=$(mktemp -d)
  url="${2:-sqlite://$data/platform.db?mode=rwc}"
  echo "  $1:"
  start_server "$data" "$url" || { echo "    the server did not start"; return; }
  "$LOAD" run "$SERVER_URL" "${url%\?*}" "$JOURNEY_CONTENT" "$LOAD_LEARNERS" "$LOAD_SECONDS" "$SERVER_PID" \
    || echo "  (learner load failed)"
  stop_server
  echo "  panics in the server log: $(panics "$data")"
  rm -rf "$data"
}

crash_bench() { # crash_bench <label> [postgres-url]: SIGKILL 10 s into a 20 s load, then restart
  local data url generator
  data=$(mktemp -d)
  url="${2:-sqlite://$data/platform.db?mode=rwc}"
  start_server "$data" "$url" || { echo "  $1: the server did not start"; return; }
  "$LOAD" run "$SERVER_URL" "${url%\?*}" "$JOURNEY_CONTENT" 100 20 "$SERVER_PID" "$data/accepted.txt" >/dev/null &
  generator=$!
  sleep 10
  kill -9 "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  wait "$generator" || true
  local restarted_at; restarted_at=$(date +%s.%N)
  if start_server "$data" "$url"; then
    echo "  $1, killed under load: answering /health $(awk -v a="$restarted_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }') s after the restart began"
    "$LOAD" verify "${url%\?*}" "$data/accepted.txt"
    stop_server
  else
    echo "  $1, killed under load: the server did NOT restart"; tail -5 "$data/server.log"
  fi
  rm -rf "$data"
}

migration_crash() { # migration_crash <label> <pg|sqlite>: SIGKILL during the first start's migrations
  local delay data url ok=0 tries=0
  for delay in 0.05 0.1 0.2 0.3 0.5 0.8 1.2; do
    tries=$((tries + 1))
    data=$(mktemp -d)
    if [ "$2" = pg ]; then url=$(fresh_pg "bench_migrate_$$") || { echo "  $1: no PostgreSQL"; return; }
    else url="sqlite://$data/platform.db?mode=rwc"; fi
    LEPTOS_SITE_ADDR="127.0.0.1:0" LEPTOS_SITE_ROOT="$ROOT/target/site" CONTENT_DIR="$JOURNEY_CONTENT" \
      DATA_DIR="$data" DATABASE_URL="$url" RUST_LOG=warn "$ROOT/target/release/server" serve >>"$data/server.log" 2>&1 &
    local pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
    if start_server "$data" "$url"; then
      stop_server
      if [ "$2" = pg ] || DATA_DIR="$data" DATABASE_URL="$url" "$ROOT/target/release/server" backup "$data/check.db" >/dev/null 2>&1; then
        ok=$((ok + 1))
      else
        echo "  $1: killed after ${delay}s, the restarted database fails its integrity check"
      fi
    else
      echo "  $1: killed after ${delay}s, the server did NOT start again:"; tail -3 "$data/server.log"
    fi
    [ "$2" = pg ] && drop_pg "bench_migrate_$$"
    rm -rf "$data"
  done
  echo "  $1, killed during the start-up migrations ($tries kills, 0.05 to 1.2 s after start): restarted and sound $ok of $tries"
}

echo
echo "learner journeys, $LOAD_LEARNERS learners, ${LOAD_SECONDS}s (targets: 0 errors, 0 5xx, none lost)"
journey_bench "SQLite"
if PG_URL=$(fresh_pg "bench_journey_$$"); then
  journey_bench "PostgreSQL" "$PG_URL"
  drop_pg "bench_journey_$$"
else
  echo "  PostgreSQL: not reachable at $PG_ADMIN, skipped"
fi

echo
echo "crashes (SIGKILL), then a restart on the same database"
crash_bench "SQLite"
if PG_URL=$(fresh_pg "bench_crash_$$"); then
  crash_bench "PostgreSQL" "$PG_URL"
  drop_pg "bench_crash_$$"
fi
migration_crash "SQLite" sqlite
migration_crash "PostgreSQL" pg
rm -rf "$JOURNEY_CONTENT"

if [ "${BENCH_QUIZ_ONLY:-}" != 1 ] && [ "${BENCH_JOURNEYS_ONLY:-}" != 1 ]; then audio_bench; fi
