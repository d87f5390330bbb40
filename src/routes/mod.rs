//! The portal's pages and the fragment paths that reach them.
//!
//! | path         | page                          |
//! |--------------|-------------------------------|
//! | `/`          | [`home::HomePage`]            |
//! | `/policies`  | [`policies::PoliciesPage`]    |
//! | `/guide`     | [`guide::GuidePage`]          |
//! | `/clusters`  | [`clusters::ClustersPage`]    |
//! | `/lookup`    | [`lookup::LookupPage`]        |
//! | anything else| [`not_found::NotFoundPage`]   |

pub mod clusters;
pub mod guide;
pub mod home;
pub mod lookup;
pub mod not_found;
pub mod policies;

use crate::i18n::Texts;

/// A page of the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Home,
    Policies,
    Guide,
    Clusters,
    Lookup,
    NotFound,
}

impl Route {
    /// The pages in the primary navigation, in order.
    pub const PRIMARY: [Route; 4] = [
        Route::Policies,
        Route::Guide,
        Route::Clusters,
        Route::Lookup,
    ];

    /// The page for a fragment path. A trailing slash is tolerated because people type one.
    pub fn from_path(path: &str) -> Route {
        match path.trim_end_matches('/') {
            "" => Route::Home,
            "/policies" => Route::Policies,
            "/guide" => Route::Guide,
            "/clusters" => Route::Clusters,
            "/lookup" => Route::Lookup,
            _ => Route::NotFound,
        }
    }

    /// The fragment path of this page (`NotFound` has none and links home).
    pub fn path(self) -> &'static str {
        match self {
            Route::Home | Route::NotFound => "/",
            Route::Policies => "/policies",
            Route::Guide => "/guide",
            Route::Clusters => "/clusters",
            Route::Lookup => "/lookup",
        }
    }

    /// The `href` of a link to this page; relative, so it works under any sub-path.
    pub fn href(self) -> String {
        format!("#{}", self.path())
    }

    /// The page's name in the navigation and in the browser tab.
    pub fn title(self, t: &Texts) -> &'static str {
        match self {
            Route::Home => t.home_title,
            Route::Policies => t.nav_policies,
            Route::Guide => t.nav_guide,
            Route::Clusters => t.nav_clusters,
            Route::Lookup => t.nav_lookup,
            Route::NotFound => t.not_found_title,
        }
    }
}
