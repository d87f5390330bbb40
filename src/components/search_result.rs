//! One search hit, labelled with its kind: a guide statement, key dates, a policy clause, a
//! target (指标), a place or school, or one of the portal's tools. Each links to where it is answered in full.

use leptos::prelude::*;
use ruxue_core::search::{Hit, HitKind, Snippet, Target, Tool};

use crate::components::lookup_answer::kind_label;
use crate::components::school_list::school_status_label;
use crate::components::source_note::SourceNote;
use crate::data::corpus;
use crate::i18n::{stage_name, use_lang, use_texts, Lang, Texts};

/// A hit. `query` is what was searched, so an opened clause marks the same words. Its strings
/// are read once: the results are rebuilt when the UI language changes.
#[component]
pub fn SearchResult(hit: Hit, query: String) -> impl IntoView {
    let t = use_texts()();
    let lang = use_lang().get_untracked();
    let corpus = corpus();
    let target = hit.target;
    let route = target.route(corpus);
    let href = if matches!(target, Target::Clause { .. }) {
        crate::location::href_with_query(&route, &[("q", &query)])
    } else {
        crate::location::href(&route)
    };
    let shown = slots(target, hit.snippet, t, lang);
    view! {
        <li class="rx-result">
            <p class="rx-result__kind">
                <span class="rx-tag">{kind_label_of(target.kind(), t)}</span>
            </p>
            {shown
                .breadcrumb
                .map(|crumbs| {
                    view! {
                        <p class="rx-result__breadcrumb" lang="zh-CN">
                            {crumbs}
                        </p>
                    }
                })}
            <h3 class="rx-result__title">
                <a class="rx-link" href=href lang=shown.title_lang>
                    {shown.title}
                </a>
            </h3>
            <p class="rx-result__snippet" lang=shown.body_lang>
                {marked(shown.body)}
            </p>
            {shown
                .meta
                .map(|meta| {
                    view! {
                        <p class="rx-result__meta" lang="zh-CN">
                            {meta}
                        </p>
                    }
                })}
            {shown.sources.into_iter().map(|s| view! { <SourceNote source=s /> }).collect_view()}
        </li>
    }
}

/// What a hit shows. Every kind fills the same few slots, so one view serves them all.
struct Slots {
    title: String,
    title_lang: &'static str,
    breadcrumb: Option<String>,
    body: Snippet,
    body_lang: &'static str,
    meta: Option<String>,
    sources: Vec<String>,
}

fn slots(target: Target, snippet: Snippet, t: &'static Texts, lang: Lang) -> Slots {
    let corpus = corpus();
    let mut breadcrumb = None;
    let mut meta = None;
    let mut sources: Vec<String> = Vec::new();
    let mut body = snippet;
    // The texts are Chinese; what the UI writes itself is in the UI language.
    let ui = lang.tag();
    let (mut title_lang, mut body_lang) = ("zh-CN", "zh-CN");
    let title = match target {
        Target::Clause { doc, clause } => {
            let document = &corpus.documents[doc];
            // A search shows a clause once its text is in (`data::search`).
            let text = crate::data::clause_text(doc, clause).unwrap_or_default();
            let clause = &document.clauses[clause];
            // The levels above the clause; the clause itself is the result's title.
            let mut crumbs = document.breadcrumb(clause);
            crumbs.pop();
            breadcrumb = Some(crumbs.join(" › "));
            meta = Some(document.meta.district.clone());
            let lead = clause.lead.as_deref().unwrap_or(text);
            format!("{}{}", clause.number, first_sentence(lead))
        }
        Target::Statement(i) => {
            let statement = &corpus.guidance.statements[i];
            sources.clone_from(&statement.sources);
            if lang == Lang::En {
                body = plain(&statement.en);
                body_lang = ui;
            }
            title_lang = ui;
            let scope = if statement.scope == "全市" {
                t.scope_city
            } else {
                &statement.scope
            };
            format!("{} · {scope}", stage_name(&statement.stage, lang))
        }
        Target::Cycle(i) => {
            let cycle = &corpus.guidance.cycles[i];
            sources.push(cycle.source.clone());
            let reference = if cycle.reference { "（参考）" } else { "" };
            format!("{}年 · {}{reference}", cycle.year, cycle.scope)
        }
        Target::DatesNotPublished(year) => {
            body = plain(t.dates_watch);
            (title_lang, body_lang) = (ui, ui);
            year.map_or_else(
                || t.dates_next_intake.to_string(),
                t.dates_not_published_title,
            )
        }
        Target::Place(place, index) => {
            meta = target.scope(corpus).map(str::to_string);
            let status = match place {
                ruxue_core::lookup::Kind::School => corpus
                    .directory
                    .schools
                    .get(index)
                    .and_then(|s| school_status_label(s, t)),
                _ => None,
            };
            body = plain(&match status {
                Some(status) => format!("{} · {status}", kind_label(place, t)),
                None => kind_label(place, t).to_string(),
            });
            body_lang = ui;
            ruxue_core::lookup::name_of(&corpus.directory, place, index)
                .unwrap_or_default()
                .to_string()
        }
        // The measure in the UI language, and the document's words; the clause is its source.
        Target::Commitment(i) => match corpus.targets.get(i) {
            Some(target) => {
                sources.push(target.clause.clone());
                meta = Some(target.area.clone());
                title_lang = ui;
                match lang {
                    Lang::Zh => target.measure.clone(),
                    Lang::En => target.measure_en.clone(),
                }
            }
            None => String::new(),
        },
        Target::Tool(Tool::Check) => {
            body = plain(t.home_check_summary);
            (title_lang, body_lang) = (ui, ui);
            t.check_title.to_string()
        }
        Target::Tool(Tool::Lookup) => {
            body = plain(t.home_lookup_summary);
            (title_lang, body_lang) = (ui, ui);
            t.nav_lookup.to_string()
        }
    };
    Slots {
        title,
        title_lang,
        breadcrumb,
        body,
        body_lang,
        meta,
        sources,
    }
}

/// Text shown as it is, with nothing marked.
fn plain(text: &str) -> Snippet {
    Snippet {
        text: text.to_string(),
        marks: Vec::new(),
    }
}

/// The label of a kind of hit, as results and the kind filter show it.
pub fn kind_label_of(kind: HitKind, t: &Texts) -> &'static str {
    match kind {
        HitKind::Clause => t.kind_clause,
        HitKind::Statement => t.kind_statement,
        HitKind::Dates => t.kind_dates,
        HitKind::Place | HitKind::School | HitKind::Cluster => t.kind_place,
        HitKind::Tool => t.kind_tool,
        HitKind::Target => t.targets_title,
    }
}

/// A snippet with its matches in `<mark>`.
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
    pieces.into_any()
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
