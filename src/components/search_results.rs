//! Everything below the search box once there is a query: the "did you mean", coverage and
//! expansion notes, the answer card, the filters and the results.

use leptos::prelude::*;
use ruxue_core::search::{Results, Target};

use crate::components::answer_card::AnswerCard;
use crate::components::coverage_notice::CoverageNotice;
use crate::components::search_facets::SearchFacets;
use crate::components::search_result::SearchResult;
use crate::components::search_suggestions::SearchSuggestions;
use crate::data::corpus;
use crate::i18n::use_texts;
use crate::search_state::SearchState;

/// Everything below the box once there is a query.
#[component]
pub fn SearchResults(results: Results, state: SearchState) -> impl IntoView {
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
        {results
            .corrected
            .clone()
            .map(|corrected| {
                let href = SearchState {
                    query: corrected.clone(),
                    ..state.clone()
                }
                    .href();
                view! {
                    <p class="rx-notice rx-did-you-mean">
                        {t_now.did_you_mean} <a class="rx-link" href=href lang="zh-CN">
                            {corrected}
                        </a> " " {t_now.did_you_mean_shown}
                    </p>
                }
            })}
        {(!results.elsewhere.is_empty())
            .then(|| view! { <CoverageNotice places=results.elsewhere.clone() /> })}
        <p class="rx-result-count" role="status">
            {(t_now.results_count)(results.total)}
        </p>
        {(!results.expansions.is_empty())
            .then(|| {
                view! {
                    <p class="rx-expansions">
                        {t_now.also_searched}
                        <span lang="zh-CN">{results.expansions.join("、")}</span>
                    </p>
                }
            })}
        {results.truncated.then(|| view! { <p class="rx-notice">{t_now.query_truncated}</p> })}
        {if results.total == 0 && unfiltered {
            view! {
                <div class="rx-notice">
                    <h2 class="rx-notice__heading">{t_now.no_results}</h2>
                    <p class="rx-notice__body">{t_now.no_results_next}</p>
                </div>
                <SearchSuggestions />
            }
                .into_any()
        } else {
            view! {
                {answer.map(|statement| view! { <AnswerCard statement=statement /> })}
                <SearchFacets results=results.clone() state=state.clone() clauses=clause_filters />
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
