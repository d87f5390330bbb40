//! Reading the parent vocabulary (`data/vocabulary.toml`): words parents type that the
//! documents do not use, and the terms search adds for each.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{line_of_offset, Diagnostic};
use crate::document::VocabularyTerm;
use crate::readings::pinyin_of;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    #[serde(default)]
    term: Vec<Spanned<RawTerm>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    term: String,
    also: Vec<String>,
}

/// Parses and validates the vocabulary; every problem is reported at its entry's line.
pub fn parse_vocabulary(file: &Path, source: &str) -> Result<Vec<VocabularyTerm>, Vec<Diagnostic>> {
    let raw: RawList = crate::toml_file::parse(file, source).map_err(|problem| vec![problem])?;
    let mut problems = Vec::new();
    let mut terms: Vec<VocabularyTerm> = Vec::new();
    for spanned in raw.term {
        let line = line_of_offset(source, spanned.span().start);
        let entry = spanned.into_inner();
        let term = entry.term.trim().to_string();
        if term.is_empty() {
            problems.push(Diagnostic::new(
                file,
                line,
                "vocabulary entry has an empty `term`",
            ));
            continue;
        }
        if terms.iter().any(|t| t.term == term) {
            problems.push(Diagnostic::new(
                file,
                line,
                format!("`{term}` is listed twice: merge the entries"),
            ));
            continue;
        }
        let also: Vec<String> = entry
            .also
            .iter()
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
        if also.is_empty() {
            problems.push(Diagnostic::new(
                file,
                line,
                format!("`{term}` has no `also` terms: list what to search for it"),
            ));
            continue;
        }
        let pinyin = pinyin_of(&term);
        terms.push(VocabularyTerm { term, also, pinyin });
    }
    if problems.is_empty() {
        Ok(terms)
    } else {
        Err(problems)
    }
}
