//! What the deploying bureau sets for its copy of the portal (`data/site.toml`): when the data
//! was last checked against its sources, shown on every page, and where a parent reports a
//! problem. The report link stays hidden until an address is set, and `ruxue check` warns
//! while it is unset, so a deployment cannot forget it silently.

use serde::{Deserialize, Serialize};

/// The site settings, as shipped to the browser.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    /// `YYYY-MM-DD`: the day the data was last checked against its sources.
    pub last_checked: String,
    /// A `mailto:` or `https://` address for "报告问题 / Report a problem"; `None` hides the link.
    pub report_problem: Option<String>,
    /// The deployment's public address (`https://example.gov.cn/ruxue/`, ending in `/`): the
    /// prerendered pages' canonical and Open Graph addresses and the sitemap's absolute ones.
    /// `None` leaves those out, and `ruxue check` warns.
    pub site_url: Option<String>,
}

/// Whether `address` is one the report link may point to: `mailto:` with an address, or an
/// `https://` page. Anything else (javascript:, http:, a bare word) is refused at build time.
pub fn is_report_address(address: &str) -> bool {
    let safe = !address
        .chars()
        .any(|c| c.is_whitespace() || "<>\"'`".contains(c));
    let mailto = address
        .strip_prefix("mailto:")
        .is_some_and(|rest| rest.contains('@') && !rest.starts_with('@'));
    let https = address
        .strip_prefix("https://")
        .is_some_and(|rest| rest.len() > 3 && rest.contains('.'));
    safe && (mailto || https)
}

/// The warning `ruxue check` prints while no report address is set.
pub const REPORT_UNSET_WARNING: &str = "report_problem is not set, so the 报告问题 / Report a problem link is hidden on every page: set it to the bureau's mailto: or https:// address (see data/README.md)";

/// Whether `address` can be the site's public address: `https://`, a host, no spaces or quotes.
pub fn is_site_url(address: &str) -> bool {
    let safe = !address
        .chars()
        .any(|c| c.is_whitespace() || "<>\"'`#?".contains(c));
    let host = address
        .strip_prefix("https://")
        .and_then(|rest| rest.split('/').next())
        .unwrap_or("");
    safe && host.contains('.') && !host.starts_with('.')
}

/// The warning `ruxue check` prints while no site address is set.
pub const SITE_URL_UNSET_WARNING: &str = "site_url is not set, so the prerendered pages have no canonical or Open Graph address and the sitemap's addresses are relative: set it to the portal's public https:// address (see data/README.md)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_mail_and_https_addresses_are_report_addresses() {
        for good in [
            "mailto:jyj@example.gov.cn",
            "https://example.gov.cn/feedback",
        ] {
            assert!(is_report_address(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "http://example.gov.cn",
            "mailto:",
            "mailto:@x",
            "https://",
            "jyj@example.gov.cn",
            "https://example.gov.cn/\"><script>",
            "",
        ] {
            assert!(!is_report_address(bad), "{bad}");
        }
    }
}
