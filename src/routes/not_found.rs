//! Shown for any fragment path the portal does not know, including hostile ones.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::routes::Route;

/// The page for unknown links. It never echoes the path: a crafted link must not be able to
/// put its own words on a page that looks official.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = use_texts();
    view! {
        <h1 class="rx-heading-xl">{move || t().not_found_title}</h1>
        <p>{move || t().not_found_body}</p>
        <p>
            <a class="rx-link" href=Route::Home.href()>
                {move || t().not_found_home_link}
            </a>
        </p>
    }
}
