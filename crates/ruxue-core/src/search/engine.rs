//! The inverted index and the ranking, over everything the portal can answer with: policy
//! clauses, guide statements, key dates, places and schools, and the portal's tools.

use std::collections::HashMap;
use std::ops::Range;

use super::normalize::normalize;
use super::target::{HitKind, Target, Tool};
use super::tokenize::{compound_tokens, query_terms, tokenize};
use super::understand::{understand, Lexicon, Phrase, Understood, MAX_QUERY_CHARS};
use crate::lookup::{lookup, Via};
use crate::model::ClauseKind;
use crate::model::Corpus;

/// The ranking's named weights. BM25F: each field's term frequency is length-normalised and
/// weighted, the weighted sum goes through BM25's saturation, and is multiplied by the term's IDF.
/// Each kind of record is length-normalised against the records of its own kind.
pub mod weights {
    /// BM25 term-frequency saturation.
    pub const K1: f32 = 1.2;
    /// BM25 length normalisation (0: none, 1: full).
    pub const B: f32 = 0.75;
    /// A match in the document's title (for a statement: its scope and sources). Low: every
    /// clause of a document shares its title.
    pub const TITLE: f32 = 0.3;
    /// A match in the part and section headings above the clause (or the clause's own heading;
    /// for a statement, its stage; for dates, what the dates are for).
    pub const HEADING: f32 = 2.0;
    /// A match in the clause's own text (a statement's text in both languages).
    pub const BODY: f32 = 1.0;
    /// How much a character pair counts where it lies inside a compound word (小学 inside
    /// 中小学): a part of a longer word ranks below the word itself.
    pub const INSIDE_COMPOUND: f32 = 0.1;
    /// Extra score, per IDF of its terms, for a query phrase found contiguously in a record.
    pub const PHRASE: f32 = 0.6;
    /// A query that names a district (宝山, 闵行区) multiplies the scores of what applies to
    /// that district by this: parents write the district instead of using the filter.
    pub const DISTRICT: f32 = 1.5;
    /// Guide statements are the portal's plain-language answers: their scores count this much
    /// more than a clause with the same match, so a good answer comes before the documents.
    pub const STATEMENT: f32 = 1.6;
    /// Key dates, likewise, for the questions they answer (报名时间).
    pub const DATES: f32 = 1.2;
    /// A place, school or cluster the lookup finds scores this share of the best text score,
    /// times the lookup's own score out of 100: an exact name (100) comes first.
    pub const PLACE: f32 = 1.05;
    /// A year the query names that has no published dates: the "not yet published" notice
    /// scores this share of the best text score, so it comes first.
    pub const UNPUBLISHED_YEAR: f32 = 1.1;
    /// When the query names a place the portal does not cover, what belongs to a covered
    /// district counts this much, so the city-wide answers come first.
    pub const ELSEWHERE: f32 = 0.3;
    /// Characters of clause text shown around the first match.
    pub const SNIPPET_CHARS: usize = 90;
    /// The weights of added terms live where queries are read; listed here with the rest.
    pub use crate::search::understand::{EXPANSION, GLOSSARY};
}

use weights::*;

const FIELDS: usize = 3;
const HEADING_FIELD: usize = 1;
const BODY_FIELD: usize = 2;
const FIELD_WEIGHTS: [f32; FIELDS] = [TITLE, HEADING, BODY];
/// Records are length-normalised per group: clauses, statements, dates, tools.
const GROUPS: usize = 4;
const CLAUSE_GROUP: usize = 0;
const STATEMENT_GROUP: usize = 1;
const DATES_GROUP: usize = 2;
const TOOL_GROUP: usize = 3;

/// One searchable record.
#[derive(Debug, serde::Serialize)]
struct Record {
    #[serde(skip)]
    target: Target,
    group: usize,
    /// Normalised field texts, for phrase checks.
    fields: [String; FIELDS],
    lengths: [f32; FIELDS],
}

