//! The app's location lives in the URL fragment: `index.html#/path?key=value`.
//!
//! A plain static host serves `index.html` for the folder and never sees the fragment, so
//! every view, deep links included, works under any sub-path with no rewrite rules.
//!
//! The parsing is `ruxue_core::link` (pure, and property-tested natively) rather than
//! `gloo-history`: its `HashHistory` panics (`assert_absolute_path`) whenever the fragment does
//! not start with `/`, and a parent can open any link, such as `#<script>` or a plain anchor,
//! so parsing must never panic.

use leptos::prelude::*;

pub use ruxue_core::link::{path_with_query, percent_decode, percent_encode, HashLocation};

/// The `href` of a link to `path` with query parameters (empty values left out).
pub fn href_with_query(path: &str, params: &[(&str, &str)]) -> String {
    format!("#{}", path_with_query(path, params))
}

/// The current fragment as a signal that follows the address bar (links, Back, typed URLs).
/// Provided once by the app; read it with [`use_location`].
pub fn provide_location() -> ReadSignal<HashLocation> {
    let (location, set_location) = signal(current());
    let handle =
        window_event_listener(leptos::ev::hashchange, move |_| set_location.set(current()));
    // The listener lives as long as the page; the app never unmounts.
    on_cleanup(move || handle.remove());
    provide_context(location);
    location
}

/// The location provided by the app.
pub fn use_location() -> ReadSignal<HashLocation> {
    expect_context::<ReadSignal<HashLocation>>()
}

/// Query parameter `key` of the current fragment, empty when absent: one piece of a page's
/// state, read from its URL so that the view can be shared as a link.
pub fn use_param(key: &'static str) -> Memo<String> {
    let location = use_location();
    Memo::new(move |_| location.read().param(key).unwrap_or_default().to_string())
}

fn current() -> HashLocation {
    HashLocation::parse(&window().location().hash().unwrap_or_default())
}

/// Navigates to a fragment `href` (adds a history entry, so Back undoes it).
pub fn navigate(href: &str) {
    let _ = window().location().set_hash(href.trim_start_matches('#'));
}
