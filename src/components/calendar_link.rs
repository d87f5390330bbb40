//! 加入日历: a link that downloads key dates as an iCalendar file made on the device
//! (`ruxue_core::ics`, in `crate::tools`), so it works offline and the phone's calendar
//! imports it.

use leptos::prelude::*;
use ruxue_core::ics::{file_name, IcsLanguage};
use ruxue_core::model::DateCycle;

use crate::data::{corpus, today};
use crate::i18n::{use_lang, use_texts, Lang};
use crate::tools::Request;

/// A link to add `cycle`'s dates (or only its event `only`) to the calendar.
#[component]
pub fn CalendarLink(cycle: &'static DateCycle, only: Option<usize>) -> AnyView {
    // The prerendered page has none: without the app, the link could not make its file.
    if cfg!(not(target_arch = "wasm32")) {
        return ().into_any();
    }
    let t = use_texts();
    let lang = use_lang();
    let name = move || match only.and_then(|i| cycle.events.get(i)) {
        Some(event) if lang.get() == Lang::Zh => event.zh.clone(),
        Some(event) => event.en.clone(),
        None => format!("{} {}", cycle.year, cycle.scope),
    };
    let index = corpus()
        .guidance
        .cycles
        .iter()
        .position(|c| std::ptr::eq(c, cycle))
        .unwrap_or_default();
    // The file is made on the press, by the tools' part (`crate::tools`): a data address for
    // every date would weigh on the page, and so would the code that writes the file. The
    // press waits for it, puts the file in the link and presses the link again.
    let make = move |e: leptos::ev::MouseEvent| {
        let Some(link) = e
            .current_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlAnchorElement>(t).ok())
        else {
            return;
        };
        if link.has_attribute(READY) {
            let _ = link.remove_attribute(READY);
            return;
        }
        e.prevent_default();
        let failed_text = lang.get_untracked().texts().calendar_failed;
        let language = if lang.get_untracked() == Lang::Zh {
            IcsLanguage::Chinese
        } else {
            IcsLanguage::English
        };
        leptos::task::spawn_local(async move {
            let request = Request::Calendar {
                cycle: index,
                only,
                language,
                today: today(),
            };
            let file = crate::tools::run(request).await.unwrap_or_default();
            // The status line beside the link says when the file could not be made.
            if let Some(status) = link.next_element_sibling() {
                status.set_text_content(file.is_empty().then_some(failed_text));
            }
            if !file.is_empty() {
                let encoded: String = js_sys::encode_uri_component(&file).into();
                link.set_href(&format!("data:text/calendar;charset=utf-8,{encoded}"));
                let _ = link.set_attribute(READY, "");
                link.click();
                link.set_href("#");
            }
        });
    };
    view! {
        <a
            class="rx-link rx-calendar-link"
            class:rx-calendar-link--all=only.is_none()
            href="#"
            download=file_name(cycle, only)
            type="text/calendar"
            on:click=make
        >
            {move || if only.is_some() { t().calendar_add_one } else { t().calendar_add_all }}
            <span class="rx-visually-hidden">{move || format!("：{}", name())}</span>
        </a>
        <span class="rx-calendar-link__status" role="status"></span>
    }
    .into_any()
}

/// Marks the link while it holds the file, for the press that downloads it.
const READY: &str = "data-rx-ready";
