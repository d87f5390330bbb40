//! The lookup page: one box for a 街镇, community or village, school, cluster, pinyin or an
//! address, with an accessible autocomplete, and the answer for the choice. When the best
//! match is not sure (initials, a name shared by several 街镇) the parent chooses from a
//! visible list; a road name or another district gets a plain answer.
//! The typed text and the choice live in the URL (`#/lookup?q=…&pick=town:闵行区/七宝镇`);
//! everything runs on the device. The answers, and the places they read, come with the first
//! text typed (`components::lookup_answers`).

use leptos::prelude::*;

use crate::components::lookup_combobox::LookupCombobox;
use crate::i18n::use_texts;
use crate::location::{href_with_query, use_param};
use crate::routes::Route;

/// How many suggestions the list shows.
const SUGGESTIONS: usize = 8;

/// The page at `#/lookup`.
#[component]
pub fn LookupPage() -> impl IntoView {
    let t = use_texts();
    let query = use_param("q");
    let pick = use_param("pick");
    // Empty until the answers' code and the places are in, which come with the first text.
    let options =
        Memo::new(move |_| crate::page_code::lookup_suggestions(&query.get(), SUGGESTIONS));
    let go = Callback::new(move |(text, pick): (String, Option<String>)| {
        let href = href_with_query(
            &Route::Lookup.path(),
            &[("q", &text), ("pick", pick.as_deref().unwrap_or(""))],
        );
        crate::location::replace(&href);
    });
    // Once asked, the answers stay: emptying the box does not fetch their code again.
    let asked = Memo::new(move |before: Option<&bool>| {
        before == Some(&true) || !query.read().trim().is_empty() || !pick.read().is_empty()
    });

    view! {
        <h1 class="rx-heading-xl">{move || t().nav_lookup}</h1>
        <p class="rx-lead">{move || t().lookup_intro}</p>
        <p class="rx-privacy">{move || t().lookup_privacy}</p>
        <LookupCombobox query options on_change=go />
        {move || asked.get().then(|| crate::page_code::lookup_answers(query, options))}
    }
}
