//! The household situation, as radio buttons: 本市户籍, 居住证, or neither (the values of
//! [`HOUSEHOLDS`]).

use leptos::prelude::*;
use ruxue_core::model::HOUSEHOLDS;
use wasm_bindgen::JsCast;

use crate::i18n::{use_texts, Texts};

/// The label of a household situation in the UI language.
pub fn household_label(key: &str, t: &Texts) -> &'static str {
    match key {
        "hukou" => t.household_hukou,
        "permit" => t.household_permit,
        _ => t.household_other,
    }
}

fn radio_id(household: &str) -> String {
    format!("rx-household-{household}")
}

/// The situation the parent has ticked, or empty; read by the form on submit.
pub fn chosen_household() -> &'static str {
    HOUSEHOLDS
        .iter()
        .find(|h| {
            document()
                .get_element_by_id(&radio_id(h))
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                .is_some_and(|input| input.checked())
        })
        .copied()
        .unwrap_or("")
}

/// The fieldset of radios, `selected` ticked.
#[component]
pub fn HouseholdChoice(#[prop(into)] selected: Signal<String>) -> impl IntoView {
    let t = use_texts();
    let radios = HOUSEHOLDS.iter().map(|h| {
        let id = radio_id(h);
        view! {
            <div class="rx-radio">
                <input
                    class="rx-radio__input"
                    type="radio"
                    name="household"
                    id=id.clone()
                    value=*h
                    prop:checked=move || selected.get() == *h
                />
                <label class="rx-radio__label" for=id>
                    {move || household_label(h, t())}
                </label>
            </div>
        }
    });
    view! {
        <fieldset class="rx-fieldset">
            <legend class="rx-legend">{move || t().household_legend}</legend>
            {radios.collect_view()}
        </fieldset>
    }
}
