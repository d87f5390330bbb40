//! The portal's data files: the validated corpus, serialized with postcard, in one small
//! manifest and one file per document.
//!
//! Format version 14 (2 added pinyin and vocabulary; 3 places and schools; 4 guidance; 5 the
//! glossary, compound words, uncovered places and checklist steps; 6 communities; 7 site
//! settings and source authorities; 8 the site's public address; 9 the manifest and document
//! files; 10 the search index's shards and the runs of clause texts; 11 the communities in a
//! file of their own, and frequent terms in shards of their own; 12 the towns, schools,
//! clusters and the rest of the directory's places in that file too; 13 the communities in a
//! file of their own again, beside it; 14 the titles' and headings' readings in a file of their
//! own). Every file starts with
//! 4 magic bytes and a little-endian `u32` format version; postcard encodes the rest:
//!
//! - **the manifest**, `corpus-<hash>.bin`, magic `RXB1`: a [`Manifest`], the whole corpus
//!   with each clause's text and pinyin left out except for the text of part and section
//!   headings (the
//!   outline the reader's contents and the search results' breadcrumbs show), and the name of
//!   each document's file. Every page names it in `<meta name="rx-data">`; the app reads it
//!   before it renders anything. The directory's places are left out too, and what only the
//!   reader shows: the repairs, each clause's departments, attachments and source line.
//! - **the places**, `places-<hash>.bin`, magic `RXP1`: [`crate::model::Places`], the 街镇,
//!   schools, clusters, memberships, catchments, what the documents say of clusters and the
//!   places the portal does not cover, which only the lookup, the clusters page and
//!   search's results read: those fetch them, and the other pages never do.
//! - **the communities**, `communities-<hash>.bin`, magic `RXC1`: the 居委会 and 村委会
//!   (a `Vec` of [`crate::model::Community`]), two thirds of the places' bytes. The lookup
//!   and search's results fetch them beside the places; the clusters page, which does not
//!   read them, does not.
//! - **the headings' readings**, `readings-<hash>.bin`, magic `RXR1`: per document, the
//!   pinyin of its title and of each part and section heading
//!   ([`crate::model::HeadingReadings`]), which only search reads (a query in pinyin finds
//!   the headings it spells), and which were a sixth of the manifest. A search with Latin
//!   letters in it and a document opened from a search fetch it
//!   ([`crate::Corpus::heading_readings`]).
//! - **a document**, `doc-<id>-<hash>.bin`, magic `RXD1`: the [`Document`] whole, with its
//!   clauses' texts. The app fetches it when the document is opened (the reader, the
//!   widget's clause). (Its metadata repeats the manifest's: a few hundred bytes, for a file
//!   the app decodes as it is, without copying the manifest's outline.)
//! - **a document's clause texts for search results**, `text-<id>-<k>-<hash>.bin`, magic
//!   `RXT1`: [`Texts`], the texts of a run of one document's clauses, about
//!   [`TEXT_CHUNK_BYTES`] each (the manifest lists each run's first clause). A
//!   search's results need a few clauses of many documents: these are a few KB each, where
//!   a document's file is tens.
//! - **a shard of the search index**, `index-<n>-<hash>.bin`, magic `RXI1`: a
//!   [`Shard`], the postings of the terms that hash to shard `n`
//!   ([`crate::search::engine::shard_of`]). The build writes as many shards as keep each
//!   near [`SHARD_BYTES`], a power of two; the manifest holds their count. A term whose
//!   postings are larger than [`crate::search::engine::SPILL_BYTES`] has a shard of its own,
//!   numbered after the hashed ones, which its hashed shard names: a query for a rare term
//!   does not download a frequent one that shares its shard. A query fetches the shards of
//!   its terms only (then the frequent terms' own), then the runs of texts of the clauses it
//!   shows.
//!
//! `<hash>` is the first 16 hex digits of the file's SHA-256 ([`file_name`]), or for shards
//! and a document's runs of texts, of all of them together ([`FileSet`]): a change gives a
//! new name, so a host and a phone may cache the files for good, and the manifest's hash
//! covers every other file's name. [`encode`] and [`decode`] handle the whole corpus in one
//! bundle (magic `RXB0`): what `build.rs` hands the prerender, which [`split`]s it. A change
//! to any shipped type must bump [`FORMAT_VERSION`]: an app reading a file of another
//! version says so and stops.

