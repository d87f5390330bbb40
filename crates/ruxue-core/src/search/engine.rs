//! The inverted index and the ranking.

use std::collections::HashMap;
use std::ops::Range;

use super::normalize::normalize;
use super::pinyin::{find, Mode};
use super::tokenize::{query_terms, runs, tokenize};
use crate::document::Corpus;
use crate::structure::ClauseKind;

/// The ranking's named weights. BM25F: each field's term frequency is length-normalised and
/// weighted, the weighted sum goes through BM25's saturation, and is multiplied by the term's IDF.
pub mod weights {
    /// BM25 term-frequency saturation.
    pub const K1: f32 = 1.2;
    /// BM25 length normalisation (0: none, 1: full).
    pub const B: f32 = 0.75;
    /// A match in the document's title. Low: every clause of a document shares its title.
    pub const TITLE: f32 = 0.3;
    /// A match in the part and section headings above the clause (or the clause's own heading).
    pub const HEADING: f32 = 2.0;
    /// A match in the clause's own text.
    pub const BODY: f32 = 1.0;
    /// Extra score, per IDF of its terms, for a query phrase found contiguously in a clause.
    pub const PHRASE: f32 = 0.6;
    /// How much the terms a vocabulary entry adds (幼升小 → 小学, 入学) count against typed terms.
    pub const EXPANSION: f32 = 0.6;
    /// A query that names a district (宝山, 闵行区) multiplies the scores of that district's
    /// documents by this: parents write the district instead of using the filter.
    pub const DISTRICT: f32 = 1.5;
    /// Queries are cut to this many characters; nobody types more, and it bounds the work.
    pub const MAX_QUERY_CHARS: usize = 200;
    /// Characters of clause text shown around the first match.
    pub const SNIPPET_CHARS: usize = 90;
}

use weights::*;

const FIELDS: usize = 3;
const HEADING_FIELD: usize = 1;
const BODY_FIELD: usize = 2;
const FIELD_WEIGHTS: [f32; FIELDS] = [TITLE, HEADING, BODY];

/// One searchable clause.
#[derive(Debug, serde::Serialize)]
struct Record {
    doc: usize,
    clause: usize,
    /// Normalised field texts, for phrase checks.
    fields: [String; FIELDS],
    lengths: [f32; FIELDS],
}

/// The index over a corpus. It refers to documents and clauses by position in that corpus.
#[derive(Debug, serde::Serialize)]
pub struct SearchIndex {
    records: Vec<Record>,
    postings: HashMap<String, Vec<(u32, [u16; FIELDS])>>,
    average_lengths: [f32; FIELDS],
}

/// A search request.
#[derive(Debug, Clone, Default)]
pub struct Query<'a> {
    pub text: &'a str,
    /// Only clauses of documents for this district (e.g. 闵行区).
    pub district: Option<&'a str>,
    /// Only clauses of this document id.
    pub document: Option<&'a str>,
    pub limit: usize,
}

/// What a search found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// Best first, at most `limit`.
    pub hits: Vec<Hit>,
    /// Matches after filters, before the limit.
    pub total: usize,
    /// Terms searched besides what was typed (vocabulary and pinyin), shown to the user.
    pub expansions: Vec<String>,
    /// Whether the query was cut to [`MAX_QUERY_CHARS`].
    pub truncated: bool,
    /// Matches per district and per document id, before those filters apply.
    pub districts: Vec<(String, usize)>,
    pub documents: Vec<(String, usize)>,
}

/// One matching clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Position of the document in the corpus.
    pub doc: usize,
    /// Position of the clause in the document.
    pub clause: usize,
    pub score: f32,
    pub snippet: Snippet,
}

/// A piece of the clause's text with the matches marked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` that matched.
    pub marks: Vec<Range<usize>>,
}

