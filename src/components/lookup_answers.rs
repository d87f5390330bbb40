//! What the lookup answers below its box (`crate::routes::lookup`): the place chosen or
//! matched for sure, the matches to choose from, or why nothing matched. Its code and the
//! places it reads come with the first text typed or place chosen
//! (`crate::page_code::lookup_answers`): a parent who opens the lookup fetches neither until
//! then.

use leptos::prelude::*;
use ruxue_core::lookup::{from_key, LookupResult};

use crate::components::coverage_notice::CoverageNotice;
use crate::components::lookup_answer::LookupAnswer;
use crate::components::lookup_choices::LookupChoices;
use crate::components::lookup_no_match::LookupNoMatch;
use crate::components::road_notice::RoadNotice;
use crate::data::corpus;
use crate::location::use_location;

/// The answer for the box's `query` and its `options` (the page's suggestions), or for the
/// place the address's `pick` names.
#[component]
pub fn LookupAnswers(query: Memo<String>, options: Memo<LookupResult>) -> impl IntoView {
    let location = use_location();
    let directory = &corpus().directory;
    // Shown only once the places are in (`crate::page_code::lookup_answers`).
    let pick = Memo::new(move |_| {
        location
            .read()
            .param("pick")
            .and_then(|k| from_key(directory, k))
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
        {coverage}
        {road}
        {body}
    }
}
