//! What can be asked of the targets (指标, [`crate::model::Target`]): the numbers a text states
//! ([`quantities`]), which of them no target and no review accounts for ([`uncovered`]), the
//! targets a page or the CLI shows ([`select`]), and the ones to show side by side
//! ([`comparisons`]).
//!
//! A number is found as the documents write statistics, in Arabic digits (GB/T 15835): 95%,
//! 3-4个, 0.15. Chinese numerals in these texts name programmes and structures (三个计划,
//! 两类学校, 第五批), not amounts, so they are not read. Years (1900–2100), ordinals
//! (第39届), dates (8月18日) and document numbers (〔2023〕6号) are not amounts either and
//! are skipped.

use serde::Serialize;

use crate::model::{Amount, Corpus, Milli, Target};

/// A number in a text, with the unit written after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quantity {
    /// Byte offsets of the number (and its range) in the text, without the unit.
    pub start: usize,
    pub end: usize,
    pub amount: Amount,
    /// `%`, a measure word (个, 所, 名 …), a two-character unit (小时, 年级), or empty.
    pub unit: String,
}

/// Units of two characters; any other unit is the one character after the number.
const LONG_UNITS: [&str; 3] = ["小时", "年级", "课时"];
/// What joins the two ends of a range.
const RANGE_DASHES: [char; 6] = ['-', '—', '–', '~', '～', '至'];

/// The amounts `text` states, in order.
pub fn quantities(text: &str) -> Vec<Quantity> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = next_digit(text, at) {
        let (low, mut end) = number(text, start);
        let mut high = low;
        // A range: digits, a dash, digits (1-2, 3—4, 2023-2025).
        let after = skip_spaces(text, end);
        if let Some(dash) = text[after..]
            .chars()
            .next()
            .filter(|c| RANGE_DASHES.contains(c))
        {
            let next = skip_spaces(text, after + dash.len_utf8());
            if text[next..].starts_with(|c: char| c.is_ascii_digit()) {
                let (value, range_end) = number(text, next);
                high = value;
                end = range_end;
            }
        }
        at = end;
        let before = text[..start].trim_end_matches(' ');
        let unit_at = skip_spaces(text, end);
        let rest = &text[unit_at..];
        let is_year = |m: Milli| m.0 % 1000 == 0 && (1900..=2100).contains(&(m.0 / 1000));
        // 8月18日: a date, not an amount.
        let skip = rest.starts_with(['月', '日'])
            || before.ends_with('第')
            || before.ends_with('〔')
            || rest.starts_with('〕')
            || rest.starts_with('号')
            || (is_year(low) && is_year(high) && text[start..end].len() >= 4);
        if skip {
            continue;
        }
        let unit = if rest.starts_with(['%', '％']) {
            "%".to_string()
        } else if let Some(long) = LONG_UNITS.iter().find(|u| rest.starts_with(**u)) {
            long.to_string()
        } else {
            (rest.chars().next())
                .filter(|c| is_cjk(*c))
                .map(String::from)
                .unwrap_or_default()
        };
        found.push(Quantity {
            start,
            end,
            amount: Amount { low, high },
            unit,
        });
    }
    found
}

fn next_digit(text: &str, from: usize) -> Option<usize> {
    text[from..]
        .find(|c: char| c.is_ascii_digit())
        .map(|k| from + k)
}

fn skip_spaces(text: &str, from: usize) -> usize {
    from + (text[from..].len() - text[from..].trim_start_matches(' ').len())
}

/// The number at `start` (digits, and a fraction after a point) and where it ends.
fn number(text: &str, start: usize) -> (Milli, usize) {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut whole: i64 = 0;
    while end < bytes.len() && bytes[end].is_ascii_digit() {
        whole = whole
            .saturating_mul(10)
            .saturating_add(i64::from(bytes[end] - b'0'));
        end += 1;
    }
    let mut milli = whole.saturating_mul(1000);
    if end + 1 < bytes.len() && bytes[end] == b'.' && bytes[end + 1].is_ascii_digit() {
        end += 1;
        let mut scale = 100;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            milli += i64::from(bytes[end] - b'0') * scale;
            scale /= 10;
            end += 1;
        }
    }
    (Milli(milli), end)
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Whether `quote` states `amount` in `unit` (an amount written without a unit counts as
/// any unit: 0.15 of a rate).
pub fn states(quote: &str, amount: Amount, unit: &str) -> bool {
    quantities(quote)
        .iter()
        .any(|q| q.amount == amount && (q.unit == unit || q.unit.is_empty()))
}

/// A number the texts state that no target quotes and no review explains.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Uncovered {
    /// The clause's id.
    pub clause: String,
    /// Its line in the document's text file.
    pub line: usize,
    /// The number and its unit as written (`95%`).
    pub words: String,
}

/// A number in a clause that was reviewed and is not a commitment (a programme's name, a
/// count of what exists, an age), with why: `[[reviewed]]` in `data/targets.toml`. The loader
/// keeps these for [`uncovered`]; they are not shipped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Reviewed {
    pub clause: String,
    /// The clause's words that hold the number(s).
    pub words: String,
    pub why: String,
}

