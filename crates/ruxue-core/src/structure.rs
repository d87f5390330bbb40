//! Turns a (repaired) policy text into the hierarchy the document itself uses:
//! parts (一、), sections (（一） or (一)), numbered items (1. or 1．) and paragraphs, with the
//! front matter before the first part and the signature block after the body.
//!
//! Every line of text ends up in exactly one [`Clause`]. A heading whose number breaks the
//! document's sequence cannot be placed, and is an error with its line, never dropped.

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

/// A heading or item number recognised at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    /// 一、 with its value.
    Part(u32),
    /// （一） or (一) with its value.
    Section(u32),
    /// 1. or 1． with its value.
    Item(u32),
}

/// Recognises a numbering marker at the start of `line`; returns it and the byte length of the
/// marker including the spaces after it.
pub fn marker(line: &str) -> Option<(Marker, usize)> {
    let spaces =
        |rest: &str| rest.len() - rest.trim_start_matches([' ', '\u{3000}', '\u{a0}']).len();
    // 一、
    let numeral_len: usize = line
        .chars()
        .take_while(|c| is_cn_digit(*c))
        .map(char::len_utf8)
        .sum();
    if numeral_len > 0 && line[numeral_len..].starts_with('、') {
        let value = cn_numeral(&line[..numeral_len])?;
        let end = numeral_len + '、'.len_utf8();
        return Some((Marker::Part(value), end + spaces(&line[end..])));
    }
    // （一） or (一)
    for (open, close) in [('（', '）'), ('(', ')'), ('（', ')'), ('(', '）')] {
        if let Some(rest) = line.strip_prefix(open) {
            let len: usize = rest
                .chars()
                .take_while(|c| is_cn_digit(*c))
                .map(char::len_utf8)
                .sum();
            if len > 0 && rest[len..].starts_with(close) {
                let value = cn_numeral(&rest[..len])?;
                let end = open.len_utf8() + len + close.len_utf8();
                return Some((Marker::Section(value), end + spaces(&line[end..])));
            }
        }
    }
    // 1. or 1．
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        let dot = if rest.starts_with('.') {
            1
        } else if rest.starts_with('．') {
            '．'.len_utf8()
        } else {
            0
        };
        // "1.5倍" is a number, not an item.
        if dot > 0 && !rest[dot..].starts_with(|c: char| c.is_ascii_digit()) {
            let value = line[..digits].parse().ok()?;
            let end = digits + dot;
            return Some((Marker::Item(value), end + spaces(&line[end..])));
        }
    }
    None
}

fn is_cn_digit(c: char) -> bool {
    "零一二三四五六七八九十百".contains(c)
}

/// Value of a Chinese numeral up to 999 (一, 十, 十五, 二十三, 一百零一).
pub fn cn_numeral(text: &str) -> Option<u32> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .find(c)
            .map(|i| (i / '一'.len_utf8()) as u32)
    };
    let mut total = 0;
    let mut current = None;
    for c in text.chars() {
        match c {
            '十' => {
                total += current.take().unwrap_or(1) * 10;
            }
            '百' => {
                total += current.take()? * 100;
            }
            _ => current = Some(digit(c)?),
        }
    }
    let value = total + current.unwrap_or(0);
    (value > 0).then_some(value)
}

/// The label a numbering marker is cited with: `四、`, `（九）`, `16.`.
pub fn printed_number(line: &str, marker_len: usize) -> String {
    line[..marker_len]
        .trim_end_matches([' ', '\u{3000}', '\u{a0}'])
        .to_string()
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

/// The attachment named by a line such as `附件：…` or `附件:…`, if the line is one.
pub fn attachment(line: &str) -> Option<String> {
    let rest = line.trim().strip_prefix("附件")?;
    let name = rest
        .strip_prefix('：')
        .or_else(|| rest.strip_prefix(':'))?
        .trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// Whether `line` is a date line such as `2023年3月2日`.
pub fn is_date_line(line: &str) -> bool {
    let line = line.trim();
    let Some(rest) = line.strip_suffix('日') else {
        return false;
    };
    let parts: Vec<&str> = rest.split(['年', '月']).collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_chinese_numerals() {
        let cases = [
            ("一", 1),
            ("九", 9),
            ("十", 10),
            ("十五", 15),
            ("二十", 20),
            ("二十三", 23),
            ("一百零一", 101),
        ];
        for (text, value) in cases {
            assert_eq!(cn_numeral(text), Some(value), "{text}");
        }
        assert_eq!(cn_numeral("零"), None);
        assert_eq!(cn_numeral("甲"), None);
    }

    #[test]
    fn recognises_every_heading_form_and_both_bracket_widths() {
        assert_eq!(
            marker("四、坚持立德树人"),
            Some((Marker::Part(4), "四、".len()))
        );
        assert_eq!(
            marker("十二、其他"),
            Some((Marker::Part(12), "十二、".len()))
        );
        assert_eq!(
            marker("（九）促进"),
            Some((Marker::Section(9), "（九）".len()))
        );
        assert_eq!(
            marker("(八) 构建"),
            Some((Marker::Section(8), "(八) ".len()))
        );
        assert_eq!(
            marker("（十五）营造"),
            Some((Marker::Section(15), "（十五）".len()))
        );
        assert_eq!(marker("16. 推进"), Some((Marker::Item(16), "16. ".len())));
        assert_eq!(marker("2.创建指导"), Some((Marker::Item(2), 2)));
        assert_eq!(marker("3．全角点"), Some((Marker::Item(3), "3．".len())));
        for not_a_marker in [
            "2023 年下半年",
            "1.5倍",
            "一方面",
            "（责任部门：区教育局）",
            "附件",
            "各单位：",
        ] {
            assert_eq!(marker(not_a_marker), None, "{not_a_marker}");
        }
    }

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

    #[test]
    fn recognises_attachments_and_dates() {
        assert_eq!(attachment("附件：任务清单").as_deref(), Some("任务清单"));
        assert_eq!(attachment("附件:2024年要点").as_deref(), Some("2024年要点"));
        assert_eq!(attachment("附件"), None);
        assert!(is_date_line("2023年3月2日"));
        assert!(is_date_line("2023年10月16日"));
        assert!(!is_date_line("2024222"));
        assert!(!is_date_line("2023年3月2日印发"));
    }
}
