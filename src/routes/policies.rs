//! The policy library: every bundled document, filterable by district, year, type and status.
//! The filters live in the URL (`#/policies?district=…&year=…`), so a filtered list can be shared.

use leptos::prelude::*;
use ruxue_core::Document;

use crate::components::document_card::DocumentCard;
use crate::components::filter_select::FilterSelect;
use crate::components::status_badge::status_label;
use crate::data::corpus;
use crate::i18n::{use_texts, Texts};
use crate::location::{href_with_query, navigate, use_param};
use crate::routes::Route;

/// Picks one UI string.
type Label = fn(&Texts) -> &'static str;

/// The filters, in the order they are shown: the URL key and the label.
const FILTERS: [(&str, Label); 4] = [
    ("district", |t| t.filter_district),
    ("year", |t| t.filter_year),
    ("kind", |t| t.filter_kind),
    ("status", |t| t.filter_status),
];

fn value_of(document: &Document, key: &str) -> Option<String> {
    match key {
        "district" => Some(document.meta.district.clone()),
        "year" => document.year().map(|y| y.to_string()),
        "kind" => Some(document.meta.kind.clone()),
        "status" => Some(document.meta.status.label_zh().to_string()),
        _ => None,
    }
}

/// The values of filter `key` found in the documents, newest year first, each with its label
/// in the UI language.
fn filter_options(key: &str, t: &Texts) -> Vec<(String, String)> {
    let mut values: Vec<String> = corpus()
        .documents
        .iter()
        .filter_map(|d| value_of(d, key))
        .collect();
    values.sort();
    values.dedup();
    if key == "year" {
        values.reverse();
    }
    values
        .into_iter()
        .map(|value| {
            let shown = if key == "status" {
                status_text(&value, t)
            } else {
                value.clone()
            };
            (value, shown)
        })
        .collect()
}

/// The page at `#/policies`.
#[component]
pub fn PoliciesPage() -> impl IntoView {
    let t = use_texts();
    let filters = FILTERS.map(|(key, _)| use_param(key));
    let selected = move |key: &str| {
        FILTERS
            .iter()
            .position(|(k, _)| *k == key)
            .map(|i| filters[i].get())
            .unwrap_or_default()
    };
    let matching = Memo::new(move |_| {
        corpus()
            .documents
            .iter()
            .filter(|d| {
                FILTERS.iter().all(|(key, _)| {
                    let wanted = selected(key);
                    wanted.is_empty() || value_of(d, key).as_deref() == Some(wanted.as_str())
                })
            })
            .map(|d| d.meta.id.clone())
            .collect::<Vec<_>>()
    });
    let any_filter = move || FILTERS.iter().any(|(key, _)| !selected(key).is_empty());

    let selects: Vec<NodeRef<leptos::html::Select>> =
        FILTERS.iter().map(|_| NodeRef::new()).collect();
    let apply = {
        let selects = selects.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let values: Vec<String> = selects
                .iter()
                .map(|s| s.get().map(|s| s.value()).unwrap_or_default())
                .collect();
            let params: Vec<(&str, &str)> = FILTERS
                .iter()
                .zip(&values)
                .map(|((key, _), v)| (*key, v.as_str()))
                .collect();
            navigate(&href_with_query(&Route::Policies.path(), &params));
        }
    };

    view! {
        <h1 class="rx-heading-xl">{move || t().nav_policies}</h1>
        <p class="rx-lead">{move || t().policies_intro}</p>
        <p class="rx-policies__targets">
            <a class="rx-link" href=Route::Targets.href()>
                {move || t().targets_link}
            </a>
        </p>
        <form class="rx-filters" action=Route::Policies.href() on:submit=apply>
            <h2 class="rx-filters__heading">{move || t().filter_heading}</h2>
            <div class="rx-filters__fields">
                {FILTERS
                    .iter()
                    .zip(selects)
                    .map(|(&(name, label), node_ref)| {
                        let selected = Signal::derive(move || selected(name));
                        let options = filter_options(name, t());
                        view! { <FilterSelect name label options selected node_ref /> }
                    })
                    .collect_view()}
            </div>
            <button type="submit" class="rx-button">
                {move || t().filter_apply}
            </button>
            <Show when=any_filter>
                <a class="rx-link rx-filters__clear" href=Route::Policies.href()>
                    {move || t().filter_clear}
                </a>
            </Show>
        </form>
        <p class="rx-result-count" role="status">
            {move || (t().documents_count)(matching.read().len())}
        </p>
        <Show
            when=move || !matching.read().is_empty()
            fallback=move || view! { <p class="rx-notice">{move || t().no_documents_match}</p> }
        >
            <ul class="rx-document-list">
                {move || {
                    matching
                        .get()
                        .into_iter()
                        .filter_map(|id| corpus().document(&id))
                        .map(|document| view! { <DocumentCard document=document /> })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}

/// Status options are stored in Chinese (as printed); the English UI translates the label.
fn status_text(value: &str, t: &Texts) -> String {
    [
        ruxue_core::Status::Official,
        ruxue_core::Status::DraftForComment,
        ruxue_core::Status::Superseded,
    ]
    .into_iter()
    .find(|s| s.label_zh() == value)
    .map_or_else(|| value.to_string(), |s| status_label(s, t).to_string())
}
