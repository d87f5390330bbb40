//! 各区指标 (`targets/?district=&year=&area=`): the documents' quantified commitments,
//! filterable, with comparisons (`crate::components::targets_view`). Opened with no filter
//! (how most parents arrive), the app keeps the prerendered content as it is, and fetches the
//! targets' file and the code that renders them only when the parent filters or changes
//! language: the page's first load stays within the budget (`tests/e2e/size.test.mjs`).

use leptos::prelude::*;

use crate::i18n::{use_lang, use_texts, Lang};
use crate::location::use_param;
use crate::takeover::{DOCUMENT_BODY_CLASS, KEPT_TARGETS};

/// The page at `targets/`.
#[component]
pub fn TargetsPage() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let kept = crate::takeover::take_document_body(KEPT_TARGETS);
    let filters = ["district", "year", "area"].map(use_param);
    // Once rendered (a filter, English), always: the kept nodes leave with their holder.
    let rendered = {
        let kept = kept.is_some();
        Memo::new(move |was: Option<&bool>| {
            was.copied().unwrap_or(false)
                || !kept
                || lang.get() != Lang::Zh
                || filters.iter().any(|f| !f.read().is_empty())
        })
    };
    let holder = NodeRef::<leptos::html::Div>::new();
    let kept = send_wrapper::SendWrapper::new(kept);
    holder.on_load(move |holder| {
        if let Some(kept) = kept.as_ref() {
            while let Some(child) = kept.first_child() {
                let _ = holder.append_child(&child);
            }
        }
    });
    move || {
        if rendered.get() {
            crate::page_code::targets_view()
        } else {
            view! {
                <h1 class="rx-heading-xl">{move || t().targets_title}</h1>
                <div class=DOCUMENT_BODY_CLASS node_ref=holder></div>
            }
            .into_any()
        }
    }
}
