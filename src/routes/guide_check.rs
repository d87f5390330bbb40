//! The guided check: a birth date (and optionally district and household situation) gives
//! the entry years, the cohort, the statements that apply and the next steps, all cited.
//! The answer's URL (`#/guide/check?birth=2020-10-01&district=闵行区&household=permit`) holds
//! only what the parent typed, so it can be bookmarked or shared.

use leptos::prelude::*;
use ruxue_core::calendar::{CalendarDate, DateError};
use ruxue_core::model::HOUSEHOLDS;
use ruxue_core::rules::{entry_years, AgeError};

use crate::components::check_result::RESULT_HEADING_ID;
use crate::components::date_input::{date_value, DateFields, DateInput};
use crate::components::district_select::DistrictSelect;
use crate::components::error_summary::{ErrorSummary, ERROR_SUMMARY_ID};
use crate::components::household_choice::{chosen_household, HouseholdChoice};
use crate::data::{corpus, today};
use crate::i18n::{use_lang, use_texts, Texts};
use crate::location::{href_with_query, navigate, replace, use_location, use_param};
use crate::routes::Route;

/// The id prefix of the birth-date fields.
const BIRTH: &str = "rx-birth";
/// The field an error about the birth date links to: its first field, the year.
const BIRTH_ERROR_FIELD: &str = "rx-birth-year";

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
    let birth = use_param("birth");
    let (district_param, household_param) = (use_param("district"), use_param("household"));
    let district = Memo::new(move |_| {
        Some(district_param.get())
            .filter(|d| corpus().directory.district(d).is_some())
            .unwrap_or_default()
    });
    let household = Memo::new(move |_| {
        Some(household_param.get())
            .filter(|h| HOUSEHOLDS.contains(&h.as_str()))
            .unwrap_or_default()
    });
    // The form submitted before the app started (by its `action`) sends the date's three
    // fields; the page's address holds them as one `birth`, as after any other submit.
    Effect::new(move |_| {
        let from_fields = {
            let location = location.read();
            let field = |key| location.param(key).unwrap_or_default();
            let typed = ["year", "month", "day"]
                .into_iter()
                .any(|key| !field(key).is_empty());
            (location.param("birth").is_none() && typed).then(|| {
                href_with_query(
                    &Route::GuideCheck.path(),
                    &[
                        (
                            "birth",
                            &date_value(field("year"), field("month"), field("day")),
                        ),
                        ("district", field("district")),
                        ("household", field("household")),
                    ],
                )
            })
        };
        // (After the location is read: replacing it writes to it.)
        if let Some(href) = from_fields {
            replace(&href);
        }
    });
    let submitted = Memo::new(move |_| location.read().param("birth").is_some());
    let error = Signal::derive(move || {
        submitted
            .get()
            .then(|| birth_error(&birth.get(), t()))
            .flatten()
    });
    // Bumped by every submit, so a submit that leaves the URL as it was still moves focus.
    let submits = RwSignal::new(0u32);
    // The answer comes first: after a submit, and when a shared link opens the page, focus
    // (and the scroll position) moves to the result, or to the error summary.
    Effect::new(move |_| {
        submits.track();
        if submitted.get() {
            let has_error = untrack(|| error.get().is_some());
            let target = if has_error {
                ERROR_SUMMARY_ID
            } else {
                RESULT_HEADING_ID
            };
            crate::dom::focus_id_after_render(target);
        }
    });

    let birth_fields = DateFields::default();
    let district_ref = NodeRef::<leptos::html::Select>::new();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let district = district_ref.get().map(|s| s.value()).unwrap_or_default();
        navigate(&href_with_query(
            &Route::GuideCheck.path(),
            &[
                ("birth", &birth_fields.value()),
                ("district", &district),
                ("household", chosen_household()),
            ],
        ));
        submits.update(|n| *n += 1);
    };
    // The result's code is a part of its own, fetched with the first answer
    // (`crate::page_code::check_result`).
    let result = move || {
        lang.track();
        let years = entry_years(CalendarDate::parse(&birth.get()).ok()?, today()).ok()?;
        Some(crate::page_code::check_result(
            years,
            district.get(),
            household.get(),
        ))
    };

    view! {
        <p class="rx-back">
            <a class="rx-link" href=Route::Guide.href()>
                {move || Route::Guide.title(t())}
            </a>
        </p>
        <h1 class="rx-heading-xl">{move || t().check_title}</h1>
        {move || {
            error.get().map(|message| view! { <ErrorSummary message field_id=BIRTH_ERROR_FIELD /> })
        }}
        <p class="rx-lead">{move || t().check_intro}</p>
        <form class="rx-form" action=Route::GuideCheck.href() on:submit=submit novalidate>
            <DateInput
                id=BIRTH
                legend=|t| t.birth_legend
                hint=|t| t.birth_hint
                value=birth
                error=error
                fields=birth_fields
            />
            <DistrictSelect id="rx-check-district" selected=district node_ref=district_ref />
            <HouseholdChoice selected=household />
            <button class="rx-button" type="submit">
                {move || t().check_submit}
            </button>
        </form>
        {result}
    }
}
