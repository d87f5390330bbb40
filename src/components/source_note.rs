//! The source of a fact: a link to the document item that says it, or a public source cited
//! authority first (上海市教育委员会 沪教委基〔2025〕11号《…》), then for a repost the copy it
//! was read from, labelled 转载; its date and quality, and the reminder that the official
//! notice prevails.

use leptos::prelude::*;

use crate::data::corpus;
use crate::i18n::use_texts;

/// Renders `source` (`doc/clause` or a `sources.toml` id) as a short "来源：…" line.
#[component]
pub fn SourceNote(source: String) -> impl IntoView {
    let t = use_texts();
    let corpus = corpus();
    if let Some((document, clause)) = corpus.item(&source) {
        let href = crate::location::href(&document.clause_route(clause));
        return view! {
            <p class="rx-source">
                {move || t().source_label} <a class="rx-link" href=href lang="zh-CN">
                    {document.citation(clause)}
                </a>
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
    let link = public.web_url().map(str::to_string);
    let title = format!("《{}》", public.title);
    let repost = quality == "repost";
    view! {
        <p class="rx-source">
            {move || t().source_label}
            // Authority and 文号 first: what the parent can quote to a school or bureau.
            <span class="rx-source__authority" lang="zh-CN">
                {public.authority_line()}
            </span>
            {match (&link, repost) {
                (Some(url), false) => {
                    view! {
                        <a
                            class="rx-link"
                            href=url.clone()
                            rel="noopener noreferrer"
                            target="_blank"
                            lang="zh-CN"
                        >
                            {title.clone()}
                        </a>
                    }
                        .into_any()
                }
                _ => view! { <span lang="zh-CN">{title.clone()}</span> }.into_any(),
            }}
            {repost
                .then(|| {
                    let label = public.read_at();
                    view! {
                        " "
                        <span class="rx-source__repost">
                            {move || t().repost_label}
                            {match link.clone() {
                                Some(url) => {
                                    view! {
                                        <a
                                            class="rx-link"
                                            href=url
                                            rel="noopener noreferrer"
                                            target="_blank"
                                        >
                                            {label.clone()}
                                        </a>
                                    }
                                        .into_any()
                                }
                                None => view! { <span>{label.clone()}</span> }.into_any(),
                            }}
                        </span>
                    }
                })}
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
            }} " " <span class="rx-source__prevails">{move || t().footer_official_prevails}</span>
        </p>
    }
    .into_any()
}
