//! The widget's frame: no header or navigation, a note for invalid settings, the chosen view,
//! and a footer that opens the full portal. Links that would leave the view open the portal in
//! a new tab. The widget reports its height to the embedding page (only to the origin the
//! loader named), and listens to no message at all, so the host cannot script it.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::clause_view::ClauseView;
use crate::components::copy_citation::{provide_copy_status, CopyStatus};
use crate::components::last_checked::LastChecked;
use crate::components::report_link::ReportLink;
use crate::components::with_texts::WithTexts;
use crate::data::Needed;
use crate::embed::{EmbedConfig, EmbedRoutes, EmbedView};
use crate::i18n::use_texts;
use crate::location::{use_location, HashLocation};
use crate::routes::Route;

/// The full portal's address (the folder's index page, not the widget's entry), for links out.
fn portal_address() -> String {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let path = match path.strip_suffix(crate::embed::WIDGET_ENTRY) {
        Some(folder) => format!("{folder}index.html"),
        None => path,
    };
    format!("{}{path}", location.origin().unwrap_or_default())
}

/// The widget.
#[component]
pub fn EmbedShell(config: EmbedConfig, route: Memo<Route>) -> impl IntoView {
    let t = use_texts();
    let location = use_location();
    let notes = config.notes.join(", ");
    let view = config.view;
    let keeps = {
        let config = config.clone();
        move |route: &Route| config.keeps(route)
    };

    // Links out of the view open the full portal in a new tab instead of navigating the widget.
    let handle = window_event_listener(leptos::ev::click, move |event| {
        let Some(anchor) = crate::dom::clicked(&event, "a[href^='#/']") else {
            return;
        };
        let href = anchor.get_attribute("href").unwrap_or_default();
        if !keeps(&Route::from_path(&HashLocation::parse(&href).path)) {
            event.prevent_default();
            let _ = window().open_with_url_and_target_and_features(
                &format!("{}{href}", portal_address()),
                "_blank",
                "noopener,noreferrer",
            );
        }
    });
    on_cleanup(move || handle.remove());

    if let Some(host) = config.host.clone() {
        report_height(host);
    }

    let open_href = move || {
        format!("{}#{}", portal_address(), {
            let l = location.read();
            let query: Vec<String> = l
                .query
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{}={}",
                        crate::location::percent_encode(k),
                        crate::location::percent_encode(v)
                    )
                })
                .collect();
            if query.is_empty() {
                l.path.clone()
            } else {
                format!("{}?{}", l.path, query.join("&"))
            }
        })
    };
    let item = config.item.clone();

    view! {
        <main id=crate::components::skip_link::MAIN_ID class="rx-embed" tabindex="-1">
            <Show when={
                let n = notes.clone();
                move || !n.is_empty()
            }>
                <p class="rx-notice rx-embed__note" role="note">
                    {move || t().embed_invalid}
                    <code>{notes.clone()}</code>
                </p>
            </Show>
            {move || match (view, route.get()) {
                (EmbedView::Lookup, _) => crate::app::page(Route::Lookup),
                (EmbedView::Calculator, _) => crate::app::page(Route::GuideCheck),
                (EmbedView::Item, _) => {
                    let doc = item.as_ref().map(|(doc, _)| doc.clone()).unwrap_or_default();
                    let item = item.clone();
                    view! {
                        <WithTexts needed=Needed::Document(
                            doc,
                        )>{embed_item(item.clone())}</WithTexts>
                    }
                        .into_any()
                }
                (EmbedView::Search, _) => crate::app::page(Route::Search),
            }}
            <footer class="rx-embed__footer">
                <span>{move || t().embed_brand}</span>
                " · "
                <a class="rx-link" href=open_href target="_blank" rel="noopener noreferrer">
                    {move || t().embed_open_portal}
                </a>
                <br />
                <LastChecked />
                " "
                <ReportLink />
            </footer>
        </main>
    }
}

/// One policy clause with its citation, and a link to the whole document.
fn embed_item(item: Option<(String, String)>) -> impl IntoView {
    let t = use_texts();
    provide_copy_status();
    let found = item.and_then(|(doc, clause)| {
        let document = crate::data::document(&doc)?;
        Some((document, document.clause(&clause)?))
    });
    found.map(|(document, clause)| {
        let whole = format!(
            "{}#{}",
            portal_address(),
            Route::Document {
                id: document.meta.id.clone(),
                clause: None
            }
            .path()
        );
        view! {
            <h1 class="rx-heading-l" lang="zh-CN">
                {document.citation(clause)}
            </h1>
            <ClauseView document=document clause=clause is_target=false />
            <p>
                <a class="rx-link" href=whole target="_blank" rel="noopener noreferrer">
                    {move || t().embed_read_whole}
                </a>
            </p>
            <CopyStatus />
        }
    })
}

/// Sends the document's height to `host` whenever it changes.
fn report_height(host: String) {
    let post = move || {
        // The body's own height: the document's would never drop below the frame's.
        let height = document().body().map_or(0, |b| b.offset_height());
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"ruxue:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(height));
        if let Ok(Some(parent)) = window().parent() {
            let _ = parent.post_message(&message, &host);
        }
    };
    let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>::new(
        move |_: js_sys::Array, _: web_sys::ResizeObserver| post(),
    );
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()),
        document().body(),
    ) {
        observer.observe(&body);
    }
    // The observer lives as long as the widget's page.
    callback.forget();
}
