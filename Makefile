# cyber-spectrum: every target installs what it is missing first (scripts/ensure-tools.sh), so
# `make serve` and `make test` are all a fresh machine needs.
SHELL := bash
PORT ?= 8000
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: serve build package test test-native test-unit test-browser test-e2e test-hooks test-wordpress test-hugo bench fuzz lint tools tools-test screenshot render publishers-image clean

## serve: build and serve the explorer on http://127.0.0.1:$(PORT)/ (PORT=... to change)
serve: build
	@node scripts/serve.mjs $(PORT)

## build: the release wasm into www/pkg, then the site into dist/ (www/ with JS and CSS minified),
## with the size budget of wasm-pack.toml
build: tools
	@scripts/build.sh

## package: the release files in target/package/: cyber-spectrum-<version>.tgz (npm's format),
## the same files as a .zip, and the WordPress plugin's zip (scripts/package.sh)
package: build
	@scripts/package.sh

## test: every layer: native, lint, JS units (node, no browser), browser (wasm-bindgen-test), size
## budget, end-to-end (the package included), the WordPress plugin and the Hugo shortcode
test: tools-test
	@$(MAKE) --no-print-directory test-native lint test-unit test-browser package test-e2e test-wordpress test-hugo
	@echo "make test: all layers passed"

test-native:
	cargo test --locked

lint:
	cargo fmt --all --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --lib -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --lib --no-default-features --features explorer -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --lib --no-default-features --features importer -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --lib --no-default-features --features importer,workbooks -- -D warnings

test-unit:
	node --test tests/unit/

test-browser:
	wasm-pack test --headless --chrome -- --locked --test web --features importer,workbooks

test-e2e: test-hooks
	node --test --test-timeout=180000 tests/e2e/*.test.mjs

## test-wordpress: the plugin (from the package's zip) on a real WordPress from Debian's packages,
## with its own MariaDB and PHP's server on loopback, driven in Chromium (tests/wordpress/)
test-wordpress: tools-test
	@scripts/ensure-tools.sh wordpress
	@[ -f target/package/cyber-spectrum-wordpress-$$(sed -n 's/^version = "\(.*\)"$$/\1/p' Cargo.toml | head -1).zip ] || $(MAKE) --no-print-directory package
	node --test --test-timeout=600000 tests/wordpress/

## test-hugo: the Hugo shortcode (hugo/), in a small site built by Debian's hugo, in Chromium
test-hugo: tools-test
	@scripts/ensure-tools.sh hugo
	@[ -f dist/cyber-spectrum.js ] || $(MAKE) --no-print-directory build
	node --test --test-timeout=300000 tests/hugo/

## test-hooks: a copy of the explorer module with the test-only exports (panicForTest), in
## target/test-hooks/, which the end-to-end tests swap in where they need it; dist/ never has them.
test-hooks:
	wasm-pack build --release --target web --out-dir target/test-hooks --out-name cyber_spectrum --no-pack --no-typescript . -- --locked --features test-hooks

## bench: prints speed and memory figures: native import throughput, filter and statistics at
## 1M, then the page in headless Chromium on synthetic data of 1k to 1M incidents (SIZES=... to
## choose), then side by side with Vega-Lite on the DCID file replicated (COMPARE_SIZES=...).
## Printed, not asserted; several minutes.
SIZES ?= 1000,10000,100000,1000000
bench: tools-test build
	cargo run --locked --release --bin bench -- --write dist/bench-data --sizes $(SIZES)
	mkdir -p tests/e2e/out
	SIZES=$(SIZES) node tests/bench/bench.mjs
	node tests/bench/compare.mjs

## fuzz: every importer under libFuzzer (cargo-fuzz on nightly, installed if missing), FUZZ_SECONDS
## each (default 300; FUZZ_TARGETS=... to choose). Crashers are kept in tests/fixtures/fuzz/, where
## `make test` replays them. Prints executions, coverage and corpus per target.
fuzz:
	@scripts/fuzz.sh

## screenshot: the README picture, taken by the end-to-end tests
screenshot: tools-test build test-e2e
	cp tests/e2e/out/page-1280-dpr1.png docs/screenshot.png

## render: a chart as PNG and SVG without a browser, e.g. make render ARGS="--view timeline --initiators PRK --out card"
render: tools
	cargo run --locked --release --bin render -- $(ARGS)

## publishers-image: redraws the static-image example on www/publishers.html (a native test checks it is current)
publishers-image: tools
	mkdir -p www/img
	cargo run --locked --release --bin render -- $(PUBLISHERS_IMAGE) --svg www/img/fallback-example.svg

# Keep in step with tests/render.rs (publishers_example_image_is_current).
PUBLISHERS_IMAGE = --view spectrum --initiators PRK --targets KOR,USA --from 2009 --to 2016 --width 800 --height 420

tools:
	@scripts/ensure-tools.sh build

tools-test:
	@scripts/ensure-tools.sh test

clean:
	rm -rf target www/pkg dist tests/e2e/out node_modules
