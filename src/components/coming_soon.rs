//! An honest notice for a section that is not built yet. No placeholder content is shown.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// States that the section is being built and what it will hold (`children`).
#[component]
pub fn ComingSoon(children: Children) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="rx-notice" role="note">
            <h2 class="rx-notice__heading">{move || t().coming_soon_heading}</h2>
            <p class="rx-notice__body">{children()}</p>
        </div>
    }
}
