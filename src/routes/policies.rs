//! The policy library: the published documents, clause by clause.

use leptos::prelude::*;

use crate::components::coming_soon::ComingSoon;
use crate::i18n::use_texts;
use crate::routes::Route;

/// The page at `#/policies`.
#[component]
pub fn PoliciesPage() -> impl IntoView {
    let t = use_texts();
    view! {
        <h1 class="rx-heading-xl">{move || Route::Policies.title(t())}</h1>
        <ComingSoon>{move || t().policies_intro}</ComingSoon>
    }
}
