//! Enrolment guidance by stage.

use leptos::prelude::*;

use crate::components::coming_soon::ComingSoon;
use crate::i18n::use_texts;
use crate::routes::Route;

/// The page at `#/guide`.
#[component]
pub fn GuidePage() -> impl IntoView {
    let t = use_texts();
    view! {
        <h1 class="rx-heading-xl">{move || Route::Guide.title(t())}</h1>
        <ComingSoon>{move || t().guide_intro}</ComingSoon>
    }
}
