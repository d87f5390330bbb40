//! The matches as links, when none is sure enough to be the answer: the parent chooses.

use leptos::prelude::*;
use ruxue_core::lookup::{pick_path, Kind, LookupResult, Match};

use crate::components::lookup_answer::kind_label;
use crate::data::corpus;
use crate::i18n::use_texts;

/// Where a match is: its district, and for a community its 街镇 too.
pub fn place_of(m: &Match) -> String {
    let directory = &corpus().directory;
    match m.kind {
        Kind::Community => directory
            .communities
            .get(m.index)
            .map(|c| format!("{} {}", c.district, c.town))
            .unwrap_or_default(),
        _ => m.district.clone(),
    }
}

/// The link that picks the place of `kind` at `index` in the directory, as the answer.
pub fn pick_href(kind: Kind, index: usize) -> String {
    crate::location::href(&pick_path(&corpus().directory, kind, index))
}

/// The matches as links, when none is sure enough to be the answer.
#[component]
pub fn LookupChoices(result: LookupResult) -> impl IntoView {
    let t = use_texts();
    view! {
        <section class="rx-choices" aria-labelledby="rx-choices-heading">
            <h2 class="rx-choices__heading" id="rx-choices-heading">
                {move || t().lookup_choose}
            </h2>
            <ul class="rx-choices__list">
                {result
                    .matches
                    .into_iter()
                    .map(|m| {
                        let href = pick_href(m.kind, m.index);
                        let kind = m.kind;
                        view! {
                            <li>
                                <a class="rx-link" href=href lang="zh-CN">
                                    {m.name.clone()}
                                </a>
                                <span class="rx-choices__meta">
                                    {move || kind_label(kind, t())} " · "
                                    <span lang="zh-CN">{place_of(&m)}</span>
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
