//! cyber-spectrum: an explorer of state cyber incidents on the 0-10 escalation ladder.
//!
//! The crate is a pure core that builds and tests natively (`model`, `import`, `filter`, `stats`,
//! `chart`, `explorer`), plus the JavaScript surfaces compiled only for `wasm32`: `web::explorer`
//! (feature `explorer`, the default: charts, filters, stats on the project's schema) and
//! `web::import` (feature `importer`: every file format, run in a Web Worker and fetched only when
//! a reader loads a file). The vocabularies both sides share (filter fields, views, formats,
//! columns) are tables in the core; `schema` writes them out as `www/schema.js`. The two modules
//! are built apart so readers who never import a file never download the importers. Charts are written against plotters' `DrawingBackend`, so the
//! same drawing code paints a browser canvas, a test recorder or a static image.

pub mod alloc;
pub mod bytes;
pub mod chart;
pub mod error;
pub mod events;
pub mod explorer;
pub mod filter;
pub mod import;
pub mod model;
pub mod pass;
pub mod reading;
#[cfg(not(target_arch = "wasm32"))]
pub mod render;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod sort;
pub mod stats;
pub mod store;
pub mod strs;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use error::{Error, Result};
pub use explorer::Explorer;
pub use filter::Filter;
