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

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Row { row, line: Some(line), column, message } => {
                write!(f, "row {row} (line {line}), column '{column}': {message}")
            }
            Error::Row { row, line: None, column, message } => write!(f, "row {row}, column '{column}': {message}"),
            Error::File(m) => f.write_str(m),
            Error::Filter { field, message } => write!(f, "filter field '{field}': {message}"),
            Error::Argument(m) => f.write_str(m),
            Error::Draw(m) => write!(f, "drawing failed: {m}"),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;
