//! The lookup: which district, 街镇, clusters and schools apply to what a parent types: a
//! 街镇, a school or cluster name or alias, pinyin or initials, or an address fragment that
//! contains one of those. It runs wherever the corpus is, so in the browser nothing typed
//! leaves the device.

use serde::Serialize;

use crate::directory::{Catchment, Cluster, ClusterFact, Directory, District, School, Town};
use crate::search::normalize::normalize;
use crate::search::pinyin::{find, Mode, Pinyin};

/// What a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    District,
    Town,
    /// An area in a catchment list that the query contains (an address).
    Catchment,
    Cluster,
    School,
}

/// How the query matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// The query is the name or an alias.
    Name,
    /// The query contains the name (an address fragment such as 七宝镇新镇路).
    Contained,
    /// The name starts with the query (typing in progress).
    Prefix,
    /// The name contains the query.
    Part,
    /// Full pinyin or initials.
    Pinyin,
}

/// One match, pointing into the [`Directory`] by kind and position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Match {
    pub kind: Kind,
    pub index: usize,
    pub name: String,
    pub district: String,
    pub via: Via,
    pub score: u32,
}

/// Matches, best first, and what to try when there are none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LookupResult {
    pub matches: Vec<Match>,
    pub suggestions: Vec<String>,
}

/// Queries are cut to this many characters; no name or address is longer.
pub const MAX_QUERY_CHARS: usize = 100;

/// Scores one name against the query; `None` if it does not match.
fn score_name(
    query: &str,
    letters: bool,
    name: &str,
    pinyin: Option<&Pinyin>,
    is_alias: bool,
) -> Option<(u32, Via)> {
    let name = normalize(name);
    let name_len = name.chars().count();
    if query == name {
        return Some((if is_alias { 95 } else { 100 }, Via::Name));
    }
    if name_len >= 2 && query.contains(&name) {
        return Some((70 + name_len.min(20) as u32, Via::Contained));
    }
    if letters && query.len() >= 2 {
        if let Some(pinyin) = pinyin {
            let whole = [Mode::Full, Mode::Initials].into_iter().any(|mode| {
                find(pinyin, query, mode)
                    .iter()
                    .any(|r| r.start == 0 && r.end == name_len)
            });
            if whole {
                return Some((90, Via::Pinyin));
            }
            // The name without its 镇, 街道, 乡 or 区 is the name people say: `xinzhuang` and
            // `xz` mean 莘庄镇, and rank it above 莘庄工业区, which only starts with 莘庄.
            let short_len = ["街道", "镇", "乡", "区"]
                .iter()
                .find_map(|suffix| name.strip_suffix(suffix))
                .map(|short| short.chars().count())
                .filter(|&n| n >= 2);
            let short = short_len.is_some_and(|n| {
                [Mode::Full, Mode::Initials].into_iter().any(|mode| {
                    find(pinyin, query, mode)
                        .iter()
                        .any(|r| r.start == 0 && r.end == n)
                })
            });
            if short {
                return Some((88, Via::Pinyin));
            }
            let from_start = find(pinyin, query, Mode::Full)
                .iter()
                .any(|r| r.start == 0 && r.len() >= 2);
            if from_start {
                return Some((55, Via::Pinyin));
            }
        }
        return None;
    }
    if name.starts_with(query) {
        return Some((60, Via::Prefix));
    }
    if query.chars().count() >= 2 && name.contains(query) {
        return Some((40, Via::Part));
    }
    None
}

fn best(
    query: &str,
    letters: bool,
    name: &str,
    aliases: &[String],
    pinyin: &Pinyin,
) -> Option<(u32, Via)> {
    let mut best = score_name(query, letters, name, Some(pinyin), false);
    for alias in aliases {
        if let Some(found) = score_name(query, letters, alias, None, true) {
            if best.is_none_or(|b| found.0 > b.0) {
                best = Some(found);
            }
        }
    }
    best
}

