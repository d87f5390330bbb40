//! What search can find besides policy clauses, and how a hit names itself: its kind, a stable
//! id and the portal route that opens it.
//!
//! | kind        | id                                   | route                                |
//! |-------------|--------------------------------------|--------------------------------------|
//! | `statement` | statement id (`migrant-conditions`)  | `/guide?statement=<id>`              |
//! | `dates`     | `<year>/<scope>`, or `not-published` (`not-published/<year>` when the query named the year) | `/guide?dates=<year>` |
//! | `clause`    | item id (`mh-2023-6/4-9-16`)         | `/policies/<doc>/<clause>`           |
//! | `place`     | lookup key (`town:闵行区/七宝镇`)    | `/lookup?q=<name>&pick=<key>`        |
//! | `school`    | lookup key (`school:<id>`)           | the same                             |
//! | `cluster`   | lookup key (`cluster:<id>`)          | the same                             |
//! | `tool`      | `check` or `lookup`                  | `/guide/check`, `/lookup`            |
//! | `target`    | target id (`mh-2023-6-model-clusters`) | `/targets?district=<d>&area=<area>` |

use serde::Serialize;

use crate::lookup::{key, Kind as PlaceKind};
use crate::model::Corpus;

/// What a hit is, pointing into the corpus by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// A clause of a policy document.
    Clause { doc: usize, clause: usize },
    /// A guide statement.
    Statement(usize),
    /// A published key-date cycle.
    Cycle(usize),
    /// The notice that an intake's dates are not yet published: for the year the query named,
    /// or (none) for the coming intake.
    DatesNotPublished(Option<i32>),
    /// A district, 街镇, school or cluster, found by the lookup.
    Place(PlaceKind, usize),
    /// One of the portal's tools.
    Tool(Tool),
    /// A target (指标, `crate::model::Target`), by its position in the corpus's targets.
    Commitment(usize),
}

/// The portal's tools, as search destinations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tool {
    /// The guided check: entry years from a birth date.
    Check,
    /// The lookup: district, 街镇, clusters and schools for a place.
    Lookup,
}

/// The kinds of hit, as `ruxue search --json` names them and `--kind` filters them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Statement,
    Dates,
    Clause,
    Target,
    Place,
    School,
    Cluster,
    Tool,
}

impl HitKind {
    /// Every kind, in the order the UI lists them: the order of declaration, which counts
    /// index (`kind as usize`).
    pub const ALL: [HitKind; 8] = [
        HitKind::Statement,
        HitKind::Dates,
        HitKind::Clause,
        HitKind::Target,
        HitKind::Place,
        HitKind::School,
        HitKind::Cluster,
        HitKind::Tool,
    ];

    /// The name used in JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            HitKind::Statement => "statement",
            HitKind::Dates => "dates",
            HitKind::Clause => "clause",
            HitKind::Place => "place",
            HitKind::School => "school",
            HitKind::Cluster => "cluster",
            HitKind::Tool => "tool",
            HitKind::Target => "target",
        }
    }

    /// The kind called `name`, if any.
    pub fn parse(name: &str) -> Option<HitKind> {
        HitKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl Tool {
    /// Every tool.
    pub const ALL: [Tool; 2] = [Tool::Check, Tool::Lookup];

    /// The tool's id.
    pub fn id(self) -> &'static str {
        match self {
            Tool::Check => "check",
            Tool::Lookup => "lookup",
        }
    }

    /// What a parent might type to look for the tool, in both languages. Searched as the
    /// tool's text; never shown.
    pub fn keywords(self) -> &'static str {
        match self {
            Tool::Check => {
                "入学年份计算 幼升小 出生日期 几岁上学 几岁上小学 几岁上幼儿园 哪年入学 哪年上学 年龄 \
                 入园年份 入学年龄 9月1日 8月31日 \
                 entry year calculator birth date born age how old year start school"
            }
            Tool::Lookup => {
                "查询学校 对口 划片 住址 地址 街镇 学区房 哪个学校 哪所学校 学校集团 \
                 lookup address catchment which school near my home neighbourhood"
            }
        }
    }
}

