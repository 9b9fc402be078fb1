//! Responses and context in the core: linking by incident id, the figures for a selection (counts
//! per kind, none known, median delays) on a hand-built fixture, the clustering statistic against
//! a hand computation, the filter, the cards' records, and the bundled files as the explorer reads
//! them (Sony's responses, the 2017 nuclear test).
#![cfg(not(target_arch = "wasm32"))]

use cyber_spectrum::events::{self, Event, Linked, Response};
use cyber_spectrum::import::table::read_csv;
use cyber_spectrum::model::{ContextKind, PartialDate, ResponseKind};
use cyber_spectrum::store::Store;
use cyber_spectrum::{Explorer, Filter};

fn date(s: &str) -> PartialDate {
    PartialDate::parse(s).unwrap()
}

/// Three incidents (a: 2014-01-01, b: 2014-03-01, c: 2014-06) and their responses.
fn fixture() -> (Store, Linked) {
    let csv = "id,name,start,initiator,targets,severity\n\
               a,A,2014-01-01,PRK,KOR,3\nb,B,2014-03-01,PRK,USA,5\nc,C,2014-06,RUS,UKR,2\n";
    let mut store = Explorer::from_text(csv, "csv").unwrap().store().clone();
    let table = read_csv(
        "id,date,responder,tier,incidents\n\
         r1,2014-01-11,KOR,attribution,a\n\
         r2,2014-01-31,USA;KOR,joint-attribution,a\n\
         r3,2014-04-30,USA,sanctions,b\n\
         r4,2014-12-31,,none-known,c\n\
         r5,2014-03-11,UN,un-finding,b\n",
    )
    .unwrap();
    let list = events::responses_from(&table, "responses.csv").unwrap();
    let linked = Linked::link(list, &mut store).unwrap();
    (store, linked)
}

#[test]
fn responses_link_to_rows_and_give_each_its_kinds() {
    let (store, linked) = fixture();
    let bits = |kinds: &[ResponseKind]| kinds.iter().fold(0, |b, k| b | k.bit());
    use ResponseKind::*;
    assert_eq!(store.response_kinds(0), Some(bits(&[Attribution, JointAttribution])));
    assert_eq!(store.response_kinds(1), Some(bits(&[Sanctions, UnFinding])));
    assert_eq!(store.response_kinds(2), Some(0), "none known is no kind at all");
    let dates: Vec<String> = linked.of_row(1).map(|r| r.date.unwrap().to_string()).collect();
    assert_eq!(dates, ["2014-03-11", "2014-04-30"], "in date order");
    // A response naming an incident the data lacks is refused, naming both.
    let mut other = store.clone();
    let stray = vec![Response { id: "r9".into(), incidents: vec!["zz".into()], ..linked.list[0].clone() }];
    let e = Linked::link(stray, &mut other).unwrap_err().to_string();
    assert!(e.contains("'r9'") && e.contains("'zz'"), "{e}");
}

#[test]
fn bad_rows_are_named_by_file_row_and_column() {
    let bad = |csv: &str| events::responses_from(&read_csv(csv).unwrap(), "responses.csv").unwrap_err().to_string();
    let head = "id,date,responder,tier,incidents\n";
    assert_eq!(
        bad(&format!("{head}r1,2014-02-30,USA,attribution,a\n")),
        "responses.csv row 1, column 'date': '2014-02-30' is not a real day (2014-02 has 28 days)"
    );
    assert!(bad(&format!("{head}r1,2014,USA,apology,a\n"))
        .starts_with("responses.csv row 1, column 'tier': 'apology' is not one of: none-known"));
    assert!(bad(&format!("{head}r1,2014,Atlantis,attribution,a\n")).contains("column 'responder': 'Atlantis'"));
    assert!(bad(&format!("{head}r1,2014,USA,attribution,\n")).contains("column 'incidents': names no incident"));
    assert_eq!(bad("id,date,tier\n"), "responses.csv: the column 'responder' is missing");
    let ctx = |csv: &str| events::context_from(&read_csv(csv).unwrap(), "context.csv").unwrap_err().to_string();
    assert!(ctx("id,date,end,kind,name\ne,2014-05,2014-04,crisis,E\n").contains("column 'end': is before the date"));
    assert!(ctx("id,date,end,kind,name\ne,2014,,parade,E\n").contains("'parade' is not one of: nuclear-test"));
}

