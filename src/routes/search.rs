//! The search page. The query and filters live in the URL (`#/search?q=…&district=…&doc=…`),
//! so a search can be shared; results follow the box as the parent types.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::search_result::SearchResult;
use crate::data::{corpus, search_index};
use crate::i18n::use_texts;
use crate::location::{href_with_query, use_location};
use crate::routes::Route;

/// How many hits a page shows.
const LIMIT: usize = 20;

/// The page at `#/search`.
#[component]
pub fn SearchPage() -> impl IntoView {
    let t = use_texts();
    let location = use_location();
    let param = move |key: &str| location.read().param(key).unwrap_or_default().to_string();
    let query = Memo::new(move |_| param("q"));
    let district = Memo::new(move |_| param("district"));
    let doc = Memo::new(move |_| param("doc"));
    let results = Memo::new(move |_| {
        let text = query.get();
        if text.trim().is_empty() {
            return None;
        }
        let (district, doc) = (district.get(), doc.get());
        let request = ruxue_core::search::Query {
            text: &text,
            district: (!district.is_empty()).then_some(district.as_str()),
            document: (!doc.is_empty()).then_some(doc.as_str()),
            limit: LIMIT,
        };
        Some(search_index().search(corpus(), &request))
    });

    // Typing replaces the current history entry, so Back leaves the search instead of
    // stepping through every keystroke. The URL is the only state: results follow it.
    let show = move |text: String, district: String, doc: String| {
        let href = href_with_query(
            &Route::Search.path(),
            &[("q", &text), ("district", &district), ("doc", &doc)],
        );
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
        show(
            event_target_value(&event),
            district.get_untracked(),
            doc.get_untracked(),
        );
    };
    let on_composition_end = move |event: leptos::ev::CompositionEvent| {
        show(
            event_target_value(&event),
            district.get_untracked(),
            doc.get_untracked(),
        );
    };
    // Down arrow from the box moves to the first result; the results are ordinary links.
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "ArrowDown" {
            if let Some(link) = document()
                .query_selector(".rx-result__title a")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                event.prevent_default();
                let _ = link.focus();
            }
        }
    };
    let facet_href = move |key: &'static str, value: String| {
        let (mut d, mut f) = (district.get(), doc.get());
        match key {
            "district" => d = value,
            _ => f = value,
        }
        href_with_query(
            &Route::Search.path(),
            &[("q", &query.get()), ("district", &d), ("doc", &f)],
        )
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
            {move || match results.get() {
                None => suggestions(t).into_any(),
                Some(results) => {
                    let count = (t().results_count)(results.total);
                    let expansions = results.expansions.join("、");
                    let facets = |key: &'static str, counts: Vec<(String, usize)>, selected: String, label: &'static str| {
                        let all_href = facet_href(key, String::new());
                        let all_current = selected.is_empty();
                        view! {
                            <nav class="rx-facets" aria-label=label>
                                <span class="rx-facets__label">{label}</span>
                                <ul class="rx-facets__list">
                                    <li>
                                        <a class="rx-link" href=all_href aria-current=all_current.then_some("true")>{t().all_results}</a>
                                    </li>
                                    {counts
                                        .into_iter()
                                        .map(|(value, n)| {
                                            let current = value == selected;
                                            let shown = if key == "doc" { short_title(&value) } else { value.clone() };
                                            view! {
                                                <li>
                                                    <a class="rx-link" href=facet_href(key, value) aria-current=current.then_some("true") lang="zh-CN">
                                                        {format!("{shown} ({n})")}
                                                    </a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </nav>
                        }
                    };
                    view! {
                        <p class="rx-result-count" role="status">{count}</p>
                        <Show when={let e = expansions.clone(); move || !e.is_empty()}>
                            <p class="rx-expansions">{t().also_searched} <span lang="zh-CN">{expansions.clone()}</span></p>
                        </Show>
                        <Show when=move || results.truncated>
                            <p class="rx-notice">{t().query_truncated}</p>
                        </Show>
                        {if results.total == 0 && district.get().is_empty() && doc.get().is_empty() {
                            view! {
                                <div class="rx-notice">
                                    <h2 class="rx-notice__heading">{t().no_results}</h2>
                                    <p class="rx-notice__body">{t().no_results_next}</p>
                                </div>
                                {suggestions(t)}
                            }
                                .into_any()
                        } else {
                            view! {
                                {facets("district", results.districts.clone(), district.get(), t().filter_by_district)}
                                {facets("doc", results.documents.clone(), doc.get(), t().filter_by_document)}
                                <h2 class="rx-visually-hidden">{t().results_heading}</h2>
                                <ol class="rx-results">
                                    {results
                                        .hits
                                        .into_iter()
                                        .map(|hit| view! { <SearchResult hit=hit query=query.get() /> })
                                        .collect_view()}
                                </ol>
                            }
                                .into_any()
                        }}
                    }
                        .into_any()
                }
            }}
        </div>
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
