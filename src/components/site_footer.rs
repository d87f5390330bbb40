//! The footer on every page: where the content comes from, and that official notices prevail.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// The site footer.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let t = use_texts();
    view! {
        <footer class="rx-footer">
            <div class="rx-width-container">
                <p class="rx-footer__text">{move || t().footer_sources}</p>
                <p class="rx-footer__text rx-footer__text--strong">{move || t().footer_official_prevails}</p>
                <p class="rx-footer__text">
                    <a class="rx-link" href=crate::routes::Route::Embed.href()>{move || t().embed_link}</a>
                </p>
                <Show when=move || !t().footer_language_note.is_empty()>
                    <p class="rx-footer__text">{move || t().footer_language_note}</p>
                </Show>
            </div>
        </footer>
    }
}
