//! Helpers shared by the integration tests: where the repository and its fixtures are.
#![allow(dead_code)] // Each test file uses a different subset.

use std::path::{Path, PathBuf};

use ruxue_core::{load_corpus, Corpus};

/// The repository root (the workspace), where `data/` and `tests/fixtures/` are.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// A fixture data folder under `tests/fixtures/data/`.
pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures/data").join(name)
}

/// The shipped corpus; panics with every problem if `data/` is invalid.
pub fn shipped_corpus() -> Corpus {
    load_corpus(&repo_root().join("data")).unwrap_or_else(|problems| {
        panic!(
            "data/ is invalid:\n{}",
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

/// Loads a fixture folder that must fail and returns its messages with paths made relative
/// to the fixture folder, so the expectations read like what an editor sees.
pub fn problems_in(name: &str) -> Vec<String> {
    let dir = fixture(name);
    load_corpus(&dir)
        .expect_err("the fixture is malformed and must be rejected")
        .iter()
        .map(|p| {
            format!(
                "{}:{}: {}",
                p.file.strip_prefix(&dir).unwrap_or(&p.file).display(),
                p.line,
                p.message
            )
        })
        .collect()
}
