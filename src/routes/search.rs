//! The search page: one search over the guide, the key dates, the policy texts, places and
//! schools, and the portal's tools. The query and filters live in the URL
//! (`#/search?q=…&kind=…&district=…&doc=…`), so a search can be shared; results follow the
//! box as the parent types. A guide statement that matches best is shown first, as the answer.

use leptos::prelude::*;
use ruxue_core::search::{HitKind, Results, Target};
use wasm_bindgen::JsCast;

use crate::components::answer_card::AnswerCard;
use crate::components::coverage_notice::CoverageNotice;
use crate::components::search_result::{kind_label_of, SearchResult};
use crate::data::{corpus, search_index};
use crate::i18n::use_texts;
use crate::location::{href_with_query, use_location};
use crate::routes::Route;

/// How many hits a page shows.
const LIMIT: usize = 20;

/// The kind filter's values in the URL, and the kinds each shows.
const KIND_FILTERS: [(&str, &[HitKind]); 4] = [
    ("statement", &[HitKind::Statement]),
    ("dates", &[HitKind::Dates]),
    ("clause", &[HitKind::Clause]),
    (
        "place",
        &[HitKind::Place, HitKind::School, HitKind::Cluster],
    ),
];

/// The page's state, read from the URL.
#[derive(Clone, PartialEq)]
struct SearchState {
    query: String,
    kind: String,
    district: String,
    doc: String,
}

impl SearchState {
    fn href(&self) -> String {
        href_with_query(
            &Route::Search.path(),
            &[
                ("q", &self.query),
                ("kind", &self.kind),
                ("district", &self.district),
                ("doc", &self.doc),
            ],
        )
    }
}

/// The page at `#/search`.
#[component]
pub fn SearchPage() -> impl IntoView {
    let t = use_texts();
    let location = use_location();
    // One memo per parameter, of the one memo type every page uses.
    let param = move |key: &'static str| {
        Memo::new(move |_| location.read().param(key).unwrap_or_default().to_string())
    };
    let (query, kind, district, doc) = (param("q"), param("kind"), param("district"), param("doc"));
    let state = move || SearchState {
        query: query.get(),
        kind: Some(kind.get())
            .filter(|kind| KIND_FILTERS.iter().any(|(k, _)| k == kind))
            .unwrap_or_default(),
        district: district.get(),
        doc: doc.get(),
    };
    let results = Memo::new(move |_| {
        let state = state();
        if state.query.trim().is_empty() {
            return None;
        }
        let kinds = KIND_FILTERS
            .iter()
            .find(|(k, _)| *k == state.kind)
            .map_or(&[][..], |(_, kinds)| *kinds);
        let request = ruxue_core::search::Query {
            text: &state.query,
            district: (!state.district.is_empty()).then_some(state.district.as_str()),
            document: (!state.doc.is_empty()).then_some(state.doc.as_str()),
            kinds,
            limit: LIMIT,
        };
        Some(search_index().search(corpus(), &request))
    });

    // Typing replaces the current history entry, so Back leaves the search instead of
    // stepping through every keystroke. The URL is the only state: results follow it.
    let show = move |text: String| {
        // An input method can end its composition as the page is removed (Back mid-word),
        // after the page's memos are disposed: then there is no page left to update.
        let (Some(kind), Some(district), Some(doc)) = (
            kind.try_get_untracked(),
            district.try_get_untracked(),
            doc.try_get_untracked(),
        ) else {
            return;
        };
        let href = SearchState {
            query: text,
            kind: Some(kind)
                .filter(|kind| KIND_FILTERS.iter().any(|(k, _)| k == kind))
                .unwrap_or_default(),
            district,
            doc,
        }
        .href();
        let _ = window().location().replace(&href);
    };
    let on_input = move |event: leptos::ev::Event| {
        // While an input method is composing (pinyin → 汉字), wait for the characters.
        if event
            .dyn_ref::<web_sys::InputEvent>()
            .is_some_and(|e| e.is_composing())
        {
            return;
        }
        show(event_target_value(&event));
    };
    let on_composition_end =
        move |event: leptos::ev::CompositionEvent| show(event_target_value(&event));
    // Down arrow from the box moves to the answer or the first result; they are ordinary links.
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "ArrowDown" {
            if let Some(link) = document()
                .query_selector(".rx-search-answer a, .rx-result__title a")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                event.prevent_default();
                let _ = link.focus();
            }
        }
    };

    view! {
        <h1 class="rx-heading-xl">{move || t().search_title}</h1>
        <form class="rx-search" role="search" on:submit=|e: leptos::ev::SubmitEvent| e.prevent_default()>
            <label class="rx-label" for="rx-search-input">{move || t().search_label}</label>
            <p class="rx-hint" id="rx-search-hint">{move || t().search_hint}</p>
            <input
                class="rx-search__input"
                id="rx-search-input"
                type="search"
                name="q"
                autocomplete="off"
                aria-describedby="rx-search-hint"
                aria-controls="rx-search-results"
                prop:value=move || query.get()
                on:input=on_input
                on:compositionend=on_composition_end
                on:keydown=on_keydown
            />
        </form>
        <div id="rx-search-results">
            // Rebuilt when the results or the UI language change: the results read their
            // strings once, which keeps each result's view small.
            {move || {
                t();
                match results.get() {
                    None => suggestions(t).into_any(),
                    Some(results) => view! { <ResultsView results=results state=untrack(state) /> }.into_any(),
                }
            }}
        </div>
    }
}

