//! The static-image fallback (src/render.rs and the `render` command), the theme read from CSS
//! custom properties, and filters given as attributes, link parameters or options.
#![cfg(not(target_arch = "wasm32"))]

use cyber_spectrum::chart::{parse_colour, Theme, View};
use cyber_spectrum::render::{self, Picture};
use cyber_spectrum::{Explorer, Filter};
use plotters::prelude::RGBColor;
use std::process::Command;

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (be(16), be(20))
}

/// How many distinct colours a PNG's pixels use (decoded with the png crate).
fn png_colours(bytes: &[u8]) -> usize {
    let decoder = png::Decoder::new(bytes);
    let mut reader = decoder.read_info().expect("decodes");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let mut seen = std::collections::HashSet::new();
    for px in buf[..info.buffer_size()].chunks(3) {
        seen.insert((px[0], px[1], px[2]));
    }
    seen.len()
}

#[test]
fn png_and_svg_have_the_asked_size_and_real_content() {
    let ex = Explorer::bundled().unwrap();
    let filter = ex.filter_from_params([("initiators", "PRK"), ("from", "2009"), ("to", "2016")]).unwrap();
    let shown = ex.select(&filter).unwrap().len();
    for view in [View::Spectrum, View::Timeline] {
        let pic = Picture { explorer: &ex, view, filter: &filter, theme: Theme::default(), width: 800, height: 420 };
        let (svg, layout) = render::svg(&pic).unwrap();
        assert_eq!(layout.marks.len(), shown, "{view:?}: one mark per incident");
        assert!(
            svg.starts_with("<svg") && svg.contains("width=\"800\"") && svg.contains("height=\"420\""),
            "{view:?} SVG size"
        );
        assert!(
            svg.contains("North Korea") && svg.contains(render::FONT),
            "{view:?}: legend text in the embedded font's family"
        );
        for scale in [1, 2] {
            let (png, layout) = render::png(&pic, scale).unwrap();
            assert_eq!(png_size(&png), (800 * scale, 420 * scale));
            assert_eq!(layout.width, 800, "laid out at the CSS size whatever the scale");
            // Text (anti-aliased), marks in the series colours and the threshold bands: a blank or
            // one-colour image would have a handful.
            assert!(png_colours(&png) > 50, "{view:?} at {scale}x has {} colours", png_colours(&png));
        }
    }
}

#[test]
fn bad_sizes_and_scales_are_refused_with_a_message() {
    let ex = Explorer::bundled().unwrap();
    let f = Filter::default();
    let pic =
        Picture { explorer: &ex, view: View::Spectrum, filter: &f, theme: Theme::default(), width: 50, height: 400 };
    assert!(render::svg(&pic).unwrap_err().to_string().contains("50x400"));
    let pic = Picture { width: 400, ..pic };
    assert!(render::png(&pic, 9).unwrap_err().to_string().contains("scale"));
}

