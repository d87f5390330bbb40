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
pub mod page_code;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod routes;
pub mod search_state;
pub mod takeover;
pub mod target_words;
pub mod tools;

/// The id of the element holding a prerendered page; the app replaces it when it starts.
pub const PRERENDERED_ID: &str = "rx-prerendered";

/// Replaces the static loading message in `index.html`, or a prerendered page, with the
/// running app. It renders the same markup, in the same task, so nothing moves or flashes;
/// what the parent typed on the prerendered page meanwhile is kept ([`takeover`]).
///
/// The work is cut into three tasks, each short enough to leave the page responsive on a
/// slow phone: starting the wasm (this call), reading the data ([`data::load`]), and
/// rendering. As one task they blocked input for about 150 ms on Lighthouse's 4× slower CPU.
/// A prerendered document's page also waits for the texts it shows, so that the app renders
/// what the prerendered page holds (elsewhere, the widget for one, the view
/// fetches them itself: `components::with_texts`). Every page but home also waits for its
/// part of the wasm ([`page_code`]), fetched beside the data, so that it renders at once; the
/// clusters page, and a search or lookup opened with a query, for the places too.
/// Without its data or its part the app does not start: the page stays as it is and says why.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    crash::install();
    wasm_bindgen_futures::spawn_local(async {
        // The page's own code (`page_code`) comes beside the data, not after it.
        let route = routes::Route::from_path(&location::page_path());
        let (data, code) = futures::future::join(data::load(), page_code::preload(&route)).await;
        // The widget's view is known only from its parameters, checked against the data.
        let embed = data.is_ok().then(app::embed_config).flatten();
        // English's strings come before the first view in English. Without them the app
        // starts in Chinese rather than not at all.
        let english = match &embed {
            Some(config) => config.lang == Some("en"),
            None => app::stored_lang() == Some(i18n::Lang::En),
        };
        if english && i18n::load_english().await.is_err() {
            app::forget_lang();
        }
        let code = match (&data, code) {
            (Ok(()), Ok(())) => {
                let page = embed.as_ref().and_then(app::widget_page).unwrap_or(route);
                page_code::prepare(&page).await
            }
            (_, code) => code,
        };
        let loaded = match (data, code) {
            (Ok(()), Ok(())) => match prerendered_texts() {
                Some(needed) => data::load_texts(&needed).await,
                None => Ok(()),
            },
            (Err(error), _) => Err(error),
            (Ok(()), Err(page_code::PageCodeError::Data(error))) => Err(error),
            (Ok(()), Err(page_code::PageCodeError::Code(error))) => Err(data::LoadError::Network {
                url: "the page's code".to_owned(),
                message: error.to_string(),
            }),
        };
        match loaded {
            Ok(()) => {
                leptos::prelude::set_timeout(move || take_over(embed), std::time::Duration::ZERO)
            }
            Err(error) => crash::show_data_notice(&error),
        }
    });
}

/// The texts the prerendered page shows, if there is a prerendered page and the app does
/// not keep them as they are ([`takeover::keeps_document_body`]).
#[cfg(target_arch = "wasm32")]
fn prerendered_texts() -> Option<data::Needed> {
    let page = leptos::prelude::document().get_element_by_id(PRERENDERED_ID)?;
    let route = routes::Route::from_path(&location::page_path());
    if takeover::keeps_document_body(&page, &route, app::stored_lang()).is_some() {
        return None;
    }
    route.texts_needed()
}

#[cfg(target_arch = "wasm32")]
fn take_over(embed: Option<embed::EmbedConfig>) {
    let document = leptos::prelude::document();
    let typed = document
        .get_element_by_id(PRERENDERED_ID)
        .map(|prerendered| {
            let typed = takeover::Typed::read(&prerendered);
            let route = routes::Route::from_path(&location::page_path());
            if let Some(id) =
                takeover::keeps_document_body(&prerendered, &route, app::stored_lang())
            {
                takeover::keep_document_body(&prerendered, id);
            }
            prerendered.remove();
            typed
        })
        .unwrap_or_default();
    if let Some(loading) = document.get_element_by_id("rx-loading") {
        loading.remove();
    }
    leptos::mount::mount_to_body(move || leptos::prelude::view! { <app::App embed /> });
    typed.restore();
    #[cfg(feature = "test-hooks")]
    crash::panic_on_test_path();
}
