//! Ruxue's domain, free of any web dependency so that it builds and tests natively.
//!
//! The crate by layer:
//!
//! - [`model`]: what the portal ships — documents, clauses, the corpus, the directory of
//!   places and schools, guidance, site settings.
//! - `load` (with the `loader` feature, on by default): reads and validates the editors'
//!   `data/` folder into a [`Corpus`]. Only [`load_corpus`] and the names of the files it
//!   requires are public; the app's build script and the CLI both load through it, so
//!   `ruxue check` and the build always agree. Every problem found is a [`Diagnostic`] that
//!   prints as `file:line: message`.
//! - The features the portal offers over the model: [`search`] (index and query),
//!   [`lookup`] (place, school and cluster), [`rules`] (what applies to a child),
//!   [`calendar`] (dates as parents type them), [`embed`] (the widget's parameters),
//!   [`link`] (shareable addresses), [`ics`] (calendar files) and [`targets`] (the
//!   commitments with numbers).
//! - [`bundle`]: the versioned binary format the browser decodes, the only thing the app
//!   needs without the `loader` feature.
//!
//! The loader's parts stay private, so nothing outside can come to depend on them:
//!
//! ```compile_fail
//! use ruxue_core::load::load_corpus; // the way in is `ruxue_core::load_corpus`
//! ```

pub mod diagnostic;
pub mod model;

#[cfg(feature = "loader")]
mod load;

pub mod bundle;
pub mod calendar;
pub mod embed;
pub mod ics;
pub mod link;
pub mod lookup;
pub mod rules;
pub mod search;
pub mod targets;

pub use diagnostic::Diagnostic;
#[cfg(feature = "loader")]
pub use load::{load_corpus, MAX_CLAUSE_CHARS, REQUIRED_FILES, SITE_FILE};
pub use model::{Clause, ClauseKind, Corpus, Document, Status};
