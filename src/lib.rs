//! Ruxue's client-side app: a thin Leptos UI over `ruxue-core`, compiled to WebAssembly by trunk.
//!
//! Start at [`app::App`]; pages are listed in [`routes`], shared components in [`components`].

pub mod app;
pub mod components;
pub mod crash;
pub mod data;
pub mod dom;
pub mod embed;
pub mod i18n;
pub mod location;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod routes;
pub mod search_state;

/// Replaces the static loading message in `index.html`, or a prerendered page, with the
/// running app. It renders the same markup, in the same task, so nothing moves or flashes.
pub fn start() {
    crash::install();
    let document = leptos::prelude::document();
    for placeholder in ["rx-loading", "rx-prerendered"] {
        if let Some(element) = document.get_element_by_id(placeholder) {
            element.remove();
        }
    }
    leptos::mount::mount_to_body(app::App);
    #[cfg(feature = "test-hooks")]
    crash::panic_on_test_path();
}
