//! The corpus, compiled into the app by `build.rs` (see `ruxue_core::bundle` for the format).
//!
//! Embedding keeps the portal and the widget self-contained: no extra request, no CORS, and
//! the data always matches the code that reads it.

use std::sync::OnceLock;

use ruxue_core::search::SearchIndex;
use ruxue_core::Corpus;

static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The shipped corpus, decoded on first use.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        ruxue_core::bundle::decode(BUNDLE).expect("build.rs wrote this bundle with the same format")
    })
}

/// The search index, built from the corpus on first use (about 12 ms natively, measured by
/// `make bench`), so pages that never search never pay for it.
pub fn search_index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::build(corpus()))
}

/// Today's date from the browser's clock (local time), for the calculator and key dates.
#[cfg(target_arch = "wasm32")]
pub fn today() -> ruxue_core::calendar::CalendarDate {
    let now = js_sys::Date::new_0();
    ruxue_core::calendar::CalendarDate::new(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or(ruxue_core::calendar::CalendarDate {
        year: 2026,
        month: 1,
        day: 1,
    })
}

/// Today's date from the system clock (UTC), when pages are prerendered natively. The app
/// renders again with the reader's own date once it starts.
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> ruxue_core::calendar::CalendarDate {
    ruxue_core::calendar::CalendarDate::today_utc()
}
