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
    assert!(stderr.contains("4 problem(s) found"), "{stderr}");
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
        report,
        serde_json::json!({ "ok": true, "documents": 5, "problems": [] })
    );
}

#[test]
fn an_unknown_subcommand_is_a_usage_error() {
    let out = ruxue(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("frobnicate"));
}
