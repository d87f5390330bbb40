//! 入学指南: guidance by stage, every statement cited, and the key dates.

use leptos::prelude::*;
use ruxue_core::guidance::STAGES;

use crate::components::key_dates::KeyDates;
use crate::components::statement_view::StatementView;
use crate::data::{corpus, today};
use crate::i18n::{stage_name, use_lang, use_texts};
use crate::routes::Route;

/// The page at `#/guide`.
#[component]
pub fn GuidePage() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let guidance = &corpus().guidance;
    view! {
        <h1 class="rx-heading-xl">{move || Route::Guide.title(t())}</h1>
        <p class="rx-lead">{move || t().guide_intro_text}</p>
        <p><a class="rx-button rx-button--link" href=Route::GuideCheck.href()>{move || t().guide_check_link}</a></p>
        <nav class="rx-stage-nav" aria-label=move || t().toc_heading>
            <ul class="rx-facets__list">
                {STAGES
                    .iter()
                    .map(|stage| view! { <li><a class="rx-link" href=format!("#/guide?stage={stage}") on:click=move |e| { e.prevent_default(); scroll_to(stage); }>{move || stage_name(stage, lang.get()).to_string()}</a></li> })
                    .collect_view()}
            </ul>
        </nav>
        {STAGES
            .iter()
            .map(|stage| {
                let statements = guidance.statements(stage, None);
                view! {
                    <section class="rx-stage" id=format!("stage-{stage}") aria-labelledby=format!("stage-heading-{stage}")>
                        <h2 id=format!("stage-heading-{stage}") tabindex="-1">{move || stage_name(stage, lang.get()).to_string()}</h2>
                        <ul class="rx-statements">{statements.into_iter().map(|s| view! { <StatementView statement=s /> }).collect_view()}</ul>
                    </section>
                }
            })
            .collect_view()}
        <KeyDates today=today() />
        <p class="rx-notice">{move || t().official_prevails_long}</p>
    }
}

/// Moves to a stage's heading, and focus with it, without touching the fragment (the route).
fn scroll_to(stage: &str) {
    use wasm_bindgen::JsCast;
    if let Some(heading) = document()
        .get_element_by_id(&format!("stage-heading-{stage}"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        heading.scroll_into_view();
        let _ = heading.focus();
    }
}
