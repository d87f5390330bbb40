//! Ruxue's domain, free of any web dependency so that it builds and tests natively.
//!
//! The editors' source of truth is the `data/` folder. This crate reads it, validates it and
//! turns it into the model the app and the CLI share, so that `ruxue check` and the build
//! always agree on what is valid.
//!
//! Every problem found in the data is a [`Diagnostic`] that prints as `file:line: message`.

pub mod corpus;
pub mod diagnostic;
pub mod document;

pub use corpus::{load_corpus, Corpus, DOCUMENTS_DIR};
pub use diagnostic::Diagnostic;
pub use document::{Document, DocumentMeta, DocumentSource, Status};
