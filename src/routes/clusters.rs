//! 学区与集团: for each district, what the documents say about its clusters, the clusters and
//! schools they name, and a plain statement that member lists are not yet included.

use leptos::prelude::*;

use crate::components::cluster_facts::ClusterFacts;
use crate::components::cluster_list::ClusterList;
use crate::components::school_list::SchoolList;
use crate::data::corpus;
use crate::i18n::use_texts;
use crate::location::href_with_query;
use crate::routes::Route;

/// The page at `#/clusters`.
#[component]
pub fn ClustersPage() -> impl IntoView {
    let t = use_texts();
    let directory = &corpus().directory;
    view! {
        <h1 class="rx-heading-xl">{move || Route::Clusters.title(t())}</h1>
        <p class="rx-lead">{move || t().clusters_page_intro}</p>
        {directory
            .districts
            .iter()
            .map(|district| {
                let name = district.name.clone();
                let facts: Vec<_> = directory.facts.iter().filter(|f| f.district == name).collect();
                let clusters: Vec<_> = directory
                    .clusters
                    .iter()
                    .filter(|c| c.district == name)
                    .collect();
                let schools: Vec<_> = directory
                    .schools
                    .iter()
                    .filter(|s| s.district == name)
                    .collect();
                let members_known = directory.members_known(&name);
                let heading_id = format!("rx-district-{}", district.code);
                let labelled_by = heading_id.clone();
                let lookup_href = href_with_query(&Route::Lookup.path(), &[("q", &name)]);
                view! {
                    <section class="rx-district" aria-labelledby=labelled_by>
                        <h2 class="rx-district__heading" id=heading_id lang="zh-CN">
                            {name.clone()}
                        </h2>
                        {(!facts.is_empty())
                            .then(|| {
                                view! {
                                    <h3>{move || t().what_documents_say}</h3>
                                    <ClusterFacts facts=facts.clone() />
                                }
                            })}
                        {(!clusters.is_empty())
                            .then(|| {
                                view! {
                                    <h3>{move || t().named_clusters}</h3>
                                    <ClusterList clusters=clusters.clone() />
                                }
                            })}
                        {(!members_known)
                            .then(|| {
                                view! { <p class="rx-notice">{move || t().members_missing}</p> }
                            })}
                        {(!schools.is_empty())
                            .then(|| {
                                view! {
                                    <h3>{move || t().named_schools}</h3>
                                    <SchoolList schools=schools.clone() />
                                }
                            })}
                        <p>
                            <a class="rx-link" href=lookup_href>
                                {move || t().nav_lookup}
                                " · "
                                <span lang="zh-CN">{name.clone()}</span>
                            </a>
                        </p>
                    </section>
                }
            })
            .collect_view()}
    }
}