/// Looks `query` up. Never fails: an empty or unknown query gives no matches and suggestions.
pub fn lookup(directory: &Directory, query: &str, limit: usize) -> LookupResult {
    let query: String = normalize(query)
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(MAX_QUERY_CHARS)
        .collect();
    let mut matches = Vec::new();
    if !query.is_empty() {
        let letters = query.bytes().all(|b| b.is_ascii_lowercase());
        let mut consider =
            |kind, index, name: &str, district: &str, aliases: &[String], pinyin: &Pinyin| {
                if let Some((mut score, via)) = best(&query, letters, name, aliases, pinyin) {
                    // In an address (上海市闵行区七宝镇…) the smaller unit is the answer.
                    if via == Via::Contained && kind != Kind::District {
                        score += 5;
                    }
                    matches.push(Match {
                        kind,
                        index,
                        name: name.to_string(),
                        district: district.to_string(),
                        via,
                        score,
                    });
                }
            };
        for (i, d) in directory.districts.iter().enumerate() {
            let short: Vec<String> = d
                .name
                .strip_suffix('区')
                .map(|s| vec![s.to_string()])
                .unwrap_or_default();
            consider(Kind::District, i, &d.name, &d.name, &short, &d.pinyin);
        }
        for (i, t) in directory.towns.iter().enumerate() {
            consider(Kind::Town, i, &t.name, &t.district, &t.aliases, &t.pinyin);
        }
        for (i, c) in directory.clusters.iter().enumerate() {
            consider(
                Kind::Cluster,
                i,
                &c.name,
                &c.district,
                &c.aliases,
                &c.pinyin,
            );
        }
        for (i, s) in directory.schools.iter().enumerate() {
            consider(Kind::School, i, &s.name, &s.district, &s.aliases, &s.pinyin);
        }
        for (i, c) in directory.catchments.iter().enumerate() {
            let area = normalize(&c.area);
            if area.chars().count() >= 2 && query.contains(&area) {
                matches.push(Match {
                    kind: Kind::Catchment,
                    index: i,
                    name: c.area.clone(),
                    district: c.district.clone(),
                    via: Via::Contained,
                    score: 90 + area.chars().count().min(20) as u32,
                });
            }
        }
    }
    matches.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(a.kind.cmp(&b.kind))
            .then(a.name.cmp(&b.name))
    });
    matches.truncate(limit);
    let suggestions = if matches.is_empty() {
        suggestions(directory)
    } else {
        Vec::new()
    };
    LookupResult {
        matches,
        suggestions,
    }
}

/// A few names from each district to try.
fn suggestions(directory: &Directory) -> Vec<String> {
    let mut out = Vec::new();
    for district in &directory.districts {
        out.push(district.name.clone());
        out.extend(
            directory
                .towns
                .iter()
                .filter(|t| t.district == district.name)
                .take(2)
                .map(|t| t.name.clone()),
        );
    }
    out.extend(directory.schools.iter().take(2).map(|s| s.name.clone()));
    out
}

/// Everything that applies to one match, from the district down.
#[derive(Debug, Clone, Default)]
pub struct Resolution<'a> {
    pub district: Option<&'a District>,
    pub town: Option<&'a Town>,
    /// The matched cluster, or the clusters the matched school belongs to.
    pub clusters: Vec<&'a Cluster>,
    /// The matched school, a cluster's members, a catchment's or a 街镇's schools.
    pub schools: Vec<&'a School>,
    /// Catchment entries that apply (an address, a 街镇 or a school).
    pub catchments: Vec<&'a Catchment>,
    /// The district's named clusters, for context.
    pub district_clusters: Vec<&'a Cluster>,
    /// What the documents say about the district's clusters.
    pub facts: Vec<&'a ClusterFact>,
    /// Whether any cluster membership is recorded for the district.
    pub members_known: bool,
    /// Whether any catchment is recorded for the district.
    pub catchments_known: bool,
}

/// Resolves a match to its district, 街镇, clusters, schools and catchments.
pub fn resolve<'a>(directory: &'a Directory, kind: Kind, index: usize) -> Resolution<'a> {
    let mut r = Resolution::default();
    let district_name = match kind {
        Kind::District => directory.districts.get(index).map(|d| d.name.clone()),
        Kind::Town => directory.towns.get(index).map(|t| t.district.clone()),
        Kind::Cluster => directory.clusters.get(index).map(|c| c.district.clone()),
        Kind::School => directory.schools.get(index).map(|s| s.district.clone()),
        Kind::Catchment => directory.catchments.get(index).map(|c| c.district.clone()),
    };
    let Some(district_name) = district_name else {
        return r;
    };
    r.district = directory.district(&district_name);
    let members_of = |cluster: &str| -> Vec<&'a School> {
        directory
            .memberships
            .iter()
            .filter(|m| m.cluster == cluster)
            .filter_map(|m| directory.school(&m.school))
            .collect()
    };
    let clusters_of = |school: &str| -> Vec<&'a Cluster> {
        directory
            .memberships
            .iter()
            .filter(|m| m.school == school)
            .filter_map(|m| directory.cluster(&m.cluster))
            .collect()
    };
    let town_named = |name: &Option<String>| {
        name.as_ref().and_then(|n| {
            directory
                .towns
                .iter()
                .find(|t| t.district == district_name && &t.name == n)
        })
    };
    match kind {
        Kind::District => {}
        Kind::Town => {
            let town = &directory.towns[index];
            r.town = Some(town);
            r.catchments = directory
                .catchments
                .iter()
                .filter(|c| {
                    c.district == town.district && c.town.as_deref() == Some(town.name.as_str())
                })
                .collect();
            let mut schools: Vec<&School> = directory
                .schools
                .iter()
                .filter(|s| {
                    s.district == town.district && s.town.as_deref() == Some(town.name.as_str())
                })
                .collect();
            for c in &r.catchments {
                schools.extend(c.schools.iter().filter_map(|id| directory.school(id)));
            }
            dedup(&mut schools, |s| &s.id);
            r.clusters = schools.iter().flat_map(|s| clusters_of(&s.id)).collect();
            r.schools = schools;
        }
        Kind::Cluster => {
            let cluster = &directory.clusters[index];
            r.clusters = vec![cluster];
            r.schools = members_of(&cluster.id);
        }
        Kind::School => {
            let school = &directory.schools[index];
            r.town = town_named(&school.town);
            r.schools = vec![school];
            r.clusters = clusters_of(&school.id);
            r.catchments = directory
                .catchments
                .iter()
                .filter(|c| c.schools.contains(&school.id))
                .collect();
        }
        Kind::Catchment => {
            let catchment = &directory.catchments[index];
            r.town = town_named(&catchment.town);
            r.catchments = vec![catchment];
            r.schools = catchment
                .schools
                .iter()
                .filter_map(|id| directory.school(id))
                .collect();
            r.clusters = r.schools.iter().flat_map(|s| clusters_of(&s.id)).collect();
        }
    }
    dedup(&mut r.clusters, |c| &c.id);
    r.district_clusters = directory
        .clusters
        .iter()
        .filter(|c| c.district == district_name)
        .collect();
    r.facts = directory
        .facts
        .iter()
        .filter(|f| f.district == district_name)
        .collect();
    r.members_known = directory.members_known(&district_name);
    r.catchments_known = directory
        .catchments
        .iter()
        .any(|c| c.district == district_name);
    r
}

