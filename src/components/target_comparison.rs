//! One measure side by side across districts (`ruxue_core::targets::Comparison`): a bar chart
//! drawn as SVG, a sentence that says what it shows, and the table of its values, which is
//! what a screen reader and a printout read (the chart repeats it for the eye).

use leptos::prelude::*;
use ruxue_core::targets::Comparison;

use crate::i18n::{use_lang, use_texts, Lang};

// The geometry is in whole units, never floats: formatting a float would bring the float
// printing code (about 30 KB brotli) into the page's part.

/// The chart's width in its own units: about a 320 px phone's column, so that its 14-unit
/// text is about 14 px there; it scales to the column.
const WIDTH: i64 = 260;
/// Each row: a label line, then the bar.
const ROW: i64 = 46;
const BAR: i64 = 18;
/// Room right of the longest bar for its value.
const VALUE_ROOM: i64 = 60;

/// `comparison` as a figure: caption, summary, chart and table.
#[component]
pub fn TargetComparison(comparison: Comparison<'static>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let id = format!("rx-compare-{}", comparison.key);
    let percent = comparison.unit == "%";
    // In thousandths, as the amounts are (`Milli`): a percentage against 100%, a count
    // against the largest.
    let top = (comparison.targets.iter())
        .map(|p| p.target.amount.top().0)
        .max()
        .unwrap_or(0);
    let scale = if percent {
        top.max(100_000)
    } else {
        top.max(1)
    };
    let length = move |milli: i64| milli * (WIDTH - VALUE_ROOM) / scale;
    let rows = comparison.targets.clone();
    let height = ROW * rows.len() as i64;
    let year_of = move |year: Option<i32>| {
        year.map(|y| crate::target_words::year(lang.get(), y))
            .unwrap_or_default()
    };
    let label = move |p: &ruxue_core::targets::Placed<'static>| {
        format!("{} {}", p.district, year_of(p.year))
            .trim()
            .to_string()
    };
    let value_of = |p: &ruxue_core::targets::Placed<'static>| p.target.shown_amount();
    let summary = {
        let rows = rows.clone();
        move || {
            let items: Vec<String> = rows
                .iter()
                .map(|p| format!("{} {}", label(p), value_of(p)))
                .collect();
            let measure = match lang.get() {
                Lang::Zh => comparison.measure,
                Lang::En => comparison.measure_en,
            };
            crate::target_words::summary(lang.get(), measure, &items)
        }
    };
    let bars = rows
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let y = ROW * k as i64;
            let low = length(p.target.amount.low.0);
            let high = length(p.target.amount.top().0);
            let text = label(p);
            let value = value_of(p);
            view! {
                <text class="rx-compare__label" x="0" y=(y + 14).to_string()>
                    {text}
                </text>
                <rect
                    class="rx-compare__bar"
                    x="0"
                    y=(y + 20).to_string()
                    width=low.max(2).to_string()
                    height=BAR.to_string()
                />
                // A range's upper part, lighter: 3–4 is at least 3, at most 4.
                {(high > low)
                    .then(|| {
                        view! {
                            <rect
                                class="rx-compare__range"
                                x=low.to_string()
                                y=(y + 20).to_string()
                                width=(high - low).to_string()
                                height=BAR.to_string()
                            />
                        }
                    })}
                <text
                    class="rx-compare__value"
                    x=(high.max(2) + 6).to_string()
                    y=(y + 34).to_string()
                >
                    {value}
                </text>
            }
        })
        .collect_view();
    let table_rows = rows
        .iter()
        .map(|p| {
            let (href, citation) = crate::data::corpus()
                .item(&p.target.clause)
                .map(|(d, c)| (crate::location::href(&d.clause_route(c)), d.citation(c)))
                .unwrap_or_default();
            let year = p.year;
            view! {
                <tr>
                    <th scope="row" lang="zh-CN">
                        {p.district}
                    </th>
                    <td>{move || year_of(year)}</td>
                    <td>{value_of(p)}</td>
                    <td>
                        <a class="rx-link" href=href lang="zh-CN">
                            {citation}
                        </a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let summary_id = format!("{id}-summary");
    let caption = move || match lang.get() {
        Lang::Zh => comparison.measure.to_string(),
        Lang::En => comparison.measure_en.to_string(),
    };
    view! {
        <figure class="rx-compare" aria-labelledby=id.clone()>
            <h3 id=id.clone() class="rx-compare__title">
                {caption}
            </h3>
            <p id=summary_id class="rx-compare__summary">
                {summary}
            </p>
            <svg
                class="rx-compare__chart"
                viewBox=format!("0 0 {WIDTH} {height}")
                aria-hidden="true"
                focusable="false"
            >
                {bars}
            </svg>
            <table class="rx-table rx-compare__table">
                <caption class="rx-visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || t().filter_district}</th>
                        <th scope="col">{move || t().filter_year}</th>
                        <th scope="col">{move || t().targets_table_target}</th>
                        <th scope="col">{move || t().targets_table_source}</th>
                    </tr>
                </thead>
                <tbody>{table_rows}</tbody>
            </table>
        </figure>
    }
}
