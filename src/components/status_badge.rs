//! The badge that marks a document's status; drafts and superseded documents must stand out.

use leptos::prelude::*;
use ruxue_core::Status;

use crate::i18n::use_texts;

/// Nothing for a document in force; a visible badge for a draft or a superseded document.
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let t = use_texts();
    let (class, label): (&str, fn(&crate::i18n::Texts) -> &'static str) = match status {
        Status::Official => return None,
        Status::DraftForComment => ("rx-badge rx-badge--draft", |t| t.status_draft),
        Status::Superseded => ("rx-badge rx-badge--superseded", |t| t.status_superseded),
    };
    Some(view! { <strong class=class>{move || label(t())}</strong> })
}

/// The status in words, for metadata lists.
pub fn status_label(status: Status, t: &crate::i18n::Texts) -> &'static str {
    match status {
        Status::Official => t.status_official,
        Status::DraftForComment => t.status_draft,
        Status::Superseded => t.status_superseded,
    }
}
