//! What a query asks for, before anything is ranked: the phrases to look for and their weights,
//! and what to tell the parent about how the query was read.
//!
//! In order:
//! 1. normalise and cut to [`MAX_QUERY_CHARS`];
//! 2. set aside Shanghai places the portal does not cover (浦东新区, 张江), so the results can
//!    say what the portal covers;
//! 3. fix a one-character slip in a known term (幼生小 → 幼升小), offered as "您是不是要找";
//! 4. read English through the glossary (kindergarten → 幼儿园) and pinyin through the readings;
//! 5. drop question words and particles ([`super::question`]);
//! 6. add the vocabulary's terms for parent words (外地户口 → 随迁子女, 居住证).

use super::normalize::normalize;
use super::pinyin::{find, Mode};
use super::question::{is_english_stopword, strip_question_words};
use super::tokenize::{is_han, runs};
use crate::document::Corpus;
use crate::structure::ClauseKind;

/// Queries are cut to this many characters; nobody types more, and it bounds the work.
pub const MAX_QUERY_CHARS: usize = 200;
/// How much the terms a vocabulary entry adds (幼升小 → 小学, 入学) count against typed terms.
pub const EXPANSION: f32 = 0.6;
/// How much the Chinese terms of a glossary entry count: they are what the English means.
pub const GLOSSARY: f32 = 1.0;

/// One thing to search for.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub text: String,
    /// How much its matches count.
    pub weight: f32,
    /// Whether only records holding the whole phrase match. Terms search adds (vocabulary,
    /// glossary, pinyin) must match whole: 优质高中 must not find every clause with 优质.
    /// What was typed matches by its character pairs, so a question need not be verbatim.
    pub whole: bool,
}

/// A query, read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Understood {
    /// The normalised query, cut to [`MAX_QUERY_CHARS`], with any slip fixed.
    pub text: String,
    /// Whether the query was cut.
    pub truncated: bool,
    /// The query with a slip fixed, when one was (您是不是要找).
    pub corrected: Option<String>,
    /// What to search.
    pub phrases: Vec<Phrase>,
    /// Terms searched besides what was typed (vocabulary, glossary, pinyin), shown to the user.
    pub expansions: Vec<String>,
    /// Years the query names (2027).
    pub years: Vec<i32>,
    /// Positions in `directory.elsewhere` of the uncovered places the query names.
    pub elsewhere: Vec<usize>,
    /// Covered districts the query names (闵行, 宝山区).
    pub districts: Vec<String>,
    /// What the lookup should try: the Chinese of the query, then each word of letters.
    pub place_queries: Vec<String>,
}

