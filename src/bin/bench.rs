//! `cargo run --release --bin bench -- [--write DIR] [--sizes 1000,10000,...]`: the native half of
//! `make bench`. Writes deterministic synthetic datasets for the browser benchmark
//! (tests/bench/bench.mjs) and prints native figures: import throughput for the project's CSV, the
//! DCID workbook (from ../shared when present) and a 100k-row mapped CSV, and filter and
//! statistics times at the largest size. Figures are printed, never asserted.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(message) = native::run(std::env::args().skip(1).collect()) {
        eprintln!("bench: {message}");
        std::process::exit(2);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use cyber_spectrum::explorer::SortKey;
    use cyber_spectrum::import::Mapping;
    use cyber_spectrum::{Explorer, Filter};
    use std::fmt::Write as _;
    use std::path::PathBuf;
    use std::time::Instant;

    /// xorshift64*: small, fast and the same on every machine, so every run draws the same data.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        /// Uniform in `0..n`.
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }

        /// One of `items`, drawn with the given weights.
        fn pick<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
            let total: u32 = items.iter().map(|(_, w)| w).sum();
            let mut r = self.below(u64::from(total)) as u32;
            for (item, w) in items {
                if r < *w {
                    return item;
                }
                r -= w;
            }
            &items[items.len() - 1].0
        }
    }

    /// Who initiates (the shares the public trackers show: China, Russia, North Korea and Iran
    /// far ahead), whom they target, and how.
    const INITIATORS: [(&str, u32); 12] = [
        ("CHN", 30),
        ("RUS", 25),
        ("PRK", 14),
        ("IRN", 12),
        ("USA", 4),
        ("ISR", 3),
        ("VNM", 3),
        ("PAK", 2),
        ("IND", 2),
        ("TUR", 2),
        ("GBR", 2),
        ("BLR", 1),
    ];
    const TARGETS: [(&str, u32); 16] = [
        ("USA", 24),
        ("KOR", 10),
        ("UKR", 9),
        ("JPN", 6),
        ("TWN", 6),
        ("GBR", 5),
        ("DEU", 5),
        ("IND", 5),
        ("ISR", 4),
        ("SAU", 4),
        ("FRA", 4),
        ("VNM", 3),
        ("PHL", 3),
        ("EST", 2),
        ("GEO", 2),
        ("AUS", 3),
    ];
    const METHODS: [(&str, u32); 8] = [
        ("intrusion", 30),
        ("infiltration", 25),
        ("ddos", 15),
        ("vandalism", 12),
        ("wiper", 6),
        ("keylogger", 5),
        ("worm", 4),
        ("virus", 3),
    ];
    const OBJECTIVES: [(&str, u32); 5] = [
        ("long-term-espionage", 35),
        ("short-term-espionage", 25),
        ("disruption", 25),
        ("theft", 10),
        ("degradation", 5),
    ];
    const TYPES: [(&str, u32); 3] = [("private", 50), ("government", 35), ("military", 15)];
    /// Severity: mostly low on the ladder, rarely past the use-of-force line; one in twenty not coded.
    const SEVERITIES: [(&str, u32); 12] = [
        ("0", 3),
        ("1", 12),
        ("2", 20),
        ("3", 22),
        ("4", 18),
        ("5", 10),
        ("6", 6),
        ("7", 2),
        ("8", 1),
        ("9", 1),
        ("10", 0),
        ("", 5),
    ];

    /// `n` incidents in the project's CSV schema, oldest first, as an export would list them.
    /// Columns are named as a newsroom's sheet might name them when `mapped`.
    pub fn synthetic(n: usize, seed: u64, mapped: bool) -> String {
        let mut rng = Rng(seed.max(1));
        let mut out = String::with_capacity(n * 80);
        out.push_str(if mapped {
            "Ref,Headline,When,Attacker,Victims,Victim type,Kind,Aim,Score\n"
        } else {
            "id,name,start,initiator,targets,target_type,method,objective,severity\n"
        });
        // Incidents per year grow over 2000-2024, as reporting did.
        let years: Vec<(i32, u32)> = (2000..=2024).map(|y| (y, 1 + (y - 2000) as u32 * 2)).collect();
        let mut dates: Vec<(i32, u32, u32, u8)> = (0..n)
            .map(|_| {
                let year = *rng.pick(&years);
                let precision = rng.below(10) as u8; // 0-6 day, 7-8 month, 9 year
                (year, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32, precision)
            })
            .collect();
        dates.sort_unstable();
        for (k, (year, month, day, precision)) in dates.into_iter().enumerate() {
            let initiator = *rng.pick(&INITIATORS);
            let mut targets = vec![*rng.pick(&TARGETS)];
            for _ in 0..[0, 0, 0, 0, 0, 0, 0, 0, 1, 2][rng.below(10) as usize] {
                let t = *rng.pick(&TARGETS);
                if !targets.contains(&t) {
                    targets.push(t);
                }
            }
            targets.retain(|t| *t != initiator);
            if targets.is_empty() {
                targets.push(if initiator == "USA" { "IRN" } else { "USA" });
            }
            let start = match precision {
                0..=6 => format!("{year}-{month:02}-{day:02}"),
                7 | 8 => format!("{year}-{month:02}"),
                _ => year.to_string(),
            };
            let _ = writeln!(
                out,
                "S{k:07},Operation {k},{start},{initiator},{},{},{},{},{}",
                targets.join(";"),
                rng.pick(&TYPES),
                rng.pick(&METHODS),
                rng.pick(&OBJECTIVES),
                rng.pick(&SEVERITIES)
            );
        }
        out
    }

    fn mapping() -> Mapping {
        let pairs = [
            ("id", "Ref"),
            ("name", "Headline"),
            ("start", "When"),
            ("initiator", "Attacker"),
            ("targets", "Victims"),
            ("targetType", "Victim type"),
            ("method", "Kind"),
            ("objective", "Aim"),
            ("severity", "Score"),
        ];
        Mapping::new(pairs).unwrap_or_else(|e| panic!("the bench's mapping is invalid: {e}"))
    }

    /// Median and 95th percentile of `samples` (milliseconds).
    fn summary(mut samples: Vec<f64>) -> (f64, f64) {
        samples.sort_by(f64::total_cmp);
        let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
        (at(0.5), at(0.95))
    }

    /// Repeats `f` for at least `min_runs` runs and 0.5 s; returns the median milliseconds per run.
    fn time<T>(min_runs: usize, mut f: impl FnMut() -> T) -> f64 {
        let mut samples = Vec::new();
        let begun = Instant::now();
        while samples.len() < min_runs || begun.elapsed().as_secs_f64() < 0.5 {
            let t = Instant::now();
            std::hint::black_box(f());
            samples.push(t.elapsed().as_secs_f64() * 1e3);
        }
        summary(samples).0
    }

    fn row(what: &str, value: String) {
        println!("  {what:<52} {value}");
    }

    pub fn run(args: Vec<String>) -> Result<(), String> {
        let mut write: Option<PathBuf> = None;
        let mut sizes = vec![1_000, 10_000, 100_000, 1_000_000];
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--write" => write = Some(it.next().ok_or("--write needs a folder")?.into()),
                "--sizes" => {
                    sizes = it
                        .next()
                        .ok_or("--sizes needs a list")?
                        .split(',')
                        .map(|s| s.trim().parse().map_err(|_| format!("bad size '{s}'")))
                        .collect::<Result<_, _>>()?
                }
                // The native half of the side-by-side import figure (tests/bench/compare.mjs): one
                // file read as `format`, rows per second printed as `rows ms` on one line.
                "--import" => {
                    let path = it.next().ok_or("--import needs a file")?;
                    let format = it.next().ok_or("--import needs a format")?;
                    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
                    let n = Explorer::from_bytes(&bytes, &format).map_err(|e| e.to_string())?.len();
                    let ms = time(3, || Explorer::from_bytes(&bytes, &format));
                    println!("{n} {ms:.1}");
                    return Ok(());
                }
                "--help" | "-h" => {
                    println!(
                        "usage: cargo run --release --bin bench -- [--write DIR] [--sizes 1000,10000,100000,1000000] | --import FILE FORMAT"
                    );
                    return Ok(());
                }
                other => return Err(format!("unknown option '{other}' (try --help)")),
            }
        }
        if let Some(dir) = &write {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            for &n in &sizes {
                let path = dir.join(format!("synthetic-{n}.csv"));
                std::fs::write(&path, synthetic(n, 7, false))
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
        }

        println!("\nnative (release build, one core)");
        println!("  {:<52} rows per second", "import throughput");
        let bundled = cyber_spectrum::explorer::BUNDLED_CSV;
        let n = Explorer::from_text(bundled, "csv").map_err(|e| e.to_string())?.len();
        let ms = time(20, || Explorer::from_text(bundled, "csv"));
        row(&format!("project CSV (bundled, {n} rows)"), format!("{:>12.0}  ({ms:.2} ms)", n as f64 / ms * 1e3));
        let dcid = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/data/dcid-v2.0/DCID_2.0_Release_update_February_2023.xlsx");
        match std::fs::read(&dcid) {
            Ok(bytes) => {
                let n = Explorer::from_bytes(&bytes, "auto").map_err(|e| e.to_string())?.len();
                let ms = time(5, || Explorer::from_bytes(&bytes, "auto"));
                row(
                    &format!("DCID v2.0 workbook (.xlsx, {n} rows)"),
                    format!("{:>12.0}  ({ms:.1} ms)", n as f64 / ms * 1e3),
                );
            }
            Err(_) => row("DCID v2.0 workbook", format!("skipped: {} not found", dcid.display())),
        }
        let mapped = synthetic(100_000, 11, true);
        let m = mapping();
        let ms = time(3, || Explorer::from_mapped(mapped.as_bytes(), &m));
        row("mapped CSV (100,000 rows)", format!("{:>12.0}  ({ms:.0} ms)", 100_000.0 / ms * 1e3));
        let plain = synthetic(100_000, 11, false);
        let ms = time(3, || Explorer::from_text(&plain, "csv"));
        row("project CSV (100,000 rows)", format!("{:>12.0}  ({ms:.0} ms)", 100_000.0 / ms * 1e3));

        let largest = *sizes.iter().max().unwrap_or(&1_000_000);
        let text = synthetic(largest, 7, false);
        let ex = Explorer::from_text(&text, "csv").map_err(|e| e.to_string())?;
        drop(text);
        println!("\n  {:<52} median ms (selected)", format!("at {largest} incidents"));
        let filters: [(&str, &[(&str, &str)]); 6] = [
            ("no filter", &[]),
            ("years 2015-2020", &[("from", "2015"), ("to", "2020")]),
            ("initiators CHN,RUS", &[("initiators", "CHN,RUS")]),
            ("targets KOR (any target)", &[("targets", "KOR")]),
            ("severity 7+", &[("min-severity", "7")]),
            ("search 'operation 99'", &[("search", "operation 99")]),
        ];
        for (what, params) in filters {
            let filter: Filter = ex.filter_from_params(params.iter().copied()).map_err(|e| e.to_string())?;
            let shown = ex.select(&filter).map_err(|e| e.to_string())?.len();
            // What the explorer keeps of the last filter is let go before each run, so each one
            // selects and counts afresh.
            let select = time(5, || {
                ex.forget();
                ex.select(&filter)
            });
            let stats = time(5, || {
                ex.forget();
                ex.stats(&filter)
            });
            row(&format!("filter {what}"), format!("{select:>8.2} ({shown})"));
            row(&format!("filter + statistics {what}"), format!("{stats:>8.2}"));
        }
        // The table's order of everything, by each column but the date (the store's own order).
        let all = ex.select(&Filter::default()).map_err(|e| e.to_string())?;
        for (name, key) in SortKey::NAMES.into_iter().filter(|(_, k)| *k != SortKey::Date) {
            let ms = time(3, || ex.order(all.clone(), key, false));
            row(&format!("table sorted by {name} (all)"), format!("{ms:>8.2}"));
        }
        Ok(())
    }
}
