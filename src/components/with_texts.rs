//! A view that shows a document's texts, once they are in (`crate::data`): the reader and the
//! widget's clause. Until then a loading line, and if they cannot be fetched, what happened,
//! what to do, and a way to try again.

use leptos::prelude::*;

use crate::components::texts_failed::TextsFailed;
use crate::data::{has_texts, Needed};
use crate::i18n::use_texts;

#[derive(Debug, Clone, PartialEq)]
// Natively (the prerender) every text is in from the start.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum State {
    Ready,
    Loading,
    Failed { reason: String, network: bool },
}

/// Renders `children` once the texts `needed` are in, fetching them if they are not. When
/// the app starts on such a page the texts are already in (`crate::start` waits for them),
/// so the app's first render matches the prerendered page.
#[component]
pub fn WithTexts(needed: Needed, children: ChildrenFn) -> impl IntoView {
    let t = use_texts();
    let state = RwSignal::new(if has_texts(&needed) {
        State::Ready
    } else {
        State::Loading
    });
    let fetch = move || {
        #[cfg(target_arch = "wasm32")]
        {
            let needed = needed.clone();
            leptos::task::spawn_local(async move {
                let next = match crate::data::load_texts(&needed).await {
                    Ok(()) => State::Ready,
                    Err(error) => State::Failed {
                        reason: error.to_string(),
                        network: error.is_network(),
                    },
                };
                // The page may have been left meanwhile.
                let _ = state.try_set(next);
            });
        }
    };
    if state.get_untracked() == State::Loading {
        fetch();
    }
    let fetch = StoredValue::new(fetch);
    let retry = move |()| {
        state.set(State::Loading);
        fetch.with_value(|fetch| fetch());
    };
    move || match state.get() {
        State::Ready => children().into_any(),
        State::Loading => view! {
            <p class="rx-texts-loading" role="status">
                {move || t().texts_loading}
            </p>
        }
        .into_any(),
        State::Failed { reason, network } => {
            view! { <TextsFailed reason network page=true on_retry=Callback::new(retry) /> }
                .into_any()
        }
    }
}
