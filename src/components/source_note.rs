//! The source of a fact: a link to the document item that says it, or a public source with
//! its title, date and quality, and the reminder that the official notice prevails.

use leptos::prelude::*;

use crate::data::corpus;
use crate::i18n::use_texts;

/// Renders `source` (`doc/clause` or a `sources.toml` id) as a short "来源：…" line.
#[component]
pub fn SourceNote(source: String) -> impl IntoView {
    let t = use_texts();
    let corpus = corpus();
    if let Some((document, clause)) = corpus.item(&source) {
        let href = format!("#{}", document.clause_route(clause));
        return view! {
            <p class="rx-source">
                {move || t().source_label}
                <a class="rx-link" href=href lang="zh-CN">{document.citation(clause)}</a>
            </p>
        }
        .into_any();
    }
    let Some(public) = corpus.directory.source(&source) else {
        // The build rejects unresolved sources, so this is unreachable with shipped data.
        return view! { <p class="rx-source">{move || t().source_label} {source.clone()}</p> }
            .into_any();
    };
    let quality = public.quality.clone();
    let details = public.date.clone();
    view! {
        <p class="rx-source">
            {move || t().source_label}
            {match public.url.clone() {
                Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
                    view! { <a class="rx-link" href=url rel="noopener noreferrer" target="_blank" lang="zh-CN">{public.title.clone()}</a> }.into_any()
                }
                _ => view! { <span lang="zh-CN">{public.title.clone()}</span> }.into_any(),
            }}
            {move || {
                let t = t();
                let label = match quality.as_str() {
                    "official" => t.quality_official,
                    "press" => t.quality_press,
                    _ => t.quality_repost,
                };
                match &details {
                    Some(date) => format!("（{date}，{label}）"),
                    None => format!("（{label}）"),
                }
            }}
            " "
            <span class="rx-source__prevails">{move || t().footer_official_prevails}</span>
        </p>
    }
    .into_any()
}
