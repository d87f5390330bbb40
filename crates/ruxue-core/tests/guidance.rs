//! Guidance statements, key dates and the calculator against the shipped data.

mod common;

use common::*;

use ruxue_core::calendar::CalendarDate;
use ruxue_core::load_corpus;
use ruxue_core::model::{GUIDE_STAGES, HOUSEHOLDS};
use ruxue_core::rules::{entry_years, next_intake_year};

#[test]
fn every_stage_has_guidance_and_every_statement_has_sources() {
    let corpus = load_corpus(&repo_root().join("data")).unwrap();
    let g = &corpus.guidance;
    for stage in GUIDE_STAGES {
        assert!(
            g.statements.iter().any(|s| s.stage == stage),
            "no guidance for {stage}"
        );
    }
    for s in &g.statements {
        assert!(!s.sources.is_empty(), "{}", s.id);
    }
    for id in ruxue_core::rules::COHORT_STATEMENTS {
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
            "guidance.toml:29: household `renter` is not one of hukou, permit, other",
            "guidance.toml:29: step rests on statement `no-such-statement`, which is not in this file: a step must restate a sourced statement",
            "key_dates.toml:4: `when` of `验证`: `五月中旬` does not start with a date like 5月7日; write it as 5月7日, 5月7日–11日, 5月28日–6月2日 or 8月15日前",
        ]
    );
}

/// The check's checklist: each household gets the shared steps and its own, and every step
/// rests on a statement that has sources.
#[test]
fn the_checklist_differs_by_household_and_every_step_is_sourced() {
    let corpus = load_corpus(&repo_root().join("data")).unwrap();
    let g = &corpus.guidance;
    let rests_on = |household: Option<&str>| -> Vec<String> {
        g.steps_for(household)
            .iter()
            .map(|s| s.statement.clone())
            .collect()
    };
    let shared = rests_on(None);
    assert!(shared.contains(&"apply-where".to_string()), "{shared:?}");
    assert!(!shared.contains(&"migrant-conditions".to_string()));
    for household in HOUSEHOLDS {
        let steps = rests_on(Some(household));
        assert!(
            shared.iter().all(|s| steps.contains(s)),
            "{household}: {steps:?}"
        );
        let migrant = steps.contains(&"migrant-conditions".to_string());
        assert_eq!(migrant, household != "hukou", "{household}: {steps:?}");
    }
    for step in &g.steps {
        let statement = g.statement(&step.statement).expect("the loader checked it");
        assert!(!statement.sources.is_empty(), "{}", step.zh);
    }
}

/// Statements say what their sources say, no more (review fixes, issue 11).
#[test]
fn statements_keep_to_the_words_of_their_sources() {
    let corpus = load_corpus(&repo_root().join("data")).unwrap();
    let g = &corpus.guidance;
    let item_text = |item: &str| corpus.item(item).unwrap().1.text.clone();
    // The survey is of 小学适龄儿童 (given as fifth-year leavers), not of leavers only.
    let baoshan = g.statement("junior-baoshan").unwrap();
    assert!(item_text("bs-2023-43/4-13").contains("小学适龄儿童（五年级毕业生）"));
    assert!(
        baoshan.zh.contains("小学适龄儿童（五年级毕业生）"),
        "{}",
        baoshan.zh
    );
    // The 100% quota is a criterion of evaluation standards still being drawn up (研制).
    let quota = g.statement("senior-quota-minhang").unwrap();
    assert!(
        quota.zh.contains("研制") && !quota.zh.contains("要求"),
        "{}",
        quota.zh
    );
    assert!(quota.en.contains("criteri"), "{}", quota.en);
    // "Three years before primary school" needs a source for the primary cohort as well.
    let kindergarten = g.statement("kindergarten-cohort").unwrap();
    assert!(kindergarten
        .sources
        .iter()
        .any(|s| s == "huangpu-2024-primary-age" || s == "minhang-2015-primary-age"));
    // 全纳教育 is the work plan's goal; the English must not read as "all are admitted", and
    // both languages keep the eligibility conditions, cited to their own source.
    let migrant = g.statement("migrant-minhang").unwrap();
    assert!(!migrant.en.contains("admit all"), "{}", migrant.en);
    assert!(
        migrant.en.contains("Residence Permit") && migrant.en.contains("6 months"),
        "{}",
        migrant.en
    );
    assert!(migrant.zh.contains("不改变入学条件"), "{}", migrant.zh);
    assert!(migrant.sources.iter().any(|s| s == "suiqian-conditions"));
    // Where to apply cites the official entry points, each with its address.
    let apply = g.statement("apply-where").unwrap();
    for source in &apply.sources {
        let public = corpus.directory.source(source).unwrap();
        assert_eq!(public.quality, "official", "{source}");
        assert!(
            public
                .url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://")),
            "{source}"
        );
    }
}

/// A cycle scoped to the whole city holds only city-wide dates: district dates are listed
/// under their district.
#[test]
fn city_wide_dates_name_no_district() {
    let corpus = load_corpus(&repo_root().join("data")).unwrap();
    let districts: Vec<&str> = corpus
        .directory
        .districts
        .iter()
        .map(|d| d.name.as_str())
        .chain(
            corpus
                .directory
                .elsewhere
                .iter()
                .map(|e| e.district.as_str()),
        )
        .collect();
    for cycle in corpus.guidance.cycles.iter().filter(|c| c.scope == "全市") {
        for event in &cycle.events {
            for district in &districts {
                assert!(
                    !event.zh.contains(district),
                    "{} 全市 lists {district}'s date: {}",
                    cycle.year,
                    event.zh
                );
            }
        }
    }
}

/// The guide says how many statements rest on official text: a document in force or a
/// government site, never a repost or the press (issue 11).
#[test]
fn statements_resting_on_official_text_are_counted_by_their_sources() {
    let corpus = load_corpus(&repo_root().join("data")).unwrap();
    let g = &corpus.guidance;
    let official = |id: &str| {
        g.statement(id)
            .unwrap()
            .sources
            .iter()
            .any(|s| corpus.is_official_source(s))
    };
    // Two reposts of the city's opinions: not official text.
    assert!(!official("yearly-opinions"));
    // 一网通办 and the education commission's own sites.
    assert!(official("apply-where"));
    // A Minhang work plan in force.
    assert!(official("migrant-minhang"));
    assert!(corpus.item("cm-yzjh-zqyjg/3-5-p1").is_some());
    assert!(
        !corpus.is_official_source("cm-yzjh-zqyjg/3-5-p1"),
        "a draft"
    );
    assert!(corpus.is_official_source("mh-2024-gzyd/1-2"));
    let (on_official, total) = corpus.statements_on_official_text();
    assert_eq!(total, g.statements.len());
    assert!(
        on_official > 0 && on_official < total,
        "{on_official}/{total}"
    );
}