impl SearchIndex {
    /// Indexes every clause but signatures: its text, the headings above it, the document title.
    pub fn build(corpus: &Corpus) -> SearchIndex {
        let mut records = Vec::new();
        let mut postings: HashMap<String, Vec<(u32, [u16; FIELDS])>> = HashMap::new();
        for (doc_index, document) in corpus.documents.iter().enumerate() {
            let title = normalize(&document.meta.title);
            let mut part_heading = String::new();
            let mut section_heading = String::new();
            for (clause_index, clause) in document.clauses.iter().enumerate() {
                match clause.kind {
                    ClauseKind::Part => {
                        part_heading = normalize(&clause.text);
                        section_heading.clear();
                    }
                    ClauseKind::Section => section_heading = normalize(&clause.text),
                    ClauseKind::Closing => continue,
                    _ => {}
                }
                let headings = if clause.kind == ClauseKind::Preamble {
                    String::new()
                } else {
                    format!("{part_heading} {section_heading}")
                };
                let mut body = normalize(&clause.text);
                for department in &clause.departments {
                    body.push(' ');
                    body.push_str(&normalize(department));
                }
                let fields = [title.clone(), headings, body];
                let record = records.len() as u32;
                let mut counts: HashMap<String, [u16; FIELDS]> = HashMap::new();
                let mut lengths = [0.0; FIELDS];
                for (field, text) in fields.iter().enumerate() {
                    for token in tokenize(text) {
                        lengths[field] += 1.0;
                        let tf = &mut counts.entry(token.text).or_default()[field];
                        *tf = tf.saturating_add(1);
                    }
                }
                for (term, tf) in counts {
                    postings.entry(term).or_default().push((record, tf));
                }
                records.push(Record {
                    doc: doc_index,
                    clause: clause_index,
                    fields,
                    lengths,
                });
            }
        }
        let mut average_lengths = [1.0; FIELDS];
        for (field, average) in average_lengths.iter_mut().enumerate() {
            let total: f32 = records.iter().map(|r| r.lengths[field]).sum();
            *average = (total / records.len().max(1) as f32).max(1.0);
        }
        SearchIndex {
            records,
            postings,
            average_lengths,
        }
    }

    /// The index encoded with postcard: what shipping a prebuilt index would cost, measured
    /// by `make bench` against building it in the browser.
    pub fn encoded(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("an index always serializes")
    }

    /// Number of indexed clauses.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Runs a query. Never fails: an empty or unsearchable query finds nothing.
    pub fn search(&self, corpus: &Corpus, query: &Query) -> Results {
        let mut results = Results::default();
        let mut text = normalize(query.text);
        if text.chars().count() > MAX_QUERY_CHARS {
            text = text.chars().take(MAX_QUERY_CHARS).collect();
            results.truncated = true;
        }
        let (phrases, expansions) = expand(corpus, &text);
        results.expansions = expansions;

        let mut scores: HashMap<u32, f32> = HashMap::new();
        let mut marked_terms: Vec<String> = Vec::new();
        for (phrase, weight) in &phrases {
            let terms = query_terms(phrase);
            let mut phrase_idf = 0.0;
            for term in &terms {
                let Some(list) = self.postings.get(&term.text) else {
                    continue;
                };
                let idf = self.idf(list.len());
                phrase_idf += idf;
                for (record, tf) in list {
                    let r = &self.records[*record as usize];
                    let mut weighted = 0.0;
                    for field in 0..FIELDS {
                        if tf[field] > 0 {
                            let norm = 1.0 - B + B * r.lengths[field] / self.average_lengths[field];
                            weighted += FIELD_WEIGHTS[field] * f32::from(tf[field]) / norm;
                        }
                    }
                    *scores.entry(*record).or_default() +=
                        weight * idf * weighted * (K1 + 1.0) / (weighted + K1);
                }
                marked_terms.push(term.text.clone());
            }
            if phrase.chars().count() >= 2 && terms.len() > 1 {
                for (record, score) in scores.iter_mut() {
                    let fields = &self.records[*record as usize].fields;
                    if fields[BODY_FIELD].contains(phrase.as_str())
                        || fields[HEADING_FIELD].contains(phrase.as_str())
                    {
                        *score += weight * PHRASE * phrase_idf;
                    }
                }
            }
        }

        let named_districts: Vec<&str> = corpus
            .documents
            .iter()
            .map(|d| d.meta.district.as_str())
            .filter(|district| text.contains(district.trim_end_matches('区')))
            .collect();
        if !named_districts.is_empty() {
            for (record, score) in scores.iter_mut() {
                let district = corpus.documents[self.records[*record as usize].doc]
                    .meta
                    .district
                    .as_str();
                if named_districts.contains(&district) {
                    *score *= DISTRICT;
                }
            }
        }

        let mut matched: Vec<(u32, f32)> = scores.into_iter().filter(|(_, s)| *s > 0.0).collect();
        // Best first; equal scores in document order, so results never shuffle between runs.
        matched.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));

        let mut districts: Vec<(String, usize)> = Vec::new();
        let mut documents: Vec<(String, usize)> = Vec::new();
        let mut kept = Vec::new();
        for (record, score) in matched {
            let r = &self.records[record as usize];
            let meta = &corpus.documents[r.doc].meta;
            count(&mut districts, &meta.district);
            count(&mut documents, &meta.id);
            let district_ok = query.district.is_none_or(|d| d == meta.district);
            let document_ok = query.document.is_none_or(|d| d == meta.id);
            if district_ok && document_ok {
                kept.push((record, score));
            }
        }
        results.total = kept.len();
        results.districts = districts;
        results.documents = documents;
        marked_terms.sort();
        marked_terms.dedup();
        results.hits = kept
            .into_iter()
            .take(query.limit)
            .map(|(record, score)| {
                let r = &self.records[record as usize];
                let clause = &corpus.documents[r.doc].clauses[r.clause];
                Hit {
                    doc: r.doc,
                    clause: r.clause,
                    score,
                    snippet: snippet(&clause.text, &marked_terms),
                }
            })
            .collect();
        results
    }

    fn idf(&self, document_frequency: usize) -> f32 {
        let n = self.records.len() as f32;
        let df = document_frequency as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }
}

