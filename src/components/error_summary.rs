//! The error summary at the top of a form (GOV.UK's pattern): it takes focus after a failed
//! submit, and its link moves focus to the field to fix.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// The element id the summary has, for moving focus to it.
pub const ERROR_SUMMARY_ID: &str = "rx-error-summary";

/// A summary of one error, linking to the field `field_id`.
#[component]
pub fn ErrorSummary(message: &'static str, field_id: &'static str) -> impl IntoView {
    let t = use_texts();
    let href = format!("#{field_id}");
    let focus_field = move |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        crate::dom::focus_id(field_id);
    };
    view! {
        <div
            class="rx-error-summary"
            id=ERROR_SUMMARY_ID
            role="alert"
            aria-labelledby="rx-error-summary-title"
            tabindex="-1"
        >
            <h2 class="rx-error-summary__title" id="rx-error-summary-title">
                {move || t().error_summary_title}
            </h2>
            <ul>
                <li>
                    <a class="rx-link" href=href on:click=focus_field>
                        {message}
                    </a>
                </li>
            </ul>
        </div>
    }
}
