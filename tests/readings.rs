//! The legal readings (data/readings.csv) and response tiers (data/tiers.csv): every row valid and
//! sourced, each reading's counts worked out by hand on a small fixture (the effects-dependent
//! cases and undecided incidents included), the bundled dataset's counts pinned, and the reading
//! carried like a filter.
#![cfg(not(target_arch = "wasm32"))]

use cyber_spectrum::reading::{self, Region, Rule, Verdict};
use cyber_spectrum::{Explorer, Filter};

/// Level-5 wiper, level-5 sabotage, level 6 and 7 with effects not coded, a level-7 death, a
/// level-8 disruption with no physical effect, a level-9 physical attack, a theft, and an
/// incident not coded.
const FIXTURE: &str = "\
id,name,start,initiator,targets,severity,effects,sources
w5,Wiper five,2014-11-24,PRK,USA,5,data,https://example.org/w5
s5,Sabotage five,2010-06-01,USA,IRN,5,physical,https://example.org/s5
u6,Unknown six,2013-03-20,PRK,JPN,6,,https://example.org/u6
u7,Unknown seven,2016-01-01,PRK,KOR,7,,https://example.org/u7
d7,Deadly seven,2017-08-01,PRK,KOR,7,death,https://example.org/d7
n8,Economic eight,2018-01-01,RUS,EST,8,none,https://example.org/n8
i9,Grid nine,2019-01-01,PRK,KOR;USA,9,physical,https://example.org/i9
t3,Theft three,2016-02-04,PRK,BGD,3,none,https://example.org/t3
nc,Not coded,2015-01-01,PRK,KOR,,none,https://example.org/nc
";

fn fixture() -> Explorer {
    Explorer::from_text(FIXTURE, "csv").unwrap()
}

fn with(reading: &str) -> Filter {
    Filter { reading: Some(reading.into()), ..Filter::default() }
}

/// How many reach a threshold, and how many are undecided; `None` where the reading states none.
type Reached = Option<(usize, usize)>;

/// Use of force, then armed attack.
fn counts(ex: &Explorer, reading: &str) -> (Reached, Reached) {
    let s = ex.stats(&with(reading)).unwrap();
    (s.at_or_above_use_of_force.zip(s.undecided_use_of_force), s.at_or_above_armed_attack.zip(s.undecided_armed_attack))
}

#[test]
fn every_reading_and_tier_is_valid_sourced_and_dated() {
    let policy = reading::policy().unwrap();
    assert_eq!(policy.readings[0].id, "tallinn", "the default reading is the Tallinn Manual experts'");
    assert!(policy.readings.len() >= 12);
    for id in [
        "tallinn",
        "united-states",
        "united-kingdom",
        "france",
        "netherlands",
        "germany",
        "japan",
        "nato",
        "south-korea",
        "chun-in-bum",
        "maxwell",
        "dcid-ladder",
    ] {
        let r = reading::find(id).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert!(!r.sources.is_empty() && r.sources.iter().all(|s| s.starts_with("https://")), "{id}");
        let year: i32 = r.date[..4].parse().unwrap_or_else(|_| panic!("{id}: date '{}'", r.date));
        assert!((1950..=2026).contains(&year), "{id}");
        assert!(r.mapping.starts_with("Our mapping"), "{id}: the mapping must say it is ours");
        if let Some(c) = r.contested {
            assert!(c.from <= c.to && c.to <= 10, "{id}");
        }
    }
    // The United States sees no gap between the thresholds; South Korea's wording is not sourced.
    assert!(reading::find("united-states").unwrap().no_gap());
    // Regions for the effects each level implies: Lt. Gen. Chun's loss-of-life test puts armed
    // attack from level 7 ("minimal death") up, not nowhere.
    let regions = |id: &str| reading::find(id).unwrap().regions();
    assert_eq!(regions("chun-in-bum"), [(0, 6, Region::BelowUseOfForce), (7, 10, Region::ArmedAttack)]);
    assert_eq!(
        regions("tallinn"),
        [(0, 4, Region::BelowUseOfForce), (5, 6, Region::Between), (7, 10, Region::ArmedAttack)]
    );
    assert_eq!(regions("united-states"), [(0, 4, Region::BelowUseOfForce), (5, 10, Region::ArmedAttack)]);
    assert_eq!(regions("france")[1..], [(5, 7, Region::Between), (8, 10, Region::ArmedAttack)]);
    let rok = reading::find("south-korea").unwrap();
    assert!(rok.use_of_force.is_none() && rok.armed_attack.is_none() && rok.regions().is_empty());
    for region in [Region::BelowUseOfForce, Region::Between, Region::ArmedAttack] {
        assert!(policy.tiers.iter().any(|t| t.region == region), "no tier for {region:?}");
    }
    for t in &policy.tiers {
        assert!(!t.sources.is_empty() && !t.definition.is_empty() && !t.short.is_empty(), "{}", t.id);
        // Forcible reprisals are unlawful: the old "Reprisals" band must not come back.
        assert!(!t.name.to_lowercase().contains("reprisal") && !t.short.to_lowercase().contains("reprisal"));
    }
    let between = policy.tiers.iter().find(|t| t.region == Region::Between).unwrap();
    assert!(between.definition.contains("unlawful"), "{}", between.definition);
    assert!(!reading::READINGS_CSV.contains("Reprisals,") && !reading::TIERS_CSV.contains(",Reprisals"));
}

