//! `data/schools/`: schools, clusters (学区, 教育集团 …), which schools belong to which cluster,
//! catchments, and what the documents say about clusters (`facts.toml`, quoted word for word).

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{check_source, district_known, town_known};
use crate::diagnostic::{line_of_offset, Diagnostic};
use crate::load::csv_file::{list, read_rows, CsvRow};
use crate::load::metadata::is_valid_id;
use crate::load::problems::AtLine;
use crate::load::readings::pinyin_of;
use crate::load::toml_file;
use crate::model::{
    find_item, Catchment, Cluster, ClusterFact, Directory, Document, Membership, School,
    CLUSTER_KINDS, SCHOOL_STAGES, SCHOOL_STATUSES,
};

#[derive(Deserialize)]
struct SchoolRow {
    id: String,
    name: String,
    #[serde(deserialize_with = "list")]
    aliases: Vec<String>,
    district: String,
    town: Option<String>,
    #[serde(deserialize_with = "list")]
    stages: Vec<String>,
    ownership: Option<String>,
    status: Option<String>,
    source: String,
}

impl CsvRow for SchoolRow {
    const FILE: &'static str = "schools/schools.csv";
    const COLUMNS: &'static [&'static str] = &[
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
}

#[derive(Deserialize)]
struct ClusterRow {
    id: String,
    name: String,
    kind: String,
    district: String,
    #[serde(deserialize_with = "list")]
    aliases: Vec<String>,
    source: String,
}

impl CsvRow for ClusterRow {
    const FILE: &'static str = "schools/clusters.csv";
    const COLUMNS: &'static [&'static str] =
        &["id", "name", "kind", "district", "aliases", "source"];
}

#[derive(Deserialize)]
struct MembershipRow {
    cluster: String,
    school: String,
    source: String,
}

impl CsvRow for MembershipRow {
    const FILE: &'static str = "schools/memberships.csv";
    const COLUMNS: &'static [&'static str] = &["cluster", "school", "source"];
}

#[derive(Deserialize)]
struct CatchmentRow {
    district: String,
    town: Option<String>,
    area: String,
    stage: String,
    /// Text, so that a value that is not a year is reported as the editor typed it.
    year: String,
    #[serde(deserialize_with = "list")]
    schools: Vec<String>,
    source: String,
}

impl CsvRow for CatchmentRow {
    const FILE: &'static str = "schools/catchments.csv";
    const COLUMNS: &'static [&'static str] = &[
        "district", "town", "area", "stage", "year", "schools", "source",
    ];
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFacts {
    #[serde(default)]
    fact: Vec<Spanned<ClusterFact>>,
}

/// `schools/schools.csv`.
pub(super) fn load_schools(
    data_dir: &Path,
    documents: &[Document],
    directory: &mut Directory,
    problems: &mut Vec<Diagnostic>,
) {
    let Some(table) = read_rows::<SchoolRow>(data_dir, problems) else {
        return;
    };
    for (line, row) in table.rows {
        let mut at = AtLine::new(&table.path, line, problems);
        if !is_valid_id(&row.id) {
            at.push(format!(
                "school id `{}` must be lower-case letters, digits and hyphens",
                row.id
            ));
        }
        if directory
            .schools
            .iter()
            .any(|s| s.id == row.id || (s.name == row.name && s.district == row.district))
        {
            at.push(format!(
                "duplicate school: `{}` ({}) is already listed",
                row.name, row.id
            ));
            continue;
        }
        if row.name.is_empty() {
            at.push("school name is empty");
        }
        if !district_known(&row.district, directory) {
            at.push(format!("unknown district `{}`", row.district));
        }
        if let Some(town) = row.town.as_deref() {
            if !town_known(&row.district, town, directory) {
                at.push(format!(
                    "unknown 街镇 `{town}` in {}: it must be listed in places/towns.csv",
                    row.district
                ));
            }
        }
        check_school_words(&row, documents, &mut at);
        check_source(&row.source, documents, &directory.sources, &mut at);
        directory.schools.push(School {
            pinyin: pinyin_of(&row.name),
            id: row.id,
            name: row.name,
            aliases: row.aliases,
            district: row.district,
            town: row.town,
            stages: row.stages,
            ownership: row.ownership,
            status: row.status,
            source: row.source,
        });
    }
}

/// A school's stages, ownership and status are each one of a fixed set of words, and its
/// status is the word its source item uses.
fn check_school_words(row: &SchoolRow, documents: &[Document], at: &mut AtLine) {
    for stage in &row.stages {
        if !SCHOOL_STAGES.contains(&stage.as_str()) {
            at.push(format!(
                "stage `{stage}` is not one of {}",
                SCHOOL_STAGES.join(", ")
            ));
        }
    }
    if let Some(ownership) = row.ownership.as_deref() {
        if !["公办", "民办"].contains(&ownership) {
            at.push(format!(
                "ownership `{ownership}` must be 公办, 民办 or empty"
            ));
        }
    }
    let Some(status) = row.status.as_deref() else {
        return;
    };
    if !SCHOOL_STATUSES.contains(&status) {
        at.push(format!(
            "status `{status}` is not one of {}, or empty when the source says nothing",
            SCHOOL_STATUSES.join(", ")
        ));
    } else if let Some((_, clause)) = find_item(documents, &row.source) {
        if !clause.text.contains(status) || !clause.text.contains(&row.name) {
            at.push(format!(
                "status `{status}` of `{}` is not in the text of {}: use the word the source uses",
                row.name, row.source
            ));
        }
    }
}

