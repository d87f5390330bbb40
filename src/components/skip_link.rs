//! The first focusable element on every page: jumps past the header to the main content.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// The id of the element the skip link moves focus to.
pub const MAIN_ID: &str = "rx-main";

/// A link that moves keyboard focus to `<main>`. It must not change the fragment, which
/// holds the route, so it focuses the target itself instead of navigating to `#rx-main`.
#[component]
pub fn SkipLink() -> impl IntoView {
    let t = use_texts();
    let skip = move |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        focus_main();
    };
    view! {
        <a class="rx-skip-link" href=format!("#{MAIN_ID}") on:click=skip>
            {move || t().skip_to_content}
        </a>
    }
}

/// Moves focus (and with it the screen reader and the scroll position) to `<main>`.
pub fn focus_main() {
    crate::dom::focus_id(MAIN_ID);
}
