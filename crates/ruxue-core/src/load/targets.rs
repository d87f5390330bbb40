//! Reading `data/targets.toml`: the quantified commitments (`[[target]]`) and the numbers
//! reviewed as not being commitments (`[[reviewed]]`). A target whose quote is not in its
//! clause, or does not state its amount, fails the build: the page shows the quote as the
//! document's words.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{line_of_offset, Diagnostic};
use crate::model::{find_item, Amount, Document, Milli, Target, AREAS};
use crate::targets::{states, Reviewed};

/// The targets file, relative to the data folder.
pub(crate) const TARGETS_FILE: &str = "targets.toml";

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    target: Vec<Spanned<RawTarget>>,
    #[serde(default)]
    reviewed: Vec<Spanned<RawReviewed>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    id: String,
    clause: String,
    quote: String,
    amount: RawAmount,
    unit: String,
    amount_words: Option<String>,
    measure: String,
    measure_en: String,
    area: String,
    year: Option<i32>,
    deadline: Option<String>,
    compare: Option<String>,
}

/// `amount = 95`, `amount = 0.15` or `amount = [3, 4]`.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawAmount {
    One(f64),
    Range([f64; 2]),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReviewed {
    clause: String,
    words: String,
    why: String,
}

fn milli(value: f64) -> Milli {
    Milli((value * 1000.0).round() as i64)
}

