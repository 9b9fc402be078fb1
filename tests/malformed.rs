//! The malformed-input corpus: every file in tests/fixtures/malformed/ and a few inputs made here
//! (too large to keep in the repository), each with the outcome a publisher should get: a precise
//! error, or the rows kept with warnings. Every case also runs under a counting allocator, so
//! memory stays bounded by the input (the figures are printed), and through the fuzz harness's
//! checks (short messages, figures that add up, no non-http source).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod harness;

use cyber_spectrum::alloc;
use cyber_spectrum::import::{MAX_INPUT_BYTES, MAX_WARNINGS};
use cyber_spectrum::{Explorer, Filter};

#[global_allocator]
static ALLOC: alloc::Counting = alloc::Counting;

const HEADER: &str = "id,name,start,end,initiator,targets,target_type,method,objective,severity,rationale,attributed_by,attribution_date,description,sources";

fn row(id: &str, description: &str) -> String {
    format!("{id},Row {id},2015-01-02,,PRK,KOR,government,ddos,disruption,2,r,,,{description},https://example.org/{id}")
}

#[derive(Debug)]
enum Expect {
    /// Refused with an error containing this text.
    Refused(&'static str),
    /// Read: this many incidents, and warnings containing each text (at its row).
    Kept { rows: usize, warnings: &'static [(usize, &'static str)] },
}
use Expect::{Kept, Refused};

enum How {
    /// `Explorer::from_bytes` in a named format (`auto` detects it).
    Format(&'static str),
    /// Through the column mapping at the start of the bytes (see [`mapping_lines`]).
    Mapped,
}

struct Case {
    name: String,
    how: How,
    bytes: Vec<u8>,
    expect: Expect,
    /// Anything else to check on a dataset that loads.
    check: Option<Check>,
}

/// The mapping the lenient cases are read through, written as the `mapped` fuzz target takes it
/// (`field=column` lines, a blank line, then the file): the lines the lenient fixture starts with.
fn mapping_lines() -> &'static str {
    let lenient = include_str!("fixtures/malformed/mapped-lenient.mapped");
    &lenient[..lenient.find("\n\n").expect("the fixture starts with its mapping") + 2]
}

/// What each file of tests/fixtures/malformed/ should give.
type Check = fn(&Explorer);