fn dedup<T, K: PartialEq + ?Sized>(items: &mut Vec<&T>, key: impl Fn(&T) -> &K) {
    let mut seen: Vec<&T> = Vec::new();
    items.retain(|item| {
        if seen.iter().any(|s| key(s) == key(item)) {
            false
        } else {
            seen.push(item);
            true
        }
    });
}

/// A stable key for a match, for URLs: `district:310112`, `town:闵行区/七宝镇`,
/// `school:<id>`, `cluster:<id>`, `catchment:<district>/<area>/<stage>/<year>`.
pub fn key(directory: &Directory, kind: Kind, index: usize) -> Option<String> {
    Some(match kind {
        Kind::District => format!("district:{}", directory.districts.get(index)?.code),
        Kind::Town => {
            let t = directory.towns.get(index)?;
            format!("town:{}/{}", t.district, t.name)
        }
        Kind::School => format!("school:{}", directory.schools.get(index)?.id),
        Kind::Cluster => format!("cluster:{}", directory.clusters.get(index)?.id),
        Kind::Catchment => {
            let c = directory.catchments.get(index)?;
            format!("catchment:{}/{}/{}/{}", c.district, c.area, c.stage, c.year)
        }
    })
}

/// The entry a [`key`] names, if it still exists.
pub fn from_key(directory: &Directory, key: &str) -> Option<(Kind, usize)> {
    let (kind, rest) = key.split_once(':')?;
    match kind {
        "district" => directory
            .districts
            .iter()
            .position(|d| d.code == rest)
            .map(|i| (Kind::District, i)),
        "town" => {
            let (district, name) = rest.split_once('/')?;
            directory
                .towns
                .iter()
                .position(|t| t.district == district && t.name == name)
                .map(|i| (Kind::Town, i))
        }
        "school" => directory
            .schools
            .iter()
            .position(|s| s.id == rest)
            .map(|i| (Kind::School, i)),
        "cluster" => directory
            .clusters
            .iter()
            .position(|c| c.id == rest)
            .map(|i| (Kind::Cluster, i)),
        "catchment" => directory
            .catchments
            .iter()
            .position(|c| format!("{}/{}/{}/{}", c.district, c.area, c.stage, c.year) == rest)
            .map(|i| (Kind::Catchment, i)),
        _ => None,
    }
}

/// The name of the entry at `kind`/`index`.
pub fn name_of(directory: &Directory, kind: Kind, index: usize) -> Option<&str> {
    Some(match kind {
        Kind::District => &directory.districts.get(index)?.name,
        Kind::Town => &directory.towns.get(index)?.name,
        Kind::School => &directory.schools.get(index)?.name,
        Kind::Cluster => &directory.clusters.get(index)?.name,
        Kind::Catchment => &directory.catchments.get(index)?.area,
    })
}

/// The source string of the entry at `kind`/`index`.
pub fn source_of(directory: &Directory, kind: Kind, index: usize) -> Option<&str> {
    Some(match kind {
        Kind::District => &directory.districts.get(index)?.source,
        Kind::Town => &directory.towns.get(index)?.source,
        Kind::School => &directory.schools.get(index)?.source,
        Kind::Cluster => &directory.clusters.get(index)?.source,
        Kind::Catchment => &directory.catchments.get(index)?.source,
    })
}
