//! `cargo run --bin schema`: writes `www/schema.js`, the vocabularies the JavaScript reads (see
//! src/schema.rs). With `--check`, writes nothing and fails when the file is not current.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::path::Path;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(cyber_spectrum::schema::PATH);
    let text = cyber_spectrum::schema::javascript();
    let current = std::fs::read_to_string(&path).ok();
    if std::env::args().any(|a| a == "--check") {
        if current.as_deref() != Some(text.as_str()) {
            eprintln!("{} is not current: run `cargo run --bin schema`", path.display());
            std::process::exit(1);
        }
        return;
    }
    if current.as_deref() != Some(text.as_str()) {
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
        println!("wrote {}", path.display());
    }
}
