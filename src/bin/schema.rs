//! `cargo run --bin schema`: writes `www/schema.js` and `www/schema-files.js`, the vocabularies the JavaScript reads (see
//! src/schema.rs), `src/explorer/bundled.parts`, the bundled dataset in columns, and
//! `src/events/bundled.parts` and `src/reading/bundled.parts`, its responses and context events
//! and the legal readings' names and rules. With `--check`, writes nothing and fails when the file is not current. With
//! `text PATH` or `readings PATH`, writes the bundled dataset's long texts or the legal
//! readings' words there instead (see build.rs).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use cyber_spectrum::schema;
    use std::path::Path;
    let args: Vec<String> = std::env::args().collect();
    if let [_, what, path] = args.as_slice() {
        let text = match what.as_str() {
            "text" => Some(schema::bundled_text()),
            "readings" => Some(schema::readings_words()),
            "changes" => Some(schema::changes()),
            _ => None,
        };
        if let Some(text) = text {
            if let Err(e) = std::fs::write(path, text) {
                eprintln!("cannot write {path}: {e}");
                std::process::exit(1);
            }
            return;
        }
    }
    let check = args.iter().any(|a| a == "--check");
    for (file, text) in [(schema::PATH, schema::javascript()), (schema::FILES_PATH, schema::files_javascript())] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let current = std::fs::read_to_string(&path).ok();
        if current.as_deref() == Some(text.as_str()) {
            continue;
        }
        if check {
            eprintln!("{} is not current: run `cargo run --bin schema`", path.display());
            std::process::exit(1);
        }
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
        println!("wrote {}", path.display());
    }
    // The bundled dataset in columns, its responses and context events and the legal readings,
    // for the browser's module.
    let files = [
        (schema::PARTS_PATH, schema::bundled_parts()),
        (schema::EVENTS_PATH, schema::bundled_events()),
        (schema::READINGS_PATH, schema::bundled_readings()),
    ];
    for (file, parts) in files {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        if std::fs::read(&path).ok().as_deref() == Some(parts.as_slice()) {
            continue;
        }
        if check {
            eprintln!("{} is not current: run `cargo run --bin schema`", path.display());
            std::process::exit(1);
        }
        if let Err(e) = std::fs::write(&path, &parts) {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
        println!("wrote {}", path.display());
    }
}
