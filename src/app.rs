//! The app shell: skip link, header, the current page, footer; and the language and
//! location state every page reads.

use leptos::prelude::*;

use crate::components::embed_shell::EmbedShell;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::components::skip_link::{focus_main, SkipLink, MAIN_ID};
use crate::components::update_notice::UpdateNotice;
use crate::components::with_texts::WithTexts;
use crate::i18n::Lang;
use crate::location::{provide_location, set_link_mode, LinkMode};
use crate::routes::home::HomePage;
use crate::routes::not_found::NotFoundPage;
use crate::routes::Route;

/// Where the language choice is remembered between visits.
/// (The start-up script in `Trunk.toml` reads it too.)
pub const LANG_STORAGE_KEY: &str = "ruxue.lang";

/// The whole portal; the widget when `embed` holds its configuration ([`embed_config`],
/// which `crate::start` reads once, after the data).
#[component]
pub fn App(#[prop(default = None)] embed: Option<crate::embed::EmbedConfig>) -> impl IntoView {
    set_link_mode(if embed.is_some() {
        LinkMode::Hash
    } else {
        LinkMode::Path
    });
    let lang = RwSignal::new(
        embed
            .as_ref()
            .and_then(|e| e.lang)
            .and_then(Lang::from_tag)
            .or_else(stored_lang)
            .unwrap_or(Lang::Zh),
    );
    provide_context(lang);
    if let Some(config) = &embed {
        if let Some(root) = document().document_element() {
            // Sizes the page to its content, so the host can size the frame to it.
            let _ = root.class_list().add_1("rx-embedded");
        }
        // The widget opens on its view; the fragment still carries its state after that.
        let hash = window().location().hash().unwrap_or_default();
        if hash.is_empty() || hash == "#" || hash == "#/" {
            let _ = window()
                .location()
                .replace(&crate::embed::EmbedRoutes::start_href(config));
        }
        if let Some(colour) = &config.theme {
            apply_theme(colour);
        }
    }
    let location = provide_location();
    let route = Memo::new(move |_| Route::from_path(&location.read().path));

    // Effects only mirror state into the world outside Leptos: <html lang>, storage, the tab title.
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        store_lang(lang);
    });
    Effect::new(move |_| document().set_title(&route.read().tab_title(lang.get())));
    // After a page change, move focus to the new content so screen-reader users hear it,
    // as a full page load would. The first render keeps the browser's own focus.
    // A link to one clause focuses that clause instead (see the reader).
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        let targets_clause = matches!(
            current,
            Route::Document {
                clause: Some(_),
                ..
            }
        );
        if previous.is_some_and(|previous| previous != current) && !targets_clause {
            focus_main();
        }
        current
    });

    if let Some(config) = embed {
        return view! { <EmbedShell config=config route=route /> }.into_any();
    }

    view! { <Portal route /> }.into_any()
}

/// The portal's page for `route`: skip link, header, the page, footer. The app renders it in
/// the browser, and the prerender step renders the same component to HTML.
#[component]
pub fn Portal(route: Memo<Route>) -> impl IntoView {
    view! {
        <SkipLink />
        <SiteHeader current=route />
        <UpdateNotice />
        <main id=MAIN_ID class="rx-main rx-width-container" tabindex="-1">
            {move || {
                let current = route.get();
                match current.texts_needed() {
                    Some(_) if kept_body(&current) => page(current),
                    Some(needed) => {
                        // The app started on this document and keeps its prerendered body.
                        // The reader shows its document's texts: it waits for them
                        // (`Route::texts_needed`, which `crate::start` reads too).
                        view! { <WithTexts needed>{page(current.clone())}</WithTexts> }
                            .into_any()
                    }
                    None => page(current),
                }
            }}
        </main>
        <SiteFooter />
    }
}

/// Whether the reader for `route` shows the prerendered body the app kept
/// (`crate::takeover`), rather than the document's texts.
fn kept_body(route: &Route) -> bool {
    match route {
        Route::Document { id, .. } => crate::takeover::has_document_body(id),
        _ => false,
    }
}

/// The page for `route`. A build that splits the pages' code (`crate::page_code`) has only
/// the home and not-found pages in this part of the wasm: every other page is shown once its
/// own part is in.
pub fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <HomePage /> }.into_any(),
        Route::NotFound => view! { <NotFoundPage /> }.into_any(),
        route => crate::page_code::page(route),
    }
}

/// The page the widget opens on; `None` for its clause view, which is in the main part.
/// `crate::start` fetches that page's code before the app starts.
pub fn widget_page(config: &crate::embed::EmbedConfig) -> Option<Route> {
    match config.view {
        ruxue_core::embed::EmbedView::Lookup => Some(Route::Lookup),
        ruxue_core::embed::EmbedView::Calculator => Some(Route::GuideCheck),
        ruxue_core::embed::EmbedView::Search => Some(Route::Search),
        ruxue_core::embed::EmbedView::Item => None,
    }
}

/// The embed configuration, when the page was opened as a widget (`?embed=1…`). Read once,
/// when the data is in (it checks the district and item against it).
///
/// Only `embed.html` may be framed by other sites (see scripts/csp.mjs), so it is always the
/// widget, whatever its query says; an old snippet's `index.html?embed=1…` is sent there.
pub fn embed_config() -> Option<crate::embed::EmbedConfig> {
    let location = window().location();
    let query = location.search().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let entry = crate::embed::Entry::of_path(&path);
    if let Some(target) = crate::embed::entry_redirect(entry, &path, &query) {
        let hash = location.hash().unwrap_or_default();
        let _ = location.replace(&format!("{target}{hash}"));
    }
    let query = match entry {
        crate::embed::Entry::Widget => crate::embed::widget_query(&query),
        crate::embed::Entry::Portal => query,
    };
    let corpus = crate::data::corpus();
    crate::embed::parse(
        &query,
        |d| corpus.directory.district(d).is_some(),
        |item| corpus.item(item).is_some(),
    )
}

/// Sets the brand colour through the CSSOM, which a strict Content-Security-Policy allows
/// (an inline `style` attribute would need 'unsafe-inline').
fn apply_theme(colour: &str) {
    use wasm_bindgen::JsCast;
    if let Some(root) = document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let style = root.style();
        for property in ["--rx-color-brand", "--rx-color-button", "--rx-color-link"] {
            let _ = style.set_property(property, colour);
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Storage can be refused (private mode, sandboxed frames); the portal then just forgets.
    window().local_storage().ok().flatten()
}

/// The language the parent chose on this device before, if any.
pub fn stored_lang() -> Option<Lang> {
    Lang::from_tag(&storage()?.get_item(LANG_STORAGE_KEY).ok()??)
}

/// Forgets the stored language, for a start whose English strings could not be fetched.
pub fn forget_lang() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(LANG_STORAGE_KEY);
    }
}

fn store_lang(lang: Lang) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LANG_STORAGE_KEY, lang.tag());
    }
}
