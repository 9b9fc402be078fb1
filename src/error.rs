//! The one error type of the core. Every message names what was wrong and where (row, column,
//! field), because the page shows it to a reader as it is.

use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// A data row (1-based, counting data rows after the header) with a bad value in a column.
    Row { row: usize, line: Option<u64>, column: String, message: String },
    /// The file as a whole: empty, unreadable, missing columns, unknown format.
    File(String),
    /// A filter object with an unknown field or a bad value.
    Filter { field: String, message: String },
    /// A bad argument to an API call (view name, canvas size ...).
    Argument(String),
    /// The drawing backend failed.
    Draw(String),
}

impl Error {
    pub fn row(row: usize, line: Option<u64>, column: &str, message: impl Into<String>) -> Error {
        Error::Row { row, line, column: column.to_string(), message: message.into() }
    }

    pub fn filter(field: &str, message: impl Into<String>) -> Error {
        Error::Filter { field: field.to_string(), message: message.into() }
    }
}

/// Longest message shown for one problem: a message quoting a huge cell (a 10 MB line, a
/// header of thousands of columns) keeps its start and end with the middle elided.
pub const MAX_MESSAGE_CHARS: usize = 600;

/// `s` with its middle replaced by " … " when it has more than `max` characters.
pub fn clip(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let n = s.chars().count();
    if n <= max {
        return s.into();
    }
    let at = |k: usize| s.char_indices().nth(k).map_or(s.len(), |(i, _)| i);
    let (head, tail) = (s.get(..at(max * 2 / 3)).unwrap_or(""), s.get(at(n - max / 3)..).unwrap_or(""));
    format!("{head} … {tail}").into()
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let full = self.unclipped();
        f.write_str(&clip(&full, MAX_MESSAGE_CHARS))
    }
}

impl Error {
    fn unclipped(&self) -> String {
        match self {
            Error::Row { row, line: Some(line), column, message } => {
                format!("row {row} (line {line}), column '{column}': {message}")
            }
            Error::Row { row, line: None, column, message } => format!("row {row}, column '{column}': {message}"),
            Error::File(m) | Error::Argument(m) => m.clone(),
            Error::Filter { field, message } => format!("filter field '{field}': {message}"),
            Error::Draw(m) => format!("drawing failed: {m}"),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;