#[test]
fn response_figures_for_a_selection_match_a_hand_count() {
    let (store, linked) = fixture();
    let s = events::response_stats(&linked, &store, &[0, 1, 2]);
    let kinds: Vec<(&str, usize)> = s.by_kind.iter().map(|k| (k.value, k.count)).collect();
    assert_eq!(kinds, [("attribution", 1), ("un-finding", 1), ("joint-attribution", 1), ("sanctions", 1)]);
    assert_eq!(s.none_known, 1);
    // First attribution: a after 10 days (r1, before the joint r2), b after 10 (the UN's r5).
    assert_eq!((s.attributed, s.median_days_to_attribution), (2, Some(10.0)));
    let a_only = events::response_stats(&linked, &store, &[0]);
    assert_eq!(a_only.median_days_to_attribution, Some(10.0));
    // First legal measure: b's sanctions, 60 days after 1 March.
    assert_eq!((s.legal, s.median_days_to_legal), (1, Some(60.0)));
    let only_c = events::response_stats(&linked, &store, &[2]);
    assert_eq!((only_c.none_known, only_c.attributed, only_c.median_days_to_attribution), (1, 0, None));
    assert!(only_c.by_kind.is_empty());
}

#[test]
fn clustering_counts_near_events_against_an_even_spread_by_hand() {
    let (store, _) = fixture();
    let event = |d: &str, end: Option<&str>| Event {
        id: d.into(),
        date: date(d),
        end: end.map(date),
        kind: ContextKind::MissileTest,
        name: d.into(),
        description: String::new(),
        sources: vec![],
    };
    // Windows of 10 days: [2014-01-05 - 10, + 10] holds a (1 January); [2014-02-20 - 10,
    // 2014-02-25 + 10] = 10 Feb to 7 Mar holds b (1 March). c is dated to the month: not tested.
    let events = vec![event("2014-01-05", None), event("2014-02-20", Some("2014-02-25"))];
    let c = events::clustering(&events, &store, &[0, 1, 2], 10);
    assert_eq!((c.dated, c.near, c.events, c.window), (2, 2, 2, 10));
    // Covered days within 2014 (365): 26 Dec-15 Jan clipped to 1-15 Jan = 15, 10 Feb-7 Mar = 26.
    let expected = 2.0 * (15.0 + 26.0) / 365.0;
    assert!((c.expected - expected).abs() < 1e-9, "{} vs {expected}", c.expected);
    assert_eq!((c.first_year, c.last_year), (Some(2014), Some(2014)));
    // A window of 2 days: a is 4 days before the first event, b 4 days after the second.
    let c = events::clustering(&events, &store, &[0, 1, 2], 2);
    assert_eq!(c.near, 0);
    // Overlapping windows count their days once: 5 June to 17 June, 13 days.
    let twice = vec![event("2014-06-10", None), event("2014-06-12", None)];
    let c = events::clustering(&twice, &store, &[0], 5);
    assert!((c.expected - 1.0 * 13.0 / 365.0).abs() < 1e-9, "{}", c.expected);
    // Nothing selected: nothing near, nothing expected.
    let c = events::clustering(&events, &store, &[], 30);
    assert_eq!((c.dated, c.near, c.expected, c.events), (0, 0, 0.0, 0));
}

