//! What the portal covers, for a query (search or lookup) that names a district or 街镇 it
//! does not: the parent learns why nothing came back and which districts are here.

use leptos::prelude::*;

use crate::data::corpus;
use crate::i18n::use_texts;

/// The covered districts, and each uncovered place the query named (positions in
/// `directory.elsewhere`).
#[component]
pub fn CoverageNotice(places: Vec<usize>) -> impl IntoView {
    let t = use_texts()();
    let directory = &corpus().directory;
    let mut covered = String::new();
    for district in &directory.districts {
        if !covered.is_empty() {
            covered.push('、');
        }
        covered.push_str(&district.name);
    }
    view! {
        <div class="rx-notice rx-coverage">
            <h2 class="rx-notice__heading">{t.coverage_heading}</h2>
            <p class="rx-notice__body">{(t.coverage_covered)(&covered)}</p>
            {places
                .into_iter()
                .map(|i| {
                    let place = &directory.elsewhere[i];
                    view! {
                        <p class="rx-notice__body">
                            {(t.coverage_not_covered)(&place.name, &place.district)}
                        </p>
                    }
                })
                .collect_view()}
        </div>
    }
}
