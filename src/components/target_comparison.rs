//! One measure side by side across districts (`ruxue_core::targets::Comparison`): a bar chart
//! drawn as SVG, a sentence that says what it shows, and the table of its values, which is
//! what a screen reader and a printout read (the chart repeats it for the eye).

use leptos::prelude::*;
use ruxue_core::targets::Comparison;

use crate::i18n::{use_lang, use_texts, Lang};

/// The chart's width in its own units; it scales to the column, so 320 px phones see it whole.
const WIDTH: f64 = 320.0;
/// Each row: a label line, then the bar.
const ROW: f64 = 46.0;
const BAR: f64 = 18.0;
/// Room right of the longest bar for its value.
const VALUE_ROOM: f64 = 64.0;

/// `comparison` as a figure: caption, summary, chart and table.
#[component]
pub fn TargetComparison(comparison: Comparison<'static>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let id = format!("rx-compare-{}", comparison.key);
    let percent = comparison.unit == "%";
    let top = (comparison.targets.iter())
        .map(|p| p.target.amount.top().as_f64())
        .fold(0.0_f64, f64::max);
    let scale = if percent {
        100.0_f64.max(top)
    } else {
        top.max(1.0)
    };
    let rows = comparison.targets.clone();
    let height = ROW * rows.len() as f64;
    let year_of = move |year: Option<i32>| year.map(|y| (t().targets_year)(y)).unwrap_or_default();
    let label = move |p: &ruxue_core::targets::Placed<'static>| {
        format!("{} {}", p.district, year_of(p.year))
            .trim()
            .to_string()
    };
    let value_of =
        |p: &ruxue_core::targets::Placed<'static>| format!("{}{}", p.target.amount, p.target.unit);
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
            let joiner = match lang.get() {
                Lang::Zh => "；",
                Lang::En => "; ",
            };
            (t().targets_summary)(measure, &items.join(joiner))
        }
    };
    let bars = rows
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let y = ROW * k as f64;
            let low = p.target.amount.low.as_f64() / scale * (WIDTH - VALUE_ROOM);
            let high = p.target.amount.top().as_f64() / scale * (WIDTH - VALUE_ROOM);
            let text = label(p);
            let value = value_of(p);
            view! {
                <text class="rx-compare__label" x="0" y=format!("{:.1}", y + 14.0)>
                    {text}
                </text>
                <rect
                    class="rx-compare__bar"
                    x="0"
                    y=format!("{:.1}", y + 20.0)
                    width=format!("{:.1}", low.max(2.0))
                    height=format!("{BAR:.1}")
                />
                // A range's upper part, lighter: 3–4 is at least 3, at most 4.
                {(high > low)
                    .then(|| {
                        view! {
                            <rect
                                class="rx-compare__range"
                                x=format!("{low:.1}")
                                y=format!("{:.1}", y + 20.0)
                                width=format!("{:.1}", high - low)
                                height=format!("{BAR:.1}")
                            />
                        }
                    })}
                <text
                    class="rx-compare__value"
                    x=format!("{:.1}", high.max(2.0) + 6.0)
                    y=format!("{:.1}", y + 34.0)
                >
                    {value}
                </text>
            }
        })
        .collect_view();
    let table_rows = rows
        .iter()
        .map(|p| {
            let href = crate::data::corpus()
                .item(&p.target.clause)
                .map(|(d, c)| crate::location::href(&d.clause_route(c)))
                .unwrap_or_default();
            let citation = crate::data::corpus()
                .item(&p.target.clause)
                .map(|(d, c)| d.citation(c))
                .unwrap_or_default();
            let year = p.year;
            view! {
                <tr>
                    <th scope="row" lang="zh-CN">
                        {p.district}
                    </th>
                    <td>{move || year_of(year)}</td>
                    <td class="rx-compare__number">{value_of(p)}</td>
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
