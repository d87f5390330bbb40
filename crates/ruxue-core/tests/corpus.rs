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

/// The SHA-256 of each supplied seed text, from `tests/seeds.sha256` (`sha256sum` format).
fn seed_checksums() -> Vec<(String, String)> {
    std::fs::read_to_string(repo_root().join("tests/seeds.sha256"))
        .unwrap()
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let (hash, file) = line.split_once("  ").expect("`<sha256>  <file>`");
            (file.to_string(), hash.to_string())
        })
        .collect()
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The portal keeps each published text verbatim: every data file is byte-identical to its
/// supplied seed text. Checked against the seeds' checksums kept in the repository, so a clone
/// without `../shared` still proves it; where `../shared/seeds` is present, the checksums are
/// checked against the seeds themselves too.
#[test]
fn document_texts_are_verbatim_copies_of_the_seeds() {
    let checksums = seed_checksums();
    assert_eq!(checksums.len(), 5);
    let corpus = load_corpus(&repo_root().join("data")).unwrap();
    for document in &corpus.documents {
        let seed = document
            .meta
            .source
            .seed
            .as_ref()
            .expect("every shipped document names its seed file");
        let (_, expected) = checksums
            .iter()
            .find(|(file, _)| file == seed)
            .unwrap_or_else(|| panic!("{seed} has no checksum in tests/seeds.sha256"));
        assert_eq!(
            &sha256_hex(document.text.as_bytes()),
            expected,
            "{} differs from seed {seed}",
            document.meta.id
        );
    }
    let seeds = repo_root().join("../shared/seeds");
    if seeds.is_dir() {
        for (file, expected) in &checksums {
            let bytes = std::fs::read(seeds.join(file)).unwrap();
            assert_eq!(&sha256_hex(&bytes), expected, "../shared/seeds/{file}");
        }
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
    let renamed = fixture_with("valid", &[]);
    for ext in ["toml", "txt"] {
        std::fs::rename(
            renamed.join(format!("documents/test-2099-1.{ext}")),
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

/// The shipped files: a manifest without the clauses' texts (but with the headings), and one
/// file per document holding it whole; names change with the bytes.
#[test]
fn the_data_files_split_the_corpus_and_put_it_back_together() {
    use ruxue_core::bundle::{decode_document, decode_manifest, file_name, split, BundleError};
    let corpus = load_corpus(&repo_root().join("data")).unwrap();
    // As shipped: a document's verbatim text is never in a data file.
    let shipped = ruxue_core::bundle::decode(&ruxue_core::bundle::encode(&corpus)).unwrap();
    let files = split(&corpus);
    let (manifest_name, manifest_bytes) = &files.manifest;
    assert!(
        manifest_name.starts_with("corpus-") && manifest_name.len() == "corpus-".len() + 20,
        "{manifest_name}"
    );
    let manifest = decode_manifest(manifest_bytes).expect("decodes");
    assert_eq!(manifest.documents.len(), corpus.documents.len());
    assert_eq!(manifest.corpus.guidance, corpus.guidance);
    assert_eq!(
        manifest.corpus.directory.districts,
        corpus.directory.districts
    );
    assert_eq!(manifest.corpus.directory.sources, corpus.directory.sources);
    // The places are a file of their own, which only the lookup, the clusters page and
    // search's results fetch, and the communities another, which the clusters page does
    // not fetch: the manifest every page reads has neither.
    assert!(!manifest.corpus.directory.places.is_installed());
    assert!(!manifest.corpus.directory.communities.is_installed());
    assert!(manifest.corpus.directory.towns.is_empty());
    assert!(manifest.corpus.directory.communities.is_empty());
    let (places_name, places_bytes) = &files.places;
    assert_eq!(manifest.places, *places_name);
    assert_eq!(*places_name, file_name("places", places_bytes));
    let places = ruxue_core::bundle::decode_places(places_bytes).expect("decodes");
    assert_eq!(
        places,
        *shipped.directory.places.installed().expect("in the bundle")
    );
    assert_eq!(places.towns, corpus.directory.towns);
    assert_eq!(places.schools, corpus.directory.schools);
    assert_eq!(
        ruxue_core::bundle::decode_places(manifest_bytes),
        Err(BundleError::BadMagic)
    );
    let (communities_name, communities_bytes) = &files.communities;
    assert_eq!(manifest.communities, *communities_name);
    assert_eq!(
        *communities_name,
        file_name("communities", communities_bytes)
    );
    let communities = ruxue_core::bundle::decode_communities(communities_bytes).expect("decodes");
    assert!(communities.len() > 1000, "{}", communities.len());
    assert_eq!(communities, *shipped.directory.communities);
    assert_eq!(
        ruxue_core::bundle::decode_communities(places_bytes),
        Err(BundleError::BadMagic)
    );
    // The communities' file is two thirds of the places' bytes: the clusters page, which
    // reads only the places, is spared them.
    assert!(
        communities_bytes.len() > 2 * places_bytes.len(),
        "{} and {}",
        communities_bytes.len(),
        places_bytes.len()
    );
    // The app installs them into the manifest's corpus, which it shares before they arrive;
    // the lookup finds a 街镇 only with the places and a community only with the
    // communities too, and a second install changes nothing.
    let community = communities[0].name.clone();
    let town = places.towns[0].name.clone();
    let finds = |directory: &ruxue_core::model::Directory, name: &str, kind| {
        ruxue_core::lookup::lookup(directory, name, 8)
            .matches
            .iter()
            .any(|m| m.kind == kind && m.name == name)
    };
    use ruxue_core::lookup::Kind;
    let directory = &manifest.corpus.directory;
    assert!(!finds(directory, &community, Kind::Community));
    assert!(!finds(directory, &town, Kind::Town));
    assert!(directory.places.install(places.clone()));
    assert!(finds(directory, &town, Kind::Town));
    assert!(!finds(directory, &community, Kind::Community));
    assert!(directory.communities.install(communities.clone()));
    assert!(finds(directory, &community, Kind::Community));
    assert!(!directory
        .places
        .install(ruxue_core::model::Places::default()));
    assert!(!directory.communities.install(Vec::new()));
    assert_eq!(directory.communities.len(), communities.len());
    // The titles' and headings' readings are a file of their own too, which only search
    // reads: the manifest's headings have none until it is installed, then the same as
    // the whole corpus's.
    let (readings_name, readings_bytes) = &files.readings;
    assert_eq!(manifest.readings, *readings_name);
    assert_eq!(*readings_name, file_name("readings", readings_bytes));
    let readings = ruxue_core::bundle::decode_readings(readings_bytes).expect("decodes");
    assert_eq!(readings.len(), corpus.documents.len());
    let spelled = |corpus: &ruxue_core::Corpus| -> Vec<Vec<(String, String)>> {
        (corpus.headings_with_readings().into_iter())
            .map(|document| {
                (document.into_iter())
                    .map(|(pinyin, text)| (format!("{pinyin:?}"), text.to_string()))
                    .collect()
            })
            .collect()
    };
    let whole = spelled(&corpus);
    assert!(whole
        .iter()
        .flatten()
        .all(|(pinyin, _)| pinyin.contains("readings")));
    let bare = spelled(&manifest.corpus);
    assert!(bare
        .iter()
        .flatten()
        .all(|(pinyin, _)| !pinyin.contains("readings")));
    assert!(manifest.corpus.heading_readings.install(readings));
    // The targets are a file of their own: only the targets page and search read them.
    let (targets_name, targets_bytes) = &files.targets;
    assert_eq!(manifest.targets, *targets_name);
    assert_eq!(*targets_name, file_name("targets", targets_bytes));
    assert!(manifest.corpus.targets.is_empty());
    let targets = ruxue_core::bundle::decode_targets(targets_bytes).expect("decodes");
    assert_eq!(targets.as_slice(), &*corpus.targets);
    assert!(!targets.is_empty());
    // So are the search aids (vocabulary and glossary), which only search reads: every page
    // would otherwise download them with the manifest.
    let (aids_name, aids_bytes) = &files.aids;
    assert_eq!(manifest.aids, *aids_name);
    assert_eq!(*aids_name, file_name("aids", aids_bytes));
    assert!(manifest.corpus.vocabulary.is_empty() && manifest.corpus.glossary.is_empty());
    let (vocabulary, glossary) = ruxue_core::bundle::decode_aids(aids_bytes).expect("decodes");
    assert_eq!(vocabulary.as_slice(), &*corpus.vocabulary);
    assert_eq!(glossary.as_slice(), &*corpus.glossary);
    assert!(!vocabulary.is_empty() && !glossary.is_empty());
    assert_eq!(spelled(&manifest.corpus), whole);
    assert_eq!(
        ruxue_core::bundle::decode_readings(manifest_bytes),
        Err(BundleError::BadMagic)
    );
    for (index, (document, (name, bytes))) in
        corpus.documents.iter().zip(&files.documents).enumerate()
    {
        assert_eq!(manifest.documents[index], *name);
        assert!(
            name.starts_with(&format!("doc-{}-", document.meta.id)),
            "{name}"
        );
        assert_eq!(
            *name,
            file_name(&format!("doc-{}", document.meta.id), bytes)
        );
        let outline = &manifest.corpus.documents[index];
        for (listed, clause) in outline.clauses.iter().zip(&document.clauses) {
            let heading = matches!(
                clause.kind,
                ruxue_core::ClauseKind::Part | ruxue_core::ClauseKind::Section
            );
            assert_eq!(
                listed.text.is_empty(),
                !heading || clause.text.is_empty(),
                "{}",
                clause.id
            );
            assert_eq!(listed.id, clause.id);
            assert_eq!(listed.path, clause.path);
            assert_eq!(listed.lead, clause.lead);
            // What only the reader shows is in the document's file alone.
            assert!(listed.departments.is_empty() && listed.repairs.is_empty());
            assert!(listed.attachments.is_empty() && listed.source_line == 0);
        }
        assert!(outline.repairs.is_empty());
        let whole = decode_document(bytes).expect("decodes");
        assert_eq!(whole, shipped.documents[index]);
        manifest
            .check_document(index, &whole)
            .expect("its own place");
        // Another document's file is refused, not shown under the wrong title.
        let other = (index + 1) % corpus.documents.len();
        assert!(matches!(
            manifest.check_document(other, &whole),
            Err(BundleError::Mismatch(_))
        ));
    }
    // The documents' files have them.
    assert!(shipped.documents.iter().any(|d| !d.repairs.is_empty()));
    assert!(shipped
        .documents
        .iter()
        .flat_map(|d| &d.clauses)
        .any(|c| !c.departments.is_empty() && !c.repairs.is_empty()));
    // A manifest is not a document, and the other way round.
    assert_eq!(decode_document(manifest_bytes), Err(BundleError::BadMagic));
    assert_eq!(
        decode_manifest(&files.documents[0].1),
        Err(BundleError::BadMagic)
    );
    let mut future = manifest_bytes.clone();
    future[4] = 99;
    assert_eq!(decode_manifest(&future), Err(BundleError::Version(99)));
    // The manifest's name changes with any document's text.
    let mut changed = corpus.clone();
    changed.documents[0].clauses[3].text.push('。');
    assert_ne!(split(&changed).manifest.0, *manifest_name);
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

/// Every public source names its authority, and has an address or a 文号; the municipal
/// opinions are cited by their 文号 first, the repost second (issue 11).
#[test]
fn every_public_source_names_its_authority_and_where_to_read_it() {
    let corpus = common::shipped_corpus();
    for source in &corpus.directory.sources {
        assert!(!source.authority.is_empty(), "{}", source.id);
        assert!(
            source.url.is_some() || source.doc_number.is_some(),
            "{}",
            source.id
        );
    }
    let opinions = corpus.directory.source("sh-2025-opinions").unwrap();
    assert_eq!(
        opinions.authority_line(),
        "上海市教育委员会 沪教委基〔2025〕11号"
    );
    assert_eq!(opinions.quality, "repost");
    assert!(
        !opinions.title.contains("转载"),
        "the title is the authority's"
    );
}

#[test]
fn a_repost_without_an_authority_fails_the_build() {
    let dir = common::fixture_with(
        "lookup-chain",
        &[(
            "sources.toml",
            "# Fictional (tests/fixtures/README.md).\n[[source]]\nid = \"test-bureau-list\"\nauthority = \"测试区教育局\"\ntitle = \"虚构的名单\"\nurl = \"https://example.invalid/a\"\nquality = \"official\"\n\n[[source]]\nid = \"test-repost\"\ntitle = \"虚构的转载\"\nurl = \"https://example.invalid/b\"\nquality = \"repost\"\n\n[[source]]\nid = \"test-nowhere\"\nauthority = \"测试区教育局\"\ntitle = \"无处可查\"\nquality = \"official\"\n",
        )],
    );
    let problems = common::problems_at(&dir);
    let dated = common::fixture_with(
        "lookup-chain",
        &[(
            "sources.toml",
            "[[source]]\nid = \"test-bureau-list\"\nauthority = \"测试区教育局\"\ntitle = \"虚构\"\nurl = \"javascript:alert(1)\"\ndate = \"2023-02-30\"\nquality = \"official\"\n",
        )],
    );
    assert_eq!(
        common::problems_at(&dated),
        [
            "sources.toml:1: url `javascript:alert(1)` must start with https:// or http://",
            "sources.toml:1: date `2023-02-30` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (a real day)",
        ]
    );
    assert_eq!(
        problems,
        [
            "sources.toml:9: repost `test-repost` names no authority: add `authority = \"…\"`, the body whose text it copies (e.g. 上海市教育委员会), and its `doc_number` if the text gives one",
            "sources.toml:15: source `test-nowhere` has neither a url nor a doc_number: give where it can be read, or its 文号",
        ]
    );
}

/// Every page shows when the data was last checked, so the date is required and must be a
/// date; the report address is optional but must be mail or https (issue 11).
#[test]
fn the_site_settings_need_a_checked_date_and_a_safe_report_address() {
    let corpus = shipped_corpus();
    assert!(ruxue_core::calendar::CalendarDate::parse(&corpus.site.last_checked).is_ok());
    let bad = fixture_with(
        "valid",
        &[(
            "site.toml",
            "# Fictional (tests/fixtures/README.md).\nlast_checked = \"2099-13-01\"\nreport_problem = \"javascript:alert(1)\"\nsite_url = \"http://example.invalid/\"\n",
        )],
    );
    assert_eq!(
        problems_at(&bad),
        [
            "site.toml:2: last_checked `2099-13-01` is not a date: write it as YYYY-MM-DD",
            "site.toml:3: report_problem `javascript:alert(1)` must be a mailto: address (mailto:name@example.gov.cn) or an https:// page",
            "site.toml:4: site_url `http://example.invalid/` must be the portal's https:// address, e.g. https://example.gov.cn/ruxue/",
        ]
    );
    let set = fixture_with(
        "valid",
        &[(
            "site.toml",
            "last_checked = \"2099-01-01\"\nreport_problem = \"mailto:test@example.invalid\"\nsite_url = \"https://example.invalid/ruxue\"\n",
        )],
    );
    let corpus = load_corpus(&set).unwrap();
    assert_eq!(
        corpus.site.report_problem.as_deref(),
        Some("mailto:test@example.invalid")
    );
    // Page addresses are joined to the site address, so it gains its final slash.
    assert_eq!(
        corpus.site.site_url.as_deref(),
        Some("https://example.invalid/ruxue/")
    );
    let missing = fixture_with("valid", &[("site.toml", "# nothing set\n")]);
    assert_eq!(
        problems_at(&missing),
        ["site.toml:1: last_checked is missing: add `last_checked = \"YYYY-MM-DD\"`"]
    );
}

/// A list deleted by mistake, or an empty documents folder, stops the build: nothing is
/// quietly emptied (issue 12).
#[test]
fn a_missing_required_file_or_no_documents_is_an_error() {
    for file in ruxue_core::REQUIRED_FILES {
        let dir = fixture_with("valid", &[]);
        std::fs::remove_file(dir.join(file)).unwrap();
        assert_eq!(
            problems_at(&dir),
            [format!("{file}:1: missing: every data folder needs this file, even with no rows (keep the header line); see data/README.md")],
        );
    }
    let empty = fixture_with("valid", &[]);
    for ext in ["toml", "txt"] {
        std::fs::remove_file(empty.join(format!("documents/test-2099-1.{ext}"))).unwrap();
    }
    assert_eq!(
        problems_at(&empty),
        ["documents:1: no documents: add at least one `<id>.toml` and `<id>.txt` (see data/README.md)"]
    );
}

/// A text saved with Windows line endings gets one message saying so, not a cascade of repair
/// errors; control characters and runaway clauses are reported where they are (issue 12).
#[test]
fn crlf_control_characters_and_overlong_clauses_are_reported_plainly() {
    let valid = fixture("valid");
    let text = std::fs::read_to_string(valid.join("documents/test-2099-1.txt")).unwrap();
    let crlf = fixture_with(
        "valid",
        &[("documents/test-2099-1.txt", &text.replace('\n', "\r\n"))],
    );
    assert_eq!(
        problems_at(&crlf),
        ["documents/test-2099-1.txt:1: the text has Windows line endings (CRLF): save it with LF line endings, as published"]
    );
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[2].push('\u{0}');
    lines[3].push('\u{1b}');
    let control = fixture_with(
        "valid",
        &[("documents/test-2099-1.txt", &(lines.join("\n") + "\n"))],
    );
    assert_eq!(
        problems_at(&control),
        [
            "documents/test-2099-1.txt:3: control character U+0000 in the text: remove it (it is not part of the published text)",
            "documents/test-2099-1.txt:4: control character U+001B in the text: remove it (it is not part of the published text)",
        ]
    );
    let mut long = text.lines().map(str::to_string).collect::<Vec<_>>();
    let last = long.len() - 1;
    long[last].push_str(&"长".repeat(ruxue_core::MAX_CLAUSE_CHARS));
    let overlong = fixture_with(
        "valid",
        &[("documents/test-2099-1.txt", &(long.join("\n") + "\n"))],
    );
    let problems = problems_at(&overlong);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("characters long, over the limit of 3000"),
        "{problems:?}"
    );
}