/// The index over a corpus. It refers to what it indexes by position in that corpus.
#[derive(Debug, serde::Serialize)]
pub struct SearchIndex {
    #[serde(skip)]
    lexicon: Lexicon,
    records: Vec<Record>,
    postings: HashMap<String, Vec<(u32, [f32; FIELDS])>>,
    average_lengths: [[f32; FIELDS]; GROUPS],
}

/// A search request.
#[derive(Debug, Clone, Default)]
pub struct Query<'a> {
    pub text: &'a str,
    /// Only what applies in this district (e.g. 闵行区): its documents' clauses, its own and
    /// city-wide guidance and dates, its places.
    pub district: Option<&'a str>,
    /// Only clauses of this document id.
    pub document: Option<&'a str>,
    /// Only these kinds; empty for every kind.
    pub kinds: &'a [HitKind],
    pub limit: usize,
}

/// What a search found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// Best first, at most `limit`.
    pub hits: Vec<Hit>,
    /// Matches after filters, before the limit.
    pub total: usize,
    /// Terms searched besides what was typed (vocabulary, glossary and pinyin), shown to the user.
    pub expansions: Vec<String>,
    /// Whether the query was cut to [`MAX_QUERY_CHARS`].
    pub truncated: bool,
    /// The query with a slip fixed (幼生小 → 幼升小); the results are for this text.
    pub corrected: Option<String>,
    /// Positions in `directory.elsewhere` of places the query names that the portal does
    /// not cover.
    pub elsewhere: Vec<usize>,
    /// Clause matches per district and per document id, before those filters apply.
    pub districts: Vec<(String, usize)>,
    pub documents: Vec<(String, usize)>,
    /// Matches per kind, after the district and document filters, before the kind filter.
    pub kinds: Vec<(HitKind, usize)>,
}

/// One match.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub target: Target,
    pub score: f32,
    pub snippet: Snippet,
}

impl Hit {
    /// The document and clause positions, for a clause.
    pub fn clause(&self) -> Option<(usize, usize)> {
        match self.target {
            Target::Clause { doc, clause } => Some((doc, clause)),
            _ => None,
        }
    }
}

/// A piece of the record's text with the matches marked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` that matched.
    pub marks: Vec<Range<usize>>,
}

impl SearchIndex {
    /// Indexes every clause but signatures (its text, the headings above it, the document
    /// title), every guide statement, every key-date cycle, the "not yet published" notice and
    /// the tools. Places are found by the lookup at query time.
    pub fn build(corpus: &Corpus) -> SearchIndex {
        let mut index = SearchIndex {
            lexicon: Lexicon::new(corpus),
            records: Vec::new(),
            postings: HashMap::new(),
            average_lengths: [[1.0; FIELDS]; GROUPS],
        };
        for (doc_index, document) in corpus.documents.iter().enumerate() {
            let title = document.meta.title.as_str();
            let mut part_heading = "";
            let mut section_heading = "";
            for (clause_index, clause) in document.clauses.iter().enumerate() {
                match clause.kind {
                    ClauseKind::Part => {
                        part_heading = &clause.text;
                        section_heading = "";
                    }
                    ClauseKind::Section => section_heading = &clause.text,
                    ClauseKind::Closing => continue,
                    _ => {}
                }
                let headings = if clause.kind == ClauseKind::Preamble {
                    String::new()
                } else {
                    format!("{part_heading} {section_heading}")
                };
                let mut body = clause.text.clone();
                for department in &clause.departments {
                    body.push(' ');
                    body.push_str(department);
                }
                let target = Target::Clause {
                    doc: doc_index,
                    clause: clause_index,
                };
                index.add(corpus, target, CLAUSE_GROUP, [title, &headings, &body]);
            }
        }
        for (i, statement) in corpus.guidance.statements.iter().enumerate() {
            let mut about = statement.scope.clone();
            for source in &statement.sources {
                about.push(' ');
                about.push_str(&source_title(corpus, source));
            }
            let text = format!("{} {}", statement.zh, statement.en);
            index.add(
                corpus,
                Target::Statement(i),
                1,
                [&about, &statement.stage, &text],
            );
        }
        for (i, cycle) in corpus.guidance.cycles.iter().enumerate() {
            let what = format!(
                "{}年 {} 入学日期 报名时间 key dates",
                cycle.year, cycle.scope
            );
            let events: Vec<String> = cycle
                .events
                .iter()
                .map(|e| format!("{} {} {}", e.zh, e.en, e.when))
                .collect();
            let source = source_title(corpus, &cycle.source);
            index.add(
                corpus,
                Target::Cycle(i),
                2,
                [&source, &what, &events.join(" ")],
            );
        }
        index.add(
            corpus,
            Target::DatesNotPublished(None),
            DATES_GROUP,
            [
                "",
                "入学日期 报名时间 尚未公布",
                "今年入学日期尚未公布 key dates not yet published",
            ],
        );
        for tool in Tool::ALL {
            index.add(
                corpus,
                Target::Tool(tool),
                TOOL_GROUP,
                ["", "", tool.keywords()],
            );
        }

        for (group, averages) in index.average_lengths.iter_mut().enumerate() {
            let members: Vec<&Record> = index.records.iter().filter(|r| r.group == group).collect();
            for (field, average) in averages.iter_mut().enumerate() {
                let total: f32 = members.iter().map(|r| r.lengths[field]).sum();
                *average = (total / members.len().max(1) as f32).max(1.0);
            }
        }
        index
    }

