//! Places, schools and clusters: districts, 街镇, schools, clusters (学区, 教育集团, 教育圈 …),
//! memberships, catchments, and what the documents say about clusters.
//!
//! Every record names its source: a document item (`mh-2023-6/4-9-16`) or a public source id
//! from `data/sources.toml`. Nothing here is inferred: unknown fields stay empty.

use serde::{Deserialize, Serialize};

use crate::search::pinyin::Pinyin;

/// Everything about places and schools the portal ships.
///
/// The sources and districts are in the manifest every page reads; the rest ([`Places`]) is in
/// a file of its own, which only the pages that answer with places fetch, and the
/// communities in another, which only the lookup and search read (`crate::bundle`).
/// A `Directory` reads as its places ([`std::ops::Deref`]), so `directory.towns` is the
/// towns, and none until they are in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directory {
    pub sources: Vec<PublicSource>,
    pub districts: Vec<District>,
    /// Towns, schools, clusters and the rest, set once ([`SetOnce::install`]). Not encoded
    /// with the directory: the places are a file of their own, and a manifest that could
    /// hold them would carry their decoding code into the app's main part (`crate::bundle`).
    #[serde(skip)]
    pub places: SetOnce<Places>,
    /// The 居委会 and 村委会 of the covered districts, each in its 街镇: two thirds of the
    /// places' bytes, which the clusters page does not read. None until they are in; not
    /// encoded with the directory either.
    #[serde(skip)]
    pub communities: SetOnce<Vec<Community>>,
    /// `communities` prepared for matching on first use; derived, so never shipped.
    #[serde(skip)]
    pub community_keys: CommunityKeys,
}

/// The directory's lists that only the lookup, the clusters page and search's results read:
/// about a third of what was the manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Places {
    pub towns: Vec<Town>,
    pub schools: Vec<School>,
    pub clusters: Vec<Cluster>,
    pub memberships: Vec<Membership>,
    pub catchments: Vec<Catchment>,
    pub facts: Vec<ClusterFact>,
    /// Shanghai districts and 街镇 the portal does not cover, so that a query naming one is
    /// told what the portal covers instead of finding nothing.
    pub elsewhere: Vec<Elsewhere>,
}

/// No places: what a directory reads as before its places are in.
static NO_PLACES: Places = Places {
    towns: Vec::new(),
    schools: Vec::new(),
    clusters: Vec::new(),
    memberships: Vec::new(),
    catchments: Vec::new(),
    facts: Vec::new(),
    elsewhere: Vec::new(),
};

impl std::ops::Deref for Directory {
    type Target = Places;

    fn deref(&self) -> &Places {
        self.places.installed().unwrap_or(&NO_PLACES)
    }
}

impl std::ops::DerefMut for Directory {
    /// The places, made (empty) if there are none: the loader fills them in.
    fn deref_mut(&mut self) -> &mut Places {
        self.places.get_or_default_mut()
    }
}

/// A value the app receives after the rest of the data, in a file of its own: the app's
/// corpus is shared before it arrives, so it can be installed once into a corpus that has
/// none ([`SetOnce::install`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SetOnce<T>(std::sync::OnceLock<T>);

impl<T> SetOnce<T> {
    /// Installs `value`, unless one is there already: returns whether it did.
    pub fn install(&self, value: T) -> bool {
        self.0.set(value).is_ok()
    }

    /// Whether a value is in.
    pub fn is_installed(&self) -> bool {
        self.0.get().is_some()
    }

    /// The value, once it is in. (Not `get`: a list set once reads as a slice, whose `get`
    /// takes an index.)
    pub fn installed(&self) -> Option<&T> {
        self.0.get()
    }

    /// Takes the value out, leaving none.
    pub fn take(&mut self) -> Option<T> {
        self.0.take()
    }
}

impl<T> From<T> for SetOnce<T> {
    fn from(value: T) -> Self {
        let set = SetOnce(std::sync::OnceLock::new());
        set.install(value);
        set
    }
}

impl<T: Default> SetOnce<T> {
    /// The value, made with its default if there is none yet.
    pub fn get_or_default_mut(&mut self) -> &mut T {
        self.0.get_or_init(T::default);
        self.0.get_mut().expect("set above")
    }
}

