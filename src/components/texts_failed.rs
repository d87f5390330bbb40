//! What a view says when the data files it needs cannot be fetched: what happened, what to
//! do, the technical reason, and a way to try again.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// The notice. `page`: it stands for the page it could not show, so it is the page's `h1`;
/// otherwise (search results below the search box) an `h2`. `code`: what could not be
/// fetched is the code (`crate::page_code`) of the page or, with `page` false, of the search
/// results, not the texts.
#[component]
pub fn TextsFailed(
    reason: String,
    network: bool,
    page: bool,
    #[prop(optional)] code: bool,
    on_retry: Callback<()>,
) -> impl IntoView {
    let t = use_texts();
    // Code that is not a page's is the search results' (`crate::page_code::search_results`).
    let heading = move || match (code, page) {
        (true, true) => t().page_failed_heading,
        (true, false) => t().results_failed_heading,
        (false, _) => t().texts_failed_heading,
    };
    view! {
        <div class="rx-crash rx-crash--data" role="alert">
            {if page {
                view! { <h1 class="rx-heading-l">{heading}</h1> }.into_any()
            } else {
                view! { <h2 class="rx-heading-l">{heading}</h2> }.into_any()
            }}
            <p>
                {move || match (code, page, network) {
                    (true, true, _) => t().page_failed_network,
                    (true, false, _) => t().results_failed_network,
                    (false, _, true) => t().texts_failed_network,
                    (false, _, false) => t().texts_failed,
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
