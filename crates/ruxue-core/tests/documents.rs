//! The five real documents parsed into their own structure, and the parser on fixtures.

mod common;

use common::*;

use ruxue_core::{load_corpus, ClauseKind, Corpus, Document};

fn corpus() -> Corpus {
    load_corpus(&repo_root().join("data")).expect("data/ is valid")
}

fn numbers(document: &Document, kind: ClauseKind) -> Vec<String> {
    document
        .clauses
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| c.number.clone())
        .collect()
}

fn item_numbers_under(document: &Document, part: &str) -> Vec<u32> {
    document
        .clauses
        .iter()
        .filter(|c| c.kind == ClauseKind::Item && c.path[0] == part)
        .map(|c| c.number.trim_end_matches(['.', '．']).parse().unwrap())
        .collect()
}

fn one_to(n: u32) -> Vec<u32> {
    (1..=n).collect()
}

/// A readable outline for snapshots: one line per clause.
fn outline(document: &Document) -> String {
    document
        .clauses
        .iter()
        .map(|c| {
            let head: String = c.text.chars().take(14).collect();
            let mut line = format!(
                "{:<14} {:<9} {:<6} {}",
                c.id,
                format!("{:?}", c.kind),
                c.number,
                head.replace('\n', "⏎")
            );
            if !c.departments.is_empty() {
                line.push_str(&format!("  [责任部门 ×{}]", c.departments.len()));
            }
            if !c.repairs.is_empty() {
                line.push_str(&format!("  [校正 {:?}]", c.repairs));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn mh_2023_6_has_6_parts_15_sections_and_items_1_to_25() {
    let corpus = corpus();
    let d = corpus.document("mh-2023-6").unwrap();
    assert_eq!(numbers(d, ClauseKind::Part).len(), 6);
    assert_eq!(numbers(d, ClauseKind::Section).len(), 15);
    assert_eq!(
        numbers(d, ClauseKind::Section)[7],
        "(八)",
        "the half-width brackets are kept as printed"
    );
    let items: Vec<u32> = ["一、", "二、", "三、", "四、", "五、", "六、"]
        .iter()
        .flat_map(|p| item_numbers_under(d, p))
        .collect();
    assert_eq!(items, one_to(25));
    let item16 = d.clause("4-9-16").unwrap();
    assert_eq!(d.citation(item16), "《中共闵行区委 闵行区人民政府关于闵行区推进教育高质量发展的实施意见》（闵委发〔2023〕6号）四、（九）16.");
    assert!(item16.departments.contains(&"区教育局".to_string()));
    assert_eq!(
        d.breadcrumb(item16),
        [
            "中共闵行区委 闵行区人民政府关于闵行区推进教育高质量发展的实施意见",
            "四、坚持立德树人，推进区域教育高品质内涵发展",
            "（九）促进各级各类教育品质提升",
            "16."
        ]
    );
    let (found_doc, found_clause) = corpus.item("mh-2023-6/4-9-16").unwrap();
    assert_eq!(
        (found_doc.meta.id.as_str(), found_clause.id.as_str()),
        ("mh-2023-6", "4-9-16")
    );
    for missing in ["mh-2023-6/99", "nope/4-9-16", "mh-2023-6", ""] {
        assert!(corpus.item(missing).is_none(), "{missing:?}");
    }
}

#[test]
fn bs_2023_43_has_8_parts_and_items_1_to_25() {
    let corpus = corpus();
    let d = corpus.document("bs-2023-43").unwrap();
    assert_eq!(numbers(d, ClauseKind::Part).len(), 8);
    let parts = numbers(d, ClauseKind::Part);
    let items: Vec<u32> = parts
        .iter()
        .flat_map(|p| item_numbers_under(d, p))
        .collect();
    assert_eq!(items, one_to(25));
    let cover = d
        .clauses
        .iter()
        .find(|c| !c.attachments.is_empty())
        .unwrap();
    assert_eq!(
        cover.attachments,
        ["上海市宝山区教育局2023年下半年工作补充意见"]
    );
}

#[test]
fn mh_2024_gzyd_has_5_parts_and_items_1_to_25() {
    let corpus = corpus();
    let d = corpus.document("mh-2024-gzyd").unwrap();
    let parts = numbers(d, ClauseKind::Part);
    assert_eq!(parts.len(), 5);
    let items: Vec<u32> = parts
        .iter()
        .flat_map(|p| item_numbers_under(d, p))
        .collect();
    assert_eq!(items, one_to(25));
}

#[test]
fn mh_2023_xqjt_restarts_its_numbering_in_parts_4_and_5() {
    let corpus = corpus();
    let d = corpus.document("mh-2023-xqjt").unwrap();
    assert_eq!(numbers(d, ClauseKind::Part).len(), 5);
    assert_eq!(item_numbers_under(d, "三、"), one_to(12));
    assert_eq!(item_numbers_under(d, "四、"), one_to(3));
    assert_eq!(item_numbers_under(d, "五、"), one_to(4));
    let first = d.clause("3-1-1").unwrap();
    assert_eq!(
        first.lead.as_deref(),
        Some("健全长效管理制度。"),
        "bold lead-ins are kept as structure"
    );
    assert!(!first.text.contains("**"));
}

#[test]
fn cm_yzjh_zqyjg_restarts_its_sections_in_each_part() {
    let corpus = corpus();
    let d = corpus.document("cm-yzjh-zqyjg").unwrap();
    assert_eq!(numbers(d, ClauseKind::Part).len(), 4);
    let sections_under = |part: &str| -> Vec<String> {
        d.clauses
            .iter()
            .filter(|c| c.kind == ClauseKind::Section && c.path[0] == part)
            .map(|c| c.number.clone())
            .collect()
    };
    assert_eq!(
        sections_under("三、"),
        ["(一)", "(二)", "（三）", "（四）", "（五）"]
    );
    assert_eq!(sections_under("四、"), ["（一）", "（二）", "（三）"]);
    let closing = d.clauses.last().unwrap();
    assert_eq!(closing.kind, ClauseKind::Closing);
    assert_eq!(
        closing.attachments,
        ["创建国家义务教育优质均衡发展区任务清单"]
    );
}

/// Nothing is lost: the clauses, in order, hold exactly the repaired text. Whitespace is not
/// content, and `**` is bold markup that the parser turns into each item's `lead`.
#[test]
fn the_clauses_hold_the_whole_repaired_text() {
    let strip = |s: &str| -> String {
        s.replace("**", "")
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
            .collect()
    };
    for document in &corpus().documents {
        let mut repaired = document.text.clone();
        for repair in &document.repairs {
            assert!(
                repaired.contains(&repair.original),
                "{}: {:?}",
                document.meta.id,
                repair.original
            );
            repaired = repaired.replacen(&repair.original, &repair.replacement, 1);
        }
        let clauses: String = document
            .clauses
            .iter()
            .map(|c| format!("{}{}", c.number, c.text))
            .collect();
        let (expected, actual) = (strip(&repaired), strip(&clauses));
        if expected != actual {
            let at = expected
                .chars()
                .zip(actual.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let around: String = expected
                .chars()
                .skip(at.saturating_sub(10))
                .take(30)
                .collect();
            panic!(
                "{}: clauses differ from the repaired text at char {at}, near {around:?}",
                document.meta.id
            );
        }
        assert_ne!(
            strip(&document.text),
            actual,
            "{}: the repairs changed something",
            document.meta.id
        );
    }
}

#[test]
fn every_repair_is_shown_on_a_clause() {
    for document in &corpus().documents {
        for index in 0..document.repairs.len() {
            let shown = document
                .clauses
                .iter()
                .any(|c| c.repairs.contains(&(index as u16)));
            assert!(
                shown,
                "{}: repair {index} ({:?}) is on no clause",
                document.meta.id, document.repairs[index].original
            );
        }
    }
}

#[test]
fn the_listed_artifacts_are_repaired() {
    let corpus = corpus();
    let all: String = corpus
        .documents
        .iter()
        .flat_map(|d| d.clauses.iter().map(|c| c.text.clone()))
        .collect();
    for artifact in [
        " and ",
        "家長",
        "2024222",
        "20232025",
        "重要要论述",
        "主义思想主义思想",
    ] {
        assert!(
            !all.contains(artifact),
            "{artifact:?} is still in the parsed text"
        );
    }
    assert!(all.contains("习近平总书记关于教育的重要论述"));
    assert!(all.contains("2024年2月22日"));
}

#[test]
fn item_ids_are_unique_within_each_document() {
    for document in &corpus().documents {
        let mut ids: Vec<&str> = document.clauses.iter().map(|c| c.id.as_str()).collect();
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count, "{}", document.meta.id);
    }
}

#[test]
fn the_structure_of_each_document_matches_its_snapshot() {
    for document in &corpus().documents {
        insta::assert_snapshot!(document.meta.id.clone(), outline(document));
    }
}

#[test]
fn every_heading_form_parses_as_the_fixture_expects() {
    let corpus = load_corpus(&repo_root().join("tests/fixtures/data/headings")).unwrap();
    insta::assert_snapshot!("fixture-headings", outline(&corpus.documents[0]));
}

#[test]
fn an_unplaceable_heading_is_an_error_on_its_line() {
    assert_eq!(
        problems_in("unplaceable"),
        ["documents/test-2099-1.txt:9: section \"（三）跳过了第二节\" cannot be placed: its number breaks the document's sequence (expected section 2 here); check for a typo, or a page break that needs a repair in data/repairs.toml"]
    );
}

#[test]
fn a_duplicate_id_is_an_error_naming_both_files() {
    let problems = problems_in("duplicate-id");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("documents/test-2099-2.toml:2: duplicate id `test-2099-1`: "),
        "{}",
        problems[0]
    );
    assert!(
        problems[0].contains("documents/test-2099-1.toml:2 uses it already"),
        "{}",
        problems[0]
    );
}

#[test]
fn a_repair_whose_original_is_missing_is_an_error_on_its_entry() {
    let problems = problems_in("repair-not-found");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .starts_with("repairs.toml:9: repair original \"不存在的文字\" is not found in "),
        "{}",
        problems[0]
    );
}
