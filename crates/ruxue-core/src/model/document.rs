//! A policy document: its metadata, its clauses and the repairs applied to its text.
//!
//! These types are what the portal ships (see [`crate::bundle`]) and what `ruxue export` prints.

use serde::{Deserialize, Serialize};

use crate::search::pinyin::Pinyin;

use super::clause::Clause;

/// Where a document stands in its life. Superseded documents are kept, never deleted,
/// because parents and schools have links to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// Published and in force.
    #[serde(rename = "正式")]
    Official,
    /// A draft published for comment; the portal badges it.
    #[serde(rename = "征求意见稿")]
    DraftForComment,
    /// Replaced by a later document.
    #[serde(rename = "已废止")]
    Superseded,
}

impl Status {
    /// The label the documents themselves use.
    pub fn label_zh(self) -> &'static str {
        match self {
            Status::Official => "正式",
            Status::DraftForComment => "征求意见稿",
            Status::Superseded => "已废止",
        }
    }
}

/// Where the text came from, shown beside the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentSource {
    /// Who published it and where, in plain words.
    pub description: String,
    /// Public address of the original, when one is known.
    pub url: Option<String>,
    /// The day the address was read (YYYY-MM-DD), when a URL is given.
    pub retrieved: Option<String>,
    /// The file in the supplied seed set that the verbatim text was copied from.
    pub seed: Option<String>,
}

/// A document's metadata, validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// Stable id: never changes once published, because it is part of every permanent link.
    pub id: String,
    /// Full title as printed.
    pub title: String,
    /// Issuing bodies as printed; empty where the text names none.
    pub issuers: Vec<String>,
    /// 文号, where the document has one.
    pub doc_number: Option<String>,
    /// Date issued (YYYY-MM-DD), where the text states one.
    pub date_issued: Option<String>,
    /// The district (区) the document applies to.
    pub district: String,
    /// 实施意见, 工作要点, 行动计划 …
    pub kind: String,
    /// 正式, 征求意见稿 or 已废止.
    pub status: Status,
    /// Where the text came from.
    pub source: DocumentSource,
}

/// The document and clause an item id (`<document id>/<clause id>`) names among `documents`.
pub(crate) fn find_item<'a>(
    documents: &'a [Document],
    item_id: &str,
) -> Option<(&'a Document, &'a Clause)> {
    let (doc, clause) = item_id.split_once('/')?;
    let document = documents.iter().find(|d| d.meta.id == doc)?;
    Some((document, document.clause(clause)?))
}

/// A parsed document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The document's metadata.
    pub meta: DocumentMeta,
    /// The text exactly as published, artifacts included. Not shipped to the browser.
    #[serde(skip)]
    pub text: String,
    /// Every clause in reading order; together they hold the whole repaired text.
    pub clauses: Vec<Clause>,
    /// The repairs applied to the published text, in source order.
    pub repairs: Vec<AppliedRepair>,
    /// Readings of the title, for pinyin queries.
    pub title_pinyin: Pinyin,
}

impl Document {
    /// The clause with document-local id `clause_id`.
    pub fn clause(&self, clause_id: &str) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.id == clause_id)
    }

    /// The portal-wide id of a clause: `<document id>/<clause id>`.
    pub fn item_id(&self, clause: &Clause) -> String {
        format!("{}/{}", self.meta.id, clause.id)
    }

    /// The fragment route that opens a clause in the reader.
    pub fn clause_route(&self, clause: &Clause) -> String {
        format!("/policies/{}/{}", self.meta.id, clause.id)
    }

    /// How a clause is cited: 《title》（文号）四、（九）16.
    pub fn citation(&self, clause: &Clause) -> String {
        let mut citation = format!("《{}》", self.meta.title);
        if let Some(number) = &self.meta.doc_number {
            citation.push_str(&format!("（{number}）"));
        }
        citation.push_str(&clause.path.concat());
        citation
    }

    /// Document › part › section › item: the title, then for each level of the clause's path
    /// the heading printed there (or just its number, for an item).
    pub fn breadcrumb(&self, clause: &Clause) -> Vec<String> {
        let mut crumbs = vec![self.meta.title.clone()];
        let mut prefix = String::new();
        for number in &clause.path {
            prefix.push_str(number);
            let heading = self.clauses.iter().find(|c| {
                matches!(
                    c.kind,
                    super::clause::ClauseKind::Part | super::clause::ClauseKind::Section
                ) && c.path.concat() == prefix
            });
            crumbs.push(
                heading.map_or_else(|| number.clone(), |h| format!("{}{}", h.number, h.text)),
            );
        }
        crumbs
    }

    /// The year of issue, where the document states a date.
    pub fn year(&self) -> Option<u16> {
        self.meta.date_issued.as_deref()?.get(..4)?.parse().ok()
    }
}

/// A repair as applied to one document, shown to readers as 原文校正.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppliedRepair {
    /// The text as published.
    pub original: String,
    /// The text as the portal shows it.
    pub replacement: String,
    /// Why it was changed.
    pub reason: String,
    /// Line of the published text where the original starts.
    pub source_line: u32,
}