    /// Adds one record: tokenizes its fields, counting a pair inside a compound word for less.
    fn add(&mut self, corpus: &Corpus, target: Target, group: usize, fields: [&str; FIELDS]) {
        let fields = fields.map(normalize);
        let record = self.records.len() as u32;
        let mut counts: HashMap<String, [f32; FIELDS]> = HashMap::new();
        let mut lengths = [0.0; FIELDS];
        for (field, text) in fields.iter().enumerate() {
            let compounds = compound_tokens(text, &corpus.compounds);
            let inside = |start: usize, len: usize| {
                compounds
                    .iter()
                    .any(|c| c.start <= start && start + len <= c.start + c.len)
            };
            for token in tokenize(text) {
                lengths[field] += 1.0;
                let weight = if token.len == 2 && inside(token.start, token.len) {
                    INSIDE_COMPOUND
                } else {
                    1.0
                };
                counts.entry(token.text).or_default()[field] += weight;
            }
            for token in compounds {
                counts.entry(token.text).or_default()[field] += 1.0;
            }
        }
        for (term, tf) in counts {
            self.postings.entry(term).or_default().push((record, tf));
        }
        self.records.push(Record {
            target,
            group,
            fields,
            lengths,
        });
    }

    /// The index encoded with postcard: what shipping a prebuilt index would cost, measured
    /// by `make bench` against building it in the browser.
    pub fn encoded(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("an index always serializes")
    }

    /// Number of indexed records.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Whether the index holds `term`.
    pub fn has_term(&self, term: &str) -> bool {
        self.postings.contains_key(term)
    }

    /// Runs a query. Never fails: an empty or unsearchable query finds nothing.
    ///
    /// In phases: read the query ([`understand`]); score the text of every record by BM25F;
    /// add the places the lookup finds and the "not yet published" notice of a year without
    /// dates; weigh by the places the query names; then count facets, filter and take the
    /// best `limit`.
    pub fn search(&self, corpus: &Corpus, query: &Query) -> Results {
        let read = understand(corpus, &self.lexicon, query.text, |t| self.has_term(t));
        let mut scores = Scores {
            records: &self.records,
            by_id: HashMap::new(),
            extra: Vec::new(),
        };
        let mut marked_terms = self.score_text(corpus, &read.phrases, &mut scores.by_id);
        scores.add_places_and_notices(corpus, &read);
        scores.weigh_by_place(corpus, &read);
        marked_terms.sort();
        marked_terms.dedup();
        let mut results = Results {
            expansions: read.expansions,
            truncated: read.truncated,
            corrected: read.corrected,
            elsewhere: read.elsewhere,
            ..Default::default()
        };
        scores.into_hits(corpus, query, &marked_terms, &mut results);
        results
    }

