//! The corpus: everything the portal ships, validated — documents, the search aids, the
//! directory of places and schools, the guidance and the site settings — and the questions
//! every view asks of it (which item a source names, whether it is official text).

use serde::{Deserialize, Serialize};

use super::document::{find_item, Document, Status};
use super::{Clause, Directory, Guidance, Site};
use crate::search::pinyin::Pinyin;

/// Everything the portal ships, validated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corpus {
    /// Policy documents, ordered by id.
    pub documents: Vec<Document>,
    /// The parent vocabulary search expands (`data/vocabulary.toml`). With the glossary, a
    /// file of their own beside the manifest (`crate::bundle`): only search reads them. Not
    /// encoded with the corpus.
    #[serde(skip)]
    pub vocabulary: super::SetOnce<Vec<VocabularyTerm>>,
    /// Words whose inner character pairs are not words of their own (中小学 holds 小学 but
    /// is not about primary school alone): search counts such inner pairs for less.
    pub compounds: Vec<String>,
    /// English words parents type, and the Chinese terms the texts use (`data/glossary.toml`).
    /// Not encoded with the corpus, as the vocabulary.
    #[serde(skip)]
    pub glossary: super::SetOnce<Vec<GlossaryEntry>>,
    /// Districts, 街镇, schools and clusters (`data/places/`, `data/schools/`).
    pub directory: Directory,
    /// Enrolment guidance and key dates (`data/guidance.toml`, `data/key_dates.toml`).
    pub guidance: Guidance,
    /// The deployment's settings: last-checked date and report address (`data/site.toml`).
    pub site: Site,
    /// The readings of each document's title and headings, when they are not in the
    /// documents themselves: the app's manifest leaves them out (only search reads them, a
    /// sixth of the manifest), and search's results install them from a file of their own
    /// (`crate::bundle`). Not encoded with the corpus.
    #[serde(skip)]
    pub heading_readings: super::SetOnce<Vec<HeadingReadings>>,
    /// The quantified commitments (`data/targets.toml`): a file of their own, which only the
    /// targets page and search's results read (`crate::bundle`). Not encoded with the corpus.
    #[serde(skip)]
    pub targets: super::SetOnce<Vec<super::Target>>,
    /// How many targets there are, in the manifest: search's records count them
    /// (`crate::search::engine::record_targets`) before their file is in.
    pub target_count: u32,
    /// The numbers reviewed as not being commitments (`[[reviewed]]` in `data/targets.toml`),
    /// for [`crate::targets::uncovered`]: the loader's, never shipped.
    #[serde(skip)]
    pub reviewed_numbers: Vec<crate::targets::Reviewed>,
}

/// One document's readings for pinyin queries: its title's, and each part and section
/// heading's in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeadingReadings {
    pub title: Pinyin,
    pub headings: Vec<Pinyin>,
}

/// A word parents use that the documents do not (幼升小), with the terms search adds for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VocabularyTerm {
    pub term: String,
    /// Terms searched as well, shown to the user ("也搜索了").
    pub also: Vec<String>,
    /// Readings of the term, for pinyin queries.
    pub pinyin: Pinyin,
}

/// English phrases and the Chinese terms search looks for instead (kindergarten → 幼儿园).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    /// Lower-case phrases, words separated by one space.
    pub en: Vec<String>,
    pub zh: Vec<String>,
}

impl Corpus {
    /// Each document's title and part and section headings, with their readings: the
    /// documents' own, or those installed beside a manifest that leaves them out
    /// ([`Corpus::heading_readings`]; none until then).
    pub fn headings_with_readings(&self) -> Vec<Vec<(&Pinyin, &str)>> {
        static NONE: Pinyin = Pinyin {
            syllables: Vec::new(),
        };
        let installed = self.heading_readings.installed();
        (self.documents.iter().enumerate())
            .map(|(index, document)| {
                let readings = installed.and_then(|all| all.get(index));
                let headings = (document.clauses.iter()).filter(|c| c.is_heading());
                let title = readings.map_or(&document.title_pinyin, |r| &r.title);
                std::iter::once((title, document.meta.title.as_str()))
                    .chain(headings.enumerate().map(|(k, clause)| {
                        let pinyin = readings
                            .map_or(Some(&clause.pinyin), |r| r.headings.get(k))
                            .unwrap_or(&NONE);
                        (pinyin, clause.text.as_str())
                    }))
                    .collect()
            })
            .collect()
    }

    /// The document with id `id`.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.meta.id == id)
    }

    /// The document and clause a portal-wide item id (`mh-2023-6/4-9-16`) names.
    pub fn item(&self, item_id: &str) -> Option<(&Document, &Clause)> {
        find_item(&self.documents, item_id)
    }

    /// A source as one line of text, for what leaves the portal (a calendar file, a shared
    /// statement): the document item's citation, or the public source's authority, title, date,
    /// the copy it was read from if a repost, and address.
    pub fn cite(&self, source: &str) -> String {
        if let Some((document, clause)) = self.item(source) {
            return document.citation(clause);
        }
        let Some(public) = self.directory.source(source) else {
            return source.to_string();
        };
        let mut text = format!("{}《{}》", public.authority_line(), public.title);
        if let Some(date) = &public.date {
            text.push_str(&format!("（{date}）"));
        }
        if public.quality == "repost" {
            text.push_str(&format!(" 转载：{}", public.read_at()));
        }
        if let Some(url) = public.web_url() {
            text.push_str(&format!(" {url}"));
        }
        text
    }

    /// Whether `source` is official text: an item of a document in force, or a public source
    /// read on a government site. A draft, a superseded document, press and reposts are not.
    pub fn is_official_source(&self, source: &str) -> bool {
        match self.item(source) {
            Some((document, _)) => document.meta.status == Status::Official,
            None => self
                .directory
                .source(source)
                .is_some_and(|s| s.is_official()),
        }
    }

    /// This corpus with its documents repeated `times` times under new ids (`<id>-x<copy>`),
    /// so that postings and pages grow as a real corpus would. For the benchmarks only (`make
    /// bench`, `make scale-bench`): the copies are not real documents and are never shipped.
    pub fn repeated(&self, times: usize) -> Corpus {
        let mut bigger = self.clone();
        bigger.documents.clear();
        for copy in 0..times {
            for document in &self.documents {
                let mut document = document.clone();
                document.meta.id = format!("{}-x{copy}", document.meta.id);
                bigger.documents.push(document);
            }
        }
        bigger
    }

    /// How many guide statements rest on official text (at least one official source), and
    /// how many there are.
    pub fn statements_on_official_text(&self) -> (usize, usize) {
        let statements = &self.guidance.statements;
        let official = statements
            .iter()
            .filter(|s| {
                s.sources
                    .iter()
                    .any(|source| self.is_official_source(source))
            })
            .count();
        (official, statements.len())
    }
}
