//! The data bundle the portal embeds: the validated corpus, serialized with postcard.
//!
//! Format, version 6 (2 added pinyin and vocabulary; 3 places and schools; 4 guidance; 5 the
//! glossary, compound words, uncovered places and checklist steps; 6 communities; 7 site settings and source authorities): the 4 bytes
//! `RXB1`, then a little-endian `u32` format version, then the postcard encoding of
//! [`Corpus`]. The app's build script writes it and the app reads it, both
//! through this module, so they cannot disagree. A change to any shipped type must bump
//! [`FORMAT_VERSION`]. When the corpus grows past what one file should carry, the plan is one
//! bundle per document with a small index bundle (see ARCHITECTURE.md).

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
