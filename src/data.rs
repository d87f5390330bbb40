//! The corpus, compiled into the app by `build.rs` (see `ruxue_core::bundle` for the format).
//!
//! Embedding keeps the portal and the widget self-contained: no extra request, no CORS, and
//! the data always matches the code that reads it.

use std::sync::OnceLock;

use ruxue_core::Corpus;

static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The shipped corpus, decoded on first use.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        ruxue_core::bundle::decode(BUNDLE).expect("build.rs wrote this bundle with the same format")
    })
}
