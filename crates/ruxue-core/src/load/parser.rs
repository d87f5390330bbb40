//! Parses a repaired document text into [`Clause`]s, following the numbering the document
//! itself prints (see [`super::markers`] for how each line is recognised).
//!
//! Every line of text ends up in exactly one [`Clause`]. A heading whose number breaks the
//! document's sequence cannot be placed, and is an error with its line, never dropped.

use std::ops::Range;
use std::path::Path;

use super::markers::{attachment, is_date_line, marker, printed_number, Marker};
use super::repairs::RepairedText;
use crate::diagnostic::{line_of_offset, Diagnostic};
use crate::model::DocumentMeta;
use crate::model::{departments, Clause, ClauseKind};

/// A non-blank line of the repaired text.
struct Block<'a> {
    text: &'a str,
    range: Range<usize>,
}

/// Characters that only space text out: blank lines may hold them, and lines are trimmed of them.
const SPACE: [char; 6] = [' ', '\t', '\r', '\u{a0}', '\u{3000}', '\u{feff}'];

fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let trimmed_start = line.trim_start_matches(SPACE);
        let trimmed = trimmed_start.trim_end_matches(SPACE);
        if !trimmed.is_empty() {
            let start = offset + (line.len() - trimmed_start.len());
            out.push(Block {
                text: trimmed,
                range: start..start + trimmed.len(),
            });
        }
        offset += line.len() + 1;
    }
    out
}

/// Where the parser is in the document's numbering.
#[derive(Default)]
struct Position {
    part: Option<(u32, String)>,
    section: Option<(u32, String)>,
    /// Last section and item numbers seen anywhere, for documents that number continuously.
    last_section: u32,
    last_item: u32,
    /// Numbers seen in the current part, for documents that restart numbering in each part.
    section_in_part: Option<u32>,
    item_in_part: Option<u32>,
    paragraphs_in_container: u32,
    /// Index of the open item, which following plain paragraphs belong to.
    open_item: Option<usize>,
}

impl Position {
    fn container_id(&self) -> String {
        match (&self.part, &self.section) {
            (Some((p, _)), Some((s, _))) => format!("{p}-{s}"),
            (Some((p, _)), None) => p.to_string(),
            _ => String::new(),
        }
    }

    fn container_path(&self) -> Vec<String> {
        self.part
            .iter()
            .chain(self.section.iter())
            .map(|(_, label)| label.clone())
            .collect()
    }
}

/// Parses `repaired` (the text of `text_file` with its repairs applied) into clauses: the
/// front matter before the first part, the body by its numbering, then the signature block.
pub(crate) fn parse_document(
    meta: &DocumentMeta,
    source: &str,
    repaired: &RepairedText,
    text_file: &Path,
) -> Result<Vec<Clause>, Vec<Diagnostic>> {
    let blocks = blocks(&repaired.text);
    let body_start = blocks
        .iter()
        .position(|b| matches!(marker(b.text), Some((Marker::Part(_), _))))
        .unwrap_or(blocks.len());
    let body_end = signature_start(meta, &blocks, body_start);
    let mut parser = Parser {
        source,
        repaired,
        text_file,
        at: Position::default(),
        clauses: Vec::new(),
        problems: Vec::new(),
    };
    for (n, block) in blocks[..body_start].iter().enumerate() {
        parser.preamble(n, block);
    }
    for block in &blocks[body_start..body_end] {
        parser.body(block);
    }
    for (n, block) in blocks[body_end..].iter().enumerate() {
        let id = format!("closing-{}", n + 1);
        parser.push(
            ClauseKind::Closing,
            id,
            String::new(),
            vec![],
            block.text,
            block,
        );
    }
    if !parser.problems.is_empty() {
        return Err(parser.problems);
    }
    Ok(parser
        .clauses
        .into_iter()
        .map(|(clause, ranges)| finish(clause, &ranges, &repaired.changed))
        .collect())
}

/// Where the signature block starts: the issuer names, the date and attachment lines after
/// the last clause of the body.
fn signature_start(meta: &DocumentMeta, blocks: &[Block], body_start: usize) -> usize {
    let mut body_end = blocks.len();
    while body_end > body_start + 1 {
        let line = blocks[body_end - 1].text;
        let is_signature = meta.issuers.iter().any(|i| i == line)
            || is_date_line(line)
            || attachment(line).is_some();
        if !is_signature {
            break;
        }
        body_end -= 1;
    }
    body_end
}

/// The clauses parsed so far, each with the ranges of repaired text it holds, and the
/// problems found.
struct Parser<'a> {
    source: &'a str,
    repaired: &'a RepairedText,
    text_file: &'a Path,
    at: Position,
    clauses: Vec<(Clause, Vec<Range<usize>>)>,
    problems: Vec<Diagnostic>,
}

