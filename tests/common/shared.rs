//! The real datasets under `../shared` (beside the repository), for the native tests that read them.
//!
//! A user's clone has no `../shared`: there a test that needs it prints which test skipped and why, and
//! returns early. CI has it: when the environment variable `CI` is set to anything non-empty, a missing
//! file is a failure naming the path looked for, so a broken checkout cannot pass silently.
//!
//! `CYBER_SPECTRUM_SHARED`, when set to a non-empty directory, is used instead of `../shared` (the paths
//! below it stay the same, e.g. `$CYBER_SPECTRUM_SHARED/data/dcid-v2.0/...`); pointing it at a
//! directory without the data is how the missing-data behaviour is checked without moving `../shared`.
//!
//! Included from each test file with `#[path = "common/shared.rs"] mod shared;` (files in
//! `tests/common/` are not test crates of their own).

use std::path::PathBuf;

/// `relative` below the shared directory (e.g. `"data/dcid-v2.0/DCID_2.0_incidents.csv"`) when the
/// file is there. When it is not: panics naming the path under `CI`, otherwise prints a note saying
/// which test skipped and returns `None` (the caller returns early or skips that case).
pub fn shared_file(relative: &str) -> Option<PathBuf> {
    let root = match std::env::var_os("CYBER_SPECTRUM_SHARED") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    };
    let path = root.join(relative);
    if path.is_file() {
        return Some(path);
    }
    let shown = format!("../shared/{relative} (looked for {})", path.display());
    if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
        panic!("{shown} not found, and CI is set: the real-data tests must run in CI");
    }
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    println!("note: {test} skipped: {shown} not found; set CI to make this a failure");
    None
}
