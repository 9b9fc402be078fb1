//! Browser tests of the JavaScript seam (wasm-bindgen-test in headless Chromium): the exports take
//! and return the documented shapes, bad input becomes a JS `Error` naming row and column, and
//! drawing leaves pixels on a canvas sized for the screen's devicePixelRatio.
#![cfg(all(target_arch = "wasm32", feature = "importer"))]

use cyber_spectrum::web::import::{columns, import_file, Reading};
use cyber_spectrum::web::Explorer;
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The bundled dataset as the page starts it: from the incidents' columns served beside the module.
fn bundled() -> Explorer {
    Explorer::bundled(include_bytes!("../src/explorer/bundled.parts")).expect("bundled loads")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("property")
}

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("valid JSON")
}

/// The message of the `Error` an export threw.
fn thrown(e: JsError) -> String {
    let v: JsValue = e.into();
    let err: js_sys::Error = v.dyn_into().expect("an Error instance");
    err.message().into()
}

const SMALL: &str = include_str!("fixtures/small.csv");

#[wasm_bindgen_test]
fn stats_have_the_documented_shape() {
    let ex = imported(SMALL.as_bytes(), Some("auto"), JsValue::NULL).expect("loads");
    let s = ex.stats(JsValue::UNDEFINED).expect("stats");
    assert_eq!(get(&s, "total").as_f64(), Some(6.0));
    for key in ["byInitiator", "byTarget", "dyads", "byYear", "severityCounts"] {
        assert!(Array::is_array(&get(&s, key)), "{key} is an array");
    }
    let first = Array::from(&get(&s, "byInitiator")).get(0);
    assert_eq!(get(&first, "code").as_string().as_deref(), Some("PRK"));
    assert_eq!(get(&first, "name").as_string().as_deref(), Some("North Korea"));
    assert_eq!(get(&first, "count").as_f64(), Some(4.0));
    assert!((get(&first, "share").as_f64().unwrap() - 4.0 / 6.0).abs() < 1e-9);
    let dyad = Array::from(&get(&s, "dyads")).get(0);
    assert_eq!(get(&dyad, "initiator").as_string().as_deref(), Some("PRK"));
    assert_eq!(get(&dyad, "target").as_string().as_deref(), Some("KOR"));
    let year = Array::from(&get(&s, "byYear")).get(1);
    assert_eq!(get(&year, "year").as_f64(), Some(2011.0));
    assert!(get(&year, "maxSeverity").is_null(), "a year with nothing coded has maxSeverity null");
    assert_eq!(Array::from(&get(&s, "severityCounts")).length(), 11);
    for (key, want) in [
        ("notCoded", 1.0),
        ("medianSeverity", 4.0),
        ("maxSeverity", 8.0),
        // The default reading (Tallinn experts): Foxtrot (8) reaches both; Bravo (6) turns on
        // physical effects this file does not code.
        ("atOrAboveUseOfForce", 1.0),
        ("atOrAboveArmedAttack", 1.0),
        ("undecidedUseOfForce", 1.0),
        ("firstYear", 2010.0),
        ("lastYear", 2016.0),
    ] {
        assert_eq!(get(&s, key).as_f64(), Some(want), "{key}");
    }
    assert!((get(&s, "meanSeverity").as_f64().unwrap() - 4.6).abs() < 1e-9);
    assert_eq!(get(&s, "reading").as_string().as_deref(), Some("tallinn"));
    // The reading is a filter field: it moves the figures, and an unknown one names the known.
    let s = ex.stats(js(r#"{"reading": "dcid-ladder"}"#)).expect("stats");
    assert_eq!(get(&s, "atOrAboveArmedAttack").as_f64(), Some(0.0));
    assert_eq!(get(&s, "useOfForceRule").as_string().as_deref(), Some("level 7 or above"));
    let msg = thrown(ex.stats(js(r#"{"reading": "atlantis"}"#)).err().expect("refused"));
    assert!(msg.contains("atlantis") && msg.contains("tallinn"), "{msg}");
    let rows = Array::from(&ex.compare(JsValue::UNDEFINED).expect("compare"));
    assert!(rows.length() >= 12);
    assert_eq!(get(&rows.get(0), "id").as_string().as_deref(), Some("tallinn"));
    let a = ex.assess(5, js(r#"{"reading": "united-states"}"#)).expect("assess");
    assert_eq!(get(&a, "readingName").as_string().as_deref(), Some("United States"));
}

#[wasm_bindgen_test]
fn filters_are_plain_objects_and_incidents_come_back_as_objects() {
    let ex = imported(SMALL.as_bytes(), None, JsValue::NULL).expect("loads");
    let list = ex.incidents(js(r#"{"initiators": ["PRK"], "minSeverity": 5}"#)).expect("incidents");
    let list = Array::from(&list);
    assert_eq!(list.length(), 2);
    let b = list.get(0);
    assert_eq!(get(&b, "id").as_string().as_deref(), Some("b"));
    assert_eq!(get(&b, "precision").as_string().as_deref(), Some("month"));
    assert_eq!(get(&b, "targetType").as_string().as_deref(), Some("private"));
    assert_eq!(Array::from(&get(&b, "targets")).length(), 2);
    assert_eq!(Array::from(&get(&b, "sources")).length(), 2);
    let warnings = Array::from(&ex.warnings().expect("warnings"));
    assert_eq!(warnings.length(), 0);
    let odd = imported(b"id,name,start,initiator,targets,colour\nx,X,2015,PRK,KOR,red\n", None, JsValue::NULL)
        .expect("loads");
    let w = Array::from(&odd.warnings().expect("warnings")).get(0);
    assert_eq!(get(&w, "row").as_f64(), Some(0.0));
    assert_eq!(get(&w, "column").as_string().as_deref(), Some("colour"));
    let none = ex.stats(js(r#"{"from": 2013, "to": 2013}"#)).expect("stats");
    assert_eq!(get(&none, "total").as_f64(), Some(0.0));
}

#[wasm_bindgen_test]
fn bad_input_throws_errors_that_say_where() {
    let bad = "id,name,start,initiator,targets,severity\nx,X,2015,PRK,KOR,2\ny,Y,2015,PRK,KOR,11\n";
    let msg = imported(bad.as_bytes(), Some("csv"), JsValue::NULL).err().expect("refused");
    assert!(msg.contains("row 2") && msg.contains("column 'severity'"), "{msg}");
    let ex = bundled();
    let msg = thrown(ex.stats(js(r#"{"initiator": ["PRK"]}"#)).err().expect("unknown field refused"));
    assert!(msg.contains("unknown field `initiator`"), "{msg}");
    let msg = thrown(ex.stats(js(r#"{"targets": ["Atlantis"]}"#)).err().expect("unknown country refused"));
    assert!(msg.contains("'targets'") && msg.contains("Atlantis"), "{msg}");
    let msg = thrown(ex.stats(js(r#"{"from": "2009"}"#)).err().expect("string year refused"));
    assert!(msg.contains("filter"), "{msg}");
    // Each kind of field names itself when its value is of another kind; null sets nothing.
    for (filter, field) in [
        (r#"{"minSeverity": 300}"#, "'minSeverity'"),
        (r#"{"to": 2009.5}"#, "'to'"),
        (r#"{"initiators": "PRK"}"#, "'initiators'"),
        (r#"{"methods": [1]}"#, "'methods'"),
        (r#"{"search": 7}"#, "'search'"),
    ] {
        let msg = thrown(ex.stats(js(filter)).err().expect("refused"));
        assert!(msg.contains(field), "{filter}: {msg}");
    }
    let all = get(&ex.stats(JsValue::UNDEFINED).unwrap(), "total");
    assert_eq!(get(&ex.stats(js(r#"{"from": null, "initiators": null}"#)).unwrap(), "total"), all);
    let json =
        imported(include_bytes!("fixtures/small.json"), None, JsValue::NULL).expect("JSON, the browser's parser");
    assert_eq!(get(&json.stats(JsValue::UNDEFINED).unwrap(), "total").as_f64(), Some(2.0));
    let msg = imported(br#"[{"id": "x1", "name": "Bad","#, None, JsValue::NULL).err().expect("truncated JSON refused");
    assert!(msg.contains("invalid JSON"), "{msg}");
    let msg = imported(b"", None, JsValue::NULL).err().expect("empty refused");
    assert!(msg.contains("empty"), "{msg}");
}

fn canvas(w: u32, h: u32) -> HtmlCanvasElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = doc.create_element("canvas").unwrap().dyn_into().unwrap();
    c.set_attribute("style", &format!("display:block;width:{w}px;height:{h}px")).unwrap();
    doc.body().unwrap().append_child(&c).unwrap();
    c
}

/// Pixels that differ from the white background.
fn inked(c: &HtmlCanvasElement) -> usize {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx.get_image_data(0.0, 0.0, c.width() as f64, c.height() as f64).unwrap().data();
    data.chunks(4).filter(|p| p[0] < 240 || p[1] < 240 || p[2] < 240).count()
}

/// The importer module's surface, handed over to the explorer module as the page does it.
fn imported(bytes: &[u8], format: Option<&str>, mapping: JsValue) -> Result<Explorer, String> {
    let result = import_file(bytes, format.map(str::to_string), mapping).map_err(thrown)?;
    Explorer::from_import(result).map_err(thrown)
}

#[wasm_bindgen_test]
fn workbooks_and_other_formats_come_in_through_the_importer() {
    let ex = imported(include_bytes!("fixtures/xlsx/small.xlsx"), None, JsValue::NULL).expect("workbook reads");
    assert_eq!(get(&ex.stats(JsValue::UNDEFINED).unwrap(), "total").as_f64(), Some(3.0));
    let msg = imported(include_bytes!("fixtures/xlsx/truncated.xlsx"), None, JsValue::NULL).err().expect("refused");
    assert!(msg.contains("damaged or truncated"), "{msg}");

    let eurepoc = imported(include_bytes!("fixtures/eurepoc/sample.csv"), None, JsValue::NULL).expect("EuRepoC reads");
    let f = eurepoc.facets().unwrap();
    assert_eq!(get(&get(&f, "scale"), "key").as_string().as_deref(), Some("eurepoc-intensity"));
    assert!(!get(&get(&f, "scale"), "readings").as_bool().unwrap_or(true));
    assert_eq!(Array::from(&get(&f, "readings")).length(), 0, "no legal reading applies to EuRepoC's scale");
    let warnings = Array::from(&eurepoc.warnings().unwrap());
    assert!(warnings.length() >= 5, "the importer's warnings travel with the data");
    assert_eq!(get(&warnings.get(0), "row").as_f64(), Some(2.0));

    let mapping = js(r#"{"start": "When", "initiator": "Attacker", "targets": "Victim country", "severity": "Score"}"#);
    let mapped =
        imported(include_bytes!("fixtures/mapped/newsroom.json"), Some("mapped"), mapping).expect("mapped JSON reads");
    assert_eq!(get(&mapped.stats(JsValue::UNDEFINED).unwrap(), "total").as_f64(), Some(3.0));
    let msg = imported(b"a,b\n1,2\n", Some("mapped"), js(r#"{"start": "a", "attacker": "b"}"#)).err().expect("refused");
    assert!(msg.contains("unknown field 'attacker'"), "{msg}");
    assert_eq!(columns(include_bytes!("fixtures/mapped/newsroom.csv")).unwrap().len(), 8);
}

/// A file given to the importer in pieces, as the worker gives it a download (`Reading`), crosses
/// into the explorer as the same data as the whole file (`importFile`); a piece that shows a
/// problem ends the reading, and says where.
#[wasm_bindgen_test]
fn a_file_read_in_pieces_hands_over_what_the_whole_file_does() {
    let stats = |ex: &Explorer| JSON::stringify(&ex.stats(JsValue::UNDEFINED).unwrap()).unwrap().as_string();
    let warnings = |ex: &Explorer| JSON::stringify(&ex.warnings().unwrap()).unwrap().as_string();
    for (bytes, format) in [
        (&include_bytes!("fixtures/dcid/quirks.csv")[..], None),
        (&include_bytes!("fixtures/small.csv")[..], Some("csv")),
        (&include_bytes!("fixtures/eurepoc/sample.csv")[..], None),
    ] {
        let whole = imported(bytes, format, JsValue::NULL).expect("reads whole");
        let mut reading = Reading::new(format.map(str::to_string), Some(bytes.len() as f64)).expect("a reading");
        for piece in bytes.chunks(37) {
            reading.push(&js_sys::Uint8Array::from(piece)).expect("a piece");
        }
        let pieces = Explorer::from_import(reading.finish().map_err(thrown).expect("reads")).expect("taken in");
        assert_eq!(stats(&pieces), stats(&whole));
        assert_eq!(warnings(&pieces), warnings(&whole));
        assert!(reading.finish().is_err(), "a reading gives its file once");
    }
    let small = include_str!("fixtures/small.csv");
    let repeated = format!("{small}{}\n", small.lines().nth(1).unwrap_or_default());
    let mut reading = Reading::new(None, None).expect("a reading");
    let msg = thrown(reading.push(&js_sys::Uint8Array::from(repeated.as_bytes())).expect_err("refused as it arrives"));
    assert!(msg.contains("duplicate id 'a'"), "{msg}");
    let msg = thrown(reading.push(&js_sys::Uint8Array::from(&b"x"[..])).expect_err("ended"));
    assert!(msg.contains("finished, or failed"), "{msg}");
}

/// The browser's JSON.parse reads JSON in the importer (not serde_json as natively), so the
/// malformed-JSON cases run here as well: depth, NaN, numbers beyond f64.
#[wasm_bindgen_test]
fn hostile_json_is_refused_by_the_importer_in_the_browser() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let msg = imported(deep.as_bytes(), Some("json"), JsValue::NULL).err().expect("refused");
    assert!(msg.contains("nested more than 64 levels deep"), "{msg}");
    let deep = format!("[{}1{}]", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    let msg = imported(deep.as_bytes(), Some("json"), JsValue::NULL).err().expect("refused");
    assert!(msg.contains("nested more than 64 levels deep"), "{msg}");
    let msg = imported(include_bytes!("fixtures/malformed/json-nan.json"), None, JsValue::NULL).err().expect("refused");
    assert!(msg.contains("invalid JSON"), "{msg}");
    let msg = imported(include_bytes!("fixtures/malformed/json-huge-number.json"), None, JsValue::NULL)
        .err()
        .expect("refused");
    assert!(msg.contains("row 1, column 'severity'"), "{msg}");
    let msg =
        imported(include_bytes!("fixtures/malformed/invalid-utf8.csv"), None, JsValue::NULL).err().expect("refused");
    assert!(msg.contains("line 3, byte 8 of the line"), "{msg}");
}

#[wasm_bindgen_test]
fn drawing_fills_a_hidpi_canvas_and_follows_the_filter() {
    let ex = bundled();
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    for view in ["spectrum", "timeline", "responses"] {
        let c = canvas(640, 400);
        let drawn = ex.draw(&c, view, JsValue::UNDEFINED, None, None, None).expect("draws");
        assert_eq!(drawn.width(), 640);
        // At 640 px the timeline shows counts where its years are crowded; on a wider canvas, a
        // mark per incident.
        assert!(drawn.marks() >= 40 || (view != "spectrum" && drawn.aggregated()), "{view}: {} marks", drawn.marks());
        let wide = ex.draw(&canvas(1240, 460), view, JsValue::UNDEFINED, None, None, None).expect("draws");
        assert!(!wide.aggregated() && wide.marks() >= 100, "{view}: {} marks at 1240 px", wide.marks());
        assert_eq!(c.width(), (640.0 * dpr).round() as u32, "backing store follows devicePixelRatio");
        let all = inked(&c);
        assert!(all > 5_000, "{view}: only {all} inked pixels");
        let one = ex.draw(&c, view, js(r#"{"search": "WannaCry"}"#), None, None, None).expect("draws");
        assert_eq!(one.marks(), 1);
        let fewer = inked(&c);
        // (The responses chart shades its lawful cells whatever the selection, and at 640 px all
        // incidents are counts, not marks: one mark may ink more than the counts did.)
        assert!(fewer != all && fewer > 1_000, "{view}: {fewer} vs {all} inked pixels");
        assert!(fewer < all || view == "responses", "{view}: {fewer} vs {all} inked pixels");
        // The one mark is found where it was drawn and leads to its record; far away, nothing.
        let m = one.mark(0);
        let n = |o: &JsValue, k: &str| get(o, k).as_f64().unwrap_or_else(|| panic!("{k} is not a number"));
        assert!(one.mark(1).is_undefined(), "no mark past the end");
        assert_eq!(one.hit(n(&m, "x") + 3.0, n(&m, "y"), None), 0);
        assert_eq!(one.hit(1.0, 399.0, Some(4.0)), -1);
        let record = ex.record(n(&m, "incident") as usize).expect("a record");
        assert!(get(&record, "name").as_string().unwrap().contains("WannaCry"));
        assert_eq!(one.find(n(&m, "incident") as usize), 0);
        assert!(ex.record(100_000).unwrap().is_undefined());
        // Its band counts it.
        let band = one.band(n(&m, "x"), n(&m, "y"));
        assert_eq!((n(&band, "key"), n(&band, "count")), (n(&m, "group"), 1.0), "{view}: band key and count");
        // An explicit scale sizes the backing store for a sharp download.
        ex.draw(&c, view, JsValue::UNDEFINED, Some(2.0), None, None).expect("draws at 2x");
        assert_eq!(c.width(), 1280);
    }
    let msg = thrown(
        ex.draw(&canvas(300, 300), "pie", JsValue::UNDEFINED, None, None, None).err().expect("bad view refused"),
    );
    assert!(msg.contains("unknown view 'pie'"), "{msg}");
}

/// Every mark the layout reports shows on the canvas as it should: the charts draw marks of one
/// style together (src/web/canvas.rs), and neither the last of them nor any covered by a fill
/// drawn out of turn may go missing: each filled mark apart from the others shows ink at its
/// centre. (A hollow mark, a suspected attribution, is an outline round a few pixels of
/// background, and a reference incident's centre carries a dot of a pixel or two: both are left
/// out.)
#[wasm_bindgen_test]
fn every_mark_shows_where_the_layout_puts_it() {
    let ex = bundled();
    for view in ["spectrum", "timeline", "responses"] {
        let c = canvas(1240, 460);
        let drawn = ex.draw(&c, view, JsValue::UNDEFINED, Some(1.0), None, None).expect("draws");
        let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
        let data = ctx.get_image_data(0.0, 0.0, f64::from(c.width()), f64::from(c.height())).unwrap().data();
        let n = |o: &JsValue, k: &str| get(o, k).as_f64().unwrap_or_else(|| panic!("{k} is not a number"));
        let marks: Vec<(f64, f64, f64, usize)> = (0..drawn.marks())
            .map(|k| drawn.mark(k))
            .map(|m| (n(&m, "x"), n(&m, "y"), n(&m, "r"), n(&m, "incident") as usize))
            .collect();
        let mut checked = 0;
        for (k, &(x, y, _, incident)) in marks.iter().enumerate() {
            // Only where no other mark reaches this one's centre.
            if marks.iter().enumerate().any(|(j, &(x2, y2, r2, _))| j != k && (x - x2).hypot(y - y2) <= r2 + 1.5) {
                continue;
            }
            let record = ex.record(incident).expect("a record");
            let hollow = get(&record, "certainty").as_string().as_deref() == Some("suspected");
            if hollow || get(&record, "scope").as_string().as_deref() == Some("reference") {
                continue;
            }
            let i = (y.round() as usize * c.width() as usize + x.round() as usize) * 4;
            let pixel = &data[i..i + 3];
            let name = get(&record, "name").as_string().unwrap_or_default();
            assert!(pixel.iter().any(|&v| v < 200), "{view}: mark {k} ({name}) at ({x}, {y}) shows {pixel:?}");
            checked += 1;
        }
        assert!(checked >= 20, "{view}: only {checked} filled marks clear of the others");
    }
}

#[wasm_bindgen_test]
fn the_timeline_draws_its_context_lane_only_when_asked_and_finds_an_event_under_the_pointer() {
    let ex = bundled();
    let events = ex.context().expect("the context list");
    let list: js_sys::Array = events.dyn_into().expect("an array");
    let k =
        list.iter().position(|e| get(&e, "date").as_string().as_deref() == Some("2017-09-03")).expect("the sixth test");
    let c = canvas(1240, 460);
    let filter = js(r#"{"initiators": ["PRK"], "from": 2016, "to": 2018}"#);
    let off = ex.draw(&c, "timeline", filter.clone(), None, None, None).expect("draws");
    assert!(off.event_mark(k).is_undefined(), "no lane unless asked");
    let on = ex.draw(&c, "timeline", filter, None, Some(true), None).expect("draws");
    let m = on.event_mark(k);
    let n = |o: &JsValue, key: &str| get(o, key).as_f64().unwrap();
    // The sixth test sits five days after a missile launch: the pointer on it finds one of the two.
    let found = on.event(n(&m, "x"), n(&m, "y"), None);
    assert!(found == k as i32 || found == k as i32 - 1, "{found} vs {k}");
    assert_eq!(on.event(n(&m, "x"), n(&m, "y") + 200.0, None), -1, "nothing down in the plot");
    // The packed text of a publisher's own file replaces the events; a bad one names its row.
    let mut mine = bundled();
    let packed = "id\u{1f}date\u{1f}kind\u{1f}name\u{1e}a\u{1f}2017-01-01\u{1f}crisis\u{1f}A\u{1e}";
    assert_eq!(mine.set_context(packed).expect("read"), 1);
    let bad = "id\u{1f}date\u{1f}kind\u{1f}name\u{1e}a\u{1f}2017-13-01\u{1f}crisis\u{1f}A\u{1e}";
    let msg = thrown(mine.set_context(bad).err().expect("refused"));
    assert!(msg.contains("row 1, column 'date'"), "{msg}");
}

/// The corner pixel of a canvas (its background).
fn corner(c: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    ctx.get_image_data(0.0, 0.0, 1.0, 1.0).unwrap().data().to_vec()
}

#[wasm_bindgen_test]
fn the_theme_comes_from_css_custom_properties() {
    let ex = bundled();
    let c = canvas(400, 300);
    ex.draw(&c, "spectrum", JsValue::UNDEFINED, None, None, None).expect("draws");
    assert_eq!(&corner(&c)[..3], &[255, 255, 255], "the default background");
    c.style().set_property("--cs-bg", "rgb(20, 30, 40)").unwrap();
    c.style().set_property("--cs-text", "#eee").unwrap();
    c.style().set_property("--cs-step", "not-a-colour").unwrap();
    let drawn = ex.draw(&c, "timeline", JsValue::UNDEFINED, None, None, None).expect("draws");
    assert_eq!(&corner(&c)[..3], &[20, 30, 40], "the custom background");
    let issues = drawn.theme_issues();
    assert_eq!(issues.len(), 1);
    let issue = &issues[0];
    assert!(issue.contains("--cs-step") && issue.contains("not-a-colour"), "{issue}");
}

#[wasm_bindgen_test]
fn filters_come_from_attribute_parameters_and_go_back() {
    let ex = bundled();
    let f = ex
        .filter_from_params(js(r#"{"from": "2009", "initiators": "prk, RU", "min-severity": 3, "view": "timeline"}"#))
        .expect("parses");
    assert_eq!(
        JSON::stringify(&f).unwrap().as_string().unwrap(),
        r#"{"from":2009,"initiators":["PRK","RUS"],"minSeverity":3}"#
    );
    let params = cyber_spectrum::web::filter_to_params(f).expect("back to parameters");
    assert_eq!(
        JSON::stringify(&params).unwrap().as_string().unwrap(),
        r#"[["from","2009"],["initiators","PRK,RUS"],["min-severity","3"]]"#
    );
    let msg = thrown(ex.filter_from_params(js(r#"{"targets": "KOR,Atlantis"}"#)).err().expect("refused"));
    assert!(msg.starts_with("targets: unknown country 'Atlantis'"), "{msg}");
    let msg = thrown(ex.filter_from_params(js(r#"{"to": "later"}"#)).err().expect("refused"));
    assert!(msg.starts_with("to=\"later\": not a year"), "{msg}");
}

/// The bundled incidents come as a file beside the module: a damaged or wrong one (a host's error
/// page served in its place) is refused with a message that names it, never a panic.
#[wasm_bindgen_test]
fn damaged_bundled_columns_are_refused_by_name() {
    let parts = include_bytes!("../src/explorer/bundled.parts");
    for bad in [&parts[..parts.len() - 1], b"<!doctype html><title>404</title>".as_slice(), &[]] {
        let message = thrown(Explorer::bundled(bad).err().expect("refused"));
        assert!(message.contains("bundled dataset is invalid"), "{message}");
    }
}

/// The module leaves the bundled dataset's long texts out and takes them back from the file the
/// page fetches (the end-to-end tests use the real file).
#[wasm_bindgen_test]
fn the_bundled_dataset_starts_without_its_long_texts_and_takes_them_back() {
    let mut ex = bundled();
    assert!(ex.needs_text());
    let k = ex.index_of("2014-sony-pictures");
    assert!(k >= 0);
    let r = ex.record(k as usize).expect("record");
    assert_eq!(get(&r, "description").as_string().as_deref(), Some(""));
    assert!(get(&r, "name").as_string().is_some_and(|n| n.contains("Sony")), "names stay in the module");
    // The text file gives every incident, in the store's order, its id and the fields after its
    // name, separated by U+001F, each row ended by U+001C (see Store::long_texts).
    let all: Array = (0..).map_while(|k| Some(ex.record(k).expect("record")).filter(|r| !r.is_undefined())).collect();
    assert!(get(&r, "attributionDate").is_undefined() || get(&r, "attributionDate").is_null());
    let texts = |first_id: &str| {
        let ids = all.iter().map(|i| get(&i, "id").as_string().expect("id"));
        let rows = ids.enumerate().map(|(k, id)| match id.as_str() {
            "2014-sony-pictures" => {
                format!("{id}\u{1f}R\u{1f}FBI\u{1f}What happened\u{1f}https://example.org/s\u{1f}\u{1f}2014-12-19")
            }
            _ if k == 0 => format!("{first_id}\u{1f}\u{1f}\u{1f}\u{1f}\u{1f}\u{1f}"),
            _ => format!("{id}\u{1f}\u{1f}\u{1f}\u{1f}\u{1f}\u{1f}"),
        });
        rows.map(|r| r + "\u{1c}").collect::<String>()
    };
    let first = get(&all.get(0), "id").as_string().expect("id");
    let msg = thrown(ex.attach_text(&texts("nope")).err().expect("refused"));
    assert!(msg.contains("nope") && msg.contains(&first), "{msg}");
    assert!(ex.needs_text());
    let n = ex.attach_text(&texts(&first)).expect("attaches");
    assert_eq!(n, all.length() as usize);
    assert!(!ex.needs_text());
    let r = ex.record(k as usize).expect("record");
    assert_eq!(get(&r, "description").as_string().as_deref(), Some("What happened"));
    assert_eq!(Array::from(&get(&r, "sources")).length(), 1);
    assert_eq!(get(&r, "attributionDate").as_string().as_deref(), Some("2014-12-19"));
    assert!(get(&r, "name").as_string().is_some_and(|n| n.contains("Sony")), "names kept");
}

#[wasm_bindgen_test]
fn compared_panels_stack_down_the_canvas_and_their_marks_are_each_states_incidents() {
    let ex = bundled();
    let filter = js(r#"{"initiators": ["PRK", "RUS"]}"#);
    let panels: js_sys::Array = ex.panels(filter.clone(), "initiator").expect("panels").dyn_into().expect("an array");
    let names: Vec<String> = panels.iter().map(|p| get(&p, "name").as_string().unwrap()).collect();
    assert_eq!(names, ["North Korea", "Russia"]);
    let c = canvas(1000, 600);
    let drawn = ex.draw(&c, "spectrum", filter.clone(), None, None, Some("initiator".into())).expect("draws");
    let n = |o: &JsValue, k: &str| get(o, k).as_f64().unwrap();
    // Every mark of the lower panel is a Russian incident, every mark of the upper one North Korea's.
    for k in 0..drawn.marks() {
        let m = drawn.mark(k);
        let record = ex.record(n(&m, "incident") as usize).expect("a record");
        let initiator = get(&record, "initiator").as_string().unwrap();
        assert_eq!(initiator, if n(&m, "y") > 300.0 { "RUS" } else { "PRK" }, "mark {k}");
    }
    let one = ex.draw(&c, "spectrum", filter.clone(), None, None, None).expect("draws");
    assert_eq!(one.marks(), drawn.marks(), "the same incidents, split");
    let msg =
        thrown(ex.draw(&c, "spectrum", filter.clone(), None, None, Some("sideways".into())).err().expect("refused"));
    assert!(msg.contains("compare: 'sideways' is not one of: initiator, target"), "{msg}");
    // Too short a canvas for its panels says how tall each must be.
    let msg = thrown(
        ex.draw(&canvas(600, 200), "spectrum", filter, None, None, Some("initiator".into())).err().expect("too short"),
    );
    assert!(msg.contains("2 panels need at least 144 px each"), "{msg}");
}
