//! Targets (指标, issue 17): every number in the shipped documents is a target or reviewed,
//! the build fails on a quote that is not its clause's words, and the comparisons are the
//! ones the data declares. The fixtures' numbers are fictional (tests/fixtures/README.md).

mod common;

use common::{fixture_with, problems_at, shipped_corpus};
use ruxue_core::load_corpus;
use ruxue_core::targets::{comparisons, select, uncovered, Filter};

/// Nothing is missed silently: a number no target quotes and no review explains is listed
/// here, with its clause, so an editor can add a `[[target]]` or a `[[reviewed]]` entry.
#[test]
fn every_number_in_the_documents_is_a_target_or_reviewed() {
    let corpus = shipped_corpus();
    let missing = uncovered(&corpus, &corpus.reviewed_numbers);
    let list: Vec<String> = (missing.iter())
        .map(|m| format!("{} (line {}): {}", m.clause, m.line, m.words))
        .collect();
    assert!(
        list.is_empty(),
        "numbers in the documents that are neither a target nor reviewed in data/targets.toml:\n{}",
        list.join("\n")
    );
    assert!(corpus.targets.len() >= 70, "{}", corpus.targets.len());
    assert!(corpus.reviewed_numbers.len() >= 10);
}

#[test]
fn the_shipped_targets_are_found_by_district_area_and_year_and_compared_across_districts() {
    let corpus = shipped_corpus();
    let all = select(&corpus, &Filter::default());
    assert_eq!(all.len(), corpus.targets.len(), "none dropped");
    let baoshan = select(
        &corpus,
        &Filter {
            district: Some("宝山区".into()),
            ..Filter::default()
        },
    );
    assert!(!baoshan.is_empty() && baoshan.iter().all(|p| p.district == "宝山区"));
    let by_2025 = select(
        &corpus,
        &Filter {
            year: Some(2025),
            area: Some("学前教育".into()),
            ..Filter::default()
        },
    );
    let ids: Vec<&str> = by_2025.iter().map(|p| p.target.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "mh-2023-6-inclusive-kindergarten-coverage",
            "mh-2023-6-public-kindergarten-share"
        ]
    );
    // The text's 到2025年, not the document's 2023.
    assert!(by_2025.iter().all(|p| p.year == Some(2025)));

    let compared = comparisons(&all);
    let coverage = (compared.iter())
        .find(|c| c.key == "inclusive-kindergarten-coverage")
        .expect("宝山 and 闵行 both commit to a coverage rate");
    let rows: Vec<(String, String)> = (coverage.targets.iter())
        .map(|p| (p.district.to_string(), p.target.amount.to_string()))
        .collect();
    assert_eq!(
        rows,
        [
            ("宝山区".to_string(), "93".to_string()),
            ("闵行区".to_string(), "95".to_string()),
            ("闵行区".to_string(), "95".to_string())
        ]
    );
    assert_eq!(coverage.unit, "%");
    // A key held by one district only is not a comparison.
    assert!(compared.iter().all(|c| c.key != "city-model-clusters"));
    // Filtered to one district, nothing is side by side.
    assert!(comparisons(&baoshan).is_empty());
}

const FIXTURE_TEXT: &str = "1.本文为虚构测试文本。";
const FIXTURE_WITH_NUMBERS: &str =
    "1.本文为虚构测试文本。到2099年，建设3-4个测试学区，测试覆盖率达到95%以上，第9届。";

fn fixture_with_targets(targets: &str) -> std::path::PathBuf {
    let text_file = "documents/test-2099-1.txt";
    let original = std::fs::read_to_string(common::fixture("valid").join(text_file)).unwrap();
    assert_eq!(original.matches(FIXTURE_TEXT).count(), 1);
    fixture_with(
        "valid",
        &[
            (
                text_file,
                &original.replacen(FIXTURE_TEXT, FIXTURE_WITH_NUMBERS, 1),
            ),
            ("targets.toml", targets),
        ],
    )
}

const GOOD: &str = r#"# Fictional test fixture.
[[target]]
id = "test-clusters"
clause = "test-2099-1/1-1-1"
quote = "建设3-4个测试学区"
amount = [3, 4]
unit = "个"
measure = "测试学区"
measure_en = "Test districts"
area = "学区集团"
year = 2099
deadline = "到2099年"
"#;

