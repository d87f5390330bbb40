//! The lookup's input with suggestions: the ARIA 1.2 combobox pattern. Arrow keys move
//! through the list, Enter picks, Escape closes; a screen reader hears how many suggestions
//! there are.

use leptos::prelude::*;
use ruxue_core::lookup::{key, LookupResult};

use crate::components::lookup_answer::kind_label;
use crate::components::lookup_choices::place_of;
use crate::data::corpus;
use crate::i18n::use_texts;

/// The input shows `query`, the list `options`. Typing calls `on_change` with the text and no
/// pick; choosing a suggestion calls it with the suggestion's name and its pick key.
#[component]
pub fn LookupCombobox(
    query: Memo<String>,
    options: Memo<LookupResult>,
    on_change: Callback<(String, Option<String>)>,
) -> impl IntoView {
    let t = use_texts();
    // Whether the list is open and which option is active are view state, not page state.
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let close = move || {
        open.set(false);
        active.set(None);
    };
    let choose = move |index: usize| {
        if let Some(m) = options.get_untracked().matches.get(index) {
            let _ = on_change.try_run((m.name.clone(), key(&corpus().directory, m.kind, m.index)));
            close();
        }
    };
    let on_input = move |event: leptos::ev::Event| {
        // An input method can end its composition as the page is removed (Back mid-word).
        let _ = on_change.try_run((event_target_value(&event), None));
        open.set(true);
        active.set(None);
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let count = options.get_untracked().matches.len();
        match event.key().as_str() {
            "ArrowDown" if count > 0 => {
                event.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % count)));
            }
            "ArrowUp" if count > 0 => {
                event.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(count - 1, |i| (i + count - 1) % count)));
            }
            "Enter" => {
                event.prevent_default();
                if open.get_untracked() && count > 0 {
                    choose(active.get_untracked().unwrap_or(0));
                }
            }
            "Escape" => close(),
            _ => {}
        }
    };
    let expanded = move || open.get() && !options.read().matches.is_empty();
    let option = move |(i, m): (usize, ruxue_core::lookup::Match)| {
        let selected = move || active.get() == Some(i);
        view! {
            <li
                class="rx-combobox__option"
                class:rx-combobox__option--active=selected
                id=format!("rx-lookup-option-{i}")
                role="option"
                aria-selected=move || if selected() { "true" } else { "false" }
                // mousedown, not click: it comes before the input's blur closes the list.
                on:mousedown=move |e| {
                    e.prevent_default();
                    choose(i);
                }
            >
                <span lang="zh-CN">{m.name.clone()}</span>
                <span class="rx-combobox__meta">
                    {move || kind_label(m.kind, t())} " · " <span lang="zh-CN">{place_of(&m)}</span>
                </span>
            </li>
        }
    };
    let status = move || {
        let count = options.read().matches.len();
        expanded().then(|| format!("{count} {}", t().suggestions_status))
    };
    view! {
        <div class="rx-combobox">
            <label class="rx-label" for="rx-lookup-input">
                {move || t().lookup_label}
            </label>
            <p class="rx-hint" id="rx-lookup-hint">
                {move || t().lookup_hint}
            </p>
            <input
                class="rx-search__input"
                id="rx-lookup-input"
                type="text"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls="rx-lookup-options"
                aria-describedby="rx-lookup-hint"
                aria-expanded=move || if expanded() { "true" } else { "false" }
                aria-activedescendant=move || {
                    active.get().filter(|_| expanded()).map(|i| format!("rx-lookup-option-{i}"))
                }
                prop:value=move || query.get()
                on:input=on_input
                on:keydown=on_keydown
                on:focus=move |_| open.set(true)
                on:blur=move |_| open.set(false)
            />
            <ul
                class="rx-combobox__options"
                id="rx-lookup-options"
                role="listbox"
                aria-label=move || t().lookup_label
                hidden=move || !expanded()
            >
                {move || options.get().matches.into_iter().enumerate().map(option).collect_view()}
            </ul>
            <p class="rx-visually-hidden" role="status">
                {move || status().unwrap_or_default()}
            </p>
        </div>
    }
}
