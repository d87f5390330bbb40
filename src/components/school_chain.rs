//! The rows of a lookup answer below the 街镇: clusters, schools and catchments, each with its
//! source, or a plain "not recorded" where the data does not say.

use leptos::prelude::*;
use ruxue_core::model::{Catchment, Cluster, School};

use crate::components::cluster_list::ClusterList;
use crate::components::school_list::SchoolList;
use crate::components::source_note::SourceNote;
use crate::i18n::use_texts;

/// Three `<dl>` rows. `catchments_known` tells "none here" from "none recorded for the
/// district".
#[component]
pub fn SchoolChain(
    clusters: Vec<&'static Cluster>,
    schools: Vec<&'static School>,
    catchments: Vec<&'static Catchment>,
    catchments_known: bool,
) -> impl IntoView {
    let t = use_texts();
    let clusters = if clusters.is_empty() {
        view! { <p class="rx-answer__missing">{move || t().members_missing}</p> }.into_any()
    } else {
        view! { <ClusterList clusters /> }.into_any()
    };
    let schools = if schools.is_empty() {
        view! { <p class="rx-answer__missing">{move || t().not_recorded}</p> }.into_any()
    } else {
        view! { <SchoolList schools /> }.into_any()
    };
    let catchments = if catchments.is_empty() {
        let missing = move || {
            if catchments_known {
                t().not_recorded
            } else {
                t().catchments_missing
            }
        };
        view! { <p class="rx-answer__missing">{missing}</p> }.into_any()
    } else {
        let items = catchments.into_iter().map(|c| {
            view! {
                <li>
                    {format!("{} · {} · {}年", c.area, c.stage, c.year)}
                    <SourceNote source=c.source.clone() />
                </li>
            }
        });
        view! {
            <ul class="rx-answer__list" lang="zh-CN">
                {items.collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <div class="rx-facts__row">
            <dt>{move || t().answer_clusters}</dt>
            <dd>{clusters}</dd>
        </div>
        <div class="rx-facts__row">
            <dt>{move || t().answer_schools}</dt>
            <dd>{schools}</dd>
        </div>
        <div class="rx-facts__row">
            <dt>{move || t().answer_catchments}</dt>
            <dd>{catchments}</dd>
        </div>
    }
}
