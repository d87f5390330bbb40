//! Below a lookup answer: what the district's data does not yet hold, said plainly with where
//! to ask, and what the documents say about its clusters.

use leptos::prelude::*;
use ruxue_core::model::{Cluster, ClusterFact};

use crate::components::cluster_facts::ClusterFacts;
use crate::i18n::{use_texts, Texts};

/// The notices for what is missing, then the documents' words on the district's clusters.
#[component]
pub fn DistrictNotes(
    members_known: bool,
    catchments_known: bool,
    facts: Vec<&'static ClusterFact>,
    district_clusters: Vec<&'static Cluster>,
) -> impl IntoView {
    let t = use_texts();
    let missing: Option<fn(&Texts) -> &'static str> = if !members_known {
        Some(|t| t.members_missing)
    } else if !catchments_known {
        Some(|t| t.catchments_missing)
    } else {
        None
    };
    let said = (!facts.is_empty() || !district_clusters.is_empty()).then(|| {
        view! {
            <h3 class="rx-answer__subheading">{move || t().what_documents_say}</h3>
            <ClusterFacts facts />
        }
    });
    view! {
        {missing
            .map(|missing| {
                view! {
                    <p class="rx-notice">
                        {move || missing(t())} " " {move || t().official_catchments}
                    </p>
                }
            })}
        {said}
    }
}
