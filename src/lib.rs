//! cyber-spectrum: an explorer of state cyber incidents on the 0-10 escalation ladder.
//!
//! The crate is a pure core that builds and tests natively (`model`, `import`, `filter`, `stats`,
//! `chart`, `explorer`), plus one web module compiled only for `wasm32` that exposes the core to
//! JavaScript with `wasm_bindgen`. Charts are written against plotters' `DrawingBackend`, so the
//! same drawing code paints a browser canvas, a test recorder or a static image.

pub mod chart;
pub mod error;
pub mod explorer;
pub mod filter;
pub mod import;
pub mod model;
pub mod stats;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use error::{Error, Result};
pub use explorer::Explorer;
pub use filter::Filter;
