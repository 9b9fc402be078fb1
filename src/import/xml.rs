//! A small pull scanner for the plain, machine-written XML inside workbooks: tags with their
//! attributes, and text with the five named entities and numeric references resolved. It skips
//! declarations, comments and doctypes, and reports malformed markup instead of guessing. (A full
//! XML crate cost about 20 KB of gzipped wasm for features a workbook never uses.)

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
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').ok_or_else(|| {
            format!("unterminated reference near '{}'", &rest[i..].chars().take(12).collect::<String>())
        })?;
        let name = &rest[i + 1..i + end];
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
        rest = &rest[i + end + 1..];
    }
    out.push_str(rest);
    Ok(Cow::Owned(out))
}

/// The unescaped value of attribute `key` (matched without namespace prefix) in a tag's attributes.
pub fn attr<'a>(attrs: &'a str, key: &str) -> Option<Cow<'a, str>> {
    let mut rest = attrs;
    loop {
        let eq = rest.find('=')?;
        let name = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let close = after[1..].find(quote)?;
        let value = &after[1..1 + close];
        if local(name) == key {
            return unescape(value).ok();
        }
        rest = &after[close + 2..];
    }
}

impl<'a> Scanner<'a> {
    pub fn new(s: &'a str) -> Scanner<'a> {
        Scanner { s, pos: 0 }
    }

    fn skip_past(&mut self, end: &str) -> Result<(), String> {
        match self.s[self.pos..].find(end) {
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
            let rest = &self.s[self.pos..];
            if rest.is_empty() {
                return Ok(None);
            }
            if !rest.starts_with('<') {
                let len = rest.find('<').unwrap_or(rest.len());
                self.pos += len;
                return Ok(Some(Tok::Text(unescape(&rest[..len])?)));
            }
            if rest.starts_with("<?") {
                self.skip_past("?>")?;
            } else if rest.starts_with("<!--") {
                self.skip_past("-->")?;
            } else if let Some(body) = rest.strip_prefix("<![CDATA[") {
                let end = body.find("]]>").ok_or_else(|| format!("unterminated CDATA at byte {}", self.pos))?;
                self.pos += 9 + end + 3;
                return Ok(Some(Tok::Text(Cow::Borrowed(&body[..end]))));
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
                let inner = &rest[1..gt];
                if let Some(name) = inner.strip_prefix('/') {
                    return Ok(Some(Tok::End(local(name.trim()))));
                }
                let empty = inner.ends_with('/');
                let inner = inner.strip_suffix('/').unwrap_or(inner);
                let split = inner.find(|c: char| c.is_whitespace()).unwrap_or(inner.len());
                return Ok(Some(Tok::Start { name: local(&inner[..split]), attrs: &inner[split..], empty }));
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
    }
}