/// A list set once reads as the list, and as an empty one until it is in.
impl<T> std::ops::Deref for SetOnce<Vec<T>> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.0.get().map_or(&[], Vec::as_slice)
    }
}

/// A community's name as the lookup compares it: normalised once, with the lengths of its
/// [`strip_committee`] and [`community_core`] forms, which are prefixes of it.
#[derive(Debug, Clone)]
pub struct CommunityKey {
    pub full: String,
    bare_len: usize,
    core_len: usize,
}

impl CommunityKey {
    /// The name without the committee suffix.
    pub fn bare(&self) -> &str {
        &self.full[..self.bare_len]
    }

    /// The name without the committee suffix and ordinal.
    pub fn core(&self) -> &str {
        &self.full[..self.core_len]
    }
}

/// A cache of [`CommunityKey`]s: the lookup runs on every keystroke, and normalising 1,500
/// names each time was most of its cost (see `make bench`). Two caches always compare equal,
/// because they hold nothing that is not derived from the communities.
#[derive(Debug, Clone, Default)]
pub struct CommunityKeys(std::sync::OnceLock<Vec<CommunityKey>>);

impl PartialEq for CommunityKeys {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for CommunityKeys {}

/// A 居委会 or 村委会. Its name tells the parent their 街镇 and district, never their school.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Community {
    /// The 12-digit statistical division code. Not shipped to the browser, which never shows it.
    #[serde(skip)]
    pub code: String,
    /// The full name, as the source gives it (华江新村第一居委会).
    pub name: String,
    pub district: String,
    /// The 街镇 it belongs to, one of `Directory::towns` in the same district.
    pub town: String,
    pub source: String,
}

impl Community {
    /// The name without 居委会 / 村委会 / 社区居委会, and without an ordinal that only tells
    /// neighbouring committees apart: 华江新村第一居委会 → 华江新村, 大华三村四居委会 → 大华三村.
    /// 村 stays (彭渡村村委会 → 彭渡村), as people say it.
    pub fn core(&self) -> &str {
        community_core(&self.name)
    }
}

/// Suffixes that name the committee rather than the place, longest first.
const COMMITTEE_SUFFIXES: [&str; 11] = [
    "社区居民委员会",
    "社区居委会",
    "居民委员会",
    "村民委员会",
    "虚拟生活区",
    "虚拟社区",
    "居委会",
    "村委会",
    "居委",
    "村委",
    "社区",
];

/// `name` without a committee suffix (华江新村第一居委会 → 华江新村第一); `name` itself when
/// less than two characters would remain.
pub fn strip_committee(name: &str) -> &str {
    COMMITTEE_SUFFIXES
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(name)
}

/// [`Community::core`] of any text, a parent's query included (漕宝路居委 → 漕宝路).
pub fn community_core(name: &str) -> &str {
    let bare = strip_committee(name);
    const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    let unnumbered = bare.trim_end_matches(NUMERALS);
    let without_ordinal = if unnumbered.len() < bare.len() {
        unnumbered.strip_suffix('第').unwrap_or(unnumbered)
    } else {
        bare
    };
    if without_ordinal.chars().count() >= 2 {
        without_ordinal
    } else {
        bare
    }
}

/// A district or 街镇 outside the districts the portal covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Elsewhere {
    /// The statistical division code (6 digits for a district, 9 for a 街镇). Not shipped to
    /// the browser, which never shows it.
    #[serde(skip)]
    pub code: String,
    pub name: String,
    /// The district it is in (itself, for a district).
    pub district: String,
    pub source: String,
}

impl Elsewhere {
    /// The name and the short form people type: 浦东 for 浦东新区, 张江 for 张江镇.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        let short = ["新区", "区", "街道", "镇", "乡"]
            .iter()
            .find_map(|suffix| self.name.strip_suffix(suffix))
            .filter(|short| short.chars().count() >= 2);
        std::iter::once(self.name.as_str()).chain(short)
    }
}

