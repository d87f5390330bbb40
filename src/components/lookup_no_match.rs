//! What the lookup says when nothing matches: so, where catchments are published, and names
//! to try.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::location::href_with_query;
use crate::routes::Route;

/// The notice, with `suggestions` as links that look each one up.
#[component]
pub fn LookupNoMatch(suggestions: Vec<String>) -> impl IntoView {
    let t = use_texts();
    let links = suggestions.into_iter().map(|s| {
        let href = href_with_query(&Route::Lookup.path(), &[("q", &s)]);
        view! {
            <a class="rx-link rx-suggestions__term" href=href lang="zh-CN">
                {s}
            </a>
            " "
        }
    });
    view! {
        <div class="rx-notice">
            <p class="rx-notice__body">{move || t().lookup_no_match}</p>
            <p class="rx-notice__body">{move || t().official_catchments}</p>
        </div>
        <p class="rx-suggestions">{move || t().lookup_try} {links.collect_view()}</p>
    }
}
