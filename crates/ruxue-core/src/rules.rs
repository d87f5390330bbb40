//! The rules that decide what applies to a child: the entry-year calculator, which guide
//! stages follow from the child's situation and household, and which intake year's dates
//! matter next. The CLI (`ruxue age`) and the guided check both ask these, never the UI.
//!
//! The calculator applies the 1 September – 31 August cohort rule (see the sources of the
//! `primary-cohort` and `kindergarten-cohort` statements): a child born between 1 September of
//! year Y-7 and 31 August of year Y-6 starts primary school in September of year Y, and
//! kindergarten three years earlier. "Today" is always a parameter, so tests can fix it.

use serde::Serialize;

use crate::calendar::CalendarDate;

/// Where a child is relative to the two entry points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Situation {
    /// The birth date is after today (an expected baby).
    NotYetBorn,
    /// Kindergarten entry is still ahead.
    BeforeKindergarten,
    /// Kindergarten entry has passed; primary entry is ahead.
    BeforePrimary,
    /// Primary entry has passed: the child should already be at school.
    PastPrimaryEntry,
}

/// What the calculator works out for one birth date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryYears {
    pub birth: CalendarDate,
    /// September of this year: kindergarten entry.
    pub kindergarten_year: i32,
    /// September of this year: primary entry.
    pub primary_year: i32,
    /// The cohort: born from this day…
    pub cohort_start: CalendarDate,
    /// …to this day.
    pub cohort_end: CalendarDate,
    pub situation: Situation,
    /// The statements whose sources establish the rule.
    pub sources: Vec<String>,
}

/// Why the calculator refuses a birth date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeError {
    /// More than a year ahead of today: not a birth date.
    TooFarAhead,
    /// Before 1990: not a child's birth date.
    TooLongAgo,
}

/// The statements that establish the cohort rule.
pub const COHORT_STATEMENTS: [&str; 2] = ["primary-cohort", "kindergarten-cohort"];

/// Works out entry years for a child born on `birth`, as of `today`.
pub fn entry_years(birth: CalendarDate, today: CalendarDate) -> Result<EntryYears, AgeError> {
    if birth.year < 1990 {
        return Err(AgeError::TooLongAgo);
    }
    let a_year_ahead = CalendarDate {
        year: today.year + 1,
        ..today
    };
    if birth > a_year_ahead {
        return Err(AgeError::TooFarAhead);
    }
    let primary_year = if birth.month >= 9 {
        birth.year + 7
    } else {
        birth.year + 6
    };
    let kindergarten_year = primary_year - 3;
    let cohort_start = CalendarDate {
        year: primary_year - 7,
        month: 9,
        day: 1,
    };
    let cohort_end = CalendarDate {
        year: primary_year - 6,
        month: 8,
        day: 31,
    };
    let starts = |year| CalendarDate {
        year,
        month: 9,
        day: 1,
    };
    let situation = if birth > today {
        Situation::NotYetBorn
    } else if today < starts(kindergarten_year) {
        Situation::BeforeKindergarten
    } else if today < starts(primary_year) {
        Situation::BeforePrimary
    } else {
        Situation::PastPrimaryEntry
    };
    Ok(EntryYears {
        birth,
        kindergarten_year,
        primary_year,
        cohort_start,
        cohort_end,
        situation,
        sources: COHORT_STATEMENTS.iter().map(|s| s.to_string()).collect(),
    })
}

/// The intake year whose enrolment is next: September of this year until it has started,
/// then next year's.
pub fn next_intake_year(today: CalendarDate) -> i32 {
    if today.month >= 9 {
        today.year + 1
    } else {
        today.year
    }
}

/// The guide's stages that apply to a child in `situation`, in the order the check shows them:
/// what every family needs, then the stages ahead, then 随迁子女 for a household without
/// Shanghai 户籍 (`permit` or `other`, see [`HOUSEHOLDS`](crate::model::HOUSEHOLDS)).
pub fn stages_for(situation: Situation, household: Option<&str>) -> Vec<&'static str> {
    let mut stages = vec!["通用"];
    match situation {
        Situation::NotYetBorn | Situation::BeforeKindergarten => {
            stages.extend(["托育", "幼儿园", "小学"])
        }
        Situation::BeforePrimary => stages.extend(["小学", "民办与公民同招"]),
        Situation::PastPrimaryEntry => stages.extend(["初中", "高中"]),
    }
    if matches!(household, Some("permit" | "other")) {
        stages.push("随迁子女");
    }
    stages
}

