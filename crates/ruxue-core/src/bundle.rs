//! The portal's data file: the validated corpus, serialized with postcard.
//!
//! Format, version 8 (2 added pinyin and vocabulary; 3 places and schools; 4 guidance; 5 the
//! glossary, compound words, uncovered places and checklist steps; 6 communities; 7 site
//! settings and source authorities; 8 the site's public address): the 4 bytes `RXB1`, then a little-endian
//! `u32` format version, then the postcard encoding of [`Corpus`]. The build writes it into
//! `dist/data/` under a name that holds a hash of its bytes ([`file_name`]), so a host and a
//! phone may cache it for good; every page names it in `<meta name="rx-data">`, and the app
//! and the prerendered pages read that same file. A change to any shipped type must bump
//! [`FORMAT_VERSION`]: an app reading a file of another version says so and stops.
//!
//! When the corpus grows past what one file should carry, the plan is one file per document,
//! a small manifest and a search index sharded by term (see ARCHITECTURE.md).

use crate::model::Corpus;

/// Identifies a Ruxue bundle.
pub const MAGIC: &[u8; 4] = b"RXB1";
/// Bumped whenever the encoded types change.
pub const FORMAT_VERSION: u32 = 8;

/// Why a bundle could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    /// Not a Ruxue bundle.
    BadMagic,
    /// Written by a different format version.
    Version(u32),
    /// The body did not decode.
    Decode(String),
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BundleError::BadMagic => write!(f, "not a Ruxue data bundle"),
            BundleError::Version(v) => {
                write!(f, "data bundle format {v}, expected {FORMAT_VERSION}")
            }
            BundleError::Decode(e) => write!(f, "data bundle does not decode: {e}"),
        }
    }
}

/// Encodes a corpus as a bundle.
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend(postcard::to_allocvec(corpus).expect("a corpus always serializes"));
    out
}

/// The folder below the build's output that holds the data files.
pub const DATA_FOLDER: &str = "data";

/// The name the build gives a bundle: `corpus-` and the first 16 hex digits of the SHA-256 of
/// its bytes. Any change to the data or its format gives a new name, so an old copy in a
/// cache is never read as the new one.
#[cfg(feature = "loader")]
pub fn file_name(bundle: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bundle);
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("corpus-{hex}.bin")
}

/// Decodes a bundle written by [`encode`].
pub fn decode(bytes: &[u8]) -> Result<Corpus, BundleError> {
    let body = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or(BundleError::BadMagic)?;
    let (version, body) = body.split_at_checked(4).ok_or(BundleError::BadMagic)?;
    let version = u32::from_le_bytes(version.try_into().expect("4 bytes"));
    if version != FORMAT_VERSION {
        return Err(BundleError::Version(version));
    }
    postcard::from_bytes(body).map_err(|e| BundleError::Decode(e.to_string()))
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
