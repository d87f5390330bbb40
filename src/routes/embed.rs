//! 嵌入本站: schools choose a view and options, see a live preview, and copy a snippet, either
//! the loader with its custom element, or a plain iframe. The choices live in the URL.

use leptos::prelude::*;

use crate::components::copy_citation::{provide_copy_status, CopyOutcome, CopyStatus};
use crate::data::corpus;
use crate::embed::{readable_brand_colour, EmbedView};
use crate::i18n::{use_texts, Texts};
use crate::location::{href_with_query, use_location};
use crate::routes::Route;

fn view_label(view: EmbedView, t: &Texts) -> &'static str {
    match view {
        EmbedView::Search => t.embed_view_search,
        EmbedView::Lookup => t.embed_view_lookup,
        EmbedView::Calculator => t.embed_view_calculator,
        EmbedView::Item => t.embed_view_item,
    }
}

/// Escapes text for an HTML attribute value in a snippet the school pastes.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The page at `#/embed`.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let t = use_texts();
    let location = use_location();
    let param = move |key: &str| location.read().param(key).unwrap_or_default().to_string();
    let view = Memo::new(move |_| {
        let v = param("view");
        EmbedView::ALL
            .iter()
            .find(|(n, _)| *n == v)
            .map_or(EmbedView::Search, |(_, v)| *v)
    });
    let district = Memo::new(move |_| {
        Some(param("district"))
            .filter(|d| corpus().directory.district(d).is_some())
            .unwrap_or_default()
    });
    let lang = Memo::new(move |_| {
        if param("lang") == "en" {
            "en".to_string()
        } else {
            String::new()
        }
    });
    let theme = Memo::new(move |_| {
        readable_brand_colour(&param("theme"))
            .map(|c| c.trim_start_matches('#').to_string())
            .unwrap_or_default()
    });
    let item = Memo::new(move |_| {
        let i = param("item");
        let ok = corpus().item(&i).is_some();
        if ok {
            i
        } else {
            "mh-2023-6/4-9-16".to_string()
        }
    });
    provide_copy_status();
    let outcome = expect_context::<RwSignal<Option<CopyOutcome>>>();

    // The folder the portal is served from, as an absolute address the school can paste.
    let folder = move || {
        let l = window().location();
        let path = l.pathname().unwrap_or_default();
        format!(
            "{}{}",
            l.origin().unwrap_or_default(),
            &path[..path.rfind('/').map_or(0, |i| i + 1)]
        )
    };
    let options = move || {
        let mut o: Vec<(&str, String)> = vec![("view", view.get().name().to_string())];
        if view.get() == EmbedView::Item {
            o.push(("item", item.get()));
        }
        for (k, v) in [
            ("district", district.get()),
            ("lang", lang.get()),
            ("theme", theme.get()),
        ] {
            if !v.is_empty() {
                o.push((k, v));
            }
        }
        o
    };
    let iframe_src = move || {
        let query: Vec<String> = std::iter::once("embed=1".to_string())
            .chain(
                options()
                    .into_iter()
                    .map(|(k, v)| format!("{k}={}", crate::location::percent_encode(&v))),
            )
            .collect();
        format!(
            "{}{}?{}",
            folder(),
            crate::embed::WIDGET_ENTRY,
            query.join("&")
        )
    };
    let loader_snippet = move || {
        let script = folder() + "widget.js";
        let attrs: String = options()
            .into_iter()
            .map(|(k, v)| format!(" {k}=\"{}\"", attribute(&v)))
            .collect();
        format!(
            "<script src=\"{}\" defer></script>\n<ruxue-widget{attrs}></ruxue-widget>",
            attribute(&script)
        )
    };
    let iframe_snippet = move || {
        format!("<iframe src=\"{}\" title=\"入学 Ruxue\" width=\"100%\" height=\"600\" style=\"border:0\" sandbox=\"allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox\" referrerpolicy=\"no-referrer\"></iframe>", attribute(&iframe_src()))
    };

    let set = move |key: &'static str, value: String| {
        // An edited field fires `change` as it is removed, when the parent leaves the page
        // (Back): the page's memos are disposed by then, and there is nothing left to set.
        let (Some(view), Some(item), Some(district), Some(lang), Some(theme)) = (
            view.try_get_untracked(),
            item.try_get_untracked(),
            district.try_get_untracked(),
            lang.try_get_untracked(),
            theme.try_get_untracked(),
        ) else {
            return;
        };
        let mut params: Vec<(String, String)> = vec![
            ("view".into(), view.name().into()),
            ("item".into(), item),
            ("district".into(), district),
            ("lang".into(), lang),
            ("theme".into(), theme),
        ];
        if let Some(p) = params.iter_mut().find(|(k, _)| k == key) {
            p.1 = value;
        }
        let refs: Vec<(&str, &str)> = params
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let _ = window()
            .location()
            .replace(&href_with_query(&Route::Embed.path(), &refs));
    };
    let copy = move |text: String| {
        leptos::task::spawn_local(async move {
            let ok = crate::dom::write_clipboard(&text).await;
            outcome.set(Some(if ok {
                CopyOutcome::Copied(t().embed_copied.to_string())
            } else {
                CopyOutcome::Failed(text)
            }));
        });
    };

    view! {
        <h1 class="rx-heading-xl">{move || t().embed_page_title}</h1>
        <p class="rx-lead">{move || t().embed_page_intro}</p>
        <div class="rx-filters">
            <div class="rx-filters__fields">
                <div class="rx-field">
                    <label class="rx-label" for="rx-embed-view">{move || t().embed_view_label}</label>
                    <select class="rx-select" id="rx-embed-view" on:change=move |e| set("view", event_target_value(&e))>
                        {EmbedView::ALL.iter().map(|(name, v)| {
                            let v = *v;
                            view! { <option value=*name selected=move || view.get() == v>{move || view_label(v, t())}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="rx-field">
                    <label class="rx-label" for="rx-embed-district">{move || t().district_label}</label>
                    <select class="rx-select" id="rx-embed-district" on:change=move |e| set("district", event_target_value(&e))>
                        <option value="" selected=move || district.get().is_empty()>{move || t().district_any}</option>
                        {corpus().directory.districts.iter().map(|d| {
                            let name = d.name.clone();
                            let value = name.clone();
                            view! { <option value=value selected=move || district.get() == name lang="zh-CN">{d.name.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="rx-field">
                    <label class="rx-label" for="rx-embed-lang">{move || t().embed_lang_label}</label>
                    <select class="rx-select" id="rx-embed-lang" on:change=move |e| set("lang", event_target_value(&e))>
                        <option value="" selected=move || lang.get().is_empty() lang="zh-CN">"中文"</option>
                        <option value="en" selected=move || lang.get() == "en" lang="en">"English"</option>
                    </select>
                </div>
                <div class="rx-field">
                    <label class="rx-label" for="rx-embed-theme">{move || t().embed_theme_label}</label>
                    <input class="rx-input" id="rx-embed-theme" autocomplete="off" maxlength="7" prop:value=move || theme.get() on:change=move |e| set("theme", event_target_value(&e)) />
                </div>
            </div>
            <Show when=move || view.get() == EmbedView::Item>
                <div class="rx-field">
                    <label class="rx-label" for="rx-embed-item">{move || t().embed_item_label}</label>
                    <input class="rx-input rx-search__input" id="rx-embed-item" autocomplete="off" prop:value=move || item.get() on:change=move |e| set("item", event_target_value(&e)) />
                </div>
            </Show>
        </div>
        <h2>{move || t().embed_preview}</h2>
        <iframe class="rx-embed-preview" src=iframe_src title=move || format!("{} · {}", t().embed_preview, view_label(view.get(), t()))></iframe>
        <h2><label for="rx-embed-loader">{move || t().embed_code_loader}</label></h2>
        <textarea class="rx-code" id="rx-embed-loader" readonly rows="3" prop:value=loader_snippet></textarea>
        <p><button type="button" class="rx-button rx-button--secondary" on:click=move |_| copy(loader_snippet())>{move || t().embed_copy}</button></p>
        <h2><label for="rx-embed-iframe">{move || t().embed_code_iframe}</label></h2>
        <textarea class="rx-code" id="rx-embed-iframe" readonly rows="4" prop:value=iframe_snippet></textarea>
        <p><button type="button" class="rx-button rx-button--secondary" on:click=move |_| copy(iframe_snippet())>{move || t().embed_copy}</button></p>
        <CopyStatus />
    }
}
