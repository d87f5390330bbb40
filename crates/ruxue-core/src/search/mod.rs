//! Full-text search over every clause, built for how parents type: Chinese without spaces,
//! parent vocabulary (幼升小), traditional characters, full-width input and pinyin.
//!
//! - [`normalize`]: one character-for-character normalisation for both sides.
//! - [`tokenize`]: Han unigrams and bigrams, whole Latin words and numbers.
//! - [`pinyin`]: pinyin matching against readings computed at build time.
//! - [`engine`]: the inverted index, BM25F ranking with the weights in [`engine::weights`],
//!   vocabulary expansion, snippets and filters.
//!
//! Index building and querying are separate steps: [`engine::SearchIndex::build`] runs once
//! (natively in the CLI, in the browser on first use), [`engine::SearchIndex::search`] per query.

pub mod engine;
pub mod normalize;
pub mod pinyin;
pub mod tokenize;

pub use engine::{highlight_terms, match_mask, Hit, Query, Results, SearchIndex, Snippet};