/// Reads `raw`. `is_term` tells whether the index holds a term; a slip is fixed only where
/// the typed characters make pairs the index does not hold.
pub fn understand(corpus: &Corpus, raw: &str, is_term: impl Fn(&str) -> bool) -> Understood {
    let mut read = Understood::default();
    let mut chars: Vec<char> = normalize(raw).chars().collect();
    if chars.len() > MAX_QUERY_CHARS {
        chars.truncate(MAX_QUERY_CHARS);
        read.truncated = true;
    }

    let mut searchable = chars.clone();
    for (i, place) in corpus.directory.elsewhere.iter().enumerate() {
        for name in place.names() {
            for at in occurrences(&chars, name) {
                let len = name.chars().count();
                if !covered_place_at(corpus, &chars, at, len) {
                    searchable[at..at + len].iter_mut().for_each(|c| *c = ' ');
                    if !read.elsewhere.contains(&i) {
                        read.elsewhere.push(i);
                    }
                }
            }
        }
    }

    if let Some(fixed) = fix_slips(corpus, &mut searchable, &is_term) {
        for (at, c) in fixed {
            chars[at] = c;
        }
        read.corrected = Some(chars.iter().collect::<String>().trim().to_string());
    }
    read.text = chars.iter().collect();
    let searchable: String = searchable.into_iter().collect();

    let mut typed_chinese = String::new();
    let mut han_only = String::new();
    let mut words: Vec<String> = Vec::new();
    for run in runs(&searchable) {
        if run.han {
            han_only.push_str(&run.text);
        } else {
            words.push(run.text);
        }
    }
    for word in &words {
        if let Ok(year) = word.parse::<i32>() {
            if word.len() == 4 && (2000..=2100).contains(&year) && !read.years.contains(&year) {
                read.years.push(year);
            }
        }
    }
    if !han_only.is_empty() {
        read.place_queries.push(han_only);
    }

    for entry in &corpus.glossary {
        if entry.en.iter().any(|phrase| contains_words(&words, phrase)) {
            for zh in &entry.zh {
                let zh = normalize(zh);
                typed_chinese.push_str(&zh);
                typed_chinese.push(' ');
                push_unique(&mut read.expansions, zh.clone());
                push_phrase(&mut read.phrases, zh, GLOSSARY, true);
            }
        }
    }

    for run in runs(&strip_question_words(&searchable)) {
        if run.han {
            typed_chinese.push_str(&run.text);
            typed_chinese.push(' ');
            push_phrase(&mut read.phrases, run.text, 1.0, false);
            continue;
        }
        if is_english_stopword(&run.text) {
            continue;
        }
        let letters = run.text.len() >= 2 && run.text.bytes().all(|b| b.is_ascii_lowercase());
        if letters {
            read.place_queries.push(run.text.clone());
            for spelled in spelled_by(corpus, &run.text) {
                typed_chinese.push_str(&spelled);
                typed_chinese.push(' ');
                push_unique(&mut read.expansions, spelled.clone());
                push_phrase(&mut read.phrases, spelled, 1.0, true);
            }
        }
        push_phrase(&mut read.phrases, run.text, 1.0, false);
    }

    // Vocabulary terms are matched before question words are dropped, so a term may hold one.
    typed_chinese.push_str(&searchable);
    for entry in &corpus.vocabulary {
        if typed_chinese.contains(&normalize(&entry.term)) {
            for also in &entry.also {
                let also = normalize(also);
                push_unique(&mut read.expansions, also.clone());
                push_phrase(&mut read.phrases, also, EXPANSION, true);
            }
        }
    }
    read.expansions.retain(|s| !read.text.contains(s.as_str()));

    for district in &corpus.directory.districts {
        if read.text.contains(district.name.trim_end_matches('区')) {
            read.districts.push(district.name.clone());
        }
    }
    read
}

/// Character positions where `word` starts in `chars`.
fn occurrences(chars: &[char], word: &str) -> Vec<usize> {
    let word: Vec<char> = word.chars().collect();
    if word.is_empty() || word.len() > chars.len() {
        return Vec::new();
    }
    (0..=chars.len() - word.len())
        .filter(|&at| chars[at..at + word.len()] == word[..])
        .collect()
}

/// Whether the text at `at..at + len` lies inside the name or alias of a covered place (the
/// 虹桥 of Minhang's 虹桥镇 is covered, whatever other district has a 虹桥街道).
fn covered_place_at(corpus: &Corpus, chars: &[char], at: usize, len: usize) -> bool {
    let d = &corpus.directory;
    let names = d
        .districts
        .iter()
        .map(|x| x.name.as_str())
        .chain(d.towns.iter().flat_map(|t| {
            std::iter::once(t.name.as_str()).chain(t.aliases.iter().map(String::as_str))
        }))
        .chain(d.schools.iter().map(|s| s.name.as_str()))
        .chain(d.clusters.iter().map(|c| c.name.as_str()));
    for name in names {
        let n = name.chars().count();
        if n < len {
            continue;
        }
        for start in occurrences(chars, name) {
            if start <= at && at + len <= start + n {
                return true;
            }
        }
    }
    false
}

/// The words a slip is checked against: vocabulary and glossary terms and place names of
/// three characters or more (two-character words differ by one character far too often).
fn known_words(corpus: &Corpus) -> Vec<&str> {
    let d = &corpus.directory;
    let mut words: Vec<&str> = corpus
        .vocabulary
        .iter()
        .flat_map(|v| std::iter::once(v.term.as_str()).chain(v.also.iter().map(String::as_str)))
        .chain(
            corpus
                .glossary
                .iter()
                .flat_map(|g| g.zh.iter().map(String::as_str)),
        )
        .chain(corpus.compounds.iter().map(String::as_str))
        .chain(d.towns.iter().map(|t| t.name.as_str()))
        .chain(d.schools.iter().map(|s| s.name.as_str()))
        .chain(d.clusters.iter().map(|c| c.name.as_str()))
        .filter(|w| w.chars().count() >= 3 && w.chars().all(is_han))
        .collect();
    let mut seen = std::collections::HashSet::new();
    words.retain(|w| seen.insert(*w));
    words
}

