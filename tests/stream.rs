//! A file read while it downloads (`import::Stream`, the importer worker's `Reading`; a DCID
//! sheet's and the project's CSV's rows read as they arrive) gives what reading it whole gives: the same incidents in the same order, the same warnings, the same
//! error, wherever the pieces are cut (inside a row, a quoted cell, a line end, a character).
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/shared.rs"]
mod shared;

use cyber_spectrum::import::{parse_bytes, Format, Stream};

/// What reading `bytes` gives, whole or in pieces: the incidents, warnings and format name, or
/// the error's message.
fn outcome(read: cyber_spectrum::Result<(cyber_spectrum::import::Dataset, String)>) -> String {
    match read {
        Ok((data, name)) => format!("{name}\n{:?}\n{:?}\n{:?}", data.incidents, data.warnings, data.scale),
        Err(e) => format!("error: {e}"),
    }
}

/// Reads `bytes` in pieces of the given sizes (repeated), telling the stream `expected` bytes.
fn in_pieces(bytes: &[u8], format: Option<Format>, sizes: &[usize], expected: usize) -> String {
    let mut stream = Stream::new(format, expected);
    let (mut at, mut k) = (0, 0);
    while at < bytes.len() {
        let n = sizes[k % sizes.len()].min(bytes.len() - at);
        if let Err(e) = stream.push(&bytes[at..at + n]) {
            return format!("error: {e}");
        }
        at += n;
        k += 1;
    }
    outcome(stream.finish())
}

/// Whole and in many kinds of pieces, the same outcome; returns it.
fn agrees(bytes: &[u8], format: Option<Format>) -> String {
    let whole = outcome(parse_bytes(bytes, format, None));
    let mut seed = 11u64;
    let random: Vec<usize> = (0..64)
        .map(|_| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            1 + (seed >> 33) as usize % 97
        })
        .collect();
    for sizes in [&[1][..], &[2], &[3], &[5, 1], &[7], &[64], &[1000], &[65_536], &random] {
        for expected in [0, bytes.len()] {
            assert_eq!(in_pieces(bytes, format, sizes, expected), whole, "pieces of {sizes:?}, expecting {expected}");
        }
    }
    whole
}

/// `bytes` read in pieces agree with the whole, in each of `formats`, and are read as `name`.
fn reads_as(bytes: &[u8], formats: [Option<Format>; 2], name: &str) {
    for format in formats {
        let read = agrees(bytes, format);
        assert!(read.starts_with(&format!("{name}\n")), "{read}");
    }
}

/// The rows are read as they arrive: a bad row is refused by the piece that completes it.
fn refused_as_it_arrives(bytes: &[u8], format: Option<Format>, says: &str) {
    let e = Stream::new(format, 0).push(bytes).expect_err("the bad row refused as it arrives");
    assert!(e.to_string().contains(says), "{e}");
}

const QUIRKS: &str = include_str!("fixtures/dcid/quirks.csv");

#[test]
fn a_dcid_sheet_read_in_pieces_is_the_sheet_read_whole() {
    reads_as(QUIRKS.as_bytes(), [Some(Format::Dcid), None], "dcid");
    // A byte-order mark, a preamble, line ends of both kinds, a cell over three lines and
    // characters of two to four bytes, all of which a piece may cut.
    let mut lines = QUIRKS.lines();
    let header = lines.next().expect("a header");
    let mut text = format!("\u{feff}# a preamble line\r\n\"# a quoted one\"\n{header}\r\n");
    for (k, row) in lines.enumerate() {
        let row = row.replacen("Our own test text", "\"Wörds, \"\"quoted\"\"\non\r\nlines € 𝄞\"", 1);
        text.push_str(&row);
        text.push_str(if k % 2 == 0 { "\r\n" } else { "\n" });
        text.push_str("\n,,,\n"); // a blank row and one of empty cells, counted but not read
    }
    let read = agrees(text.as_bytes(), None);
    assert!(read.contains("𝄞"), "{read}");
}

