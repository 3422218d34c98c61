#!/usr/bin/env bash
# Runs the jsdom suite against React 18.3 (the lowest supported peer) from a side install,
# so the lockfile stays on React 19.
set -euo pipefail
dir="$(pwd)/.react18"
if [ ! -f "$dir/node_modules/react-dom/package.json" ]; then
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund react@18.3.1 react-dom@18.3.1 >/dev/null
fi
REACT18_DIR="$dir" npx vitest run --project unit "$@"
