//! The corpus, read from the build's data file (`ruxue_core::bundle` has the format).
//!
//! The data is not compiled into the app. The wasm stays byte-for-byte the same when editors
//! change the data, so phones keep it cached; the first visit fetches app and data side by
//! side. Every page names its data file in `<meta name="rx-data">` (the prerender writes it);
//! the app fetches that file once at start, before it renders, so every view reads the corpus
//! synchronously. Natively (the prerender and the render tests) the same bytes come from the
//! build script's output.

use std::sync::OnceLock;

use ruxue_core::bundle::BundleError;
use ruxue_core::search::SearchIndex;
use ruxue_core::Corpus;

static CORPUS: OnceLock<Corpus> = OnceLock::new();

/// The `name` of the `<meta>` whose `content` is the data file's address, relative to the
/// page's `<base>`.
pub const DATA_META: &str = "rx-data";

/// The bundle `build.rs` compiled from `data/`: what the prerender writes as the data file.
#[cfg(not(target_arch = "wasm32"))]
pub static BUILT_BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// Decodes a data file and keeps its corpus for the page's life; a second call keeps the
/// first. A file of another format version or not a data file at all is an error.
pub fn install(bytes: &[u8]) -> Result<(), BundleError> {
    let corpus = ruxue_core::bundle::decode(bytes)?;
    let _ = CORPUS.set(corpus);
    Ok(())
}

/// The shipped corpus. In the browser the app renders only after [`load`] installed it.
pub fn corpus() -> &'static Corpus {
    #[cfg(not(target_arch = "wasm32"))]
    {
        CORPUS.get_or_init(|| {
            ruxue_core::bundle::decode(BUILT_BUNDLE)
                .expect("build.rs wrote this bundle with the same format")
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        CORPUS
            .get()
            .expect("the app renders only after data::load has installed the corpus")
    }
}

/// The search index, built from the corpus on first use (about 12 ms natively, measured by
/// `make bench`), so pages that never search never pay for it.
pub fn search_index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| measured("rx-search-index", || SearchIndex::build(corpus())))
}

/// Runs `work`, and in the browser records how long it took as a User Timing measure named
/// `name` (`performance.getEntriesByName(name)`), which `make scale-bench` reads: the figures
/// come from the page a parent would use, not from a harness of its own.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    #[cfg(target_arch = "wasm32")]
    {
        let performance = web_sys::window().and_then(|w| w.performance());
        let start = format!("{name}-start");
        if let Some(performance) = &performance {
            let _ = performance.mark(&start);
        }
        let result = work();
        if let Some(performance) = &performance {
            let _ = performance.measure_with_start_mark(name, &start);
            performance.clear_marks_with_mark_name(&start);
        }
        result
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        work()
    }
}

/// Why the app could not read its data. The page stays as it was (prerendered, it is still
/// readable) and says what happened ([`crate::crash::show_data_notice`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The page has no `<meta name="rx-data">`: it was not written by this build's prerender.
    NoDataFile,
    /// The request failed: offline, or the host could not be reached.
    Network { url: String, message: String },
    /// The host answered with an error status (404 after a partial deploy, say).
    Status { url: String, status: u16 },
    /// The file is not a data file of the format this app reads.
    Bundle { url: String, error: BundleError },
}

impl LoadError {
    /// Whether reloading the page may help (a network problem), rather than a deploy mistake.
    pub fn is_network(&self) -> bool {
        matches!(self, LoadError::Network { .. })
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NoDataFile => write!(
                f,
                "this page names no data file (<meta name=\"{DATA_META}\">)"
            ),
            LoadError::Network { url, message } => write!(f, "{url}: {message}"),
            LoadError::Status { url, status } => write!(f, "{url}: HTTP {status}"),
            LoadError::Bundle { url, error } => write!(f, "{url}: {error}"),
        }
    }
}

/// The data file's address: the page's `<meta name="rx-data">`, against the page's `<base>`.
#[cfg(target_arch = "wasm32")]
fn data_url() -> Option<String> {
    let document = leptos::prelude::document();
    let content = document
        .query_selector(&format!("meta[name=\"{DATA_META}\"]"))
        .ok()
        .flatten()?
        .get_attribute("content")?;
    let base = document.base_uri().ok().flatten()?;
    Some(web_sys::Url::new_with_base(&content, &base).ok()?.href())
}

/// Fetches the page's data file and installs it. The start-up script has already asked for
/// it (a preload beside the wasm), so this normally reads the browser's copy.
#[cfg(target_arch = "wasm32")]
pub async fn load() -> Result<(), LoadError> {
    let url = data_url().ok_or(LoadError::NoDataFile)?;
    let network = |error: gloo_net::Error| LoadError::Network {
        url: url.clone(),
        message: error.to_string(),
    };
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Status {
            url,
            status: response.status(),
        });
    }
    let bytes = response.binary().await.map_err(network)?;
    install(&bytes).map_err(|error| LoadError::Bundle { url, error })
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
