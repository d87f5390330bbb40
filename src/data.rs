//! The corpus, read from the build's data files (`ruxue_core::bundle` has the format): a
//! manifest with everything but the clauses' texts, and one file of texts per document.
//!
//! The data is not compiled into the app. The wasm stays byte-for-byte the same when editors
//! change the data, so phones keep it cached; the first visit fetches app and manifest side by
//! side. Every page names the manifest in `<meta name="rx-data">` (the prerender writes it);
//! the app reads it once at start, before it renders, so every view reads [`corpus`]
//! synchronously. A document's texts are fetched when it is opened ([`document`]);
//! `components::with_texts` shows a view once they are in. Search reads the index the build
//! wrote, shard by shard: [`search`] says what a query still needs (its terms' shards, then
//! the runs of clause texts it shows, [`clause_text`]) and [`load_for_search`] fetches it.
//! The directory's places (街镇, schools, clusters …) are a file of their own, which only the
//! lookup, the clusters page and search's results read: [`load_files`] fetches it before
//! those show. The 居委会 and 村委会 are another, which the clusters page does not read, and
//! the titles' and headings' readings a third, which only search reads.
//! Natively (the prerender, the render tests) everything is in from the start.

use std::sync::{Mutex, OnceLock};

use leptos::prelude::{ArcTrigger, Notify, Track};

use ruxue_core::bundle::{BundleError, Manifest};
use ruxue_core::search::engine::Missing;
use ruxue_core::search::{Query, Results, SearchIndex};
use ruxue_core::{Corpus, Document};

static MANIFEST: OnceLock<Manifest> = OnceLock::new();
/// Each document with its texts, in the manifest's order, once its file is in.
static DOCUMENTS: OnceLock<Vec<OnceLock<Document>>> = OnceLock::new();
/// Per document, its files of clause texts (for search results), once each is in.
static TEXTS: OnceLock<Vec<Vec<OnceLock<ruxue_core::bundle::Texts>>>> = OnceLock::new();
/// The search index, its shards installed as they come in.
static INDEX: OnceLock<Mutex<SearchIndex>> = OnceLock::new();

/// The `name` of the `<meta>` whose `content` is the manifest's address, relative to the
/// page's `<base>`.
pub const DATA_META: &str = "rx-data";

/// The `name` of the `<meta>` a document's page adds for its document's file: the start-up
/// script preloads it with the manifest (the app fetches it from the manifest's list).
pub const DOCUMENT_META: &str = "rx-data-document";

/// The `name` of the `<meta>` the lookup's and clusters' pages add for the places' file,
/// for the start-up script to preload it with the manifest.
pub const PLACES_META: &str = "rx-data-places";

/// The bundle `build.rs` compiled from `data/`, which the prerender splits into the data
/// files.
#[cfg(not(target_arch = "wasm32"))]
pub static BUILT_BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// Which documents' texts a view needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Needed {
    /// One document's (the reader, the widget's clause), by id.
    Document(String),
}

/// Decodes a manifest and keeps it for the page's life; a second call keeps the first. A file
/// of another format version, or not a manifest at all, is an error.
pub fn install(bytes: &[u8]) -> Result<(), BundleError> {
    let manifest = ruxue_core::bundle::decode_manifest(bytes)?;
    let count = manifest.corpus.documents.len();
    let texts = (0..count)
        .map(|document| {
            (0..manifest.texts_count(document))
                .map(|_| OnceLock::new())
                .collect()
        })
        .collect();
    if MANIFEST.set(manifest).is_ok() {
        let _ = DOCUMENTS.set((0..count).map(|_| OnceLock::new()).collect());
        let _ = TEXTS.set(texts);
    }
    Ok(())
}

/// The manifest, which a file read after it (`what`) needs installed first.
fn installed_manifest(what: &str) -> Result<&'static Manifest, BundleError> {
    (MANIFEST.get()).ok_or_else(|| BundleError::Mismatch(format!("{what} before the manifest")))
}