use crate::model::Corpus;

use serde::{Deserialize, Serialize};

use crate::model::{Document, GlossaryEntry, VocabularyTerm};
use crate::search::engine::Shard;
use crate::search::pinyin::Pinyin;
use crate::search::SearchIndex;

/// Identifies the whole corpus in one bundle (the build's own hand-over, not shipped).
pub const MAGIC: &[u8; 4] = b"RXB0";
/// Identifies a manifest.
pub const MANIFEST_MAGIC: &[u8; 4] = b"RXB1";
/// Identifies a document's file.
pub const DOCUMENT_MAGIC: &[u8; 4] = b"RXD1";
/// Identifies a shard of the search index.
pub const INDEX_MAGIC: &[u8; 4] = b"RXI1";
/// Identifies a file of clause texts.
pub const TEXTS_MAGIC: &[u8; 4] = b"RXT1";
/// Identifies the places' file.
pub const PLACES_MAGIC: &[u8; 4] = b"RXP1";
/// Identifies the communities' file.
pub const COMMUNITIES_MAGIC: &[u8; 4] = b"RXC1";
/// Identifies the file of the titles' and headings' readings.
pub const READINGS_MAGIC: &[u8; 4] = b"RXR1";
/// Starts the targets' file.
pub const TARGETS_MAGIC: &[u8; 4] = b"RXG1";
/// Starts the search aids' file (the vocabulary and the glossary).
pub const AIDS_MAGIC: &[u8; 4] = b"RXS1";
/// About how many bytes of text (UTF-8) a file of clause texts holds: a search result's
/// snippet costs a few KB, not its whole document.
pub const TEXT_CHUNK_BYTES: usize = 2 * 1024;
/// Bumped whenever the encoded types change.
pub const FORMAT_VERSION: u32 = 15;
/// About how many bytes (before compression) each hashed shard of the search index holds.
/// A query downloads its terms' shards whole, with every other term in them: at 500
/// documents, the first of the benchmark's queries fetched 88 KB brotli of shards with
/// 16 KB shards, 52 KB with 8 KB and 33 KB with 4 KB, for 2,900 and 5,000 files (2 KB
/// shards: 24 KB, 9,700 files). Today's corpus makes a few dozen.
pub const SHARD_BYTES: usize = 4 * 1024;

/// What the app reads first: the corpus without its clauses' texts, and where they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The corpus; a clause's `text` and `pinyin` are empty except for part and section
    /// headings, and the directory has no places.
    pub corpus: Corpus,
    /// The places' file name, below the data folder.
    pub places: String,
    /// The communities' file name, below the data folder.
    pub communities: String,
    /// The headings' readings' file name, below the data folder.
    pub readings: String,
    /// The targets' file name, below the data folder.
    pub targets: String,
    /// The search aids' file name (the vocabulary and the glossary), below the data folder.
    pub aids: String,
    /// Each document's file name, below the data folder, in document order.
    pub documents: Vec<String>,
    /// The search index's shards: how many, and the hash their names share
    /// ([`Manifest::shard_file`]).
    pub index: FileSet,
    /// Per document, its files of clause texts: the first clause of each, and the hash their
    /// names share ([`Manifest::texts_file`]).
    pub texts: Vec<(Vec<u32>, String)>,
}

