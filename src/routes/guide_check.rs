//! The guided check: a birth date (and optionally district and household situation) gives
//! the entry years, the cohort, the statements that apply and the next steps, all cited.
//! The answer's URL (`#/guide/check?birth=2020-10-01&district=闵行区&household=permit`) holds
//! only what the parent typed, so it can be bookmarked or shared.

use leptos::prelude::*;
use ruxue_core::calendar::{CalendarDate, DateError};
use ruxue_core::model::HOUSEHOLDS;
use ruxue_core::rules::{entry_years, intake_year_for, stages_for, AgeError, Situation};

use crate::components::key_dates::KeyDates;
use crate::components::source_note::SourceNote;
use crate::components::statement_view::StatementView;
use crate::data::{corpus, today};
use crate::i18n::{stage_name, use_lang, use_texts, Texts};
use crate::location::{href_with_query, navigate, use_location};
use crate::routes::Route;

/// Where focus goes once the page shows an answer: the result, or the error summary.
const RESULT_HEADING: &str = "rx-result-heading";
const ERROR_SUMMARY: &str = "rx-error-summary";

fn household_label(key: &str, t: &Texts) -> &'static str {
    match key {
        "hukou" => t.household_hukou,
        "permit" => t.household_permit,
        _ => t.household_other,
    }
}

/// What went wrong with the birth date, as a message in the UI language.
fn birth_error(birth: &str, t: &Texts) -> Option<&'static str> {
    if birth.trim().is_empty() {
        return Some(t.error_birth_missing);
    }
    match CalendarDate::parse(birth) {
        Err(DateError::Format | DateError::Impossible) => Some(t.error_birth_format),
        Ok(date) => match entry_years(date, today()) {
            Err(AgeError::TooFarAhead) => Some(t.error_birth_future),
            Err(AgeError::TooLongAgo) => Some(t.error_birth_old),
            Ok(_) => None,
        },
    }
}

