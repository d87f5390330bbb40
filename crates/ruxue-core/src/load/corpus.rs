//! Loading the whole `data/` folder into one validated [`Corpus`].
//!
//! Nothing is skipped silently: a file the loader does not understand is an error, not a
//! file it quietly passes over, so an editor's misnamed file cannot vanish from the portal.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::metadata::parse_meta;
use super::parser::parse_document;
use super::repairs::{apply_repairs, parse_repair_list, RepairEntry};
use crate::diagnostic::Diagnostic;
use crate::model::{Corpus, Document};

/// Where documents live, relative to the data folder.
pub(crate) const DOCUMENTS_DIR: &str = "documents";
/// The list of recorded repairs, relative to the data folder.
pub(crate) const REPAIRS_FILE: &str = "repairs.toml";
/// The parent vocabulary for search, relative to the data folder.
pub(crate) const VOCABULARY_FILE: &str = "vocabulary.toml";
/// The English–Chinese search glossary, relative to the data folder.
pub(crate) const GLOSSARY_FILE: &str = "glossary.toml";
/// The deployment's settings (last-checked date, report address), relative to the data folder.
pub const SITE_FILE: &str = "site.toml";

/// Files every data folder must have, even with no rows: a list deleted or misnamed by
/// mistake must stop the build, not quietly empty a part of the portal. `repairs.toml` is the
/// one optional file (a folder may need no repairs).
pub const REQUIRED_FILES: [&str; 16] = [
    "places/districts.csv",
    "places/towns.csv",
    "places/communities.csv",
    "places/elsewhere.csv",
    "schools/schools.csv",
    "schools/clusters.csv",
    "schools/memberships.csv",
    "schools/catchments.csv",
    "schools/facts.toml",
    "sources.toml",
    "guidance.toml",
    "key_dates.toml",
    super::targets::TARGETS_FILE,
    VOCABULARY_FILE,
    GLOSSARY_FILE,
    SITE_FILE,
];

/// Reads and validates the data folder at `data_dir`.
///
/// On failure returns every problem found, sorted by file and line.
pub fn load_corpus(data_dir: &Path) -> Result<Corpus, Vec<Diagnostic>> {
    let docs_dir = data_dir.join(DOCUMENTS_DIR);
    let mut problems = Vec::new();
    let entries = match list_files(&docs_dir) {
        Ok(entries) => entries,
        Err(message) => return Err(vec![Diagnostic::new(&docs_dir, 1, message)]),
    };
    check_required_files(data_dir, &docs_dir, &entries)?;
    let (metas, texts) = pair_document_files(entries, &mut problems);
    let repairs_path = data_dir.join(REPAIRS_FILE);
    // No repair list is fine: a data folder may need no repairs.
    let repairs = read_optional_file(&repairs_path, parse_repair_list, &mut problems);
    for entry in &repairs {
        if !metas.contains_key(&entry.document) {
            problems.push(Diagnostic::new(
                &repairs_path,
                entry.line,
                format!(
                    "repair names document `{}`, which does not exist in {}",
                    entry.document,
                    docs_dir.display()
                ),
            ));
        }
    }

    let mut documents = Vec::new();
    let mut ids: BTreeMap<String, (PathBuf, usize)> = BTreeMap::new();
    for (stem, meta_path) in &metas {
        let files = DocumentFiles {
            stem,
            meta_path,
            texts: &texts,
            repairs: &repairs,
            repairs_path: &repairs_path,
        };
        documents.extend(load_document(&files, &mut ids, &mut problems));
    }

    let vocabulary = read_optional_file(
        &data_dir.join(VOCABULARY_FILE),
        super::vocabulary::parse_vocabulary,
        &mut problems,
    );
    let glossary = read_optional_file(
        &data_dir.join(GLOSSARY_FILE),
        super::vocabulary::parse_glossary,
        &mut problems,
    );

    // Places and schools cite document items, so they are checked once the documents are valid.
    let directory = if problems.is_empty() {
        super::directory::load_directory(data_dir, &documents).unwrap_or_else(|mut found| {
            problems.append(&mut found);
            Default::default()
        })
    } else {
        Default::default()
    };

    let guidance = if problems.is_empty() {
        super::guidance::load_guidance(data_dir, &documents, &directory).unwrap_or_else(
            |mut found| {
                problems.append(&mut found);
                Default::default()
            },
        )
    } else {
        Default::default()
    };

    let (targets, reviewed_numbers) = if problems.is_empty() {
        super::targets::load_targets(data_dir, &documents).unwrap_or_else(|mut found| {
            problems.append(&mut found);
            Default::default()
        })
    } else {
        Default::default()
    };

    let site = super::site::load_site(&data_dir.join(SITE_FILE), &mut problems);

    if problems.is_empty() {
        Ok(Corpus {
            site,
            documents,
            vocabulary: crate::model::SetOnce::from(vocabulary.terms),
            compounds: vocabulary.compounds,
            glossary: crate::model::SetOnce::from(glossary),
            directory,
            guidance,
            heading_readings: Default::default(),
            target_count: targets.len() as u32,
            targets: crate::model::SetOnce::from(targets),
            reviewed_numbers,
        })
    } else {
        problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        Err(problems)
    }
}

