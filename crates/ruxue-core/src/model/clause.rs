//! A clause: one unit of a document in the hierarchy the document itself prints — parts (一、),
//! sections (（一） or (一)), numbered items (1. or 1．) and paragraphs, with the front matter
//! before the first part and the signature block after the body — and the readings of a
//! clause's text that both the loader and the reader need (department notes, figures).

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// What a clause is in the document's hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClauseKind {
    /// Text before the first part: letterhead, 文号, title, cover letter, introduction.
    Preamble,
    /// 一、… heading.
    Part,
    /// （一）… heading.
    Section,
    /// 1. … numbered item, with any paragraphs that follow it.
    Item,
    /// A paragraph directly under a part or section that has no numbered items.
    Paragraph,
    /// Signature, date and attachment lines after the body.
    Closing,
}

/// One unit of a document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clause {
    /// Stable within the document: built from the document's own numbering, e.g. `4-9-16`
    /// for 四、（九）16., `1-3-p2` for the second paragraph of 一、（三）, `preamble-1`.
    pub id: String,
    pub kind: ClauseKind,
    /// The number as printed, e.g. `四、`, `（九）`, `16.`; empty for paragraphs.
    pub number: String,
    /// The printed numbers from the part down to this clause, e.g. `["四、", "（九）", "16."]`.
    pub path: Vec<String>,
    /// The bold lead-in of an item (`**…**` in the source), without the markers.
    pub lead: Option<String>,
    /// The clause's text after its number, paragraphs separated by `\n`, markup removed.
    pub text: String,
    /// Departments named in a （责任部门：…） note.
    pub departments: Vec<String>,
    /// Attachments named in a 附件：… line.
    pub attachments: Vec<String>,
    /// Indexes into the document's applied repairs that changed this clause.
    pub repairs: Vec<u16>,
    /// Line of the published text where the clause starts.
    pub source_line: u32,
    /// Readings of a part's or section's heading, for pinyin queries; empty for other clauses.
    pub pinyin: crate::search::pinyin::Pinyin,
}

impl Clause {
    /// Whether it is a part or section heading: what outlines and contents show, and the
    /// clauses whose text the manifest keeps and whose readings are a file of their own.
    pub fn is_heading(&self) -> bool {
        matches!(self.kind, ClauseKind::Part | ClauseKind::Section)
    }
}

/// Where the （责任部门：…） note sits in `text`, brackets included, if there is one.
pub fn department_note(text: &str) -> Option<Range<usize>> {
    let at = text.find("责任部门")?;
    let open = text[..at]
        .char_indices()
        .next_back()
        .filter(|(_, c)| matches!(c, '（' | '('))?
        .0;
    let after = &text[at + "责任部门".len()..];
    if !(after.starts_with('：') || after.starts_with(':')) {
        return None;
    }
    // Up to the bracket that closes the note; nested brackets such as 各街镇（莘庄工业区） stay.
    let mut depth = 0usize;
    for (i, c) in text[open..].char_indices().skip(1) {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' if depth == 0 => return Some(open..open + i + c.len_utf8()),
            '）' | ')' => depth -= 1,
            _ => {}
        }
    }
    Some(open..text.len())
}

/// The departments named in a （责任部门：…） note in `text`.
pub fn departments(text: &str) -> Vec<String> {
    let Some(note) = department_note(text) else {
        return Vec::new();
    };
    let inner = &text[note];
    let body = inner.split_once(['：', ':']).map_or("", |(_, body)| body);
    let body = body.strip_suffix(['）', ')']).unwrap_or(body);
    body.split(['、', '，', ',', '；', ';'])
        .map(|d| d.trim().trim_end_matches('。').trim())
        .filter(|d| !d.is_empty())
        .map(str::to_string)
        .collect()
}

/// Splits `text` into runs, marking the figures (digits with their `.`, `-`, `~` and a
/// trailing `%`), so the reader can make targets such as 95% or 3-4个 stand out.
pub fn figure_runs(text: &str) -> Vec<(&str, bool)> {
    let mut runs = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_ascii_digit() {
            continue;
        }
        let mut end = i + 1;
        while let Some(&(j, next)) = chars.peek() {
            let joins_digits = matches!(next, '.' | '-' | '~' | '～')
                && text[j + next.len_utf8()..].starts_with(|d: char| d.is_ascii_digit());
            if next.is_ascii_digit() || joins_digits {
                end = j + next.len_utf8();
                chars.next();
            } else if matches!(next, '%' | '％') {
                end = j + next.len_utf8();
                chars.next();
                break;
            } else {
                break;
            }
        }
        if start < i {
            runs.push((&text[start..i], false));
        }
        runs.push((&text[i..end], true));
        start = end;
    }
    if start < text.len() {
        runs.push((&text[start..], false));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_departments_with_nested_brackets() {
        let text = "加强建设。（责任部门：区教育局、区财政局，各街镇（莘庄工业区））";
        assert_eq!(
            departments(text),
            ["区教育局", "区财政局", "各街镇（莘庄工业区）"]
        );
        assert_eq!(
            departments("(责任部门:团区委、区科委)"),
            ["团区委", "区科委"]
        );
        assert!(departments("没有责任部门的文字").is_empty());
    }

    #[test]
    fn locates_the_department_note() {
        let text = "正文。（责任部门：区教育局，各街镇（工业区））后文";
        let note = department_note(text).unwrap();
        assert_eq!(&text[note], "（责任部门：区教育局，各街镇（工业区））");
        assert_eq!(department_note("提到责任部门但不是注释"), None);
    }

    #[test]
    fn marks_figures() {
        let runs = figure_runs("覆盖率达到95%以上，建设3-4个，2.0版，第1.");
        let figures: Vec<&str> = runs.iter().filter(|(_, f)| *f).map(|(s, _)| *s).collect();
        assert_eq!(figures, ["95%", "3-4", "2.0", "1"]);
        let whole: String = runs.iter().map(|(s, _)| *s).collect();
        assert_eq!(whole, "覆盖率达到95%以上，建设3-4个，2.0版，第1.");
        assert_eq!(figure_runs("没有数字"), [("没有数字", false)]);
        assert_eq!(figure_runs("50％"), [("50％", true)]);
    }
}
