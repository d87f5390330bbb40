//! The search filters: by kind, and for clauses by district and document, each with its count.
//! Every filter is a link to the state it sets.

use leptos::prelude::*;
use ruxue_core::search::Results;

use crate::components::search_result::kind_label_of;
use crate::data::corpus;
use crate::i18n::use_texts;
use crate::search_state::{SearchState, KIND_FILTERS};

/// The kind filter, and for clauses the district and document filters, each with counts.
#[component]
pub fn SearchFacets(results: Results, state: SearchState, clauses: bool) -> impl IntoView {
    let t = use_texts();
    let t_now = t();
    let link = move |label: String, href: String, current: bool| {
        view! {
            <li>
                <a class="rx-link" href=href aria-current=current.then_some("true")>
                    {label}
                </a>
            </li>
        }
    };
    let all = link(
        t_now.all_results.to_string(),
        SearchState {
            kind: String::new(),
            ..state.clone()
        }
        .href(),
        state.kind.is_empty(),
    );
    let kinds = KIND_FILTERS
        .iter()
        .filter_map(|(value, kinds)| {
            let n: usize = results
                .kinds
                .iter()
                .filter(|(k, _)| kinds.contains(k))
                .map(|(_, n)| n)
                .sum();
            (n > 0 || state.kind == *value).then(|| {
                let href = SearchState {
                    kind: value.to_string(),
                    ..state.clone()
                }
                .href();
                link(
                    format!("{} ({n})", kind_label_of(kinds[0], t_now)),
                    href,
                    state.kind == *value,
                )
            })
        })
        .collect_view();
    let facet = move |label: &'static str, counts: Vec<(String, usize)>, key: &'static str| {
        let selected = if key == "district" {
            &state.district
        } else {
            &state.doc
        };
        let with = |value: String| {
            let mut next = state.clone();
            match key {
                "district" => next.district = value,
                _ => next.doc = value,
            }
            next.href()
        };
        let all = link(
            t_now.all_results.to_string(),
            with(String::new()),
            selected.is_empty(),
        );
        let values = counts
            .into_iter()
            .map(|(value, n)| {
                let shown = if key == "doc" {
                    short_title(&value)
                } else {
                    value.clone()
                };
                let current = value == *selected;
                view! {
                    <li>
                        <a
                            class="rx-link"
                            href=with(value)
                            aria-current=current.then_some("true")
                            lang="zh-CN"
                        >
                            {format!("{shown} ({n})")}
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <nav class="rx-facets" aria-label=label>
                <span class="rx-facets__label">{label}</span>
                <ul class="rx-facets__list">{all} {values}</ul>
            </nav>
        }
    };
    view! {
        <nav class="rx-facets rx-facets--kinds" aria-label=t_now.filter_by_kind>
            <span class="rx-facets__label">{t_now.filter_by_kind}</span>
            <ul class="rx-facets__list">{all} {kinds}</ul>
        </nav>
        {(clauses && !results.districts.is_empty())
            .then(|| {
                view! {
                    {facet(t_now.filter_by_district, results.districts.clone(), "district")}
                    {facet(t_now.filter_by_document, results.documents.clone(), "doc")}
                }
            })}
    }
}

/// A document's title, shortened for a filter link.
fn short_title(id: &str) -> String {
    corpus().document(id).map_or_else(
        || id.to_string(),
        |d| {
            let title: String = d.meta.title.chars().take(18).collect();
            if d.meta.title.chars().count() > 18 {
                format!("{title}…")
            } else {
                title
            }
        },
    )
}