/// Everything below the box once there is a query.
#[component]
fn ResultsView(results: Results, state: SearchState) -> impl IntoView {
    let t = use_texts();
    let t_now = t();
    let corpus = corpus();
    let unfiltered = state.kind.is_empty() && state.district.is_empty() && state.doc.is_empty();
    let query = results
        .corrected
        .clone()
        .unwrap_or_else(|| state.query.clone());
    let mut hits = results.hits.clone();
    let answer = match hits.first().map(|h| h.target) {
        Some(Target::Statement(i)) if state.kind.is_empty() || state.kind == "statement" => {
            hits.remove(0);
            Some(&corpus.guidance.statements[i])
        }
        _ => None,
    };
    // The district and document filters are for clauses: they show under 政策原文, or while
    // one is set, so that on a phone the answer is not pushed below three rows of links.
    let clause_filters =
        state.kind == "clause" || !state.district.is_empty() || !state.doc.is_empty();
    view! {
        {results.corrected.clone().map(|corrected| {
            let href = SearchState { query: corrected.clone(), ..state.clone() }.href();
            view! {
                <p class="rx-notice rx-did-you-mean">
                    {t_now.did_you_mean}
                    <a class="rx-link" href=href lang="zh-CN">{corrected}</a>
                    " " {t_now.did_you_mean_shown}
                </p>
            }
        })}
        {(!results.elsewhere.is_empty()).then(|| view! { <CoverageNotice places=results.elsewhere.clone() /> })}
        <p class="rx-result-count" role="status">{(t_now.results_count)(results.total)}</p>
        {(!results.expansions.is_empty()).then(|| view! {
            <p class="rx-expansions">{t_now.also_searched} <span lang="zh-CN">{results.expansions.join("、")}</span></p>
        })}
        {results.truncated.then(|| view! { <p class="rx-notice">{t_now.query_truncated}</p> })}
        {if results.total == 0 && unfiltered {
            view! {
                <div class="rx-notice">
                    <h2 class="rx-notice__heading">{t_now.no_results}</h2>
                    <p class="rx-notice__body">{t_now.no_results_next}</p>
                </div>
                {suggestions(t)}
            }
                .into_any()
        } else {
            view! {
                {answer.map(|statement| view! { <AnswerCard statement=statement /> })}
                <Facets results=results.clone() state=state.clone() clauses=clause_filters />
                <h2 class="rx-visually-hidden">{t_now.results_heading}</h2>
                <ol class="rx-results">
                    {hits
                        .into_iter()
                        .map(|hit| view! { <SearchResult hit=hit query=query.clone() /> })
                        .collect_view()}
                </ol>
            }
                .into_any()
        }}
    }
}

/// The kind filter, and for clauses the district and document filters, each with counts.
#[component]
fn Facets(results: Results, state: SearchState, clauses: bool) -> impl IntoView {
    let t = use_texts();
    let t_now = t();
    let link = move |label: String, href: String, current: bool| {
        view! {
            <li>
                <a class="rx-link" href=href aria-current=current.then_some("true")>{label}</a>
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
                let shown = if key == "doc" { short_title(&value) } else { value.clone() };
                let current = value == *selected;
                view! {
                    <li>
                        <a class="rx-link" href=with(value) aria-current=current.then_some("true") lang="zh-CN">
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
        {(clauses && !results.districts.is_empty()).then(|| view! {
            {facet(t_now.filter_by_district, results.districts.clone(), "district")}
            {facet(t_now.filter_by_document, results.documents.clone(), "doc")}
        })}
    }
}

/// Vocabulary terms to try, and the way to the lookup page.
fn suggestions(t: impl Fn() -> &'static crate::i18n::Texts + Copy + 'static) -> impl IntoView {
    view! {
        <p class="rx-suggestions">
            {t().try_terms}
            {corpus()
                .vocabulary
                .iter()
                .take(12)
                .map(|term| {
                    let href = href_with_query(&Route::Search.path(), &[("q", &term.term)]);
                    view! { <a class="rx-link rx-suggestions__term" href=href lang="zh-CN">{term.term.clone()}</a> " " }
                })
                .collect_view()}
        </p>
        <p>{t().try_lookup} <a class="rx-link" href=Route::Lookup.href()>{t().nav_lookup}</a></p>
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