/// Decodes the places' file and adds them to the corpus. (The manifest names the file by its
/// content, so it is this build's.)
pub fn install_places(bytes: &[u8]) -> Result<(), BundleError> {
    let places = ruxue_core::bundle::decode_places(bytes)?;
    installed_manifest("the places")?
        .corpus
        .directory
        .places
        .install(places);
    places_arrival().notify();
    Ok(())
}

/// Decodes the communities' file and adds them to the corpus.
pub fn install_communities(bytes: &[u8]) -> Result<(), BundleError> {
    let communities = ruxue_core::bundle::decode_communities(bytes)?;
    installed_manifest("the communities")?
        .corpus
        .directory
        .communities
        .install(communities);
    places_arrival().notify();
    Ok(())
}

/// Decodes the targets' file and adds them to the corpus.
pub fn install_targets(bytes: &[u8]) -> Result<(), BundleError> {
    let targets = ruxue_core::bundle::decode_targets(bytes)?;
    installed_manifest("the targets")?
        .corpus
        .targets
        .install(targets);
    Ok(())
}

/// Decodes the search aids' file (the vocabulary and the glossary) and adds them to the
/// corpus.
pub fn install_aids(bytes: &[u8]) -> Result<(), BundleError> {
    let (vocabulary, glossary) = ruxue_core::bundle::decode_aids(bytes)?;
    let corpus = &installed_manifest("the search aids")?.corpus;
    corpus.vocabulary.install(vocabulary);
    corpus.glossary.install(glossary);
    Ok(())
}

/// Whether the places are in ([`load_files`]).
pub fn has_places() -> bool {
    corpus().directory.places.is_installed()
}

/// Whether the communities are in ([`load_files`]).
pub fn has_communities() -> bool {
    corpus().directory.communities.is_installed()
}

/// Makes the reactive scope it runs in run again when the places or the communities arrive:
/// the lookup's suggestions, which its box shows before they are in.
pub fn track_places() {
    places_arrival().track();
}

/// Notified when [`install_places`] has installed the places, and when
/// [`install_communities`] has installed the communities.
fn places_arrival() -> &'static ArcTrigger {
    static ARRIVAL: OnceLock<ArcTrigger> = OnceLock::new();
    ARRIVAL.get_or_init(ArcTrigger::new)
}

/// Decodes the file of the document at `index` (in the manifest's order) and keeps it.
pub fn install_document(index: usize, bytes: &[u8]) -> Result<(), BundleError> {
    let manifest = installed_manifest("a document")?;
    let slots = DOCUMENTS.get().expect("set with the manifest");
    let slot = slots
        .get(index)
        .ok_or_else(|| BundleError::Mismatch(format!("no document {index}")))?;
    if slot.get().is_none() {
        let document = ruxue_core::bundle::decode_document(bytes)?;
        manifest.check_document(index, &document)?;
        let _ = slot.set(document);
    }
    Ok(())
}

/// Decodes file `k` of the clause texts of the document at `document` and keeps it.
pub fn install_texts(document: usize, k: usize, bytes: &[u8]) -> Result<(), BundleError> {
    let slot = TEXTS
        .get()
        .and_then(|texts| texts.get(document)?.get(k))
        .ok_or_else(|| {
            BundleError::Mismatch(format!("no texts file {k} of document {document}"))
        })?;
    if slot.get().is_none() {
        let texts = ruxue_core::bundle::decode_texts(bytes)?;
        manifest().check_texts(document, k, &texts)?;
        let _ = slot.set(texts);
    }
    Ok(())
}

/// Decodes shard `number` of the search index and adds it to the index.
pub fn install_shard(number: usize, bytes: &[u8]) -> Result<(), BundleError> {
    let shard = ruxue_core::bundle::decode_shard(bytes)?;
    search_index()
        .install_shard(number, shard)
        .map_err(BundleError::Mismatch)
}