/// The phrases to search, with their weights, and the expansions to show: the typed runs,
/// Chinese text that pinyin words spell in titles, headings and vocabulary, and the terms
/// vocabulary entries add.
fn expand(corpus: &Corpus, text: &str) -> (Vec<(String, f32)>, Vec<String>) {
    let mut phrases: Vec<(String, f32)> = Vec::new();
    let mut shown: Vec<String> = Vec::new();
    let mut typed_chinese = String::new();
    for run in runs(text) {
        if run.han {
            typed_chinese.push_str(&run.text);
            typed_chinese.push(' ');
        }
        let letters_only =
            !run.han && run.text.len() >= 2 && run.text.bytes().all(|b| b.is_ascii_lowercase());
        if letters_only {
            for spelled in spelled_by(corpus, &run.text) {
                typed_chinese.push_str(&spelled);
                typed_chinese.push(' ');
                push_unique(&mut shown, spelled.clone());
                push_unique_phrase(&mut phrases, spelled, 1.0);
            }
        }
        push_unique_phrase(&mut phrases, run.text, 1.0);
    }
    for entry in &corpus.vocabulary {
        if typed_chinese.contains(&normalize(&entry.term)) {
            for also in &entry.also {
                let also = normalize(also);
                push_unique(&mut shown, also.clone());
                push_unique_phrase(&mut phrases, also, EXPANSION);
            }
        }
    }
    shown.retain(|s| !text.contains(s.as_str()));
    (phrases, shown)
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

/// The terms to mark in a clause opened from a search for `query`: what search looked for,
/// vocabulary and pinyin expansions included.
pub fn highlight_terms(corpus: &Corpus, query: &str) -> Vec<String> {
    let text: String = normalize(query).chars().take(MAX_QUERY_CHARS).collect();
    let (phrases, _) = expand(corpus, &text);
    let mut terms: Vec<String> = phrases
        .iter()
        .flat_map(|(p, _)| query_terms(p))
        .map(|t| t.text)
        .collect();
    terms.sort();
    terms.dedup();
    terms
}

/// Which characters of `text` are covered by one of `terms` (compared after normalisation).
pub fn match_mask(text: &str, terms: &[String]) -> Vec<bool> {
    let normalized: Vec<char> = normalize(text).chars().collect();
    let mut marked = vec![false; normalized.len()];
    for term in terms {
        let term: Vec<char> = term.chars().collect();
        if term.is_empty() || term.len() > normalized.len() {
            continue;
        }
        for start in 0..=normalized.len() - term.len() {
            if normalized[start..start + term.len()] == term[..] {
                marked[start..start + term.len()]
                    .iter_mut()
                    .for_each(|m| *m = true);
            }
        }
    }
    marked
}

fn count(counts: &mut Vec<(String, usize)>, key: &str) {
    match counts.iter_mut().find(|(k, _)| k == key) {
        Some((_, n)) => *n += 1,
        None => counts.push((key.to_string(), 1)),
    }
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

fn push_unique_phrase(list: &mut Vec<(String, f32)>, phrase: String, weight: f32) {
    if !list.iter().any(|(p, _)| *p == phrase) {
        list.push((phrase, weight));
    }
}

/// A window of `text` around its first match, with every match in the window marked.
pub fn snippet(text: &str, terms: &[String]) -> Snippet {
    let chars: Vec<char> = text.chars().collect();
    let marked = match_mask(text, terms);
    let first = marked.iter().position(|&m| m).unwrap_or(0);
    let start = first.saturating_sub(SNIPPET_CHARS / 4);
    let end = (start + SNIPPET_CHARS).min(chars.len());
    let mut out = Snippet::default();
    if start > 0 {
        out.text.push('…');
    }
    let mut open: Option<usize> = None;
    for i in start..end {
        if marked[i] && open.is_none() {
            open = Some(out.text.len());
        }
        if !marked[i] {
            if let Some(from) = open.take() {
                out.marks.push(from..out.text.len());
            }
        }
        // A snippet is one line: the paragraphs of an item run together.
        out.text.push(if chars[i] == '\n' { ' ' } else { chars[i] });
    }
    if let Some(from) = open {
        out.marks.push(from..out.text.len());
    }
    if end < chars.len() {
        out.text.push('…');
    }
    out
}
