//! Small DOM helpers the pages share: moving focus where a page's answer is, and writing to
//! the clipboard.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves focus to the element with `id`, which scrolls it into view and tells a screen reader
/// where the page now is. Returns whether there was such an element.
pub fn focus_id(id: &str) -> bool {
    let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    focus(&element);
    true
}

/// Moves focus to the first element matching `selector`, as [`focus_id`] does. Returns
/// whether there was one.
pub fn focus_first(selector: &str) -> bool {
    let Some(element) = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    focus(&element);
    true
}

fn focus(element: &web_sys::HtmlElement) {
    element.scroll_into_view();
    let _ = element.focus();
}

/// Moves focus to `id` once the browser has painted what the latest state renders, or, when
/// that has no such element yet (an answer whose code is still on its way,
/// `crate::page_code`), as soon as a later frame has it, for up to about ten seconds.
pub fn focus_id_after_render(id: impl Into<String>) {
    focus_when_shown(id.into(), 600);
}

fn focus_when_shown(id: String, frames_left: u32) {
    request_animation_frame(move || {
        if !focus_id(&id) && frames_left > 0 {
            focus_when_shown(id, frames_left - 1);
        }
    });
}

/// The element matching `selector` that a click landed in (the link around a clicked icon).
pub fn clicked(event: &web_sys::MouseEvent, selector: &str) -> Option<web_sys::Element> {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest(selector).ok().flatten())
}

/// Writes `text` to the clipboard; false when the browser refuses (no permission, no secure
/// context), so the caller can show the text to copy by hand.
pub async fn write_clipboard(text: &str) -> bool {
    let promise = window().navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
