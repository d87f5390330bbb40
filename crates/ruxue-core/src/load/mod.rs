//! Reading the `data/` folder into one validated [`Corpus`](crate::model::Corpus), in the
//! order the data depends on itself: the search aids, each document (metadata, recorded
//! repairs, then the parser), the directory (sources, places, schools, clusters), the guidance
//! whose sources must resolve against both, the targets (whose quotes must be in their
//! clauses), and the site settings.
//!
//! Only [`load_corpus`] and the names of the files it requires leave this module: the app's
//! build script, the CLI and the tests all load through it, so `ruxue check` and the build
//! always agree. Every problem is a [`Diagnostic`](crate::Diagnostic) at its `file:line`.

// The compiler proves nothing here is used from outside except what `lib.rs` re-exports.
#![deny(unreachable_pub)]

mod corpus;
mod csv_file;
mod directory;
mod guidance;
mod markers;
mod metadata;
mod parser;
mod problems;
mod readings;
mod repairs;
mod site;
mod targets;
mod toml_file;
mod vocabulary;

pub use corpus::{load_corpus, MAX_CLAUSE_CHARS, REQUIRED_FILES, SITE_FILE};
