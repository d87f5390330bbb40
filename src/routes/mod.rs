//! The portal's pages and the fragment paths that reach them.
//!
//! | path                           | page                          |
//! |--------------------------------|-------------------------------|
//! | `/`                            | [`home::HomePage`]            |
//! | `/policies?district=&year=&kind=&status=` | [`policies::PoliciesPage`] (filters in the query) |
//! | `/policies/<doc>`              | [`document::DocumentPage`]    |
//! | `/policies/<doc>/<clause>`     | the same, scrolled to the clause and highlighting it |
//! | `/search?q=&district=&doc=`    | [`search::SearchPage`]        |
//! | `/guide`                       | [`guide::GuidePage`]          |
//! | `/guide/check?birth=&district=&household=` | [`guide_check::GuideCheckPage`] |
//! | `/clusters`                    | [`clusters::ClustersPage`]    |
//! | `/lookup`                      | [`lookup::LookupPage`]        |
//! | `/sources`                     | [`sources::SourcesPage`]      |
//! | `/targets?district=&year=&area=` | [`targets::TargetsPage`] (filters in the query) |
//! | `/embed?view=&district=&lang=&theme=&item=` | [`embed::EmbedPage`] |
//! | anything else                  | [`not_found::NotFoundPage`]   |

pub mod clusters;
pub mod document;
pub mod embed;
pub mod guide;
pub mod guide_check;
pub mod home;
pub mod lookup;
pub mod not_found;
pub mod policies;
pub mod search;
pub mod sources;
pub mod targets;

use crate::i18n::{Lang, Texts};

/// A page of the portal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Policies,
    /// One document in the reader, optionally at one clause.
    Document {
        id: String,
        clause: Option<String>,
    },
    /// Search results; the query is in the URL.
    Search,
    Guide,
    /// The guided check; its inputs are in the URL.
    GuideCheck,
    Clusters,
    Lookup,
    /// Every source, official, press and repost apart.
    Sources,
    /// The documents' quantified commitments (指标); its filters are in the URL.
    Targets,
    /// The embed-code page for schools.
    Embed,
    NotFound,
}

impl Route {
    /// Whether the page reads the directory's places (`crate::data::load_files`) as it
    /// opens: the clusters page. Search and the lookup read them too, but only with their
    /// results, which come with the first query (`crate::page_code::search_results`,
    /// `crate::page_code::lookup_answers`).
    pub fn needs_places(&self) -> bool {
        matches!(self, Route::Clusters)
    }

    /// The documents' texts the page shows, beyond the manifest (`crate::data`).
    pub fn texts_needed(&self) -> Option<crate::data::Needed> {
        match self {
            Route::Document { id, .. } => Some(crate::data::Needed::Document(id.clone())),
            _ => None,
        }
    }

    /// The pages in the primary navigation, in order.
    pub const PRIMARY: [Route; 4] = [
        Route::Policies,
        Route::Guide,
        Route::Clusters,
        Route::Lookup,
    ];

    /// The page for a fragment path. A trailing slash is tolerated because people type one.
    pub fn from_path(path: &str) -> Route {
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        match segments.as_slice() {
            [""] => Route::Home,
            ["policies"] => Route::Policies,
            ["policies", id] if !id.is_empty() => Route::Document {
                id: id.to_string(),
                clause: None,
            },
            ["policies", id, clause] if !id.is_empty() && !clause.is_empty() => Route::Document {
                id: id.to_string(),
                clause: Some(clause.to_string()),
            },
            ["search"] => Route::Search,
            ["guide"] => Route::Guide,
            ["guide", "check"] => Route::GuideCheck,
            ["clusters"] => Route::Clusters,
            ["lookup"] => Route::Lookup,
            ["sources"] => Route::Sources,
            ["targets"] => Route::Targets,
            ["embed"] => Route::Embed,
            _ => Route::NotFound,
        }
    }

    /// The fragment path of this page (`NotFound` has none and links home).
    pub fn path(&self) -> String {
        match self {
            Route::Home | Route::NotFound => "/".into(),
            Route::Policies => "/policies".into(),
            Route::Document { id, clause: None } => format!("/policies/{id}"),
            Route::Document {
                id,
                clause: Some(clause),
            } => format!("/policies/{id}/{clause}"),
            Route::Search => "/search".into(),
            Route::Guide => "/guide".into(),
            Route::GuideCheck => "/guide/check".into(),
            Route::Clusters => "/clusters".into(),
            Route::Lookup => "/lookup".into(),
            Route::Sources => "/sources".into(),
            Route::Targets => "/targets".into(),
            Route::Embed => "/embed".into(),
        }
    }

    /// The `href` of a link to this page; relative, so it works under any sub-path.
    pub fn href(&self) -> String {
        crate::location::href(&self.path())
    }

    /// Every page the build prerenders as a file: the fixed pages, each document, and each
    /// clause of each document.
    pub fn every_page() -> Vec<Route> {
        let mut pages = vec![
            Route::Home,
            Route::Policies,
            Route::Search,
            Route::Guide,
            Route::GuideCheck,
            Route::Clusters,
            Route::Lookup,
            Route::Sources,
            Route::Targets,
            Route::Embed,
        ];
        for document in &crate::data::corpus().documents {
            pages.push(Route::Document {
                id: document.meta.id.clone(),
                clause: None,
            });
            pages.extend(document.clauses.iter().map(|clause| Route::Document {
                id: document.meta.id.clone(),
                clause: Some(clause.id.clone()),
            }));
        }
        pages
    }

    /// The browser tab's title: the page, then the product in both scripts ("入学 Ruxue");
    /// the home page puts the product first. A clause's page leads with the clause's numbers.
    pub fn tab_title(&self, lang: Lang) -> String {
        let t = lang.texts();
        let product = format!("{} {}", t.product_name, lang.other().texts().product_name);
        let page = match self {
            Route::Document {
                id,
                clause: Some(clause),
            } => crate::data::corpus()
                .document(id)
                .and_then(|d| Some((d, d.clause(clause)?)))
                .map_or_else(
                    || self.title(t),
                    |(d, c)| format!("{} {}", c.path.concat(), d.meta.title),
                ),
            _ => self.title(t),
        };
        if *self == Route::Home {
            format!("{product} — {page}")
        } else {
            format!("{page} — {product}")
        }
    }

    /// The primary-navigation section this page belongs to.
    pub fn section(&self) -> Route {
        match self {
            Route::Document { .. } | Route::Targets => Route::Policies,
            Route::GuideCheck => Route::Guide,
            other => other.clone(),
        }
    }

    /// The page's name in the navigation and in the browser tab.
    pub fn title(&self, t: &Texts) -> String {
        match self {
            Route::Home => t.home_title.into(),
            Route::Policies => t.nav_policies.into(),
            Route::Document { id, .. } => crate::data::corpus().document(id).map_or_else(
                || t.document_not_found_title.to_string(),
                |d| d.meta.title.clone(),
            ),
            Route::Search => t.search_title.into(),
            Route::Guide => t.nav_guide.into(),
            Route::GuideCheck => t.check_title.into(),
            Route::Clusters => t.nav_clusters.into(),
            Route::Lookup => t.nav_lookup.into(),
            Route::Sources => t.sources_title.into(),
            Route::Targets => t.targets_title.into(),
            Route::Embed => t.embed_page_title.into(),
            Route::NotFound => t.not_found_title.into(),
        }
    }
}
