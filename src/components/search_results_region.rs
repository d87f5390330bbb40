//! The search page's results for the query in its URL (`crate::search_state`): the answer
//! and the hits, a loading line while the index shards and the texts the hits show are
//! fetched (`crate::data::search`), and, if they cannot be, what happened with a way to try
//! again. A part of the wasm of its own, fetched with the first query
//! (`crate::page_code::search_results`): the engine is most of the search page's code.

use leptos::prelude::*;
use ruxue_core::search::engine::Missing;

use crate::components::search_results::SearchResults;
use crate::components::texts_failed::TextsFailed;
use crate::i18n::use_texts;
use crate::search_state::{kinds_of, SearchState, LIMIT};

/// The results of `state`'s query, which is not empty.
#[component]
pub fn SearchResultsRegion(state: Signal<SearchState>) -> impl IntoView {
    let t = use_texts();
    // Bumped each time the files a search asked for are in, so that it runs again.
    let files_in = RwSignal::new(0u32);
    // Bumped by "try again".
    let attempt = RwSignal::new(0u32);
    // What could not be fetched, why, and whether it was the network.
    let failure = RwSignal::new(None::<(Missing, String, bool)>);
    let results = Memo::new(move |_| {
        files_in.track();
        let state = state.get();
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
    // Fetching what a search needs is the results' one exchange with the outside world.
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

    // Rebuilt when the results or the UI language change: the results read their strings
    // once, which keeps each result's view small.
    move || {
        t();
        match (results.get(), failure.get()) {
            (None, _) => ().into_any(),
            (Some(Ok(results)), _) => {
                view! { <SearchResults results=results state=state.get_untracked() /> }.into_any()
            }
            (Some(Err(needs)), Some((failed, reason, network))) if needs == failed => {
                view! { <TextsFailed reason network page=false on_retry=retry /> }.into_any()
            }
            (Some(Err(_)), _) => view! {
                <p class="rx-texts-loading" role="status">
                    {move || t().search_loading}
                </p>
            }
            .into_any(),
        }
    }
}
