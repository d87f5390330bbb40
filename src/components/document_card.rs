//! One document in the policy list.

use leptos::prelude::*;
use ruxue_core::Document;

use crate::components::status_badge::StatusBadge;
use crate::i18n::use_texts;
use crate::routes::Route;

/// Title (linking to the reader), status badge, district, type, number and date.
#[component]
pub fn DocumentCard(document: &'static Document) -> impl IntoView {
    let t = use_texts();
    let meta = &document.meta;
    let href = Route::Document {
        id: meta.id.clone(),
        clause: None,
    }
    .href();
    let facts: Vec<String> = [
        Some(meta.district.clone()),
        Some(meta.kind.clone()),
        meta.doc_number.clone(),
        meta.date_issued.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    view! {
        <li class="rx-document-card">
            <h2 class="rx-document-card__title">
                <a class="rx-link" href=href lang="zh-CN">
                    {meta.title.clone()}
                </a>
            </h2>
            <StatusBadge status=meta.status />
            <p class="rx-document-card__facts" lang="zh-CN">
                {facts.join(" · ")}
            </p>
            <Show when=move || meta.date_issued.is_none()>
                <p class="rx-document-card__facts">
                    {move || t().label_date} ": " {move || t().not_stated}
                </p>
            </Show>
        </li>
    }
}
