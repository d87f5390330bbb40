//! The inverted index and the ranking, over everything the portal can answer with: policy
//! clauses, guide statements, key dates, places and schools, and the portal's tools.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::normalize::normalize;
use super::target::{HitKind, Target, Tool};
use super::tokenize::{compound_tokens, query_terms, tokenize};
use super::understand::{understand, Lexicon, Phrase, Understood, MAX_QUERY_CHARS};
use crate::lookup::{lookup, Via};
use crate::model::{ClauseKind, Corpus, Document};

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
    /// Targets (指标) are a document's words with a number: they count as a clause does, so a
    /// guide statement that answers the question comes first.
    pub const TARGET: f32 = 1.0;
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
/// Records are length-normalised per group: clauses, statements, dates, tools, targets.
const GROUPS: usize = 5;
const CLAUSE_GROUP: usize = 0;
const STATEMENT_GROUP: usize = 1;
const DATES_GROUP: usize = 2;
const TOOL_GROUP: usize = 3;
const TARGET_GROUP: usize = 4;

/// One record's entry in a term's postings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Posting {
    /// The record's position in [`SearchIndex::targets`] (in a [`Shard`], the difference from
    /// the previous posting's).
    pub record: u32,
    /// The term's frequency in each field, length-normalised and weighted (BM25F before the
    /// saturation), computed when the index is built and rounded to the 8 significant bits of
    /// a bfloat16 (under 0.4% off), which is how the shards store it: in two bytes.
    #[serde(with = "bfloat16")]
    pub weighted: f32,
    /// One bit per field the term occurs in.
    pub fields: u8,
    /// Where the term starts, as `character offset * 4 + field`, ascending (in a [`Shard`],
    /// differences): kept for character pairs and words, which phrase checks chain together,
    /// not for single Han characters.
    pub starts: Vec<u32>,
}

/// A weight in two bytes: the upper half of its `f32`, which [`round_to_bfloat16`] leaves
/// exact.
mod bfloat16 {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(value: &f32, serializer: S) -> Result<S::Ok, S::Error> {
        ((value.to_bits() >> 16) as u16)
            .to_le_bytes()
            .serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f32, D::Error> {
        let bytes = <[u8; 2]>::deserialize(deserializer)?;
        Ok(f32::from_bits(u32::from(u16::from_le_bytes(bytes)) << 16))
    }
}

/// `value` rounded to the nearest bfloat16 (8 significant bits), kept as an `f32`.
fn round_to_bfloat16(value: f32) -> f32 {
    let bits = value.to_bits();
    // Round half to even on the 16 bits dropped.
    let rounding = 0x7fff + ((bits >> 16) & 1);
    f32::from_bits(bits.wrapping_add(rounding) & 0xffff_0000)
}

/// The postings of the terms that hash to one shard ([`shard_of`]), in term order; or, past
/// the hashed shards, of the frequent terms that a hashed shard sends here.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Shard {
    pub terms: Vec<(String, Vec<Posting>)>,
    /// Terms of this shard whose postings are in a file of their own, and that file's number:
    /// a frequent term's list (小学 in hundreds of documents) would otherwise come with every
    /// query that needs any other term of its shard.
    pub spilled: Vec<(String, u32)>,
}

/// Postings larger than this (encoded) go to a shard of their own ([`Shard::spilled`]).
pub const SPILL_BYTES: usize = 4 * 1024;

/// What a search needs that is not in yet: index shards, by number, and the texts of the
/// clauses it shows, as (document, clause) positions; and, for the app, whether it needs
/// the headings' readings first ([`crate::Corpus::heading_readings`], which only a query in
/// pinyin reads: the engine never asks for them itself).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Missing {
    pub shards: Vec<usize>,
    pub texts: Vec<(usize, usize)>,
    pub readings: bool,
}

