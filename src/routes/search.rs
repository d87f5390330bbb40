//! The search page: one search over the guide, the key dates, the policy texts, places and
//! schools, and the portal's tools. The query and filters live in the URL
//! (`#/search?q=…&kind=…&district=…&doc=…`, see [`crate::search_state`]), so a search can be
//! shared; results follow the box as the parent types, once an input method has composed its
//! characters. A guide statement that matches best is shown first, as the answer.
//!
//! The index comes as the build wrote it, in shards: a query the shards in so far cannot
//! answer shows a loading line while its shards, then the documents of the clauses it shows,
//! are fetched (`crate::data::search`), and if they cannot be, says so with a way to try again.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::search_results::SearchResults;
use crate::components::search_suggestions::SearchSuggestions;
use crate::components::texts_failed::TextsFailed;
use crate::i18n::use_texts;
use crate::location::use_param;
use crate::routes::Route;
use crate::search_state::{kinds_of, known_kind, SearchState, LIMIT};
use ruxue_core::search::engine::Missing;

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
    // Bumped each time the files a search asked for are in, so that it runs again.
    let files_in = RwSignal::new(0u32);
    // Bumped by "try again".
    let attempt = RwSignal::new(0u32);
    // What could not be fetched, why, and whether it was the network.
    let failure = RwSignal::new(None::<(Missing, String, bool)>);
    let results = Memo::new(move |_| {
        files_in.track();
        let state = state();
        if state.query.trim().is_empty() {
            return None;
        }
        let request = ruxue_core::search::Query {
            text: &state.query,
            district: (!state.district.is_empty()).then_some(state.district.as_str()),
            document: (!state.doc.is_empty()).then_some(state.doc.as_str()),
            kinds: kinds_of(&state.kind),
            limit: LIMIT,
        };
        Some(crate::data::search(&request))
    });
    // Fetching what a search needs is the page's one exchange with the outside world.
    Effect::new(move |_| {
        attempt.track();
        #[cfg(target_arch = "wasm32")]
        if let Some(Err(needs)) = results.get() {
            leptos::task::spawn_local(async move {
                // The page may have been left meanwhile.
                match crate::data::load_for_search(&needs).await {
                    Ok(()) => {
                        let _ = files_in.try_update(|n| *n += 1);
                    }
                    Err(error) => {
                        let failed = (needs, error.to_string(), error.is_network());
                        let _ = failure.try_set(Some(failed));
                    }
                }
            });
        }
    });
    let retry = Callback::new(move |()| {
        failure.set(None);
        attempt.update(|n| *n += 1);
    });

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
            // Rebuilt when the results or the UI language change: the results read their
            // strings once, which keeps each result's view small.
            {move || {
                t();
                match (results.get(), failure.get()) {
                    (None, _) => view! { <SearchSuggestions /> }.into_any(),
                    (Some(Ok(results)), _) => {
                        view! { <SearchResults results=results state=untrack(state) /> }.into_any()
                    }
                    (Some(Err(needs)), Some((failed, reason, network))) if needs == failed => {
                        view! { <TextsFailed reason network page=false on_retry=retry /> }
                            .into_any()
                    }
                    (Some(Err(_)), _) => {
                        view! {
                            <p class="rx-texts-loading" role="status">
                                {move || t().search_loading}
                            </p>
                        }
                            .into_any()
                    }
                }
            }}
        </div>
    }
}
