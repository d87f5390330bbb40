//! The search page: one search over the guide, the key dates, the policy texts, places and
//! schools, and the portal's tools. The query and filters live in the URL
//! (`#/search?q=…&kind=…&district=…&doc=…`, see [`crate::search_state`]), so a search can be
//! shared; results follow the box as the parent types, once an input method has composed its
//! characters. A guide statement that matches best is shown first, as the answer.
//!
//! The results, and the engine behind them, come with the first query
//! (`components::search_results_region`); the index comes as the build wrote it, in shards,
//! fetched as queries need them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::search_suggestions::SearchSuggestions;
use crate::i18n::use_texts;
use crate::location::use_param;
use crate::routes::Route;
use crate::search_state::{known_kind, SearchState};

/// The page at `#/search`.
#[component]
pub fn SearchPage() -> impl IntoView {
    let t = use_texts();
    let (query, kind, district, doc) = (
        use_param("q"),
        use_param("kind"),
        use_param("district"),
        use_param("doc"),
    );
    let state = move || SearchState {
        query: query.get(),
        kind: known_kind(kind.get()),
        district: district.get(),
        doc: doc.get(),
    };
    let state = Signal::derive(state);
    // The results' code comes with the first query; an empty box shows suggestions.
    let has_query = Memo::new(move |_| !query.get().trim().is_empty());

    // Typing replaces the current history entry, so Back leaves the search instead of
    // stepping through every keystroke. The URL is the only state: results follow it.
    let show = move |text: String| {
        // An input method can end its composition as the page is removed (Back mid-word),
        // after the page's memos are disposed: then there is no page left to update.
        let (Some(kind), Some(district), Some(doc)) = (
            kind.try_get_untracked(),
            district.try_get_untracked(),
            doc.try_get_untracked(),
        ) else {
            return;
        };
        let href = SearchState {
            query: text,
            kind: known_kind(kind),
            district,
            doc,
        }
        .href();
        crate::location::replace(&href);
    };
    let on_input = move |event: leptos::ev::Event| {
        // While an input method is composing (pinyin → 汉字), wait for the characters.
        if event
            .dyn_ref::<web_sys::InputEvent>()
            .is_some_and(|e| e.is_composing())
        {
            return;
        }
        show(event_target_value(&event));
    };
    let on_composition_end =
        move |event: leptos::ev::CompositionEvent| show(event_target_value(&event));
    // Down arrow from the box moves to the answer or the first result; they are ordinary links.
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "ArrowDown"
            && crate::dom::focus_first(".rx-search-answer a, .rx-result__title a")
        {
            event.prevent_default();
        }
    };

    view! {
        <h1 class="rx-heading-xl">{move || t().search_title}</h1>
        <form
            class="rx-search"
            role="search"
            action=Route::Search.href()
            on:submit=|e: leptos::ev::SubmitEvent| e.prevent_default()
        >
            <label class="rx-label" for="rx-search-input">
                {move || t().search_label}
            </label>
            <p class="rx-hint" id="rx-search-hint">
                {move || t().search_hint}
            </p>
            <input
                class="rx-search__input"
                id="rx-search-input"
                type="search"
                name="q"
                autocomplete="off"
                aria-describedby="rx-search-hint"
                aria-controls="rx-search-results"
                prop:value=move || query.get()
                on:input=on_input
                on:compositionend=on_composition_end
                on:keydown=on_keydown
            />
        </form>
        <div id="rx-search-results">
            {move || {
                if has_query.get() {
                    crate::page_code::search_results(state)
                } else {
                    view! { <SearchSuggestions /> }.into_any()
                }
            }}
        </div>
    }
}
