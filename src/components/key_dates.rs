//! Key dates for the coming intake: said plainly when they are not yet published, with the
//! latest published year shown only as a labelled reference.

use leptos::prelude::*;
use ruxue_core::calendar::CalendarDate;
use ruxue_core::rules::next_intake_year;

use crate::components::calendar_link::CalendarLink;
use crate::components::source_note::SourceNote;
use crate::data::corpus;
use crate::i18n::{use_lang, use_texts, Lang};

/// The key-dates section as of `today`.
#[component]
pub fn KeyDates(today: CalendarDate, #[prop(optional)] intake: Option<i32>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let guidance = &corpus().guidance;
    let year = intake.unwrap_or_else(|| next_intake_year(today));
    let published = guidance.cycles_for(year);
    let mut references: Vec<_> = guidance.cycles.iter().filter(|c| c.year < year).collect();
    references.sort_by_key(|c| std::cmp::Reverse(c.year));
    view! {
        <section class="rx-key-dates" aria-labelledby="rx-key-dates-heading">
            <h2 id="rx-key-dates-heading" tabindex="-1">
                {move || t().key_dates_heading}
            </h2>
            {if published.is_empty() {
                view! {
                    <p class="rx-notice rx-key-dates__unpublished">
                        <strong>
                            {year} {move || if lang.get() == Lang::Zh { "" } else { " " }}
                        </strong>
                        {move || t().dates_not_published}
                        " "
                        {move || t().calendar_unpublished}
                    </p>
                }
                    .into_any()
            } else {
                published.iter().map(|c| cycle_view(c, false)).collect_view().into_any()
            }}
            {(!references.is_empty())
                .then(|| {
                    view! {
                        <p class="rx-key-dates__reference-label">
                            {move || t().dates_reference_label}
                        </p>
                        <p class="rx-key-dates__hint">{move || t().calendar_hint}</p>
                        {references.into_iter().map(|c| cycle_view(c, true)).collect_view()}
                    }
                })}
        </section>
    }
}

fn cycle_view(cycle: &'static ruxue_core::model::DateCycle, reference: bool) -> impl IntoView {
    let lang = use_lang();
    let heading = format!(
        "{}年 · {}{}",
        cycle.year,
        cycle.scope,
        if reference { "（参考）" } else { "" }
    );
    view! {
        <div class="rx-timeline" class:rx-timeline--reference=reference>
            <h3 class="rx-timeline__heading" lang="zh-CN">{heading}</h3>
            <ol class="rx-timeline__list">
                {cycle
                    .events
                    .iter()
                    .enumerate()
                    .map(|(i, e)| view! {
                        <li class="rx-timeline__event">
                            <span class="rx-timeline__when" lang="zh-CN">{e.when.clone()}</span>
                            <span class="rx-timeline__what">{move || if lang.get() == Lang::Zh { e.zh.clone() } else { e.en.clone() }}</span>
                            <CalendarLink cycle=cycle only=Some(i) />
                        </li>
                    })
                    .collect_view()}
            </ol>
            <p class="rx-timeline__calendar">
                <CalendarLink cycle=cycle only=None />
            </p>
            <SourceNote source=cycle.source.clone() />
        </div>
    }
}
