//! Recorded repairs of extraction artifacts (`data/repairs.toml`).
//!
//! The published texts stay byte-for-byte as supplied. Page breaks that split a sentence,
//! characters doubled across a break, a stray English "and", dates with lost characters: each
//! is fixed by one reviewable entry that names the document, the exact original text, the
//! replacement and the reason. The reader shows every repair beside the clause it changed.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{line_of_offset, Diagnostic};
pub(crate) use crate::model::AppliedRepair;

/// One entry of the repair list, as an editor wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RepairEntry {
    /// The document id the repair applies to.
    pub document: String,
    /// Exact text in the verbatim source, line breaks included (`\n` in TOML).
    pub original: String,
    /// What the original is replaced by.
    pub replacement: String,
    /// Why, in words a reviewer can check against the text.
    pub reason: String,
    /// How many times the original occurs; every occurrence is replaced.
    pub count: usize,
    /// Line of the `[[repair]]` entry in the repair list, for messages.
    pub line: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    #[serde(default)]
    repair: Vec<Spanned<RawEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    document: String,
    original: String,
    replacement: String,
    reason: String,
    count: Option<usize>,
}

/// Parses the repair list. `file` is used only for messages.
pub(crate) fn parse_repair_list(
    file: &Path,
    source: &str,
) -> Result<Vec<RepairEntry>, Vec<Diagnostic>> {
    let raw: RawList = super::toml_file::parse(file, source).map_err(|problem| vec![problem])?;
    let mut problems = Vec::new();
    let mut entries = Vec::new();
    for spanned in raw.repair {
        let line = line_of_offset(source, spanned.span().start);
        let entry = spanned.into_inner();
        if entry.original.is_empty() {
            problems.push(Diagnostic::new(
                file,
                line,
                "repair has an empty `original`",
            ));
        }
        if entry.original == entry.replacement {
            problems.push(Diagnostic::new(
                file,
                line,
                "repair changes nothing: `original` equals `replacement`",
            ));
        }
        if entry.reason.trim().is_empty() {
            problems.push(Diagnostic::new(
                file,
                line,
                "repair has no `reason`: say what the artifact is",
            ));
        }
        if entry.count == Some(0) {
            problems.push(Diagnostic::new(
                file,
                line,
                "repair `count` must be at least 1",
            ));
        }
        entries.push(RepairEntry {
            document: entry.document,
            original: entry.original,
            replacement: entry.replacement,
            reason: entry.reason,
            count: entry.count.unwrap_or(1),
            line,
        });
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

/// A text with its repairs applied, and the map back to the published text.
#[derive(Debug, Clone)]
pub(crate) struct RepairedText {
    /// The text the portal parses and shows.
    pub text: String,
    /// The repairs in source order.
    pub applied: Vec<AppliedRepair>,
    /// For each applied repair, the bytes of `text` it changed (empty where it only deleted).
    pub changed: Vec<Range<usize>>,
    /// Pieces of `text` and where each starts in the published text, in order.
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, Copy)]
struct Segment {
    repaired_start: usize,
    source_start: usize,
    /// Whether the segment is a replacement (its offsets do not map byte for byte).
    replaced: bool,
}

impl RepairedText {
    /// The byte in the published text that byte `offset` of the repaired text came from.
    pub(crate) fn source_offset(&self, offset: usize) -> usize {
        let index = self
            .segments
            .partition_point(|s| s.repaired_start <= offset)
            .saturating_sub(1);
        match self.segments.get(index) {
            Some(s) if s.replaced => s.source_start,
            Some(s) => s.source_start + (offset - s.repaired_start),
            None => offset,
        }
    }
}

/// Applies `entries` (those for this document) to `source`. Every problem is reported at the
/// entry's line in `list_file`: an original that is not found, found a different number of
/// times than `count`, or overlapping another repair.
pub(crate) fn apply_repairs(
    source: &str,
    entries: &[&RepairEntry],
    list_file: &Path,
    text_file: &Path,
) -> Result<RepairedText, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    // start offset in source -> (end, entry)
    let mut spans: BTreeMap<usize, (usize, &RepairEntry)> = BTreeMap::new();
    for entry in entries {
        let found: Vec<usize> = source
            .match_indices(&entry.original)
            .map(|(i, _)| i)
            .collect();
        if found.is_empty() {
            problems.push(Diagnostic::new(
                list_file,
                entry.line,
                format!(
                    "repair original {:?} is not found in {}: copy it exactly from the text, spaces and line breaks included",
                    entry.original,
                    text_file.display()
                ),
            ));
            continue;
        }
        if found.len() != entry.count {
            problems.push(Diagnostic::new(
                list_file,
                entry.line,
                format!(
                    "repair original {:?} occurs {} times in {}, but `count` is {}: add context to the original or set `count`",
                    entry.original,
                    found.len(),
                    text_file.display(),
                    entry.count
                ),
            ));
            continue;
        }
        for start in found {
            let end = start + entry.original.len();
            let before = spans
                .range(..end)
                .next_back()
                .filter(|(_, (e, _))| *e > start);
            if let Some((_, (_, other))) = before {
                problems.push(Diagnostic::new(
                    list_file,
                    entry.line,
                    format!(
                        "repair overlaps the repair at line {}: merge them into one",
                        other.line
                    ),
                ));
                continue;
            }
            spans.insert(start, (end, entry));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut text = String::with_capacity(source.len());
    let mut applied = Vec::new();
    let mut changed = Vec::new();
    let mut segments = Vec::new();
    let mut cursor = 0;
    for (&start, &(end, entry)) in &spans {
        segments.push(Segment {
            repaired_start: text.len(),
            source_start: cursor,
            replaced: false,
        });
        text.push_str(&source[cursor..start]);
        segments.push(Segment {
            repaired_start: text.len(),
            source_start: start,
            replaced: true,
        });
        let (prefix, suffix) = common_affixes(&entry.original, &entry.replacement);
        let base = text.len();
        changed.push(base + prefix..base + entry.replacement.len() - suffix);
        text.push_str(&entry.replacement);
        applied.push(AppliedRepair {
            original: entry.original.clone(),
            replacement: entry.replacement.clone(),
            reason: entry.reason.clone(),
            source_line: line_of_offset(source, start) as u32,
        });
        cursor = end;
    }
    segments.push(Segment {
        repaired_start: text.len(),
        source_start: cursor,
        replaced: false,
    });
    text.push_str(&source[cursor..]);
    Ok(RepairedText {
        text,
        applied,
        changed,
        segments,
    })
}

/// Byte lengths of the longest common prefix and suffix (on char boundaries, not overlapping
/// within the shorter string), so a repair marks only what it changed.
fn common_affixes(a: &str, b: &str) -> (usize, usize) {
    let prefix: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let room = a.len().min(b.len()) - prefix;
    let mut suffix = 0;
    for (x, y) in a[prefix..].chars().rev().zip(b[prefix..].chars().rev()) {
        if x != y || suffix + x.len_utf8() > room {
            break;
        }
        suffix += x.len_utf8();
    }
    (prefix, suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(original: &str, replacement: &str, count: usize, line: usize) -> RepairEntry {
        RepairEntry {
            document: "d".into(),
            original: original.into(),
            replacement: replacement.into(),
            reason: "test".into(),
            count,
            line,
        }
    }

    fn apply(source: &str, entries: &[RepairEntry]) -> Result<RepairedText, Vec<Diagnostic>> {
        let refs: Vec<&RepairEntry> = entries.iter().collect();
        apply_repairs(source, &refs, Path::new("repairs.toml"), Path::new("d.txt"))
    }

    #[test]
    fn joins_a_page_break_and_maps_offsets_back() {
        let source = "一、总则\n\n重要\n\n要论述。\n后文";
        let repaired = apply(source, &[entry("重要\n\n要论述", "重要论述", 1, 3)]).unwrap();
        assert_eq!(repaired.text, "一、总则\n\n重要论述。\n后文");
        assert_eq!(repaired.applied[0].source_line, 3);
        // The unchanged tail maps back byte for byte.
        let tail = repaired.text.find("后文").unwrap();
        assert_eq!(repaired.source_offset(tail), source.find("后文").unwrap());
        // Only the deleted break and doubled character count as changed: an empty range after 重要.
        let at = repaired.text.find("论述").unwrap();
        assert_eq!(repaired.changed[0], at..at);
    }

    #[test]
    fn replaces_every_counted_occurrence() {
        let repaired = apply("家長和家長", &[entry("長", "长", 2, 1)]).unwrap();
        assert_eq!(repaired.text, "家长和家长");
        assert_eq!(repaired.applied.len(), 2);
    }

    #[test]
    fn reports_missing_ambiguous_and_overlapping_originals() {
        let errors = apply("甲乙丙甲", &[entry("丁", "x", 1, 4)]).unwrap_err();
        assert!(errors[0]
            .to_string()
            .starts_with("repairs.toml:4: repair original \"丁\" is not found in d.txt"));

        let errors = apply("甲乙丙甲", &[entry("甲", "x", 1, 7)]).unwrap_err();
        assert!(
            errors[0].to_string().contains("occurs 2 times"),
            "{}",
            errors[0]
        );

        let errors = apply(
            "甲乙丙",
            &[entry("甲乙", "x", 1, 1), entry("乙丙", "y", 1, 9)],
        )
        .unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "repairs.toml:9: repair overlaps the repair at line 1: merge them into one"
        );
    }

    #[test]
    fn parses_the_list_with_entry_lines() {
        let list = "# c\n\n[[repair]]\ndocument = \"d\"\noriginal = \"a\"\nreplacement = \"b\"\nreason = \"r\"\n\n[[repair]]\ndocument = \"d\"\noriginal = \"c\"\nreplacement = \"c\"\nreason = \"\"\n";
        let errors = parse_repair_list(Path::new("r.toml"), list).unwrap_err();
        let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            messages,
            [
                "r.toml:9: repair changes nothing: `original` equals `replacement`",
                "r.toml:9: repair has no `reason`: say what the artifact is",
            ]
        );
        let ok = parse_repair_list(
            Path::new("r.toml"),
            &list
                .replace("replacement = \"c\"", "replacement = \"e\"")
                .replace("reason = \"\"", "reason = \"x\""),
        )
        .unwrap();
        assert_eq!((ok[0].line, ok[1].line), (3, 9));
    }
}
