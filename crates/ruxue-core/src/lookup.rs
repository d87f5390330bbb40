//! The lookup: which district, 街镇, clusters and schools apply to what a parent types: a
//! 街镇, a 居委会 or 村委会, a school or cluster name or alias, pinyin or initials, or an
//! address fragment that contains one of those. It runs wherever the corpus is, so in the
//! browser nothing typed leaves the device.
//!
//! It also says what it cannot do: a road name (roads are not in the data), a place in a
//! district the portal does not cover, and initials too short to choose for the parent.

use std::collections::hash_map::{Entry, HashMap};

use serde::Serialize;

use crate::model::{
    community_core, strip_committee, Catchment, Cluster, ClusterFact, Community, Directory,
    District, School, Town,
};
use crate::search::normalize::normalize;
use crate::search::pinyin::{find, Mode, Pinyin};

/// What a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    District,
    Town,
    /// A 居委会 or 村委会: it tells the 街镇, not the school.
    Community,
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
    /// Full pinyin.
    Pinyin,
    /// Initials only (`xz`): too short to choose for the parent, so only suggested.
    Initials,
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
    /// Whether the best match may be shown as the answer without the parent choosing it.
    /// False when it was found by two initials (`xz`), which fit many names, or when
    /// committees of the same name in different 街镇 fit equally.
    pub confident: bool,
    /// The query looks like a road or house number that matched no 街镇, community or school:
    /// roads are not in the data, so the parent is offered the 街镇 instead.
    pub road: bool,
    /// Positions in `directory.elsewhere` of uncovered districts and 街镇 the query names.
    pub elsewhere: Vec<usize>,
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
            let spans = |mode, len: usize| {
                find(pinyin, query, mode)
                    .iter()
                    .any(|r| r.start == 0 && r.end == len)
            };
            if spans(Mode::Full, name_len) {
                return Some((90, Via::Pinyin));
            }
            if spans(Mode::Initials, name_len) {
                return Some((90, Via::Initials));
            }
            // The name without its 镇, 街道, 乡 or 区 is the name people say: `xinzhuang` and
            // `xz` mean 莘庄镇, and rank it above 莘庄工业区, which only starts with 莘庄.
            let short_len = ["街道", "镇", "乡", "区"]
                .iter()
                .find_map(|suffix| name.strip_suffix(suffix))
                .map(|short| short.chars().count())
                .filter(|&n| n >= 2);
            if let Some(n) = short_len {
                if spans(Mode::Full, n) {
                    return Some((88, Via::Pinyin));
                }
                if spans(Mode::Initials, n) {
                    return Some((88, Via::Initials));
                }
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
    let letters = !query.is_empty() && query.bytes().all(|b| b.is_ascii_lowercase());
    if !query.is_empty() {
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
        if !letters {
            let communities = community_matches(directory, &query, &matches);
            // A 街镇 found only by a short name inside a community's name (新村乡 by 新村 in
            // 华江新村) is not what the parent meant once the community itself is found.
            let keys = directory.community_keys();
            let found_names: Vec<&str> = communities
                .iter()
                .filter(|c| c.score >= 85)
                .map(|c| keys[c.index].full.as_str())
                .collect();
            matches.retain(|m| {
                if m.kind != Kind::Town || m.via != Via::Contained {
                    return true;
                }
                let town = &directory.towns[m.index];
                !town.aliases.iter().map(|a| normalize(a)).any(|alias| {
                    query.contains(&alias) && found_names.iter().any(|n| n.contains(&alias))
                })
            });
            matches.extend(communities);
        }
    }
    matches.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(a.kind.cmp(&b.kind))
            .then(a.name.cmp(&b.name))
    });
    matches.truncate(limit);
    // A committee name shared by several 街镇 (和平村) is the parent's choice, not ours.
    let tied = matches.len() >= 2
        && matches[0].kind == Kind::Community
        && matches[1].kind == Kind::Community
        && matches[0].score == matches[1].score;
    // Two letters fit dozens of names; three (qbz) usually fit one whole name.
    let short_initials = query.len() <= 2;
    let confident = !tied
        && matches
            .first()
            .is_some_and(|m| !(m.via == Via::Initials && short_initials));
    let road =
        !letters && looks_like_road(&query) && !matches.iter().any(|m| m.kind != Kind::District);
    let elsewhere = elsewhere_named(directory, &query);
    let suggestions = if matches.is_empty() {
        suggestions(directory)
    } else {
        Vec::new()
    };
    LookupResult {
        matches,
        suggestions,
        confident,
        road,
        elsewhere,
    }
}

