#!/usr/bin/env bash
# Builds the wasm package into the folder wasm-pack.toml names, runs wasm-opt as it says, and
# prints the size of everything a page with one explorer downloads, failing above the budget.
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
  wasm-pack build --"$profile" --target "$target" --out-dir "$out_dir" --out-name "$name" --no-pack --no-typescript . "$@" >&2
  local wasm="$out_dir/${name}_bg.wasm"
  if [ "$(setting wasm-opt enabled)" = true ]; then
    # shellcheck disable=SC2046
    wasm-opt $(setting wasm-opt args) "$wasm" -o "$wasm.opt"
    mv "$wasm.opt" "$wasm"
  fi
}

# The explorer (default features) and the importer, which the page loads only to read a file.
build_module "$out_name"
build_module "$import_name" -- --no-default-features --features importer

# The size budget: every file a page with one explorer fetches before its first chart. Files
# fetched only when a reader loads a file are listed apart and not counted.
budget_kb=$(setting budget max-gzip-kb)
on_demand=" $(setting budget on-demand) $out_dir/$import_name.js $out_dir/${import_name}_bg.wasm "
total=0
later=""
printf '%-40s %10s %10s\n' file raw gzip
for f in "$out_dir/${out_name}_bg.wasm" "$out_dir/$out_name.js" www/*.html www/*.js www/*.css "$out_dir/$import_name.js" "$out_dir/${import_name}_bg.wasm"; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f"); gz=$(gzip -9c "$f" | wc -c)
  case "$on_demand" in
    *" $f "*) later="$later$(printf '%-40s %10d %10d' "$f" "$raw" "$gz")\n" ;;
    *) total=$((total + gz)); printf '%-40s %10d %10d\n' "$f" "$raw" "$gz" ;;
  esac
done
printf '%-40s %10s %10d  (budget %d KB = %d)\n' "total before the first chart" "" "$total" "$budget_kb" $((budget_kb * 1000))
printf 'loaded only when a reader opens a file:\n%b' "$later"
if [ "$total" -gt $((budget_kb * 1000)) ]; then
  echo "size budget exceeded: $total gzip bytes > ${budget_kb} KB" >&2
  exit 1
fi
