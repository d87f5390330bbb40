//! The footer on every page: where the content comes from and the list of sources, when the
//! data was last checked, where to report a problem (once the deploying bureau has set an
//! address), and that official notices prevail.

use leptos::prelude::*;

use crate::components::last_checked::LastChecked;
use crate::components::report_link::ReportLink;
use crate::i18n::use_texts;
use crate::routes::Route;

/// The site footer.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let t = use_texts();
    view! {
        <footer class="rx-footer">
            <div class="rx-width-container">
                <p class="rx-footer__text">
                    {move || t().footer_sources} " " <a class="rx-link" href=Route::Sources.href()>
                        {move || t().sources_title}
                    </a>
                </p>
                <p class="rx-footer__text">
                    <LastChecked />
                </p>
                <p class="rx-footer__text">
                    <ReportLink />
                </p>
                <p class="rx-footer__text rx-footer__text--strong">
                    {move || t().footer_official_prevails}
                </p>
                <p class="rx-footer__text">
                    <a class="rx-link" href=Route::Embed.href()>
                        {move || t().embed_link}
                    </a>
                </p>
                <Show when=move || !t().footer_language_note.is_empty()>
                    <p class="rx-footer__text">{move || t().footer_language_note}</p>
                </Show>
            </div>
        </footer>
    }
}