#[test]
fn a_bad_file_read_in_pieces_fails_as_it_does_whole() {
    let (header, rest) = QUIRKS.split_once('\n').expect("a header");
    let mut bad_row = format!("{header}\n{rest}");
    bad_row.push_str(",731732,N Korea,S Korea,No number,2013-03-20,,4.1,1,731\n");
    let mut not_utf8 = QUIRKS.as_bytes().to_vec();
    not_utf8.splice(300..300, [b'x', 0xC3, b'(']);
    let unclosed = format!("{QUIRKS}7,731732,N Korea,S Korea,\"Never closed,2013-03-20\n8,1,2\n");
    let cases: [(&[u8], Option<Format>, &str); 7] = [
        (bad_row.as_bytes(), Some(Format::Dcid), "Cyberincidentnum"),
        (&not_utf8, None, "not UTF-8"),
        (unclosed.as_bytes(), None, "never closes"),
        (b"", Some(Format::Dcid), "empty"),
        (b" \n\n", None, "empty"),
        (b"Cyberincidentnum,Dyadpair,StateA,StateB\n", Some(Format::Dcid), "lacks the columns"),
        (
            b"Cyberincidentnum,Dyadpair,StateA,StateB,Name,interactionstartdate,method,targettype,initiator,severity\n",
            None,
            "no incidents",
        ),
    ];
    for format in [Some(Format::Dcid), None] {
        refused_as_it_arrives(bad_row.as_bytes(), format, "Cyberincidentnum");
    }
    for (bytes, format, says) in cases {
        let read = agrees(bytes, format);
        assert!(read.starts_with("error: ") && read.contains(says), "{says}: {read}");
    }
}

const SMALL: &str = include_str!("fixtures/small.csv");

#[test]
fn the_projects_csv_read_in_pieces_is_the_file_read_whole() {
    reads_as(SMALL.as_bytes(), [Some(Format::Csv), None], "csv");
    // A preamble as the explorer's download writes it, line ends of both kinds, a cell over lines.
    let mut text = String::from("\"# cyber-spectrum: 5 incidents\"\r\n\"# Filters: none\"\r\n");
    for (k, line) in SMALL.lines().enumerate() {
        text.push_str(&line.replacen("First test incident", "\"First, on\r\ntwo lines é\"", 1));
        text.push_str(if k % 2 == 0 { "\r\n" } else { "\n" });
    }
    let read = agrees(text.as_bytes(), None);
    assert!(read.contains("two lines é"), "{read}");
    // A row is refused by the piece that completes it, and as reading the whole refuses it.
    let first_row = SMALL.lines().nth(1).expect("a row");
    let repeated = format!("{SMALL}{first_row}\n");
    refused_as_it_arrives(repeated.as_bytes(), None, "duplicate id 'a'");
    let read = agrees(repeated.as_bytes(), Some(Format::Csv));
    assert!(read.starts_with("error: ") && read.contains("duplicate id 'a'"), "{read}");
}

#[test]
fn other_formats_are_read_whole_at_the_end() {
    for (bytes, format) in [
        (&include_bytes!("fixtures/small.json")[..], Some(Format::Json)),
        (&include_bytes!("fixtures/small.csv")[..], Some(Format::Dcid)),
        (QUIRKS.as_bytes(), Some(Format::Csv)),
        (&include_bytes!("fixtures/small.json")[..], Some(Format::Csv)),
        (&include_bytes!("fixtures/small.csv")[..], Some(Format::Eurepoc)),
    ] {
        agrees(bytes, format);
    }
}

#[test]
fn the_real_dcid_file_read_as_it_downloads_is_the_file_read_whole() {
    let Some(path) = shared::shared_file("data/dcid-v2.0/DCID_2.0_incidents.csv") else { return };
    let bytes = std::fs::read(path).expect("the DCID file reads");
    let whole = outcome(parse_bytes(&bytes, None, None));
    assert!(whole.starts_with("dcid\n"), "{}", &whole[..whole.len().min(300)]);
    for sizes in [&[65_536][..], &[1_000, 17, 4_093]] {
        assert_eq!(in_pieces(&bytes, None, sizes, bytes.len()), whole, "pieces of {sizes:?}");
    }
}
