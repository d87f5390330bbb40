//! One guidance statement, in the UI language, with where it applies and its sources.

use leptos::prelude::*;
use ruxue_core::model::Statement;

use crate::components::source_note::SourceNote;
use crate::i18n::{use_lang, use_texts, Lang};

/// A statement with its scope tag and a source line per source. `current` marks the statement
/// a link pointed to (`#/guide?statement=<id>`).
#[component]
pub fn StatementView(
    statement: &'static Statement,
    #[prop(optional)] current: bool,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let scope = move || {
        if statement.scope == "全市" {
            t().scope_city.to_string()
        } else {
            statement.scope.clone()
        }
    };
    view! {
        <li
            class="rx-statement"
            class:rx-statement--current=current
            id=statement_element_id(&statement.id)
            tabindex="-1"
        >
            <p class="rx-statement__text">
                <span class="rx-tag rx-statement__scope">{scope}</span>
                " "
                {move || match lang.get() {
                    Lang::Zh => view! { <span lang="zh-CN">{statement.zh.clone()}</span> }.into_any(),
                    Lang::En => view! { <span lang="en">{statement.en.clone()}</span> }.into_any(),
                }}
            </p>
            {statement.sources.iter().map(|s| view! { <SourceNote source=s.clone() /> }).collect_view()}
        </li>
    }
}

/// The id of a statement's element, which links and focus target.
pub fn statement_element_id(statement_id: &str) -> String {
    format!("statement-{statement_id}")
}
