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

/// Parses `repaired` (the text of `text_file` with its repairs applied) into clauses.
pub(crate) fn parse_document(
    meta: &DocumentMeta,
    source: &str,
    repaired: &RepairedText,
    text_file: &Path,
) -> Result<Vec<Clause>, Vec<Diagnostic>> {
    let blocks = blocks(&repaired.text);
    let line_of = |block: &Block| line_of_offset(source, repaired.source_offset(block.range.start));
    let mut problems = Vec::new();

    let first_part = blocks
        .iter()
        .position(|b| matches!(marker(b.text), Some((Marker::Part(_), _))));
    let body_start = first_part.unwrap_or(blocks.len());
    // The signature block: issuer names, the date and attachment lines after the last clause.
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

    let mut clauses: Vec<(Clause, Vec<Range<usize>>)> = Vec::new();
    let new_clause =
        |kind, id: String, number: String, path: Vec<String>, text: &str, block: &Block| {
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
                source_line: line_of(block) as u32,
                pinyin: Default::default(),
            };
            (clause, vec![block.range.clone()])
        };

    for (n, block) in blocks[..body_start].iter().enumerate() {
        if marker(block.text).is_some() {
            problems.push(Diagnostic::new(
                text_file,
                line_of(block),
                format!(
                    "numbered line {:?} comes before the first part (一、): it cannot be placed",
                    short(block.text)
                ),
            ));
        }
        clauses.push(new_clause(
            ClauseKind::Preamble,
            format!("preamble-{}", n + 1),
            String::new(),
            vec![],
            block.text,
            block,
        ));
    }

    let mut at = Position::default();
    for block in &blocks[body_start..body_end] {
        let line = block.text;
        match marker(line) {
            Some((Marker::Part(n), len)) => {
                let expected = at.part.as_ref().map_or(1, |(p, _)| p + 1);
                if n != expected {
                    problems.push(misplaced(text_file, line_of(block), line, "part", expected));
                }
                let label = printed_number(line, len);
                at.part = Some((n, label.clone()));
                at.section = None;
                at.section_in_part = None;
                at.item_in_part = None;
                at.open_item = None;
                at.paragraphs_in_container = 0;
                clauses.push(new_clause(
                    ClauseKind::Part,
                    n.to_string(),
                    label.clone(),
                    vec![label],
                    &line[len..],
                    block,
                ));
            }
            Some((Marker::Section(n), len)) => {
                let allowed = match at.section_in_part {
                    Some(previous) => vec![previous + 1],
                    None => vec![1, at.last_section + 1],
                };
                if !allowed.contains(&n) {
                    problems.push(misplaced(
                        text_file,
                        line_of(block),
                        line,
                        "section",
                        allowed[allowed.len() - 1],
                    ));
                }
                let label = printed_number(line, len);
                at.section = Some((n, label.clone()));
                at.section_in_part = Some(n);
                at.last_section = n;
                at.open_item = None;
                at.paragraphs_in_container = 0;
                let id = at.container_id();
                clauses.push(new_clause(
                    ClauseKind::Section,
                    id,
                    label,
                    at.container_path(),
                    &line[len..],
                    block,
                ));
            }
            Some((Marker::Item(n), len)) => {
                let allowed = match at.item_in_part {
                    Some(previous) => vec![previous + 1],
                    None => vec![1, at.last_item + 1],
                };
                if !allowed.contains(&n) {
                    problems.push(misplaced(
                        text_file,
                        line_of(block),
                        line,
                        "item",
                        allowed[allowed.len() - 1],
                    ));
                }
                at.item_in_part = Some(n);
                at.last_item = n;
                let label = printed_number(line, len);
                let mut path = at.container_path();
                path.push(label.clone());
                let id = format!("{}-{n}", at.container_id());
                at.open_item = Some(clauses.len());
                clauses.push(new_clause(
                    ClauseKind::Item,
                    id,
                    label,
                    path,
                    &line[len..],
                    block,
                ));
            }
            None => match at.open_item {
                Some(index) => {
                    let (clause, ranges) = &mut clauses[index];
                    clause.text.push('\n');
                    clause.text.push_str(line);
                    ranges.push(block.range.clone());
                }
                None => {
                    at.paragraphs_in_container += 1;
                    let id = format!("{}-p{}", at.container_id(), at.paragraphs_in_container);
                    clauses.push(new_clause(
                        ClauseKind::Paragraph,
                        id,
                        String::new(),
                        at.container_path(),
                        line,
                        block,
                    ));
                }
            },
        }
    }

    for (n, block) in blocks[body_end..].iter().enumerate() {
        clauses.push(new_clause(
            ClauseKind::Closing,
            format!("closing-{}", n + 1),
            String::new(),
            vec![],
            block.text,
            block,
        ));
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(clauses
        .into_iter()
        .map(|(clause, ranges)| finish(clause, &ranges, &repaired.changed))
        .collect())
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
