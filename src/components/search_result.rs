//! One search hit, labelled with its kind: a guide statement, key dates, a policy clause, a
//! place or school, or one of the portal's tools. Each links to where it is answered in full.

use leptos::prelude::*;
use ruxue_core::search::{Hit, Snippet, Target, Tool};

use crate::components::lookup_answer::kind_label;
use crate::components::source_note::SourceNote;
use crate::data::corpus;
use crate::i18n::{stage_name, use_lang, use_texts, Lang, Texts};
use crate::location::percent_encode;

/// A hit. `query` is what was searched, so an opened clause marks the same words.
#[component]
pub fn SearchResult(hit: Hit, query: String) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let corpus = corpus();
    let target = hit.target;
    let mut href = format!("#{}", target.route(corpus));
    if matches!(target, Target::Clause { .. }) {
        href.push_str(&format!("?q={}", percent_encode(&query)));
    }
    let kind = move || kind_name(target, t());
    let mut breadcrumb = None;
    let (title, body, meta, sources) = match target {
        Target::Clause { doc, clause } => {
            let document = &corpus.documents[doc];
            let clause = &document.clauses[clause];
            // The levels above the clause; the clause itself is the result's title.
            let mut crumbs = document.breadcrumb(clause);
            crumbs.pop();
            let title = format!(
                "{}{}",
                clause.number,
                first_sentence(clause.lead.as_deref().unwrap_or(&clause.text))
            );
            breadcrumb = Some(crumbs.join(" › "));
            let title = view! { <span lang="zh-CN">{title}</span> }.into_any();
            (
                title,
                marked(hit.snippet),
                document.meta.district.clone(),
                Vec::new(),
            )
        }
        Target::Statement(i) => {
            let statement = &corpus.guidance.statements[i];
            let title = move || {
                let scope = if statement.scope == "全市" {
                    t().scope_city
                } else {
                    &statement.scope
                };
                format!("{} · {}", stage_name(&statement.stage, lang.get()), scope)
            };
            let body = move || match lang.get() {
                Lang::Zh => marked(hit.snippet.clone()),
                Lang::En => view! { <span lang="en">{statement.en.clone()}</span> }.into_any(),
            };
            (
                title.into_any(),
                body.into_any(),
                String::new(),
                statement.sources.clone(),
            )
        }
        Target::Cycle(i) => {
            let cycle = &corpus.guidance.cycles[i];
            let title = format!(
                "{}年 · {}{}",
                cycle.year,
                cycle.scope,
                if cycle.reference { "（参考）" } else { "" }
            );
            let title = view! { <span lang="zh-CN">{title}</span> }.into_any();
            (
                title,
                marked(hit.snippet),
                String::new(),
                vec![cycle.source.clone()],
            )
        }
        Target::DatesNotPublished(year) => {
            let title = move || match year {
                Some(year) => (t().dates_not_published_title)(year),
                None => t().dates_next_intake.to_string(),
            };
            let body = move || t().dates_watch;
            (title.into_any(), body.into_any(), String::new(), Vec::new())
        }
        Target::Place(place, index) => {
            let directory = &corpus.directory;
            let name = ruxue_core::lookup::name_of(directory, place, index).unwrap_or_default();
            let district = target.scope(corpus).unwrap_or_default().to_string();
            let title = view! { <span lang="zh-CN">{name.to_string()}</span> }.into_any();
            let body = move || kind_label(place, t());
            (title, body.into_any(), district, Vec::new())
        }
        Target::Tool(tool) => {
            let title = move || match tool {
                Tool::Check => t().check_title,
                Tool::Lookup => t().nav_lookup,
            };
            let body = move || match tool {
                Tool::Check => t().home_check_summary,
                Tool::Lookup => t().home_lookup_summary,
            };
            (title.into_any(), body.into_any(), String::new(), Vec::new())
        }
    };
    view! {
        <li class="rx-result">
            <p class="rx-result__kind"><span class="rx-tag">{kind}</span></p>
            {breadcrumb.map(|crumbs| view! { <p class="rx-result__breadcrumb" lang="zh-CN">{crumbs}</p> })}
            <h3 class="rx-result__title">
                <a class="rx-link" href=href>{title}</a>
            </h3>
            <p class="rx-result__snippet">{body}</p>
            {(!meta.is_empty()).then(|| view! { <p class="rx-result__meta" lang="zh-CN">{meta}</p> })}
            {sources.into_iter().map(|s| view! { <SourceNote source=s /> }).collect_view()}
        </li>
    }
}

/// The label of a hit's kind, as the kind filter names it.
pub fn kind_name(target: Target, t: &Texts) -> &'static str {
    match target {
        Target::Clause { .. } => t.kind_clause,
        Target::Statement(_) => t.kind_statement,
        Target::Cycle(_) | Target::DatesNotPublished(_) => t.kind_dates,
        Target::Place(..) => t.kind_place,
        Target::Tool(_) => t.kind_tool,
    }
}

/// A snippet with its matches in `<mark>`; Chinese, as the texts are.
pub fn marked(snippet: Snippet) -> AnyView {
    let mut pieces = Vec::new();
    let mut at = 0;
    for mark in &snippet.marks {
        pieces.push(snippet.text[at..mark.start].to_string().into_any());
        pieces.push(
            view! { <mark class="rx-mark">{snippet.text[mark.clone()].to_string()}</mark> }
                .into_any(),
        );
        at = mark.end;
    }
    pieces.push(snippet.text[at..].to_string().into_any());
    view! { <span lang="zh-CN">{pieces}</span> }.into_any()
}

/// Up to the first full stop, and at most 40 characters.
fn first_sentence(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    let sentence = line.split_inclusive('。').next().unwrap_or(line);
    let mut short: String = sentence.chars().take(40).collect();
    if short.chars().count() < sentence.chars().count() {
        short.push('…');
    }
    short
}