#[test]
fn each_reading_counts_the_fixture_as_worked_out_by_hand() {
    let ex = fixture();
    // Tallinn: force from 5 with physical effects or from 7 (s5, u7, d7, n8, i9; u6 turns on
    // effects not coded); armed attack from 7 (u7, d7, n8, i9). The wiper w5 reaches neither.
    assert_eq!(counts(&ex, "tallinn"), (Some((5, 1)), Some((4, 0))));
    // The United States: one rule for both, so armed attack counts as force does.
    assert_eq!(counts(&ex, "united-states"), (Some((5, 1)), Some((5, 1))));
    // France: force as Tallinn; armed attack from 8 (n8, i9).
    assert_eq!(counts(&ex, "france"), (Some((5, 1)), Some((2, 0))));
    // Japan and NATO state no force threshold; armed attack from 9 (i9).
    assert_eq!(counts(&ex, "japan"), (None, Some((1, 0))));
    assert_eq!(counts(&ex, "nato"), (None, Some((1, 0))));
    // Chun In-Bum: loss of life from 7 (d7); u7's effects are not coded, so it is undecided.
    assert_eq!(counts(&ex, "chun-in-bum"), (None, Some((1, 1))));
    // South Korea: nothing stated, nothing counted either way.
    assert_eq!(counts(&ex, "south-korea"), (None, None));
    // The old fixed reading: 7 and 9 whatever the effects.
    assert_eq!(counts(&ex, "dcid-ladder"), (Some((4, 0)), Some((1, 0))));
    // The incident not coded is counted as such, under every reading.
    assert_eq!(ex.stats(&with("tallinn")).unwrap().not_coded, 1);
}

#[test]
fn the_comparison_lists_every_reading_and_names_the_incidents() {
    let ex = fixture();
    let rows = ex.compare(&Filter::default()).unwrap();
    assert_eq!(rows.len(), reading::policy().unwrap().readings.len());
    let tallinn = rows.iter().find(|r| r.id == "tallinn").unwrap();
    let force = tallinn.use_of_force.as_ref().unwrap();
    let names: Vec<&str> = force.incidents.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(names, ["i9", "n8", "u7", "d7", "s5"], "most severe first");
    assert_eq!(force.undecided_incidents.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), ["u6"]);
    // The comparison follows the selection, not the filter's reading.
    let f = Filter { initiators: Some(vec!["RUS".into()]), reading: Some("japan".into()), ..Filter::default() };
    let rows = ex.compare(&f).unwrap();
    let tallinn = rows.iter().find(|r| r.id == "tallinn").unwrap();
    assert_eq!(tallinn.armed_attack.as_ref().map(|r| r.count), Some(1));
    assert!(rows.iter().find(|r| r.id == "south-korea").unwrap().use_of_force.is_none());
}

#[test]
fn the_card_assessment_follows_the_reading_and_names_the_treaties() {
    let ex = fixture();
    let at = |id: &str| ex.index_of(id).unwrap();
    let a = ex.assess(at("w5"), &with("france")).unwrap().unwrap();
    assert_eq!((a.use_of_force, a.armed_attack), (Some(Verdict::No), Some(Verdict::No)));
    assert!(a.treaties.is_empty());
    let a = ex.assess(at("s5"), &with("france")).unwrap().unwrap();
    assert_eq!((a.use_of_force, a.armed_attack, a.reading_name), (Some(Verdict::Yes), Some(Verdict::No), "France"));
    let a = ex.assess(at("u6"), &Filter::default()).unwrap().unwrap();
    assert_eq!(a.use_of_force, Some(Verdict::Undecided));
    // An armed attack on South Korea and the United States brings in the US-ROK treaty (and, for
    // the United States, the US-Japan treaty and NATO); on Estonia, NATO alone.
    let a = ex.assess(at("i9"), &Filter::default()).unwrap().unwrap();
    let clauses: Vec<&str> = a.treaties.iter().map(|t| t.clause).collect();
    assert_eq!(clauses, ["Article III", "Article V", "Article 5"]);
    let a = ex.assess(at("n8"), &Filter::default()).unwrap().unwrap();
    assert_eq!(a.treaties.iter().map(|t| t.name).collect::<Vec<_>>(), ["North Atlantic Treaty"]);
    assert!(ex.assess(at("n8"), &with("japan")).unwrap().unwrap().treaties.is_empty(), "below 9 for Japan");
    assert!(ex.assess(at("nc"), &Filter::default()).unwrap().is_none(), "not coded: nothing to assess");
}

