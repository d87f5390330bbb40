//! "报告问题 / Report a problem": the address the deploying bureau sets in `data/site.toml`.
//! The build accepts only mailto: and https:// addresses; while none is set, nothing shows.

use leptos::prelude::*;

use crate::data::corpus;
use crate::i18n::use_texts;

/// The report link, or nothing while no address is set.
#[component]
pub fn ReportLink() -> impl IntoView {
    let t = use_texts();
    corpus().site.report_problem.clone().map(|address| {
        view! {
            <a class="rx-link rx-report-link" href=address>
                {move || t().report_problem}
            </a>
        }
    })
}