#[test]
fn the_render_command_writes_both_files_from_a_copied_link() {
    let dir = std::env::temp_dir().join(format!("cs-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("card");
    let run = Command::new(env!("CARGO_BIN_EXE_render"))
        .args([
            "--link",
            "https://example.org/index.html#view=timeline&initiators=PRK,RUS&from=2014",
            "--width",
            "600",
            "--height",
            "320",
        ])
        .args(["--scale", "2", "--theme", "dark", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(said.contains("1200x640 PNG") && said.contains("600x320 SVG"), "{said}");
    let png = std::fs::read(dir.join("card.png")).unwrap();
    assert_eq!(png_size(&png), (1200, 640));
    let svg = std::fs::read_to_string(dir.join("card.svg")).unwrap();
    assert!(svg.contains("Russia") && svg.contains("#181A1E"), "the dark theme's background in the SVG");

    let bad = Command::new(env!("CARGO_BIN_EXE_render"))
        .args(["--initiators", "Atlantis", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("initiators") && err.contains("Atlantis"), "{err}");
    // The legal reading is an option like the filters: its lines are drawn; a typo names the known.
    let us = Command::new(env!("CARGO_BIN_EXE_render"))
        .args(["--reading", "united-states", "--svg"])
        .arg(dir.join("card.svg"))
        .output()
        .unwrap();
    assert!(us.status.success(), "{}", String::from_utf8_lossy(&us.stderr));
    let svg = std::fs::read_to_string(dir.join("card.svg")).unwrap();
    assert!(svg.contains("Use of force = armed attack"), "the United States' single line");
    let bad =
        Command::new(env!("CARGO_BIN_EXE_render")).args(["--reading", "atlantis", "--out"]).arg(&out).output().unwrap();
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("atlantis") && err.contains("united-kingdom"), "{err}");
    let bad = Command::new(env!("CARGO_BIN_EXE_render")).args(["--colour", "red"]).output().unwrap();
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown option --colour"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn colours_parse_as_css_writes_them() {
    assert_eq!(parse_colour("#fff"), Some(RGBColor(255, 255, 255)));
    assert_eq!(parse_colour(" #1C1E21 "), Some(RGBColor(28, 30, 33)));
    assert_eq!(parse_colour("#11223380"), Some(RGBColor(17, 34, 51)));
    assert_eq!(parse_colour("rgb(10, 20, 30)"), Some(RGBColor(10, 20, 30)));
    assert_eq!(parse_colour("rgba(10,20,30,0.5)"), Some(RGBColor(10, 20, 30)));
    assert_eq!(parse_colour("rgb(10 20 30 / 50%)"), Some(RGBColor(10, 20, 30)));
    assert_eq!(parse_colour("rgb(100% 0% 50%)"), Some(RGBColor(255, 0, 128)));
    assert_eq!(parse_colour("Navy"), Some(RGBColor(0, 0, 128)));
    for bad in ["", "#12", "#ggg", "rgb(1,2)", "rgb(1 2 3 4 5)", "hsl(0 0% 0%)", "var(--x)", "rgb(a,b,c)"] {
        assert_eq!(parse_colour(bad), None, "{bad:?}");
    }
}

#[test]
fn a_theme_comes_from_custom_properties_and_the_inherited_font() {
    let props = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    };
    // Nothing set: the default, with the host's font.
    let (t, issues) = Theme::from_css(props(&[]), Some("Georgia, serif"));
    assert_eq!(t, Theme { font_family: "Georgia, serif".into(), ..Theme::default() });
    assert!(issues.is_empty());
    // A dark background and light text: greys are mixed from the two, not left light-theme.
    let (t, _) = Theme::from_css(props(&[("--cs-bg", "#000"), ("--cs-text", "#fff")]), None);
    assert_eq!((t.background, t.text), (RGBColor(0, 0, 0), RGBColor(255, 255, 255)));
    assert!(t.grid.0 < 80 && t.muted.0 > 120, "grid {:?} muted {:?}", t.grid, t.muted);
    // --cs-font wins over the inherited font; a bad colour is named and its default kept.
    let (t, issues) = Theme::from_css(props(&[("--cs-font", " 'Inter' "), ("--cs-step", "bluish")]), Some("serif"));
    assert_eq!(t.font_family, "'Inter'");
    assert_eq!(t.accent, Theme::default().accent);
    assert_eq!(issues.len(), 1);
    assert!(issues[0].contains("--cs-step") && issues[0].contains("bluish"), "{issues:?}");
}

#[test]
fn filters_from_parameters_round_trip_and_name_the_bad_one() {
    let ex = Explorer::bundled().unwrap();
    let f = ex
        .filter_from_params([
            ("view", "timeline"),
            ("from", "2009"),
            ("to", " 2016 "),
            ("initiators", "PRK, RUS"),
            ("targets", ""),
            ("min-severity", "3"),
            ("search", "lazarus"),
        ])
        .unwrap();
    assert_eq!((f.from, f.to, f.min_severity), (Some(2009), Some(2016), Some(3)));
    assert_eq!(f.initiators, Some(vec!["PRK".to_string(), "RUS".to_string()]));
    assert_eq!(f.targets, None, "an empty attribute sets nothing");
    let params = f.to_params();
    let back = Filter::from_params(params.iter().map(|(k, v)| (*k, v.as_str()))).unwrap();
    assert_eq!(back, f);

    let err = |pairs: &[(&str, &str)]| ex.filter_from_params(pairs.iter().copied()).unwrap_err().to_string();
    assert_eq!(err(&[("from", "20x9")]), "from=\"20x9\": not a year (expected four digits such as 2013)");
    assert!(err(&[("targets", "KOR,Narnia")]).starts_with("targets: unknown country 'Narnia'"));
    assert!(err(&[("target-types", "moon")]).starts_with("target-types: 'moon' is not one of"));
    assert!(err(&[("max-severity", "11")]).starts_with("max-severity: 11 is above the top"));
    assert!(err(&[("min-severity", "-1")]).starts_with("min-severity=\"-1\": not a severity level"));
    assert!(err(&[("from", "2016"), ("to", "2009")]).starts_with("from: 2016 is after"));
}

#[test]
fn publishers_example_image_is_current() {
    // www/publishers.html shows what the render command draws for these options (Makefile's
    // PUBLISHERS_IMAGE); a change to the charts or the data must redraw it.
    let ex = Explorer::bundled().unwrap();
    let filter = ex
        .filter_from_params([("initiators", "PRK"), ("targets", "KOR,USA"), ("from", "2009"), ("to", "2016")])
        .unwrap();
    let pic = Picture {
        explorer: &ex,
        view: View::Spectrum,
        filter: &filter,
        theme: Theme::default(),
        width: 800,
        height: 420,
    };
    let (svg, _) = render::svg(&pic).unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/img/fallback-example.svg");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == svg, "{path} is out of date: run `make publishers-image`");
}
