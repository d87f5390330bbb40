//! When the data was last checked against its sources (`data/site.toml`), as a `<time>`.

use leptos::prelude::*;
use ruxue_core::calendar::CalendarDate;

use crate::data::corpus;
use crate::i18n::use_texts;

/// "数据核对日期：2026年11月23日"; nothing if the date does not parse, which the build prevents.
#[component]
pub fn LastChecked() -> impl IntoView {
    let t = use_texts();
    let site = &corpus().site;
    CalendarDate::parse(&site.last_checked).ok().map(|date| {
        view! {
            <time class="rx-last-checked" datetime=site.last_checked.clone()>
                {move || (t().last_checked)(date.year, date.month, date.day)}
            </time>
        }
    })
}
