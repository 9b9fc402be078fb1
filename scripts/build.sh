#!/usr/bin/env bash
# Writes www/schema.js from the Rust tables, builds the wasm package (with its TypeScript
# declarations) into the folder wasm-pack.toml names, runs wasm-opt as it says, writes
# the site to dist/, and prints the size of everything a page with one explorer downloads, failing
# above the budget.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

setting() { # setting SECTION KEY -> value from wasm-pack.toml (lists joined by spaces)
  python3 - "$1" "$2" <<'PY'
import sys, tomllib
cfg = tomllib.load(open("wasm-pack.toml", "rb"))
v = cfg[sys.argv[1]][sys.argv[2]]
print(" ".join(v) if isinstance(v, list) else str(v).lower() if isinstance(v, bool) else v)
PY
}

target=$(setting build target)
out_dir=$(setting build out-dir)
out_name=$(setting build out-name)
import_name=$(setting importer out-name)
profile=$(setting build profile)

# build_module NAME [cargo args]: one wasm module into $out_dir, optimised by wasm-opt.
build_module() {
  local name=$1; shift
  wasm-pack build --"$profile" --target "$target" --out-dir "$out_dir" --out-name "$name" --no-pack . "$@" >&2
  local wasm="$out_dir/${name}_bg.wasm"
  if [ "$(setting wasm-opt enabled)" = true ]; then
    # shellcheck disable=SC2046
    wasm-opt $(setting wasm-opt args) "$wasm" -o "$wasm.opt"
    mv "$wasm.opt" "$wasm"
  fi
  # Short import names in the module and its glue (see the script).
  node scripts/short-imports.mjs "$out_dir" "$name"
}

# The vocabularies the JavaScript reads (www/schema.js), written from the Rust tables.
cargo run --locked --quiet --bin schema >&2

# The explorer (default features) and the importer, which the page loads only to read a file.
# --locked: the wasm is built from the dependency versions in Cargo.lock and nothing else.
build_module "$out_name" -- --locked
# The explorer for the bundled dataset alone, which the page and the elements start with.
build_module "$(setting build bundled-out-name)" -- --locked --no-default-features --features explorer
build_module "$import_name" -- --locked --no-default-features --features importer
# The importer that also reads .xlsx workbooks, loaded only for one.
build_module "$(setting importer workbook-out-name)" -- --locked --no-default-features --features importer,workbooks
# The bundled dataset's incidents (their columns, without the long texts) and its long texts,
# beside the module that leaves them out: a page with its own data downloads neither.
cp src/explorer/bundled.parts "$out_dir/${out_name}_incidents.bin"
cargo run --locked --quiet --bin schema -- text "$out_dir/${out_name}_text.txt" >&2
cargo run --locked --quiet --bin schema -- readings "$out_dir/${out_name}_readings.json" >&2
cargo run --locked --quiet --bin schema -- changes "$out_dir/${out_name}_changes.json" >&2

# The site as served: www/ copied to dist/, its JavaScript (the wasm-bindgen glue included) and CSS
# minified file by file by esbuild (measured: 11.5 KB gzip less before the first chart), then the
# modules a browser starts from bundled with what they import at once (scripts/bundle.mjs says
# which stay files of their own); the on-demand ones stay on demand.
rm -rf dist.tmp
cp -r www dist.tmp
# shellcheck disable=SC2046
esbuild $(ls www/*.js "$out_dir"/*.js) --minify --outdir=dist.tmp --outbase=www --log-level=warning
# shellcheck disable=SC2046
esbuild $(ls www/*.css) --minify --outdir=dist.tmp --outbase=www --log-level=warning
node scripts/bundle.mjs dist.tmp
rm -rf dist
mv dist.tmp dist

# The size budget (wasm-pack.toml [budget]): each kind of page's files before its first chart.
gz() { gzip -9c "$1" | wc -c; }
over=""
for list in page embed embed-src; do
  if [ "$list" = embed-src ]; then budget_kb=$(setting budget src-max-gzip-kb); else budget_kb=$(setting budget max-gzip-kb); fi
  total=0
  printf '\n%-42s %10s %10s\n' "before the first chart: $list" raw gzip
  for f in $(setting budget "$list"); do
    [ -f "$f" ] || { echo "budget: $f (listed in wasm-pack.toml) does not exist" >&2; exit 1; }
    raw=$(wc -c <"$f"); g=$(gz "$f")
    total=$((total + g))
    printf '  %-40s %10d %10d\n' "$f" "$raw" "$g"
  done
  printf '  %-40s %10s %10d  (budget %d KB = %d)\n' "total" "" "$total" "$budget_kb" $((budget_kb * 1000))
  [ "$total" -gt $((budget_kb * 1000)) ] && over="$over $list:$total>${budget_kb}KB"
done
printf '\n%-42s %10s %10s\n' "fetched on demand" raw gzip
for f in $(setting budget on-demand); do
  [ -f "$f" ] && printf '  %-40s %10d %10d\n' "$f" "$(wc -c <"$f")" "$(gz "$f")"
done
if [ -n "$over" ]; then
  echo "size budget exceeded (gzip bytes):$over" >&2
  exit 1
fi