/// The page at `#/guide/check`.
#[component]
pub fn GuideCheckPage() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let location = use_location();
    let param = move |key: &str| location.read().param(key).unwrap_or_default().to_string();
    let birth = Memo::new(move |_| param("birth"));
    let district = Memo::new(move |_| {
        let d = param("district");
        if corpus().directory.district(&d).is_some() {
            d
        } else {
            String::new()
        }
    });
    let household = Memo::new(move |_| {
        let h = param("household");
        if HOUSEHOLDS.contains(&h.as_str()) {
            h
        } else {
            String::new()
        }
    });
    let submitted = Memo::new(move |_| location.read().param("birth").is_some());
    // Bumped by every submit, so a submit that leaves the URL as it was still moves focus.
    let submits = RwSignal::new(0u32);
    // The answer comes first: after a submit, and when a shared link opens the page, focus
    // (and the scroll position) moves to the result, or to the error summary.
    Effect::new(move |_| {
        submits.track();
        if !submitted.get() {
            return;
        }
        let typed = birth.get();
        let has_error = untrack(|| birth_error(&typed, t()).is_some());
        crate::dom::focus_id_after_render(if has_error {
            ERROR_SUMMARY
        } else {
            RESULT_HEADING
        });
    });

    // The three date fields start from the URL, and the form writes back to it.
    // Any form the date parser reads (2020/10/1, 2020年10月1日) fills the fields, so a shared
    // link re-submits the same date.
    let parts = move || ruxue_core::calendar::date_fields(&birth.get());
    let (year_ref, month_ref, day_ref) = (
        NodeRef::<leptos::html::Input>::new(),
        NodeRef::<leptos::html::Input>::new(),
        NodeRef::<leptos::html::Input>::new(),
    );
    let district_ref = NodeRef::<leptos::html::Select>::new();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let value = |r: NodeRef<leptos::html::Input>| {
            r.get()
                .map(|i| i.value().trim().to_string())
                .unwrap_or_default()
        };
        let (y, m, d) = (value(year_ref), value(month_ref), value(day_ref));
        let birth = if y.is_empty() && m.is_empty() && d.is_empty() {
            String::new()
        } else {
            format!("{y}-{m}-{d}")
        };
        let district = district_ref.get().map(|s| s.value()).unwrap_or_default();
        let household = HOUSEHOLDS
            .iter()
            .find(|h| {
                document()
                    .get_element_by_id(&format!("rx-household-{h}"))
                    .and_then(|e| {
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok()
                    })
                    .is_some_and(|i| i.checked())
            })
            .copied()
            .unwrap_or("");
        navigate(&href_with_query(
            &Route::GuideCheck.path(),
            &[
                ("birth", &birth),
                ("district", &district),
                ("household", household),
            ],
        ));
        submits.update(|n| *n += 1);
    };
    let error = move || {
        if submitted.get() {
            birth_error(&birth.get(), t())
        } else {
            None
        }
    };

    view! {
        <p class="rx-back"><a class="rx-link" href=Route::Guide.href()>{move || Route::Guide.title(t())}</a></p>
        <h1 class="rx-heading-xl">{move || t().check_title}</h1>
        {move || error().map(|message| view! {
            <div class="rx-error-summary" id=ERROR_SUMMARY role="alert" aria-labelledby="rx-error-summary-title" tabindex="-1">
                <h2 class="rx-error-summary__title" id="rx-error-summary-title">{t().error_summary_title}</h2>
                <ul><li><a class="rx-link" href="#rx-birth-year" on:click=|e| { e.prevent_default(); crate::dom::focus_id("rx-birth-year"); }>{message}</a></li></ul>
            </div>
        })}
        <p class="rx-lead">{move || t().check_intro}</p>
        <form class="rx-form" on:submit=submit novalidate>
            <fieldset class="rx-fieldset" class:rx-fieldset--error=move || error().is_some() aria-describedby="rx-birth-hint">
                <legend class="rx-legend">{move || t().birth_legend}</legend>
                <p class="rx-hint" id="rx-birth-hint">{move || t().birth_hint}</p>
                {move || error().map(|m| view! { <p class="rx-error-message" id="rx-birth-error">{m}</p> })}
                <div class="rx-date-input">
                    <div class="rx-date-input__item">
                        <label class="rx-label" for="rx-birth-year">{move || t().field_year}</label>
                        <input class="rx-input rx-input--4" id="rx-birth-year" name="year" inputmode="numeric" autocomplete="off" maxlength="4" node_ref=year_ref prop:value=move || parts().0 aria-invalid=move || error().is_some().to_string() />
                    </div>
                    <div class="rx-date-input__item">
                        <label class="rx-label" for="rx-birth-month">{move || t().field_month}</label>
                        <input class="rx-input rx-input--2" id="rx-birth-month" name="month" inputmode="numeric" autocomplete="off" maxlength="2" node_ref=month_ref prop:value=move || parts().1 aria-invalid=move || error().is_some().to_string() />
                    </div>
                    <div class="rx-date-input__item">
                        <label class="rx-label" for="rx-birth-day">{move || t().field_day}</label>
                        <input class="rx-input rx-input--2" id="rx-birth-day" name="day" inputmode="numeric" autocomplete="off" maxlength="2" node_ref=day_ref prop:value=move || parts().2 aria-invalid=move || error().is_some().to_string() />
                    </div>
                </div>
            </fieldset>
            <div class="rx-field">
                <label class="rx-label" for="rx-check-district">{move || t().district_label}</label>
                <select class="rx-select" id="rx-check-district" node_ref=district_ref>
                    <option value="" selected=move || district.get().is_empty()>{move || t().district_any}</option>
                    {corpus()
                        .directory
                        .districts
                        .iter()
                        .map(|d| {
                            let name = d.name.clone();
                            let value = name.clone();
                            view! { <option value=value selected=move || district.get() == name lang="zh-CN">{d.name.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <fieldset class="rx-fieldset">
                <legend class="rx-legend">{move || t().household_legend}</legend>
                {HOUSEHOLDS
                    .iter()
                    .map(|h| {
                        let id = format!("rx-household-{h}");
                        view! {
                            <div class="rx-radio">
                                <input class="rx-radio__input" type="radio" name="household" id=id.clone() value=*h prop:checked=move || household.get() == *h />
                                <label class="rx-radio__label" for=id>{move || household_label(h, t())}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <button class="rx-button" type="submit">{move || t().check_submit}</button>
        </form>
        {move || {
            let date = CalendarDate::parse(&birth.get()).ok()?;
            let years = entry_years(date, today()).ok()?;
            let district = district.get();
            let household = household.get();
            let t = t();
            let situation = match years.situation {
                Situation::NotYetBorn => t.situation_not_born,
                Situation::BeforeKindergarten => t.situation_before_kindergarten,
                Situation::BeforePrimary => t.situation_before_primary,
                Situation::PastPrimaryEntry => t.situation_past_primary,
            };
            let stages = stages_for(years.situation, Some(household.as_str()).filter(|h| !h.is_empty()));
            let g = &corpus().guidance;
            let district_filter = (!district.is_empty()).then_some(district.clone());
            let statements = g.statements_for(&stages, district_filter.as_deref());
            let cohort: Vec<_> = years.sources.iter().filter_map(|id| g.statement(id)).collect();
            // The dates that matter next for this child.
            let intake = intake_year_for(&years, today());
            Some(view! {
                <section class="rx-result-panel" aria-labelledby="rx-result-heading">
                    <h2 id=RESULT_HEADING tabindex="-1">{t.result_heading}</h2>
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
                            <dd>{format!("{} {} {} {}", years.cohort_start, t.result_cohort_to, years.cohort_end, t.result_born)}</dd>
                        </div>
                    </dl>
                    <p class="rx-notice">{situation}</p>
                    <ul class="rx-statements">{cohort.into_iter().map(|s| view! { <StatementView statement=s /> }).collect_view()}</ul>
                    <h2>{t.applicable_heading}</h2>
                    {stages
                        .iter()
                        .map(|stage| {
                            let here: Vec<_> = statements.iter().filter(|s| s.stage == *stage && !years.sources.contains(&s.id)).copied().collect();
                            (!here.is_empty()).then(|| view! {
                                <h3>{stage_name(stage, lang.get_untracked()).to_string()}</h3>
                                <ul class="rx-statements">{here.into_iter().map(|s| view! { <StatementView statement=s /> }).collect_view()}</ul>
                            })
                        })
                        .collect_view()}
                    <h2>{t.next_steps_heading}</h2>
                    <Checklist household=household.clone() />
                    <KeyDates today=today() intake=intake />
                    <p class="rx-notice">{t.official_prevails_long} " " {t.share_hint}</p>
                </section>
            })
        }}
    }
}

fn year_text(year: i32, t: &Texts) -> String {
    if t.result_september == "September" {
        format!("September {year}")
    } else {
        format!("{year}{}", t.result_september)
    }
}

/// "What to do next": the steps for the household situation the parent chose (or the steps
/// every household shares), each with the sources of the statement it restates. Its strings
/// are read once: the result is rebuilt when the UI language changes.
#[component]
fn Checklist(household: String) -> impl IntoView {
    let t = use_texts()();
    let lang = use_lang().get_untracked();
    let guidance = &corpus().guidance;
    let chosen = (!household.is_empty()).then_some(household.as_str());
    let steps = guidance.steps_for(chosen);
    view! {
        {chosen.is_none().then(|| view! { <p class="rx-hint">{t.steps_choose_household}</p> })}
        <ol class="rx-checklist">
            {steps
                .into_iter()
                .map(|step| {
                    let sources = guidance
                        .statement(&step.statement)
                        .map(|s| s.sources.clone())
                        .unwrap_or_default();
                    let (text, text_lang) = match lang {
                        crate::i18n::Lang::Zh => (&step.zh, "zh-CN"),
                        crate::i18n::Lang::En => (&step.en, "en"),
                    };
                    view! {
                        <li class="rx-checklist__item">
                            <p class="rx-checklist__text" lang=text_lang>{text.clone()}</p>
                            {sources.into_iter().map(|s| view! { <SourceNote source=s /> }).collect_view()}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