#[test]
fn a_target_loads_and_a_number_left_out_is_listed() {
    let corpus = load_corpus(&fixture_with_targets(GOOD)).unwrap();
    assert_eq!(corpus.targets.len(), 1);
    assert_eq!(corpus.targets[0].amount.to_string(), "3–4");
    let missing = uncovered(&corpus, &corpus.reviewed_numbers);
    let words: Vec<&str> = missing.iter().map(|m| m.words.as_str()).collect();
    // The year and the ordinal are not amounts; the rate is, and nothing accounts for it.
    assert_eq!(words, ["95%"]);
    assert_eq!(missing[0].clause, "test-2099-1/1-1-1");

    let reviewed = format!(
        "{GOOD}\n[[reviewed]]\nclause = \"test-2099-1/1-1-1\"\nwords = \"测试覆盖率达到95%以上\"\nwhy = \"fictional\"\n"
    );
    let corpus = load_corpus(&fixture_with_targets(&reviewed)).unwrap();
    assert!(uncovered(&corpus, &corpus.reviewed_numbers).is_empty());
}

#[test]
fn a_quote_not_in_its_clause_or_without_its_amount_fails_the_build_at_its_line() {
    let cases = [
        (
            GOOD.replace("建设3-4个测试学区", "建设3到4个测试学区"),
            "targets.toml:2: the quote is not in clause `test-2099-1/1-1-1`: copy its words exactly (`ruxue show test-2099-1/1-1-1` prints the text)",
        ),
        (
            GOOD.replace("amount = [3, 4]", "amount = 4"),
            "targets.toml:2: the quote does not state 4个: quote the words that hold the number, or correct `amount`/`unit`",
        ),
        (
            GOOD.replace("unit = \"个\"", "unit = \"所\""),
            "targets.toml:2: the quote does not state 3–4所: quote the words that hold the number, or correct `amount`/`unit`",
        ),
        (
            GOOD.replace("学区集团", "学校"),
            "targets.toml:2: area `学校` is not one of 托育, 学前教育, 义务教育, 高中教育, 职业教育, 特殊教育, 终身教育, 学区集团, 师资队伍, 五育并举, 学校建设, 教育数字化, 教育治理",
        ),
        (
            GOOD.replace("到2099年", "到2098年"),
            "targets.toml:2: deadline `到2098年` is not in clause `test-2099-1/1-1-1`: use the text's own words",
        ),
        (
            GOOD.replace("test-2099-1/1-1-1", "test-2099-1/9"),
            "targets.toml:2: clause `test-2099-1/9` does not exist: write `<document id>/<clause id>` as `ruxue show` accepts it",
        ),
        (
            format!("{GOOD}{}", GOOD.replace("# Fictional test fixture.\n", "")),
            "targets.toml:13: id `test-clusters` is used twice: each target needs its own",
        ),
    ];
    for (targets, expected) in cases {
        assert_eq!(problems_at(&fixture_with_targets(&targets)), [expected]);
    }
}

/// An amount written in Chinese numerals is the quote's own words (`amount_words`), shown as
/// they are; words not in the quote fail the build.
#[test]
fn an_amount_in_words_is_shown_as_the_text_writes_it() {
    let corpus = shipped_corpus();
    let reach = (corpus.targets.iter())
        .find(|t| t.id == "mh-2023-xqjt-course-reach")
        .expect("不少于三分之一的学生 is a target");
    assert_eq!(reach.shown_amount(), "三分之一");
    let digits = (corpus.targets.iter())
        .find(|t| t.id == "mh-2023-6-model-clusters")
        .unwrap();
    assert_eq!(digits.shown_amount(), "3–4个");
    let words = GOOD.replace(
        "unit = \"个\"",
        "unit = \"个\"\namount_words = \"三到四个\"",
    );
    assert_eq!(
        problems_at(&fixture_with_targets(&words)),
        ["targets.toml:2: amount_words `三到四个` are not in the quote: give the quote's own words for the amount"]
    );
}

#[test]
fn targets_compared_must_be_of_one_area_and_count_in_the_same_unit() {
    let second = r#"
[[target]]
id = "test-coverage"
clause = "test-2099-1/1-1-1"
quote = "测试覆盖率达到95%以上"
amount = 95
unit = "%"
measure = "测试覆盖率"
measure_en = "Test coverage"
area = "学区集团"
compare = "mixed"
"#;
    let targets = format!(
        "{}{second}",
        GOOD.replace("deadline", "compare = \"mixed\"\ndeadline")
    );
    assert_eq!(
        problems_at(&fixture_with_targets(&targets)),
        ["targets.toml:15: targets `test-clusters` and `test-coverage` share compare `mixed` but count in `个` and `%`: only the same measure can be compared"]
    );
    let other_area = targets
        .replace("unit = \"%\"", "unit = \"个\"")
        .replace("amount = 95", "amount = [3, 4]")
        .replace("测试覆盖率达到95%以上", "建设3-4个测试学区")
        .replace(
            "area = \"学区集团\"\ncompare",
            "area = \"义务教育\"\ncompare",
        );
    assert_eq!(
        problems_at(&fixture_with_targets(&other_area)),
        ["targets.toml:15: targets `test-clusters` and `test-coverage` share compare `mixed` but are in areas `学区集团` and `义务教育`: compared targets are in one area"]
    );
}
