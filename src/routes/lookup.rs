//! The lookup page: one box for a 街镇, community or village, school, cluster, pinyin or an
//! address, with an accessible autocomplete, and the answer for the choice. When the best
//! match is not sure (initials, a name shared by several 街镇) the parent chooses from a
//! visible list; a road name or another district gets a plain answer.
//! The typed text and the choice live in the URL (`#/lookup?q=…&pick=town:闵行区/七宝镇`);
//! everything runs on the device.

use leptos::prelude::*;
use ruxue_core::lookup::{from_key, lookup};

use crate::components::coverage_notice::CoverageNotice;
use crate::components::lookup_answer::LookupAnswer;
use crate::components::lookup_choices::LookupChoices;
use crate::components::lookup_combobox::LookupCombobox;
use crate::components::lookup_no_match::LookupNoMatch;
use crate::components::road_notice::RoadNotice;
use crate::data::corpus;
use crate::i18n::use_texts;
use crate::location::{href_with_query, use_location, use_param};
use crate::routes::Route;

/// How many suggestions the list shows.
const SUGGESTIONS: usize = 8;

/// The page at `#/lookup`.
#[component]
pub fn LookupPage() -> impl IntoView {
    let t = use_texts();
    let location = use_location();
    let directory = &corpus().directory;
    let query = use_param("q");
    let pick = Memo::new(move |_| {
        location
            .read()
            .param("pick")
            .and_then(|k| from_key(directory, k))
    });
    let options = Memo::new(move |_| lookup(directory, &query.get(), SUGGESTIONS));
    let go = Callback::new(move |(text, pick): (String, Option<String>)| {
        let href = href_with_query(
            &Route::Lookup.path(),
            &[("q", &text), ("pick", pick.as_deref().unwrap_or(""))],
        );
        crate::location::replace(&href);
    });
    let answer = move || {
        pick.get().or_else(|| {
            let options = options.read();
            options
                .matches
                .first()
                .filter(|_| options.confident)
                .map(|m| (m.kind, m.index))
        })
    };
    let coverage = move || {
        let elsewhere = options.read().elsewhere.clone();
        (!elsewhere.is_empty()).then(|| view! { <CoverageNotice places=elsewhere /> })
    };
    let road = move || {
        options
            .read()
            .road
            .then(|| view! { <RoadNotice result=options.get() /> })
    };
    let body = move || {
        let found = options.read();
        match answer() {
            Some((kind, index)) => view! { <LookupAnswer kind index /> }.into_any(),
            None if query.read().trim().is_empty() => ().into_any(),
            None if !found.matches.is_empty() => {
                view! { <LookupChoices result=found.clone() /> }.into_any()
            }
            None if found.road || !found.elsewhere.is_empty() => ().into_any(),
            None => view! { <LookupNoMatch suggestions=found.suggestions.clone() /> }.into_any(),
        }
    };

    view! {
        <h1 class="rx-heading-xl">{move || t().nav_lookup}</h1>
        <p class="rx-lead">{move || t().lookup_intro}</p>
        <p class="rx-privacy">{move || t().lookup_privacy}</p>
        <LookupCombobox query options on_change=go />
        {coverage}
        {road}
        {body}
    }
}
