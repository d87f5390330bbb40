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
//! 6. search a vocabulary term whole (学区房, never its pair 学区), and add its terms for parent
//!    words (外地户口 → 随迁子女, 居住证).

use super::normalize::normalize;
use super::pinyin::{find, Mode, Pinyin};
use super::question::{is_english_stopword, strip_question_words};
use super::tokenize::{is_han, runs};
use crate::model::Corpus;

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

/// Words of the corpus that reading a query looks for, prepared once (with the index) so that
/// a query only looks them up: every query must stay well under a millisecond.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Names and short forms of uncovered places, with their position in `directory.elsewhere`.
    elsewhere: WordIndex,
    elsewhere_of: Vec<usize>,
    /// Names and aliases of covered places: an uncovered short form inside one is no match.
    covered: WordIndex,
    /// Words a slip is checked against.
    known: WordIndex,
    /// Every pinyin reading in titles, headings, vocabulary and place names, and their first
    /// letters: a word that cannot be spelled with them is not pinyin, and is not looked for.
    /// (Sorted vectors searched by bisection rather than hash sets: they are small, and every
    /// distinct hash-set type costs the app's download several kilobytes of code.)
    readings: Vec<String>,
    /// Whole words spelled by initials (ysx for 幼升小, qbz for 七宝镇), and every run of three
    /// initials in the titles and headings.
    whole_initials: Vec<String>,
    initial_trigrams: Vec<String>,
    initials: Vec<bool>,
    /// The glossary's English phrases, stemmed, with the entry each belongs to.
    glossary: Vec<(Vec<String>, usize)>,
}

/// Words as characters. Looked through in full for each query: a few hundred short words
/// against a query of at most 200 characters is quick, and needs no index (nor its code).
#[derive(Debug, Default)]
struct WordIndex {
    words: Vec<Vec<char>>,
}

impl WordIndex {
    fn add(&mut self, word: &str) {
        self.words.push(word.chars().collect());
    }

    /// Every (start, word) where a word occurs in `text`.
    fn occurrences(&self, text: &[char]) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for at in 0..text.len() {
            for (i, word) in self.words.iter().enumerate() {
                if text[at..].starts_with(word) {
                    found.push((at, i));
                }
            }
        }
        found
    }
}

impl Lexicon {
    /// Prepares the lexicon of `corpus`.
    pub fn new(corpus: &Corpus) -> Lexicon {
        let mut lexicon = Lexicon {
            initials: vec![false; 128],
            ..Lexicon::default()
        };
        let d = &corpus.directory;
        for (i, place) in d.elsewhere.iter().enumerate() {
            for name in place.names() {
                lexicon.elsewhere.add(name);
                lexicon.elsewhere_of.push(i);
            }
        }
        let places = d.place_names();
        for name in &places {
            lexicon.covered.add(name);
        }
        let mut known: Vec<&str> = places;
        for v in corpus.vocabulary.iter() {
            known.push(&v.term);
            known.extend(v.also.iter().map(String::as_str));
        }
        for g in corpus.glossary.iter() {
            known.extend(g.zh.iter().map(String::as_str));
        }
        known.extend(corpus.compounds.iter().map(String::as_str));
        let mut added: Vec<&str> = Vec::new();
        for word in known {
            // Two-character words differ by one character far too often to correct.
            if word.chars().count() >= 3 && word.chars().all(is_han) && !added.contains(&word) {
                lexicon.known.add(word);
                added.push(word);
            }
        }

        let mut wholes: Vec<&Pinyin> = d.place_pinyin();
        wholes.extend(corpus.vocabulary.iter().map(|v| &v.pinyin));
        let headings: Vec<&Pinyin> = (corpus.headings_with_readings().into_iter())
            .flatten()
            .map(|(pinyin, _)| pinyin)
            .collect();
        for pinyin in headings.iter().chain(&wholes) {
            for syllable in &pinyin.syllables {
                for reading in &syllable.readings {
                    lexicon.initials[usize::from(reading.as_bytes()[0] & 0x7f)] = true;
                    lexicon.readings.push(reading.clone());
                }
            }
        }
        for pinyin in &wholes {
            // The first reading of each character: heteronyms rarely change the initial.
            let initials: String = pinyin
                .syllables
                .iter()
                .filter_map(|s| s.readings.first()?.chars().next())
                .collect();
            lexicon.whole_initials.push(initials);
        }
        for pinyin in &headings {
            let firsts: Vec<String> = pinyin
                .syllables
                .iter()
                .map(|s| s.readings.iter().map(|r| &r[..1]).collect())
                .collect();
            for three in firsts.windows(3) {
                for a in three[0].chars() {
                    for b in three[1].chars() {
                        for c in three[2].chars() {
                            lexicon.initial_trigrams.push(format!("{a}{b}{c}"));
                        }
                    }
                }
            }
        }
        // Sorted for bisection (the one sort of strings the app has anyway).
        for list in [
            &mut lexicon.readings,
            &mut lexicon.whole_initials,
            &mut lexicon.initial_trigrams,
        ] {
            list.sort();
            list.dedup();
        }
        for (entry, g) in corpus.glossary.iter().enumerate() {
            for phrase in &g.en {
                lexicon
                    .glossary
                    .push((phrase.split(' ').map(stem).collect(), entry));
            }
        }
        lexicon
    }

