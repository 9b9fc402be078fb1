//! `cargo run --release --bin render -- [options]`: one chart of the explorer as PNG and SVG, drawn
//! by the same code as the page, for a `<noscript>` image, RSS readers, newsletters and social
//! cards. `--help` lists the options; README's "Embedding" section shows them in use.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(message) = native::run(std::env::args().skip(1).collect()) {
        eprintln!("render: {message}");
        std::process::exit(2);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use cyber_spectrum::chart::{Theme, View};
    use cyber_spectrum::render::{self, Picture};
    use cyber_spectrum::{Explorer, Filter};
    use std::path::PathBuf;

    /// The help text: the filter options, views and formats come from their tables.
    fn help() -> String {
        use cyber_spectrum::chart::VIEWS;
        use cyber_spectrum::filter::{Kind, FIELDS};
        use cyber_spectrum::import::FORMATS;
        let views: Vec<&str> = VIEWS.iter().map(|v| v.name).collect();
        let formats: Vec<&str> = FORMATS.iter().filter(|f| !f.mapping).map(|f| f.name).collect();
        let mut text = format!(
            "render: draw a cyber-spectrum chart as PNG and SVG, without a browser.\n\n\
             usage: cargo run --release --bin render -- [options]\n\n  {:<29} which chart (default {})\n",
            format!("--view {}", views.join("|")),
            views[0]
        );
        for f in &FIELDS {
            let value = match f.kind() {
                Kind::Year => "YEAR",
                Kind::Level => "N",
                Kind::List => "A,B",
                Kind::Text => "TEXT",
                Kind::Choice => "ID",
            };
            text.push_str(&format!("  {:<29}{}\n", format!("--{} {value}", f.param), f.about));
        }
        text.push_str(&format!(
            "  --link URL|QUERY             take view and filters from a copied link or embed hash\n\
             \x20                              (e.g. \"view=timeline&initiators=PRK&from=2009\")\n\
             \x20 --data FILE                  a data file instead of the bundled dataset\n\
             \x20 {:<29}(default auto)\n\
             \x20 --width PX --height PX       layout size in CSS pixels (default 1200 x 630)\n\
             \x20 --scale N                    PNG pixels per CSS pixel, 1-4 (default 2)\n\
             \x20 --theme light|dark           colours (default light)\n\
             \x20 --context on|off             the timeline's lane of context events (default off)\n\
             \x20 --out PATH                   writes PATH.png and PATH.svg (default chart)\n\
             \x20 --png FILE / --svg FILE      write only the named images\n",
            format!("--format {} ", formats.join("|"))
        ));
        text
    }

    fn decode(s: &str) -> String {
        // Links carry %XX escapes and '+' for spaces.
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' if i + 2 < bytes.len() && bytes[i + 1].is_ascii_hexdigit() && bytes[i + 2].is_ascii_hexdigit() => {
                    let hex = |b: u8| (b as char).to_digit(16).unwrap_or(0) as u8;
                    out.push(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                    i += 2;
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    /// The `name=value` pairs of a link: the part after `#` (or `?`), or the text itself.
    fn link_pairs(link: &str) -> Vec<(String, String)> {
        let query =
            link.rsplit_once('#').map(|(_, h)| h).or_else(|| link.split_once('?').map(|(_, q)| q)).unwrap_or(link);
        query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (decode(k), decode(v))
            })
            .collect()
    }

    pub fn run(args: Vec<String>) -> Result<(), String> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        let (mut data, mut format) = (None::<PathBuf>, "auto".to_string());
        let (mut width, mut height, mut scale) = (1200u32, 630u32, 2u32);
        let mut theme = Theme::default();
        let (mut out, mut png, mut svg) = (None::<String>, None::<PathBuf>, None::<PathBuf>);
        let mut it = args.into_iter();
        while let Some(arg) = it.next() {
            if arg == "--help" || arg == "-h" {
                print!("{}", help());
                return Ok(());
            }
            let Some(name) = arg.strip_prefix("--") else {
                return Err(format!("unexpected argument '{arg}' (options start with --; see --help)"));
            };
            let (name, inline) = match name.split_once('=') {
                Some((n, v)) => (n.to_string(), Some(v.to_string())),
                None => (name.to_string(), None),
            };
            let value = match inline.or_else(|| it.next()) {
                Some(v) => v,
                None => return Err(format!("--{name} needs a value (see --help)")),
            };
            let number = |v: &str| v.parse::<u32>().map_err(|_| format!("--{name} {v}: expected a whole number"));
            match name.as_str() {
                "link" => pairs.extend(link_pairs(&value)),
                "data" => data = Some(value.into()),
                "format" => format = value,
                "width" => width = number(&value)?,
                "height" => height = number(&value)?,
                "scale" => scale = number(&value)?,
                "theme" => {
                    theme = match value.as_str() {
                        "light" => Theme::default(),
                        "dark" => Theme::dark(),
                        other => return Err(format!("--theme {other}: expected light or dark")),
                    }
                }
                "out" => out = Some(value),
                "png" => png = Some(value.into()),
                "svg" => svg = Some(value.into()),
                "view" => pairs.push((name, value)),
                "context" => pairs.push((name, value)),
                n if Filter::field_of_param(n).is_some() => pairs.push((name, value)),
                other => return Err(format!("unknown option --{other} (see --help)")),
            }
        }
        if png.is_none() && svg.is_none() {
            let base = out.unwrap_or_else(|| "chart".into());
            png = Some(format!("{base}.png").into());
            svg = Some(format!("{base}.svg").into());
        }

        let mut explorer = match &data {
            None => Explorer::bundled().map_err(|e| e.to_string())?,
            Some(path) => {
                let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                Explorer::from_bytes(&bytes, &format).map_err(|e| format!("{}: {e}", path.display()))?
            }
        };
        let mut view = View::Spectrum;
        for (k, v) in &pairs {
            match k.as_str() {
                "view" => view = View::parse(v).map_err(|e| format!("view: {e}"))?,
                "context" => explorer.show_context(match v.as_str() {
                    "on" | "true" | "" => true,
                    "off" | "false" => false,
                    other => return Err(format!("context={other}: expected on or off")),
                }),
                _ => {}
            }
        }
        let filter = explorer
            .filter_from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .map_err(|e| e.to_string())?;
        let picture = Picture { explorer: &explorer, view, filter: &filter, theme, width, height };
        let shown = explorer.select(&filter).map_err(|e| e.to_string())?.len();
        if let Some(path) = svg {
            let (text, _) = render::svg(&picture).map_err(|e| e.to_string())?;
            std::fs::write(&path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            println!("{}: {width}x{height} SVG, {} bytes, {shown} incidents", path.display(), text.len());
        }
        if let Some(path) = png {
            let (bytes, _) = render::png(&picture, scale).map_err(|e| e.to_string())?;
            std::fs::write(&path, &bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            println!(
                "{}: {}x{} PNG, {} bytes, {shown} incidents",
                path.display(),
                width * scale,
                height * scale,
                bytes.len()
            );
        }
        Ok(())
    }
}
