//! Each page's code as its own part of the wasm, fetched the first time the page opens.
//!
//! Every page of the portal used to be in the one wasm a parent downloads first (213 KB
//! brotli); most parents open two or three pages. The release build (`scripts/build.sh`,
//! `--cfg ruxue_split`) marks each page below as a split point, and `scripts/split-wasm.mjs`
//! cuts the wasm there with `wasm-split-cli` (the tool behind Leptos' `#[lazy]`): the main
//! part holds the shell, the data, the home page and what every page shares; each page's
//! own code is a file of its own. The app fetches the page's part before it takes over a
//! page (`crate::start`), so that page renders at once, and a page it moves to afterwards
//! shows a loading line until its part is in (`components::with_page_code`).
//!
//! Without the cfg (the prerender, the component tests) every page is compiled in and shown
//! at once (`crate::app::page`). The home and not-found pages are always in the main part:
//! most visits start at home.

#[cfg(ruxue_split)]
use leptos::prelude::*;

use crate::routes::Route;

/// Why a page's code could not be fetched (the network, nearly always).
pub type PageCodeError = leptos::wasm_split::SplitLoaderError;

/// The `name` of the `<meta>`s a page adds for the files of its part of the wasm, one each:
/// the start-up script preloads them beside the main part (Trunk.toml).
pub const PART_META: &str = "rx-part";

/// The name of `route`'s split point (a `wasm_split` module below), under which
/// `scripts/split-wasm.mjs` lists the files its part needs, for the prerendered page to name
/// them (`src/bin/prerender.rs`). `None` for the pages in the main part.
pub fn part_name(route: &Route) -> Option<&'static str> {
    Some(match route {
        Route::Home | Route::NotFound => return None,
        Route::Policies => "ruxue_policies",
        Route::Document { .. } => "ruxue_document",
        Route::Search => "ruxue_search",
        Route::Guide => "ruxue_guide",
        Route::GuideCheck => "ruxue_guide_check",
        Route::Clusters => "ruxue_clusters",
        Route::Lookup => "ruxue_lookup",
        Route::Sources => "ruxue_sources",
        Route::Embed => "ruxue_embed",
    })
}

#[cfg(ruxue_split)]
mod parts {
    //! One split point per page. Each body names only its own page, so that the page's
    //! components land in its part and not in a part every page shares. The module names
    //! are [`super::part_name`]'s.

    use leptos::prelude::*;
    use leptos::wasm_split::wasm_split;

    use super::PageCodeError;
    use crate::routes::clusters::ClustersPage;
    use crate::routes::document::DocumentPage;
    use crate::routes::embed::EmbedPage;
    use crate::routes::guide::GuidePage;
    use crate::routes::guide_check::GuideCheckPage;
    use crate::routes::lookup::LookupPage;
    use crate::routes::policies::PoliciesPage;
    use crate::routes::search::SearchPage;
    use crate::routes::sources::SourcesPage;

    macro_rules! part {
        ($name:ident, $preload:ident, $module:ident, $page:ident) => {
            #[wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible, preload($preload))]
            pub fn $name() -> Result<AnyView, PageCodeError> {
                Ok(view! { <$page /> }.into_any())
            }
        };
    }

    part!(policies, preload_policies, ruxue_policies, PoliciesPage);
    part!(search, preload_search, ruxue_search, SearchPage);
    part!(guide, preload_guide, ruxue_guide, GuidePage);
    part!(
        guide_check,
        preload_guide_check,
        ruxue_guide_check,
        GuideCheckPage
    );
    part!(clusters, preload_clusters, ruxue_clusters, ClustersPage);
    part!(lookup, preload_lookup, ruxue_lookup, LookupPage);
    part!(sources, preload_sources, ruxue_sources, SourcesPage);
    part!(embed, preload_embed, ruxue_embed, EmbedPage);

    #[wasm_split(ruxue_document, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_document))]
    pub fn document(id: String, clause: Option<String>) -> Result<AnyView, PageCodeError> {
        Ok(view! { <DocumentPage id clause /> }.into_any())
    }
}

/// The page for `route`, once its code is in.
#[cfg(ruxue_split)]
pub async fn load(route: Route) -> Result<AnyView, PageCodeError> {
    match route {
        Route::Home | Route::NotFound => Ok(crate::app::page(route)),
        Route::Policies => parts::policies().await,
        Route::Document { id, clause } => parts::document(id, clause).await,
        Route::Search => parts::search().await,
        Route::Guide => parts::guide().await,
        Route::GuideCheck => parts::guide_check().await,
        Route::Clusters => parts::clusters().await,
        Route::Lookup => parts::lookup().await,
        Route::Sources => parts::sources().await,
        Route::Embed => parts::embed().await,
    }
}

/// Fetches `route`'s code without rendering it, so the app can start on that page.
#[cfg(ruxue_split)]
pub async fn preload(route: &Route) -> Result<(), PageCodeError> {
    match route {
        Route::Home | Route::NotFound => Ok(()),
        Route::Policies => parts::preload_policies().await,
        Route::Document { .. } => parts::preload_document().await,
        Route::Search => parts::preload_search().await,
        Route::Guide => parts::preload_guide().await,
        Route::GuideCheck => parts::preload_guide_check().await,
        Route::Clusters => parts::preload_clusters().await,
        Route::Lookup => parts::preload_lookup().await,
        Route::Sources => parts::preload_sources().await,
        Route::Embed => parts::preload_embed().await,
    }
}

/// Every page's code is in this build: nothing to fetch.
#[cfg(not(ruxue_split))]
pub async fn preload(_route: &Route) -> Result<(), PageCodeError> {
    Ok(())
}
