//! What a view says when the data files it needs cannot be fetched: what happened, what to
//! do, the technical reason, and a way to try again.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// What could not be fetched, which names the notice's heading and what it asks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Unfetched {
    /// The documents' texts, or the search index's shards (`crate::data`).
    #[default]
    Texts,
    /// A page's code (`crate::page_code`).
    PageCode,
    /// The search results' code and the places (`crate::page_code::search_results`).
    ResultsCode,
    /// The lookup's answers' code and the places (`crate::page_code::lookup_answers`).
    AnswersCode,
    /// The check's result's code (`crate::page_code::check_result`).
    CheckCode,
}

/// The notice. `page`: it stands for the page it could not show, so it is the page's `h1`;
/// otherwise (search results below the search box) an `h2`.
#[component]
pub fn TextsFailed(
    reason: String,
    network: bool,
    page: bool,
    #[prop(optional)] what: Unfetched,
    on_retry: Callback<()>,
) -> impl IntoView {
    let t = use_texts();
    let heading = move || match what {
        Unfetched::Texts => t().texts_failed_heading,
        Unfetched::PageCode => t().page_failed_heading,
        Unfetched::ResultsCode => t().results_failed_heading,
        Unfetched::AnswersCode => t().answers_failed_heading,
        Unfetched::CheckCode => t().check_failed_heading,
    };
    view! {
        <div class="rx-crash rx-crash--data" role="alert">
            {if page {
                view! { <h1 class="rx-heading-l">{heading}</h1> }.into_any()
            } else {
                view! { <h2 class="rx-heading-l">{heading}</h2> }.into_any()
            }}
            <p>
                {move || match (what, network) {
                    (Unfetched::PageCode, _) => t().page_failed_network,
                    (Unfetched::ResultsCode, _) => t().results_failed_network,
                    (Unfetched::AnswersCode, _) => t().answers_failed_network,
                    (Unfetched::CheckCode, _) => t().check_failed_network,
                    (Unfetched::Texts, true) => t().texts_failed_network,
                    (Unfetched::Texts, false) => t().texts_failed,
                }}
            </p>
            <p class="rx-crash__reason">{move || t().texts_failed_reason} {reason}</p>
            <p>
                <button
                    type="button"
                    class="rx-button rx-button--secondary"
                    on:click=move |_| on_retry.run(())
                >
                    {move || t().texts_retry}
                </button>
            </p>
        </div>
    }
}
