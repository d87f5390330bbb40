//! Enrolment guidance as shipped: statements by stage (`data/guidance.toml`), the guided
//! check's checklist, and key dates per year (`data/key_dates.toml`), with the queries the
//! guide and the check make of them.

use serde::{Deserialize, Serialize};

/// The stages guidance is grouped by, in the order the guide shows them.
pub const GUIDE_STAGES: [&str; 10] = [
    "通用",
    "托育",
    "幼儿园",
    "小学",
    "初中",
    "高中",
    "特殊教育",
    "随迁子女",
    "民办与公民同招",
    "课后服务与双减",
];

/// Household situations a parent can state in the guided check, as they appear in its URL:
/// Shanghai household registration (本市户籍), a Shanghai Residence Permit (居住证), or
/// neither.
pub const HOUSEHOLDS: [&str; 3] = ["hukou", "permit", "other"];

/// One step of the guided check's "what to do next" checklist. It only restates, as an action,
/// what a sourced statement says; the statement's sources are shown with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// Which [`HOUSEHOLDS`] the step is for.
    pub households: Vec<String>,
    pub zh: String,
    pub en: String,
    /// The statement the step rests on.
    pub statement: String,
}

/// One statement of guidance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub id: String,
    pub stage: String,
    /// 全市, or the district it applies to.
    pub scope: String,
    pub zh: String,
    pub en: String,
    /// Document items or sources.toml ids.
    pub sources: Vec<String>,
}

/// The published dates of one year's cycle, for one scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateCycle {
    pub year: i32,
    pub scope: String,
    /// Shown only as a labelled reference, never as the coming year's dates.
    pub reference: bool,
    pub source: String,
    pub events: Vec<DateEvent>,
}

/// One dated step of a cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateEvent {
    pub zh: String,
    pub en: String,
    /// As published, e.g. 5月7日–11日.
    pub when: String,
}

/// Guidance and dates, as shipped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guidance {
    pub statements: Vec<Statement>,
    pub cycles: Vec<DateCycle>,
    /// The guided check's checklist, in the order it is shown.
    pub steps: Vec<Step>,
}

impl Guidance {
    /// The statements of `stages` that apply in `district`, stage by stage (see
    /// [`Guidance::statements`]).
    pub fn statements_for(&self, stages: &[&str], district: Option<&str>) -> Vec<&Statement> {
        stages
            .iter()
            .flat_map(|stage| self.statements(stage, district))
            .collect()
    }

    /// Published cycles for `year` (none means not yet published).
    pub fn cycles_for(&self, year: i32) -> Vec<&DateCycle> {
        self.cycles.iter().filter(|c| c.year == year).collect()
    }

    /// The most recent year with published dates before `year`, shown only as a reference.
    pub fn latest_before(&self, year: i32) -> Option<i32> {
        self.cycles
            .iter()
            .map(|c| c.year)
            .filter(|y| *y < year)
            .max()
    }

    /// Statements of `stage` that apply in `district` (city-wide ones included); with no
    /// district, every statement of the stage.
    pub fn statements(&self, stage: &str, district: Option<&str>) -> Vec<&Statement> {
        self.statements
            .iter()
            .filter(|s| {
                s.stage == stage && (s.scope == "全市" || district.is_none_or(|d| d == s.scope))
            })
            .collect()
    }

    /// The statement with id `id`.
    pub fn statement(&self, id: &str) -> Option<&Statement> {
        self.statements.iter().find(|s| s.id == id)
    }

    /// The checklist for a household situation (one of [`HOUSEHOLDS`]); with none given, the
    /// steps every household shares.
    pub fn steps_for(&self, household: Option<&str>) -> Vec<&Step> {
        self.steps
            .iter()
            .filter(|step| match household {
                Some(h) => step.households.iter().any(|s| s == h),
                None => HOUSEHOLDS
                    .iter()
                    .all(|h| step.households.iter().any(|s| s == h)),
            })
            .collect()
    }
}
