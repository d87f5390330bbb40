//! The corpus, read from the build's data files (`ruxue_core::bundle` has the format): a
//! manifest with everything but the clauses' texts, and one file of texts per document.
//!
//! The data is not compiled into the app. The wasm stays byte-for-byte the same when editors
//! change the data, so phones keep it cached; the first visit fetches app and manifest side by
//! side. Every page names the manifest in `<meta name="rx-data">` (the prerender writes it);
//! the app reads it once at start, before it renders, so every view reads [`corpus`]
//! synchronously. A document's texts are fetched when it is opened ([`document`]), and every
//! document's when a search needs them ([`full_corpus`]); `components::with_texts` shows a
//! view once what it needs is in. Natively (the prerender, the render tests) everything is in
//! from the start.

use std::sync::OnceLock;

use ruxue_core::bundle::{BundleError, Manifest};
use ruxue_core::search::SearchIndex;
use ruxue_core::{Corpus, Document};

static MANIFEST: OnceLock<(Manifest, Vec<u8>)> = OnceLock::new();
/// Each document with its texts, in the manifest's order, once its file is in; with the
/// file's bytes, from which the full corpus is decoded again rather than copied (a deep copy
/// of the corpus types costs the wasm more code than decoding them).
static DOCUMENTS: OnceLock<Vec<OnceLock<DocumentFile>>> = OnceLock::new();
/// A document, and the bytes of its file.
type DocumentFile = (Document, Vec<u8>);
static FULL: OnceLock<Corpus> = OnceLock::new();

/// The `name` of the `<meta>` whose `content` is the manifest's address, relative to the
/// page's `<base>`.
pub const DATA_META: &str = "rx-data";

/// The `name` of the `<meta>` a document's page adds for its document's file: the start-up
/// script preloads it with the manifest (the app fetches it from the manifest's list).
pub const DOCUMENT_META: &str = "rx-data-document";

/// The bundle `build.rs` compiled from `data/`, which the prerender splits into the data
/// files.
#[cfg(not(target_arch = "wasm32"))]
pub static BUILT_BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// Which documents' texts a view needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Needed {
    /// One document's (the reader, the widget's clause), by id.
    Document(String),
    /// Every document's (search).
    All,
}

/// Decodes a manifest and keeps it for the page's life; a second call keeps the first. A file
/// of another format version, or not a manifest at all, is an error.
pub fn install(bytes: &[u8]) -> Result<(), BundleError> {
    let manifest = ruxue_core::bundle::decode_manifest(bytes)?;
    let count = manifest.corpus.documents.len();
    if MANIFEST.set((manifest, bytes.to_vec())).is_ok() {
        let _ = DOCUMENTS.set((0..count).map(|_| OnceLock::new()).collect());
    }
    Ok(())
}

/// Decodes the file of the document at `index` (in the manifest's order) and keeps it.
pub fn install_document(index: usize, bytes: &[u8]) -> Result<(), BundleError> {
    let (manifest, _) = MANIFEST
        .get()
        .ok_or_else(|| BundleError::Mismatch("a document before the manifest".into()))?;
    let slots = DOCUMENTS.get().expect("set with the manifest");
    let slot = slots
        .get(index)
        .ok_or_else(|| BundleError::Mismatch(format!("no document {index}")))?;
    if slot.get().is_none() {
        let document = ruxue_core::bundle::decode_document(bytes)?;
        manifest.check_document(index, &document)?;
        let _ = slot.set((document, bytes.to_vec()));
    }
    Ok(())
}

/// Installs a manifest and every document's file, as the build wrote them.
pub fn install_files(files: &ruxue_core::bundle::DataFiles) -> Result<(), BundleError> {
    install(&files.manifest.1)?;
    for (index, (_, bytes)) in files.documents.iter().enumerate() {
        install_document(index, bytes)?;
    }
    Ok(())
}

/// Natively: the data files `split` makes of the build's bundle, all installed, unless the
/// prerender installed the files it wrote first.
#[cfg(not(target_arch = "wasm32"))]
fn manifest() -> &'static Manifest {
    // Tests render on several threads: one installs, the others wait for it.
    static BUILT: OnceLock<()> = OnceLock::new();
    if MANIFEST.get().is_none() {
        BUILT.get_or_init(|| {
            let corpus = ruxue_core::bundle::decode(BUILT_BUNDLE)
                .expect("build.rs wrote this bundle with the same format");
            install_files(&ruxue_core::bundle::split(&corpus)).expect("split wrote these files");
        });
    }
    &MANIFEST.get().expect("installed above").0
}

#[cfg(target_arch = "wasm32")]
fn manifest() -> &'static Manifest {
    &MANIFEST
        .get()
        .expect("the app renders only after data::load has installed the manifest")
        .0
}

/// The corpus without its clauses' texts (headings excepted): what every view but the reader
/// and search needs.
pub fn corpus() -> &'static Corpus {
    &manifest().corpus
}

/// The document `id` with its clauses' texts, once they are in ([`load_texts`]).
pub fn document(id: &str) -> Option<&'static Document> {
    let index = corpus().documents.iter().position(|d| d.meta.id == id)?;
    DOCUMENTS
        .get()?
        .get(index)?
        .get()
        .map(|(document, _)| document)
}

