//! A small pull scanner for the plain, machine-written XML inside workbooks: tags with their
//! attributes, and text with the five named entities and numeric references resolved. It skips
//! declarations, comments and doctypes, and reports malformed markup instead of guessing. (A full
//! XML crate cost about 20 KB of gzipped wasm for features a workbook never uses.)

// Text is cut with `str::get` and `strs::around`, searched with `strs::find`: slicing a `str`
// could panic, and that message would bring Unicode's tables into the module (see crate::strs).
use crate::strs::{around, find};
use std::borrow::Cow;

pub enum Tok<'a> {
    /// `<name attrs>` or `<name attrs/>` (then `empty`); `name` without its namespace prefix.
    Start {
        name: &'a str,
        attrs: &'a str,
        empty: bool,
    },
    End(&'a str),
    /// Text between tags, already unescaped.
    Text(Cow<'a, str>),
}

pub struct Scanner<'a> {
    s: &'a str,
    pos: usize,
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Resolves entity and character references.
pub fn unescape(text: &str) -> Result<Cow<'_, str>, String> {
    if !text.contains('&') {
        return Ok(Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        let (before, reference) = around(rest, i, 0);
        out.push_str(before);
        let end = reference.find(';').ok_or_else(|| {
            format!("unterminated reference near '{}'", reference.chars().take(12).collect::<String>())
        })?;
        let name = reference.get(1..end).unwrap_or("");
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => name.strip_prefix('#').and_then(|d| d.parse().ok()),
                };
                code.and_then(char::from_u32).ok_or_else(|| format!("unknown reference '&{name};'"))?
            }
        };
        out.push(c);
        rest = reference.get(end + 1..).unwrap_or("");
    }
    out.push_str(rest);
    Ok(Cow::Owned(out))
}

/// The unescaped value of attribute `key` (matched without namespace prefix) in a tag's attributes.
pub fn attr<'a>(attrs: &'a str, key: &str) -> Option<Cow<'a, str>> {
    let mut rest = attrs;
    loop {
        let eq = rest.find('=')?;
        let (name, after) = around(rest, eq, 1);
        let after = after.trim_start();
        let quote = after.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let quoted = after.get(1..)?;
        let close = quoted.find(quote)?;
        let (value, tail) = around(quoted, close, 1);
        if local(name.trim()) == key {
            return unescape(value).ok();
        }
        rest = tail;
    }
}

impl<'a> Scanner<'a> {
    pub fn new(s: &'a str) -> Scanner<'a> {
        Scanner { s, pos: 0 }
    }

    fn skip_past(&mut self, end: &str) -> Result<(), String> {
        match find(self.s.get(self.pos..).unwrap_or(""), end) {
            Some(i) => {
                self.pos += i + end.len();
                Ok(())
            }
            None => Err(format!("unterminated markup at byte {}", self.pos)),
        }
    }

    /// The next token, `None` at the end.
    pub fn next_tok(&mut self) -> Result<Option<Tok<'a>>, String> {
        loop {
            let rest = self.s.get(self.pos..).unwrap_or("");
            if rest.is_empty() {
                return Ok(None);
            }
            if !rest.starts_with('<') {
                let len = rest.find('<').unwrap_or(rest.len());
                self.pos += len;
                return Ok(Some(Tok::Text(unescape(around(rest, len, 0).0)?)));
            }
            if rest.starts_with("<?") {
                self.skip_past("?>")?;
            } else if rest.starts_with("<!--") {
                self.skip_past("-->")?;
            } else if let Some(body) = rest.strip_prefix("<![CDATA[") {
                let end = find(body, "]]>").ok_or_else(|| format!("unterminated CDATA at byte {}", self.pos))?;
                self.pos += 9 + end + 3;
                return Ok(Some(Tok::Text(Cow::Borrowed(around(body, end, 0).0))));
            } else if rest.starts_with("<!") {
                self.skip_past(">")?;
            } else {
                // Find the closing '>' outside quoted attribute values.
                let mut quote = None;
                let gt = rest
                    .char_indices()
                    .skip(1)
                    .find(|&(_, c)| match (quote, c) {
                        (None, '"' | '\'') => {
                            quote = Some(c);
                            false
                        }
                        (Some(q), c) if c == q => {
                            quote = None;
                            false
                        }
                        (None, '>') => true,
                        _ => false,
                    })
                    .map(|(i, _)| i)
                    .ok_or_else(|| format!("unterminated tag at byte {}", self.pos))?;
                self.pos += gt + 1;
                let inner = rest.get(1..gt).unwrap_or("");
                if let Some(name) = inner.strip_prefix('/') {
                    return Ok(Some(Tok::End(local(name.trim()))));
                }
                let empty = inner.ends_with('/');
                let inner = inner.strip_suffix('/').unwrap_or(inner);
                let split = inner.find(|c: char| c.is_whitespace()).unwrap_or(inner.len());
                let (name, attrs) = around(inner, split, 0);
                return Ok(Some(Tok::Start { name: local(name), attrs, empty }));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_tags_attributes_and_text() {
        let xml =
            r#"<?xml version="1.0"?><!-- c --><x:a k="1 &amp; 2" j='q>'><b/>t&lt;&#65;&#x42;<![CDATA[<raw>]]></x:a>"#;
        let mut s = Scanner::new(xml);
        let mut out = Vec::new();
        while let Some(t) = s.next_tok().unwrap() {
            out.push(match t {
                Tok::Start { name, attrs, empty } => {
                    format!(
                        "start {name} k={} j={} empty={empty}",
                        attr(attrs, "k").unwrap_or_default(),
                        attr(attrs, "j").unwrap_or_default()
                    )
                }
                Tok::End(n) => format!("end {n}"),
                Tok::Text(t) => format!("text {t}"),
            });
        }
        assert_eq!(
            out,
            ["start a k=1 & 2 j=q> empty=false", "start b k= j= empty=true", "text t<AB", "text <raw>", "end a"]
        );
        assert!(unescape("&bogus;").is_err());
        assert!(Scanner::new("<a").next_tok().is_err());
        // Multi-byte text around references, names and values; malformed pieces are no panic.
        assert_eq!(unescape("é&amp;ü&#233;").unwrap(), "é&üé");
        assert!(unescape("né&ampé").unwrap_err().contains("near '&ampé'"));
        assert_eq!(attr(r#" é:k = "wert ü" r:id='x'"#, "k").as_deref(), Some("wert ü"));
        assert_eq!(attr(r#" r:id='é'"#, "id").as_deref(), Some("é"));
        assert_eq!(attr(r#" a="1" b"#, "b"), None);
        assert_eq!(attr(r#" a="unclosed"#, "a"), None);
        assert!(Scanner::new("é<!-- open").next_tok().is_ok_and(|t| matches!(t, Some(Tok::Text(_)))));
    }
}
