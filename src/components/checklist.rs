//! "What to do next": the guided check's steps for a household situation.

use leptos::prelude::*;

use crate::components::source_note::SourceNote;
use crate::data::corpus;
use crate::i18n::{use_lang, use_texts, Lang};

/// The steps for the household situation the parent chose (or the steps every household
/// shares), each with the sources of the statement it restates. Its strings are read once:
/// the result is rebuilt when the UI language changes.
#[component]
pub fn Checklist(household: String) -> impl IntoView {
    let t = use_texts()();
    let lang = use_lang().get_untracked();
    let guidance = &corpus().guidance;
    let chosen = (!household.is_empty()).then_some(household.as_str());
    let steps = guidance.steps_for(chosen).into_iter().map(|step| {
        let sources = guidance
            .statement(&step.statement)
            .map(|s| s.sources.clone())
            .unwrap_or_default();
        let (text, text_lang) = match lang {
            Lang::Zh => (&step.zh, "zh-CN"),
            Lang::En => (&step.en, "en"),
        };
        view! {
            <li class="rx-checklist__item">
                <p class="rx-checklist__text" lang=text_lang>
                    {text.clone()}
                </p>
                {sources.into_iter().map(|s| view! { <SourceNote source=s /> }).collect_view()}
            </li>
        }
    });
    view! {
        {chosen.is_none().then(|| view! { <p class="rx-hint">{t.steps_choose_household}</p> })}
        <ol class="rx-checklist">{steps.collect_view()}</ol>
    }
}