/// `list` with records and starts as differences from the previous, as shards hold them.
fn delta_encoded(list: &[Posting]) -> Vec<Posting> {
    let mut previous = 0;
    (list.iter())
        .map(|p| {
            let delta = p.record - previous;
            previous = p.record;
            let mut start_before = 0;
            Posting {
                record: delta,
                weighted: p.weighted,
                fields: p.fields,
                starts: (p.starts.iter())
                    .map(|&s| {
                        let d = s - start_before;
                        start_before = s;
                        d
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The shard (of `count`) a term's postings are in: FNV-1a of its UTF-8, so the index side
/// and the query side agree on every platform.
pub fn shard_of(term: &str, count: usize) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in term.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize % count.max(1)
}

/// The index over a corpus. It refers to what it indexes by position in that corpus: the
/// records are [`record_targets`], which the manifest alone determines.
#[derive(Debug)]
pub struct SearchIndex {
    lexicon: Lexicon,
    targets: Vec<Target>,
    postings: HashMap<String, Vec<Posting>>,
    /// For an index read from shard files, which shards are in; empty for an index built
    /// here, which holds every term.
    shards_in: Vec<bool>,
    /// How many of the shards a term's hash finds ([`shard_of`]); the rest hold frequent
    /// terms, which those name ([`Shard::spilled`]).
    hashed: usize,
    /// The frequent terms the shards in so far sent elsewhere, and where.
    spilled: HashMap<String, u32>,
}

/// The records an index over `corpus` holds, in order: every clause but signatures (by
/// document), every guide statement, every key-date cycle, the "not yet published" notice,
/// the tools, the targets. Both sides compute it: the manifest's outline is enough (it counts
/// the targets, whose file may not be in).
pub fn record_targets(corpus: &Corpus) -> Vec<Target> {
    let mut targets = Vec::new();
    for (doc, document) in corpus.documents.iter().enumerate() {
        for (clause, c) in document.clauses.iter().enumerate() {
            if c.kind != ClauseKind::Closing {
                targets.push(Target::Clause { doc, clause });
            }
        }
    }
    targets.extend((0..corpus.guidance.statements.len()).map(Target::Statement));
    targets.extend((0..corpus.guidance.cycles.len()).map(Target::Cycle));
    targets.push(Target::DatesNotPublished(None));
    targets.extend(Tool::ALL.map(Target::Tool));
    targets.extend((0..corpus.target_count as usize).map(Target::Commitment));
    targets
}

/// The length-normalisation group of a record.
fn group_of(target: Target) -> usize {
    match target {
        Target::Statement(_) => STATEMENT_GROUP,
        Target::Commitment(_) => TARGET_GROUP,
        Target::Cycle(_) | Target::DatesNotPublished(_) => DATES_GROUP,
        Target::Tool(_) => TOOL_GROUP,
        _ => CLAUSE_GROUP,
    }
}

/// A term's occurrences in one record while the index is built.
#[derive(Default)]
struct Occurrences {
    tf: [f32; FIELDS],
    starts: Vec<u32>,
}

/// The index while it is built: records' field lengths and each term's raw occurrences.
#[derive(Default)]
struct Builder {
    lengths: Vec<[f32; FIELDS]>,
    groups: Vec<usize>,
    occurrences: HashMap<String, Vec<(u32, Occurrences)>>,
}

impl Builder {
    /// Adds one record: tokenizes its fields, counting a pair inside a compound word for less.
    fn add(&mut self, corpus: &Corpus, target: Target, fields: [&str; FIELDS]) {
        let record = self.lengths.len() as u32;
        let mut counts: HashMap<String, Occurrences> = HashMap::new();
        let mut lengths = [0.0; FIELDS];
        for (field, text) in fields.map(normalize).iter().enumerate() {
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
                let chained = is_chained(&token.text);
                let entry = counts.entry(token.text).or_default();
                entry.tf[field] += weight;
                if chained {
                    entry.starts.push(token.start as u32 * 4 + field as u32);
                }
            }
            for token in compounds {
                counts.entry(token.text).or_default().tf[field] += 1.0;
            }
        }
        for (term, mut occurrences) in counts {
            occurrences.starts.sort_unstable();
            self.occurrences
                .entry(term)
                .or_default()
                .push((record, occurrences));
        }
        self.lengths.push(lengths);
        self.groups.push(group_of(target));
    }

    /// The postings, each term's frequencies normalised against its record's group.
    fn finish(self) -> HashMap<String, Vec<Posting>> {
        let Builder {
            lengths,
            groups,
            occurrences,
        } = self;
        let mut average_lengths = [[1.0f32; FIELDS]; GROUPS];
        for (group, averages) in average_lengths.iter_mut().enumerate() {
            let members: Vec<&[f32; FIELDS]> = (lengths.iter().zip(&groups))
                .filter(|(_, g)| **g == group)
                .map(|(l, _)| l)
                .collect();
            for (field, average) in averages.iter_mut().enumerate() {
                let total: f32 = members.iter().map(|l| l[field]).sum();
                *average = (total / members.len().max(1) as f32).max(1.0);
            }
        }
        let weigh = |record: u32, tf: &[f32; FIELDS]| {
            let record = record as usize;
            let mut weighted = 0.0;
            let mut fields = 0u8;
            for field in 0..FIELDS {
                if tf[field] > 0.0 {
                    let average = average_lengths[groups[record]][field];
                    let norm = 1.0 - B + B * lengths[record][field] / average;
                    weighted += FIELD_WEIGHTS[field] * tf[field] / norm;
                    fields |= 1 << field;
                }
            }
            (weighted, fields)
        };
        // Moved, not copied: at 100 times the corpus these are millions of offsets.
        occurrences
            .into_iter()
            .map(|(term, list)| {
                let postings = list
                    .into_iter()
                    .map(|(record, o)| {
                        let (weighted, fields) = weigh(record, &o.tf);
                        Posting {
                            record,
                            weighted: round_to_bfloat16(weighted),
                            fields,
                            starts: o.starts,
                        }
                    })
                    .collect();
                (term, postings)
            })
            .collect()
    }
}

/// Whether a token's positions are kept: character pairs and words, not single Han
/// characters (a phrase of two or more characters is found by its pairs).
fn is_chained(token: &str) -> bool {
    let mut chars = token.chars();
    !matches!((chars.next(), chars.next()), (Some(c), None) if super::tokenize::is_han(c))
}

/// A phrase's terms' postings, as [`SearchIndex::chain`] finds them.
#[derive(Default)]
struct Chain<'i> {
    /// Character pairs and words, with their offsets in the phrase; rarest first.
    chained: Vec<(&'i [Posting], u32)>,
    /// Single Han characters.
    singles: Vec<&'i [Posting]>,
}

impl Chain<'_> {
    /// Whether `record` holds the phrase contiguously in one of `fields` (a bit set): its
    /// character pairs and words at their offsets in one field, a single Han character
    /// anywhere in it. Exact for a run of Han characters or one word, which is what queries
    /// are read into; across runs, the runs at their offsets, whatever lies between.
    fn holds(&self, record: u32, fields: u8) -> bool {
        let find = |list: &'_ [Posting]| -> Option<usize> {
            list.binary_search_by_key(&record, |p| p.record).ok()
        };
        let mut singles_in = fields;
        for list in &self.singles {
            let Some(at) = find(list) else {
                return false;
            };
            singles_in &= list[at].fields;
        }
        let mut postings: Vec<(&Posting, u32)> = Vec::with_capacity(self.chained.len());
        for (list, offset) in &self.chained {
            let Some(at) = find(list) else {
                return false;
            };
            postings.push((&list[at], *offset));
        }
        let Some(&(anchor, anchor_offset)) = postings.first() else {
            return singles_in != 0;
        };
        anchor.starts.iter().any(|&s| {
            let (start, field) = (s / 4, s % 4);
            let Some(base) = start.checked_sub(anchor_offset) else {
                return false;
            };
            singles_in & (1 << field) != 0
                && postings.iter().all(|(posting, offset)| {
                    posting
                        .starts
                        .binary_search(&((base + offset) * 4 + field))
                        .is_ok()
                })
        })
    }
}

/// Every field, as a bit set.
const ALL_FIELDS: u8 = 0b111;
/// The heading and body fields, where a phrase earns its bonus.
const HEADING_OR_BODY: u8 = 1 << HEADING_FIELD | 1 << BODY_FIELD;

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
    /// the tools ([`record_targets`]). Places are found by the lookup at query time.
    pub fn build(corpus: &Corpus) -> SearchIndex {
        let targets = record_targets(corpus);
        let mut builder = Builder::default();
        for &target in &targets {
            match target {
                Target::Clause { doc, clause } => {
                    let document = &corpus.documents[doc];
                    let (part, section) = headings_above(document, clause);
                    let c = &document.clauses[clause];
                    let headings = if c.kind == ClauseKind::Preamble {
                        String::new()
                    } else {
                        format!("{part} {section}")
                    };
                    let mut body = c.text.clone();
                    for department in &c.departments {
                        body.push(' ');
                        body.push_str(department);
                    }
                    builder.add(corpus, target, [&document.meta.title, &headings, &body]);
                }
                Target::Statement(i) => {
                    let statement = &corpus.guidance.statements[i];
                    let mut about = statement.scope.clone();
                    for source in &statement.sources {
                        about.push(' ');
                        about.push_str(&source_title(corpus, source));
                    }
                    let text = format!("{} {}", statement.zh, statement.en);
                    builder.add(corpus, target, [&about, &statement.stage, &text]);
                }
                Target::Cycle(i) => {
                    let cycle = &corpus.guidance.cycles[i];
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
                    builder.add(corpus, target, [&source, &what, &events.join(" ")]);
                }
                Target::DatesNotPublished(_) => builder.add(
                    corpus,
                    target,
                    [
                        "",
                        "入学日期 报名时间 尚未公布",
                        "今年入学日期尚未公布 key dates not yet published",
                    ],
                ),
                Target::Tool(tool) => builder.add(corpus, target, ["", "", tool.keywords()]),
                // Its document, its area, and what it measures with the document's words.
                Target::Commitment(i) => {
                    let Some(t) = corpus.targets.get(i) else {
                        // Still a record, so that the records keep their numbers.
                        builder.add(corpus, target, ["", "", ""]);
                        continue;
                    };
                    let document = corpus.item(&t.clause).map(|(d, _)| d);
                    let about = document.map_or_else(String::new, |d| {
                        format!("{} {}", d.meta.district, d.meta.title)
                    });
                    let area = format!("{} {} 指标 目标 targets", t.area, t.area_en);
                    let text = format!("{} {} {}", t.measure, t.measure_en, t.quote);
                    builder.add(corpus, target, [&about, &area, &text]);
                }
                Target::Place(..) => {}
            }
        }
        SearchIndex {
            lexicon: Lexicon::new(corpus),
            targets,
            postings: builder.finish(),
            shards_in: Vec::new(),
            hashed: 0,
            spilled: HashMap::new(),
        }
    }

    /// An index to be filled from `count` shard files ([`SearchIndex::install_shard`]), of
    /// which the first `hashed` are found by a term's hash, over the corpus of a manifest
    /// (clause texts are not needed).
    pub fn from_shards(corpus: &Corpus, count: usize, hashed: usize) -> SearchIndex {
        let hashed = hashed.clamp(1, count.max(1));
        SearchIndex {
            lexicon: Lexicon::new(corpus),
            targets: record_targets(corpus),
            postings: HashMap::new(),
            shards_in: vec![false; count.max(hashed)],
            hashed,
            spilled: HashMap::new(),
        }
    }

    /// Learns `corpus`'s words and readings again: after the headings' readings arrive
    /// (`crate::Corpus::heading_readings`), for queries in pinyin that spell a heading.
    pub fn relearn(&mut self, corpus: &Corpus) {
        self.lexicon = Lexicon::new(corpus);
    }

    /// The index's postings in shards, records and starts as differences (smaller numbers,
    /// which postcard writes in fewer bytes): `hashed` shards by term hash, then a shard for
    /// each term whose postings encode to more than `spill_bytes`, which its hashed shard
    /// names. Returns the shards and the number hashed.
    pub fn shards(&self, shard_bytes: usize, spill_bytes: usize) -> (Vec<Shard>, usize) {
        let mut terms: Vec<(&String, Vec<Posting>, usize)> = (self.postings.iter())
            .map(|(term, list)| {
                let list = delta_encoded(list);
                let bytes = postcard::to_allocvec(&list).map_or(0, |v| v.len());
                (term, list, bytes)
            })
            .collect();
        terms.sort_by(|a, b| a.0.cmp(b.0));
        let small: usize = (terms.iter())
            .filter(|(_, _, bytes)| *bytes <= spill_bytes)
            .map(|(term, _, bytes)| term.len() + bytes)
            .sum();
        let hashed = (small / shard_bytes.max(1)).max(1).next_power_of_two();
        let mut shards = vec![Shard::default(); hashed];
        let mut spills = Vec::new();
        for (term, postings, bytes) in terms {
            let home = shard_of(term, hashed);
            if bytes > spill_bytes {
                let number = (hashed + spills.len()) as u32;
                shards[home].spilled.push((term.clone(), number));
                spills.push(Shard {
                    terms: vec![(term.clone(), postings)],
                    spilled: Vec::new(),
                });
            } else {
                shards[home].terms.push((term.clone(), postings));
            }
        }
        shards.extend(spills);
        (shards, hashed)
    }

    /// Adds shard `number` (of the count this index was made for). A term that does not
    /// belong in it, or a record past the index's, means files of two builds.
    pub fn install_shard(&mut self, number: usize, shard: Shard) -> Result<(), String> {
        let count = self.shards_in.len();
        if number >= count {
            return Err(format!("shard {number} of {count}"));
        }
        if self.shards_in[number] {
            return Ok(());
        }
        let records = self.targets.len() as u32;
        for (term, _) in &shard.terms {
            let belongs = if number < self.hashed {
                shard_of(term, self.hashed) == number
            } else {
                self.spilled.get(term) == Some(&(number as u32))
            };
            if !belongs {
                return Err(format!("term {term:?} in shard {number}"));
            }
        }
        for (term, to) in &shard.spilled {
            if number >= self.hashed
                || shard_of(term, self.hashed) != number
                || (*to as usize) < self.hashed
                || *to as usize >= count
            {
                return Err(format!(
                    "term {term:?} sent to shard {to} from shard {number}"
                ));
            }
        }
        for (term, mut postings) in shard.terms {
            let mut record = 0u32;
            for posting in &mut postings {
                record = record.saturating_add(posting.record);
                posting.record = record;
                let mut start = 0u32;
                for s in &mut posting.starts {
                    start = start.saturating_add(*s);
                    *s = start;
                }
            }
            if postings.last().is_some_and(|p| p.record >= records) {
                return Err(format!(
                    "term {term:?}: a record past the {records} indexed"
                ));
            }
            self.postings.insert(term, postings);
        }
        self.spilled.extend(shard.spilled);
        self.shards_in[number] = true;
        Ok(())
    }

    /// The index encoded with postcard, every shard in one: what `make bench` reports beside
    /// the shards' sizes.
    pub fn encoded(&self) -> Vec<u8> {
        postcard::to_allocvec(&self.shards(usize::MAX, usize::MAX).0)
            .expect("an index always serializes")
    }

    /// Number of indexed records.
    pub fn len(&self) -> usize {
        self.targets.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// Whether the index holds `term`. For an index read from shards, a term of a shard not
    /// in yet is noted in `missing` (and reported absent).
    fn has_term_noting(&self, term: &str, missing: &RefCell<Vec<usize>>) -> bool {
        if !self.is_in(term, missing) {
            return false;
        }
        self.postings.contains_key(term)
    }

    /// Whether the shard of `term` is in, and the shard it sends the term to if it does;
    /// if not, notes which in `missing`.
    fn is_in(&self, term: &str, missing: &RefCell<Vec<usize>>) -> bool {
        if self.shards_in.is_empty() {
            return true;
        }
        let mut shard = shard_of(term, self.hashed);
        if self.shards_in[shard] {
            match self.spilled.get(term) {
                Some(&to) if !self.shards_in[to as usize] => shard = to as usize,
                _ => return true,
            }
        }
        let mut missing = missing.borrow_mut();
        if !missing.contains(&shard) {
            missing.push(shard);
        }
        false
    }

    /// Runs a query over an index and a corpus that hold everything (the CLI, the tests).
    /// Never fails: an empty or unsearchable query finds nothing.
    pub fn search(&self, corpus: &Corpus, query: &Query) -> Results {
        let texts = |doc: usize, clause: usize| {
            let clause = corpus.documents.get(doc)?.clauses.get(clause)?;
            Some(clause.text.as_str())
        };
        self.search_with(corpus, &texts, query)
            .expect("an index built here and a full corpus hold everything")
    }

    /// Runs a query, or says which shards and clauses' texts it needs first (the app fetches
    /// them and asks again). `texts` gives a clause's text, by document and clause position,
    /// if it is in; `corpus` may be the manifest's.
    ///
    /// In phases: read the query ([`understand`]); score the text of every record by BM25F;
    /// add the places the lookup finds and the "not yet published" notice of a year without
    /// dates; weigh by the places the query names; then count facets, filter, take the best
    /// `limit` and cut their snippets.
    pub fn search_with<'a>(
        &self,
        corpus: &Corpus,
        texts: &dyn Fn(usize, usize) -> Option<&'a str>,
        query: &Query,
    ) -> Result<Results, Missing> {
        let missing = RefCell::new(Vec::new());
        let read = understand(corpus, &self.lexicon, query.text, |t| {
            self.has_term_noting(t, &missing)
        });
        let phrase_terms: Vec<Vec<String>> = read
            .phrases
            .iter()
            .map(|phrase| {
                let mut terms: Vec<String> = query_terms(&phrase.text)
                    .into_iter()
                    .map(|t| t.text)
                    .collect();
                terms.extend(
                    compound_tokens(&phrase.text, &corpus.compounds)
                        .into_iter()
                        .map(|t| t.text),
                );
                terms
            })
            .collect();
        for term in phrase_terms.iter().flatten() {
            self.is_in(term, &missing);
        }
        let missing = missing.into_inner();
        if !missing.is_empty() {
            return Err(Missing {
                shards: missing,
                ..Missing::default()
            });
        }
        let mut scores = Scores {
            targets: &self.targets,
            by_id: ScoreTable::with_ids(self.targets.len()),
            extra: Vec::new(),
        };
        let mut marked_terms = self.score_text(&read.phrases, &phrase_terms, &mut scores.by_id);
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
        scores.into_hits(corpus, texts, query, &marked_terms, &mut results)?;
        Ok(results)
    }

    /// How `text` is found in a record: its terms' postings, character pairs and words with
    /// their offsets in `text`. `None` if a term is in no record (so no record holds it).
    fn chain<'i>(&'i self, text: &str) -> Option<Chain<'i>> {
        let mut chain = Chain::default();
        for term in query_terms(text) {
            let list = self.postings.get(&term.text)?.as_slice();
            if is_chained(&term.text) {
                chain.chained.push((list, term.start as u32));
            } else {
                chain.singles.push(list);
            }
        }
        // Walk from the rarest pair: fewest records to check.
        chain.chained.sort_by_key(|(list, _)| list.len());
        (!chain.chained.is_empty() || !chain.singles.is_empty()).then_some(chain)
    }

    /// The records that hold `chain`'s text in one of `fields`, ascending.
    fn holding(chain: &Chain, fields: u8) -> Vec<u32> {
        let candidates = chain
            .chained
            .first()
            .map(|(list, _)| *list)
            .or_else(|| chain.singles.iter().min_by_key(|l| l.len()).copied())
            .unwrap_or_default();
        candidates
            .iter()
            .map(|p| p.record)
            .filter(|&record| chain.holds(record, fields))
            .collect()
    }

    /// BM25F scores of the records matching `phrases` (whose terms are `phrase_terms`), by
    /// record position, each multiplied by its kind's weight; returns the terms that matched,
    /// for marking in snippets.
    fn score_text(
        &self,
        phrases: &[Phrase],
        phrase_terms: &[Vec<String>],
        scores: &mut ScoreTable,
    ) -> Vec<String> {
        let mut marked_terms = Vec::new();
        let mut seen = vec![false; self.targets.len()];
        for (phrase, terms) in phrases.iter().zip(phrase_terms) {
            let text = phrase.text.as_str();
            let chain = self.chain(text);
            // A phrase that must match whole: the records that hold it, found once.
            let whole = phrase.whole.then(|| {
                chain
                    .as_ref()
                    .map(|c| Self::holding(c, ALL_FIELDS))
                    .unwrap_or_default()
            });
            let mut phrase_idf = 0.0;
            let mut matched: Vec<u32> = Vec::new();
            for term in terms {
                let Some(list) = self.postings.get(term) else {
                    continue;
                };
                let idf = self.idf(list.len());
                phrase_idf += idf;
                for posting in list {
                    let record = posting.record;
                    if whole
                        .as_ref()
                        .is_some_and(|holding| holding.binary_search(&record).is_err())
                    {
                        continue;
                    }
                    let weighted = posting.weighted;
                    *scores.entry(record) +=
                        phrase.weight * idf * weighted * (K1 + 1.0) / (weighted + K1);
                    if !seen[record as usize] {
                        seen[record as usize] = true;
                        matched.push(record);
                    }
                }
                marked_terms.push(term.clone());
            }
            for &record in &matched {
                seen[record as usize] = false;
            }
            if let Some(chain) = chain.filter(|_| text.chars().count() >= 2 && terms.len() > 1) {
                for record in matched {
                    if chain.holds(record, HEADING_OR_BODY) {
                        *scores.entry(record) += phrase.weight * PHRASE * phrase_idf;
                    }
                }
            }
        }
        let ScoreTable { score, ids, .. } = scores;
        for &id in ids.iter() {
            score[id as usize] *= match group_of(self.targets[id as usize]) {
                STATEMENT_GROUP => STATEMENT,
                DATES_GROUP => DATES,
                TARGET_GROUP => TARGET,
                _ => 1.0,
            };
        }
        marked_terms
    }

    fn idf(&self, document_frequency: usize) -> f32 {
        let n = self.targets.len() as f32;
        let df = document_frequency as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }
}