/// The whole corpus with every clause's text, once every document's texts are in.
pub fn full_corpus() -> Option<&'static Corpus> {
    manifest();
    if let Some(full) = FULL.get() {
        return Some(full);
    }
    let files = DOCUMENTS
        .get()?
        .iter()
        .map(|slot| slot.get().map(|(_, bytes)| bytes))
        .collect::<Option<Vec<_>>>()?;
    Some(FULL.get_or_init(|| {
        let (_, manifest_bytes) = MANIFEST.get().expect("read above");
        let mut full = ruxue_core::bundle::decode_manifest(manifest_bytes)
            .expect("decoded once already")
            .corpus;
        full.documents = files
            .iter()
            .map(|bytes| ruxue_core::bundle::decode_document(bytes).expect("decoded once already"))
            .collect();
        full
    }))
}

/// Whether the texts `needed` are in.
pub fn has_texts(needed: &Needed) -> bool {
    missing(needed).is_empty()
}

/// The documents (by position) whose texts `needed` asks for and are not in yet. A document
/// the manifest does not hold needs nothing: its page says it was not found.
fn missing(needed: &Needed) -> Vec<usize> {
    let documents = &corpus().documents;
    let slots = DOCUMENTS.get().expect("set with the manifest");
    (0..documents.len())
        .filter(|&i| match needed {
            Needed::Document(id) => documents[i].meta.id == *id,
            Needed::All => true,
        })
        .filter(|&i| slots[i].get().is_none())
        .collect()
}

/// The search index, built from the full corpus on first use (about 12 ms natively, measured
/// by `make bench`), so pages that never search never pay for it. Search views are shown only
/// once every document's texts are in.
pub fn search_index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let corpus = full_corpus().expect("search is shown only once every text is in");
        measured("rx-search-index", || SearchIndex::build(corpus))
    })
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

/// Why the app could not read a data file. The page stays as it was (prerendered, it is
/// still readable) and says what happened ([`crate::crash::show_data_notice`], or the
/// reader's and search's own notice for a document's texts).
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
            LoadError::NoDataFile => {
                write!(
                    f,
                    "this page names no data file (<meta name=\"{DATA_META}\">)"
                )
            }
            LoadError::Network { url, message } => write!(f, "{url}: {message}"),
            LoadError::Status { url, status } => write!(f, "{url}: HTTP {status}"),
            LoadError::Bundle { url, error } => write!(f, "{url}: {error}"),
        }
    }
}

/// The manifest's address: the page's `<meta name="rx-data">`, against the page's `<base>`.
#[cfg(target_arch = "wasm32")]
fn manifest_url() -> Option<String> {
    let document = leptos::prelude::document();
    let content = document
        .query_selector(&format!("meta[name=\"{DATA_META}\"]"))
        .ok()
        .flatten()?
        .get_attribute("content")?;
    let base = document.base_uri().ok().flatten()?;
    Some(web_sys::Url::new_with_base(&content, &base).ok()?.href())
}

/// The bytes at `url`.
#[cfg(target_arch = "wasm32")]
async fn fetch(url: &str) -> Result<Vec<u8>, LoadError> {
    let network = |error: gloo_net::Error| LoadError::Network {
        url: url.to_string(),
        message: error.to_string(),
    };
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Status {
            url: url.to_string(),
            status: response.status(),
        });
    }
    response.binary().await.map_err(network)
}

/// Fetches the data file at `url` and gives it to `install`; an error names the file.
#[cfg(target_arch = "wasm32")]
async fn fetch_installed(
    url: String,
    install: impl FnOnce(&[u8]) -> Result<(), BundleError>,
) -> Result<(), LoadError> {
    let bytes = fetch(&url).await?;
    install(&bytes).map_err(|error| LoadError::Bundle { url, error })
}

/// Fetches the page's manifest and installs it. The start-up script has already asked for it
/// (a preload beside the wasm), so this normally reads the browser's copy.
#[cfg(target_arch = "wasm32")]
pub async fn load() -> Result<(), LoadError> {
    let url = manifest_url().ok_or(LoadError::NoDataFile)?;
    fetch_installed(url, install).await
}

/// Fetches the texts `needed` that are not in yet, all at once, and installs them. The
/// documents' files sit beside the manifest.
#[cfg(target_arch = "wasm32")]
pub async fn load_texts(needed: &Needed) -> Result<(), LoadError> {
    use std::cell::RefCell;
    use std::rc::Rc;
    let base = manifest_url().ok_or(LoadError::NoDataFile)?;
    // Each request runs as a promise of its own, so that they go out together; `Promise.all`
    // waits for them (the app already has promises, so this adds less to the wasm than a
    // Rust join would). The first error is kept here, since a promise carries only a value.
    let failure: Rc<RefCell<Option<LoadError>>> = Rc::default();
    let promises = js_sys::Array::new();
    for index in missing(needed) {
        let url = web_sys::Url::new_with_base(&manifest().documents[index], &base)
            .map(|u| u.href())
            .unwrap_or_default();
        let failure = Rc::clone(&failure);
        promises.push(&wasm_bindgen_futures::future_to_promise(async move {
            match fetch_installed(url, |bytes| install_document(index, bytes)).await {
                Ok(()) => Ok(wasm_bindgen::JsValue::UNDEFINED),
                Err(error) => {
                    failure.borrow_mut().get_or_insert(error);
                    Err(wasm_bindgen::JsValue::UNDEFINED)
                }
            }
        }));
    }
    let all = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all(&promises)).await;
    let first_error = failure.borrow_mut().take();
    match (all, first_error) {
        (Ok(_), _) => Ok(()),
        (Err(_), Some(error)) => Err(error),
        (Err(_), None) => Err(LoadError::Network {
            url: base,
            message: "a request failed".into(),
        }),
    }
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
