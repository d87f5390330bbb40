//! A list of schools, each with the stages and building status its source states and the
//! source itself. A school its source names only as a building project is marked as one, with
//! a note that it is not a school to apply to.

use leptos::prelude::*;
use ruxue_core::model::{School, SCHOOL_OPEN};

use crate::components::source_note::SourceNote;
use crate::i18n::{use_texts, Texts};

/// The label for a school's status, if the source states one.
pub fn school_status_label(school: &School, t: &Texts) -> Option<String> {
    let status = school.status.as_deref()?;
    Some(if status == SCHOOL_OPEN {
        t.school_open.to_string()
    } else {
        (t.school_project)(status)
    })
}

/// The schools, as a cited list.
#[component]
pub fn SchoolList(schools: Vec<&'static School>) -> impl IntoView {
    let t = use_texts();
    let any_project = schools.iter().any(|s| s.is_project());
    view! {
        <ul class="rx-answer__list" lang="zh-CN">
            {schools
                .into_iter()
                .map(|s| {
                    let stages = if s.stages.is_empty() {
                        String::new()
                    } else {
                        format!("（{}）", s.stages.join("、"))
                    };
                    let class = if s.is_project() {
                        "rx-badge rx-badge--project"
                    } else {
                        "rx-badge"
                    };
                    view! {
                        <li>
                            {format!("{}{stages}", s.name)}
                            {s
                                .status
                                .is_some()
                                .then(|| {
                                    view! {
                                        " "
                                        <strong class=class>
                                            {move || school_status_label(s, t()).unwrap_or_default()}
                                        </strong>
                                    }
                                })} <SourceNote source=s.source.clone() />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        {any_project
            .then(|| view! { <p class="rx-school-note">{move || t().school_project_note}</p> })}
    }
}
