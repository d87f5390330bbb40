//! The reader: one document with its metadata, contents and every clause, each linkable and
//! citable. `#/policies/<doc>/<clause>` opens it scrolled to that clause, highlighted.

use leptos::prelude::*;

use crate::components::clause_view::{clause_element_id, ClauseView};
use crate::components::copy_citation::{provide_copy_status, CopyStatus};
use crate::components::kept_document_body::KeptDocumentBody;
use crate::components::status_badge::{status_label, StatusBadge};
use crate::components::table_of_contents::TableOfContents;
use crate::components::with_texts::WithTexts;
use crate::i18n::{use_lang, use_texts, Lang};
use crate::location::use_location;
use crate::routes::Route;
use crate::takeover::DOCUMENT_BODY_CLASS;

/// The page at `#/policies/<id>` and `#/policies/<id>/<clause>`.
#[component]
pub fn DocumentPage(id: String, clause: Option<String>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    // With its texts (the page is shown inside `WithTexts`), or, on the page the app started
    // on, its outline beside the prerendered body the app kept (`crate::takeover`).
    let kept = crate::takeover::take_document_body(&id);
    let outline = kept.is_some().then(|| crate::data::corpus().document(&id));
    let Some(document) = crate::data::document(&id).or(outline.flatten()) else {
        return view! {
            <h1 class="rx-heading-xl">{move || t().document_not_found_title}</h1>
            <p>{move || t().document_not_found_body}</p>
            <p>
                <a class="rx-link" href=Route::Policies.href()>
                    {move || t().back_to_documents}
                </a>
            </p>
        }
        .into_any();
    };
    provide_copy_status();
    // Opened from a search: mark what was searched for in the linked clause.
    let searched = use_location()
        .get_untracked()
        .param("q")
        .unwrap_or_default()
        .to_string();
    let marks = crate::page_code::search_marks(&searched);
    let meta = &document.meta;
    let target = clause.filter(|c| document.clause(c).is_some());

    // Bring the linked clause into view and give it focus, once it is in the DOM.
    let target_element = target
        .as_ref()
        .and_then(|c| document.clause(c))
        .map(clause_element_id);
    // (A kept prerendered body is moved in by its own effect, which focuses it then.)
    let focused = target_element.clone().filter(|_| kept.is_none());
    Effect::new(move |_| {
        if let Some(id) = &focused {
            crate::dom::focus_id(id);
        }
    });

    // The official original's address, where the document's metadata records one.
    let original = meta
        .source
        .url
        .clone()
        .filter(|url| url.starts_with("https://") || url.starts_with("http://"));
    let has_original = original.is_some();
    let or_not_stated =
        move |value: Option<String>| value.unwrap_or_else(|| t().not_stated.to_string());
    let issuers = meta.issuers.join("、");
    let facts = move || {
        let t = t();
        vec![
            (
                t.label_issuers,
                if issuers.is_empty() {
                    t.not_stated.to_string()
                } else {
                    issuers.clone()
                },
            ),
            (t.label_doc_number, or_not_stated(meta.doc_number.clone())),
            (t.label_date, or_not_stated(meta.date_issued.clone())),
            (t.label_district, meta.district.clone()),
            (t.label_kind, meta.kind.clone()),
            (t.label_status, status_label(meta.status, t).to_string()),
            (t.label_source, meta.source.description.clone()),
            (
                t.label_original,
                original
                    .clone()
                    .unwrap_or_else(|| t.original_not_recorded.to_string()),
            ),
        ]
    };
    let is_link = move |label: &str| has_original && label == t().label_original;

    view! {
        <p class="rx-back">
            <a class="rx-link" href=Route::Policies.href()>
                {move || t().back_to_documents}
            </a>
        </p>
        <h1 class="rx-heading-l" lang="zh-CN" id=TITLE_ID tabindex="-1">
            {meta.title.clone()}
        </h1>
        <StatusBadge status=meta.status />
        {(meta.status == ruxue_core::Status::DraftForComment)
            .then(|| {
                view! { <p class="rx-notice rx-notice--warning">{move || t().draft_note}</p> }
            })}
        <Show when=move || lang.get() == Lang::En>
            <p class="rx-notice">{move || t().chinese_only_note}</p>
        </Show>
        <dl class="rx-facts">
            {move || {
                facts()
                    .into_iter()
                    .map(|(label, value)| {
                        let value = if is_link(label) {
                            let href = value.clone();
                            view! {
                                <a
                                    class="rx-link"
                                    href=href
                                    rel="noopener noreferrer"
                                    target="_blank"
                                >
                                    {value}
                                </a>
                            }
                                .into_any()
                        } else {
                            value.into_any()
                        };
                        view! {
                            <div class="rx-facts__row">
                                <dt>{label}</dt>
                                <dd lang="zh-CN">{value}</dd>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </dl>
        <TableOfContents document=document />
        <ReaderBar document=document target=target.clone() />
        {match kept {
            Some(body) => {
                let needed = crate::data::Needed::Document(id.clone());
                let in_english = move || {
                    let id = id.clone();
                    let target = target.clone();
                    view! {
                        <WithTexts needed=needed
                            .clone()>
                            {crate::data::document(&id)
                                .map(|document| document_body(
                                    document,
                                    target.clone(),
                                    Vec::new(),
                                ))}
                        </WithTexts>
                    }
                        .into_any()
                };
                view! {
                    <KeptDocumentBody
                        document
                        body
                        target=target_element.clone()
                        in_english=std::sync::Arc::new(in_english)
                    />
                }
                    .into_any()
            }
            None => document_body(document, target, marks).into_any(),
        }}
        <CopyStatus />
    }
    .into_any()
}

/// The id of the document's title, which 回到顶部 moves to.
const TITLE_ID: &str = "rx-document-title";

/// A bar that stays at the top of the screen while the parent reads: the document's title, and
/// the part and section of the clause a link opened, so a shared clause never shows without
/// its document; and the way back to the contents and to the top.
#[component]
fn ReaderBar(document: &'static ruxue_core::Document, target: Option<String>) -> impl IntoView {
    let t = use_texts();
    let clause = target.as_deref().and_then(|c| document.clause(c));
    let route = match clause {
        Some(clause) => document.clause_route(clause),
        None => format!("/policies/{}", document.meta.id),
    };
    // Against the page's `<base>`, a bare `#id` would lead to the root: name the page too.
    let here = crate::location::href(&route);
    let to = |id: &str| format!("{here}#{id}");
    let section = clause.map(|clause| {
        let crumbs = document.breadcrumb(clause);
        let end = if clause.is_heading() {
            crumbs.len()
        } else {
            crumbs.len() - 1
        };
        crumbs.get(1..end).unwrap_or_default().join(" › ")
    });
    let has_contents = document.clauses.iter().any(|c| c.is_heading());
    view! {
        <nav class="rx-reader-bar" aria-label=move || t().reader_bar_label>
            <p class="rx-reader-bar__title" lang="zh-CN">
                <span class="rx-reader-bar__document">{document.meta.title.clone()}</span>
                <span class="rx-reader-bar__section">{section}</span>
            </p>
            <p class="rx-reader-bar__links">
                <a
                    class="rx-link"
                    href=to(crate::components::table_of_contents::SUMMARY_ID)
                    hidden=!has_contents
                >
                    {move || t().toc_heading}
                </a>
                <a class="rx-link" href=to(TITLE_ID)>
                    {move || t().reader_top}
                </a>
            </p>
        </nav>
    }
}

/// Every clause of `document`, the `target` one marked with `marks`.
fn document_body(
    document: &'static ruxue_core::Document,
    target: Option<String>,
    marks: Vec<String>,
) -> impl IntoView {
    view! {
        <div class=DOCUMENT_BODY_CLASS data-rx-document=document.meta.id.clone()>
            {document
                .clauses
                .iter()
                .map(|clause| {
                    let is_target = target.as_deref() == Some(clause.id.as_str());
                    let marks = if is_target { marks.clone() } else { Vec::new() };
                    view! {
                        <ClauseView
                            document=document
                            clause=clause
                            is_target=is_target
                            marks=marks
                        />
                    }
                })
                .collect_view()}
        </div>
    }
}
