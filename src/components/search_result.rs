//! One search hit: where it is (document › part › section › item), the matching text with
//! the matches marked, and the district.

use leptos::prelude::*;
use ruxue_core::search::Hit;

use crate::data::corpus;
use crate::location::percent_encode;

/// A hit, linking to its clause with the query, so the reader marks the same words.
#[component]
pub fn SearchResult(hit: Hit, query: String) -> impl IntoView {
    let document = &corpus().documents[hit.doc];
    let clause = &document.clauses[hit.clause];
    let href = format!(
        "#{}?q={}",
        document.clause_route(clause),
        percent_encode(&query)
    );
    // The levels above the clause; the clause itself is the result's title.
    let mut crumbs = document.breadcrumb(clause);
    crumbs.pop();
    let title = format!(
        "{}{}",
        clause.number,
        first_sentence(clause.lead.as_deref().unwrap_or(&clause.text))
    );
    let snippet = hit.snippet;
    let mut pieces = Vec::new();
    let mut at = 0;
    for mark in &snippet.marks {
        pieces.push(snippet.text[at..mark.start].to_string().into_any());
        pieces.push(
            view! { <mark class="rx-mark">{snippet.text[mark.clone()].to_string()}</mark> }
                .into_any(),
        );
        at = mark.end;
    }
    pieces.push(snippet.text[at..].to_string().into_any());
    view! {
        <li class="rx-result" lang="zh-CN">
            <p class="rx-result__breadcrumb">{crumbs.join(" › ")}</p>
            <h3 class="rx-result__title">
                <a class="rx-link" href=href>{title}</a>
            </h3>
            <p class="rx-result__snippet">{pieces}</p>
            <p class="rx-result__meta">{document.meta.district.clone()}</p>
        </li>
    }
}

/// Up to the first full stop, and at most 40 characters.
fn first_sentence(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    let sentence = line.split_inclusive('。').next().unwrap_or(line);
    let mut short: String = sentence.chars().take(40).collect();
    if short.chars().count() < sentence.chars().count() {
        short.push('…');
    }
    short
}