/// Files that are named together: `<stem>-<n>-<hash>.bin`, where `hash` is that of all of
/// them (the first 16 hex digits of the SHA-256 of their bytes in order). At 500 documents,
/// a name each would put thousands of hashes into the manifest every page loads; a change
/// to any of them renames them all, which for shards and a document's texts it does anyway.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSet {
    pub count: u32,
    pub hash: String,
    /// For the index's shards: how many of them a term's hash finds (the rest are frequent
    /// terms' own).
    pub hashed: u32,
}

/// The texts of a run of one document's clauses, for search results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texts {
    /// The document's id, checked against the manifest.
    pub document: String,
    /// The position of the first clause.
    pub first: u32,
    /// Each clause's text, from `first` on.
    pub texts: Vec<String>,
}

/// The shipped files: the manifest and each document's file, with their names.
#[derive(Debug, Clone)]
pub struct DataFiles {
    pub manifest: (String, Vec<u8>),
    pub places: (String, Vec<u8>),
    pub communities: (String, Vec<u8>),
    pub readings: (String, Vec<u8>),
    pub targets: (String, Vec<u8>),
    pub aids: (String, Vec<u8>),
    pub documents: Vec<(String, Vec<u8>)>,
    pub index: Vec<(String, Vec<u8>)>,
    /// Per document, its files of clause texts.
    pub texts: Vec<Vec<(String, Vec<u8>)>>,
}

/// Why a bundle could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    /// Not a Ruxue bundle.
    BadMagic,
    /// Written by a different format version.
    Version(u32),
    /// The body did not decode.
    Decode(String),
    /// A document's file, a run of texts or a shard does not fit the manifest (files of two
    /// builds).
    Mismatch(String),
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BundleError::BadMagic => write!(f, "not a Ruxue data bundle"),
            BundleError::Version(v) => {
                write!(f, "data bundle format {v}, expected {FORMAT_VERSION}")
            }
            BundleError::Decode(e) => write!(f, "data bundle does not decode: {e}"),
            BundleError::Mismatch(e) => write!(f, "data files of two builds: {e}"),
        }
    }
}

fn with_header<T: Serialize>(magic: &[u8; 4], value: &T) -> Vec<u8> {
    let mut out = magic.to_vec();
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend(postcard::to_allocvec(value).expect("shipped types always serialize"));
    out
}

fn without_header<'a, T: Deserialize<'a>>(
    magic: &[u8; 4],
    bytes: &'a [u8],
) -> Result<T, BundleError> {
    let body = bytes
        .strip_prefix(magic.as_slice())
        .ok_or(BundleError::BadMagic)?;
    let (version, body) = body.split_at_checked(4).ok_or(BundleError::BadMagic)?;
    let version = u32::from_le_bytes(version.try_into().expect("4 bytes"));
    if version != FORMAT_VERSION {
        return Err(BundleError::Version(version));
    }
    postcard::from_bytes(body).map_err(|e| BundleError::Decode(e.to_string()))
}

/// Encodes a corpus as one bundle: the corpus, then its places, communities, targets and
/// search aids, which it does not encode (they are files of their own, [`split`]).
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    let directory = &corpus.directory;
    let whole = (
        corpus,
        directory.places.installed(),
        directory.communities.installed(),
        corpus.targets.installed(),
        (corpus.vocabulary.installed(), corpus.glossary.installed()),
    );
    with_header(MAGIC, &whole)
}

/// The folder below the build's output that holds the data files.
pub const DATA_FOLDER: &str = "data";

/// The name the build gives a data file: `stem`, `-` and the first 16 hex digits of the
/// SHA-256 of its bytes, `.bin`. Any change to the data or its format gives a new name, so
/// an old copy in a cache is never read as the new one.
pub fn file_name(stem: &str, bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("{stem}-{hex}.bin")
}

