//! Reading a line of a policy text: the numbering markers that open parts, sections and items
//! (一、 （一） 1.), the attachment lines and the date line of the signature block. The parser
//! places clauses by these; nothing outside loading needs them.

/// A heading or item number recognised at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Marker {
    /// 一、 with its value.
    Part(u32),
    /// （一） or (一) with its value.
    Section(u32),
    /// 1. or 1． with its value.
    Item(u32),
}

/// Recognises a numbering marker at the start of `line`; returns it and the byte length of the
/// marker including the spaces after it.
pub(crate) fn marker(line: &str) -> Option<(Marker, usize)> {
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
pub(crate) fn cn_numeral(text: &str) -> Option<u32> {
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
pub(crate) fn printed_number(line: &str, marker_len: usize) -> String {
    line[..marker_len]
        .trim_end_matches([' ', '\u{3000}', '\u{a0}'])
        .to_string()
}

/// The attachment named by a line such as `附件：…` or `附件:…`, if the line is one.
pub(crate) fn attachment(line: &str) -> Option<String> {
    let rest = line.trim().strip_prefix("附件")?;
    let name = rest
        .strip_prefix('：')
        .or_else(|| rest.strip_prefix(':'))?
        .trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// Whether `line` is a date line such as `2023年3月2日`.
pub(crate) fn is_date_line(line: &str) -> bool {
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
