//! 嵌入本站: schools choose a view and options, see a live preview, and copy a snippet, either
//! the loader with its custom element, or a plain iframe. The choices live in the URL; the
//! snippets are written by `ruxue_core::embed::EmbedChoice`.

use leptos::prelude::*;

use crate::components::copy_citation::{provide_copy_status, CopyStatus};
use crate::components::embed_options::{view_label, EmbedOptions};
use crate::components::embed_snippet::EmbedSnippet;
use crate::data::corpus;
use crate::embed::{readable_brand_colour, EmbedChoice, EmbedView};
use crate::i18n::use_texts;
use crate::location::{href_with_query, use_location, HashLocation};
use crate::routes::Route;

/// The item the item view shows until the school picks another.
const EXAMPLE_ITEM: &str = "mh-2023-6/4-9-16";

/// The folder the portal is served from, as an absolute address the school can paste: the
/// page's base, which on a prerendered page (`embed/`) is the portal's root.
#[cfg(target_arch = "wasm32")]
fn served_folder() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let base = base.split(['?', '#']).next().unwrap_or_default();
    base[..base.rfind('/').map_or(0, |i| i + 1)].to_string()
}

/// Prerendered, the page has no address yet: the snippets start relative, and the app writes
/// the absolute address once it runs.
#[cfg(not(target_arch = "wasm32"))]
fn served_folder() -> String {
    String::new()
}

/// The school's choice as the URL states it, each value checked against the data.
fn choice_in(location: &HashLocation) -> EmbedChoice {
    let param = |key: &str| location.param(key).unwrap_or_default().to_string();
    let view = param("view");
    let item = param("item");
    EmbedChoice {
        view: EmbedView::from_name(&view).unwrap_or(EmbedView::Search),
        item: if corpus().item(&item).is_some() {
            item
        } else {
            EXAMPLE_ITEM.to_string()
        },
        district: Some(param("district"))
            .filter(|d| corpus().directory.district(d).is_some())
            .unwrap_or_default(),
        lang: if param("lang") == "en" {
            "en".into()
        } else {
            String::new()
        },
        theme: readable_brand_colour(&param("theme"))
            .map(|c| c.trim_start_matches('#').to_string())
            .unwrap_or_default(),
    }
}

/// The page at `#/embed`.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let t = use_texts();
    let location = use_location();
    let choice = Memo::new(move |_| choice_in(&location.read()));
    provide_copy_status();
    let set = Callback::new(move |(key, value): (&'static str, String)| {
        // An edited field fires `change` as it is removed, when the parent leaves the page
        // (Back): the page's memo is disposed by then, and there is nothing left to set.
        let Some(mut choice) = choice.try_get_untracked() else {
            return;
        };
        match key {
            "view" => choice.view = EmbedView::from_name(&value).unwrap_or(EmbedView::Search),
            "item" => choice.item = value,
            "district" => choice.district = value,
            "lang" => choice.lang = value,
            _ => choice.theme = value,
        }
        let params = [
            ("view", choice.view.name()),
            ("item", choice.item.as_str()),
            ("district", choice.district.as_str()),
            ("lang", choice.lang.as_str()),
            ("theme", choice.theme.as_str()),
        ];
        crate::location::replace(&href_with_query(&Route::Embed.path(), &params));
    });
    let view = Memo::new(move |_| choice.read().view);
    let previewing = RwSignal::new(false);
    // The button goes as the preview comes: focus follows to the preview, not to the page's top.
    let show_preview = move |_| {
        previewing.set(true);
        crate::dom::focus_id_after_render("rx-embed-preview");
    };
    let iframe_src = move || choice.read().iframe_src(&served_folder());
    let loader_code = Signal::derive(move || choice.read().loader_snippet(&served_folder()));
    let iframe_code = Signal::derive(move || choice.read().iframe_snippet(&served_folder()));
    view! {
        <h1 class="rx-heading-xl">{move || t().embed_page_title}</h1>
        <p class="rx-lead">{move || t().embed_page_intro}</p>
        <EmbedOptions choice on_change=set />
        <h2>{move || t().embed_preview}</h2>
        // The preview is the widget itself, a second app in a frame: 13 KB more (brotli) on
        // a phone that may only want the code, so it loads when the school asks for it.
        <Show
            when=move || previewing.get()
            fallback=move || {
                view! {
                    <p>{move || t().embed_preview_note}</p>
                    <button
                        type="button"
                        class="rx-button rx-button--secondary"
                        on:click=show_preview
                    >
                        {move || t().embed_preview_show}
                    </button>
                }
            }
        >
            <iframe
                id="rx-embed-preview"
                class="rx-embed-preview"
                src=iframe_src
                title=move || format!("{} · {}", t().embed_preview, view_label(view.get(), t()))
            ></iframe>
        </Show>
        <EmbedSnippet id="rx-embed-loader" label=|t| t.embed_code_loader rows=3 code=loader_code />
        <EmbedSnippet id="rx-embed-iframe" label=|t| t.embed_code_iframe rows=4 code=iframe_code />
        <CopyStatus />
    }
}
