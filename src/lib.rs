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
pub mod takeover;

/// Replaces the static loading message in `index.html`, or a prerendered page, with the
/// running app. It renders the same markup, in the same task, so nothing moves or flashes;
/// what the parent typed on the prerendered page meanwhile is kept ([`takeover`]).
///
/// The work is cut into three tasks, each short enough to leave the page responsive on a
/// slow phone: starting the wasm (this call), reading the data file ([`data::load`]), and
/// rendering. As one task they blocked input for about 150 ms on Lighthouse's 4× slower CPU.
/// Without its data the app does not start: the page stays as it is and says why.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    crash::install();
    wasm_bindgen_futures::spawn_local(async {
        match data::load().await {
            Ok(()) => leptos::prelude::set_timeout(take_over, std::time::Duration::ZERO),
            Err(error) => crash::show_data_notice(&error),
        }
    });
}

#[cfg(target_arch = "wasm32")]
fn take_over() {
    let document = leptos::prelude::document();
    let typed = document
        .get_element_by_id("rx-prerendered")
        .map(|prerendered| {
            let typed = takeover::Typed::read(&prerendered);
            prerendered.remove();
            typed
        })
        .unwrap_or_default();
    if let Some(loading) = document.get_element_by_id("rx-loading") {
        loading.remove();
    }
    leptos::mount::mount_to_body(app::App);
    typed.restore();
    #[cfg(feature = "test-hooks")]
    crash::panic_on_test_path();
}
