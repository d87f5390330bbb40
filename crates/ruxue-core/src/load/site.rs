//! Reading `data/site.toml`, the deploying bureau's settings (see [`crate::model::Site`]).

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::calendar::CalendarDate;
use crate::diagnostic::{line_of_offset, Diagnostic};
use crate::model::{is_report_address, is_site_url, Site};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawSite {
    last_checked: Option<Spanned<String>>,
    report_problem: Option<Spanned<String>>,
    site_url: Option<Spanned<String>>,
}

/// Reads `data/site.toml` (its presence is checked with the other required files).
/// `last_checked` is required: every page shows the date, so a missing one is an error,
/// not a blank.
pub(crate) fn load_site(path: &Path, problems: &mut Vec<Diagnostic>) -> Site {
    let (raw, text) = super::toml_file::read_optional::<RawSite>(path, problems);
    let mut site = Site::default();
    match raw.last_checked {
        Some(date) => {
            let line = line_of_offset(&text, date.span().start);
            let date = date.into_inner();
            if CalendarDate::parse(&date).is_err() {
                problems.push(Diagnostic::new(
                    path,
                    line,
                    format!("last_checked `{date}` is not a date: write it as YYYY-MM-DD"),
                ));
            }
            site.last_checked = date;
        }
        None => problems.push(Diagnostic::new(
            path,
            1,
            "last_checked is missing: add `last_checked = \"YYYY-MM-DD\"`",
        )),
    }
    if let Some(address) = raw.report_problem {
        let line = line_of_offset(&text, address.span().start);
        let address = address.into_inner();
        if is_report_address(&address) {
            site.report_problem = Some(address);
        } else {
            problems.push(Diagnostic::new(
                path,
                line,
                format!("report_problem `{address}` must be a mailto: address (mailto:name@example.gov.cn) or an https:// page"),
            ));
        }
    }
    if let Some(address) = raw.site_url {
        let line = line_of_offset(&text, address.span().start);
        let address = address.into_inner();
        if is_site_url(&address) {
            // Page addresses are joined to it, so it ends in a slash.
            let slash = if address.ends_with('/') { "" } else { "/" };
            site.site_url = Some(format!("{address}{slash}"));
        } else {
            problems.push(Diagnostic::new(
                path,
                line,
                format!("site_url `{address}` must be the portal's https:// address, e.g. https://example.gov.cn/ruxue/"),
            ));
        }
    }
    site
}
