//! What to try when there is no query or nothing was found: vocabulary terms, and the lookup.

use leptos::prelude::*;

use crate::data::corpus;
use crate::i18n::use_texts;
use crate::location::href_with_query;
use crate::routes::Route;

/// Vocabulary terms to try, and the way to the lookup page.
#[component]
pub fn SearchSuggestions() -> impl IntoView {
    let t = use_texts();
    view! {
        <p class="rx-suggestions">
            {t().try_terms}
            {corpus()
                .vocabulary
                .iter()
                .take(12)
                .map(|term| {
                    let href = href_with_query(&Route::Search.path(), &[("q", &term.term)]);
                    view! {
                        <a class="rx-link rx-suggestions__term" href=href lang="zh-CN">
                            {term.term.clone()}
                        </a>
                        " "
                    }
                })
                .collect_view()}
        </p>
        <p>
            {t().try_lookup} <a class="rx-link" href=Route::Lookup.href()>
                {t().nav_lookup}
            </a>
        </p>
    }
}
