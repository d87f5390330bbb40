//! `data/places/`: the covered districts and their 街镇, the 居委会 and 村委会 in those 街镇,
//! and the districts and 街镇 the portal does not cover (so it can say so, not say nothing).

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;

use super::{check_source, district_known, town_known};
use crate::diagnostic::Diagnostic;
use crate::load::csv_file::{list, read_rows, CsvRow};
use crate::load::problems::AtLine;
use crate::load::readings::pinyin_of;
use crate::model::{Community, Directory, District, Document, Elsewhere, Town, TOWN_KINDS};

#[derive(Deserialize)]
struct DistrictRow {
    code: String,
    name: String,
    source: String,
}

impl CsvRow for DistrictRow {
    const FILE: &'static str = "places/districts.csv";
    const COLUMNS: &'static [&'static str] = &["code", "name", "source"];
}

#[derive(Deserialize)]
struct TownRow {
    district: String,
    name: String,
    kind: String,
    #[serde(deserialize_with = "list")]
    aliases: Vec<String>,
    source: String,
}

impl CsvRow for TownRow {
    const FILE: &'static str = "places/towns.csv";
    const COLUMNS: &'static [&'static str] = &["district", "name", "kind", "aliases", "source"];
}

#[derive(Deserialize)]
struct ElsewhereRow {
    code: String,
    name: String,
    district: String,
    source: String,
}

impl CsvRow for ElsewhereRow {
    const FILE: &'static str = "places/elsewhere.csv";
    const COLUMNS: &'static [&'static str] = &["code", "name", "district", "source"];
}

#[derive(Deserialize)]
struct CommunityRow {
    code: String,
    name: String,
    district: String,
    town: String,
    source: String,
}

impl CsvRow for CommunityRow {
    const FILE: &'static str = "places/communities.csv";
    const COLUMNS: &'static [&'static str] = &["code", "name", "district", "town", "source"];
}

/// Whether `code` is a statistical division code of one of the `lengths`.
fn is_division_code(code: &str, lengths: &[usize]) -> bool {
    lengths.contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit())
}

/// `places/districts.csv`.
pub(super) fn load_districts(
    data_dir: &Path,
    documents: &[Document],
    directory: &mut Directory,
    problems: &mut Vec<Diagnostic>,
) {
    let Some(table) = read_rows::<DistrictRow>(data_dir, problems) else {
        return;
    };
    for (line, row) in table.rows {
        let mut at = AtLine::new(&table.path, line, problems);
        if !is_division_code(&row.code, &[6]) {
            at.push(format!(
                "code `{}` is not a 6-digit division code",
                row.code
            ));
        }
        if row.name.is_empty() || district_known(&row.name, directory) {
            at.push(format!("district `{}` is empty or listed twice", row.name));
        }
        check_source(&row.source, documents, &directory.sources, &mut at);
        directory.districts.push(District {
            pinyin: pinyin_of(&row.name),
            code: row.code,
            name: row.name,
            source: row.source,
        });
    }
}

/// `places/towns.csv`, with the short form of each name as an alias.
pub(super) fn load_towns(
    data_dir: &Path,
    documents: &[Document],
    directory: &mut Directory,
    problems: &mut Vec<Diagnostic>,
) {
    let Some(table) = read_rows::<TownRow>(data_dir, problems) else {
        return;
    };
    for (line, mut row) in table.rows {
        let mut at = AtLine::new(&table.path, line, problems);
        if !district_known(&row.district, directory) {
            at.push(format!(
                "unknown district `{}`: add it to places/districts.csv first",
                row.district
            ));
        }
        if row.name.is_empty() || town_known(&row.district, &row.name, directory) {
            at.push(format!(
                "街镇 `{}` is empty or listed twice in {}",
                row.name, row.district
            ));
        }
        if !TOWN_KINDS.contains(&row.kind.as_str()) {
            at.push(format!(
                "kind `{}` is not one of {}",
                row.kind,
                TOWN_KINDS.join(", ")
            ));
        }
        check_source(&row.source, documents, &directory.sources, &mut at);
        // The short form people use: 七宝 for 七宝镇, 江川路 for 江川路街道.
        for suffix in ["街道", "镇", "乡"] {
            if let Some(short) = row.name.strip_suffix(suffix) {
                if short.chars().count() >= 2 && !row.aliases.iter().any(|a| a == short) {
                    row.aliases.push(short.to_string());
                }
            }
        }
        directory.towns.push(Town {
            pinyin: pinyin_of(&row.name),
            district: row.district,
            name: row.name,
            kind: row.kind,
            aliases: row.aliases,
            source: row.source,
        });
    }
}

/// `places/elsewhere.csv`: the districts and 街镇 the portal does not cover.
pub(super) fn load_elsewhere(
    data_dir: &Path,
    documents: &[Document],
    directory: &mut Directory,
    problems: &mut Vec<Diagnostic>,
) {
    let Some(table) = read_rows::<ElsewhereRow>(data_dir, problems) else {
        return;
    };
    for (line, row) in table.rows {
        let mut at = AtLine::new(&table.path, line, problems);
        if !is_division_code(&row.code, &[6, 9]) {
            at.push(format!(
                "code `{}` is not a 6- or 9-digit division code",
                row.code
            ));
        }
        if row.name.is_empty() || row.district.is_empty() {
            at.push("a row needs both `name` and `district`");
        }
        if district_known(&row.district, directory) {
            at.push(format!(
                "`{}` is a covered district: list its 街镇 in places/towns.csv instead",
                row.district
            ));
        }
        if directory
            .elsewhere
            .iter()
            .any(|e| e.district == row.district && e.name == row.name)
        {
            at.push(format!(
                "`{}` is listed twice in {}",
                row.name, row.district
            ));
        }
        check_source(&row.source, documents, &directory.sources, &mut at);
        directory.elsewhere.push(Elsewhere {
            code: row.code,
            name: row.name,
            district: row.district,
            source: row.source,
        });
    }
}

/// `places/communities.csv`: 居委会 and 村委会, each in a listed 街镇.
pub(super) fn load_communities(
    data_dir: &Path,
    documents: &[Document],
    directory: &mut Directory,
    problems: &mut Vec<Diagnostic>,
) {
    let Some(table) = read_rows::<CommunityRow>(data_dir, problems) else {
        return;
    };
    let mut seen = HashSet::new();
    for (line, row) in table.rows {
        let mut at = AtLine::new(&table.path, line, problems);
        if !is_division_code(&row.code, &[12]) {
            at.push(format!(
                "code `{}` is not a 12-digit division code",
                row.code
            ));
        }
        if row.name.chars().count() < 2 {
            at.push(format!(
                "name `{}` is too short to be a community",
                row.name
            ));
        }
        if !district_known(&row.district, directory) {
            at.push(format!(
                "district `{}` is not in places/districts.csv",
                row.district
            ));
        } else if !town_known(&row.district, &row.town, directory) {
            at.push(format!(
                "街镇 `{}` is not a 街镇 of {} in places/towns.csv",
                row.town, row.district
            ));
        }
        if !seen.insert((row.district.clone(), row.town.clone(), row.name.clone())) {
            at.push(format!("`{}` is listed twice in {}", row.name, row.town));
        }
        check_source(&row.source, documents, &directory.sources, &mut at);
        directory.communities.get_or_default_mut().push(Community {
            code: row.code,
            name: row.name,
            district: row.district,
            town: row.town,
            source: row.source,
        });
    }
}
