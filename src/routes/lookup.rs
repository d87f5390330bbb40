//! The lookup page: one box for a 街镇, community or village, school, cluster, pinyin or an
//! address, with an accessible autocomplete (the ARIA 1.2 combobox pattern), and the answer for
//! the choice. When the best match is not sure (initials, a name shared by several 街镇) the
//! parent chooses from a visible list; a road name or another district gets a plain answer.
//! The typed text and the choice live in the URL (`#/lookup?q=…&pick=town:闵行区/七宝镇`);
//! everything runs on the device.

use leptos::prelude::*;
use ruxue_core::lookup::{from_key, key, lookup, pick_path, Kind, LookupResult};

use crate::components::coverage_notice::CoverageNotice;
use crate::components::lookup_answer::{kind_label, LookupAnswer};
use crate::data::corpus;
use crate::i18n::use_texts;
use crate::location::{href_with_query, use_location};
use crate::routes::Route;

/// How many suggestions the list shows.
const SUGGESTIONS: usize = 8;

/// The page at `#/lookup`.
#[component]
pub fn LookupPage() -> impl IntoView {
    let t = use_texts();
    let location = use_location();
    let directory = &corpus().directory;
    let query = Memo::new(move |_| location.read().param("q").unwrap_or_default().to_string());
    let pick = Memo::new(move |_| {
        location
            .read()
            .param("pick")
            .and_then(|k| from_key(directory, k))
    });
    let options = Memo::new(move |_| lookup(directory, &query.get(), SUGGESTIONS));
    // Whether the list is open and which option is active are view state, not page state.
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);

    let go = move |text: &str, pick: Option<String>| {
        let href = href_with_query(
            &Route::Lookup.path(),
            &[("q", text), ("pick", pick.as_deref().unwrap_or(""))],
        );
        let _ = window().location().replace(&href);
    };
    let choose = move |index: usize| {
        if let Some(m) = options.get_untracked().matches.get(index) {
            go(&m.name, key(directory, m.kind, m.index));
            open.set(false);
            active.set(None);
        }
    };
    let on_input = move |event: leptos::ev::Event| {
        go(&event_target_value(&event), None);
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
            "Escape" => {
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };
    let expanded = move || open.get() && !options.read().matches.is_empty();
    let answer = move || {
        pick.get().or_else(|| {
            let options = options.read();
            options
                .matches
                .first()
                .filter(|_| options.confident)
                .map(|m| (m.kind, m.index))
        })
    };

    view! {
        <h1 class="rx-heading-xl">{move || t().nav_lookup}</h1>
        <p class="rx-lead">{move || t().lookup_intro}</p>
        <p class="rx-privacy">{move || t().lookup_privacy}</p>
        <div class="rx-combobox">
            <label class="rx-label" for="rx-lookup-input">{move || t().lookup_label}</label>
            <p class="rx-hint" id="rx-lookup-hint">{move || t().lookup_hint}</p>
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
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(|i| format!("rx-lookup-option-{i}"))
                prop:value=move || query.get()
                on:input=on_input
                on:keydown=on_keydown
                on:focus=move |_| open.set(true)
                on:blur=move |_| open.set(false)
            />
            <ul class="rx-combobox__options" id="rx-lookup-options" role="listbox" aria-label=move || t().lookup_label hidden=move || !expanded()>
                {move || {
                    options
                        .get()
                        .matches
                        .into_iter()
                        .enumerate()
                        .map(|(i, m)| {
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
                                    <span class="rx-combobox__meta">{move || kind_label(m.kind, t())} " · " <span lang="zh-CN">{place_of(&m)}</span></span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <p class="rx-visually-hidden" role="status">
                {move || if expanded() { format!("{} {}", options.read().matches.len(), t().suggestions_status) } else { String::new() }}
            </p>
        </div>
        {move || {
            let result = options.get();
            (!result.elsewhere.is_empty()).then(|| view! { <CoverageNotice places=result.elsewhere.clone() /> })
        }}
        {move || options.read().road.then(|| view! { <RoadNotice result=options.get() /> })}
        {move || match answer() {
            Some((kind, index)) => view! { <LookupAnswer kind=kind index=index /> }.into_any(),
            None if query.read().trim().is_empty() => ().into_any(),
            None if !options.read().matches.is_empty() => view! { <Choices result=options.get() /> }.into_any(),
            None if options.read().road || !options.read().elsewhere.is_empty() => ().into_any(),
            None => view! {
                <div class="rx-notice">
                    <p class="rx-notice__body">{t().lookup_no_match}</p>
                    <p class="rx-notice__body">{t().official_catchments}</p>
                </div>
                <p class="rx-suggestions">
                    {t().lookup_try}
                    {options
                        .get()
                        .suggestions
                        .into_iter()
                        .map(|s| {
                            let href = href_with_query(&Route::Lookup.path(), &[("q", &s)]);
                            view! { <a class="rx-link rx-suggestions__term" href=href lang="zh-CN">{s}</a> " " }
                        })
                        .collect_view()}
                </p>
            }
                .into_any(),
        }}
    }
}

/// Where a match is: its district, and for a community its 街镇 too.
fn place_of(m: &ruxue_core::lookup::Match) -> String {
    let directory = &corpus().directory;
    match m.kind {
        Kind::Community => directory
            .communities
            .get(m.index)
            .map(|c| format!("{} {}", c.district, c.town))
            .unwrap_or_default(),
        _ => m.district.clone(),
    }
}

/// The link that picks one match.
fn pick_href(m: &ruxue_core::lookup::Match) -> String {
    format!("#{}", pick_path(&corpus().directory, m.kind, m.index))
}

/// The matches as links, when none is sure enough to be the answer.
#[component]
fn Choices(result: LookupResult) -> impl IntoView {
    let t = use_texts();
    view! {
        <section class="rx-choices" aria-labelledby="rx-choices-heading">
            <h2 class="rx-choices__heading" id="rx-choices-heading">{move || t().lookup_choose}</h2>
            <ul class="rx-choices__list">
                {result
                    .matches
                    .into_iter()
                    .map(|m| {
                        let href = pick_href(&m);
                        let kind = m.kind;
                        view! {
                            <li>
                                <a class="rx-link" href=href lang="zh-CN">{m.name.clone()}</a>
                                <span class="rx-choices__meta">
                                    {move || kind_label(kind, t())} " · " <span lang="zh-CN">{place_of(&m)}</span>
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// Roads are not in the data: say so, and offer the 街镇 of the district the address names,
/// or of every covered district.
#[component]
fn RoadNotice(result: LookupResult) -> impl IntoView {
    let t = use_texts();
    let directory = &corpus().directory;
    let named: Vec<&str> = result
        .matches
        .iter()
        .filter(|m| m.kind == Kind::District)
        .map(|m| m.district.as_str())
        .collect();
    let districts: Vec<&str> = directory
        .districts
        .iter()
        .map(|d| d.name.as_str())
        .filter(|d| named.is_empty() || named.contains(d))
        .collect();
    view! {
        <div class="rx-notice rx-road" role="note">
            <p class="rx-notice__body">{move || t().lookup_road}</p>
            {districts
                .into_iter()
                .map(|district| {
                    let towns = directory
                        .towns
                        .iter()
                        .enumerate()
                        .filter(|(_, town)| town.district == district)
                        .map(|(i, town)| {
                            let href = format!("#{}", pick_path(directory, Kind::Town, i));
                            view! { <li><a class="rx-link" href=href lang="zh-CN">{town.name.clone()}</a></li> }
                        })
                        .collect_view();
                    view! {
                        <p class="rx-notice__body">{move || (t().lookup_road_towns)(district)}</p>
                        <ul class="rx-road__towns" lang="zh-CN">{towns}</ul>
                    }
                })
                .collect_view()}
        </div>
    }
}