fn expected(file: &str) -> (How, Expect, Option<Check>) {
    let auto = How::Format("auto");
    match file {
        "empty.csv" => (auto, Refused("the file is empty"), None),
        "header-only.csv" => (auto, Refused("the file has a header but no incidents"), None),
        "semicolons.csv" => (auto, Kept { rows: 2, warnings: &[] }, None),
        "tabs.csv" => (auto, Kept { rows: 1, warnings: &[] }, None),
        "bom.csv" => (auto, Kept { rows: 2, warnings: &[] }, Some(|ex| assert_eq!(ex.store().id(0), "x1", "the BOM is not part of the first column"))),
        "crlf.csv" => (auto, Kept { rows: 2, warnings: &[] }, Some(|ex| assert!(!ex.store().name(1).ends_with('\r')))),
        "mixed-endings.csv" => (auto, Kept { rows: 3, warnings: &[] }, Some(|ex| assert_eq!(ex.records(&Filter::default()).unwrap()[2].sources, ["https://example.org/x"]))),
        "multiline-quotes.csv" => (
            auto,
            Kept { rows: 2, warnings: &[] },
            Some(|ex| assert_eq!(ex.records(&Filter::default()).unwrap()[0].description, "First line\nsecond line, with a comma\r\nthird \"quoted\" line")),
        ),
        "unterminated-quote.csv" => (auto, Refused("row 2 (line 3), column 'description': a quote opens in this cell and never closes, so the remaining 3 lines"), None),
        "invalid-utf8.csv" => (auto, Refused("line 3, byte 8 of the line (0xFF, offset 228) is not UTF-8"), None),
        "huge-numbers.csv" => (auto, Refused("row 1 (line 2), column 'severity': '99999999999999999999999' is not a whole level 0-10"), None),
        "huge-year.csv" => (auto, Refused("row 1 (line 2), column 'start': '99999-01-01' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"), None),
        "negative-year.csv" => (auto, Refused("row 1 (line 2), column 'start': '-2015-01-01' is not a date"), None),
        "nan-severity.csv" => (auto, Refused("row 1 (line 2), column 'severity': 'NaN' is not a number (a level 0-10, or empty if not coded)"), None),
        "fractional-severity.csv" => (auto, Refused("row 1 (line 2), column 'severity': '2.5' is not a whole level 0-10"), None),
        "zero-date.csv" => (auto, Refused("row 1 (line 2), column 'start': year 0 in '0000-00-00' is outside"), None),
        "impossible-date.csv" => (auto, Refused("row 1 (line 2), column 'start': '2023-02-30' is not a real day (2023-02 has 28 days)"), None),
        "severity-11.csv" => (auto, Refused("row 2 (line 3), column 'severity': '11' is not a whole level 0-10"), None),
        "severity-negative.csv" => (auto, Refused("row 1 (line 2), column 'severity': '-1' is not a whole level 0-10"), None),
        "duplicate-id.csv" => (auto, Refused("row 2 (line 3), column 'id': duplicate id 'x1' (first used in row 1)"), None),
        "unknown-initiator.csv" => (auto, Refused("row 1 (line 2), column 'initiator': unknown country 'XYZ'"), None),
        "unknown-target.csv" => (auto, Refused("row 2 (line 3), column 'targets': unknown country 'Atlantis'"), None),
        "unknown-method.csv" => (auto, Refused("row 1 (line 2), column 'method': 'teleport' is not one of"), None),
        "javascript-url.csv" => (auto, Refused("row 1 (line 2), column 'sources': 'javascript:alert(1)' is not an http(s) URL"), None),
        "short-row.csv" => (auto, Refused("row 1 (line 2), column '(row)': has 8 fields but the header has 15"), None),
        "missing-initiator-column.csv" => (How::Format("csv"), Refused("the header lacks the required column initiator"), None),
        "unrecognised.csv" => (auto, Refused("unrecognised format: the first line is 'incident;when;who'"), None),
        "json-truncated.json" => (auto, Refused("invalid JSON at line 1"), None),
        "json-missing-initiator.json" => (auto, Refused("row 1, column 'initiator': is missing"), None),
        "json-severity-text.json" => (auto, Refused("row 1, column 'severity': 'high' is not a number"), None),
        "json-nan.json" => (auto, Refused("invalid JSON at line 1"), None),
        "json-huge-number.json" => (auto, Refused("invalid JSON at line 1"), None),
        "json-negative-severity.json" => (auto, Refused("row 1, column 'severity': '-1' is not a whole level 0-10"), None),
        "json-empty-array.json" => (auto, Refused("the JSON holds no incidents"), None),
        "json-not-incidents.json" => (auto, Refused("a JSON object must hold an \"incidents\" array"), None),
        "mapped-lenient.mapped" => (
            How::Mapped,
            Kept {
                rows: 8,
                warnings: &[
                    (1, "'11' is not a score from 0 to 10; kept as not coded"),
                    (2, "'-1' is not a score from 0 to 10; kept as not coded"),
                    (3, "'NaN' is not a score from 0 to 10; kept as not coded"),
                    (4, "'1e30' is not a score from 0 to 10; kept as not coded"),
                    (5, "'2023-02-30' is not a real day (2023-02 has 28 days); kept as undated (counted, but not on the timeline)"),
                    (6, "year 0 in '0000-00-00' is outside"),
                    (7, "unknown country 'Atlantis'; kept as unknown"),
                    (8, "'javascript:alert(1)' is not an http(s) URL; left out"),
                ],
            },
            None,
        ),
        other => panic!("tests/fixtures/malformed/{other} has no expected outcome: add it to expected()"),
    }
}

/// A raw deflate stream that inflates to `size` bytes of 'A' (fixed Huffman codes: one literal,
/// then back-references of 258 bytes at distance 1, 13 bits each): a zip bomb's payload.
fn deflate_bomb(size: usize) -> Vec<u8> {
    let (mut out, mut acc, mut bits) = (Vec::new(), 0u64, 0u32);
    let mut put = |value: u64, n: u32, reversed: bool| {
        // Huffman codes go most significant bit first; everything else least significant first.
        let v = if reversed { (0..n).fold(0, |r, i| (r << 1) | ((value >> i) & 1)) } else { value };
        acc |= v << bits;
        bits += n;
        while bits >= 8 {
            out.push(acc as u8);
            acc >>= 8;
            bits -= 8;
        }
    };
    put(0b011, 3, false); // final block, fixed codes
    put(0x30 + u64::from(b'A'), 8, true);
    for _ in 0..(size - 1) / 258 {
        put(0xC5, 8, true); // length code 285: 258 bytes
        put(0, 5, true); // distance code 0: 1 byte back
    }
    put(0, 7, true); // end of block
    put(0, 7, false); // flushes the last partial byte
    out
}

