//! What colour carries in the charts, checked by numbers: every text colour of the light and dark
//! chart themes meets WCAG 2.2 AA contrast (4.5:1) on the background and on the tinted threshold
//! regions, and the initiator series stay apart for the common colour-vision deficiencies (and
//! differ by shape as well, so colour is never the only carrier).
#![cfg(not(target_arch = "wasm32"))]

use cyber_spectrum::chart::{Theme, OTHER, SERIES};
use plotters::style::RGBColor;

fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn luminance(c: RGBColor) -> f64 {
    0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
}

fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// `over` at `alpha` on `under`, as the charts tint the regions beyond the thresholds.
fn blend(over: RGBColor, alpha: f64, under: RGBColor) -> RGBColor {
    let m = |o: u8, u: u8| (f64::from(o) * alpha + f64::from(u) * (1.0 - alpha)).round() as u8;
    RGBColor(m(over.0, under.0), m(over.1, under.1), m(over.2, under.2))
}

#[test]
fn chart_text_meets_wcag_aa_contrast_in_light_and_dark_themes() {
    for (name, t) in [("light", Theme::default()), ("dark", Theme::dark())] {
        let grounds = [
            ("background", t.background),
            ("use-of-force region", blend(t.use_of_force, 0.07, t.background)),
            ("armed-attack region", blend(t.armed_attack, 0.08, t.background)),
        ];
        for (what, colour) in
            [("text", t.text), ("muted", t.muted), ("use of force", t.use_of_force), ("armed attack", t.armed_attack)]
        {
            for (ground, bg) in grounds {
                let c = contrast(colour, bg);
                assert!(c >= 4.5, "{name}: {what} on the {ground} is {c:.2}:1");
            }
        }
    }
}

/// sRGB through a colour-vision-deficiency simulation (Machado et al. 2009, severity 1.0) in
/// linear light, then to CIE Lab.
fn simulate(c: RGBColor, m: &[[f64; 3]; 3]) -> [f64; 3] {
    let rgb = [linear(c.0), linear(c.1), linear(c.2)];
    let s: Vec<f64> =
        m.iter().map(|row| (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]).clamp(0.0, 1.0)).collect();
    let xyz = [
        0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2],
        0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2],
        0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2],
    ];
    let f = |t: f64| if t > 0.008856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
    let (fx, fy, fz) = (f(xyz[0] / 0.95047), f(xyz[1]), f(xyz[2] / 1.08883));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

const NORMAL: [[f64; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
const PROTAN: [[f64; 3]; 3] =
    [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]];
const DEUTAN: [[f64; 3]; 3] =
    [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]];
const TRITAN: [[f64; 3]; 3] =
    [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]];

#[test]
fn initiator_series_stay_apart_for_colour_vision_deficiencies_and_differ_in_shape() {
    let styles: Vec<_> = SERIES.iter().chain(std::iter::once(&OTHER)).collect();
    for (vision, m) in [("normal", NORMAL), ("protanopia", PROTAN), ("deuteranopia", DEUTAN), ("tritanopia", TRITAN)] {
        let mut closest = f64::MAX;
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                let (x, y) = (simulate(a.0, &m), simulate(b.0, &m));
                let d = ((x[0] - y[0]).powi(2) + (x[1] - y[1]).powi(2) + (x[2] - y[2]).powi(2)).sqrt();
                closest = closest.min(d);
            }
        }
        // Colours 10 Lab units apart are told apart at a glance; each series also has its shape.
        assert!(closest >= 10.0, "{vision}: two series only {closest:.1} apart");
    }
    let mut shapes: Vec<_> = styles.iter().map(|s| format!("{:?}", s.1)).collect();
    shapes.sort();
    shapes.dedup();
    assert_eq!(shapes.len(), styles.len(), "every series has its own marker shape");
}