/// A public source that is not one of the bundled documents. It is cited authority first:
/// the body whose text it is and the 文号, then, for a repost, the copy it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicSource {
    pub id: String,
    /// The body whose text this is, or the newspaper for press.
    pub authority: String,
    /// The 文号, where the text gives one.
    pub doc_number: Option<String>,
    /// The title of the authority's text.
    pub title: String,
    /// Where the text was read: for a repost, the copy's address.
    pub url: Option<String>,
    /// For a repost, who copied it, where the address alone does not say.
    pub via: Option<String>,
    pub date: Option<String>,
    /// official, press or repost.
    pub quality: String,
}

/// The qualities of a public source, in the order the portal lists them.
pub const QUALITIES: [&str; 3] = ["official", "press", "repost"];

impl PublicSource {
    /// Whether this is the authority's own publication (a government site).
    pub fn is_official(&self) -> bool {
        self.quality == "official"
    }

    /// The address to link to: `url` when it is http(s), the only kinds the build accepts.
    pub fn web_url(&self) -> Option<&str> {
        self.url
            .as_deref()
            .filter(|url| url.starts_with("https://") || url.starts_with("http://"))
    }

    /// Where the text was read, as a repost is named: `via` if given, else the address's host
    /// (www.3dmn.cn).
    pub fn read_at(&self) -> String {
        self.via.clone().unwrap_or_else(|| {
            self.web_url()
                .map(|url| {
                    url.split("://")
                        .nth(1)
                        .unwrap_or(url)
                        .split(['/', '?', '#'])
                        .next()
                        .unwrap_or_default()
                        .to_string()
                })
                .unwrap_or_default()
        })
    }

    /// The authority and 文号, as cited first: 上海市教育委员会 沪教委基〔2025〕11号.
    pub fn authority_line(&self) -> String {
        match &self.doc_number {
            Some(number) => format!("{} {number}", self.authority),
            None => self.authority.clone(),
        }
    }
}

/// A district (区).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct District {
    /// The statistical division code, e.g. 310112.
    pub code: String,
    pub name: String,
    pub source: String,
    pub pinyin: Pinyin,
}

/// A 街道, 镇 or 乡, or a non-administrative area listed beside them (其他).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Town {
    pub district: String,
    pub name: String,
    pub kind: String,
    /// Other names, the short form (七宝 for 七宝镇) included.
    pub aliases: Vec<String>,
    pub source: String,
    pub pinyin: Pinyin,
}

/// A school.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct School {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub district: String,
    /// The 街镇, where a source states it.
    pub town: Option<String>,
    /// 幼儿园, 小学, 初中, 高中, 特殊教育, 职业教育 …, where a source states them.
    pub stages: Vec<String>,
    /// 公办 or 民办, where a source states it.
    pub ownership: Option<String>,
    /// What the source says of the school's building, in its own word (one of
    /// [`SCHOOL_STATUSES`]); `None` where it says nothing.
    pub status: Option<String>,
    pub source: String,
    pub pinyin: Pinyin,
}

impl School {
    /// Whether the source describes a building project (新建, 迁建, 改造, 加固, 开工, 建设) rather
    /// than a school that is open: such a school is never shown as one to apply to.
    pub fn is_project(&self) -> bool {
        self.status
            .as_deref()
            .is_some_and(|status| status != SCHOOL_OPEN)
    }
}

/// The status of a school the source says is open.
pub const SCHOOL_OPEN: &str = "已开办";
/// Statuses a school can have, each a word its source uses: open, or a building project
/// (a new build, a rebuild on a new site, a renovation, a reinforcement, a construction start,
/// a school still being built up).
pub const SCHOOL_STATUSES: [&str; 7] =
    [SCHOOL_OPEN, "新建", "迁建", "改造", "加固", "开工", "建设"];

/// A 学区, 教育集团, 教育圈 or other named group of schools.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cluster {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub district: String,
    pub aliases: Vec<String>,
    pub source: String,
    pub pinyin: Pinyin,
}

/// A school's membership of a cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub cluster: String,
    pub school: String,
    pub source: String,
}