/// The intake year whose key dates matter next for a child: the kindergarten year before it
/// starts, then the primary year, then simply the next intake.
pub fn intake_year_for(years: &EntryYears, today: CalendarDate) -> i32 {
    match years.situation {
        Situation::NotYetBorn | Situation::BeforeKindergarten => years.kindergarten_year,
        Situation::BeforePrimary => years.primary_year,
        Situation::PastPrimaryEntry => next_intake_year(today),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GUIDE_STAGES;

    fn date(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap()
    }

    fn years(birth: &str) -> (i32, i32) {
        let e = entry_years(date(birth), date("2026-11-22")).unwrap();
        (e.kindergarten_year, e.primary_year)
    }

    #[test]
    fn the_31_august_and_1_september_boundaries() {
        assert_eq!(years("2020-08-31"), (2023, 2026));
        assert_eq!(years("2020-09-01"), (2024, 2027));
        assert_eq!(years("2021-08-31"), (2024, 2027));
        assert_eq!(years("2021-09-01"), (2025, 2028));
        let e = entry_years(date("2020-09-01"), date("2026-11-22")).unwrap();
        assert_eq!(
            (e.cohort_start, e.cohort_end),
            (date("2020-09-01"), date("2021-08-31"))
        );
    }

    #[test]
    fn leap_day_births() {
        assert_eq!(years("2020-02-29"), (2023, 2026));
        assert_eq!(years("2024-02-29"), (2027, 2030));
    }

    #[test]
    fn the_published_examples() {
        // Huangpu 2024: born 2017-09-01 .. 2018-08-31 → primary 2024.
        assert_eq!(years("2017-09-01").1, 2024);
        assert_eq!(years("2018-08-31").1, 2024);
        // Kindergarten 2024: born 2020-09-01 .. 2021-08-31.
        assert_eq!(years("2020-09-01").0, 2024);
        assert_eq!(years("2021-08-31").0, 2024);
        // Minhang 2015: born 2008-09-01 .. 2009-08-31 → primary 2015.
        assert_eq!(years("2008-09-01").1, 2015);
    }

    #[test]
    fn situations_relative_to_today() {
        let today = date("2026-11-22");
        let situation = |birth: &str| entry_years(date(birth), today).unwrap().situation;
        assert_eq!(situation("2027-03-01"), Situation::NotYetBorn);
        assert_eq!(situation("2024-01-01"), Situation::BeforeKindergarten);
        assert_eq!(situation("2022-01-01"), Situation::BeforePrimary);
        assert_eq!(situation("2015-05-05"), Situation::PastPrimaryEntry);
        assert_eq!(
            entry_years(date("2028-01-01"), today),
            Err(AgeError::TooFarAhead)
        );
        assert_eq!(
            entry_years(date("1980-01-01"), today),
            Err(AgeError::TooLongAgo)
        );
        // On the day school starts the child counts as started.
        assert_eq!(
            entry_years(date("2020-05-01"), date("2026-09-01"))
                .unwrap()
                .situation,
            Situation::PastPrimaryEntry
        );
        assert_eq!(
            entry_years(date("2020-05-01"), date("2026-08-31"))
                .unwrap()
                .situation,
            Situation::BeforePrimary
        );
    }

    #[test]
    fn the_next_intake_turns_over_in_september() {
        assert_eq!(next_intake_year(date("2026-11-22")), 2027);
        assert_eq!(next_intake_year(date("2026-08-31")), 2026);
        assert_eq!(next_intake_year(date("2026-09-01")), 2027);
    }

    #[test]
    fn the_stages_follow_the_child_and_the_household() {
        let before_primary = stages_for(Situation::BeforePrimary, Some("hukou"));
        assert_eq!(before_primary, ["通用", "小学", "民办与公民同招"]);
        let young = stages_for(Situation::BeforeKindergarten, Some("permit"));
        assert_eq!(young, ["通用", "托育", "幼儿园", "小学", "随迁子女"]);
        assert!(stages_for(Situation::PastPrimaryEntry, None).contains(&"初中"));
        assert!(!stages_for(Situation::PastPrimaryEntry, None).contains(&"随迁子女"));
        for situation in [
            Situation::NotYetBorn,
            Situation::BeforeKindergarten,
            Situation::BeforePrimary,
            Situation::PastPrimaryEntry,
        ] {
            for stage in stages_for(situation, Some("other")) {
                assert!(
                    GUIDE_STAGES.contains(&stage),
                    "{stage} is a stage of the guide"
                );
            }
        }
        let (today, birth) = (date("2026-11-23"), date("2020-10-01"));
        let years = entry_years(birth, today).unwrap();
        assert_eq!(intake_year_for(&years, today), years.primary_year);
    }
}
