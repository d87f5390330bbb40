//! One snippet a school pastes into its site: labelled, selectable, with a copy button whose
//! outcome the page's [`CopyStatus`](crate::components::copy_citation::CopyStatus) reports.

use leptos::prelude::*;

use crate::components::copy_citation::CopyOutcome;
use crate::i18n::{use_texts, Texts};

/// The snippet `code`, in a read-only text area `id` headed by `label`.
#[component]
pub fn EmbedSnippet(
    id: &'static str,
    label: fn(&Texts) -> &'static str,
    rows: u32,
    #[prop(into)] code: Signal<String>,
) -> impl IntoView {
    let t = use_texts();
    let outcome = expect_context::<RwSignal<Option<CopyOutcome>>>();
    let copy = move |_| {
        let text = code.get_untracked();
        leptos::task::spawn_local(async move {
            let copied = crate::dom::write_clipboard(&text).await;
            outcome.set(Some(if copied {
                CopyOutcome::Copied(t().embed_copied.to_string())
            } else {
                CopyOutcome::Failed(text)
            }));
        });
    };
    view! {
        <h2>
            <label for=id>{move || label(t())}</label>
        </h2>
        <textarea class="rx-code" id=id readonly rows=rows prop:value=code></textarea>
        <p>
            <button type="button" class="rx-button rx-button--secondary" on:click=copy>
                {move || t().embed_copy}
            </button>
        </p>
    }
}