#[test]
fn the_responses_filter_selects_by_kind_and_none_known() {
    let ex = Explorer::bundled().unwrap();
    let count = |kinds: &[&str]| {
        let f = Filter { responses: Some(kinds.iter().map(|k| k.to_string()).collect()), ..Filter::default() };
        ex.select(&f).unwrap().len()
    };
    let facets = ex.facets();
    let facet = |v: &str| facets.responses.iter().find(|c| c.value == v).map_or(0, |c| c.count);
    assert_eq!(count(&["none-known"]), facet("none-known"));
    assert_eq!(count(&["sanctions"]), facet("sanctions"));
    assert!(count(&["sanctions", "indictment"]) >= count(&["sanctions"]));
    // Every incident has a response or none known: the two partition the dataset.
    let any: Vec<&str> = ResponseKind::ALL.iter().skip(1).map(|k| k.slug()).collect();
    assert_eq!(count(&any) + count(&["none-known"]), ex.len());
    let e = ex.select(&Filter { responses: Some(vec!["apology".into()]), ..Filter::default() }).unwrap_err();
    assert!(e.to_string().contains("'apology' is not one of"), "{e}");
    // Data without responses (a DCID file) refuses the filter rather than matching nothing.
    let dcid = Explorer::from_text(include_str!("fixtures/dcid/quirks.csv"), "dcid").unwrap();
    let e = dcid.select(&Filter { responses: Some(vec!["sanctions".into()]), ..Filter::default() }).unwrap_err();
    assert!(e.to_string().contains("responses are not in this data"), "{e}");
    assert!(dcid.stats(&Filter::default()).unwrap().responses.is_none());
    assert!(dcid.facets().responses.is_empty());
    // Parameters spell it as links do.
    let f = ex.filter_from_params([("responses", "Sanctions, none-known")]).unwrap();
    assert_eq!(f.responses, Some(vec!["sanctions".to_string(), "none-known".to_string()]));
}

#[test]
fn the_bundled_files_read_as_the_explorer_shows_them() {
    let ex = Explorer::bundled().unwrap();
    let sony = ex.index_of("2014-sony-pictures").unwrap();
    let list = ex.responses_of(sony).unwrap();
    let rows: Vec<(String, ResponseKind)> = list.iter().map(|r| (r.date.clone(), r.kind)).collect();
    assert_eq!(rows[0], ("2014-12-19".to_string(), ResponseKind::Attribution), "the FBI first");
    assert!(rows.contains(&("2015-01-02".to_string(), ResponseKind::Sanctions)), "then EO 13687: {rows:?}");
    assert!(rows.windows(2).all(|w| w[0].0 <= w[1].0), "in date order");
    assert!(list[0].responders == ["United States"] && list[0].days_after.is_some_and(|d| d > 0));
    assert!(!list[0].sources.is_empty() && !list[0].description.is_empty());
    let test = ex.context().iter().find(|e| e.date == date("2017-09-03")).expect("the sixth nuclear test");
    assert_eq!(test.kind, ContextKind::NuclearTest);
    let tests = ex.context().iter().filter(|e| e.kind == ContextKind::NuclearTest).count();
    assert_eq!(tests, 6, "all six nuclear tests");
    // What the browser's module reads (the coded columns) plus the texts it fetches make the same.
    let stats = ex.stats(&Filter::default()).unwrap();
    let r = stats.responses.unwrap();
    assert!(r.none_known > 0 && r.none_known < ex.len());
    let c = stats.clustering.unwrap();
    assert!(c.dated > 30 && c.near <= c.dated && c.expected > 0.0 && c.events == ex.context().len(), "{c:?}");
}

#[test]
fn the_browser_core_with_its_fetched_texts_equals_the_native_read() {
    let native = Explorer::bundled().unwrap();
    let mut browser = Explorer::bundled_core().unwrap();
    assert!(browser.responses_of(0).unwrap().iter().all(|r| r.description.is_empty()), "texts come later");
    browser.attach_text(&cyber_spectrum::schema::bundled_text()).unwrap();
    for k in 0..native.len() {
        assert_eq!(browser.responses_of(k), native.responses_of(k), "row {k}");
    }
    assert_eq!(browser.context(), native.context());
}