fn is_valid_target_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Reads and checks the targets file; the reviewed numbers come back beside the targets.
pub(crate) fn load_targets(
    data_dir: &Path,
    documents: &[Document],
) -> Result<(Vec<Target>, Vec<Reviewed>), Vec<Diagnostic>> {
    let path = data_dir.join(TARGETS_FILE);
    let mut problems = Vec::new();
    let (raw, text) = super::toml_file::read_optional::<RawFile>(&path, &mut problems);
    let mut targets = Vec::new();
    let mut lines = Vec::new();
    let mut ids = BTreeSet::new();
    for spanned in raw.target {
        let line = line_of_offset(&text, spanned.span().start);
        let raw = spanned.into_inner();
        let mut problem = |m: String| problems.push(Diagnostic::new(&path, line, m));
        if !is_valid_target_id(&raw.id) {
            problem(format!(
                "id `{}`: use lower-case letters, digits and `-` (e.g. `mh-2023-6-inclusive-kindergartens`)",
                raw.id
            ));
        } else if !ids.insert(raw.id.clone()) {
            problem(format!(
                "id `{}` is used twice: each target needs its own",
                raw.id
            ));
        }
        let amount = match raw.amount {
            RawAmount::One(v) => Amount {
                low: milli(v),
                high: milli(v),
            },
            RawAmount::Range([low, high]) => Amount {
                low: milli(low),
                high: milli(high),
            },
        };
        if amount.low > amount.high || amount.low.0 < 0 {
            problem(format!(
                "amount {amount}: a range is written low to high, e.g. `amount = [3, 4]`"
            ));
        }
        match find_item(documents, &raw.clause) {
            None => problem(format!(
                "clause `{}` does not exist: write `<document id>/<clause id>` as `ruxue show` accepts it",
                raw.clause
            )),
            Some((_, clause)) => {
                if raw.quote.trim().is_empty() || !clause.text.contains(&raw.quote) {
                    problem(format!(
                        "the quote is not in clause `{}`: copy its words exactly (`ruxue show {}` prints the text)",
                        raw.clause, raw.clause
                    ));
                } else if let Some(words) = &raw.amount_words {
                    if words.is_empty() || !raw.quote.contains(words.as_str()) {
                        problem(format!(
                            "amount_words `{words}` are not in the quote: give the quote's own words for the amount"
                        ));
                    }
                } else if !states(&raw.quote, amount, &raw.unit) {
                    problem(format!(
                        "the quote does not state {amount}{}: quote the words that hold the number, or correct `amount`/`unit`",
                        raw.unit
                    ));
                }
                if let Some(deadline) = &raw.deadline {
                    if !clause.text.contains(deadline.as_str()) {
                        problem(format!(
                            "deadline `{deadline}` is not in clause `{}`: use the text's own words",
                            raw.clause
                        ));
                    }
                }
            }
        }
        if raw.measure.trim().is_empty() || raw.measure_en.trim().is_empty() {
            problem("a target needs both `measure` and `measure_en`".into());
        }
        if !AREAS.iter().any(|(zh, _)| *zh == raw.area) {
            let names: Vec<&str> = AREAS.iter().map(|(zh, _)| *zh).collect();
            problem(format!(
                "area `{}` is not one of {}",
                raw.area,
                names.join(", ")
            ));
        }
        if let Some(year) = raw.year {
            if !(2000..=2100).contains(&year) {
                problem(format!("year {year} is not a plausible year"));
            }
        }
        if let Some(key) = &raw.compare {
            if !is_valid_target_id(key) {
                problem(format!(
                    "compare `{key}`: use lower-case letters, digits and `-`"
                ));
            }
        }
        lines.push(line);
        targets.push(Target {
            id: raw.id,
            clause: raw.clause,
            quote: raw.quote,
            amount,
            unit: raw.unit,
            amount_words: raw.amount_words,
            measure: raw.measure,
            measure_en: raw.measure_en,
            area_en: crate::model::area_en(&raw.area)
                .unwrap_or_default()
                .to_string(),
            area: raw.area,
            year: raw.year,
            deadline: raw.deadline,
            compare: raw.compare,
        });
    }
    // Targets side by side must measure the same thing: in the same area (so that the page's
    // order is theirs) and the same unit (or the chart would mislead). Reported at the second
    // target's line.
    for (k, target) in targets.iter().enumerate() {
        let Some(key) = &target.compare else { continue };
        let first = (targets.iter())
            .find(|t| t.compare.as_ref() == Some(key))
            .expect("target itself");
        let mut problem = |m: String| problems.push(Diagnostic::new(&path, lines[k], m));
        if first.area != target.area {
            problem(format!(
                "targets `{}` and `{}` share compare `{key}` but are in areas `{}` and `{}`: compared targets are in one area",
                first.id, target.id, first.area, target.area
            ));
        } else if first.unit != target.unit {
            problem(format!(
                "targets `{}` and `{}` share compare `{key}` but count in `{}` and `{}`: only the same measure can be compared",
                first.id, target.id, first.unit, target.unit
            ));
        }
    }
    // In the order the page shows them: by area (as `AREAS` lists them), then by district and
    // year, then as in the file. The app only filters: sorting there would add the sort's code
    // to the page's part of the wasm, and the page would have to hold the list of areas.
    targets.sort_by_cached_key(|t| {
        let document = find_item(documents, &t.clause).map(|(d, _)| d);
        (
            AREAS.iter().position(|(zh, _)| *zh == t.area),
            document.map(|d| d.meta.district.clone()),
            document.and_then(|d| t.year_in(d)),
        )
    });
    let mut reviewed = Vec::new();
    for spanned in raw.reviewed {
        let line = line_of_offset(&text, spanned.span().start);
        let raw = spanned.into_inner();
        let mut problem = |m: String| problems.push(Diagnostic::new(&path, line, m));
        match find_item(documents, &raw.clause) {
            None => problem(format!("clause `{}` does not exist", raw.clause)),
            Some((_, clause)) => {
                if raw.words.is_empty() || !clause.text.contains(&raw.words) {
                    problem(format!(
                        "the words are not in clause `{}`: copy them exactly",
                        raw.clause
                    ));
                } else if crate::targets::quantities(&raw.words).is_empty() {
                    problem("the words hold no number: a review explains a number".into());
                }
            }
        }
        if raw.why.trim().is_empty() {
            problem("`why` is empty: say why this number is not a commitment".into());
        }
        reviewed.push(Reviewed {
            clause: raw.clause,
            words: raw.words,
            why: raw.why,
        });
    }
    if problems.is_empty() {
        Ok((targets, reviewed))
    } else {
        Err(problems)
    }
}
