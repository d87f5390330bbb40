//! The guided check's answer: entry years, cohort, the child's situation, the statements that
//! apply, what to do next and the dates that matter, every fact with its source.

use leptos::prelude::*;
use ruxue_core::rules::{intake_year_for, stages_for, EntryYears, Situation};

use crate::components::checklist::Checklist;
use crate::components::key_dates::KeyDates;
use crate::components::statement_view::StatementView;
use crate::data::{corpus, today};
use crate::i18n::{stage_name, use_lang, use_texts, Texts};

/// The element id of the answer's heading, which takes focus after a submit.
pub const RESULT_HEADING_ID: &str = "rx-result-heading";

fn year_text(year: i32, t: &Texts) -> String {
    if t.result_september == "September" {
        format!("September {year}")
    } else {
        format!("{year}{}", t.result_september)
    }
}

fn situation_text(situation: Situation, t: &Texts) -> &'static str {
    match situation {
        Situation::NotYetBorn => t.situation_not_born,
        Situation::BeforeKindergarten => t.situation_before_kindergarten,
        Situation::BeforePrimary => t.situation_before_primary,
        Situation::PastPrimaryEntry => t.situation_past_primary,
    }
}

/// The answer for a child with `years`, in `district` and `household` (empty: not given).
/// Its strings are read once: the page rebuilds it when the UI language changes.
#[component]
pub fn CheckResult(years: EntryYears, district: String, household: String) -> impl IntoView {
    let t = use_texts()();
    let lang = use_lang().get_untracked();
    let g = &corpus().guidance;
    let stages = stages_for(
        years.situation,
        Some(household.as_str()).filter(|h| !h.is_empty()),
    );
    let district = Some(district.as_str()).filter(|d| !d.is_empty());
    let statements = g.statements_for(&stages, district);
    let cohort = years.sources.iter().filter_map(|id| g.statement(id));
    let by_stage = stages.iter().map(|stage| {
        let here: Vec<_> = statements
            .iter()
            .filter(|s| s.stage == *stage && !years.sources.contains(&s.id))
            .copied()
            .collect();
        (!here.is_empty()).then(|| {
            view! {
                <h3>{stage_name(stage, lang).to_string()}</h3>
                <ul class="rx-statements">
                    {here
                        .into_iter()
                        .map(|s| view! { <StatementView statement=s /> })
                        .collect_view()}
                </ul>
            }
        })
    });
    let cohort_text = format!(
        "{} {} {} {}",
        years.cohort_start, t.result_cohort_to, years.cohort_end, t.result_born
    );
    view! {
        <section class="rx-result-panel" aria-labelledby=RESULT_HEADING_ID>
            <h2 id=RESULT_HEADING_ID tabindex="-1">
                {t.result_heading}
            </h2>
            <dl class="rx-facts">
                <div class="rx-facts__row">
                    <dt>{t.result_kindergarten}</dt>
                    <dd class="rx-result-panel__year">{year_text(years.kindergarten_year, t)}</dd>
                </div>
                <div class="rx-facts__row">
                    <dt>{t.result_primary}</dt>
                    <dd class="rx-result-panel__year">{year_text(years.primary_year, t)}</dd>
                </div>
                <div class="rx-facts__row">
                    <dt>{t.result_cohort}</dt>
                    <dd>{cohort_text}</dd>
                </div>
            </dl>
            <p class="rx-notice">{situation_text(years.situation, t)}</p>
            <ul class="rx-statements">
                {cohort.map(|s| view! { <StatementView statement=s /> }).collect_view()}
            </ul>
            <h2>{t.applicable_heading}</h2>
            {by_stage.collect_view()}
            <h2>{t.next_steps_heading}</h2>
            <Checklist household=household.clone() />
            <KeyDates today=today() intake=intake_year_for(&years, today()) />
            <p class="rx-notice">{t.official_prevails_long} " " {t.share_hint}</p>
        </section>
    }
}
