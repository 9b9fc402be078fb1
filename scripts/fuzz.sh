#!/usr/bin/env bash
# make fuzz: every importer under libFuzzer (cargo-fuzz, nightly toolchain), FUZZ_SECONDS each
# (default 300), or only the targets named in FUZZ_TARGETS. Seeds come from tests/fixtures; the
# growing corpus stays in fuzz/corpus/ (not committed). A crash is copied to
# tests/fixtures/fuzz/<target>/, where tests/fuzz_regressions.rs replays it in `make test`, and
# the run fails naming it. Prints, per target: executions, seconds, coverage, last new coverage.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${FUZZ_SECONDS:-300}
targets=${FUZZ_TARGETS:-csv json dcid eurepoc cfr mapped xlsx xlsx_xml}

note() { printf '[fuzz] %s\n' "$*" >&2; }

if ! rustup toolchain list | grep -q '^nightly'; then
  note "installing the nightly toolchain (libFuzzer needs its sanitizer flags)"
  rustup toolchain install nightly --profile minimal
fi
CARGO_FUZZ_VERSION=0.13.2
if [ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  note "installing cargo-fuzz $CARGO_FUZZ_VERSION (a few minutes, once)"
  cargo install cargo-fuzz --locked --version "$CARGO_FUZZ_VERSION"
fi

seed() { # seed TARGET FILE...: copies fixtures into the target's seed folder
  local dir=fuzz/seeds/$1; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/$(basename "$f")"; done
  return 0
}
rm -rf fuzz/seeds
seed csv tests/fixtures/small.csv tests/fixtures/malformed/*.csv
seed json tests/fixtures/small.json tests/fixtures/mapped/newsroom.json tests/fixtures/malformed/*.json
seed dcid tests/fixtures/dcid/*.csv
seed eurepoc tests/fixtures/eurepoc/*.csv
seed cfr tests/fixtures/cfr/*.csv
seed xlsx tests/fixtures/xlsx/*.xlsx tests/fixtures/malformed/*.xlsx
mkdir -p fuzz/seeds/mapped
cp tests/fixtures/malformed/*.mapped fuzz/seeds/mapped/
# The mapped fixtures behind the mapping the lenient case starts with (its lines up to the blank one).
for f in tests/fixtures/mapped/*; do
  { sed -n '1,/^$/p' tests/fixtures/malformed/mapped-lenient.mapped; cat "$f"; } > "fuzz/seeds/mapped/$(basename "$f")"
done
# The XML parts of the small workbook, separated by 0xFF bytes (see workbook() in fuzz/src/lib.rs).
mkdir -p fuzz/seeds/xlsx_xml
python3 - <<'PY'
import zipfile
z = zipfile.ZipFile('tests/fixtures/xlsx/small.xlsx')
parts = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']
open('fuzz/seeds/xlsx_xml/small', 'wb').write(b'\xff'.join(z.read(p) for p in parts))
PY

# Crashers kept from earlier runs are seeds too.
for t in $targets; do
  if [ -d tests/fixtures/fuzz/"$t" ]; then cp tests/fixtures/fuzz/"$t"/* fuzz/seeds/"$t"/; fi
done

note "building the fuzz targets"
cargo +nightly fuzz build -O
bin=fuzz/target/x86_64-unknown-linux-gnu/release
found=()
summary=()
for t in $targets; do
  mkdir -p fuzz/corpus/"$t" fuzz/artifacts/"$t"
  log=fuzz/artifacts/"$t".log
  note "$t: ${seconds}s"
  set +e
  # The binary built above, run directly: `cargo fuzz run` would rebuild from whatever the
  # sources are by then.
  "$bin/$t" fuzz/corpus/"$t" fuzz/seeds/"$t" -artifact_prefix=fuzz/artifacts/"$t"/ \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 >"$log" 2>&1
  status=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo '?')
  # The execution at which coverage last grew: far from the end means the target had stopped finding more.
  last_time=$(awk '/cov: [0-9]+/ { for (i = 1; i <= NF; i++) if ($i == "cov:") c = $(i + 1) + 0; if (c > m) { m = c; at = $1 } } END { print at }' "$log")
  corpus=$(ls fuzz/corpus/"$t" | wc -l)
  summary+=("$(printf '%-9s %12s execs in %ss, coverage %s edges, corpus %s inputs, coverage last grew at execution %s' "$t" "$execs" "$seconds" "$cov" "$corpus" "$last_time")")
  for crash in fuzz/artifacts/"$t"/crash-* fuzz/artifacts/"$t"/oom-* fuzz/artifacts/"$t"/timeout-*; do
    [ -f "$crash" ] || continue
    mkdir -p tests/fixtures/fuzz/"$t"
    cp "$crash" tests/fixtures/fuzz/"$t"/
    found+=("tests/fixtures/fuzz/$t/$(basename "$crash")")
  done
  if [ $status -ne 0 ] && [ ${#found[@]} -eq 0 ]; then note "$t: cargo fuzz failed (status $status), see $log"; tail -20 "$log" >&2; exit $status; fi
done
printf '%s\n' "${summary[@]}"
if [ ${#found[@]} -gt 0 ]; then
  note "crashers kept as regression tests (tests/fuzz_regressions.rs replays them):"
  printf '  %s\n' "${found[@]}" >&2
  exit 1
fi
note "no crashers"