    /// Whether `word` (lower-case letters) could spell some text of the corpus, in full
    /// syllables or by initials. Most English words cannot, and are not looked for as pinyin.
    fn could_be_pinyin(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let by_initials = match bytes.len() {
            0 | 1 => false,
            2 => bytes.iter().all(|&b| self.initials[usize::from(b & 0x7f)]),
            _ => {
                let has = |list: &[String], key: &str| {
                    list.binary_search_by(|w| w.as_str().cmp(key)).is_ok()
                };
                has(&self.whole_initials, word)
                    || (0..bytes.len() - 2).all(|i| has(&self.initial_trigrams, &word[i..i + 3]))
            }
        };
        if by_initials {
            return true;
        }
        // Whether word[..end] splits into known readings (no reading is longer than 6 letters).
        let mut splits = vec![false; bytes.len() + 1];
        splits[0] = true;
        for end in 1..=bytes.len() {
            splits[end] = (end.saturating_sub(6)..end).any(|start| {
                splits[start]
                    && self
                        .readings
                        .binary_search_by(|r| r.as_str().cmp(&word[start..end]))
                        .is_ok()
            });
        }
        splits[bytes.len()]
    }
}

/// Reads `raw`. `is_term` tells whether the index holds a term; a slip is fixed only where
/// the typed characters make pairs the index does not hold.
pub fn understand(
    corpus: &Corpus,
    lexicon: &Lexicon,
    raw: &str,
    is_term: impl Fn(&str) -> bool,
) -> Understood {
    let mut read = Understood::default();
    let mut chars: Vec<char> = normalize(raw).chars().collect();
    if chars.len() > MAX_QUERY_CHARS {
        chars.truncate(MAX_QUERY_CHARS);
        read.truncated = true;
    }
    let mut searchable = set_aside_elsewhere(lexicon, &chars, &mut read);
    if let Some(fixed) = fix_slips(&lexicon.known, &mut searchable, &is_term) {
        for (at, c) in fixed {
            chars[at] = c;
        }
        read.corrected = Some(chars.iter().collect::<String>().trim().to_string());
    }
    read.text = chars.iter().collect();
    let searchable: String = searchable.into_iter().collect();

    // The Chinese the query stands for, typed or reached through the glossary and pinyin:
    // what vocabulary terms are looked for in.
    let mut typed_chinese = String::new();
    let words = read_years_and_places(&searchable, &mut read);
    add_glossary_terms(corpus, lexicon, &words, &mut read, &mut typed_chinese);
    add_typed_phrases(corpus, lexicon, &searchable, &mut read, &mut typed_chinese);
    // Vocabulary terms are matched before question words are dropped, so a term may hold one.
    typed_chinese.push_str(&searchable);
    for entry in corpus.vocabulary.iter() {
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

/// `chars` with the places the portal does not cover blanked out, each noted in
/// `read.elsewhere`: they are reported, not searched.
fn set_aside_elsewhere(lexicon: &Lexicon, chars: &[char], read: &mut Understood) -> Vec<char> {
    let mut searchable = chars.to_vec();
    let covered = lexicon.covered.occurrences(chars);
    for (at, word) in lexicon.elsewhere.occurrences(chars) {
        let len = lexicon.elsewhere.words[word].len();
        // The 虹桥 of Minhang's 虹桥镇 is covered, whatever other district has a 虹桥街道.
        let inside_covered = covered.iter().any(|&(start, name)| {
            start <= at && at + len <= start + lexicon.covered.words[name].len()
        });
        if !inside_covered {
            searchable[at..at + len].iter_mut().for_each(|c| *c = ' ');
            let place = lexicon.elsewhere_of[word];
            if !read.elsewhere.contains(&place) {
                read.elsewhere.push(place);
            }
        }
    }
    searchable
}

/// Notes the years the query names and gives its Chinese to the lookup as a place query;
/// returns its other words (Latin letters and numbers).
fn read_years_and_places(searchable: &str, read: &mut Understood) -> Vec<String> {
    let mut han_only = String::new();
    let mut words: Vec<String> = Vec::new();
    for run in runs(searchable) {
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
    words
}

/// The Chinese terms of the glossary entries whose English phrases `words` hold.
fn add_glossary_terms(
    corpus: &Corpus,
    lexicon: &Lexicon,
    words: &[String],
    read: &mut Understood,
    typed_chinese: &mut String,
) {
    let typed_words: Vec<String> = words.iter().map(|w| stem(w)).collect();
    let mut matched_entries: Vec<usize> = lexicon
        .glossary
        .iter()
        .filter(|(phrase, _)| {
            typed_words
                .windows(phrase.len())
                .any(|w| w == phrase.as_slice())
        })
        .map(|&(_, entry)| entry)
        .collect();
    matched_entries.dedup();
    for entry in matched_entries.into_iter().map(|i| &corpus.glossary[i]) {
        for zh in &entry.zh {
            let zh = normalize(zh);
            typed_chinese.push_str(&zh);
            typed_chinese.push(' ');
            push_unique(&mut read.expansions, zh.clone());
            push_phrase(&mut read.phrases, zh, GLOSSARY, true);
        }
    }
}

/// What was typed, as phrases: vocabulary terms whole, the rest by runs with question words
/// dropped, and pinyin words also as the Chinese they spell.
fn add_typed_phrases(
    corpus: &Corpus,
    lexicon: &Lexicon,
    searchable: &str,
    read: &mut Understood,
    typed_chinese: &mut String,
) {
    // A vocabulary term is a word the texts do not use (学区房): it is searched whole, and its
    // meaning comes from its expansions, never from its character pairs (学区 is a group of
    // schools here). The rest of what was typed is searched by its pairs.
    let mut content = searchable.to_string();
    for entry in corpus.vocabulary.iter() {
        let term = normalize(&entry.term);
        if term.chars().count() >= 3 && content.contains(&term) {
            content = content.replace(&term, &" ".repeat(term.chars().count()));
            push_phrase(&mut read.phrases, term, 1.0, true);
        }
    }
    for run in runs(&strip_question_words(&content)) {
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
        if letters && lexicon.could_be_pinyin(&run.text) {
            // Place names are matched by pinyin too (qibao, xz).
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
}

/// Fixes, in place, each run of characters that differs from a known word in exactly one
/// character where the typed character makes a pair the index does not hold. Returns the
/// changed positions and their new characters, or none if nothing was changed.
fn fix_slips(
    known: &WordIndex,
    chars: &mut [char],
    is_term: &impl Fn(&str) -> bool,
) -> Option<Vec<(usize, char)>> {
    // Characters inside a known word typed correctly are no slip (外地户口 is not 外地人 + 口).
    let mut spelled_right = vec![false; chars.len()];
    for (at, word) in known.occurrences(chars) {
        let len = known.words[word].len();
        spelled_right[at..at + len]
            .iter_mut()
            .for_each(|c| *c = true);
    }
    let mut fixed = Vec::new();
    for at in 0..chars.len() {
        for word in &known.words {
            let Some(window) = chars.get(at..at + word.len()) else {
                continue;
            };
            let mut differing = (0..word.len()).filter(|&k| window[k] != word[k]);
            let (Some(k), None) = (differing.next(), differing.next()) else {
                continue;
            };
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

/// An English word with a trailing plural `s` taken off (kindergartens, schools), so that
/// glossary phrases match either form.
fn stem(word: &str) -> String {
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        word[..word.len() - 1].to_string()
    } else {
        word.to_string()
    }
}

/// Chinese text that a pinyin word spells: whole vocabulary terms (full pinyin or, for
/// two letters and more, initials), and runs of titles and headings (full pinyin, or
/// initials of three letters and more).
fn spelled_by(corpus: &Corpus, word: &str) -> Vec<String> {
    let mut spelled = Vec::new();
    for entry in corpus.vocabulary.iter() {
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
    for document in corpus.headings_with_readings() {
        for (pinyin, text) in document {
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
    fn plurals_are_stemmed_but_not_double_s() {
        assert_eq!(stem("schools"), "school");
        assert_eq!(stem("class"), "class");
        assert_eq!(stem("bus"), "bus");
    }
}
