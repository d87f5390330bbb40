//! Clusters by name and kind (测试学区（学区）), each with its source.

use leptos::prelude::*;
use ruxue_core::model::Cluster;

use crate::components::source_note::SourceNote;

/// One list item per cluster.
#[component]
pub fn ClusterList(clusters: Vec<&'static Cluster>) -> impl IntoView {
    let items = clusters.into_iter().map(|c| {
        view! { <li>{format!("{}（{}）", c.name, c.kind)} <SourceNote source=c.source.clone() /></li> }
    });
    view! {
        <ul class="rx-answer__list" lang="zh-CN">
            {items.collect_view()}
        </ul>
    }
}
