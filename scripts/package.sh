#!/usr/bin/env bash
# `make package` (after `make build`): the release package, in target/package/:
#   cyber-spectrum-<version>.tgz   npm's format (`npm publish` of it works; npm CDNs serve it)
#   cyber-spectrum-<version>.zip   the same files, for publishers without npm
#   cyber-spectrum-wordpress-<version>.zip   the WordPress plugin (wordpress/cyber-spectrum/ with the files)
# The files are those git tracks in www/ (as built into dist/) and the wasm modules the build
# wrote, less the pages that are not for articles; a stray file in the tree never ships.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
dataset=$(head -1 data/VERSION)
js_version=$(sed -n "s/^export const VERSION = '\(.*\)';$/\1/p" www/share.js)
plugin_version=$(sed -n "s/^define( 'CYBER_SPECTRUM_VERSION', '\(.*\)' );$/\1/p" wordpress/cyber-spectrum/cyber-spectrum.php)
for v in "www/share.js:$js_version" "wordpress/cyber-spectrum/cyber-spectrum.php:$plugin_version"; do
  if [ "${v##*:}" != "$version" ]; then
    echo "package: Cargo.toml says version $version but ${v%%:*} says '${v##*:}'" >&2
    exit 1
  fi
done
[ -f dist/cyber-spectrum.js ] && [ -f dist/pkg/cyber_spectrum_bg.wasm ] || { echo "package: run make build first" >&2; exit 1; }

out=target/package
stage=$out/cyber-spectrum
rm -rf "$out"
mkdir -p "$stage/pkg"

# Not for articles: the publishers' guide and its example image (the project's site), wasm-bindgen's
# internal declarations.
skip='^(publishers\.(html|js|css)|img/.*)$'
files=()
while IFS= read -r f; do
  rel=${f#www/}
  [[ $rel =~ $skip ]] && continue
  [[ $rel == pkg/* ]] && continue
  cp "dist/$rel" "$stage/$rel"
  files+=("$rel")
done < <(git ls-files www)
for f in dist/pkg/*; do
  rel=${f#dist/}
  [[ $rel == *_bg.wasm.d.ts ]] && continue
  cp "$f" "$stage/$rel"
  files+=("$rel")
done

sed -e "s/@VERSION@/$version/g" -e "s/@DATASET@/$dataset/g" packaging/README.md >"$stage/README.md"
cp LICENSE "$stage/LICENSE"
node - "$stage" "$version" "$dataset" "${files[@]}" <<'JS'
const [stage, version, dataset, ...files] = process.argv.slice(2);
const pkg = {
  name: 'cyber-spectrum',
  version,
  description: 'State cyber incidents on the 0-10 escalation ladder, with the use-of-force and armed-attack thresholds of published legal readings: one custom element, drawn by WebAssembly.',
  license: 'MIT',
  type: 'module',
  keywords: ['cyber', 'incidents', 'escalation', 'use of force', 'chart', 'custom element', 'webassembly'],
  // The bundled dataset's version, as every chart's footnote and `el.version.dataset` give it.
  cyberSpectrum: { dataset },
  types: './cyber-spectrum.d.ts',
  exports: {
    '.': { types: './cyber-spectrum.d.ts', default: './cyber-spectrum.js' },
    './explorer': { types: './pkg/cyber_spectrum.d.ts', default: './pkg/cyber_spectrum.js' },
    './loader': { types: './loader.d.ts', default: './loader.js' },
    './cyber-spectrum.css': './cyber-spectrum.css',
    './controls.css': './controls.css',
    './embed.html': './embed.html',
    './embed-host.js': './embed-host.js',
    './package.json': './package.json',
  },
  files: files.sort(),
};
require('node:fs').writeFileSync(`${stage}/package.json`, `${JSON.stringify(pkg, null, 2)}\n`);
JS

(cd "$stage" && npm pack --silent --pack-destination .. >/dev/null)
tgz=$out/cyber-spectrum-$version.tgz
[ -f "$tgz" ] || { echo "package: npm pack wrote no $tgz" >&2; exit 1; }

# zip: python3's zipfile, so no zip tool is needed. zipdir DIR ZIP TOP: DIR's files under TOP/.
zipdir() {
  python3 - "$@" <<'PY'
import os, sys, zipfile
src, dest, top = sys.argv[1:4]
with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for base, dirs, names in os.walk(src):
        dirs.sort()
        for n in sorted(names):
            path = os.path.join(base, n)
            z.write(path, os.path.join(top, os.path.relpath(path, src)))
PY
}
zipdir "$stage" "$out/cyber-spectrum-$version.zip" "cyber-spectrum-$version"

# The WordPress plugin: its PHP and editor script, with the package's files under assets/.
plugin=$out/wordpress/cyber-spectrum
mkdir -p "$plugin"
cp -r wordpress/cyber-spectrum/. "$plugin/"
cp -r "$stage" "$plugin/assets"
rm "$plugin/assets/package.json" "$plugin/assets/README.md"
zipdir "$plugin" "$out/cyber-spectrum-wordpress-$version.zip" cyber-spectrum

count=$(tar -tzf "$tgz" | grep -vc '/$')
unpacked=$(du -sb "$stage" | cut -f1)
printf 'package: %s (%s files, %s bytes unpacked, %s bytes gzip)\n' "$tgz" "$count" "$unpacked" "$(wc -c <"$tgz")"
printf 'package: %s (%s bytes)\n' "$out/cyber-spectrum-$version.zip" "$(wc -c <"$out/cyber-spectrum-$version.zip")"
printf 'package: %s (%s bytes)\n' "$out/cyber-spectrum-wordpress-$version.zip" "$(wc -c <"$out/cyber-spectrum-wordpress-$version.zip")"