/// An area (居委, road segment …) and the schools it is assigned to for one stage and year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catchment {
    pub district: String,
    pub town: Option<String>,
    pub area: String,
    pub stage: String,
    pub year: u16,
    pub schools: Vec<String>,
    pub source: String,
}

/// A statement a document makes about a district's clusters, quoted word for word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterFact {
    pub district: String,
    pub topic: String,
    pub quote: String,
    /// The document item that says it.
    pub source: String,
}

/// Stages a school or catchment can name.
pub const SCHOOL_STAGES: [&str; 7] = [
    "托育",
    "幼儿园",
    "小学",
    "初中",
    "高中",
    "特殊教育",
    "职业教育",
];
/// Kinds of cluster.
pub const CLUSTER_KINDS: [&str; 5] = ["学区", "教育集团", "教育圈", "联合体", "其他"];
/// Kinds of 街镇.
pub const TOWN_KINDS: [&str; 4] = ["街道", "镇", "乡", "其他"];

impl Directory {
    /// The district called `name`.
    pub fn district(&self, name: &str) -> Option<&District> {
        self.districts.iter().find(|d| d.name == name)
    }

    /// The school with id `id`.
    pub fn school(&self, id: &str) -> Option<&School> {
        self.schools.iter().find(|s| s.id == id)
    }

    /// The cluster with id `id`.
    pub fn cluster(&self, id: &str) -> Option<&Cluster> {
        self.clusters.iter().find(|c| c.id == id)
    }

    /// Whether any cluster membership is recorded for `district`.
    pub fn members_known(&self, district: &str) -> bool {
        self.memberships.iter().any(|m| {
            self.cluster(&m.cluster)
                .is_some_and(|c| c.district == district)
        })
    }

    /// Every name and alias of a covered district, 街镇, school and cluster.
    pub fn place_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.districts.iter().map(|d| d.name.as_str()).collect();
        for town in &self.towns {
            names.push(&town.name);
            names.extend(town.aliases.iter().map(String::as_str));
        }
        names.extend(self.schools.iter().map(|s| s.name.as_str()));
        names.extend(self.clusters.iter().map(|c| c.name.as_str()));
        names
    }

    /// The pinyin of every covered district, 街镇, school and cluster name.
    pub fn place_pinyin(&self) -> Vec<&Pinyin> {
        let mut readings: Vec<&Pinyin> = self.districts.iter().map(|d| &d.pinyin).collect();
        readings.extend(self.towns.iter().map(|t| &t.pinyin));
        readings.extend(self.schools.iter().map(|s| &s.pinyin));
        readings.extend(self.clusters.iter().map(|c| &c.pinyin));
        readings
    }

    /// [`CommunityKey`]s of `communities`, in the same order.
    pub fn community_keys(&self) -> &[CommunityKey] {
        // Not kept before the communities are in: they would stay empty.
        if self.communities.is_empty() {
            return &[];
        }
        self.community_keys.0.get_or_init(|| {
            self.communities
                .iter()
                .map(|c| {
                    let full = crate::search::normalize::normalize(&c.name);
                    let bare_len = strip_committee(&full).len();
                    let core_len = community_core(&full).len();
                    CommunityKey {
                        full,
                        bare_len,
                        core_len,
                    }
                })
                .collect()
        })
    }

    /// The public source with id `id`.
    pub fn source(&self, id: &str) -> Option<&PublicSource> {
        self.sources.iter().find(|s| s.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn community_cores_drop_the_committee_and_its_ordinal_only() {
        for (name, core) in [
            ("华江新村第一居委会", "华江新村"),
            ("大华三村四居委会", "大华三村"),
            ("月浦二三村居委会", "月浦二三村"),
            ("彭渡村村委会", "彭渡村"),
            ("漕宝路居委", "漕宝路"),
            ("多福巷社区居委会", "多福巷"),
            ("前卫农场虚拟生活区", "前卫农场"),
            ("罗南居委会", "罗南"),
            ("大华一村", "大华一村"),
            ("居委会", "居委会"),
        ] {
            assert_eq!(community_core(name), core, "{name}");
        }
        assert_eq!(strip_committee("华江新村第一居委会"), "华江新村第一");
    }
}