/// The part and section headings above clause `at` of `document`.
fn headings_above(document: &Document, at: usize) -> (&str, &str) {
    let (mut part, mut section) = ("", "");
    for clause in &document.clauses[..=at] {
        match clause.kind {
            ClauseKind::Part => {
                part = &clause.text;
                section = "";
            }
            ClauseKind::Section => section = &clause.text,
            _ => {}
        }
    }
    (part, section)
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
/// cycle, a place's name. A clause's text comes from `texts`; `None` if it is not in.
fn hit_snippet<'a>(
    corpus: &Corpus,
    texts: &dyn Fn(usize, usize) -> Option<&'a str>,
    target: Target,
    terms: &[String],
) -> Option<Snippet> {
    Some(match target {
        Target::Clause { doc, clause } => snippet(texts(doc, clause)?, terms, SNIPPET_CHARS),
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
        // The measure, the amount and the document's words; nothing until the targets' file
        // is in (search's results fetch it with the places).
        Target::Commitment(i) => match corpus.targets.get(i) {
            Some(t) => {
                let text = format!("{}：{}。“{}”", t.measure, t.shown_amount(), t.quote);
                let len = text.chars().count();
                snippet(&text, terms, len)
            }
            None => Snippet::default(),
        },
        Target::DatesNotPublished(_) | Target::Tool(_) => Snippet::default(),
    })
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

/// Scores by id, for ids up to the number of indexed records and the few a query adds:
/// a dense table beside the ids scored so far, in the order first scored. A common word
/// scores most of a large corpus's records, and indexing a table costs far less than hashing
/// (a third of a query's time, measured at 500 documents).
#[derive(Default)]
struct ScoreTable {
    score: Vec<f32>,
    scored: Vec<bool>,
    ids: Vec<u32>,
}

impl ScoreTable {
    fn with_ids(count: usize) -> ScoreTable {
        ScoreTable {
            score: vec![0.0; count],
            scored: vec![false; count],
            ids: Vec::new(),
        }
    }

    /// The score of `id`, starting at zero the first time it is asked for.
    fn entry(&mut self, id: u32) -> &mut f32 {
        let at = id as usize;
        if at >= self.score.len() {
            self.score.resize(at + 1, 0.0);
            self.scored.resize(at + 1, false);
        }
        if !self.scored[at] {
            self.scored[at] = true;
            self.ids.push(id);
        }
        &mut self.score[at]
    }

    fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Every scored id with its score, in the order first scored.
    fn iter(&self) -> impl Iterator<Item = (u32, f32)> + '_ {
        self.ids.iter().map(|&id| (id, self.score[id as usize]))
    }

    fn ids(&self) -> &[u32] {
        &self.ids
    }
}