/// Every required file exists and there is at least one document: otherwise nothing else is
/// worth reading, and these are the only problems reported.
fn check_required_files(
    data_dir: &Path,
    docs_dir: &Path,
    entries: &[PathBuf],
) -> Result<(), Vec<Diagnostic>> {
    let mut problems = Vec::new();
    for file in REQUIRED_FILES {
        let path = data_dir.join(file);
        if !path.is_file() {
            problems.push(Diagnostic::new(
                &path,
                1,
                "missing: every data folder needs this file, even with no rows (keep the header line); see data/README.md",
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if entries.is_empty() {
        return Err(vec![Diagnostic::new(
            docs_dir,
            1,
            "no documents: add at least one `<id>.toml` and `<id>.txt` (see data/README.md)",
        )]);
    }

    Ok(())
}

/// The documents folder's `<id>.toml` and `<id>.txt` files by id; anything else is reported.
type DocumentPaths = BTreeMap<String, PathBuf>;

fn pair_document_files(
    entries: Vec<PathBuf>,
    problems: &mut Vec<Diagnostic>,
) -> (DocumentPaths, DocumentPaths) {
    let mut metas: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut texts: BTreeMap<String, PathBuf> = BTreeMap::new();
    for path in entries {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        match path.extension().and_then(|e| e.to_str()) {
            Some("toml") => {
                metas.insert(stem, path);
            }
            Some("txt") => {
                texts.insert(stem, path);
            }
            Some("md") => {}
            _ => problems.push(Diagnostic::new(
                &path,
                1,
                "unexpected file in the documents folder: a document is `<id>.toml` (metadata) plus `<id>.txt` (text)",
            )),
        }
    }
    for (stem, path) in &texts {
        if !metas.contains_key(stem) {
            problems.push(Diagnostic::new(
                path,
                1,
                format!("text has no metadata file: add `{stem}.toml` beside it"),
            ));
        }
    }

    (metas, texts)
}

/// What loading one document needs besides its metadata file.
struct DocumentFiles<'a> {
    stem: &'a str,
    meta_path: &'a PathBuf,
    texts: &'a DocumentPaths,
    repairs: &'a [RepairEntry],
    repairs_path: &'a Path,
}

/// One document: metadata, text, repairs and structure, with every problem recorded. `ids`
/// holds the ids seen so far, so that a duplicate names the file that has it already.
fn load_document(
    files: &DocumentFiles,
    ids: &mut BTreeMap<String, (PathBuf, usize)>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Document> {
    let DocumentFiles {
        stem,
        meta_path,
        texts,
        repairs,
        repairs_path,
    } = *files;
    let source = match read_text(meta_path) {
        Ok(s) => s,
        Err(d) => {
            problems.push(d);
            return None;
        }
    };
    let meta = match parse_meta(meta_path, &source) {
        Ok((meta, id_line)) => {
            if let Some((other, other_line)) = ids.get(&meta.id) {
                problems.push(Diagnostic::new(
                    meta_path,
                    id_line,
                    format!(
                        "duplicate id `{}`: {}:{other_line} uses it already; every document needs its own id",
                        meta.id,
                        other.display()
                    ),
                ));
                return None;
            }
            ids.insert(meta.id.clone(), (meta_path.clone(), id_line));
            if meta.id != stem {
                problems.push(Diagnostic::new(
                    meta_path,
                    id_line,
                    format!("id `{}` does not match the file name `{stem}.toml`: name the file after the id", meta.id),
                ));
                return None;
            }
            meta
        }
        Err(mut found) => {
            problems.append(&mut found);
            return None;
        }
    };
    let Some(text_path) = texts.get(stem) else {
        problems.push(Diagnostic::new(
            meta_path,
            1,
            format!("metadata has no text file: add `{stem}.txt` beside it"),
        ));
        return None;
    };
    match read_text(text_path) {
        Ok(text) if text.trim().is_empty() => {
            problems.push(Diagnostic::new(text_path, 1, "the document text is empty"));
        }
        Ok(text) => {
            let unreadable = text_problems(text_path, &text);
            if !unreadable.is_empty() {
                problems.extend(unreadable);
                return None;
            }
            let mine: Vec<&RepairEntry> = repairs.iter().filter(|r| r.document == stem).collect();
            match build_document(meta, text, &mine, repairs_path, text_path) {
                Ok(document) => {
                    for clause in &document.clauses {
                        let chars = clause.text.chars().count();
                        if chars > MAX_CLAUSE_CHARS {
                            problems.push(Diagnostic::new(
                                text_path,
                                clause.source_line as usize,
                                format!("clause {} is {chars} characters long, over the limit of {MAX_CLAUSE_CHARS}: is a heading or a line break missing?", clause.id),
                            ));
                        }
                    }
                    return Some(document);
                }
                Err(mut found) => problems.append(&mut found),
            }
        }
        Err(d) => problems.push(d),
    }
    None
}

/// Reads and parses a data file that a data folder may leave out (it then holds nothing).
fn read_optional_file<T: Default>(
    path: &Path,
    parse: impl Fn(&Path, &str) -> Result<T, Vec<Diagnostic>>,
    problems: &mut Vec<Diagnostic>,
) -> T {
    match read_text(path) {
        Ok(source) => parse(path, &source).unwrap_or_else(|mut found| {
            problems.append(&mut found);
            T::default()
        }),
        Err(_) if !path.exists() => T::default(),
        Err(d) => {
            problems.push(d);
            T::default()
        }
    }
}

fn build_document(
    meta: crate::model::DocumentMeta,
    text: String,
    repairs: &[&RepairEntry],
    repairs_path: &Path,
    text_path: &Path,
) -> Result<Document, Vec<Diagnostic>> {
    let repaired = apply_repairs(&text, repairs, repairs_path, text_path)?;
    let clauses = parse_document(&meta, &text, &repaired, text_path)?;
    let title_pinyin = super::readings::pinyin_of(&meta.title);
    Ok(Document {
        meta,
        text,
        clauses,
        repairs: repaired.applied,
        title_pinyin,
    })
}

fn list_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let read = fs::read_dir(dir).map_err(|e| format!("cannot read the folder: {e}"))?;
    let mut files = Vec::new();
    for entry in read {
        let entry = entry.map_err(|e| format!("cannot read the folder: {e}"))?;
        let name = entry.file_name();
        // Editors' tools leave dotfiles (.DS_Store, swap files); they are not data.
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        files.push(entry.path());
    }
    files.sort();
    Ok(files)
}

/// The longest clause a document may have. The longest published one is under 500 characters;
/// a clause far longer means the parser missed a heading or a line break.
pub const MAX_CLAUSE_CHARS: usize = 3000;

/// Problems that make a text unsafe to parse: Windows line endings (reported once, since the
/// text must stay byte-for-byte as published, and every repair and line number would be off),
/// and control characters, which no published text contains.
fn text_problems(path: &Path, text: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    if let Some(at) = text.find('\r') {
        problems.push(Diagnostic::at_offset(
            path,
            text,
            at,
            "the text has Windows line endings (CRLF): save it with LF line endings, as published",
        ));
        return problems;
    }
    for (at, c) in text.char_indices() {
        if c.is_control() && c != '\n' && c != '\t' {
            problems.push(Diagnostic::at_offset(
                path,
                text,
                at,
                format!(
                    "control character U+{:04X} in the text: remove it (it is not part of the published text)",
                    c as u32
                ),
            ));
        }
    }
    problems
}

fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes = fs::read(path)
        .map_err(|e| Diagnostic::new(path, 1, format!("cannot read the file: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or_default();
        Diagnostic::at_offset(
            path,
            valid,
            offset,
            "the file is not UTF-8 text: save it as UTF-8",
        )
    })
}
