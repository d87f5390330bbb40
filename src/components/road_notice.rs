//! The answer to a road name: roads are not in the data, so the parent picks their 街镇.

use leptos::prelude::*;
use ruxue_core::lookup::{Kind, LookupResult};

use crate::components::lookup_choices::pick_href;

use crate::data::corpus;
use crate::i18n::use_texts;

/// Roads are not in the data: say so, and offer the 街镇 of the district the address names,
/// or of every covered district.
#[component]
pub fn RoadNotice(result: LookupResult) -> impl IntoView {
    let t = use_texts();
    let directory = &corpus().directory;
    let named: Vec<&str> = result
        .matches
        .iter()
        .filter(|m| m.kind == Kind::District)
        .map(|m| m.district.as_str())
        .collect();
    let districts: Vec<&str> = directory
        .districts
        .iter()
        .map(|d| d.name.as_str())
        .filter(|d| named.is_empty() || named.contains(d))
        .collect();
    view! {
        <div class="rx-notice rx-road" role="note">
            <p class="rx-notice__body">{move || t().lookup_road}</p>
            {districts
                .into_iter()
                .map(|district| {
                    let towns = directory
                        .towns
                        .iter()
                        .enumerate()
                        .filter(|(_, town)| town.district == district)
                        .map(|(i, town)| {
                            let href = pick_href(Kind::Town, i);
                            view! {
                                <li>
                                    <a class="rx-link" href=href lang="zh-CN">
                                        {town.name.clone()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <p class="rx-notice__body">{move || (t().lookup_road_towns)(district)}</p>
                        <ul class="rx-road__towns" lang="zh-CN">
                            {towns}
                        </ul>
                    }
                })
                .collect_view()}
        </div>
    }
}
