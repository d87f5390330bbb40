//! 入学指南: guidance by stage, every statement cited, and the key dates.
//!
//! `#/guide?statement=<id>` (where search results link) opens at that statement, marked;
//! `#/guide?dates=<year>` opens at the key dates.

use leptos::prelude::*;
use ruxue_core::model::GUIDE_STAGES;

use crate::components::key_dates::KeyDates;
use crate::components::statement_view::{statement_element_id, StatementView};
use crate::data::{corpus, today};
use crate::i18n::{stage_name, use_lang, use_texts};
use crate::location::use_location;
use crate::routes::Route;

/// The page at `#/guide`.
#[component]
pub fn GuidePage() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let location = use_location();
    let guidance = &corpus().guidance;
    let (on_official, total) = corpus().statements_on_official_text();
    let linked = Memo::new(move |_| {
        let location = location.read();
        if let Some(id) = location.param("statement") {
            guidance.statement(id).map(|s| statement_element_id(&s.id))
        } else {
            location
                .param("dates")
                .map(|_| "rx-key-dates-heading".to_string())
        }
    });
    // A link to a statement or to the dates opens the page there, as an anchor would.
    Effect::new(move |_| {
        if let Some(id) = linked.get() {
            crate::dom::focus_id_after_render(id);
        }
    });
    view! {
        <h1 class="rx-heading-xl">{move || Route::Guide.title(t())}</h1>
        <p class="rx-lead">{move || t().guide_intro_text}</p>
        <p class="rx-guide__official" id="rx-guide-official">
            {move || (t().guide_official_count)(on_official, total)}
            " "
            <a class="rx-link" href=Route::Sources.href()>
                {move || t().sources_title}
            </a>
        </p>
        <p>
            <a class="rx-button rx-button--link" href=Route::GuideCheck.href()>
                {move || t().guide_check_link}
            </a>
        </p>
        <nav class="rx-stage-nav" aria-label=move || t().toc_heading>
            <ul class="rx-facets__list">
                {GUIDE_STAGES
                    .iter()
                    .map(|stage| {
                        view! {
                            <li>
                                <a
                                    class="rx-link"
                                    href=crate::location::href_with_query(
                                        "/guide",
                                        &[("stage", stage)],
                                    )
                                    on:click=move |e| {
                                        e.prevent_default();
                                        scroll_to(stage);
                                    }
                                >
                                    {move || stage_name(stage, lang.get()).to_string()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
        {GUIDE_STAGES
            .iter()
            .map(|stage| {
                let statements = guidance.statements(stage, None);
                view! {
                    <section
                        class="rx-stage"
                        id=format!("stage-{stage}")
                        aria-labelledby=format!("stage-heading-{stage}")
                    >
                        <h2 id=format!("stage-heading-{stage}") tabindex="-1">
                            {move || stage_name(stage, lang.get()).to_string()}
                        </h2>
                        <ul class="rx-statements">
                            {statements
                                .into_iter()
                                .map(|s| {
                                    let current = linked.get_untracked()
                                        == Some(statement_element_id(&s.id));
                                    // The page opens anew for each link into it, so this is read once.
                                    view! { <StatementView statement=s current=current /> }
                                })
                                .collect_view()}
                        </ul>
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
    crate::dom::focus_id(&format!("stage-heading-{stage}"));
}
