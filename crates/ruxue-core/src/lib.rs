//! Ruxue's domain, free of any web dependency so that it builds and tests natively.
//!
//! The editors' source of truth is the `data/` folder. With the `loader` feature (on by
//! default) this crate reads it, validates it and parses every document; the app's build script
//! and the CLI both use that code, so `ruxue check` and the build always agree. Without the
//! feature (the app in the browser) it is just the model and the [`bundle`] format.
//!
//! Every problem found in the data is a [`Diagnostic`] that prints as `file:line: message`.

pub mod bundle;
pub mod calendar;
pub mod diagnostic;
pub mod directory;
pub mod document;
pub mod embed;
pub mod guidance;
pub mod link;
pub mod lookup;
pub mod search;
pub mod site;
pub mod structure;

#[cfg(feature = "loader")]
pub mod corpus;
#[cfg(feature = "loader")]
pub mod directory_loader;
#[cfg(feature = "loader")]
pub mod guidance_loader;
#[cfg(feature = "loader")]
pub mod metadata;
#[cfg(feature = "loader")]
pub mod parse;
#[cfg(feature = "loader")]
pub mod readings;
#[cfg(feature = "loader")]
pub mod repair;
#[cfg(feature = "loader")]
pub mod toml_file;
#[cfg(feature = "loader")]
pub mod vocabulary;

#[cfg(feature = "loader")]
pub use corpus::{load_corpus, DOCUMENTS_DIR, REPAIRS_FILE, SITE_FILE};
pub use diagnostic::Diagnostic;
pub use document::{
    AppliedRepair, Corpus, Document, DocumentMeta, DocumentSource, GlossaryEntry, Status,
    VocabularyTerm,
};
pub use structure::{Clause, ClauseKind};
