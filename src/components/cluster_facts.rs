//! What the documents say about a district's clusters, quoted word for word with the item
//! that says it.

use leptos::prelude::*;
use ruxue_core::model::ClusterFact;

use crate::components::source_note::SourceNote;

/// One list item per fact: its topic, the quote, the source.
#[component]
pub fn ClusterFacts(facts: Vec<&'static ClusterFact>) -> impl IntoView {
    let items = facts.into_iter().map(|f| {
        view! {
            <li>
                <strong>{f.topic.clone()}</strong>
                "：“"
                {f.quote.clone()}
                "”"
                <SourceNote source=f.source.clone() />
            </li>
        }
    });
    view! {
        <ul class="rx-answer__list" lang="zh-CN">
            {items.collect_view()}
        </ul>
    }
}
