//! A document's prerendered body, kept as it is when the app starts on its page
//! (`crate::takeover`): the same clauses the reader would render from the document's file,
//! without fetching that file.

use leptos::prelude::*;
use ruxue_core::Document;
use web_sys::Element;

use crate::components::copy_citation::{copy_citation, CopyOutcome};
use crate::i18n::{use_lang, Lang};
use crate::takeover::DOCUMENT_BODY_CLASS;

/// Shows the prerendered `body` of `document` (its outline: the manifest's, without texts),
/// and focuses the clause `target` (an element id) once it is in. Its 复制引用 buttons copy
/// the citation the reader's would. Its labels are Chinese, as prerendered: in English the
/// reader renders the clauses itself, `in_english` (which fetches the document's texts).
#[component]
pub fn KeptDocumentBody(
    document: &'static Document,
    body: Element,
    target: Option<String>,
    in_english: ChildrenFn,
) -> impl IntoView {
    let lang = use_lang();
    let outcome = expect_context::<RwSignal<Option<CopyOutcome>>>();
    // Once in English, the kept nodes are gone with their holder: back in Chinese the reader
    // renders the clauses itself, as for any other page.
    let rendered = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || lang.get() != Lang::Zh
    });
    let holder = NodeRef::<leptos::html::Div>::new();
    let body = send_wrapper::SendWrapper::new(body);
    holder.on_load(move |holder| {
        while let Some(child) = body.first_child() {
            let _ = holder.append_child(&child);
        }
        if let Some(id) = &target {
            crate::dom::focus_id(id);
        }
    });
    let copy = move |event: web_sys::MouseEvent| {
        let Some(button) = crate::dom::clicked(&event, ".rx-clause__actions button") else {
            return;
        };
        let clause = (button.closest(".rx-clause").ok().flatten())
            .and_then(|element| element.id().strip_prefix("clause-").map(str::to_owned))
            .and_then(|id| document.clause(&id));
        if let Some(clause) = clause {
            copy_citation(document.citation(clause), outcome);
        }
    };
    move || {
        if rendered.get() {
            in_english().into_any()
        } else {
            view! { <div class=DOCUMENT_BODY_CLASS node_ref=holder on:click=copy></div> }.into_any()
        }
    }
}
