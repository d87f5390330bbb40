//! Reading `data/places/*.csv`, `data/schools/*.csv`, `data/schools/facts.toml` and
//! `data/sources.toml`: the import path for bureaus' own lists. Every row is validated, and a
//! problem is a `file:line: message`, never a skipped row. Columns are documented in data/README.md.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::metadata::is_valid_id;
use super::readings::pinyin_of;
use crate::diagnostic::{line_of_offset, Diagnostic};
use crate::model::*;
use crate::model::{find_item, Document};

/// A CSV file read as rows of trimmed fields, each with its line.
struct Table {
    path: PathBuf,
    rows: Vec<(usize, Vec<String>)>,
}

fn read_table(path: &Path, columns: &[&str], problems: &mut Vec<Diagnostic>) -> Option<Table> {
    // A data folder without a list has nothing of that kind (the test fixtures rely on it);
    // the shipped lists are guarded by tests that count their rows.
    if !path.exists() {
        return None;
    }
    let mut reader = match csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .has_headers(false)
        .flexible(true)
        .from_path(path)
    {
        Ok(reader) => reader,
        Err(e) => {
            problems.push(Diagnostic::new(
                path,
                1,
                format!("cannot read the file: {e}"),
            ));
            return None;
        }
    };
    let mut rows = Vec::new();
    let mut header_seen = false;
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as usize);
                problems.push(Diagnostic::new(path, line, format!("malformed row: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(1, |p| p.line() as usize);
        let fields: Vec<String> = record.iter().map(|f| f.trim().to_string()).collect();
        if !header_seen {
            header_seen = true;
            if fields != columns {
                problems.push(Diagnostic::new(
                    path,
                    line,
                    format!(
                        "the header must be `{}`, found `{}`",
                        columns.join(","),
                        fields.join(",")
                    ),
                ));
                return None;
            }
            continue;
        }
        if fields.len() != columns.len() {
            problems.push(Diagnostic::new(
                path,
                line,
                format!(
                    "malformed row: expected {} fields ({}), found {}",
                    columns.len(),
                    columns.join(","),
                    fields.len()
                ),
            ));
            continue;
        }
        rows.push((line, fields));
    }
    if !header_seen {
        problems.push(Diagnostic::new(
            path,
            1,
            format!(
                "the file is empty: it needs the header `{}`",
                columns.join(",")
            ),
        ));
        return None;
    }
    Some(Table {
        path: path.to_path_buf(),
        rows,
    })
}

fn list(field: &str) -> Vec<String> {
    field
        .split([';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn optional(field: &str) -> Option<String> {
    (!field.is_empty()).then(|| field.to_string())
}

/// Whether `source` names an item of `documents` (`doc/clause`) or one of the `public` sources.
pub(crate) fn source_resolves(source: &str, documents: &[Document], public: &[PublicSource]) -> bool {
    if source.contains('/') {
        find_item(documents, source).is_some()
    } else {
        public.iter().any(|s| s.id == source)
    }
}

/// Checks that `source` is present and names a document item or a public source.
fn check_source(
    source: &str,
    documents: &[Document],
    public: &[PublicSource],
    path: &Path,
    line: usize,
    problems: &mut Vec<Diagnostic>,
) {
    if source.is_empty() {
        problems.push(Diagnostic::new(path, line, "missing source: cite a document item (e.g. mh-2023-6/4-9-16) or a source id from sources.toml"));
        return;
    }
    if !source_resolves(source, documents, public) {
        problems.push(Diagnostic::new(
            path,
            line,
            format!("source `{source}` does not resolve: no such document item or sources.toml id"),
        ));
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawSources {
    #[serde(default)]
    source: Vec<Spanned<RawSource>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    #[serde(default)]
    authority: String,
    doc_number: Option<String>,
    title: String,
    url: Option<String>,
    via: Option<String>,
    date: Option<String>,
    quality: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFacts {
    #[serde(default)]
    fact: Vec<Spanned<ClusterFact>>,
}

/// A source's date: a year, a month or a day that exists (`2023`, `2024-04`, `2024-04-18`).
fn is_source_date(text: &str) -> bool {
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [year] => digits(year, 4),
        [year, month] => {
            digits(year, 4) && digits(month, 2) && (1..=12).contains(&month.parse().unwrap_or(0))
        }
        [_, _, _] => crate::calendar::CalendarDate::parse(text).is_ok() && text.len() == 10,
        _ => false,
    }
}

/// Whether `name` is a covered district listed so far.
fn district_known(name: &str, directory: &Directory) -> bool {
    directory.districts.iter().any(|d| d.name == name)
}

/// Whether `town` is a listed 街镇 of `district`.
fn town_known(district: &str, town: &str, directory: &Directory) -> bool {
    directory
        .towns
        .iter()
        .any(|t| t.district == district && t.name == town)
}

/// Loads and validates the directory against the already loaded `documents`: one loader per
/// file, in the order their rows may refer to each other (sources, then places, then schools).
pub(crate) fn load_directory(
    data_dir: &Path,
    documents: &[Document],
) -> Result<Directory, Vec<Diagnostic>> {
    let mut state = (Directory::default(), Vec::new());
    for load in [
        load_sources,
        load_districts,
        load_towns,
        load_elsewhere,
        load_communities,
        load_schools,
        load_clusters,
        load_memberships,
        load_catchments,
        load_facts,
    ] {
        state = load(data_dir, documents, state.0, state.1);
    }
    let (directory, problems) = state;
    if problems.is_empty() {
        Ok(directory)
    } else {
        Err(problems)
    }
}

/// `sources.toml`: public sources, each with its authority and where to read it.
fn load_sources(
    data_dir: &Path,
    _documents: &[Document],
    mut directory: Directory,
    mut problems: Vec<Diagnostic>,
) -> (Directory, Vec<Diagnostic>) {
    let sources_path = data_dir.join("sources.toml");
    let (raw, text) = super::toml_file::read_optional::<RawSources>(&sources_path, &mut problems);
    for spanned in raw.source {
        let line = line_of_offset(&text, spanned.span().start);
        let s = spanned.into_inner();
        if !is_valid_id(&s.id) || directory.sources.iter().any(|o| o.id == s.id) {
            problems.push(Diagnostic::new(
                &sources_path,
                line,
                format!("source id `{}` is not a unique lower-case id", s.id),
            ));
        }
        let mut problem = |m: String| problems.push(Diagnostic::new(&sources_path, line, m));
        if !QUALITIES.contains(&s.quality.as_str()) {
            problem(format!(
                "quality `{}` is not one of official, press, repost",
                s.quality
            ));
        }
        if s.authority.trim().is_empty() {
            problem(if s.quality == "repost" {
                format!(
                    "repost `{}` names no authority: add `authority = \"…\"`, the body whose text it copies (e.g. 上海市教育委员会), and its `doc_number` if the text gives one",
                    s.id
                )
            } else {
                format!(
                    "source `{}` names no authority: add `authority = \"…\"`, the body that published it",
                    s.id
                )
            });
        }
        match s.url.as_deref() {
            Some(url) if !(url.starts_with("https://") || url.starts_with("http://")) => {
                problem(format!("url `{url}` must start with https:// or http://"));
            }
            None if s.doc_number.is_none() => problem(format!(
                "source `{}` has neither a url nor a doc_number: give where it can be read, or its 文号",
                s.id
            )),
            _ => {}
        }
        if let Some(date) = s.date.as_deref().filter(|d| !is_source_date(d)) {
            problem(format!(
                "date `{date}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (a real day)"
            ));
        }
        directory.sources.push(PublicSource {
            id: s.id,
            authority: s.authority,
            doc_number: s.doc_number,
            title: s.title,
            url: s.url,
            via: s.via,
            date: s.date,
            quality: s.quality,
        });
    }
    (directory, problems)
}

/// `places/districts.csv`.
fn load_districts(
    data_dir: &Path,
    documents: &[Document],
    mut directory: Directory,
    mut problems: Vec<Diagnostic>,
) -> (Directory, Vec<Diagnostic>) {
    if let Some(table) = read_table(
        &data_dir.join("places/districts.csv"),
        &["code", "name", "source"],
        &mut problems,
    ) {
        for (line, f) in &table.rows {
            if f[0].len() != 6 || !f[0].bytes().all(|b| b.is_ascii_digit()) {
                problems.push(Diagnostic::new(
                    &table.path,
                    *line,
                    format!("code `{}` is not a 6-digit division code", f[0]),
                ));
            }
            if f[1].is_empty() || directory.districts.iter().any(|d| d.name == f[1]) {
                problems.push(Diagnostic::new(
                    &table.path,
                    *line,
                    format!("district `{}` is empty or listed twice", f[1]),
                ));
            }
            check_source(
                &f[2],
                documents,
                &directory.sources,
                &table.path,
                *line,
                &mut problems,
            );
            directory.districts.push(District {
                code: f[0].clone(),
                name: f[1].clone(),
                source: f[2].clone(),
                pinyin: pinyin_of(&f[1]),
            });
        }
    }
    (directory, problems)
}

/// `places/towns.csv`, with the short form of each name as an alias.
fn load_towns(
    data_dir: &Path,
    documents: &[Document],
    mut directory: Directory,
    mut problems: Vec<Diagnostic>,
) -> (Directory, Vec<Diagnostic>) {
    if let Some(table) = read_table(
        &data_dir.join("places/towns.csv"),
        &["district", "name", "kind", "aliases", "source"],
        &mut problems,
    ) {
        for (line, f) in &table.rows {
            if !district_known(&f[0], &directory) {
                problems.push(Diagnostic::new(
                    &table.path,
                    *line,
                    format!(
                        "unknown district `{}`: add it to places/districts.csv first",
                        f[0]
                    ),
                ));
            }
            if f[1].is_empty()
                || directory
                    .towns
                    .iter()
                    .any(|t| t.district == f[0] && t.name == f[1])
            {
                problems.push(Diagnostic::new(
                    &table.path,
                    *line,
                    format!("街镇 `{}` is empty or listed twice in {}", f[1], f[0]),
                ));
            }
            if !TOWN_KINDS.contains(&f[2].as_str()) {
                problems.push(Diagnostic::new(
                    &table.path,
                    *line,
                    format!("kind `{}` is not one of {}", f[2], TOWN_KINDS.join(", ")),
                ));
            }
            check_source(
                &f[4],
                documents,
                &directory.sources,
                &table.path,
                *line,
                &mut problems,
            );
            let mut aliases = list(&f[3]);
            // The short form people use: 七宝 for 七宝镇, 江川路 for 江川路街道.
            for suffix in ["街道", "镇", "乡"] {
                if let Some(short) = f[1].strip_suffix(suffix) {
                    if short.chars().count() >= 2 && !aliases.iter().any(|a| a == short) {
                        aliases.push(short.to_string());
                    }
                }
            }
            directory.towns.push(Town {
                district: f[0].clone(),
                name: f[1].clone(),
                kind: f[2].clone(),
                aliases,
                source: f[4].clone(),
                pinyin: pinyin_of(&f[1]),
            });
        }
    }
    (directory, problems)
}

/// `places/elsewhere.csv`: the districts and 街镇 the portal does not cover.
fn load_elsewhere(
    data_dir: &Path,
    documents: &[Document],
    mut directory: Directory,
    mut problems: Vec<Diagnostic>,
) -> (Directory, Vec<Diagnostic>) {
    if let Some(table) = read_table(
        &data_dir.join("places/elsewhere.csv"),
        &["code", "name", "district", "source"],
        &mut problems,
    ) {
        for (line, f) in &table.rows {
            let mut problem = |m: String| problems.push(Diagnostic::new(&table.path, *line, m));
            if ![6, 9].contains(&f[0].len()) || !f[0].bytes().all(|b| b.is_ascii_digit()) {
                problem(format!(
                    "code `{}` is not a 6- or 9-digit division code",
                    f[0]
                ));
            }
            if f[1].is_empty() || f[2].is_empty() {
                problem("a row needs both `name` and `district`".into());
            }
            if district_known(&f[2], &directory) {
                problem(format!(
                    "`{}` is a covered district: list its 街镇 in places/towns.csv instead",
                    f[2]
                ));
            }
            if directory
                .elsewhere
                .iter()
                .any(|e| e.district == f[2] && e.name == f[1])
            {
                problem(format!("`{}` is listed twice in {}", f[1], f[2]));
            }
            check_source(
                &f[3],
                documents,
                &directory.sources,
                &table.path,
                *line,
                &mut problems,
            );
            directory.elsewhere.push(Elsewhere {
                code: f[0].clone(),
                name: f[1].clone(),
                district: f[2].clone(),
                source: f[3].clone(),
            });
        }
    }
    (directory, problems)
}

/// `places/communities.csv`: 居委会 and 村委会, each in a listed 街镇.
fn load_communities(
    data_dir: &Path,
    documents: &[Document],
    mut directory: Directory,
    mut problems: Vec<Diagnostic>,
) -> (Directory, Vec<Diagnostic>) {
    if let Some(table) = read_table(
        &data_dir.join("places/communities.csv"),
        &["code", "name", "district", "town", "source"],
        &mut problems,
    ) {
        let mut seen = HashSet::new();
        for (line, f) in &table.rows {
            let mut problem = |m: String| problems.push(Diagnostic::new(&table.path, *line, m));
            if f[0].len() != 12 || !f[0].bytes().all(|b| b.is_ascii_digit()) {
                problem(format!("code `{}` is not a 12-digit division code", f[0]));
            }
            if f[1].chars().count() < 2 {
                problem(format!("name `{}` is too short to be a community", f[1]));
            }
            if !district_known(&f[2], &directory) {
                problem(format!(
                    "district `{}` is not in places/districts.csv",
                    f[2]
                ));
            } else if !town_known(&f[2], &f[3], &directory) {
                problem(format!(
                    "街镇 `{}` is not a 街镇 of {} in places/towns.csv",
                    f[3], f[2]
                ));
            }
            if !seen.insert((f[2].clone(), f[3].clone(), f[1].clone())) {
                problem(format!("`{}` is listed twice in {}", f[1], f[3]));
            }
            check_source(
                &f[4],
                documents,
                &directory.sources,
                &table.path,
                *line,
                &mut problems,
            );
            directory.communities.push(Community {
                code: f[0].clone(),
                name: f[1].clone(),
                district: f[2].clone(),
                town: f[3].clone(),
                source: f[4].clone(),
            });
        }
    }
    (directory, problems)
}

/// `schools/schools.csv`.
fn load_schools(
    data_dir: &Path,
    documents: &[Document],
    mut directory: Directory,
    mut problems: Vec<Diagnostic>,
) -> (Directory, Vec<Diagnostic>) {
    let school_columns = [
        "id",
        "name",
        "aliases",
        "district",
        "town",
        "stages",
        "ownership",
        "status",
        "source",
    ];
    if let Some(table) = read_table(
        &data_dir.join("schools/schools.csv"),
        &school_columns,
        &mut problems,
    ) {
        for (line, f) in &table.rows {
            let problem = |m: String| Diagnostic::new(&table.path, *line, m);
            if !is_valid_id(&f[0]) {
                problems.push(problem(format!(
                    "school id `{}` must be lower-case letters, digits and hyphens",
                    f[0]
                )));
            }
            if directory
                .schools
                .iter()
                .any(|s| s.id == f[0] || (s.name == f[1] && s.district == f[3]))
            {
                problems.push(problem(format!(
                    "duplicate school: `{}` ({}) is already listed",
                    f[1], f[0]
                )));
                continue;
            }
            if f[1].is_empty() {
                problems.push(problem("school name is empty".into()));
            }
            if !district_known(&f[3], &directory) {
                problems.push(problem(format!("unknown district `{}`", f[3])));
            }
            if !f[4].is_empty() && !town_known(&f[3], &f[4], &directory) {
                problems.push(problem(format!(
                    "unknown 街镇 `{}` in {}: it must be listed in places/towns.csv",
                    f[4], f[3]
                )));
            }
            for stage in list(&f[5]) {
                if !SCHOOL_STAGES.contains(&stage.as_str()) {
                    problems.push(problem(format!(
                        "stage `{stage}` is not one of {}",
                        SCHOOL_STAGES.join(", ")
                    )));
                }
            }
            if !["", "公办", "民办"].contains(&f[6].as_str()) {
                problems.push(problem(format!(
                    "ownership `{}` must be 公办, 民办 or empty",
                    f[6]
                )));
            }
            if !f[7].is_empty() {
                if !SCHOOL_STATUSES.contains(&f[7].as_str()) {
                    problems.push(problem(format!(
                        "status `{}` is not one of {}, or empty when the source says nothing",
                        f[7],
                        SCHOOL_STATUSES.join(", ")
                    )));
                } else if let Some((_, clause)) = find_item(documents, &f[8]) {
                    let text = &clause.text;
                    // The status is the source's own word, so the item must say it.
                    if !text.contains(&f[7]) || !text.contains(&f[1]) {
                        problems.push(problem(format!(
                            "status `{}` of `{}` is not in the text of {}: use the word the source uses",
                            f[7], f[1], f[8]
                        )));
                    }
                }
            }
            check_source(
                &f[8],
                documents,
                &directory.sources,
                &table.path,
                *line,
                &mut problems,
            );
            directory.schools.push(School {
                id: f[0].clone(),
                name: f[1].clone(),
                aliases: list(&f[2]),
                district: f[3].clone(),
                town: optional(&f[4]),
                stages: list(&f[5]),
                ownership: optional(&f[6]),
                status: optional(&f[7]),
                source: f[8].clone(),
                pinyin: pinyin_of(&f[1]),
            });
        }
    }
    (directory, problems)
}

/// `schools/clusters.csv`.
fn load_clusters(
    data_dir: &Path,
    documents: &[Document],
    mut directory: Directory,
    mut problems: Vec<Diagnostic>,
) -> (Directory, Vec<Diagnostic>) {
    if let Some(table) = read_table(
        &data_dir.join("schools/clusters.csv"),
        &["id", "name", "kind", "district", "aliases", "source"],
        &mut problems,
    ) {
        for (line, f) in &table.rows {
            let problem = |m: String| Diagnostic::new(&table.path, *line, m);
            if !is_valid_id(&f[0]) || directory.clusters.iter().any(|c| c.id == f[0]) {
                problems.push(problem(format!(
                    "cluster id `{}` is not a unique lower-case id",
                    f[0]
                )));
            }
            if !CLUSTER_KINDS.contains(&f[2].as_str()) {
                problems.push(problem(format!(
                    "kind `{}` is not one of {}",
                    f[2],
                    CLUSTER_KINDS.join(", ")
                )));
            }
            if !district_known(&f[3], &directory) {
                problems.push(problem(format!("unknown district `{}`", f[3])));
            }
            check_source(
                &f[5],
                documents,
                &directory.sources,
                &table.path,
                *line,
                &mut problems,
            );
            directory.clusters.push(Cluster {
                id: f[0].clone(),
                name: f[1].clone(),
                kind: f[2].clone(),
                district: f[3].clone(),
                aliases: list(&f[4]),
                source: f[5].clone(),
                pinyin: pinyin_of(&f[1]),
            });
        }
    }
    (directory, problems)
}

/// `schools/memberships.csv`.
fn load_memberships(
    data_dir: &Path,
    documents: &[Document],
    mut directory: Directory,
    mut problems: Vec<Diagnostic>,
) -> (Directory, Vec<Diagnostic>) {
    if let Some(table) = read_table(
        &data_dir.join("schools/memberships.csv"),
        &["cluster", "school", "source"],
        &mut problems,
    ) {
        let mut seen = HashSet::new();
        for (line, f) in &table.rows {
            if directory.cluster(&f[0]).is_none() {
                problems.push(Diagnostic::new(
                    &table.path,
                    *line,
                    format!(
                        "unknown cluster `{}`: add it to schools/clusters.csv first",
                        f[0]
                    ),
                ));
            }
            if directory.school(&f[1]).is_none() {
                problems.push(Diagnostic::new(
                    &table.path,
                    *line,
                    format!(
                        "unknown school `{}`: add it to schools/schools.csv first",
                        f[1]
                    ),
                ));
            }
            if !seen.insert((f[0].clone(), f[1].clone())) {
                problems.push(Diagnostic::new(
                    &table.path,
                    *line,
                    "this membership is listed twice",
                ));
            }
            check_source(
                &f[2],
                documents,
                &directory.sources,
                &table.path,
                *line,
                &mut problems,
            );
            directory.memberships.push(Membership {
                cluster: f[0].clone(),
                school: f[1].clone(),
                source: f[2].clone(),
            });
        }
    }
    (directory, problems)
}

/// `schools/catchments.csv`.
fn load_catchments(
    data_dir: &Path,
    documents: &[Document],
    mut directory: Directory,
    mut problems: Vec<Diagnostic>,
) -> (Directory, Vec<Diagnostic>) {
    let catchment_columns = [
        "district", "town", "area", "stage", "year", "schools", "source",
    ];
    if let Some(table) = read_table(
        &data_dir.join("schools/catchments.csv"),
        &catchment_columns,
        &mut problems,
    ) {
        for (line, f) in &table.rows {
            let problem = |m: String| Diagnostic::new(&table.path, *line, m);
            if !district_known(&f[0], &directory) {
                problems.push(problem(format!("unknown district `{}`", f[0])));
            }
            if !f[1].is_empty() && !town_known(&f[0], &f[1], &directory) {
                problems.push(problem(format!("unknown 街镇 `{}` in {}", f[1], f[0])));
            }
            if f[2].is_empty() {
                problems.push(problem(
                    "area is empty: name the 居委 or road segment".into(),
                ));
            }
            if !["幼儿园", "小学", "初中"].contains(&f[3].as_str()) {
                problems.push(problem(format!(
                    "stage `{}` must be 幼儿园, 小学 or 初中",
                    f[3]
                )));
            }
            let year: Option<u16> = f[4].parse().ok().filter(|y| (2000..=2100).contains(y));
            if year.is_none() {
                problems.push(problem(format!(
                    "year `{}` is not a year such as 2026",
                    f[4]
                )));
            }
            let schools = list(&f[5]);
            if schools.is_empty() {
                problems.push(problem("no schools: list school ids separated by ;".into()));
            }
            for school in &schools {
                if directory.school(school).is_none() {
                    problems.push(problem(format!("unknown school `{school}`")));
                }
            }
            check_source(
                &f[6],
                documents,
                &directory.sources,
                &table.path,
                *line,
                &mut problems,
            );
            directory.catchments.push(Catchment {
                district: f[0].clone(),
                town: optional(&f[1]),
                area: f[2].clone(),
                stage: f[3].clone(),
                year: year.unwrap_or_default(),
                schools,
                source: f[6].clone(),
            });
        }
    }
    (directory, problems)
}

/// `schools/facts.toml`: what the documents say about clusters, quoted word for word.
fn load_facts(
    data_dir: &Path,
    documents: &[Document],
    mut directory: Directory,
    mut problems: Vec<Diagnostic>,
) -> (Directory, Vec<Diagnostic>) {
    let facts_path = data_dir.join("schools/facts.toml");
    let (raw, text) = super::toml_file::read_optional::<RawFacts>(&facts_path, &mut problems);
    for spanned in raw.fact {
        let line = line_of_offset(&text, spanned.span().start);
        let fact = spanned.into_inner();
        if !district_known(&fact.district, &directory) {
            problems.push(Diagnostic::new(
                &facts_path,
                line,
                format!("unknown district `{}`", fact.district),
            ));
        }
        let item = find_item(documents, &fact.source).map(|(_, clause)| clause);
        match item {
            None => problems.push(Diagnostic::new(
                &facts_path,
                line,
                format!("source `{}` is not a document item", fact.source),
            )),
            Some(clause) if !clause.text.contains(&fact.quote) => problems.push(Diagnostic::new(
                &facts_path,
                line,
                format!(
                    "the quote is not in {}: copy it word for word from the item",
                    fact.source
                ),
            )),
            Some(_) => {}
        }
        directory.facts.push(fact);
    }
    (directory, problems)
}
