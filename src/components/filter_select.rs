//! One filter of a list, as a labelled `<select>`: "all" first, then the values found.

use leptos::prelude::*;

use crate::i18n::{use_texts, Texts};

/// A select named `name` (its id `rx-filter-<name>`), offering `options` as `(value, shown)`
/// pairs, `selected` chosen. The form reads it through `node_ref` on submit.
#[component]
pub fn FilterSelect(
    name: &'static str,
    label: fn(&Texts) -> &'static str,
    options: Vec<(String, String)>,
    #[prop(into)] selected: Signal<String>,
    node_ref: NodeRef<leptos::html::Select>,
) -> impl IntoView {
    let t = use_texts();
    let id = format!("rx-filter-{name}");
    let options = options.into_iter().map(|(value, shown)| {
        let option = value.clone();
        view! {
            <option value=value selected=move || selected.read() == option>
                {shown}
            </option>
        }
    });
    view! {
        <div class="rx-field">
            <label class="rx-label" for=id.clone()>
                {move || label(t())}
            </label>
            <select class="rx-select" id=id name=name node_ref=node_ref>
                <option value="" selected=move || selected.read().is_empty()>
                    {move || t().filter_all}
                </option>
                {options.collect_view()}
            </select>
        </div>
    }
}
