//! A page whose code is fetched when it opens (`crate::page_code`): until it is in, a loading
//! line; if it cannot be fetched, what happened, what to do, and a way to try again. Only in
//! a build that splits the pages' code (`--cfg ruxue_split`).

use leptos::prelude::*;

use crate::components::texts_failed::TextsFailed;
use crate::i18n::use_texts;
use crate::routes::Route;

/// Renders the page for `route` once its code is in. When the app starts on a page its code
/// is already in (`crate::start` waits for it), so the app's first render matches the
/// prerendered page.
#[component]
pub fn WithPageCode(route: Route) -> impl IntoView {
    let t = use_texts();
    let attempt = RwSignal::new(0_u32);
    let loading = RwSignal::new(true);
    let retry = Callback::new(move |()| {
        loading.set(true);
        attempt.update(|n| *n += 1);
    });
    // Not a `<Suspense>`: it would keep the page out of the document until every task
    // in it is done, so a page's own effects (the reader focusing its clause) would run
    // before the page is there. A `Suspend` alone shows the page as soon as it is built;
    // when the part is already in, at once, with the loading line gone in the same tick.
    view! {
        {move || {
            loading
                .get()
                .then(|| {
                    view! {
                        <p class="rx-texts-loading" role="status">
                            {move || t().page_loading}
                        </p>
                    }
                })
        }}
        {move || {
            attempt.track();
            let route = route.clone();
            Suspend::new(
                send_wrapper::SendWrapper::new(async move {
                    let page = match crate::page_code::load(route).await {
                        Ok(page) => page,
                        Err(error) => {
                            let network = match &error {
                                crate::page_code::PageCodeError::Code(_) => true,
                                crate::page_code::PageCodeError::Data(error) => error.is_network(),
                            };
                            // The browser's fetches are not `Send`, which a `Suspend` asks for: the wasm has
                            // one thread, so the future never leaves it.
                            view! {
                                <TextsFailed
                                    reason=error.to_string()
                                    network
                                    page=true
                                    code=true
                                    on_retry=retry
                                />
                            }
                                .into_any()
                        }
                    };
                    loading.set(false);
                    page
                }),
            )
        }}
    }
}
