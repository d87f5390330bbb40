//! 资料来源: every source the portal cites, the bundled documents first, then public sources
//! with official, press and reposts apart and counted, so a parent can see what rests on what.

use leptos::prelude::*;
use ruxue_core::model::{PublicSource, QUALITIES};

use crate::components::status_badge::StatusBadge;
use crate::data::corpus;
use crate::i18n::use_texts;
use crate::routes::Route;

/// The page at `#/sources`.
#[component]
pub fn SourcesPage() -> impl IntoView {
    let t = use_texts();
    let corpus = corpus();
    let of_quality = |quality: &str| -> Vec<&'static PublicSource> {
        corpus
            .directory
            .sources
            .iter()
            .filter(|s| s.quality == quality)
            .collect()
    };
    let [official, press, repost] = QUALITIES.map(of_quality);
    let counts = (
        corpus.documents.len(),
        official.len(),
        press.len(),
        repost.len(),
    );
    let documents = corpus
        .documents
        .iter()
        .map(|document| {
            let meta = &document.meta;
            let href = Route::Document {
                id: meta.id.clone(),
                clause: None,
            }
            .href();
            let issuer = [
                meta.issuers.join("、"),
                meta.doc_number.clone().unwrap_or_default(),
            ]
            .join(" ")
            .trim()
            .to_string();
            view! {
                <li class="rx-sources__item">
                    {(!issuer.is_empty())
                        .then(|| {
                            view! {
                                <span class="rx-source__authority" lang="zh-CN">
                                    {issuer.clone()}
                                </span>
                            }
                        })} <a class="rx-link" href=href lang="zh-CN">
                        {format!("《{}》", meta.title)}
                    </a> " " <StatusBadge status=meta.status />
                </li>
            }
        })
        .collect_view();
    let section = move |id: &'static str, heading: String, sources: Vec<&'static PublicSource>| {
        view! {
            <section class="rx-sources" aria-labelledby=id>
                <h2 id=id>{heading}</h2>
                {(id == "rx-sources-repost")
                    .then(|| view! { <p>{move || t().sources_repost_explained}</p> })}
                <ul class="rx-sources__list">
                    {sources
                        .into_iter()
                        .map(|source| view! { <SourceEntry source=source /> })
                        .collect_view()}
                </ul>
            </section>
        }
    };
    let t_now = t();
    view! {
        <h1 class="rx-heading-xl">{move || t().sources_title}</h1>
        <p class="rx-lead">{move || t().sources_intro}</p>
        <p class="rx-sources__counts" id="rx-sources-counts">
            {move || (t().sources_counts)(counts.0, counts.1, counts.2, counts.3)}
        </p>
        <section class="rx-sources" aria-labelledby="rx-sources-documents">
            <h2 id="rx-sources-documents">{move || t().sources_documents_heading}</h2>
            <ul class="rx-sources__list">{documents}</ul>
        </section>
        {section("rx-sources-official", (t_now.sources_official_heading)(counts.1), official)}
        {section("rx-sources-press", (t_now.sources_press_heading)(counts.2), press)}
        {section("rx-sources-repost", (t_now.sources_repost_heading)(counts.3), repost)}
    }
}

/// One public source: authority and 文号, the title, where it was read, and its date.
#[component]
fn SourceEntry(source: &'static PublicSource) -> impl IntoView {
    let t = use_texts();
    let link = source.web_url().map(str::to_string);
    let repost = source.quality == "repost";
    let label = source.read_at();
    view! {
        <li class="rx-sources__item" id=format!("source-{}", source.id)>
            <span class="rx-source__authority" lang="zh-CN">
                {source.authority_line()}
            </span>
            <span lang="zh-CN">{format!("《{}》", source.title)}</span>
            {source.date.clone().map(|date| format!("（{date}）"))}
            {link
                .map(|url| {
                    view! {
                        <br />
                        {repost
                            .then(|| {
                                view! {
                                    <span class="rx-source__repost">
                                        {move || t().repost_label}
                                    </span>
                                }
                            })}
                        <a class="rx-link" href=url rel="noopener noreferrer" target="_blank">
                            {label.clone()}
                        </a>
                    }
                })}
        </li>
    }
}
