//! A date typed as three fields, year, month and day (GOV.UK's date input): easier on a
//! phone's number pad than a date picker, and any date a parent remembers can be typed.

use leptos::html::Input;
use leptos::prelude::*;

use crate::i18n::{use_texts, Texts};

/// The three fields, read by the form on submit.
#[derive(Clone, Copy, Default)]
pub struct DateFields {
    year: NodeRef<Input>,
    month: NodeRef<Input>,
    day: NodeRef<Input>,
}

impl DateFields {
    /// What was typed, as `year-month-day`; empty when all three are empty, so "no date"
    /// and "a wrong date" stay distinct.
    pub fn value(&self) -> String {
        let read =
            |field: NodeRef<Input>| field.get().map(|input| input.value()).unwrap_or_default();
        date_value(&read(self.year), &read(self.month), &read(self.day))
    }
}

/// Three typed fields as one `year-month-day` value, each trimmed; empty when all three are
/// empty. (The fields are named `year`, `month` and `day`, which is what a form submitted
/// before the app starts sends.)
pub fn date_value(year: &str, month: &str, day: &str) -> String {
    let (year, month, day) = (year.trim(), month.trim(), day.trim());
    if year.is_empty() && month.is_empty() && day.is_empty() {
        String::new()
    } else {
        format!("{year}-{month}-{day}")
    }
}

/// The fieldset: legend, hint, the error if any, and the three fields. `id` prefixes the
/// fields' ids (`<id>-year` is the one an error links to); `value` fills them in any form the
/// date parser reads, so a shared link shows what was typed.
#[component]
pub fn DateInput(
    id: &'static str,
    legend: fn(&Texts) -> &'static str,
    hint: fn(&Texts) -> &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] error: Signal<Option<&'static str>>,
    fields: DateFields,
) -> impl IntoView {
    let t = use_texts();
    let parts = move || ruxue_core::calendar::date_fields(&value.get());
    let field = move |name: &'static str,
                      label: fn(&Texts) -> &'static str,
                      width: &'static str,
                      node_ref: NodeRef<Input>,
                      part: fn((String, String, String)) -> String| {
        let field_id = format!("{id}-{name}");
        let maxlength = if name == "year" { "4" } else { "2" };
        view! {
            <div class="rx-date-input__item">
                <label class="rx-label" for=field_id.clone()>
                    {move || label(t())}
                </label>
                <input
                    class=format!("rx-input {width}")
                    id=field_id
                    name=name
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength=maxlength
                    node_ref=node_ref
                    prop:value=move || part(parts())
                    aria-invalid=move || error.get().is_some().to_string()
                />
            </div>
        }
    };
    view! {
        <fieldset
            class="rx-fieldset"
            class:rx-fieldset--error=move || error.get().is_some()
            aria-describedby=format!("{id}-hint")
        >
            <legend class="rx-legend">{move || legend(t())}</legend>
            <p class="rx-hint" id=format!("{id}-hint")>{move || hint(t())}</p>
            {move || {
                error
                    .get()
                    .map(|m| view! { <p class="rx-error-message" id=format!("{id}-error")>{m}</p> })
            }}
            <div class="rx-date-input">
                {field("year", |t| t.field_year, "rx-input--4", fields.year, |p| p.0)}
                {field("month", |t| t.field_month, "rx-input--2", fields.month, |p| p.1)}
                {field("day", |t| t.field_day, "rx-input--2", fields.day, |p| p.2)}
            </div>
        </fieldset>
    }
}