/// Communities the query names, one match per name and 街镇: 华江新村第一 and 第二居委会 are
/// one place to a parent.
fn community_matches(directory: &Directory, query: &str, found: &[Match]) -> Vec<Match> {
    // Names of districts and 街镇 in an address are taken out first, so that 江川路 (a
    // community) is not read inside 江川路街道 (a 街镇); a community in a 街镇 the address
    // names comes first.
    let mut rest = query.to_string();
    let mut towns_named = Vec::new();
    for m in found.iter().filter(|m| m.via == Via::Contained) {
        match m.kind {
            Kind::District => rest = rest.replace(&normalize(&m.name), " "),
            Kind::Town => {
                rest = rest.replace(&normalize(&m.name), " ");
                towns_named.push((m.district.as_str(), m.name.as_str()));
            }
            _ => {}
        }
    }
    let query_bare = strip_committee(query);
    let query_core = community_core(query);
    let query_chars = query.chars().count();
    let mut out: Vec<Match> = Vec::new();
    // Where each (district, 街镇, core) already is in `out`.
    let mut places: HashMap<(&str, &str, String), usize> = HashMap::new();
    let keys = directory.community_keys();
    for (index, (community, key)) in directory.communities.iter().zip(keys).enumerate() {
        let (full, bare, core) = (key.full.as_str(), key.bare(), key.core());
        let typed_committee = query_bare != query;
        let found = if query == full {
            Some((100, Via::Name))
        } else if typed_committee && query_bare == bare {
            Some((98, Via::Name))
        } else if query == bare {
            // Level with a 街镇's short name (95), which sorts first: 虹桥 is 虹桥镇 before
            // 虹桥居委会.
            Some((95, Via::Name))
        } else if query_core == core {
            Some((94, Via::Name))
        } else if core.chars().nth(2).is_some() && rest.contains(core) {
            // A two-character core (东街, 联建) inside an address is too often something else.
            let longest = if rest.contains(bare) { bare } else { core };
            Some((85 + longest.chars().count().min(10) as u32, Via::Contained))
        } else if query_chars >= 2 && core.starts_with(query_core) {
            Some((58, Via::Prefix))
        } else if query_chars >= 2 && full.contains(query) {
            Some((38, Via::Part))
        } else {
            None
        };
        let Some((mut score, via)) = found else {
            continue;
        };
        if towns_named.contains(&(community.district.as_str(), community.town.as_str())) {
            score += 3;
        }
        match places.entry((&community.district, &community.town, core.to_string())) {
            Entry::Occupied(at) => {
                let m: &mut Match = &mut out[*at.get()];
                if score > m.score {
                    m.index = index;
                    m.name = community.name.clone();
                    m.via = via;
                    m.score = score;
                }
            }
            Entry::Vacant(at) => {
                at.insert(out.len());
                out.push(Match {
                    kind: Kind::Community,
                    index,
                    name: community.name.clone(),
                    district: community.district.clone(),
                    via,
                    score,
                });
            }
        }
    }
    out
}

/// Whether the query reads as a road, lane or house number (莲花南路, 沪闵路1200号, 3弄).
fn looks_like_road(query: &str) -> bool {
    let without_town = query.replace("街道", "");
    ["路", "弄", "号", "大道", "公路", "巷"]
        .iter()
        .any(|marker| without_town.contains(marker))
        || without_town.ends_with('街')
}

/// Uncovered districts and 街镇 the query names, skipping any short name that is also a
/// covered 街镇's (虹桥 is 闵行区虹桥镇 here, not 长宁区虹桥街道).
fn elsewhere_named(directory: &Directory, query: &str) -> Vec<usize> {
    let covered = directory.place_names();
    directory
        .elsewhere
        .iter()
        .enumerate()
        .filter(|(_, place)| {
            place
                .names()
                .any(|name| query.contains(&normalize(name)) && !covered.contains(&name))
        })
        .map(|(i, _)| i)
        .collect()
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
    /// A matched community and the committees of the same name beside it in its 街镇
    /// (华江新村第一居委会, 华江新村第二居委会).
    pub communities: Vec<&'a Community>,
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
        Kind::District => directory.districts.get(index).map(|d| d.name.as_str()),
        Kind::Town => directory.towns.get(index).map(|t| t.district.as_str()),
        Kind::Community => directory
            .communities
            .get(index)
            .map(|c| c.district.as_str()),
        Kind::Cluster => directory.clusters.get(index).map(|c| c.district.as_str()),
        Kind::School => directory.schools.get(index).map(|s| s.district.as_str()),
        Kind::Catchment => directory.catchments.get(index).map(|c| c.district.as_str()),
    };
    let Some(district_name) = district_name else {
        return r;
    };
    r.district = directory.district(district_name);
    match kind {
        Kind::District => {}
        Kind::Town => resolve_town(directory, &directory.towns[index], &mut r),
        Kind::Community => resolve_community(directory, &directory.communities[index], &mut r),
        Kind::Cluster => {
            let cluster = &directory.clusters[index];
            r.clusters = vec![cluster];
            r.schools = members_of(directory, &cluster.id);
        }
        Kind::School => {
            let school = &directory.schools[index];
            r.town = town_named(directory, district_name, school.town.as_deref());
            r.schools = vec![school];
            r.clusters = clusters_of(directory, &school.id);
            r.catchments = directory
                .catchments
                .iter()
                .filter(|c| c.schools.contains(&school.id))
                .collect();
        }
        Kind::Catchment => {
            let catchment = &directory.catchments[index];
            r.town = town_named(directory, district_name, catchment.town.as_deref());
            r.catchments = vec![catchment];
            r.schools = catchment
                .schools
                .iter()
                .filter_map(|id| directory.school(id))
                .collect();
            r.clusters = schools_clusters(directory, &r.schools);
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
    r.members_known = directory.members_known(district_name);
    r.catchments_known = directory
        .catchments
        .iter()
        .any(|c| c.district == district_name);
    r
}

/// A 街镇: its catchment entries, and the schools listed in it or in those entries.
fn resolve_town<'a>(directory: &'a Directory, town: &'a Town, r: &mut Resolution<'a>) {
    r.town = Some(town);
    let in_town = |district: &str, name: Option<&str>| {
        district == town.district && name == Some(town.name.as_str())
    };
    r.catchments = directory
        .catchments
        .iter()
        .filter(|c| in_town(&c.district, c.town.as_deref()))
        .collect();
    let mut schools: Vec<&School> = directory
        .schools
        .iter()
        .filter(|s| in_town(&s.district, s.town.as_deref()))
        .collect();
    for c in &r.catchments {
        schools.extend(c.schools.iter().filter_map(|id| directory.school(id)));
    }
    dedup(&mut schools, |s| &s.id);
    r.clusters = schools_clusters(directory, &schools);
    r.schools = schools;
}