/// `schools/clusters.csv`.
pub(super) fn load_clusters(
    data_dir: &Path,
    documents: &[Document],
    directory: &mut Directory,
    problems: &mut Vec<Diagnostic>,
) {
    let Some(table) = read_rows::<ClusterRow>(data_dir, problems) else {
        return;
    };
    for (line, row) in table.rows {
        let mut at = AtLine::new(&table.path, line, problems);
        if !is_valid_id(&row.id) || directory.cluster(&row.id).is_some() {
            at.push(format!(
                "cluster id `{}` is not a unique lower-case id",
                row.id
            ));
        }
        if !CLUSTER_KINDS.contains(&row.kind.as_str()) {
            at.push(format!(
                "kind `{}` is not one of {}",
                row.kind,
                CLUSTER_KINDS.join(", ")
            ));
        }
        if !district_known(&row.district, directory) {
            at.push(format!("unknown district `{}`", row.district));
        }
        check_source(&row.source, documents, &directory.sources, &mut at);
        directory.clusters.push(Cluster {
            pinyin: pinyin_of(&row.name),
            id: row.id,
            name: row.name,
            kind: row.kind,
            district: row.district,
            aliases: row.aliases,
            source: row.source,
        });
    }
}

/// `schools/memberships.csv`.
pub(super) fn load_memberships(
    data_dir: &Path,
    documents: &[Document],
    directory: &mut Directory,
    problems: &mut Vec<Diagnostic>,
) {
    let Some(table) = read_rows::<MembershipRow>(data_dir, problems) else {
        return;
    };
    let mut seen = HashSet::new();
    for (line, row) in table.rows {
        let mut at = AtLine::new(&table.path, line, problems);
        if directory.cluster(&row.cluster).is_none() {
            at.push(format!(
                "unknown cluster `{}`: add it to schools/clusters.csv first",
                row.cluster
            ));
        }
        if directory.school(&row.school).is_none() {
            at.push(format!(
                "unknown school `{}`: add it to schools/schools.csv first",
                row.school
            ));
        }
        if !seen.insert((row.cluster.clone(), row.school.clone())) {
            at.push("this membership is listed twice");
        }
        check_source(&row.source, documents, &directory.sources, &mut at);
        directory.memberships.push(Membership {
            cluster: row.cluster,
            school: row.school,
            source: row.source,
        });
    }
}

/// `schools/catchments.csv`.
pub(super) fn load_catchments(
    data_dir: &Path,
    documents: &[Document],
    directory: &mut Directory,
    problems: &mut Vec<Diagnostic>,
) {
    let Some(table) = read_rows::<CatchmentRow>(data_dir, problems) else {
        return;
    };
    for (line, row) in table.rows {
        let mut at = AtLine::new(&table.path, line, problems);
        if !district_known(&row.district, directory) {
            at.push(format!("unknown district `{}`", row.district));
        }
        if let Some(town) = row.town.as_deref() {
            if !town_known(&row.district, town, directory) {
                at.push(format!("unknown 街镇 `{town}` in {}", row.district));
            }
        }
        if row.area.is_empty() {
            at.push("area is empty: name the 居委 or road segment");
        }
        if !["幼儿园", "小学", "初中"].contains(&row.stage.as_str()) {
            at.push(format!(
                "stage `{}` must be 幼儿园, 小学 or 初中",
                row.stage
            ));
        }
        let year: Option<u16> = row.year.parse().ok().filter(|y| (2000..=2100).contains(y));
        if year.is_none() {
            at.push(format!("year `{}` is not a year such as 2026", row.year));
        }
        if row.schools.is_empty() {
            at.push("no schools: list school ids separated by ;");
        }
        for school in &row.schools {
            if directory.school(school).is_none() {
                at.push(format!("unknown school `{school}`"));
            }
        }
        check_source(&row.source, documents, &directory.sources, &mut at);
        directory.catchments.push(Catchment {
            district: row.district,
            town: row.town,
            area: row.area,
            stage: row.stage,
            year: year.unwrap_or_default(),
            schools: row.schools,
            source: row.source,
        });
    }
}

/// `schools/facts.toml`: what the documents say about clusters, quoted word for word.
pub(super) fn load_facts(
    data_dir: &Path,
    documents: &[Document],
    directory: &mut Directory,
    problems: &mut Vec<Diagnostic>,
) {
    let facts_path = data_dir.join("schools/facts.toml");
    let (raw, text) = toml_file::read_optional::<RawFacts>(&facts_path, problems);
    for spanned in raw.fact {
        let line = line_of_offset(&text, spanned.span().start);
        let fact = spanned.into_inner();
        let mut at = AtLine::new(&facts_path, line, problems);
        if !district_known(&fact.district, directory) {
            at.push(format!("unknown district `{}`", fact.district));
        }
        match find_item(documents, &fact.source) {
            None => at.push(format!("source `{}` is not a document item", fact.source)),
            Some((_, clause)) if !clause.text.contains(&fact.quote) => at.push(format!(
                "the quote is not in {}: copy it word for word from the item",
                fact.source
            )),
            Some(_) => {}
        }
        directory.facts.push(fact);
    }
}
