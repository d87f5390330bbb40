//! What applies to one lookup match: district → 街镇 → clusters → schools → catchments, each
//! with its source, and a plain statement wherever the data is not yet known.

use leptos::prelude::*;
use ruxue_core::lookup::{name_of, pick_path, resolve, source_of, Kind};

use crate::components::school_list::SchoolList;
use crate::components::source_note::SourceNote;
use crate::data::corpus;
use crate::i18n::{use_texts, Texts};
use crate::location::href_with_query;
use crate::routes::Route;

/// The label of a match kind.
pub fn kind_label(kind: Kind, t: &Texts) -> &'static str {
    match kind {
        Kind::District => t.kind_district,
        Kind::Town => t.kind_town,
        Kind::Community => t.kind_community,
        Kind::School => t.kind_school,
        Kind::Cluster => t.kind_cluster,
        Kind::Catchment => t.kind_catchment,
    }
}

/// The answer for the entry at `kind`/`index` of the directory.
#[component]
pub fn LookupAnswer(kind: Kind, index: usize) -> impl IntoView {
    let t = use_texts();
    let directory = &corpus().directory;
    let r = resolve(directory, kind, index);
    let name = name_of(directory, kind, index)
        .unwrap_or_default()
        .to_string();
    let source = source_of(directory, kind, index)
        .unwrap_or_default()
        .to_string();
    let district = r.district.map(|d| d.name.clone()).unwrap_or_default();
    let town = r.town.map(|t| t.name.clone());
    let documents_href = href_with_query(&Route::Policies.path(), &[("district", &district)]);
    let search_href = href_with_query(
        &Route::Search.path(),
        &[("q", &name), ("district", &district)],
    );
    let clusters = r.clusters.clone();
    let schools = r.schools.clone();
    let catchments = r.catchments.clone();
    let facts = r.facts.clone();
    let district_clusters = r.district_clusters.clone();
    let (members_known, catchments_known) = (r.members_known, r.catchments_known);
    let communities: Vec<String> = r.communities.iter().map(|c| c.name.clone()).collect();
    let is_community = kind == Kind::Community;
    // A community's answer points on to its 街镇, where the documents' schools are listed.
    let town_href = r.town.and_then(|town| {
        let index = directory.towns.iter().position(|t| std::ptr::eq(t, town))?;
        Some(format!("#{}", pick_path(directory, Kind::Town, index)))
    });

    view! {
        <section class="rx-answer" aria-labelledby="rx-answer-heading">
            <h2 class="rx-answer__heading" id="rx-answer-heading">
                <span lang="zh-CN">{name.clone()}</span>
                " "
                <span class="rx-answer__kind">{move || kind_label(kind, t())}</span>
            </h2>
            <SourceNote source=source />
            <dl class="rx-facts">
                <div class="rx-facts__row">
                    <dt>{move || t().answer_district}</dt>
                    <dd lang="zh-CN">{district.clone()}</dd>
                </div>
                <div class="rx-facts__row">
                    <dt>{move || t().answer_town}</dt>
                    <dd lang="zh-CN">{town.clone().unwrap_or_else(|| t().not_recorded.to_string())}</dd>
                </div>
                {(!communities.is_empty()).then(|| view! {
                    <div class="rx-facts__row">
                        <dt>{move || t().answer_communities}</dt>
                        <dd>
                            <ul class="rx-answer__list" lang="zh-CN">
                                {communities.iter().map(|name| view! { <li>{name.clone()}</li> }).collect_view()}
                            </ul>
                        </dd>
                    </div>
                })}
                // A community tells the 街镇 only: its 街镇's answer has the rest.
                {(!is_community).then(|| view! {
                <div class="rx-facts__row">
                    <dt>{move || t().answer_clusters}</dt>
                    <dd>
                        {if clusters.is_empty() {
                            view! { <p class="rx-answer__missing">{move || t().members_missing}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="rx-answer__list" lang="zh-CN">
                                    {clusters.iter().map(|c| view! { <li>{format!("{}（{}）", c.name, c.kind)}<SourceNote source=c.source.clone() /></li> }).collect_view()}
                                </ul>
                            }
                                .into_any()
                        }}
                    </dd>
                </div>
                <div class="rx-facts__row">
                    <dt>{move || t().answer_schools}</dt>
                    <dd>
                        {if schools.is_empty() {
                            view! { <p class="rx-answer__missing">{move || t().not_recorded}</p> }.into_any()
                        } else {
                            view! { <SchoolList schools=schools.clone() /> }.into_any()
                        }}
                    </dd>
                </div>
                <div class="rx-facts__row">
                    <dt>{move || t().answer_catchments}</dt>
                    <dd>
                        {if catchments.is_empty() {
                            view! { <p class="rx-answer__missing">{move || if catchments_known { t().not_recorded } else { t().catchments_missing }}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="rx-answer__list" lang="zh-CN">
                                    {catchments
                                        .iter()
                                        .map(|c| view! { <li>{format!("{} · {} · {}年", c.area, c.stage, c.year)}<SourceNote source=c.source.clone() /></li> })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }}
                    </dd>
                </div>
                })}
            </dl>
            {is_community.then(|| view! {
                <div class="rx-notice rx-answer__community">
                    <p class="rx-notice__body">{move || t().community_not_school} " " {move || t().official_catchments}</p>
                    {town_href.clone().zip(town.clone()).map(|(href, town)| view! {
                        <p class="rx-notice__body"><a class="rx-link" href=href>{move || (t().community_town_link)(&town)}</a></p>
                    })}
                </div>
            })}
            {(!is_community).then(|| view! {
            <Show when=move || !members_known>
                <p class="rx-notice">{move || t().members_missing} " " {move || t().official_catchments}</p>
            </Show>
            <Show when=move || members_known && !catchments_known>
                <p class="rx-notice">{move || t().catchments_missing} " " {move || t().official_catchments}</p>
            </Show>
            {(!facts.is_empty() || !district_clusters.is_empty()).then(|| view! {
                <h3 class="rx-answer__subheading">{move || t().what_documents_say}</h3>
                <ul class="rx-answer__list" lang="zh-CN">
                    {facts.iter().map(|f| view! { <li><strong>{f.topic.clone()}</strong>"：“"{f.quote.clone()}"”"<SourceNote source=f.source.clone() /></li> }).collect_view()}
                </ul>
            })}
            })}
            <ul class="rx-answer__links">
                <li><a class="rx-link" href=documents_href>{move || t().district_documents}</a></li>
                <li><a class="rx-link" href=search_href>{move || t().search_in_district}</a></li>
                <li><a class="rx-link" href=Route::Guide.href()>{move || t().enrolment_guide_link}</a></li>
            </ul>
        </section>
    }
}
