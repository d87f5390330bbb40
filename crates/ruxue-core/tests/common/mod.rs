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
    problems_at(&fixture(name))
}

/// A copy of fixture `base` in a fresh temporary folder, with `changes` (paths relative to
/// the data folder, and their new contents) written over it: one base fixture serves many
/// malformed variants.
pub fn fixture_with(base: &str, changes: &[(&str, &str)]) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "ruxue-fixture-{}-{}-{}",
        base,
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&fixture(base), &dir);
    for (path, contents) in changes {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
    dir
}

/// A copy of fixture `base` with one edit in one file: `old` (which must occur exactly once)
/// replaced by `new`. Each malformed variant is then one line of a test, not a folder.
pub fn fixture_changing(base: &str, file: &str, old: &str, new: &str) -> PathBuf {
    let original = std::fs::read_to_string(fixture(base).join(file)).unwrap();
    assert_eq!(
        original.matches(old).count(),
        1,
        "`{old}` must occur once in {base}/{file}"
    );
    fixture_with(base, &[(file, &original.replacen(old, new, 1))])
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The problems a data folder that must fail reports, with paths relative to it.
pub fn problems_at(dir: &Path) -> Vec<String> {
    load_corpus(dir)
        .expect_err("the data is malformed and must be rejected")
        .iter()
        .map(|p| {
            format!(
                "{}:{}: {}",
                p.file.strip_prefix(dir).unwrap_or(&p.file).display(),
                p.line,
                p.message
            )
        })
        .collect()
}
