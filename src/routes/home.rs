//! The home page: what the portal offers, one link per section, the guided check first
//! because it answers the question most parents arrive with.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::routes::Route;

/// The landing page.
#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_texts();
    let card = move |route: Route, summary: fn(&crate::i18n::Texts) -> &'static str| {
        let href = route.href();
        view! {
            <li class="rx-card">
                <h2 class="rx-card__title">
                    <a class="rx-link" href=href>
                        {move || route.title(t())}
                    </a>
                </h2>
                <p class="rx-card__body">{move || summary(t())}</p>
            </li>
        }
    };
    view! {
        <h1 class="rx-heading-xl">{move || t().home_title}</h1>
        <p class="rx-lead">{move || t().home_intro}</p>
        <ul class="rx-card-list">
            {card(Route::GuideCheck, |t| t.home_check_summary)}
            {card(Route::Policies, |t| t.home_policies_summary)}
            {card(Route::Guide, |t| t.home_guide_summary)}
            {card(Route::Clusters, |t| t.home_clusters_summary)}
            {card(Route::Lookup, |t| t.home_lookup_summary)}
        </ul>
    }
}
