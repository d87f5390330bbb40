//! The on-device lookup of district, cluster and schools.

use leptos::prelude::*;

use crate::components::coming_soon::ComingSoon;
use crate::i18n::use_texts;
use crate::routes::Route;

/// The page at `#/lookup`.
#[component]
pub fn LookupPage() -> impl IntoView {
    let t = use_texts();
    view! {
        <h1 class="rx-heading-xl">{move || Route::Lookup.title(t())}</h1>
        <ComingSoon>{move || t().lookup_intro}</ComingSoon>
    }
}
