//! The targets page's content (`crate::routes::targets`): every quantified commitment of the
//! documents (`ruxue_core::targets`), grouped by area and filterable by district, year and
//! area, with the same measure side by side across districts. The filters live in the URL
//! (`targets/?district=…&area=…`), so a view can be shared. Its code and the targets' file
//! are fetched together (`crate::page_code::targets_view`): a parent who opens the page
//! without filters reads the prerendered content, kept as it is, and fetches neither.

use leptos::prelude::*;
use ruxue_core::targets::{comparisons, select, Filter, Placed};

use crate::components::filter_select::FilterSelect;
use crate::components::target_card::TargetCard;
use crate::components::target_comparison::TargetComparison;
use crate::data::corpus;
use crate::i18n::{use_lang, use_texts, Lang, Texts};
use crate::location::{href_with_query, navigate, use_param};
use crate::routes::Route;
use crate::takeover::{DOCUMENT_BODY_CLASS, KEPT_TARGETS};

/// Picks one UI string.
type Label = fn(&Texts) -> &'static str;

/// The filters, in the order they are shown: the URL key and the label.
const FILTERS: [(&str, Label); 3] = [
    ("district", |t| t.filter_district),
    ("year", |t| t.filter_year),
    ("area", |t| t.filter_area),
];

/// The filter the URL's values make; a value that is not a year is no year, so it matches
/// nothing rather than everything.
fn filter_of(district: &str, year: &str, area: &str) -> Filter {
    let some = |value: &str| (!value.is_empty()).then(|| value.to_string());
    Filter {
        district: some(district),
        year: (!year.is_empty()).then(|| year.parse().unwrap_or(i32::MIN)),
        area: some(area),
    }
}

/// The values of filter `key` among all targets, each with its label in `lang`: districts
/// and areas in the data's order, years newest first (four digits each, so their text
/// orders as their numbers).
fn filter_options(key: &str, lang: Lang) -> Vec<(String, String)> {
    let all = select(corpus(), &Filter::default());
    let mut options: Vec<(String, String)> = Vec::new();
    for placed in &all {
        let option = match key {
            "district" => (placed.district.to_string(), placed.district.to_string()),
            "year" => match placed.year {
                Some(year) => (year.to_string(), year.to_string()),
                None => continue,
            },
            _ => {
                let target = placed.target;
                let shown = match lang {
                    Lang::Zh => target.area.clone(),
                    Lang::En => format!("{} {}", target.area_en, target.area),
                };
                (target.area.clone(), shown)
            }
        };
        if options.iter().any(|(value, _)| *value == option.0) {
            continue;
        }
        // Years newest first, by insertion: a sort would add its code to this page's part.
        let at = match key {
            "year" => (options.iter())
                .position(|(value, _)| *value < option.0)
                .unwrap_or(options.len()),
            _ => options.len(),
        };
        options.insert(at, option);
    }
    options
}

/// The page's heading and content. Everything below the heading is in one element with the
/// class [`DOCUMENT_BODY_CLASS`], which the app keeps when it starts on the prerendered page
/// with no filter (`crate::takeover::keeps_document_body`).
#[component]
pub fn TargetsView() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let filters = FILTERS.map(|(key, _)| use_param(key));
    let [district, year, area] = filters;
    let filter = Memo::new(move |_| filter_of(&district.read(), &year.read(), &area.read()));
    let any_filter = move || filters.iter().any(|f| !f.read().is_empty());
    let shown = move || select(corpus(), &filter.read());

    let selects: Vec<NodeRef<leptos::html::Select>> =
        FILTERS.iter().map(|_| NodeRef::new()).collect();
    let apply = {
        let selects = selects.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let values: Vec<String> = (selects.iter())
                .map(|s| s.get().map(|s| s.value()).unwrap_or_default())
                .collect();
            let params: Vec<(&str, &str)> = (FILTERS.iter().zip(&values))
                .map(|((key, _), v)| (*key, v.as_str()))
                .collect();
            navigate(&href_with_query(&Route::Targets.path(), &params));
        }
    };

    view! {
        <h1 class="rx-heading-xl">{move || t().targets_title}</h1>
        <div class=DOCUMENT_BODY_CLASS data-rx-document=KEPT_TARGETS>
            <p class="rx-lead">{move || t().targets_intro}</p>
            <form class="rx-filters" action=Route::Targets.href() on:submit=apply>
                <h2 class="rx-filters__heading">{move || t().targets_filter_heading}</h2>
                <div class="rx-filters__fields">
                    {FILTERS
                        .iter()
                        .zip(selects)
                        .zip(filters)
                        .map(|((&(name, label), node_ref), value)| {
                            let selected = Signal::derive(move || value.get());
                            let options = filter_options(name, lang.get_untracked());
                            view! { <FilterSelect name label options selected node_ref /> }
                        })
                        .collect_view()}
                </div>
                <button type="submit" class="rx-button">
                    {move || t().filter_apply}
                </button>
                {move || {
                    any_filter()
                        .then(|| {
                            view! {
                                <a class="rx-link rx-filters__clear" href=Route::Targets.href()>
                                    {move || t().filter_clear}
                                </a>
                            }
                        })
                }}
            </form>
            <p class="rx-result-count" role="status">
                {move || crate::target_words::count(lang.get(), shown().len())}
            </p>
            {move || {
                let shown = shown();
                if shown.is_empty() {
                    return view! { <p class="rx-notice">{move || t().targets_none}</p> }.into_any();
                }
                let compared = comparisons(&shown);
                view! {
                    {(!compared.is_empty())
                        .then(|| {
                            view! {
                                <section
                                    class="rx-targets__compare"
                                    aria-labelledby="rx-targets-compare"
                                >
                                    <h2 id="rx-targets-compare">
                                        {move || t().targets_compare_heading}
                                    </h2>
                                    <p>{move || t().targets_compare_intro}</p>
                                    {compared
                                        .into_iter()
                                        .map(|comparison| view! { <TargetComparison comparison /> })
                                        .collect_view()}
                                </section>
                            }
                        })}
                    {by_area(&shown)
                        .into_iter()
                        .map(|(area, targets)| view! { <AreaSection area targets /> })
                        .collect_view()}
                }
                    .into_any()
            }}
        </div>
    }
}

/// `shown` cut where the area changes (it comes grouped by area).
fn by_area<'a>(shown: &[Placed<'a>]) -> Vec<(&'a ruxue_core::model::Target, Vec<Placed<'a>>)> {
    let mut groups: Vec<(&ruxue_core::model::Target, Vec<Placed<'a>>)> = Vec::new();
    for placed in shown {
        match groups.last_mut() {
            Some((first, group)) if first.area == placed.target.area => group.push(*placed),
            _ => groups.push((placed.target, vec![*placed])),
        }
    }
    groups
}

/// One area's heading and its targets; `area` is its first target, which names it.
#[component]
fn AreaSection(
    area: &'static ruxue_core::model::Target,
    targets: Vec<Placed<'static>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("rx-targets-area-{}", area.id);
    let labelled_by = id.clone();
    view! {
        <section class="rx-targets__area" aria-labelledby=labelled_by>
            <h2 id=id>
                {move || match lang.get() {
                    Lang::Zh => area.area.clone(),
                    Lang::En => area.area_en.clone(),
                }}
            </h2>
            <ul class="rx-targets__list">
                {targets.into_iter().map(|placed| view! { <TargetCard placed /> }).collect_view()}
            </ul>
        </section>
    }
}
