//! Under a community's lookup answer: a community tells the 街镇, not the school, and the
//! 街镇's answer is one link away.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// The notice, with a link to `town`'s answer at `town_href` when the 街镇 is listed.
#[component]
pub fn CommunityNotice(town: Option<String>, town_href: Option<String>) -> impl IntoView {
    let t = use_texts();
    let link = town_href.zip(town).map(|(href, town)| {
        view! {
            <p class="rx-notice__body">
                <a class="rx-link" href=href>
                    {move || (t().community_town_link)(&town)}
                </a>
            </p>
        }
    });
    view! {
        <div class="rx-notice rx-answer__community">
            <p class="rx-notice__body">
                {move || t().community_not_school} " " {move || t().official_catchments}
            </p>
            {link}
        </div>
    }
}
