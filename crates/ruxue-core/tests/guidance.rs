//! Guidance statements, key dates and the calculator against the shipped data.

mod common;

use common::*;

use ruxue_core::calendar::CalendarDate;
use ruxue_core::guidance::{entry_years, next_intake_year, STAGES};
use ruxue_core::load_corpus;

#[test]
fn every_stage_has_guidance_and_every_statement_has_sources() {
    let corpus = load_corpus(&repo_root().join("data")).unwrap();
    let g = &corpus.guidance;
    for stage in STAGES {
        assert!(
            g.statements.iter().any(|s| s.stage == stage),
            "no guidance for {stage}"
        );
    }
    for s in &g.statements {
        assert!(!s.sources.is_empty(), "{}", s.id);
    }
    for id in ruxue_core::guidance::COHORT_STATEMENTS {
        assert!(g.statement(id).is_some(), "the calculator cites `{id}`");
    }
}

#[test]
fn the_2027_intake_has_no_published_dates_and_2025_is_the_latest_reference() {
    let corpus = load_corpus(&repo_root().join("data")).unwrap();
    let g = &corpus.guidance;
    let today = CalendarDate::parse("2026-11-22").unwrap();
    let intake = next_intake_year(today);
    assert_eq!(intake, 2027);
    assert!(g.cycles_for(2027).is_empty());
    assert!(g.cycles_for(2026).is_empty());
    assert_eq!(g.latest_before(intake), Some(2025));
    assert!(
        g.cycles_for(2025).iter().all(|c| c.reference),
        "2025 is shown only as a reference"
    );
    let e = entry_years(CalendarDate::parse("2021-03-15").unwrap(), today).unwrap();
    assert_eq!(
        e.primary_year, 2027,
        "a child of the 2020-09-01..2021-08-31 cohort starts primary in 2027"
    );
}

#[test]
fn an_unsourced_statement_fails_the_build_on_its_line() {
    let dir = repo_root().join("tests/fixtures/data/guidance-unsourced");
    let problems: Vec<String> = load_corpus(&dir)
        .unwrap_err()
        .iter()
        .map(|p| {
            format!(
                "{}:{}: {}",
                p.file.strip_prefix(&dir).unwrap().display(),
                p.line,
                p.message
            )
        })
        .collect();
    assert_eq!(
        problems,
        [
            "guidance.toml:12: statement `unsourced` has no source: every statement needs one",
            "guidance.toml:20: source `test-2099-1/9-9-9` does not resolve: no such document item or sources.toml id",
        ]
    );
}
