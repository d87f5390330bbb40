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

/// The meta tag a prerendered page names its own path with (see `crate::prerender`).
pub const PAGE_PATH_META: &str = "rx-path";

/// Where the app is: the fragment when it names a page (`#/guide`, old links and the widget),
/// otherwise, on a prerendered page file (`guide/`), that page and the address's query.
fn current() -> HashLocation {
    let location = window().location();
    let hash = location.hash().unwrap_or_default();
    if hash.starts_with("#/") {
        return HashLocation::parse(&hash);
    }
    let page_path = document()
        .query_selector(&format!("meta[name='{PAGE_PATH_META}']"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"));
    match page_path {
        Some(path) => {
            let search = location.search().unwrap_or_default();
            HashLocation::parse(&format!("#{path}{search}"))
        }
        None => HashLocation::parse(&hash),
    }
}

/// Replaces the current address with `href` (no new history entry), for state that changes
/// as the parent types. The fragment is set on this page's own address: a prerendered page's
/// `<base>` points at the portal's root, which a bare `#…` would resolve against.
pub fn replace(href: &str) {
    let location = window().location();
    let here = location.href().unwrap_or_default();
    let here = here.split('#').next().unwrap_or_default();
    let _ = location.replace(&format!("{here}{href}"));
}

/// Navigates to a fragment `href` (adds a history entry, so Back undoes it).
pub fn navigate(href: &str) {
    let _ = window().location().set_hash(href.trim_start_matches('#'));
}
