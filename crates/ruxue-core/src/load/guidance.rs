//! Reading `data/guidance.toml` and `data/key_dates.toml`. A statement without a source, or
//! with a source that does not resolve, fails the build at its line.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::metadata::is_valid_id;
use crate::diagnostic::{line_of_offset, Diagnostic};
use crate::model::Directory;
use crate::model::Document;
use crate::model::{DateCycle, Guidance, Statement, Step, GUIDE_STAGES, HOUSEHOLDS};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawStatements {
    #[serde(default)]
    statement: Vec<Spanned<Statement>>,
    #[serde(default)]
    step: Vec<Spanned<Step>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawCycles {
    #[serde(default)]
    cycle: Vec<Spanned<DateCycle>>,
}

fn resolves(source: &str, documents: &[Document], directory: &Directory) -> bool {
    super::directory::source_resolves(source, documents, &directory.sources)
}

/// Loads and validates guidance and key dates.
pub(crate) fn load_guidance(
    data_dir: &Path,
    documents: &[Document],
    directory: &Directory,
) -> Result<Guidance, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut guidance = Guidance::default();
    let scope_ok = |scope: &str| scope == "全市" || directory.district(scope).is_some();

    let path = data_dir.join("guidance.toml");
    let (raw, text) = super::toml_file::read_optional::<RawStatements>(&path, &mut problems);
    for spanned in raw.statement {
        let line = line_of_offset(&text, spanned.span().start);
        let s = spanned.into_inner();
        let mut problem = |m: String| problems.push(Diagnostic::new(&path, line, m));
        if !is_valid_id(&s.id) || guidance.statements.iter().any(|o| o.id == s.id) {
            problem(format!(
                "statement id `{}` is not a unique lower-case id",
                s.id
            ));
        }
        if !GUIDE_STAGES.contains(&s.stage.as_str()) {
            problem(format!(
                "stage `{}` is not one of {}",
                s.stage,
                GUIDE_STAGES.join(", ")
            ));
        }
        if !scope_ok(&s.scope) {
            problem(format!(
                "scope `{}` is neither 全市 nor a listed district",
                s.scope
            ));
        }
        if s.zh.trim().is_empty() || s.en.trim().is_empty() {
            problem(format!(
                "statement `{}` needs both `zh` and `en` text",
                s.id
            ));
        }
        if s.sources.is_empty() {
            problem(format!(
                "statement `{}` has no source: every statement needs one",
                s.id
            ));
        }
        for source in &s.sources {
            if !resolves(source, documents, directory) {
                problem(format!(
                    "source `{source}` does not resolve: no such document item or sources.toml id"
                ));
            }
        }
        guidance.statements.push(s);
    }

    for spanned in raw.step {
        let line = line_of_offset(&text, spanned.span().start);
        let step = spanned.into_inner();
        let mut problem = |m: String| problems.push(Diagnostic::new(&path, line, m));
        if step.households.is_empty() {
            problem(format!(
                "a step needs `households`: one or more of {}",
                HOUSEHOLDS.join(", ")
            ));
        }
        for household in &step.households {
            if !HOUSEHOLDS.contains(&household.as_str()) {
                problem(format!(
                    "household `{household}` is not one of {}",
                    HOUSEHOLDS.join(", ")
                ));
            }
        }
        if step.zh.trim().is_empty() || step.en.trim().is_empty() {
            problem("a step needs both `zh` and `en` text".into());
        }
        if guidance.statement(&step.statement).is_none() {
            problem(format!(
                "step rests on statement `{}`, which is not in this file: a step must restate a sourced statement",
                step.statement
            ));
        }
        guidance.steps.push(step);
    }

    let path = data_dir.join("key_dates.toml");
    let (raw, text) = super::toml_file::read_optional::<RawCycles>(&path, &mut problems);
    for spanned in raw.cycle {
        let line = line_of_offset(&text, spanned.span().start);
        let c = spanned.into_inner();
        let mut problem = |m: String| problems.push(Diagnostic::new(&path, line, m));
        if !(2000..=2100).contains(&c.year) {
            problem(format!("year {} is not a plausible year", c.year));
        }
        if !scope_ok(&c.scope) && !c.scope.ends_with('区') {
            problem(format!(
                "scope `{}` is neither 全市 nor a district",
                c.scope
            ));
        }
        if c.events.is_empty() {
            problem("a cycle needs at least one event".into());
        }
        for event in &c.events {
            // The calendar file carries each date; one it cannot read would be dropped.
            if let Err(why) = crate::ics::event_days(&event.when, c.year) {
                problem(format!(
                    "`when` of `{}`: {why}; write it as 5月7日, 5月7日–11日, 5月28日–6月2日 or 8月15日前",
                    event.zh
                ));
            }
        }
        if !resolves(&c.source, documents, directory) {
            problem(format!("source `{}` does not resolve", c.source));
        }
        guidance.cycles.push(c);
    }

    if problems.is_empty() {
        Ok(guidance)
    } else {
        Err(problems)
    }
}
