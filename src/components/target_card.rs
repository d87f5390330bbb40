//! One target (指标): the amount, what it measures, its district and year, the document's own
//! words, and the clause they come from (a document item always: not `SourceNote`, whose
//! public sources would add their code to the page's part).

use leptos::prelude::*;
use ruxue_core::targets::Placed;

use crate::i18n::{use_lang, use_texts, Lang};

/// `placed`'s target, as an item of its area's list; its id is the target's, so a link can
/// point at it.
#[component]
pub fn TargetCard(placed: Placed<'static>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let target = placed.target;
    let amount = target.shown_amount();
    // The year the text sets, else the document's, said as such.
    let year = move || {
        placed.year.map(|y| {
            let words = crate::target_words::year(lang.get(), y);
            match target.year {
                Some(_) => words,
                None => format!("{words}{}", t().targets_year_of_document),
            }
        })
    };
    let deadline = target
        .deadline
        .as_ref()
        .filter(|d| target.year.is_none() || !d.contains(&target.year.unwrap_or(0).to_string()));
    view! {
        <li class="rx-target" id=target.id.clone()>
            <p class="rx-target__amount">{amount}</p>
            <h3 class="rx-target__measure">
                {move || match lang.get() {
                    Lang::Zh => view! { <span>{target.measure.clone()}</span> }.into_any(),
                    Lang::En => {
                        view! {
                            <span>{target.measure_en.clone()}</span>
                            " "
                            <span class="rx-target__zh" lang="zh-CN">
                                {target.measure.clone()}
                            </span>
                        }
                            .into_any()
                    }
                }}
            </h3>
            <p class="rx-target__when">
                <span lang="zh-CN">{placed.district}</span>
                {move || year().map(|y| format!(" · {y}"))}
                {deadline
                    .map(|d| {
                        view! {
                            " · "
                            <span lang="zh-CN">{d.clone()}</span>
                        }
                    })}
            </p>
            <blockquote class="rx-target__quote" lang="zh-CN">
                {format!("“{}”", target.quote)}
            </blockquote>
            {crate::data::corpus()
                .item(&target.clause)
                .map(|(document, clause)| {
                    let href = crate::location::href(&document.clause_route(clause));
                    view! {
                        <p class="rx-source">
                            {move || t().source_label} <a class="rx-link" href=href lang="zh-CN">
                                {document.citation(clause)}
                            </a>
                        </p>
                    }
                })}
        </li>
    }
}