    /// BM25F scores of the records matching `phrases`, by record position, each multiplied
    /// by its kind's weight; returns the terms that matched, for marking in snippets.
    fn score_text(
        &self,
        corpus: &Corpus,
        phrases: &[Phrase],
        scores: &mut HashMap<u32, f32>,
    ) -> Vec<String> {
        let mut marked_terms = Vec::new();
        let mut seen = vec![false; self.records.len()];
        for phrase in phrases {
            let text = phrase.text.as_str();
            let mut terms: Vec<String> = query_terms(text).into_iter().map(|t| t.text).collect();
            terms.extend(
                compound_tokens(text, &corpus.compounds)
                    .into_iter()
                    .map(|t| t.text),
            );
            let mut phrase_idf = 0.0;
            let mut matched: Vec<u32> = Vec::new();
            for term in &terms {
                let Some(list) = self.postings.get(term) else {
                    continue;
                };
                let idf = self.idf(list.len());
                phrase_idf += idf;
                for (record, tf) in list {
                    let r = &self.records[*record as usize];
                    if phrase.whole && !r.fields.iter().any(|field| field.contains(text)) {
                        continue;
                    }
                    let weighted = self.field_weighted(r, tf);
                    *scores.entry(*record).or_default() +=
                        phrase.weight * idf * weighted * (K1 + 1.0) / (weighted + K1);
                    if !seen[*record as usize] {
                        seen[*record as usize] = true;
                        matched.push(*record);
                    }
                }
                marked_terms.push(term.clone());
            }
            for &record in &matched {
                seen[record as usize] = false;
            }
            if text.chars().count() >= 2 && terms.len() > 1 {
                for record in matched {
                    let r = &self.records[record as usize];
                    if r.fields[BODY_FIELD].contains(text) || r.fields[HEADING_FIELD].contains(text)
                    {
                        *scores.entry(record).or_default() += phrase.weight * PHRASE * phrase_idf;
                    }
                }
            }
        }
        for (&id, score) in scores.iter_mut() {
            *score *= match self.records[id as usize].group {
                STATEMENT_GROUP => STATEMENT,
                DATES_GROUP => DATES,
                _ => 1.0,
            };
        }
        marked_terms
    }

    /// A term's length-normalised, field-weighted frequency in `record`, before BM25's
    /// saturation.
    fn field_weighted(&self, record: &Record, tf: &[f32; FIELDS]) -> f32 {
        let mut weighted = 0.0;
        for field in 0..FIELDS {
            if tf[field] > 0.0 {
                let average = self.average_lengths[record.group][field];
                let norm = 1.0 - B + B * record.lengths[field] / average;
                weighted += FIELD_WEIGHTS[field] * tf[field] / norm;
            }
        }
        weighted
    }

    fn idf(&self, document_frequency: usize) -> f32 {
        let n = self.records.len() as f32;
        let df = document_frequency as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }
}

/// The title or citation of a source, indexed with what cites it.
fn source_title(corpus: &Corpus, source: &str) -> String {
    if let Some((document, clause)) = corpus.item(source) {
        return document.citation(clause);
    }
    corpus
        .directory
        .source(source)
        .map(|s| s.title.clone())
        .unwrap_or_default()
}

/// The text a hit shows with the matches marked: a window of a clause, a whole statement or
/// cycle, a place's name.
fn hit_snippet(corpus: &Corpus, target: Target, terms: &[String]) -> Snippet {
    match target {
        Target::Clause { doc, clause } => snippet(
            &corpus.documents[doc].clauses[clause].text,
            terms,
            SNIPPET_CHARS,
        ),
        Target::Statement(i) => {
            let zh = &corpus.guidance.statements[i].zh;
            snippet(zh, terms, zh.chars().count())
        }
        Target::Cycle(i) => {
            let events: Vec<String> = corpus.guidance.cycles[i]
                .events
                .iter()
                .map(|e| format!("{} {}", e.zh, e.when))
                .collect();
            let text = events.join("；");
            let len = text.chars().count();
            snippet(&text, terms, len)
        }
        Target::Place(kind, index) => {
            let name = crate::lookup::name_of(&corpus.directory, kind, index).unwrap_or_default();
            snippet(name, terms, name.chars().count())
        }
        Target::DatesNotPublished(_) | Target::Tool(_) => Snippet::default(),
    }
}

