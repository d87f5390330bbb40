//! The search box in the header of every page.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::location::{href_with_query, navigate};
use crate::routes::Route;

/// A `role="search"` form that opens the results page for what was typed. Its `action` is the
/// results page, so it also works when submitted before the app has started.
#[component]
pub fn SearchBox() -> impl IntoView {
    let t = use_texts();
    let input = NodeRef::<leptos::html::Input>::new();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let query = input.get().map(|i| i.value()).unwrap_or_default();
        navigate(&href_with_query(
            &Route::Search.path(),
            &[("q", query.trim())],
        ));
    };
    view! {
        <form class="rx-search-box" role="search" action=Route::Search.href() on:submit=submit>
            <label class="rx-visually-hidden" for="rx-search-box-input">
                {move || t().search_label}
            </label>
            <input
                class="rx-search-box__input"
                id="rx-search-box-input"
                type="search"
                name="q"
                node_ref=input
                autocomplete="off"
            />
            <button class="rx-search-box__button" type="submit">
                {move || t().search_button}
            </button>
        </form>
    }
}
