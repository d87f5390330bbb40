//! The banner offering a new version of the portal, once its service worker has one ready.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// The start-up script (`Trunk.toml`) marks `<html data-rx-update="ready">` and sends
/// `rx-update-ready` when a new build's worker is waiting; the button sends `rx-update-apply`,
/// on which the script switches to that worker and reloads the page. The region is always in
/// the page, empty until then, so screen readers announce the message when it appears.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let t = use_texts();
    let ready = RwSignal::new(false);
    Effect::new(move |_| {
        let marked = document()
            .document_element()
            .is_some_and(|html| html.has_attribute("data-rx-update"));
        if marked {
            ready.set(true);
        }
        let listener = window_event_listener_untyped("rx-update-ready", move |_| ready.set(true));
        on_cleanup(move || listener.remove());
    });
    let apply = move |_| {
        if let Ok(event) = web_sys::Event::new("rx-update-apply") {
            let _ = window().dispatch_event(&event);
        }
    };
    view! {
        <div class="rx-update rx-width-container" role="status">
            {move || {
                ready
                    .get()
                    .then(|| {
                        view! {
                            <div class="rx-update__body">
                                <p class="rx-update__text">{move || t().update_ready}</p>
                                <button
                                    type="button"
                                    class="rx-button rx-update__button"
                                    on:click=apply
                                >
                                    {move || t().update_apply}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