/// Every number in the corpus's clauses that is in neither a target's quote nor reviewed
/// words of the same clause, in document order: what an editor must still classify.
pub fn uncovered(corpus: &Corpus, reviewed: &[Reviewed]) -> Vec<Uncovered> {
    let targets: &[Target] = &corpus.targets;
    let mut out = Vec::new();
    for document in &corpus.documents {
        for clause in &document.clauses {
            let id = format!("{}/{}", document.meta.id, clause.id);
            let mut spans: Vec<(usize, usize)> = Vec::new();
            let quotes = (targets.iter())
                .filter(|t| t.clause == id)
                .map(|t| t.quote.as_str())
                .chain(
                    reviewed
                        .iter()
                        .filter(|r| r.clause == id)
                        .map(|r| r.words.as_str()),
                );
            for words in quotes.filter(|w| !w.is_empty()) {
                spans.extend((clause.text.match_indices(words)).map(|(at, w)| (at, at + w.len())));
            }
            for quantity in quantities(&clause.text) {
                let inside = (spans.iter()).any(|&(s, e)| s <= quantity.start && quantity.end <= e);
                if !inside {
                    let unit_end = clause.text[quantity.end..]
                        .trim_start_matches(' ')
                        .starts_with(quantity.unit.as_str());
                    let words = format!(
                        "{}{}",
                        &clause.text[quantity.start..quantity.end],
                        if unit_end { quantity.unit.as_str() } else { "" }
                    );
                    out.push(Uncovered {
                        clause: id.clone(),
                        line: clause.source_line as usize,
                        words,
                    });
                }
            }
        }
    }
    out
}

/// Which targets to show: all of them, or those of one district, one year and one area.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub district: Option<String>,
    pub year: Option<i32>,
    pub area: Option<String>,
}

/// A target with what its document says of it: the district and the year it counts for.
#[derive(Debug, Clone, Copy)]
pub struct Placed<'a> {
    pub target: &'a Target,
    /// The district of the target's document.
    pub district: &'a str,
    /// The year the text names, else the year the document was issued (if it says).
    pub year: Option<i32>,
    /// The document's title.
    pub document: &'a str,
}

impl<'a> Placed<'a> {
    /// `target` placed by its document in `corpus`; `None` if its clause's document is not
    /// there (the loader makes that impossible for shipped data).
    pub fn new(corpus: &'a Corpus, target: &'a Target) -> Option<Placed<'a>> {
        let (document, _) = corpus.item(&target.clause)?;
        Some(Placed {
            target,
            district: &document.meta.district,
            year: target.year_in(document),
            document: &document.meta.title,
        })
    }
}

/// The targets that `filter` lets through, in the data's order: by area (as
/// [`crate::model::AREAS`] lists them), then district and year, then as in the file (the
/// loader orders them so).
pub fn select<'a>(corpus: &'a Corpus, filter: &Filter) -> Vec<Placed<'a>> {
    (corpus.targets.iter())
        .filter_map(|t| Placed::new(corpus, t))
        .filter(|p| filter.district.as_deref().is_none_or(|d| d == p.district))
        .filter(|p| filter.year.is_none_or(|y| Some(y) == p.year))
        .filter(|p| filter.area.as_deref().is_none_or(|a| a == p.target.area))
        .collect()
}

/// Targets of one measure in more than one district, to show side by side.
#[derive(Debug, Clone)]
pub struct Comparison<'a> {
    /// The shared `compare` key.
    pub key: &'a str,
    /// The measure, as the first target names it.
    pub measure: &'a str,
    pub measure_en: &'a str,
    pub unit: &'a str,
    /// Each target, by district then year.
    pub targets: Vec<Placed<'a>>,
}

/// The comparisons among `shown` (in the order [`select`] gives): each `compare` key held by
/// targets of at least two districts, in the order the keys first appear, each by district
/// then year (the loader keeps a key's targets in one area, so that order is theirs).
pub fn comparisons<'a>(shown: &[Placed<'a>]) -> Vec<Comparison<'a>> {
    let mut keys: Vec<&'a str> = Vec::new();
    for placed in shown {
        if let Some(key) = placed.target.compare.as_deref() {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys.into_iter()
        .filter_map(|key| {
            let targets: Vec<Placed<'a>> = (shown.iter())
                .filter(|p| p.target.compare.as_deref() == Some(key))
                .copied()
                .collect();
            let first = targets.first()?;
            if targets.iter().all(|p| p.district == first.district) {
                return None;
            }
            let target = first.target;
            Some(Comparison {
                key,
                measure: &target.measure,
                measure_en: &target.measure_en,
                unit: &target.unit,
                targets,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        quantities(text)
            .into_iter()
            .map(|q| (q.amount.to_string(), q.unit))
            .collect()
    }

    #[test]
    fn reads_numbers_ranges_and_units_as_the_texts_write_them() {
        assert_eq!(
            found("覆盖率达到95%以上，建设3-4个市级示范性学区（集团）"),
            [("95".into(), "%".into()), ("3–4".into(), "个".into())]
        );
        assert_eq!(
            found("掌握 1-2 项运动技能，低于 0.15，3—4所，24小时"),
            [
                ("1–2".into(), "项".into()),
                ("0.15".into(), String::new()),
                ("3–4".into(), "所".into()),
                ("24".into(), "小时".into())
            ]
        );
    }

    #[test]
    fn skips_years_ordinals_and_document_numbers() {
        assert_eq!(
            found("到2025年，第39届，闵委发〔2023〕6号，（2023-2025年），2024届"),
            Vec::<(String, String)>::new()
        );
        // A year-sized count is still a count when it is not a plausible year.
        assert_eq!(found("1000 名"), [("1000".into(), "名".into())]);
    }

    #[test]
    fn a_quote_states_its_amount() {
        let amount = Amount {
            low: Milli(3000),
            high: Milli(4000),
        };
        assert!(states("建设3-4个市级示范性学区", amount, "个"));
        assert!(!states("建设3个市级示范性学区", amount, "个"));
        assert!(!states("建设3-4所", amount, "个"));
    }

    #[test]
    fn milli_prints_as_the_text_writes_it() {
        assert_eq!(Milli(95_000).to_string(), "95");
        assert_eq!(Milli(150).to_string(), "0.15");
        assert_eq!(Milli(2_500).to_string(), "2.5");
    }
}