#[test]
fn the_reading_travels_like_a_filter_and_an_unknown_one_names_the_known() {
    let ex = fixture();
    let f = ex.filter_from_params([("reading", "France")]).unwrap();
    assert_eq!(f.reading.as_deref(), Some("france"));
    assert_eq!(f.to_params(), [("reading", "france".to_string())]);
    let e = ex.filter_from_params([("reading", "atlantis")]).unwrap_err().to_string();
    assert!(
        e.contains("reading") && e.contains("atlantis") && e.contains("tallinn") && e.contains("dcid-ladder"),
        "{e}"
    );
    let e = ex.stats(&with("atlantis")).unwrap_err().to_string();
    assert!(e.contains("known readings"), "{e}");
}

#[test]
fn bad_rules_and_rows_are_refused_with_where_and_what() {
    for (rule, says) in [
        ("level>5", "not a term"),
        ("effects>=physical", "names no level"),
        ("level>=12", "0-10"),
        ("level>=5 & effects>=smoke", "effects are one of"),
    ] {
        let e = Rule::parse(rule).unwrap_err();
        assert!(e.contains(says), "{rule}: {e}");
    }
    let header = "id,name,kind,who,document,date,use_of_force,armed_attack,contested,contested_threshold,basis,mapping,sources\n";
    let bad = format!("{header}x,X,state,W,D,2020,level>=5 | size>=2,,,,B,Our mapping: M,https://example.org\n");
    let e = reading::parse(&bad, reading::TIERS_CSV).err().unwrap();
    assert!(e.contains("row 1") && e.contains("use_of_force") && e.contains("size>=2"), "{e}");
    let bad = format!("{header}x,X,state,W,D,2020,level>=5,,,,B,Our mapping: M,\n");
    assert!(reading::parse(&bad, reading::TIERS_CSV).err().unwrap().contains("no source"));
    let bad = format!("{header}x,X,pundit,W,D,2020,level>=5,,,,B,Our mapping: M,https://example.org\n");
    assert!(reading::parse(&bad, reading::TIERS_CSV).err().unwrap().contains("kind"));
}

#[test]
fn bundled_counts_per_reading_are_pinned() {
    let ex = Explorer::bundled().unwrap();
    // Five incidents have physical effects at level 5-6 (Stuxnet, the 2015 Ukrainian grid attack,
    // Industroyer, Triton, Viasat): a use of force wherever physical damage from level 5 is force.
    // None reaches level 7, so no reading with an armed-attack rule of 7 or more counts any;
    // the United States, with one rule for both, counts the same five as armed attacks. The data
    // wipers at 5-6 (Sony, Dark Seoul, WannaCry, NotPetya ...) reach neither under any reading,
    // and every incident's effects are coded, so none is undecided.
    let physical = Some((5, 0));
    let none = Some((0, 0));
    for (id, want) in [
        ("tallinn", (physical, none)),
        ("united-states", (physical, physical)),
        ("united-kingdom", (physical, none)),
        ("france", (physical, none)),
        ("netherlands", (physical, none)),
        ("germany", (physical, none)),
        ("japan", (None, none)),
        ("nato", (None, none)),
        ("south-korea", (None, None)),
        ("chun-in-bum", (None, none)),
        ("maxwell", (None, none)),
        ("dcid-ladder", (none, none)),
    ] {
        assert_eq!(counts(&ex, id), want, "{id}");
    }
    // So far no North Korean operation reaches either threshold under any reading.
    for r in ex.compare(&Filter { initiators: Some(vec!["PRK".into()]), ..Filter::default() }).unwrap() {
        for reached in [&r.use_of_force, &r.armed_attack].into_iter().flatten() {
            assert_eq!((reached.count, reached.undecided), (0, 0), "{}", r.id);
        }
    }
}

#[test]
fn the_browser_module_carries_the_same_rules_without_the_words() {
    let full = reading::policy().unwrap();
    let bytes =
        std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(cyber_spectrum::schema::READINGS_PATH))
            .expect("make build writes it");
    let core = reading::packed::from_bytes(&bytes).unwrap();
    let core = Box::leak(Box::new(core));
    assert!(bytes.len() * 3 < reading::READINGS_CSV.len(), "the words stay out");
    assert!(reading::packed::from_bytes(&bytes[..bytes.len() - 1]).is_err(), "a truncated file is refused");
    for (a, b) in full.readings.iter().zip(&core.readings) {
        assert_eq!(
            (&a.id, &a.name, &a.kind, &a.use_of_force, &a.armed_attack, a.contested),
            (&b.id, &b.name, &b.kind, &b.use_of_force, &b.armed_attack, b.contested)
        );
        assert!(b.basis.is_empty() && b.sources.is_empty());
        assert_eq!(a.info(), b.info(), "{}", a.id);
    }
    assert_eq!(full.readings.len(), core.readings.len());
    let words: serde_json::Value = serde_json::from_str(&cyber_spectrum::schema::readings_words()).unwrap();
    for r in &full.readings {
        assert_eq!(words["readings"][&r.id]["basis"], r.basis.as_str());
        assert!(!words["readings"][&r.id]["sources"].as_array().unwrap().is_empty());
    }
    for t in &full.tiers {
        assert_eq!(words["tiers"][&t.id]["definition"], t.definition.as_str());
    }
}
