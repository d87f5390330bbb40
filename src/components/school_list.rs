//! A list of schools, each with the stages its source states and the source itself.

use leptos::prelude::*;
use ruxue_core::directory::School;

use crate::components::source_note::SourceNote;

/// The schools, as a cited list.
#[component]
pub fn SchoolList(schools: Vec<&'static School>) -> impl IntoView {
    view! {
        <ul class="rx-answer__list" lang="zh-CN">
            {schools
                .into_iter()
                .map(|s| {
                    let stages = if s.stages.is_empty() { String::new() } else { format!("（{}）", s.stages.join("、")) };
                    view! { <li>{format!("{}{stages}", s.name)}<SourceNote source=s.source.clone() /></li> }
                })
                .collect_view()}
        </ul>
    }
}