/// A workbook whose sheet inflates to `inflated` bytes while declaring `declared`.
fn bomb_workbook(declared: u32, inflated: usize) -> Vec<u8> {
    let payload = deflate_bomb(inflated);
    let part = |name, body: &'static str| harness::ZipEntry {
        name,
        body: body.as_bytes(),
        method: 0,
        size: body.len() as u32,
    };
    harness::zip_archive(&[
        part("xl/workbook.xml", r#"<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
        part(
            "xl/_rels/workbook.xml.rels",
            r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        harness::ZipEntry { name: "xl/worksheets/sheet1.xml", body: &payload, method: 8, size: declared },
    ])
}

/// Inputs made here rather than kept as files.
fn generated() -> Vec<Case> {
    let case = |name: &str, how, bytes: Vec<u8>, expect| Case {
        name: format!("{name} (generated)"),
        how,
        bytes,
        expect,
        check: None,
    };
    let ten_mb = 10 * 1024 * 1024;
    let mut wide_header = HEADER.to_string();
    let mut wide_row = row("w1", "d");
    for i in 1..=5_000 {
        wide_header.push_str(&format!(",extra {i}"));
        wide_row.push_str(&format!(",{i}"));
    }
    let foreign: Vec<String> = (1..=5_000).map(|i| format!("column {i}")).collect();
    let mut cases = vec![
        case(
            "a 10 MB single line",
            How::Format("auto"),
            vec![b'x'; ten_mb],
            Refused("unrecognised format: the first line is 'xxxxxxxx"),
        ),
        case(
            "a 10 MB description",
            How::Format("auto"),
            format!("{HEADER}\n{}\n{}\n", row("big", &"y".repeat(ten_mb)), row("small", "d")).into_bytes(),
            Kept { rows: 2, warnings: &[] },
        ),
        case(
            "5,000 extra columns",
            How::Format("auto"),
            format!("{wide_header}\n{wide_row}\n").into_bytes(),
            Kept {
                rows: 1,
                warnings: &[(
                    0,
                    "5000 columns are not part of the schema and were ignored: 16 ('extra 1'), 17 ('extra 2')",
                )],
            },
        ),
        case(
            "5,000 unknown columns",
            How::Format("auto"),
            format!("{}\n{}\n", foreign.join(","), foreign.join(",")).into_bytes(),
            Refused("unrecognised format: the first line is 'column 1,column 2,"),
        ),
        case(
            "JSON nested 10,000 deep",
            How::Format("auto"),
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).into_bytes(),
            Refused("invalid JSON"),
        ),
        case(
            "JSON objects nested 10,000 deep",
            How::Format("json"),
            format!("[{}1{}]", "{\"a\":".repeat(10_000), "}".repeat(10_000)).into_bytes(),
            Refused("invalid JSON"),
        ),
        case(
            "one byte over the maximum size",
            How::Format("auto"),
            vec![b' '; MAX_INPUT_BYTES + 1],
            Refused("the file is 128.0 MB; the explorer reads at most 128 MB"),
        ),
        case(
            "a zip bomb declaring 1 GB",
            How::Format("auto"),
            bomb_workbook(1 << 30, 1 << 20),
            Refused("would expand to 1024 MB; the limit is 128 MB"),
        ),
        case(
            "a zip bomb declaring 2 KB that inflates to 200 MB",
            How::Format("auto"),
            bomb_workbook(2_048, 200 << 20),
            Refused("xl/worksheets/sheet1.xml in the workbook expands beyond the 2048 bytes its archive declares"),
        ),
        case(
            "a truncated workbook",
            How::Format("auto"),
            include_bytes!("fixtures/xlsx/truncated.xlsx").to_vec(),
            Refused("the workbook is damaged or truncated"),
        ),
        case(
            "a zip that is not a workbook",
            How::Format("auto"),
            harness::stored_zip(&[("readme.txt", b"hello")]),
            Refused("this zip file is not an Excel workbook"),
        ),
    ];
    // Large but sound: memory for JSON (a tree of values first) and for a workbook's XML.
    let objects: Vec<String> = (0..20_000)
        .map(|i| format!(r#"{{"id": "j{i}", "name": "Incident {i}", "start": "2015-01-02", "initiator": "PRK", "targets": ["KOR", "USA"], "severity": {}, "description": "a description of some length for incident {i}", "sources": ["https://example.org/{i}"]}}"#, i % 11))
        .collect();
    cases.push(case(
        "20,000 incidents as JSON",
        How::Format("auto"),
        format!("[{}]", objects.join(",\n")).into_bytes(),
        Kept { rows: 20_000, warnings: &[] },
    ));
    // A file where every row is odd: the warnings stop at the cap, with a note saying so.
    let mut odd = format!("{}Headline,When,Attacker,Victim country,Score,Kind,Link\n", mapping_lines());
    for i in 0..3_000 {
        odd.push_str(&format!("Odd {i},2021-03-04,DPRK,JP,{},infiltration,https://example.org/{i}\n", 20 + i));
    }
    cases.push(case(
        "3,000 rows that each warn",
        How::Mapped,
        odd.into_bytes(),
        Kept {
            rows: 3_000,
            warnings: &[(1_000, "'1019' is not a score"), (0, "are not listed: only the first 1000 are kept")],
        },
    ));
    cases
}

fn load(how: &How, bytes: &[u8]) -> cyber_spectrum::Result<Explorer> {
    match how {
        How::Format(f) => Explorer::from_bytes(bytes, f),
        How::Mapped => {
            let (mapping, file) = harness::mapping(bytes).expect("the case starts with a mapping");
            Explorer::from_mapped(file, &mapping)
        }
    }
}

#[test]
fn every_malformed_input_gets_its_expected_outcome_in_bounded_memory() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/malformed");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut cases: Vec<Case> = files
        .iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let (how, expect, check) = expected(&name);
            Case { bytes: std::fs::read(path).unwrap(), name, how, expect, check }
        })
        .collect();
    cases.extend(generated());

    let mut failures = Vec::new();
    println!("{:<52} {:>12} {:>12}  outcome", "case", "input B", "peak B");
    for case in &cases {
        let base = alloc::in_use();
        alloc::reset_peak();
        let result = load(&case.how, &case.bytes);
        let peak = alloc::peak() - base;
        let outcome = match (&result, &case.expect) {
            (Err(e), Refused(want)) => {
                let got = e.to_string();
                if !got.contains(want) {
                    failures.push(format!("{}: got the error '{got}', expected one containing '{want}'", case.name));
                }
                if got.chars().count() > cyber_spectrum::error::MAX_MESSAGE_CHARS + 3 {
                    failures.push(format!("{}: a message of {} characters", case.name, got.chars().count()));
                }
                format!("refused: {}", got.chars().take(90).collect::<String>())
            }
            (Ok(ex), Kept { rows, warnings }) => {
                if ex.len() != *rows {
                    failures.push(format!("{}: kept {} rows, expected {rows}", case.name, ex.len()));
                }
                for (at, want) in *warnings {
                    if !ex.warnings().iter().any(|w| w.row == *at && w.message.contains(want)) {
                        failures.push(format!(
                            "{}: no warning at row {at} containing '{want}'; got {:?}",
                            case.name,
                            ex.warnings().iter().take(12).collect::<Vec<_>>()
                        ));
                    }
                }
                if warnings.is_empty() && !ex.warnings().is_empty() {
                    failures.push(format!("{}: unexpected warnings {:?}", case.name, ex.warnings()));
                }
                assert!(ex.warnings().len() <= MAX_WARNINGS + 1);
                if let Some(check) = case.check {
                    check(ex);
                }
                format!("kept {} rows, {} warnings", ex.len(), ex.warnings().len())
            }
            (Err(e), Kept { .. }) => {
                failures.push(format!("{}: refused with '{e}', expected to be read", case.name));
                "refused (wrongly)".into()
            }
            (Ok(ex), Refused(want)) => {
                failures.push(format!("{}: read {} rows, expected an error containing '{want}'", case.name, ex.len()));
                "read (wrongly)".into()
            }
        };
        drop(result);
        // Memory: a small constant plus a few times the input (the text, its cells, the columns).
        let bound = 16 * 1024 * 1024 + 6 * case.bytes.len();
        if peak > bound {
            failures.push(format!("{}: peak {peak} B over the bound {bound} B", case.name));
        }
        println!("{:<52} {:>12} {:>12}  {outcome}", case.name, case.bytes.len(), peak);
        // The fuzz harness's checks too, for the formats it names.
        if let How::Format(f @ ("csv" | "json")) = case.how {
            harness::run(f, &case.bytes);
        }
    }
    println!(
        "{} cases: {} files in tests/fixtures/malformed, {} generated",
        cases.len(),
        files.len(),
        cases.len() - files.len()
    );
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
