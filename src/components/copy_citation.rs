//! The "copy citation" button, and the status line that reports what it copied.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// What the last copy did, shown (and announced) by [`CopyStatus`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CopyOutcome {
    Copied(String),
    /// The browser refused (no clipboard access, e.g. a page not served over HTTPS): the
    /// citation is shown so it can be copied by hand.
    Failed(String),
}

/// Provides the shared outcome signal; call once per page that has copy buttons.
pub fn provide_copy_status() -> RwSignal<Option<CopyOutcome>> {
    let outcome = RwSignal::new(None);
    provide_context(outcome);
    outcome
}

/// A button that copies `citation` to the clipboard.
#[component]
pub fn CopyCitation(citation: String) -> impl IntoView {
    let t = use_texts();
    let outcome = expect_context::<RwSignal<Option<CopyOutcome>>>();
    let copy = move |_| copy_citation(citation.clone(), outcome);
    view! {
        <button type="button" class="rx-button rx-button--secondary" on:click=copy>
            {move || t().copy_citation}
        </button>
    }
}

/// Copies `citation` to the clipboard and reports how that went in `outcome` ([`CopyStatus`]).
pub fn copy_citation(citation: String, outcome: RwSignal<Option<CopyOutcome>>) {
    leptos::task::spawn_local(async move {
        let copied = crate::dom::write_clipboard(&citation).await;
        outcome.set(Some(if copied {
            CopyOutcome::Copied(citation)
        } else {
            CopyOutcome::Failed(citation)
        }));
    });
}

/// A status line, always present so screen readers announce each change.
#[component]
pub fn CopyStatus() -> impl IntoView {
    let t = use_texts();
    let outcome = expect_context::<RwSignal<Option<CopyOutcome>>>();
    view! {
        <div class="rx-copy-status" role="status" class:rx-copy-status--visible=move || outcome.read().is_some()>
            {move || match outcome.get() {
                Some(CopyOutcome::Copied(citation)) => {
                    view! { {t().citation_copied} <span lang="zh-CN">{citation}</span> }.into_any()
                }
                Some(CopyOutcome::Failed(citation)) => {
                    view! {
                        {t().copy_failed}
                        <span class="rx-copy-status__manual" lang="zh-CN">{citation}</span>
                    }
                        .into_any()
                }
                None => ().into_any(),
            }}
        </div>
    }
}