#[test]
fn cfr_and_eurepoc_exports_carry_their_responses_and_other_formats_say_they_have_none() {
    let kinds = |ex: &Explorer| -> Vec<(String, Vec<&str>)> {
        (0..ex.len())
            .map(|k| {
                let list = ex.responses_of(k).expect("the format records responses");
                (ex.store().id(k).to_string(), list.iter().map(|r| r.kind.slug()).collect())
            })
            .collect()
    };
    let cfr = Explorer::from_text(include_str!("fixtures/cfr/iso.csv"), "auto").unwrap();
    assert_eq!(
        kinds(&cfr),
        [("cfr-fixture-iso-one".to_string(), vec!["sanctions"]), ("cfr-fixture-iso-two".to_string(), vec![])]
    );
    let facets = cfr.facets();
    let choices: Vec<(&str, usize)> = facets.responses.iter().map(|c| (c.value, c.count)).collect();
    assert_eq!(choices, [("none-known", 1), ("sanctions", 1)]);
    // Words: a denial by the sponsor is no response; several in one cell are several; a word no
    // kind matches is kept as "other" with a warning that names it.
    let csv = "Title,Date,Affiliations,Description,Response,Victims,Sponsor,Type,Category\n\
               One,2017-05-12,,d,Denial,Global,China,Espionage,Private sector\n\
               Two,2018-02-09,,d,\"Indictment, Sanctions\",Global,China,Espionage,Private sector\n\
               Three,2019-02-09,,d,Tea and sympathy,Global,China,Espionage,Private sector\n";
    let ex = Explorer::from_text(csv, "cfr").unwrap();
    let got = kinds(&ex);
    assert_eq!(got[0].1, Vec::<&str>::new());
    assert_eq!(got[1].1, ["indictment", "sanctions"]);
    assert_eq!(got[2].1, ["other"]);
    assert!(ex
        .warnings()
        .iter()
        .any(|w| w.row == 3 && w.column == "Response" && w.message.contains("'Tea and sympathy'")));
    // Undated (CFR gives no response dates): listed, never timed.
    let r = &ex.responses_of(1).unwrap()[0];
    assert_eq!((r.date.as_str(), r.days_after), ("", None));
    let s = ex.stats(&Filter::default()).unwrap().responses.unwrap();
    assert_eq!((s.legal, s.median_days_to_legal), (1, None));

    let eurepoc = Explorer::from_text(include_str!("fixtures/eurepoc/sample.csv"), "eurepoc").unwrap();
    let first = eurepoc.index_of("eurepoc-101").expect("the sanctioned incident");
    let list = eurepoc.responses_of(first).unwrap();
    assert_eq!(
        list.iter().map(|r| r.kind).collect::<Vec<_>>(),
        [ResponseKind::Sanctions],
        "'Not available' is no response"
    );
    assert_eq!(eurepoc.stats(&Filter::default()).unwrap().responses.unwrap().none_known, eurepoc.len() - 1);

    // DCID and the mapped form record no responses: not in this data, not "none known".
    let dcid = Explorer::from_text(include_str!("fixtures/dcid/quirks.csv"), "dcid").unwrap();
    assert!(dcid.responses_of(0).is_none() && dcid.packed_responses().is_none());
}

#[test]
fn a_mapped_file_carries_responses_only_when_its_column_is_mapped() {
    let csv = "when,who,whom,what\n2016-02-04,PRK,BGD,sanctions; indictment\n2017-05-12,PRK,GBR,\n";
    let mapping = |pairs: &[(&str, &str)]| cyber_spectrum::import::Mapping::new(pairs.iter().copied()).unwrap();
    let base = [("start", "when"), ("initiator", "who"), ("targets", "whom")];
    let without = Explorer::from_mapped(csv.as_bytes(), &mapping(&base)).unwrap();
    assert!(without.responses_of(0).is_none(), "not in this data");
    let with =
        Explorer::from_mapped(csv.as_bytes(), &mapping(&[base[0], base[1], base[2], ("responses", "what")])).unwrap();
    let kinds: Vec<ResponseKind> = with.responses_of(0).unwrap().iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [ResponseKind::Sanctions, ResponseKind::Indictment], "undated: as the cell lists them");
    assert!(with.responses_of(1).unwrap().is_empty(), "an empty cell is none known");
}
