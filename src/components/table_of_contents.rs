//! A document's table of contents: its parts and sections, collapsed on a phone.

use leptos::prelude::*;
use ruxue_core::{ClauseKind, Document};

use crate::i18n::use_texts;

/// The id of the contents' summary, which the reader's 目录 link moves to.
pub const SUMMARY_ID: &str = "rx-toc-summary";

/// Links to every part and section of `document`.
#[component]
pub fn TableOfContents(document: &'static Document) -> impl IntoView {
    let t = use_texts();
    let entries: Vec<_> = document
        .clauses
        .iter()
        .filter(|c| matches!(c.kind, ClauseKind::Part | ClauseKind::Section))
        .map(|c| {
            let class = if c.kind == ClauseKind::Part {
                "rx-toc__part"
            } else {
                "rx-toc__section"
            };
            let href = crate::location::href(&document.clause_route(c));
            view! {
                <li class=class>
                    <a class="rx-link" href=href>
                        {format!("{}{}", c.number, c.text)}
                    </a>
                </li>
            }
        })
        .collect();
    (!entries.is_empty()).then(|| {
        view! {
            <nav class="rx-toc" aria-label=move || t().toc_heading>
                <details class="rx-toc__details">
                    <summary class="rx-toc__summary" id=SUMMARY_ID>
                        {move || t().toc_heading}
                    </summary>
                    <ul class="rx-toc__list" lang="zh-CN">
                        {entries}
                    </ul>
                </details>
            </nav>
        }
    })
}
