//! One clause of a document in the reader: its text, departments, corrections and actions.

use leptos::prelude::*;
use ruxue_core::model::department_note;
use ruxue_core::{Clause, ClauseKind, Document};

use crate::components::copy_citation::CopyCitation;
use crate::components::figure_text::FigureText;
use crate::i18n::use_texts;

/// The element id of a clause, the target of scrolling and highlighting.
pub fn clause_element_id(clause: &Clause) -> String {
    format!("clause-{}", clause.id)
}

/// Renders one clause. `is_target` marks the clause a link pointed at: it is highlighted and
/// can take focus. (`index.html` scrolls a prerendered page to `.rx-clause--target`.)
#[component]
pub fn ClauseView(
    document: &'static Document,
    clause: &'static Clause,
    is_target: bool,
    /// Search terms to mark in this clause.
    #[prop(optional)]
    marks: Vec<String>,
) -> impl IntoView {
    let t = use_texts();
    let element_id = clause_element_id(clause);
    let heading = format!("{}{}", clause.number, clause.text);
    let body = match clause.kind {
        ClauseKind::Part => view! { <h2 class="rx-clause__part">{heading}</h2> }.into_any(),
        ClauseKind::Section => view! { <h3 class="rx-clause__section">{heading}</h3> }.into_any(),
        ClauseKind::Preamble | ClauseKind::Closing => {
            view! { <p class="rx-clause__plain">{clause.text.clone()}</p> }.into_any()
        }
        ClauseKind::Item | ClauseKind::Paragraph => paragraphs(clause, marks).into_any(),
    };
    let citable = matches!(clause.kind, ClauseKind::Item | ClauseKind::Paragraph);
    let repairs: Vec<_> = clause
        .repairs
        .iter()
        .filter_map(|&i| document.repairs.get(i as usize))
        .collect();
    let has_repairs = !repairs.is_empty();
    let link = crate::location::href(&document.clause_route(clause));

    view! {
        <div
            id=element_id
            class="rx-clause"
            class:rx-clause--target=is_target
            tabindex=is_target.then_some("-1")
            lang="zh-CN"
        >
            {body}
            <Show when=move || !clause.departments.is_empty()>
                <div class="rx-clause__departments">
                    <span class="rx-clause__departments-label">{move || t().departments_label}</span>
                    <ul class="rx-tags">
                        {clause.departments.iter().map(|d| view! { <li class="rx-tag">{d.clone()}</li> }).collect_view()}
                    </ul>
                </div>
            </Show>
            <Show when=move || has_repairs>
                <details class="rx-repairs">
                    <summary>{move || t().repair_label}</summary>
                    <ul>
                        {repairs
                            .iter()
                            .map(|r| {
                                let line = r.source_line;
                                view! {
                                    <li>
                                        {move || t().repair_line} " " {line} " " {move || t().repair_line_suffix} "："
                                        "“" <span class="rx-repairs__text">{show_breaks(&r.original)}</span> "”"
                                        " " {move || t().repair_changed_to} " "
                                        "“" <span class="rx-repairs__text">{show_breaks(&r.replacement)}</span> "”"
                                        "。" {move || t().repair_reason} {r.reason.clone()}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </details>
            </Show>
            <Show when=move || citable>
                <p class="rx-clause__actions">
                    <a class="rx-link" href=link.clone()>{move || t().clause_link}</a>
                    <CopyCitation citation=document.citation(clause) />
                </p>
            </Show>
        </div>
    }
}

/// The paragraphs of an item or paragraph clause: number and bold lead-in first, the
/// （责任部门：…） note left out of the running text because it is shown as tags.
fn paragraphs(clause: &'static Clause, marks: Vec<String>) -> impl IntoView {
    clause
        .text
        .split('\n')
        .enumerate()
        .map(|(index, paragraph)| {
            let mut text = paragraph.to_string();
            if let Some(note) = department_note(&text) {
                text.replace_range(note, "");
            }
            let lead = if index == 0 {
                clause.lead.as_deref()
            } else {
                None
            };
            if let Some(lead) = lead {
                text = text.strip_prefix(lead).unwrap_or(&text).to_string();
            }
            let number = (index == 0 && !clause.number.is_empty()).then(|| clause.number.clone());
            view! {
                <p class="rx-clause__text">
                    {number.map(|n| view! { <span class="rx-clause__number">{n}" "</span> })}
                    {lead.map(|l| view! { <strong>{l.to_string()}</strong> })}
                    <FigureText text=text marks=marks.clone() />
                </p>
            }
        })
        .collect_view()
}

/// Makes line breaks in a correction visible.
fn show_breaks(text: &str) -> String {
    text.replace('\n', "↵")
}
