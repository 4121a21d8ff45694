#!/usr/bin/env bash
# Builds and starts the platform at http://127.0.0.1:3000 with the embedded SQLite database
# (created under data/ on first run) and the modules in content/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
build_site
# Demo mode: creates the demo trainer (username `formateur`) with a fresh password and a demo
# cohort, and prints both at start.
export LEPTOS_SITE_ROOT="$ROOT/target/site" CONTENT_DIR="$ROOT/content" DATA_DIR="$ROOT/data"
export PLATFORM_DEMO="${PLATFORM_DEMO:-1}"
exec "$ROOT/target/release/server" serve
