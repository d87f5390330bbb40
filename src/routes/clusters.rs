//! School districts (学区) and education groups (教育集团) per district.

use leptos::prelude::*;

use crate::components::coming_soon::ComingSoon;
use crate::i18n::use_texts;
use crate::routes::Route;

/// The page at `#/clusters`.
#[component]
pub fn ClustersPage() -> impl IntoView {
    let t = use_texts();
    view! {
        <h1 class="rx-heading-xl">{move || Route::Clusters.title(t())}</h1>
        <ComingSoon>{move || t().clusters_intro}</ComingSoon>
    }
}