/// Fixes, in place, each run of characters that differs from a known word in exactly one
/// character where the typed character makes a pair the index does not hold. Returns the
/// changed positions and their new characters, or none if nothing was changed.
fn fix_slips(
    corpus: &Corpus,
    chars: &mut [char],
    is_term: &impl Fn(&str) -> bool,
) -> Option<Vec<(usize, char)>> {
    let known = known_words(corpus);
    // Characters inside a known word typed correctly are no slip (外地户口 is not 外地人 + 口).
    let mut spelled_right = vec![false; chars.len()];
    for word in &known {
        let len = word.chars().count();
        for at in occurrences(chars, word) {
            spelled_right[at..at + len]
                .iter_mut()
                .for_each(|c| *c = true);
        }
    }
    let mut fixed = Vec::new();
    for word in known {
        let word: Vec<char> = word.chars().collect();
        if word.len() > chars.len() {
            continue;
        }
        for at in 0..=chars.len() - word.len() {
            let window = &chars[at..at + word.len()];
            let differing: Vec<usize> = (0..word.len()).filter(|&k| window[k] != word[k]).collect();
            let [k] = differing[..] else { continue };
            if spelled_right[at + k] || !window.iter().all(|&c| is_han(c)) {
                continue;
            }
            let unknown_pair = [k.checked_sub(1), Some(k)]
                .into_iter()
                .flatten()
                .filter(|&i| i + 1 < word.len())
                .any(|i| !is_term(&window[i..i + 2].iter().collect::<String>()));
            if unknown_pair {
                chars[at + k] = word[k];
                fixed.push((at + k, word[k]));
            }
        }
    }
    (!fixed.is_empty()).then_some(fixed)
}

/// Whether the words of `phrase` appear in `words` one after another, a trailing plural `s`
/// ignored on both sides (kindergartens, schools).
fn contains_words(words: &[String], phrase: &str) -> bool {
    let stem = |w: &str| -> String {
        if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
            w[..w.len() - 1].to_string()
        } else {
            w.to_string()
        }
    };
    let wanted: Vec<String> = phrase.split(' ').map(stem).collect();
    let typed: Vec<String> = words.iter().map(|w| stem(w)).collect();
    !wanted.is_empty() && typed.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

/// Chinese text that a pinyin word spells: whole vocabulary terms (full pinyin or, for
/// two letters and more, initials), and runs of titles and headings (full pinyin, or
/// initials of three letters and more).
fn spelled_by(corpus: &Corpus, word: &str) -> Vec<String> {
    let mut spelled = Vec::new();
    for entry in &corpus.vocabulary {
        let chars = entry.term.chars().count();
        for mode in [Mode::Full, Mode::Initials] {
            if find(&entry.pinyin, word, mode)
                .iter()
                .any(|r| r.len() == chars)
            {
                push_unique(&mut spelled, entry.term.clone());
            }
        }
    }
    // A word that spells a vocabulary term means that term; looking further in headings
    // would only add noise (ysx is 幼升小, not 统一思想's 一思想).
    if !spelled.is_empty() {
        return spelled;
    }
    let modes: &[Mode] = if word.len() >= 3 {
        &[Mode::Full, Mode::Initials]
    } else {
        &[Mode::Full]
    };
    for document in &corpus.documents {
        let headings = document
            .clauses
            .iter()
            .filter(|c| matches!(c.kind, ClauseKind::Part | ClauseKind::Section))
            .map(|c| (&c.pinyin, c.text.as_str()));
        for (pinyin, text) in
            std::iter::once((&document.title_pinyin, document.meta.title.as_str())).chain(headings)
        {
            for &mode in modes {
                for range in find(pinyin, word, mode) {
                    let piece: String = text.chars().skip(range.start).take(range.len()).collect();
                    // One character spelled in full (e.g. "an") is too loose to search for.
                    if piece.chars().count() >= 2 {
                        push_unique(&mut spelled, normalize(&piece));
                    }
                }
            }
        }
    }
    spelled.truncate(6);
    spelled
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

fn push_phrase(list: &mut Vec<Phrase>, text: String, weight: f32, whole: bool) {
    if !list.iter().any(|p| p.text == text) {
        list.push(Phrase {
            text,
            weight,
            whole,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_phrases_match_whole_words_and_plurals() {
        let words: Vec<String> = ["primary", "schools", "near", "me"]
            .map(String::from)
            .to_vec();
        assert!(contains_words(&words, "primary school"));
        assert!(!contains_words(&words, "school district"));
        assert!(!contains_words(&["class".to_string()], "clas"));
    }
}