/// One query's scores: indexed records by position and, past them, the targets this query
/// adds (a place the lookup found, a year's "not yet published" notice).
struct Scores<'a> {
    targets: &'a [Target],
    by_id: ScoreTable,
    extra: Vec<Target>,
}

impl Scores<'_> {
    fn target(&self, id: u32) -> Target {
        match self.targets.get(id as usize) {
            Some(&target) => target,
            None => self.extra[id as usize - self.targets.len()],
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
        let entry = self.by_id.entry((self.targets.len() + at) as u32);
        *entry = entry.max(score);
    }

    /// The places, schools and clusters the lookup finds for the query, and the notice of a
    /// named year whose dates are not published, each scored against the best text score.
    fn add_places_and_notices(&mut self, corpus: &Corpus, read: &Understood) {
        let best_text = self.by_id.iter().map(|(_, s)| s).fold(1.0f32, f32::max);
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
                for (id, target) in self.targets.iter().enumerate() {
                    if let Target::Statement(i) = *target {
                        if corpus.guidance.statements[i].scope == "全市" {
                            *self.by_id.entry(id as u32) = 1.0 - i as f32 * 0.001;
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
        for i in 0..self.by_id.ids().len() {
            let id = self.by_id.ids()[i];
            if self.target(id).scope(corpus).is_some_and(&applies) {
                *self.by_id.entry(id) *= factor;
            }
        }
    }

    /// Best first (equal scores in index order, so results never shuffle between runs):
    /// counts the district and document facets before those filters and the kinds before the
    /// kind filter, then keeps the first `query.limit` hits, or says which clauses' texts
    /// their snippets need.
    fn into_hits<'a>(
        self,
        corpus: &Corpus,
        texts: &dyn Fn(usize, usize) -> Option<&'a str>,
        query: &Query,
        terms: &[String],
        results: &mut Results,
    ) -> Result<(), Missing> {
        let mut matched: Vec<(u32, f32)> = self.by_id.iter().filter(|(_, s)| *s > 0.0).collect();
        matched.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut kinds = [0usize; HitKind::ALL.len()];
        let mut kept = Vec::new();
        // Clause matches per document, in order of each document's best match.
        let mut per_document: Vec<(usize, usize)> = Vec::new();
        let mut slot_of_document = vec![usize::MAX; corpus.documents.len()];
        for (id, score) in matched {
            let target = self.target(id);
            if let Target::Clause { doc, .. } = target {
                if slot_of_document[doc] == usize::MAX {
                    slot_of_document[doc] = per_document.len();
                    per_document.push((doc, 0));
                }
                per_document[slot_of_document[doc]].1 += 1;
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
        for (doc, n) in per_document {
            let meta = &corpus.documents[doc].meta;
            count(&mut results.districts, &meta.district, n);
            results.documents.push((meta.id.clone(), n));
        }
        results.kinds = HitKind::ALL
            .into_iter()
            .zip(kinds)
            .filter(|(_, n)| *n > 0)
            .collect();
        results.total = kept.len();
        kept.truncate(query.limit);
        let mut missing_texts: Vec<(usize, usize)> = Vec::new();
        for (target, score) in kept {
            match hit_snippet(corpus, texts, target, terms) {
                Some(snippet) => results.hits.push(Hit {
                    target,
                    score,
                    snippet,
                }),
                None => {
                    if let Target::Clause { doc, clause } = target {
                        missing_texts.push((doc, clause));
                    }
                }
            }
        }
        if missing_texts.is_empty() {
            Ok(())
        } else {
            Err(Missing {
                texts: missing_texts,
                ..Missing::default()
            })
        }
    }
}

fn count(counts: &mut Vec<(String, usize)>, key: &str, by: usize) {
    match counts.iter_mut().find(|(k, _)| k == key) {
        Some((_, n)) => *n += by,
        None => counts.push((key.to_string(), by)),
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
