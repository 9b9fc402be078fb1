//! The render commands www/publishers.html shows (its `render` snippet), run as written: each
//! writes its PNG and SVG. (tests/e2e/publishers.test.mjs runs the page's other snippets.)

use std::path::PathBuf;
use std::process::Command;

/// The text of the page's `<code data-snippet="NAME">`, entities decoded.
fn snippet(name: &str) -> String {
    let html = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/publishers.html")).unwrap();
    let open = format!("<code data-snippet=\"{name}\">");
    let start = html.find(&open).unwrap_or_else(|| panic!("publishers.html has no {name} snippet")) + open.len();
    let end = start + html[start..].find("</code>").unwrap();
    html[start..end].replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}

/// A command line split as a shell would split these (words, and double-quoted strings).
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            _ => {
                word.push(c);
                any = true;
            }
        }
    }
    assert!(!quoted, "unbalanced quote in: {line}");
    if any {
        out.push(word);
    }
    out
}

#[test]
fn every_render_command_on_the_publishers_page_writes_its_files() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("publishers-render");
    std::fs::create_dir_all(&dir).unwrap();
    let mut ran = 0;
    for line in snippet("render").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let w = words(line);
        // `cargo run --release --bin render -- ARGS` or `make render ARGS="..."`.
        let args: Vec<String> = match w.iter().position(|a| a == "--") {
            Some(i) if w[..i] == ["cargo", "run", "--release", "--bin", "render"] => w[i + 1..].to_vec(),
            _ if w.len() == 3 && w[..2] == ["make", "render"] && w[2].starts_with("ARGS=") => {
                words(&w[2]["ARGS=".len()..])
            }
            _ => panic!("publishers.html shows a command this test does not know: {line}"),
        };
        let out = args.iter().position(|a| a == "--out").expect("each command names its --out");
        let name = &args[out + 1];
        let mut args = args.clone();
        args[out + 1] = dir.join(name).display().to_string();
        let run = Command::new(env!("CARGO_BIN_EXE_render")).args(&args).output().unwrap();
        assert!(run.status.success(), "{line}: {}", String::from_utf8_lossy(&run.stderr));
        for ext in ["png", "svg"] {
            let file = dir.join(format!("{name}.{ext}"));
            assert!(
                std::fs::metadata(&file).map(|m| m.len() > 1000).unwrap_or(false),
                "{line} wrote no {}",
                file.display()
            );
        }
        ran += 1;
    }
    assert_eq!(ran, 3, "the page shows three render commands");
}