/// The terms to mark in a clause opened from a search for `query`: what search looked for,
/// vocabulary, glossary and pinyin expansions included.
pub fn highlight_terms(corpus: &Corpus, query: &str) -> Vec<String> {
    let text: String = normalize(query).chars().take(MAX_QUERY_CHARS).collect();
    let read = understand(corpus, &Lexicon::new(corpus), &text, |_| true);
    let mut terms: Vec<String> = read
        .phrases
        .iter()
        .flat_map(|p| query_terms(&p.text))
        .map(|t| t.text)
        .collect();
    terms.sort();
    terms.dedup();
    terms
}

/// Which characters of `text` are covered by one of `terms` (compared after normalisation).
pub fn match_mask(text: &str, terms: &[String]) -> Vec<bool> {
    let normalized = normalize(text);
    // The character each byte of the normalised text belongs to: substring search works on
    // bytes (and is fast), marks are per character.
    let mut char_at = Vec::with_capacity(normalized.len() + 1);
    for (i, c) in normalized.chars().enumerate() {
        char_at.extend(std::iter::repeat_n(i, c.len_utf8()));
    }
    let chars = char_at.last().map_or(0, |last| last + 1);
    let mut marked = vec![false; chars];
    for term in terms.iter().filter(|t| !t.is_empty()) {
        let term_chars = term.chars().count();
        let step = term.chars().next().map_or(1, char::len_utf8);
        let mut from = 0;
        // Overlapping occurrences too: search again one character after each start.
        while let Some(found) = normalized[from..].find(term.as_str()) {
            let start = char_at[from + found];
            marked[start..start + term_chars]
                .iter_mut()
                .for_each(|m| *m = true);
            from += found + step;
        }
    }
    marked
}

/// One query's scores: indexed records by position and, past them, the targets this query
/// adds (a place the lookup found, a year's "not yet published" notice).
struct Scores<'a> {
    records: &'a [Record],
    by_id: HashMap<u32, f32>,
    extra: Vec<Target>,
}

