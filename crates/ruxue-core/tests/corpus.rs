//! The data pipeline against the real `data/` folder and the fixture folders in `tests/fixtures/`.

mod common;

use common::*;

use ruxue_core::{load_corpus, Status};

#[test]
fn the_shipped_data_is_valid_and_holds_the_five_documents() {
    let corpus = shipped_corpus();
    let ids: Vec<&str> = corpus
        .documents
        .iter()
        .map(|d| d.meta.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "bs-2023-43",
            "cm-yzjh-zqyjg",
            "mh-2023-6",
            "mh-2023-xqjt",
            "mh-2024-gzyd"
        ]
    );
    let draft = corpus
        .documents
        .iter()
        .find(|d| d.meta.id == "cm-yzjh-zqyjg")
        .unwrap();
    assert_eq!(draft.meta.status, Status::DraftForComment);
    assert!(
        draft.meta.issuers.is_empty(),
        "the draft names no issuer; none may be invented"
    );
    assert_eq!(draft.meta.date_issued, None);
}

/// The portal keeps each published text verbatim: the data files must be byte-identical to
/// the supplied seed texts (../shared/seeds, beside the repository).
#[test]
fn document_texts_are_verbatim_copies_of_the_seeds() {
    let seeds = repo_root().join("../shared/seeds");
    assert!(
        seeds.is_dir(),
        "{} is missing: the shared folder must sit beside the repository",
        seeds.display()
    );
    let corpus = load_corpus(&repo_root().join("data")).unwrap();
    for document in &corpus.documents {
        let seed = document
            .meta
            .source
            .seed
            .as_ref()
            .expect("every shipped document names its seed file");
        let original = std::fs::read_to_string(seeds.join(seed)).unwrap();
        assert!(
            original == document.text,
            "{} differs from seed {seed}",
            document.meta.id
        );
    }
}

#[test]
fn a_valid_fixture_loads() {
    let corpus = load_corpus(&fixture("valid")).unwrap();
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(
        corpus.documents[0].meta.doc_number.as_deref(),
        Some("测教〔2099〕1号")
    );
}

#[test]
fn a_missing_metadata_field_is_reported() {
    assert_eq!(
        problems_in("missing-field"),
        ["documents/test-2099-1.toml:1: missing field `title`"]
    );
}

#[test]
fn bad_values_are_each_reported_on_their_line() {
    assert_eq!(
        problems_in("bad-values"),
        [
            "documents/test-2099-1.toml:2: id `Test_2099` is not valid: use lower-case letters, digits and single hyphens, e.g. `mh-2023-6`",
            "documents/test-2099-1.toml:6: date_issued `2099-02-30` is not a real date in the form YYYY-MM-DD",
            "documents/test-2099-1.toml:9: status `草稿` is not one of 正式, 征求意见稿, 已废止",
        ]
    );
}

#[test]
fn unpaired_and_unknown_files_are_reported_not_skipped() {
    assert_eq!(
        problems_in("orphans"),
        [
            "documents/notes.docx:1: unexpected file in the documents folder: a document is `<id>.toml` (metadata) plus `<id>.txt` (text)",
            "documents/test-2099-1.toml:1: metadata has no text file: add `test-2099-1.txt` beside it",
            "documents/test-2099-2.txt:1: text has no metadata file: add `test-2099-2.toml` beside it",
        ]
    );
}

#[test]
fn a_missing_folder_is_reported() {
    let problems = load_corpus(&fixture("does-not-exist")).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].message.starts_with("cannot read the folder"),
        "{}",
        problems[0]
    );
}

#[test]
fn an_id_that_differs_from_its_file_name_is_reported() {
    let dir = fixture("valid");
    let renamed = std::env::temp_dir().join(format!("ruxue-renamed-{}", std::process::id()));
    std::fs::create_dir_all(renamed.join("documents")).unwrap();
    for ext in ["toml", "txt"] {
        std::fs::copy(
            dir.join(format!("documents/test-2099-1.{ext}")),
            renamed.join(format!("documents/test-2099-9.{ext}")),
        )
        .unwrap();
    }
    let problems = load_corpus(&renamed).unwrap_err();
    std::fs::remove_dir_all(&renamed).unwrap();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, 2);
    assert_eq!(problems[0].message, "id `test-2099-1` does not match the file name `test-2099-9.toml`: name the file after the id");
}

/// The app decodes exactly what the build encodes (postcard is not self-describing, so any
/// serde attribute that skips a field on one side only would break the portal at start-up).
#[test]
fn the_bundle_round_trips_the_real_corpus() {
    let corpus = load_corpus(&repo_root().join("data")).unwrap();
    let bytes = ruxue_core::bundle::encode(&corpus);
    let decoded = ruxue_core::bundle::decode(&bytes).expect("decodes");
    assert_eq!(decoded.documents.len(), corpus.documents.len());
    for (a, b) in decoded.documents.iter().zip(&corpus.documents) {
        assert_eq!(a.meta, b.meta);
        assert_eq!(a.clauses, b.clauses);
        assert_eq!(a.repairs, b.repairs);
        assert!(a.text.is_empty(), "the verbatim text is not shipped");
    }
    assert_eq!(
        ruxue_core::bundle::decode(b"nope"),
        Err(ruxue_core::bundle::BundleError::BadMagic)
    );
    let mut future = bytes.clone();
    future[4] = 99;
    assert_eq!(
        ruxue_core::bundle::decode(&future),
        Err(ruxue_core::bundle::BundleError::Version(99))
    );
}

/// What the app's build script prints, and fails on, for malformed data.
#[test]
fn the_build_fails_on_malformed_data_with_file_line_messages() {
    let root = repo_root();
    let report = ruxue_core::bundle::compile(&fixture("unplaceable"), &root).unwrap_err();
    let mut lines = report.lines();
    assert!(
        lines.next().unwrap().starts_with("tests/fixtures/data/unplaceable/documents/test-2099-1.txt:9: section \"（三）跳过了第二节\" cannot be placed"),
        "{report}"
    );
    assert_eq!(
        lines.next(),
        Some("error: data/ has 1 problem(s); fix them (`make check` lists them) and build again")
    );
    assert!(ruxue_core::bundle::compile(&root.join("data"), &root).is_ok());
}
