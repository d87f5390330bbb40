//! Targets (指标): the quantified commitments the documents make, each with the words of its
//! clause that state it (`data/targets.toml`, read by the loader; what can be asked of them is
//! in [`crate::targets`]).

use serde::{Deserialize, Serialize};

/// One quantified commitment: a number a document commits its district to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// Stable, lower-case ASCII words joined by `-` (`mh-2023-6-inclusive-kindergartens`): the
    /// page's anchor and search's id.
    pub id: String,
    /// The clause it comes from (`mh-2023-6/4-9-16`).
    pub clause: String,
    /// The clause's exact words that state it; the loader checks they are in the clause and
    /// hold the amount.
    pub quote: String,
    /// The number, or the range, committed to.
    pub amount: Amount,
    /// What the amount counts in, as the text writes it (`%`, `个`, `所`, `名` …).
    pub unit: String,
    /// The text's own words for the amount when it writes it in Chinese numerals (三分之一,
    /// 百名): shown instead of the number, which then only machines read.
    pub amount_words: Option<String>,
    /// What it measures, in plain words: Chinese, then English.
    pub measure: String,
    pub measure_en: String,
    /// The subject area, one of [`AREAS`] (its Chinese name), and its English name: carried
    /// with each target so that the app reads the names from the data file rather than
    /// holding the list itself.
    pub area: String,
    pub area_en: String,
    /// The year the text sets it for (到2025年), if it names one.
    pub year: Option<i32>,
    /// The text's own words for when (到2025年, 三年内, 每年), if it gives any.
    pub deadline: Option<String>,
    /// Targets that measure the same thing in different documents share this key, so the
    /// page can show them side by side.
    pub compare: Option<String>,
}

impl Target {
    /// The year it counts for: the one the text names, else the year `document` (its own) was
    /// issued, if it says.
    pub fn year_in(&self, document: &super::Document) -> Option<i32> {
        self.year.or(document.year().map(i32::from))
    }

    /// The amount as the page shows it: the text's words, or the number and its unit.
    pub fn shown_amount(&self) -> String {
        match &self.amount_words {
            Some(words) => words.clone(),
            None => format!("{}{}", self.amount, self.unit),
        }
    }
}

/// The subject areas targets are grouped by: the Chinese name the data uses, and English.
pub const AREAS: [(&str, &str); 13] = [
    ("托育", "Nurseries (ages 0–3)"),
    ("学前教育", "Kindergartens"),
    ("义务教育", "Compulsory education"),
    ("高中教育", "Senior high school"),
    ("职业教育", "Vocational education"),
    ("特殊教育", "Special education"),
    ("终身教育", "Lifelong learning"),
    ("学区集团", "School districts and groups"),
    ("师资队伍", "Teachers"),
    ("五育并举", "Moral, physical and arts education"),
    ("学校建设", "School buildings"),
    ("教育数字化", "Digital education"),
    ("教育治理", "Governance"),
];

/// The English name of area `zh`, if it is one of [`AREAS`].
pub fn area_en(zh: &str) -> Option<&'static str> {
    AREAS.iter().find(|(z, _)| *z == zh).map(|(_, en)| *en)
}

/// A number as the text writes it, in thousandths, so that 0.15 and 95 are both exact and the
/// type stays comparable (`Eq`) like the rest of the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Milli(pub i64);

impl Milli {
    /// The number as a float, for drawing.
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 1000.0
    }
}

impl std::fmt::Display for Milli {
    /// Written as the texts write numbers: no trailing zeros (95, 0.15, 2.5).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let whole = self.0 / 1000;
        let rest = (self.0 % 1000).abs();
        if rest == 0 {
            return write!(f, "{whole}");
        }
        let fraction = format!("{rest:03}");
        write!(f, "{whole}.{}", fraction.trim_end_matches('0'))
    }
}

/// A number, or a range (3—4个).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    pub low: Milli,
    pub high: Milli,
}

impl Amount {
    /// The one number, or the top of the range: what a chart draws.
    pub fn top(self) -> Milli {
        self.high
    }
}

impl std::fmt::Display for Amount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.low == self.high {
            write!(f, "{}", self.low)
        } else {
            write!(f, "{}–{}", self.low, self.high)
        }
    }
}