/// Installs a manifest, every document's file, every shard and every run of texts, as the build
/// wrote them.
pub fn install_files(files: &ruxue_core::bundle::DataFiles) -> Result<(), BundleError> {
    install(&files.manifest.1)?;
    install_places(&files.places.1)?;
    install_communities(&files.communities.1)?;
    install_readings(&files.readings.1)?;
    install_targets(&files.targets.1)?;
    install_aids(&files.aids.1)?;
    for (index, (_, bytes)) in files.documents.iter().enumerate() {
        install_document(index, bytes)?;
    }
    for (number, (_, bytes)) in files.index.iter().enumerate() {
        install_shard(number, bytes)?;
    }
    for (document, list) in files.texts.iter().enumerate() {
        for (k, (_, bytes)) in list.iter().enumerate() {
            install_texts(document, k, bytes)?;
        }
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
    MANIFEST.get().expect("installed above")
}

#[cfg(target_arch = "wasm32")]
fn manifest() -> &'static Manifest {
    MANIFEST
        .get()
        .expect("the app renders only after data::load has installed the manifest")
}

/// The corpus without its clauses' texts (headings excepted): what every view but the reader
/// and search needs. Without the places until [`load_files`] has them.
pub fn corpus() -> &'static Corpus {
    &manifest().corpus
}

/// The document `id` with its clauses' texts, once they are in ([`load_texts`]).
pub fn document(id: &str) -> Option<&'static Document> {
    document_at(corpus().documents.iter().position(|d| d.meta.id == id)?)
}

/// The document at `index` (in the manifest's order) with its clauses' texts, once they are in.
pub fn document_at(index: usize) -> Option<&'static Document> {
    manifest();
    DOCUMENTS.get()?.get(index)?.get()
}

/// The text of clause `clause` of the document at `document`, from its document's file or
/// its file of clause texts, whichever is in.
pub fn clause_text(document: usize, clause: usize) -> Option<&'static str> {
    if let Some(whole) = document_at(document) {
        return Some(whole.clauses.get(clause)?.text.as_str());
    }
    let (k, _) = manifest().texts_file(document, clause)?;
    let texts = TEXTS.get()?.get(document)?.get(k)?.get()?;
    texts
        .texts
        .get(clause.checked_sub(texts.first as usize)?)
        .map(String::as_str)
}

/// Whether the search index's lexicon holds the headings' readings: they may come after
/// it was made, with a search in pinyin or with a search's marks, whichever is first.
static LEARNED_READINGS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The search index over the manifest's corpus, with the shards installed so far.
fn search_index() -> std::sync::MutexGuard<'static, SearchIndex> {
    INDEX
        .get_or_init(|| {
            LEARNED_READINGS.store(
                corpus().heading_readings.is_installed(),
                std::sync::atomic::Ordering::Relaxed,
            );
            Mutex::new(SearchIndex::from_shards(
                corpus(),
                manifest().index.count as usize,
                manifest().index.hashed as usize,
            ))
        })
        .lock()
        // A panic mid-search leaves the index as it was: shards are installed whole.
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs `query`, or says which shards and clauses' texts it needs first ([`load_for_search`]).
/// Timed as `rx-search` when it answers, `rx-search-waiting` when it needs more.
pub fn search(query: &Query) -> Result<Results, Missing> {
    // A query in pinyin (or English) may spell a heading: the headings' readings first,
    // which a query in Chinese characters never needs (2.8 KB of a first search at 500
    // documents).
    if query.text.chars().any(|c| c.is_ascii_alphabetic())
        && !corpus().heading_readings.is_installed()
    {
        return Err(Missing {
            readings: true,
            ..Missing::default()
        });
    }
    let mut index = search_index();
    if corpus().heading_readings.is_installed()
        && !LEARNED_READINGS.swap(true, std::sync::atomic::Ordering::Relaxed)
    {
        index.relearn(corpus());
    }
    measured(
        || index.search_with(corpus(), &clause_text, query),
        |result| match result {
            Ok(_) => "rx-search",
            Err(_) => "rx-search-waiting",
        },
    )
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
        })
        .filter(|&i| slots[i].get().is_none())
        .collect()
}

