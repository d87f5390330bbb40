//! The search page's state as its URL holds it (`#/search?q=…&kind=…&district=…&doc=…`), so
//! every view of the results, filters included, can be shared as a link.

use ruxue_core::search::HitKind;

use crate::location::href_with_query;
use crate::routes::Route;

/// How many hits a page shows.
pub const LIMIT: usize = 20;

/// The kind filter's values in the URL, and the kinds each shows.
pub const KIND_FILTERS: [(&str, &[HitKind]); 5] = [
    ("statement", &[HitKind::Statement]),
    ("dates", &[HitKind::Dates]),
    ("clause", &[HitKind::Clause]),
    ("target", &[HitKind::Target]),
    (
        "place",
        &[HitKind::Place, HitKind::School, HitKind::Cluster],
    ),
];

/// The page's state, read from the URL.
#[derive(Clone, PartialEq)]
pub struct SearchState {
    pub query: String,
    /// One of [`KIND_FILTERS`], or empty for every kind.
    pub kind: String,
    pub district: String,
    pub doc: String,
}

impl SearchState {
    /// The search page's address for this state.
    pub fn href(&self) -> String {
        href_with_query(
            &Route::Search.path(),
            &[
                ("q", &self.query),
                ("kind", &self.kind),
                ("district", &self.district),
                ("doc", &self.doc),
            ],
        )
    }
}

/// The kind filter value `kind` if it is one, or empty.
pub fn known_kind(kind: String) -> String {
    Some(kind)
        .filter(|kind| KIND_FILTERS.iter().any(|(k, _)| k == kind))
        .unwrap_or_default()
}

/// The kinds a kind filter value shows; none (every kind) for an empty or unknown value.
pub fn kinds_of(kind: &str) -> &'static [HitKind] {
    KIND_FILTERS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(&[][..], |(_, kinds)| *kinds)
}
