//! The bundled dataset's long texts (rationale, attribution, description, sources) and the two
//! dates only a record shows, as the page fetches them after its first chart: written natively by
//! `cargo run --bin schema -- text`, put back into the browser's store, which holds every row with
//! those fields empty. Both sides are the store's own row text, so putting them back is a copy of
//! text, row by row, with no parser and no incident rebuilt.

use super::{Store, FIELD, TEXTS};
use crate::error::{Error, Result};
use crate::model::PartialDate;

/// Ends each row of [`Store::long_texts`]: a control character no reader types (the writer turns
/// any in the texts into a space).
pub const TEXT_ROW: char = '\u{1c}';

/// The fields of a row that [`Store::long_texts`] writes: the id, then the row's fields after
/// the name.
const WRITTEN: usize = TEXTS - 1;

/// The error for texts that do not fit this dataset.
fn stale(what: String) -> Error {
    Error::File(format!("the incident texts {what} (a text file of another version of the dataset?)"))
}

/// At most 40 characters of `s`, for a message about text that may be anything.
fn short(s: &str) -> String {
    // `get`, not indexing: a slice that could fail would bring the panic's formatting into the module.
    match s.char_indices().nth(40).and_then(|(at, _)| s.get(..at)) {
        Some(start) => format!("{start}…"),
        None => s.to_string(),
    }
}

impl Store {
    /// Every row's id and long texts, in row order, each row ended by [`TEXT_ROW`]: the row's
    /// text without its name, which the browser's store already holds. (Written natively; the
    /// browser's module only reads.)
    pub fn long_texts(&self) -> String {
        let mut out = String::with_capacity(self.text.len());
        for k in 0..self.len() {
            let row = self.row_text(k);
            let (id, rest) = row.split_once(FIELD).unwrap_or((row, ""));
            let after_name = rest.split_once(FIELD).map_or("", |(_, after)| after);
            let clean = |part: &str| part.replace([TEXT_ROW, crate::events::TEXT_PART], " ");
            out.push_str(&clean(id));
            out.push(FIELD);
            out.push_str(&clean(after_name));
            out.push(TEXT_ROW);
        }
        out
    }

    /// Puts back the long texts [`Store::long_texts`] wrote for the same incidents in the same
    /// order; returns how many rows got theirs. Texts for other incidents, a row of the wrong
    /// shape or a date that is not one is an error, and the store is left as it was.
    pub fn attach_long_texts(&mut self, texts: &str) -> Result<usize> {
        let mut text = String::with_capacity(self.text.len() + texts.len());
        let mut ends = Vec::with_capacity(self.len());
        let mut rows = texts.split_terminator(TEXT_ROW);
        for k in 0..self.len() {
            let (id, name) = (self.id(k), self.name(k));
            let row = rows.next().ok_or_else(|| stale(format!("end at row {k}, before '{id}'")))?;
            let (given, long) = row.split_once(FIELD).unwrap_or((row, ""));
            if given != id {
                return Err(stale(format!("give row {} to '{}', where this dataset has '{id}'", k + 1, short(given))));
            }
            let fields = row.bytes().filter(|&b| b == FIELD as u8).count() + 1;
            if fields != WRITTEN {
                return Err(stale(format!("give '{id}' {fields} fields, not {WRITTEN}")));
            }
            // The last two fields: the end and the attribution's date.
            for date in long.split(FIELD).skip(WRITTEN - 3).filter(|d| !d.is_empty()) {
                PartialDate::parse(date)
                    .map_err(|e| Error::File(format!("the incident texts give '{id}' the date '{date}': {e}")))?;
            }
            text.push_str(id);
            text.push(FIELD);
            text.push_str(name);
            text.push(FIELD);
            text.push_str(long);
            ends.push(text.len() as u32);
        }
        if let Some(extra) = rows.next() {
            return Err(stale(format!("go on after the last incident ('{}')", short(extra))));
        }
        (self.text, self.ends) = (text, ends);
        self.search.clear();
        Ok(self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Country, Incident};

    fn store(texts: bool) -> Store {
        let incident = |id: &str, end: &str| {
            let text = |s: &str| if texts { s.to_string() } else { String::new() };
            Incident {
                id: id.into(),
                name: format!("Name of {id}"),
                start: PartialDate::parse("2014-11").ok(),
                end: PartialDate::parse(end).ok().filter(|_| texts),
                initiator: Country::parse("PRK").unwrap(),
                targets: vec![Country::parse("KOR").unwrap()],
                target_type: None,
                method: None,
                objective: None,
                severity: Some(3),
                effects: None,
                rationale: text("Why"),
                attributed_by: text("FBI"),
                attribution_date: None,
                certainty: None,
                scope: None,
                description: text(&format!("What {id} was, \u{1c}in short")),
                sources: ["https://example.org/a", "https://example.org/b"]
                    .iter()
                    .map(|s| text(s))
                    .filter(|s| !s.is_empty())
                    .collect(),
            }
        };
        Store::from(vec![incident("a", "2015"), incident("b", "")])
    }

    #[test]
    fn long_texts_put_back_give_the_whole_rows() {
        let full = store(true);
        let mut core = store(false);
        assert_eq!(core.attach_long_texts(&full.long_texts()).unwrap(), 2);
        let want: Vec<_> = full
            .incidents()
            .into_iter()
            .map(|mut i| (i.description = i.description.replace('\u{1c}', " "), i).1)
            .collect();
        assert_eq!(core.incidents(), want);
        assert_eq!(core.incidents()[0].sources.len(), 2);
        assert_eq!(core.incidents()[0].end, PartialDate::parse("2015").ok());
    }

    #[test]
    fn texts_of_other_data_are_refused_and_change_nothing() {
        let full = store(true).long_texts();
        let mut core = store(false);
        let before = core.clone();
        let refused = |core: &mut Store, texts: &str| core.attach_long_texts(texts).unwrap_err().to_string();
        assert!(refused(&mut core, &full.replacen('a', "z", 1)).contains("'z'"));
        assert!(refused(&mut core, &full[..full.find(TEXT_ROW).unwrap() + 1]).contains("end at row 1"));
        assert!(refused(&mut core, &format!("{full}c\u{1c}")).contains("go on after"));
        assert!(refused(&mut core, &full.replace("2015", "2015-13")).contains("'2015-13'"));
        let (first, rest) = full.split_once(TEXT_ROW).unwrap();
        let short_row = first.rsplit_once(FIELD).unwrap().0;
        assert!(refused(&mut core, &format!("{short_row}{TEXT_ROW}{rest}")).contains("6 fields, not 7"));
        let page = refused(&mut core, "<!doctype html><title>Not found</title><p>The page you asked for is gone.");
        assert!(page.contains("another version") && page.contains('…'), "{page}");
        assert_eq!(core, before);
    }
}