impl Parser<'_> {
    fn line_of(&self, block: &Block) -> usize {
        line_of_offset(self.source, self.repaired.source_offset(block.range.start))
    }

    fn push(
        &mut self,
        kind: ClauseKind,
        id: String,
        number: String,
        path: Vec<String>,
        text: &str,
        block: &Block,
    ) {
        let clause = Clause {
            id,
            kind,
            number,
            path,
            lead: None,
            text: text.to_string(),
            departments: Vec::new(),
            attachments: Vec::new(),
            repairs: Vec::new(),
            source_line: self.line_of(block) as u32,
            pinyin: Default::default(),
        };
        self.clauses.push((clause, vec![block.range.clone()]));
    }

    fn misplaced(&mut self, block: &Block, what: &str, expected: u32) {
        let problem = misplaced(
            self.text_file,
            self.line_of(block),
            block.text,
            what,
            expected,
        );
        self.problems.push(problem);
    }

    /// The `n`th block before the first part: no numbered line belongs there.
    fn preamble(&mut self, n: usize, block: &Block) {
        if marker(block.text).is_some() {
            self.problems.push(Diagnostic::new(
                self.text_file,
                self.line_of(block),
                format!(
                    "numbered line {:?} comes before the first part (一、): it cannot be placed",
                    short(block.text)
                ),
            ));
        }
        let id = format!("preamble-{}", n + 1);
        self.push(
            ClauseKind::Preamble,
            id,
            String::new(),
            vec![],
            block.text,
            block,
        );
    }

    /// A block of the body, placed by its number, or joined to the open item, or a paragraph.
    fn body(&mut self, block: &Block) {
        match marker(block.text) {
            Some((Marker::Part(n), len)) => self.part(n, len, block),
            Some((Marker::Section(n), len)) => self.section(n, len, block),
            Some((Marker::Item(n), len)) => self.item(n, len, block),
            None => self.paragraph(block),
        }
    }

    fn part(&mut self, n: u32, len: usize, block: &Block) {
        let expected = self.at.part.as_ref().map_or(1, |(p, _)| p + 1);
        if n != expected {
            self.misplaced(block, "part", expected);
        }
        let label = printed_number(block.text, len);
        self.at = Position {
            part: Some((n, label.clone())),
            last_section: self.at.last_section,
            last_item: self.at.last_item,
            ..Position::default()
        };
        let text = &block.text[len..];
        self.push(
            ClauseKind::Part,
            n.to_string(),
            label.clone(),
            vec![label],
            text,
            block,
        );
    }

    fn section(&mut self, n: u32, len: usize, block: &Block) {
        let allowed = match self.at.section_in_part {
            Some(previous) => vec![previous + 1],
            None => vec![1, self.at.last_section + 1],
        };
        if !allowed.contains(&n) {
            self.misplaced(block, "section", allowed[allowed.len() - 1]);
        }
        let label = printed_number(block.text, len);
        self.at.section = Some((n, label.clone()));
        self.at.section_in_part = Some(n);
        self.at.last_section = n;
        self.at.open_item = None;
        self.at.paragraphs_in_container = 0;
        let (id, path) = (self.at.container_id(), self.at.container_path());
        self.push(
            ClauseKind::Section,
            id,
            label,
            path,
            &block.text[len..],
            block,
        );
    }

    fn item(&mut self, n: u32, len: usize, block: &Block) {
        let allowed = match self.at.item_in_part {
            Some(previous) => vec![previous + 1],
            None => vec![1, self.at.last_item + 1],
        };
        if !allowed.contains(&n) {
            self.misplaced(block, "item", allowed[allowed.len() - 1]);
        }
        self.at.item_in_part = Some(n);
        self.at.last_item = n;
        let label = printed_number(block.text, len);
        let mut path = self.at.container_path();
        path.push(label.clone());
        let id = format!("{}-{n}", self.at.container_id());
        self.at.open_item = Some(self.clauses.len());
        self.push(ClauseKind::Item, id, label, path, &block.text[len..], block);
    }

    /// A plain block: more of the open item, or a paragraph of its part or section.
    fn paragraph(&mut self, block: &Block) {
        if let Some(index) = self.at.open_item {
            let (clause, ranges) = &mut self.clauses[index];
            clause.text.push('\n');
            clause.text.push_str(block.text);
            ranges.push(block.range.clone());
            return;
        }
        self.at.paragraphs_in_container += 1;
        let id = format!(
            "{}-p{}",
            self.at.container_id(),
            self.at.paragraphs_in_container
        );
        let path = self.at.container_path();
        self.push(
            ClauseKind::Paragraph,
            id,
            String::new(),
            path,
            block.text,
            block,
        );
    }
}

/// Fills in what is derived from a clause's complete text.
fn finish(mut clause: Clause, ranges: &[Range<usize>], changed: &[Range<usize>]) -> Clause {
    if let Some(rest) = clause.text.strip_prefix("**") {
        if let Some(end) = rest.find("**") {
            clause.lead = Some(rest[..end].to_string());
        }
    }
    clause.text = clause.text.replace("**", "");
    clause.departments = departments(&clause.text);
    clause.attachments = clause.text.lines().filter_map(attachment).collect();
    if matches!(clause.kind, ClauseKind::Part | ClauseKind::Section) {
        clause.pinyin = super::readings::pinyin_of(&clause.text);
    }
    clause.repairs = changed
        .iter()
        .enumerate()
        .filter(|(_, c)| ranges.iter().any(|r| touches(r, c)))
        .map(|(i, _)| i as u16)
        .collect();
    clause
}

/// Whether a repair's changed range lies in a block, counting a pure deletion (an empty range)
/// at the block's edge or inside it.
fn touches(block: &Range<usize>, changed: &Range<usize>) -> bool {
    if changed.is_empty() {
        block.start <= changed.start && changed.start <= block.end
    } else {
        changed.start < block.end && block.start < changed.end
    }
}

fn misplaced(file: &Path, line: usize, text: &str, what: &str, expected: u32) -> Diagnostic {
    Diagnostic::new(
        file,
        line,
        format!(
            "{what} {:?} cannot be placed: its number breaks the document's sequence (expected {what} {expected} here); \
             check for a typo, or a page break that needs a repair in data/repairs.toml",
            short(text)
        ),
    )
}

fn short(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(16).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}