/// The hash files of a [`FileSet`] share: of all their bytes, in order.
fn set_hash(files: &[Vec<u8>]) -> String {
    use sha2::Digest;
    let mut hasher = sha2::Sha256::new();
    for bytes in files {
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    }
    hasher.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The name of file `n` of a set named `stem` with hash `hash`.
fn set_file_name(stem: &str, n: usize, hash: &str) -> String {
    format!("{stem}-{n}-{hash}.bin")
}

/// Decodes a bundle written by [`encode`].
pub fn decode(bytes: &[u8]) -> Result<Corpus, BundleError> {
    type Whole = (
        Corpus,
        Option<crate::model::Places>,
        Option<Vec<crate::model::Community>>,
        Option<Vec<crate::model::Target>>,
        (Option<Vec<VocabularyTerm>>, Option<Vec<GlossaryEntry>>),
    );
    let (corpus, places, communities, targets, (vocabulary, glossary)): Whole =
        without_header(MAGIC, bytes)?;
    if let Some(vocabulary) = vocabulary {
        corpus.vocabulary.install(vocabulary);
    }
    if let Some(glossary) = glossary {
        corpus.glossary.install(glossary);
    }
    if let Some(targets) = targets {
        corpus.targets.install(targets);
    }
    if let Some(places) = places {
        corpus.directory.places.install(places);
    }
    if let Some(communities) = communities {
        corpus.directory.communities.install(communities);
    }
    Ok(corpus)
}

/// Decodes a manifest.
pub fn decode_manifest(bytes: &[u8]) -> Result<Manifest, BundleError> {
    without_header(MANIFEST_MAGIC, bytes)
}

/// Decodes a document's file.
pub fn decode_document(bytes: &[u8]) -> Result<Document, BundleError> {
    without_header(DOCUMENT_MAGIC, bytes)
}

/// Decodes a file of clause texts.
pub fn decode_texts(bytes: &[u8]) -> Result<Texts, BundleError> {
    without_header(TEXTS_MAGIC, bytes)
}

/// A document's clause texts in runs of about [`TEXT_CHUNK_BYTES`].
fn text_runs(document: &Document) -> Vec<Texts> {
    let mut runs: Vec<Texts> = Vec::new();
    let mut bytes = TEXT_CHUNK_BYTES;
    for (position, clause) in document.clauses.iter().enumerate() {
        if bytes >= TEXT_CHUNK_BYTES {
            runs.push(Texts {
                document: document.meta.id.clone(),
                first: position as u32,
                texts: Vec::new(),
            });
            bytes = 0;
        }
        bytes += clause.text.len();
        let run = runs.last_mut().expect("one was pushed");
        run.texts.push(clause.text.clone());
    }
    runs
}

/// Decodes the places' file.
pub fn decode_places(bytes: &[u8]) -> Result<crate::model::Places, BundleError> {
    without_header(PLACES_MAGIC, bytes)
}

/// Decodes the communities' file.
pub fn decode_communities(bytes: &[u8]) -> Result<Vec<crate::model::Community>, BundleError> {
    without_header(COMMUNITIES_MAGIC, bytes)
}

/// Decodes the file of the titles' and headings' readings, one per document in order.
pub fn decode_readings(bytes: &[u8]) -> Result<Vec<crate::model::HeadingReadings>, BundleError> {
    without_header(READINGS_MAGIC, bytes)
}

/// Decodes the targets' file.
pub fn decode_targets(bytes: &[u8]) -> Result<Vec<crate::model::Target>, BundleError> {
    without_header(TARGETS_MAGIC, bytes)
}

/// What the search aids' file holds: the vocabulary and the glossary.
pub type Aids = (Vec<VocabularyTerm>, Vec<GlossaryEntry>);

/// Decodes the search aids' file.
pub fn decode_aids(bytes: &[u8]) -> Result<Aids, BundleError> {
    without_header(AIDS_MAGIC, bytes)
}

/// Decodes a search index shard's file.
pub fn decode_shard(bytes: &[u8]) -> Result<Shard, BundleError> {
    without_header(INDEX_MAGIC, bytes)
}

/// The shipped files of `corpus`: its manifest, the places, the communities, one file per document, the
/// runs of clause texts and the search index's shards.
pub fn split(corpus: &Corpus) -> DataFiles {
    let search = SearchIndex::build(corpus);
    let (shards, hashed) = search.shards(SHARD_BYTES, crate::search::engine::SPILL_BYTES);
    let shards: Vec<Vec<u8>> = (shards.iter())
        .map(|shard| with_header(INDEX_MAGIC, shard))
        .collect();
    let index_set = FileSet {
        count: shards.len() as u32,
        hash: set_hash(&shards),
        hashed: hashed as u32,
    };
    let index: Vec<(String, Vec<u8>)> = (shards.into_iter().enumerate())
        .map(|(n, bytes)| (set_file_name("index", n, &index_set.hash), bytes))
        .collect();
    let mut outline = corpus.clone();
    let places_bytes = with_header(
        PLACES_MAGIC,
        &outline.directory.places.take().unwrap_or_default(),
    );
    let places = (file_name("places", &places_bytes), places_bytes);
    let communities_bytes = with_header(
        COMMUNITIES_MAGIC,
        &outline.directory.communities.take().unwrap_or_default(),
    );
    let communities = (
        file_name("communities", &communities_bytes),
        communities_bytes,
    );
    let targets_bytes = with_header(TARGETS_MAGIC, &outline.targets.take().unwrap_or_default());
    let targets = (file_name("targets", &targets_bytes), targets_bytes);
    let aids: Aids = (
        outline.vocabulary.take().unwrap_or_default(),
        outline.glossary.take().unwrap_or_default(),
    );
    let aids_bytes = with_header(AIDS_MAGIC, &aids);
    let aids = (file_name("aids", &aids_bytes), aids_bytes);
    let mut documents = Vec::new();
    let mut texts: Vec<Vec<(String, Vec<u8>)>> = Vec::new();
    let mut text_list: Vec<(Vec<u32>, String)> = Vec::new();
    let mut heading_readings = Vec::new();
    for document in &mut outline.documents {
        let runs = text_runs(document);
        let files: Vec<Vec<u8>> = (runs.iter())
            .map(|run| with_header(TEXTS_MAGIC, run))
            .collect();
        let hash = set_hash(&files);
        let stem = format!("text-{}", document.meta.id);
        texts.push(
            (files.into_iter().enumerate())
                .map(|(k, bytes)| (set_file_name(&stem, k, &hash), bytes))
                .collect(),
        );
        text_list.push((runs.iter().map(|run| run.first).collect(), hash));
        let bytes = with_header(DOCUMENT_MAGIC, &*document);
        // What only the reader shows stays in the document's file: the repairs, each
        // clause's departments and attachments, and where it starts in the published text.
        document.repairs.clear();
        for clause in document.clauses.iter_mut() {
            clause.repairs.clear();
            clause.departments.clear();
            clause.attachments.clear();
            clause.source_line = 0;
        }
        for clause in document.clauses.iter_mut().filter(|c| !c.is_heading()) {
            clause.text.clear();
            clause.pinyin = Pinyin::default();
        }
        // The readings of the title and headings, which only search reads, are a file of
        // their own.
        heading_readings.push(crate::model::HeadingReadings {
            title: std::mem::take(&mut document.title_pinyin),
            headings: (document.clauses.iter_mut())
                .filter(|c| c.is_heading())
                .map(|c| std::mem::take(&mut c.pinyin))
                .collect(),
        });
        let name = file_name(&format!("doc-{}", document.meta.id), &bytes);
        documents.push((name, bytes));
    }
    let readings_bytes = with_header(READINGS_MAGIC, &heading_readings);
    let readings = (file_name("readings", &readings_bytes), readings_bytes);
    let manifest = Manifest {
        corpus: outline,
        places: places.0.clone(),
        communities: communities.0.clone(),
        readings: readings.0.clone(),
        targets: targets.0.clone(),
        aids: aids.0.clone(),
        documents: documents.iter().map(|(name, _)| name.clone()).collect(),
        index: index_set,
        texts: text_list,
    };
    let bytes = with_header(MANIFEST_MAGIC, &manifest);
    DataFiles {
        manifest: (file_name("corpus", &bytes), bytes),
        places,
        communities,
        readings,
        targets,
        aids,
        documents,
        index,
        texts,
    }
}

impl Manifest {
    /// The file of clause texts (its number among the document's, and its name) that holds
    /// clause `clause` of document `document`.
    pub fn texts_file(&self, document: usize, clause: usize) -> Option<(usize, String)> {
        let (firsts, hash) = self.texts.get(document)?;
        let k = firsts
            .partition_point(|first| *first as usize <= clause)
            .checked_sub(1)?;
        let stem = format!("text-{}", self.corpus.documents.get(document)?.meta.id);
        Some((k, set_file_name(&stem, k, hash)))
    }

    /// The name of shard `n` of the search index.
    pub fn shard_file(&self, n: usize) -> String {
        set_file_name("index", n, &self.index.hash)
    }

    /// How many files of clause texts document `document` has.
    pub fn texts_count(&self, document: usize) -> usize {
        self.texts
            .get(document)
            .map_or(0, |(firsts, _)| firsts.len())
    }

    /// Checks that `texts` is file `k` of document `document`'s clause texts (files of two
    /// builds must not be mixed).
    pub fn check_texts(&self, document: usize, k: usize, texts: &Texts) -> Result<(), BundleError> {
        let outline = self.corpus.documents.get(document);
        let listed = self
            .texts
            .get(document)
            .and_then(|(firsts, _)| firsts.get(k));
        match (outline, listed) {
            (Some(outline), Some(first))
                if outline.meta.id == texts.document
                    && *first == texts.first
                    && texts.first as usize + texts.texts.len() <= outline.clauses.len() =>
            {
                Ok(())
            }
            _ => Err(BundleError::Mismatch(format!(
                "texts of {} from clause {} where file {k} of document {document} belongs",
                texts.document, texts.first
            ))),
        }
    }

    /// Checks that `document` is the one the manifest lists at `index`: same id, same clauses
    /// (files of two builds must not be mixed).
    pub fn check_document(&self, index: usize, document: &Document) -> Result<(), BundleError> {
        let outline = self
            .corpus
            .documents
            .get(index)
            .ok_or_else(|| BundleError::Mismatch(format!("no document {index}")))?;
        let same_clauses = outline.clauses.len() == document.clauses.len()
            && outline
                .clauses
                .iter()
                .zip(&document.clauses)
                .all(|(a, b)| a.id == b.id);
        if document.meta.id != outline.meta.id || !same_clauses {
            return Err(BundleError::Mismatch(format!(
                "document {} ({} clauses) where {} ({} clauses) belongs",
                document.meta.id,
                document.clauses.len(),
                outline.meta.id,
                outline.clauses.len()
            )));
        }
        Ok(())
    }
}

/// What the app's build script does: validates the data folder and encodes the bundle, or
/// returns the report that fails the build, one `file:line: message` per line with paths
/// relative to `root`.
#[cfg(feature = "loader")]
pub fn compile(data_dir: &std::path::Path, root: &std::path::Path) -> Result<Vec<u8>, String> {
    match crate::load::load_corpus(data_dir) {
        Ok(corpus) => Ok(encode(&corpus)),
        Err(problems) => {
            let mut report: Vec<String> = problems
                .iter()
                .map(|p| {
                    format!(
                        "{}:{}: {}",
                        p.file.strip_prefix(root).unwrap_or(&p.file).display(),
                        p.line,
                        p.message
                    )
                })
                .collect();
            report.push(format!(
                "error: data/ has {} problem(s); fix them (`make check` lists them) and build again",
                problems.len()
            ));
            Err(report.join("\n"))
        }
    }
}