/// A community tells the 街镇, never the school: no schools are listed for it, only the
/// committees of the same name beside it and any catchment entry that names it.
fn resolve_community<'a>(
    directory: &'a Directory,
    community: &'a Community,
    r: &mut Resolution<'a>,
) {
    r.town = town_named(directory, &community.district, Some(&community.town));
    r.communities = directory
        .communities
        .iter()
        .filter(|c| {
            c.district == community.district
                && c.town == community.town
                && c.core() == community.core()
        })
        .collect();
    r.catchments = directory
        .catchments
        .iter()
        .filter(|c| {
            c.district == community.district
                && (c.area == community.name || c.area == community.core())
        })
        .collect();
}

fn members_of<'a>(directory: &'a Directory, cluster: &str) -> Vec<&'a School> {
    directory
        .memberships
        .iter()
        .filter(|m| m.cluster == cluster)
        .filter_map(|m| directory.school(&m.school))
        .collect()
}

fn clusters_of<'a>(directory: &'a Directory, school: &str) -> Vec<&'a Cluster> {
    directory
        .memberships
        .iter()
        .filter(|m| m.school == school)
        .filter_map(|m| directory.cluster(&m.cluster))
        .collect()
}

fn schools_clusters<'a>(directory: &'a Directory, schools: &[&School]) -> Vec<&'a Cluster> {
    schools
        .iter()
        .flat_map(|s| clusters_of(directory, &s.id))
        .collect()
}

fn town_named<'a>(
    directory: &'a Directory,
    district: &str,
    name: Option<&str>,
) -> Option<&'a Town> {
    let name = name?;
    directory
        .towns
        .iter()
        .find(|t| t.district == district && t.name == name)
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
/// `community:闵行区/江川路街道/华江新村第一居委会`, `school:<id>`, `cluster:<id>`,
/// `catchment:<district>/<area>/<stage>/<year>`.
pub fn key(directory: &Directory, kind: Kind, index: usize) -> Option<String> {
    Some(match kind {
        Kind::District => format!("district:{}", directory.districts.get(index)?.code),
        Kind::Town => {
            let t = directory.towns.get(index)?;
            format!("town:{}/{}", t.district, t.name)
        }
        Kind::Community => {
            let c = directory.communities.get(index)?;
            format!("community:{}/{}/{}", c.district, c.town, c.name)
        }
        Kind::School => format!("school:{}", directory.schools.get(index)?.id),
        Kind::Cluster => format!("cluster:{}", directory.clusters.get(index)?.id),
        Kind::Catchment => {
            let c = directory.catchments.get(index)?;
            format!("catchment:{}/{}/{}/{}", c.district, c.area, c.stage, c.year)
        }
    })
}

/// The lookup page's fragment path that shows the entry at `kind`/`index`
/// (`/lookup?q=七宝镇&pick=town%3A…`): its name in the box and its key picked.
pub fn pick_path(directory: &Directory, kind: Kind, index: usize) -> String {
    let name = name_of(directory, kind, index).unwrap_or_default();
    let pick = key(directory, kind, index).unwrap_or_default();
    format!(
        "/lookup?q={}&pick={}",
        crate::link::percent_encode(name),
        crate::link::percent_encode(&pick)
    )
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
        "community" => {
            let mut parts = rest.splitn(3, '/');
            let (district, town, name) = (parts.next()?, parts.next()?, parts.next()?);
            directory
                .communities
                .iter()
                .position(|c| c.district == district && c.town == town && c.name == name)
                .map(|i| (Kind::Community, i))
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
        Kind::Community => &directory.communities.get(index)?.name,
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
        Kind::Community => &directory.communities.get(index)?.source,
        Kind::School => &directory.schools.get(index)?.source,
        Kind::Cluster => &directory.clusters.get(index)?.source,
        Kind::Catchment => &directory.catchments.get(index)?.source,
    })
}
