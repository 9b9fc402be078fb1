//! The fuzz harness, one entry per importer. The fuzz targets (fuzz/fuzz_targets/) call [`run`]
//! with libFuzzer's input; tests/fuzz_regressions.rs includes this file and replays every crasher
//! kept under tests/fixtures/fuzz/<target>/ through the same code.
//!
//! Beyond "no panic", each input is held to what the page relies on: an error or warning is a
//! short message (shown in the page, never the whole input echoed back); a dataset that loads
//! has statistics that add up, keeps only http(s) sources (nothing that could become a
//! `javascript:` link), survives the hand-over between the two wasm modules unchanged, and can
//! be drawn in both views.

use cyber_spectrum::chart::{Theme, View};
use cyber_spectrum::import::Mapping;
use cyber_spectrum::render::{svg, Picture};
use cyber_spectrum::{Explorer, Filter};

/// Every fuzz target, by name.
pub const TARGETS: [&str; 8] = ["csv", "json", "dcid", "eurepoc", "cfr", "mapped", "xlsx", "xlsx_xml"];

/// Longest message the page may be asked to show for one problem, in characters (the core
/// clips longer ones in the middle, adding " … ").
pub const MAX_MESSAGE: usize = cyber_spectrum::error::MAX_MESSAGE_CHARS + 3;

/// Reads `data` with the importer `target` names and checks the outcome.
pub fn run(target: &str, data: &[u8]) {
    let result = match target {
        "csv" | "json" | "dcid" | "eurepoc" | "cfr" => Explorer::from_bytes(data, target),
        "xlsx" => Explorer::from_bytes(data, "auto"),
        "xlsx_xml" => Explorer::from_bytes(&workbook(data), "auto"),
        "mapped" => match mapping(data) {
            Some((mapping, rest)) => Explorer::from_mapped(rest, &mapping),
            None => return,
        },
        other => panic!("no fuzz target '{other}' (targets: {})", TARGETS.join(", ")),
    };
    match result {
        Ok(ex) => exercise(&ex),
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.trim().is_empty(), "an error without a message");
            assert!(
                msg.chars().count() <= MAX_MESSAGE,
                "an error message of {} characters: {}…",
                msg.chars().count(),
                prefix(&msg)
            );
        }
    }
}

fn prefix(s: &str) -> &str {
    let mut end = s.len().min(200);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// What the page does with a dataset once it is loaded.
fn exercise(ex: &Explorer) {
    for w in ex.warnings() {
        assert!(
            w.message.chars().count() <= MAX_MESSAGE,
            "a warning of {} characters at row {}: {}…",
            w.message.chars().count(),
            w.row,
            prefix(&w.message)
        );
    }
    let all = Filter::default();
    let stats = ex.stats(&all).expect("the empty filter applies");
    assert_eq!(stats.total, ex.len(), "the statistics count every incident");
    assert_eq!(
        stats.severity_counts.iter().sum::<usize>() + stats.not_coded,
        ex.len(),
        "every incident is coded or not coded"
    );
    let records = ex.records(&all).expect("records");
    for r in &records {
        for url in &r.sources {
            let lower = url.to_ascii_lowercase();
            assert!(
                lower.starts_with("https://") || lower.starts_with("http://"),
                "a source that is not http(s): {url}"
            );
        }
    }
    let again = Explorer::from_import(
        ex.to_parts(),
        ex.scale().clone(),
        ex.warnings().to_vec(),
        "fuzz".into(),
        ex.packed_responses(),
    )
    .expect("parts hand over");
    assert_eq!(again.stats(&all).expect("stats"), stats, "the hand-over keeps the figures");
    if let (Some(first), Some(last)) = (stats.first_year, stats.last_year) {
        let years = Filter { from: Some(first), to: Some(first.max(last - 1)), ..Filter::default() };
        let some = ex.stats(&years).expect("a year range applies");
        assert!(some.total <= stats.total);
    }
    // Drawing is the slowest step (most of an execution): only small datasets, where the layout's edge cases are.
    if ex.len() <= 12 {
        for view in [View::Spectrum, View::Timeline] {
            let picture =
                Picture { explorer: ex, view, filter: &all, theme: Theme::default(), width: 320, height: 240 };
            svg(&picture).expect("a loaded dataset draws");
        }
    }
}

/// `field=column` pairs, one per line, up to an empty line; the rest is the file. `None` when the
/// mapping itself is refused (that refusal is [`Mapping::new`]'s, tested elsewhere).
pub fn mapping(data: &[u8]) -> Option<(Mapping, &[u8])> {
    let split = data.windows(2).position(|w| w == b"\n\n")?;
    let head = std::str::from_utf8(&data[..split]).ok()?;
    let pairs = head.lines().filter_map(|l| l.split_once('='));
    let mapping = match Mapping::new(pairs) {
        Ok(m) => m,
        Err(e) => {
            assert!(e.to_string().chars().count() <= MAX_MESSAGE);
            return None;
        }
    };
    Some((mapping, &data[split + 2..]))
}

/// The parts of a workbook whose XML the importer reads, in the order the input gives them,
/// separated by 0xFF bytes (never in UTF-8 text). A part the input leaves out is a minimal one.
const PARTS: [(&str, &str); 5] = [
    ("xl/workbook.xml", r#"<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
    (
        "xl/_rels/workbook.xml.rels",
        r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#,
    ),
    ("xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>"),
    ("xl/sharedStrings.xml", "<sst/>"),
    ("xl/styles.xml", "<styleSheet/>"),
];

/// A stored (uncompressed) zip of the workbook parts in `data`, so the fuzzer mutates the XML
/// itself rather than deflate streams.
pub fn workbook(data: &[u8]) -> Vec<u8> {
    let mut given = data.split(|&b| b == 0xff);
    let parts: Vec<(&str, &[u8])> =
        PARTS.iter().map(|&(name, default)| (name, given.next().unwrap_or(default.as_bytes()))).collect();
    stored_zip(&parts)
}

/// A zip archive with each entry stored as is.
pub fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let entries: Vec<ZipEntry> =
        entries.iter().map(|&(name, body)| ZipEntry { name, body, method: 0, size: body.len() as u32 }).collect();
    zip_archive(&entries)
}

/// One entry of [`zip_archive`]: its body as written (stored, or already deflated for method 8)
/// and the size it declares when expanded (a zip bomb may lie).
pub struct ZipEntry<'a> {
    pub name: &'a str,
    pub body: &'a [u8],
    pub method: u16,
    pub size: u32,
}

/// A zip archive of `entries`: local headers, bodies, central directory.
pub fn zip_archive(entries: &[ZipEntry]) -> Vec<u8> {
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for e in entries {
        let offset = out.len() as u32;
        let crc = if e.method == 0 { crc32(e.body) } else { 0 };
        let header = |out: &mut Vec<u8>| {
            for v in [0u16, e.method, 0, 0] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            for v in [crc, e.body.len() as u32, e.size] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            out.extend_from_slice(&(e.name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
        };
        // Local header: signature, version needed, then flags, method, time, date, crc, sizes, lengths.
        out.extend_from_slice(b"PK\x03\x04\x14\x00");
        header(&mut out);
        out.extend_from_slice(e.name.as_bytes());
        out.extend_from_slice(e.body);
        // Central entry: signature, versions, the same fields, comment length, disk, attributes, offset.
        central.extend_from_slice(b"PK\x01\x02\x14\x00\x14\x00");
        header(&mut central);
        central.extend_from_slice(&[0; 10]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(e.name.as_bytes());
    }
    let (at, len) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    for v in [0u16, 0, entries.len() as u16, entries.len() as u16] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}