/// Runs `work`, and in the browser records how long it took as a User Timing measure named
/// by `name` from its result (`performance.getEntriesByName(…)`), which `make scale-bench`
/// reads: the figures come from the page a parent would use, not from a harness of its own.
pub fn measured<T>(work: impl FnOnce() -> T, name: impl FnOnce(&T) -> &'static str) -> T {
    #[cfg(target_arch = "wasm32")]
    {
        const START: &str = "rx-measured-start";
        let performance = web_sys::window().and_then(|w| w.performance());
        if let Some(performance) = &performance {
            let _ = performance.mark(START);
        }
        let result = work();
        if let Some(performance) = &performance {
            let _ = performance.measure_with_start_mark(name(&result), START);
            performance.clear_marks_with_mark_name(START);
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
    meta_url(DATA_META)
}

/// The address a page's `<meta name="{name}">` gives, against the page's `<base>`.
#[cfg(target_arch = "wasm32")]
pub fn meta_url(name: &str) -> Option<String> {
    let document = leptos::prelude::document();
    let content = document
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()
        .flatten()?
        .get_attribute("content")?;
    let base = document.base_uri().ok().flatten()?;
    Some(web_sys::Url::new_with_base(&content, &base).ok()?.href())
}

/// The bytes at `url`.
#[cfg(target_arch = "wasm32")]
pub async fn fetch(url: &str) -> Result<Vec<u8>, LoadError> {
    // Not `error.to_string()`: with the `json` feature another crate turns on, that formats
    // serde_json's errors too, and puts their code in the main part (about 0.5 KB brotli).
    // A fetch fails only with the browser's own error.
    let network = |error: gloo_net::Error| LoadError::Network {
        url: url.to_string(),
        message: match error {
            gloo_net::Error::JsError(error) => error.message,
            gloo_net::Error::GlooError(message) => message,
            #[allow(unreachable_patterns)]
            _ => String::new(),
        },
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

/// Which of the files beside the manifest that only some views read a view needs
/// ([`load_files`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Files {
    /// The places (街镇, schools, clusters …): the clusters page, the lookup, search.
    pub places: bool,
    /// The 居委会 and 村委会: the lookup, search.
    pub communities: bool,
    /// The titles' and headings' readings: a document opened from a search. (A search in
    /// pinyin fetches them itself, [`search`].)
    pub readings: bool,
    /// The targets: the targets page, search's results.
    pub targets: bool,
    /// The search aids (vocabulary, glossary): the search page and what reads a query.
    pub aids: bool,
}

impl Files {
    /// What the clusters page reads.
    pub const CLUSTERS: Files = Files {
        places: true,
        communities: false,
        readings: false,
        targets: false,
        aids: false,
    };
    /// What the lookup's answers read.
    pub const LOOKUP: Files = Files {
        places: true,
        communities: true,
        readings: false,
        targets: false,
        aids: false,
    };
    /// What search's results read before a query. (A query in pinyin reads the headings'
    /// readings too: [`search`] asks for them.)
    pub const SEARCH: Files = Files {
        places: true,
        communities: true,
        readings: false,
        targets: true,
        aids: true,
    };
    /// What the search page reads before a query: the vocabulary it suggests terms from.
    pub const SEARCH_PAGE: Files = Files {
        places: false,
        communities: false,
        readings: false,
        targets: false,
        aids: true,
    };
    /// What the targets page reads.
    pub const TARGETS: Files = Files {
        places: false,
        communities: false,
        readings: false,
        targets: true,
        aids: false,
    };
    /// What the marks of a document opened from a search read.
    pub const MARKS: Files = Files {
        places: false,
        communities: false,
        readings: true,
        targets: false,
        aids: true,
    };
}

/// Fetches the `files` not in yet, side by side. A build that splits the wasm installs them
/// only when the part that reads them asks ([`install_fetched`]), so that the code that
/// decodes them is in that part.
#[cfg(target_arch = "wasm32")]
pub async fn load_files(files: Files) -> Result<(), LoadError> {
    let corpus = corpus();
    let mut names = Vec::new();
    if files.places && !has_places() {
        names.push(manifest().places.clone());
    }
    if files.communities && !has_communities() {
        names.push(manifest().communities.clone());
    }
    if files.readings && !corpus.heading_readings.is_installed() {
        names.push(manifest().readings.clone());
    }
    if files.targets && !corpus.targets.is_installed() {
        names.push(manifest().targets.clone());
    }
    if files.aids && !corpus.vocabulary.is_installed() {
        names.push(manifest().aids.clone());
    }
    #[cfg(ruxue_split)]
    let files: Vec<DataFile> = (names.into_iter())
        .filter(|name| !fetched(name))
        .map(|name| -> DataFile {
            let kept = name.clone();
            (name, Box::new(move |bytes| keep_fetched(kept, bytes)))
        })
        .collect();
    #[cfg(not(ruxue_split))]
    let files = (names.into_iter())
        .map(|name| -> DataFile { (name, Box::new(install_file)) })
        .collect();
    fetch_all(files).await
}

/// Decodes the titles' and headings' readings and adds them to the corpus (a search index
/// made before they came learns them at its next search, [`search`]).
pub fn install_readings(bytes: &[u8]) -> Result<(), BundleError> {
    let readings = ruxue_core::bundle::decode_readings(bytes)?;
    let corpus = &installed_manifest("the readings")?.corpus;
    if readings.len() != corpus.documents.len() {
        return Err(BundleError::Mismatch(format!(
            "readings of {} documents, where the manifest has {}",
            readings.len(),
            corpus.documents.len()
        )));
    }
    corpus.heading_readings.install(readings);
    Ok(())
}

/// Installs the places', the communities', the readings', the targets' or the search aids'
/// file, whichever `bytes` is (by its magic).
#[cfg(target_arch = "wasm32")]
fn install_file(bytes: &[u8]) -> Result<(), BundleError> {
    if bytes.starts_with(ruxue_core::bundle::COMMUNITIES_MAGIC) {
        install_communities(bytes)
    } else if bytes.starts_with(ruxue_core::bundle::READINGS_MAGIC) {
        install_readings(bytes)
    } else if bytes.starts_with(ruxue_core::bundle::TARGETS_MAGIC) {
        install_targets(bytes)
    } else if bytes.starts_with(ruxue_core::bundle::AIDS_MAGIC) {
        install_aids(bytes)
    } else {
        install_places(bytes)
    }
}

/// The places', communities' and readings' files as fetched, by name, until the code that
/// reads them installs them ([`install_fetched`]). Decoding them is about 3 KB (brotli) of
/// code, which would otherwise be in the main part every page loads; it is in the parts of
/// the page and the regions that read them. (Not a function pointer kept here: taking one in
/// the main part would keep its code there.)
#[cfg(ruxue_split)]
static FETCHED_FILES: Mutex<Vec<(String, Vec<u8>)>> = Mutex::new(Vec::new());

#[cfg(ruxue_split)]
fn keep_fetched(name: String, bytes: &[u8]) -> Result<(), BundleError> {
    let mut fetched = FETCHED_FILES.lock().unwrap_or_else(|e| e.into_inner());
    if !fetched.iter().any(|(kept, _)| *kept == name) {
        fetched.push((name, bytes.to_vec()));
    }
    Ok(())
}

/// Whether the file `name` is fetched and waits for [`install_fetched`].
#[cfg(ruxue_split)]
fn fetched(name: &str) -> bool {
    (FETCHED_FILES.lock().unwrap_or_else(|e| e.into_inner()))
        .iter()
        .any(|(kept, _)| kept == name)
}

/// Installs the files fetched so far ([`load_files`]). The clusters page, the lookup's
/// answers, search's results and a search's marks call it from their own parts
/// (`crate::page_code`), before they render.
#[cfg(ruxue_split)]
pub fn install_fetched() -> Result<(), LoadError> {
    let fetched = std::mem::take(&mut *FETCHED_FILES.lock().unwrap_or_else(|e| e.into_inner()));
    for (name, bytes) in fetched {
        install_file(&bytes).map_err(|error| LoadError::Bundle { url: name, error })?;
    }
    Ok(())
}

/// Installs the targets' file, if it is fetched, and leaves the others for
/// [`install_fetched`]: the targets page calls it from its own part, which then holds the
/// targets' decoder alone rather than every file's (5 KB brotli).
#[cfg(ruxue_split)]
pub fn install_fetched_targets() -> Result<(), LoadError> {
    let mut fetched = FETCHED_FILES.lock().unwrap_or_else(|e| e.into_inner());
    let Some(k) = (fetched.iter())
        .position(|(_, bytes)| bytes.starts_with(ruxue_core::bundle::TARGETS_MAGIC))
    else {
        return Ok(());
    };
    let (name, bytes) = fetched.remove(k);
    drop(fetched);
    install_targets(&bytes).map_err(|error| LoadError::Bundle { url: name, error })
}

/// Fetches the texts `needed` that are not in yet, all at once, and installs them. The
/// documents' files sit beside the manifest.
#[cfg(target_arch = "wasm32")]
pub async fn load_texts(needed: &Needed) -> Result<(), LoadError> {
    let files = missing(needed)
        .into_iter()
        .map(|index| document_file(index))
        .collect();
    fetch_all(files).await
}

/// Fetches what a search said it needs ([`search`]): its shards and the files of the clause
/// texts it shows, all at once.
#[cfg(target_arch = "wasm32")]
pub async fn load_for_search(needs: &Missing) -> Result<(), LoadError> {
    let mut files: Vec<DataFile> = needs
        .shards
        .iter()
        .map(|&number| -> DataFile {
            (
                manifest().shard_file(number),
                Box::new(move |bytes| install_shard(number, bytes)),
            )
        })
        .collect();
    let mut texts: Vec<(usize, usize, String)> = Vec::new();
    for &(document, clause) in &needs.texts {
        if let Some((k, name)) = manifest().texts_file(document, clause) {
            if !texts.iter().any(|(d, j, _)| (*d, *j) == (document, k)) {
                texts.push((document, k, name));
            }
        }
    }
    files.extend(texts.into_iter().map(|(document, k, name)| -> DataFile {
        (
            name,
            Box::new(move |bytes| install_texts(document, k, bytes)),
        )
    }));
    if needs.readings && !corpus().heading_readings.is_installed() {
        files.push((manifest().readings.clone(), Box::new(install_readings)));
    }
    fetch_all(files).await
}

/// A data file's name and what installs it.
#[cfg(target_arch = "wasm32")]
type DataFile = (String, Box<dyn FnOnce(&[u8]) -> Result<(), BundleError>>);

#[cfg(target_arch = "wasm32")]
fn document_file(index: usize) -> DataFile {
    (
        manifest().documents[index].clone(),
        Box::new(move |bytes| install_document(index, bytes)),
    )
}

/// Fetches `files` (names beside the manifest) side by side and installs each.
#[cfg(target_arch = "wasm32")]
async fn fetch_all(files: Vec<DataFile>) -> Result<(), LoadError> {
    use std::cell::RefCell;
    use std::rc::Rc;
    let base = manifest_url().ok_or(LoadError::NoDataFile)?;
    // Each request runs as a promise of its own, so that they go out together; `Promise.all`
    // waits for them (the app already has promises, so this adds less to the wasm than a
    // Rust join would). The first error is kept here, since a promise carries only a value.
    let failure: Rc<RefCell<Option<LoadError>>> = Rc::default();
    let promises = js_sys::Array::new();
    for (name, install) in files {
        let url = web_sys::Url::new_with_base(&name, &base)
            .map(|u| u.href())
            .unwrap_or_default();
        let failure = Rc::clone(&failure);
        promises.push(&wasm_bindgen_futures::future_to_promise(async move {
            match fetch_installed(url, install).await {
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
