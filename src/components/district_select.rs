//! The district `<select>`: "any district" first, then every covered district by name.

use leptos::prelude::*;

use crate::data::corpus;
use crate::i18n::use_texts;

/// A labelled district choice. A form reads it through `node_ref` on submit; a page that
/// acts on each change passes `on_change`.
#[component]
pub fn DistrictSelect(
    /// The select's id, which its label points at.
    id: &'static str,
    /// The district selected now; empty for any district.
    #[prop(into)]
    selected: Signal<String>,
    #[prop(optional)] node_ref: NodeRef<leptos::html::Select>,
    #[prop(optional, into)] on_change: Option<Callback<String>>,
) -> impl IntoView {
    let t = use_texts();
    let change = move |event: leptos::ev::Event| {
        // `change` can fire as the select is removed, after the page's callback is disposed.
        if let Some(on_change) = on_change {
            let _ = on_change.try_run(event_target_value(&event));
        }
    };
    let districts = corpus().directory.districts.iter().map(|d| {
        let name = d.name.as_str();
        view! {
            <option value=name selected=move || selected.get() == name lang="zh-CN">
                {name}
            </option>
        }
    });
    view! {
        <div class="rx-field">
            <label class="rx-label" for=id>
                {move || t().district_label}
            </label>
            <select class="rx-select" id=id name="district" node_ref=node_ref on:change=change>
                <option value="" selected=move || selected.get().is_empty()>
                    {move || t().district_any}
                </option>
                {districts.collect_view()}
            </select>
        </div>
    }
}
