//! Reading the search aids: the parent vocabulary and compound words (`data/vocabulary.toml`)
//! and the bilingual glossary (`data/glossary.toml`). None of them is shown as a fact; they only
//! decide what a query also looks for.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::readings::pinyin_of;
use crate::diagnostic::{line_of_offset, Diagnostic};
use crate::model::{GlossaryEntry, VocabularyTerm};
use crate::search::tokenize::is_han;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    #[serde(default)]
    term: Vec<Spanned<RawTerm>>,
    #[serde(default)]
    compound: Vec<Spanned<RawCompound>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    term: String,
    also: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCompound {
    word: String,
    /// Why the word's inner pairs must not count as whole words; for reviewers only.
    #[allow(dead_code)]
    why: String,
}

/// The vocabulary and the compound words of `vocabulary.toml`.
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    pub terms: Vec<VocabularyTerm>,
    pub compounds: Vec<String>,
}

/// Parses and validates the vocabulary; every problem is reported at its entry's line.
pub(crate) fn parse_vocabulary(file: &Path, source: &str) -> Result<Vocabulary, Vec<Diagnostic>> {
    let raw: RawList = super::toml_file::parse(file, source).map_err(|problem| vec![problem])?;
    let mut problems = Vec::new();
    let mut vocabulary = Vocabulary::default();
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
        if vocabulary.terms.iter().any(|t| t.term == term) {
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
        vocabulary.terms.push(VocabularyTerm { term, also, pinyin });
    }
    for spanned in raw.compound {
        let line = line_of_offset(source, spanned.span().start);
        let word = spanned.into_inner().word.trim().to_string();
        if word.chars().count() < 3 || !word.chars().all(is_han) {
            problems.push(Diagnostic::new(
                file,
                line,
                format!("compound `{word}` must be three or more Chinese characters"),
            ));
        } else if vocabulary.compounds.contains(&word) {
            problems.push(Diagnostic::new(
                file,
                line,
                format!("compound `{word}` is listed twice"),
            ));
        } else {
            vocabulary.compounds.push(word);
        }
    }
    if problems.is_empty() {
        Ok(vocabulary)
    } else {
        Err(problems)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGlossary {
    #[serde(default)]
    entry: Vec<Spanned<RawGlossaryEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGlossaryEntry {
    en: Vec<String>,
    zh: Vec<String>,
}

/// Whether `phrase` is what a glossary's English side may hold: lower-case words of ASCII
/// letters and digits, separated by single spaces (hyphens are spaces in queries too).
fn is_glossary_phrase(phrase: &str) -> bool {
    !phrase.is_empty()
        && phrase.split(' ').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Parses and validates the glossary (English words → the Chinese terms the texts use).
pub(crate) fn parse_glossary(
    file: &Path,
    source: &str,
) -> Result<Vec<GlossaryEntry>, Vec<Diagnostic>> {
    let raw: RawGlossary =
        super::toml_file::parse(file, source).map_err(|problem| vec![problem])?;
    let mut problems = Vec::new();
    let mut entries: Vec<GlossaryEntry> = Vec::new();
    for spanned in raw.entry {
        let line = line_of_offset(source, spanned.span().start);
        let entry = spanned.into_inner();
        let mut problem = |m: String| problems.push(Diagnostic::new(file, line, m));
        if entry.en.is_empty() || entry.zh.is_empty() {
            problem("a glossary entry needs at least one `en` phrase and one `zh` term".into());
            continue;
        }
        for phrase in &entry.en {
            if !is_glossary_phrase(phrase) {
                problem(format!(
                    "`{phrase}`: write English phrases in lower case, words separated by one space"
                ));
            } else if entries.iter().any(|e| e.en.contains(phrase)) {
                problem(format!(
                    "`{phrase}` is in another entry already: merge them"
                ));
            }
        }
        for term in &entry.zh {
            if !term.chars().any(is_han) {
                problem(format!("`{term}` is not a Chinese term"));
            }
        }
        entries.push(GlossaryEntry {
            en: entry.en,
            zh: entry.zh,
        });
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glossary_problems_are_reported_at_their_entry() {
        let text = "[[entry]]\nen = [\"kindergarten\"]\nzh = [\"幼儿园\"]\n\n[[entry]]\nen = [\"Kindergarten\", \"kindergarten\"]\nzh = [\"nursery\"]\n";
        let problems = parse_glossary(Path::new("glossary.toml"), text).unwrap_err();
        let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            shown,
            [
                "glossary.toml:5: `Kindergarten`: write English phrases in lower case, words separated by one space",
                "glossary.toml:5: `kindergarten` is in another entry already: merge them",
                "glossary.toml:5: `nursery` is not a Chinese term",
            ]
        );
    }

    #[test]
    fn compounds_must_be_chinese_words_of_three_characters() {
        let text = "[[compound]]\nword = \"中小学\"\nwhy = \"x\"\n\n[[compound]]\nword = \"小学\"\nwhy = \"x\"\n";
        let problems = parse_vocabulary(Path::new("vocabulary.toml"), text).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "vocabulary.toml:5: compound `小学` must be three or more Chinese characters"
        );
    }
}
