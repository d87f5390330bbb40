//! The embed-code page's choices: which view, district, language, brand colour and, for the
//! item view, which item. Each change is reported at once, so the preview follows.

use leptos::prelude::*;

use crate::components::district_select::DistrictSelect;
use crate::embed::{EmbedChoice, EmbedView};
use crate::i18n::{use_texts, Texts};

/// The label of a view in the UI language.
pub fn view_label(view: EmbedView, t: &Texts) -> &'static str {
    match view {
        EmbedView::Search => t.embed_view_search,
        EmbedView::Lookup => t.embed_view_lookup,
        EmbedView::Calculator => t.embed_view_calculator,
        EmbedView::Item => t.embed_view_item,
    }
}

/// The fields, showing `choice`; `on_change` gets the parameter changed and its new value.
#[component]
pub fn EmbedOptions(
    choice: Memo<EmbedChoice>,
    on_change: Callback<(&'static str, String)>,
) -> impl IntoView {
    let t = use_texts();
    let view = Memo::new(move |_| choice.read().view);
    // An edited field fires `change` as it is removed, when the parent leaves the page (Back):
    // the page's callback is disposed by then, and there is nothing left to change.
    let change = move |key: &'static str, event: &leptos::ev::Event| {
        let _ = on_change.try_run((key, event_target_value(event)));
    };
    let read =
        move |f: fn(&EmbedChoice) -> &String| Signal::derive(move || f(&choice.read()).clone());
    let (district, lang, theme, item) = (
        read(|c| &c.district),
        read(|c| &c.lang),
        read(|c| &c.theme),
        read(|c| &c.item),
    );
    let views = EmbedView::ALL.iter().map(|&(name, v)| {
        view! {
            <option value=name selected=move || view.get() == v>
                {move || view_label(v, t())}
            </option>
        }
    });

    view! {
        <div class="rx-filters">
            <div class="rx-filters__fields">
                <div class="rx-field">
                    <label class="rx-label" for="rx-embed-view">
                        {move || t().embed_view_label}
                    </label>
                    <select
                        class="rx-select"
                        id="rx-embed-view"
                        on:change=move |e| change("view", &e)
                    >
                        {views.collect_view()}
                    </select>
                </div>
                <DistrictSelect
                    id="rx-embed-district"
                    selected=district
                    on_change=move |d| {
                        let _ = on_change.try_run(("district", d));
                    }
                />
                <div class="rx-field">
                    <label class="rx-label" for="rx-embed-lang">
                        {move || t().embed_lang_label}
                    </label>
                    <select
                        class="rx-select"
                        id="rx-embed-lang"
                        on:change=move |e| change("lang", &e)
                    >
                        <option value="" selected=move || lang.get().is_empty() lang="zh-CN">
                            "中文"
                        </option>
                        <option value="en" selected=move || lang.get() == "en" lang="en">
                            "English"
                        </option>
                    </select>
                </div>
                <div class="rx-field">
                    <label class="rx-label" for="rx-embed-theme">
                        {move || t().embed_theme_label}
                    </label>
                    <input
                        class="rx-input"
                        id="rx-embed-theme"
                        autocomplete="off"
                        maxlength="7"
                        prop:value=theme
                        on:change=move |e| change("theme", &e)
                    />
                </div>
            </div>
            {move || {
                (view.get() == EmbedView::Item)
                    .then(|| {
                        view! {
                            <div class="rx-field">
                                <label class="rx-label" for="rx-embed-item">
                                    {move || t().embed_item_label}
                                </label>
                                <input
                                    class="rx-input rx-search__input"
                                    id="rx-embed-item"
                                    autocomplete="off"
                                    prop:value=item
                                    on:change=move |e| { change("item", &e) }
                                />
                            </div>
                        }
                    })
            }}
        </div>
    }
}