impl Target {
    /// The kind of hit this is.
    pub fn kind(&self) -> HitKind {
        match self {
            Target::Clause { .. } => HitKind::Clause,
            Target::Statement(_) => HitKind::Statement,
            Target::Cycle(_) | Target::DatesNotPublished(_) => HitKind::Dates,
            Target::Place(PlaceKind::School, _) => HitKind::School,
            Target::Place(PlaceKind::Cluster, _) => HitKind::Cluster,
            Target::Place(..) => HitKind::Place,
            Target::Tool(_) => HitKind::Tool,
            Target::Commitment(_) => HitKind::Target,
        }
    }

    /// A stable id for the hit within its kind (see the module's table).
    pub fn id(&self, corpus: &Corpus) -> String {
        match *self {
            Target::Clause { doc, clause } => {
                let document = &corpus.documents[doc];
                document.item_id(&document.clauses[clause])
            }
            Target::Statement(i) => corpus.guidance.statements[i].id.clone(),
            Target::Cycle(i) => {
                let cycle = &corpus.guidance.cycles[i];
                format!("{}/{}", cycle.year, cycle.scope)
            }
            Target::DatesNotPublished(None) => "not-published".into(),
            Target::DatesNotPublished(Some(year)) => format!("not-published/{year}"),
            Target::Place(kind, i) => key(&corpus.directory, kind, i).unwrap_or_default(),
            Target::Tool(tool) => tool.id().into(),
            Target::Commitment(i) => (corpus.targets.get(i))
                .map(|t| t.id.clone())
                .unwrap_or_default(),
        }
    }

    /// The portal route that opens the hit (a fragment path with its query, without `#`).
    pub fn route(&self, corpus: &Corpus) -> String {
        match *self {
            Target::Clause { doc, clause } => {
                let document = &corpus.documents[doc];
                document.clause_route(&document.clauses[clause])
            }
            Target::Statement(i) => {
                format!("/guide?statement={}", corpus.guidance.statements[i].id)
            }
            Target::Cycle(i) => format!("/guide?dates={}", corpus.guidance.cycles[i].year),
            Target::DatesNotPublished(Some(year)) => format!("/guide?dates={year}"),
            Target::DatesNotPublished(None) => "/guide?dates=next".into(),
            Target::Place(kind, i) => crate::lookup::pick_path(&corpus.directory, kind, i),
            Target::Tool(Tool::Check) => "/guide/check".into(),
            Target::Tool(Tool::Lookup) => "/lookup".into(),
            // The targets of its district and area: a short list that holds it.
            Target::Commitment(i) => match corpus.targets.get(i) {
                Some(t) => match corpus.item(&t.clause) {
                    Some((document, _)) => format!(
                        "/targets?district={}&area={}",
                        document.meta.district, t.area
                    ),
                    None => format!("/targets?area={}", t.area),
                },
                None => "/targets".into(),
            },
        }
    }

    /// The district the hit is about, or 全市 for city-wide guidance; none for tools.
    pub fn scope<'a>(&self, corpus: &'a Corpus) -> Option<&'a str> {
        Some(match *self {
            Target::Clause { doc, .. } => &corpus.documents[doc].meta.district,
            Target::Statement(i) => &corpus.guidance.statements[i].scope,
            Target::Cycle(i) => &corpus.guidance.cycles[i].scope,
            Target::Place(kind, i) => {
                let d = &corpus.directory;
                match kind {
                    PlaceKind::District => &d.districts.get(i)?.name,
                    PlaceKind::Town => &d.towns.get(i)?.district,
                    PlaceKind::Community => &d.communities.get(i)?.district,
                    PlaceKind::School => &d.schools.get(i)?.district,
                    PlaceKind::Cluster => &d.clusters.get(i)?.district,
                    PlaceKind::Catchment => &d.catchments.get(i)?.district,
                }
            }
            Target::Commitment(i) => {
                let target = corpus.targets.get(i)?;
                &corpus.item(&target.clause)?.0.meta.district
            }
            Target::DatesNotPublished(_) | Target::Tool(_) => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::HitKind;

    /// Facet counts are indexed by `kind as usize` and listed in `ALL`'s order: the two must
    /// agree.
    #[test]
    fn every_kind_is_listed_in_declaration_order() {
        for (k, kind) in HitKind::ALL.into_iter().enumerate() {
            assert_eq!(kind as usize, k, "{}", kind.name());
        }
    }
}
