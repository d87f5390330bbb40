//! The answer above the search results: the guide statement that best matches the query, in
//! the UI language, with its sources, the way a public-service search puts the answer first.

use leptos::prelude::*;
use ruxue_core::model::Statement;

use crate::components::source_note::SourceNote;
use crate::i18n::{stage_name, use_lang, use_texts, Lang};

/// A statement shown as the answer to a search. Its strings are read once: the results are
/// rebuilt when the UI language changes.
#[component]
pub fn AnswerCard(statement: &'static Statement) -> impl IntoView {
    let t = use_texts()();
    let lang = use_lang().get_untracked();
    let scope = if statement.scope == "全市" {
        t.scope_city
    } else {
        &statement.scope
    };
    let (text, text_lang) = match lang {
        Lang::Zh => (&statement.zh, "zh-CN"),
        Lang::En => (&statement.en, "en"),
    };
    view! {
        <section class="rx-search-answer" aria-labelledby="rx-search-answer-heading">
            <h2 class="rx-search-answer__heading" id="rx-search-answer-heading">
                {t.answer_heading}
            </h2>
            <p class="rx-search-answer__about">
                <span class="rx-tag">{scope.to_string()}</span>
                " "
                {stage_name(&statement.stage, lang).to_string()}
            </p>
            <p class="rx-search-answer__text" lang=text_lang>
                {text.clone()}
            </p>
            {statement
                .sources
                .iter()
                .map(|s| view! { <SourceNote source=s.clone() /> })
                .collect_view()}
            <p class="rx-search-answer__more">
                <a
                    class="rx-link"
                    href=crate::location::href_with_query("/guide", &[("statement", &statement.id)])
                >
                    {t.answer_in_guide}
                </a>
            </p>
        </section>
    }
}
