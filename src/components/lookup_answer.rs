//! What applies to one lookup match: district → 街镇 → clusters → schools → catchments, each
//! with its source, and a plain statement wherever the data is not yet known.

use leptos::prelude::*;
use ruxue_core::lookup::{name_of, resolve, source_of, Kind};

use crate::components::lookup_choices::pick_href;

use crate::components::community_notice::CommunityNotice;
use crate::components::district_notes::DistrictNotes;
use crate::components::school_chain::SchoolChain;
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
    let is_community = kind == Kind::Community;
    let communities: Vec<String> = r.communities.iter().map(|c| c.name.clone()).collect();
    // A community's answer points on to its 街镇, where the documents' schools are listed.
    let town_href = r.town.and_then(|town| {
        let index = directory.towns.iter().position(|t| std::ptr::eq(t, town))?;
        Some(pick_href(Kind::Town, index))
    });
    let community_rows = (!communities.is_empty()).then(|| {
        let items = communities
            .into_iter()
            .map(|name| view! { <li>{name}</li> });
        view! {
            <div class="rx-facts__row">
                <dt>{move || t().answer_communities}</dt>
                <dd>
                    <ul class="rx-answer__list" lang="zh-CN">
                        {items.collect_view()}
                    </ul>
                </dd>
            </div>
        }
    });
    // A community tells the 街镇 only: its 街镇's answer has the rest.
    let chain = (!is_community).then(|| {
        view! {
            <SchoolChain
                clusters=r.clusters.clone()
                schools=r.schools.clone()
                catchments=r.catchments.clone()
                catchments_known=r.catchments_known
            />
        }
    });
    let notes = if is_community {
        view! { <CommunityNotice town=town.clone() town_href /> }.into_any()
    } else {
        view! {
            <DistrictNotes
                members_known=r.members_known
                catchments_known=r.catchments_known
                facts=r.facts.clone()
                district_clusters=r.district_clusters.clone()
            />
        }
        .into_any()
    };

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
                    <dd lang="zh-CN">
                        {town.clone().unwrap_or_else(|| t().not_recorded.to_string())}
                    </dd>
                </div>
                {community_rows}
                {chain}
            </dl>
            {notes}
            <ul class="rx-answer__links">
                <li>
                    <a class="rx-link" href=documents_href>
                        {move || t().district_documents}
                    </a>
                </li>
                <li>
                    <a class="rx-link" href=search_href>
                        {move || t().search_in_district}
                    </a>
                </li>
                <li>
                    <a class="rx-link" href=Route::Guide.href()>
                        {move || t().enrolment_guide_link}
                    </a>
                </li>
            </ul>
        </section>
    }
}
