//! Search over everything the portal can answer with, built for how parents type: questions
//! in Chinese without spaces, parent vocabulary (幼升小), slips (幼生小), traditional
//! characters, full-width input, pinyin and English.
//!
//! - [`normalize`]: one character-for-character normalisation for both sides.
//! - [`tokenize`]: Han unigrams and bigrams, whole Latin words and numbers, compound words.
//! - [`pinyin`]: pinyin matching against readings computed at build time.
//! - [`question`]: question words and particles that ranking drops.
//! - [`understand`]: how a query is read: uncovered places, slips, glossary, vocabulary.
//! - [`target`]: what a hit can be (clause, statement, dates, place, school, cluster, tool).
//! - [`engine`]: the inverted index and BM25F ranking with the weights in [`engine::weights`].
//!
//! Index building and querying are separate steps: [`engine::SearchIndex::build`] runs once,
//! natively (the build ships the index in shards, `crate::bundle`; the CLI builds its own),
//! and [`engine::SearchIndex::search_with`] per query, over the shards in so far.

pub mod engine;
pub mod normalize;
pub mod pinyin;
pub mod question;
pub mod target;
pub mod tokenize;
pub mod understand;

pub use engine::{highlight_terms, match_mask, Hit, Query, Results, SearchIndex, Snippet};
pub use target::{HitKind, Target, Tool};