impl Scores<'_> {
    fn target(&self, id: u32) -> Target {
        match self.records.get(id as usize) {
            Some(record) => record.target,
            None => self.extra[id as usize - self.records.len()],
        }
    }

    /// Adds `target` at `score`, or raises its score to it if it is already there.
    fn add(&mut self, target: Target, score: f32) {
        let at = self
            .extra
            .iter()
            .position(|t| *t == target)
            .unwrap_or_else(|| {
                self.extra.push(target);
                self.extra.len() - 1
            });
        let entry = self
            .by_id
            .entry((self.records.len() + at) as u32)
            .or_default();
        *entry = entry.max(score);
    }

    /// The places, schools and clusters the lookup finds for the query, and the notice of a
    /// named year whose dates are not published, each scored against the best text score.
    fn add_places_and_notices(&mut self, corpus: &Corpus, read: &Understood) {
        let best_text = self.by_id.values().copied().fold(1.0f32, f32::max);
        for place_query in &read.place_queries {
            for m in lookup(&corpus.directory, place_query, 8).matches {
                // A name that merely contains what was typed (小学 in 白鹭小学) is no answer.
                let strong = match m.via {
                    Via::Part => false,
                    Via::Prefix => place_query.chars().count() >= 2,
                    _ => true,
                };
                if strong {
                    // An exact name or alias is what was asked for, whichever it was.
                    let share = if m.via == Via::Name {
                        1.0
                    } else {
                        m.score as f32 / 100.0
                    };
                    self.add(Target::Place(m.kind, m.index), PLACE * best_text * share);
                }
            }
        }
        for &year in &read.years {
            if corpus.guidance.cycles_for(year).is_empty() {
                let notice = Target::DatesNotPublished(Some(year));
                self.add(notice, UNPUBLISHED_YEAR * best_text);
            }
        }
    }

    /// An uncovered place in the query puts city-wide answers first (and, alone, makes them
    /// the answer); a named district raises what applies there.
    fn weigh_by_place(&mut self, corpus: &Corpus, read: &Understood) {
        if !read.elsewhere.is_empty() {
            if read.phrases.is_empty() && self.by_id.is_empty() {
                for (id, record) in self.records.iter().enumerate() {
                    if let Target::Statement(i) = record.target {
                        if corpus.guidance.statements[i].scope == "全市" {
                            self.by_id.insert(id as u32, 1.0 - i as f32 * 0.001);
                        }
                    }
                }
            }
            self.multiply_where(corpus, ELSEWHERE, |scope| scope != "全市");
        }
        if !read.districts.is_empty() {
            self.multiply_where(corpus, DISTRICT, |scope| {
                read.districts.iter().any(|d| d == scope)
            });
        }
    }

    fn multiply_where(&mut self, corpus: &Corpus, factor: f32, applies: impl Fn(&str) -> bool) {
        let ids: Vec<u32> = self.by_id.keys().copied().collect();
        for id in ids {
            if self.target(id).scope(corpus).is_some_and(&applies) {
                *self.by_id.get_mut(&id).expect("a scored id") *= factor;
            }
        }
    }

    /// Best first (equal scores in index order, so results never shuffle between runs):
    /// counts the district and document facets before those filters and the kinds before the
    /// kind filter, then keeps the first `query.limit` hits.
    fn into_hits(self, corpus: &Corpus, query: &Query, terms: &[String], results: &mut Results) {
        let mut matched: Vec<(u32, f32)> = self
            .by_id
            .iter()
            .map(|(&id, &score)| (id, score))
            .filter(|(_, s)| *s > 0.0)
            .collect();
        matched.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut kinds = [0usize; HitKind::ALL.len()];
        let mut kept = Vec::new();
        for (id, score) in matched {
            let target = self.target(id);
            if let Target::Clause { doc, .. } = target {
                let meta = &corpus.documents[doc].meta;
                count(&mut results.districts, &meta.district);
                count(&mut results.documents, &meta.id);
            }
            let district_ok = query.district.is_none_or(|d| {
                target
                    .scope(corpus)
                    .is_none_or(|scope| scope == d || scope == "全市")
            });
            let document_ok = query.document.is_none_or(|d| match target {
                Target::Clause { doc, .. } => corpus.documents[doc].meta.id == d,
                _ => false,
            });
            if !(district_ok && document_ok) {
                continue;
            }
            let kind = target.kind();
            kinds[kind as usize] += 1;
            if query.kinds.is_empty() || query.kinds.contains(&kind) {
                kept.push((target, score));
            }
        }
        results.kinds = HitKind::ALL
            .into_iter()
            .zip(kinds)
            .filter(|(_, n)| *n > 0)
            .collect();
        results.total = kept.len();
        results.hits = kept
            .into_iter()
            .take(query.limit)
            .map(|(target, score)| Hit {
                target,
                score,
                snippet: hit_snippet(corpus, target, terms),
            })
            .collect();
    }
}

fn count(counts: &mut Vec<(String, usize)>, key: &str) {
    match counts.iter_mut().find(|(k, _)| k == key) {
        Some((_, n)) => *n += 1,
        None => counts.push((key.to_string(), 1)),
    }
}

/// A window of at most `max_chars` of `text` around its first match, with every match in the
/// window marked.
pub fn snippet(text: &str, terms: &[String], max_chars: usize) -> Snippet {
    let chars: Vec<char> = text.chars().collect();
    let marked = match_mask(text, terms);
    let first = marked.iter().position(|&m| m).unwrap_or(0);
    let start = if chars.len() <= max_chars {
        0
    } else {
        first.saturating_sub(max_chars / 4)
    };
    let end = (start + max_chars).min(chars.len());
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
