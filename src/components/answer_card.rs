//! The answer above the search results: the guide statement that best matches the query, in
//! the UI language, with its sources, the way a public-service search puts the answer first.

use leptos::prelude::*;
use ruxue_core::guidance::Statement;

use crate::components::source_note::SourceNote;
use crate::i18n::{stage_name, use_lang, use_texts, Lang};

/// A statement shown as the answer to a search.
#[component]
pub fn AnswerCard(statement: &'static Statement) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let scope = move || {
        if statement.scope == "全市" {
            t().scope_city.to_string()
        } else {
            statement.scope.clone()
        }
    };
    let text = move || match lang.get() {
        Lang::Zh => view! { <span lang="zh-CN">{statement.zh.clone()}</span> }.into_any(),
        Lang::En => view! { <span lang="en">{statement.en.clone()}</span> }.into_any(),
    };
    view! {
        <section class="rx-search-answer" aria-labelledby="rx-search-answer-heading">
            <h2 class="rx-search-answer__heading" id="rx-search-answer-heading">{move || t().answer_heading}</h2>
            <p class="rx-search-answer__about">
                <span class="rx-tag">{scope}</span>
                " "
                {move || stage_name(&statement.stage, lang.get()).to_string()}
            </p>
            <p class="rx-search-answer__text">{text}</p>
            {statement.sources.iter().map(|s| view! { <SourceNote source=s.clone() /> }).collect_view()}
            <p class="rx-search-answer__more">
                <a class="rx-link" href=format!("#/guide?statement={}", statement.id)>
                    {move || t().answer_in_guide}
                </a>
            </p>
        </section>
    }
}
