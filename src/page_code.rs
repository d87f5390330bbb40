//! Each page's code as its own part of the wasm, fetched the first time the page opens.
//!
//! Every page of the portal used to be in the one wasm a parent downloads first (213 KB
//! brotli); most parents open two or three pages. The release build (`scripts/build.sh`,
//! `--cfg ruxue_split`) marks each page below as a split point, and `scripts/split-wasm.mjs`
//! cuts the wasm there with `wasm-split-cli` (the tool behind Leptos' `#[lazy]`): the main
//! part holds the shell, the data, the home page and what every page shares; each page's
//! own code is a file of its own. The app fetches the page's part before it takes over a
//! page (`crate::start`), so that page renders at once, and a page it moves to afterwards
//! shows a loading line until its part is in (`components::with_code`). The search page's
//! results and the lookup's answers are parts of their own too, fetched with the first query
//! ([`search_results`], [`lookup_answers`]).
//!
//! Without the cfg (the prerender, the component tests) every page is compiled in and shown
//! at once (`crate::app::page`). The home and not-found pages are always in the main part:
//! most visits start at home.

use leptos::prelude::*;

use crate::routes::clusters::ClustersPage;
use crate::routes::document::DocumentPage;
use crate::routes::embed::EmbedPage;
use crate::routes::guide::GuidePage;
use crate::routes::guide_check::GuideCheckPage;
use crate::routes::lookup::LookupPage;
use crate::routes::policies::PoliciesPage;
use crate::routes::search::SearchPage;
use crate::routes::sources::SourcesPage;
use crate::routes::targets::TargetsPage;
use crate::routes::Route;

/// Why a page could not be opened: its code, or the data it reads beyond the manifest (the
/// places), could not be fetched. The network, nearly always.
#[derive(Debug)]
pub enum PageCodeError {
    Code(leptos::wasm_split::SplitLoaderError),
    Data(crate::data::LoadError),
}

impl std::fmt::Display for PageCodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageCodeError::Code(error) => error.fmt(f),
            PageCodeError::Data(error) => error.fmt(f),
        }
    }
}

impl From<leptos::wasm_split::SplitLoaderError> for PageCodeError {
    fn from(error: leptos::wasm_split::SplitLoaderError) -> Self {
        PageCodeError::Code(error)
    }
}

/// Fetches what `route` needs before it shows, once the manifest is in: its code (when this
/// build splits it) and the places or the targets if it reads them, side by side; for a search with a
/// query, what its results need too ([`preload_search_results`]), and for a lookup with a
/// query or a choice, what its answers need ([`preload_lookup_answers`]).
pub async fn prepare(route: &Route) -> Result<(), PageCodeError> {
    #[cfg(target_arch = "wasm32")]
    let data = async {
        let asked = |key| !crate::location::page_param(key).trim().is_empty();
        if route.needs_places() {
            crate::data::load_files(crate::data::Files::CLUSTERS)
                .await
                .map_err(PageCodeError::Data)
        } else if *route == Route::Targets && !keeps_prerendered(route) {
            preload_targets_view().await
        } else if *route == Route::Search && asked("q") {
            preload_search_results().await
        } else if *route == Route::Search {
            // The terms it suggests before a query are the vocabulary's.
            crate::data::load_files(crate::data::Files::SEARCH_PAGE)
                .await
                .map_err(PageCodeError::Data)
        } else if *route == Route::Lookup && (asked("q") || asked("pick")) {
            preload_lookup_answers().await
        } else if *route == Route::GuideCheck && asked("birth") {
            preload_check_result().await
        } else if matches!(route, Route::Document { .. }) && asked("q") {
            // Without them the clause shows unmarked: no reason to keep the page from opening.
            let _ = load_marking().await;
            Ok(())
        } else {
            Ok(())
        }
    };
    #[cfg(not(target_arch = "wasm32"))]
    let data = async { Ok(()) };
    let (code, data) = futures::future::join(preload(route), data).await;
    code?;
    data
}

/// The `name` of the `<meta>`s a page adds for the files of its part of the wasm, one each:
/// the start-up script preloads them beside the main part (Trunk.toml).
pub const PART_META: &str = "rx-part";

/// The `name` of the `<meta>` a page adds for its part's bundle: the same files in one, which
/// a first visit (no service worker yet) fetches instead (`scripts/split-wasm.mjs`).
pub const PART_BUNDLE_META: &str = "rx-part-bundle";

/// Writes, from one table of the pages that have a part of their own, [`part_name`],
/// [`page`], and with the split [`load`] and [`preload`], so that a page added to [`Route`]
/// is a compile error until it is listed here, and a page's split point, its name and its
/// view cannot disagree.
///
/// Each row: the split point's name (a `wasm_split` module, which `scripts/split-wasm.mjs`
/// lists the part's files under), the names of its load and preload functions, the route
/// with its fields, and the page component, which takes the fields as its props; `after`
/// names a function the part runs before the page renders (installing the data files
/// [`prepare`] fetched, with the code that decodes them in this part). Each split
/// point's body names only its own page, so that the page's components land in its part and
/// not in a part every page shares.
macro_rules! pages_in_parts {
    ($(
        $module:ident($load:ident, $preload:ident):
        $variant:ident $({ $($field:ident: $ty:ty),* })? => $page:ident $(after $install:path)?;
    )*) => {
        /// The name of `route`'s split point, under which `scripts/split-wasm.mjs` lists the
        /// files its part needs, for the prerendered page to name them
        /// (`src/bin/prerender.rs`). `None` for the pages in the main part.
        pub fn part_name(route: &Route) -> Option<&'static str> {
            match route {
                Route::Home | Route::NotFound => None,
                $(Route::$variant $({ $($field: _),* })? => Some(stringify!($module)),)*
            }
        }

        /// The page for `route`, which waits for its code when this build splits it
        /// (`crate::app::page` shows home and not-found itself).
        pub fn page(route: Route) -> AnyView {
            #[cfg(ruxue_split)]
            {
                use crate::components::with_code::{CodeFor, LoadView, WithCode};
                let load: LoadView = std::sync::Arc::new(move || Box::pin(load(route.clone())));
                view! { <WithCode load of=CodeFor::Page /> }.into_any()
            }
            #[cfg(not(ruxue_split))]
            match route {
                Route::Home | Route::NotFound => crate::app::page(route),
                $(Route::$variant $({ $($field),* })? => view! { <$page $($($field)*)? /> }.into_any(),)*
            }
        }

        #[cfg(ruxue_split)]
        mod parts {
            use leptos::prelude::*;
            use leptos::wasm_split::wasm_split;

            use super::*;

            $(
                #[wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible, preload($preload))]
                pub fn $load($($($field: $ty),*)?) -> Result<AnyView, PageCodeError> {
                    $($install().map_err(PageCodeError::Data)?;)?
                    Ok(view! { <$page $($($field)*)? /> }.into_any())
                }
            )*
        }

        /// The page for `route`, once what it needs is in ([`prepare`]).
        #[cfg(ruxue_split)]
        pub async fn load(route: Route) -> Result<AnyView, PageCodeError> {
            prepare(&route).await?;
            match route {
                Route::Home | Route::NotFound => Ok(crate::app::page(route)),
                $(Route::$variant $({ $($field),* })? => parts::$load($($($field),*)?).await,)*
            }
        }

        /// Fetches `route`'s code without rendering it, so the app can start on that page.
        #[cfg(ruxue_split)]
        pub async fn preload(route: &Route) -> Result<(), PageCodeError> {
            match route {
                Route::Home | Route::NotFound => Ok(()),
                $(Route::$variant $({ $($field: _),* })? => Ok(parts::$preload().await?),)*
            }
        }
    };
}

pages_in_parts! {
    ruxue_policies(policies, preload_policies): Policies => PoliciesPage;
    ruxue_document(document, preload_document):
        Document { id: String, clause: Option<String> } => DocumentPage;
    ruxue_search(search, preload_search): Search => SearchPage after crate::data::install_fetched;
    ruxue_guide(guide, preload_guide): Guide => GuidePage;
    ruxue_guide_check(guide_check, preload_guide_check): GuideCheck => GuideCheckPage;
    ruxue_clusters(clusters, preload_clusters):
        Clusters => ClustersPage after crate::data::install_fetched;
    ruxue_lookup(lookup, preload_lookup): Lookup => LookupPage;
    ruxue_sources(sources, preload_sources): Sources => SourcesPage;
    ruxue_targets(targets, preload_targets):
        Targets => TargetsPage;
    ruxue_embed(embed, preload_embed): Embed => EmbedPage;
}

/// Every page's code is in this build: nothing to fetch.
#[cfg(not(ruxue_split))]
pub async fn preload(_route: &Route) -> Result<(), PageCodeError> {
    Ok(())
}

/// The search results for the page's query (`crate::routes::search`): their code (the
/// engine, the results, the places they answer with) is a part of its own, and they read the
/// places, so a parent who opens the search page first fetches neither until a query.
#[cfg(ruxue_split)]
pub fn search_results(state: Signal<crate::search_state::SearchState>) -> AnyView {
    use crate::components::with_code::{CodeFor, LoadView, WithCode};

    let load: LoadView = std::sync::Arc::new(move || {
        Box::pin(async move {
            preload_search_results().await?;
            results::results_part(state).await
        })
    });
    view! { <WithCode load of=CodeFor::SearchResults /> }.into_any()
}

#[cfg(ruxue_split)]
mod results {
    use leptos::prelude::*;

    use super::PageCodeError;

    #[leptos::wasm_split::wasm_split(
        ruxue_search_results,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_search_results_part)
    )]
    pub fn results_part(
        state: Signal<crate::search_state::SearchState>,
    ) -> Result<AnyView, PageCodeError> {
        use crate::components::search_results_region::SearchResultsRegion;
        crate::data::install_fetched().map_err(PageCodeError::Data)?;
        Ok(view! { <SearchResultsRegion state /> }.into_any())
    }
}

/// Every page's code is in this build: the results show at once.
#[cfg(not(ruxue_split))]
pub fn search_results(state: Signal<crate::search_state::SearchState>) -> AnyView {
    use crate::components::search_results_region::SearchResultsRegion;
    view! { <SearchResultsRegion state /> }.into_any()
}

/// Fetches what the search results need, their code, the places and the headings' readings,
/// without showing them: when the app starts on a search with a query, beside the page's
/// own code.
pub async fn preload_search_results() -> Result<(), PageCodeError> {
    #[cfg(ruxue_split)]
    let code = async { Ok::<(), PageCodeError>(results::preload_search_results_part().await?) };
    #[cfg(not(ruxue_split))]
    let code = async { Ok::<(), PageCodeError>(()) };
    with_files(code, crate::data::Files::SEARCH).await
}

/// Runs `code` (fetching a region's part) beside fetching the data `files` the region reads.
async fn with_files(
    code: impl std::future::Future<Output = Result<(), PageCodeError>>,
    files: crate::data::Files,
) -> Result<(), PageCodeError> {
    #[cfg(target_arch = "wasm32")]
    let data = crate::data::load_files(files);
    #[cfg(not(target_arch = "wasm32"))]
    let data = async move {
        let _ = files;
        Ok(())
    };
    let (code, data) = futures::future::join(code, data).await;
    code?;
    data.map_err(PageCodeError::Data)
}

/// The lookup's answers for the box's `query` and its suggestions
/// (`crate::components::lookup_answers`): their code is a part of its own, and they read the
/// places, so a parent who opens the lookup fetches neither until the first text or choice.
#[cfg(ruxue_split)]
pub fn lookup_answers(
    query: Memo<String>,
    options: Memo<ruxue_core::lookup::LookupResult>,
) -> AnyView {
    use crate::components::with_code::{CodeFor, LoadView, WithCode};

    let load: LoadView = std::sync::Arc::new(move || {
        Box::pin(async move {
            preload_lookup_answers().await?;
            answers::answers_part(query, options).await
        })
    });
    view! { <WithCode load of=CodeFor::LookupAnswers /> }.into_any()
}

#[cfg(ruxue_split)]
mod answers {
    use leptos::prelude::*;

    use super::PageCodeError;

    #[leptos::wasm_split::wasm_split(
        ruxue_lookup_answers,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_lookup_answers_part)
    )]
    pub fn answers_part(
        query: Memo<String>,
        options: Memo<ruxue_core::lookup::LookupResult>,
    ) -> Result<AnyView, PageCodeError> {
        use crate::components::lookup_answers::LookupAnswers;
        crate::data::install_fetched().map_err(PageCodeError::Data)?;
        // The matching comes with this part, not with the page's: the page reaches it
        // through this pointer, so its code stays here (`super::lookup_suggestions`).
        if super::MATCHING.set(ruxue_core::lookup::lookup).is_ok() {
            super::matching_arrival().notify();
        }
        Ok(view! { <LookupAnswers query options /> }.into_any())
    }
}

/// The lookup's matching (`ruxue_core::lookup::lookup`), once its answers' part is in.
#[cfg(ruxue_split)]
static MATCHING: std::sync::OnceLock<
    fn(&ruxue_core::model::Directory, &str, usize) -> ruxue_core::lookup::LookupResult,
> = std::sync::OnceLock::new();

/// Notified once, when [`MATCHING`] is set.
#[cfg(ruxue_split)]
fn matching_arrival() -> &'static ArcTrigger {
    static ARRIVAL: std::sync::OnceLock<ArcTrigger> = std::sync::OnceLock::new();
    ARRIVAL.get_or_init(ArcTrigger::new)
}

/// The lookup box's suggestions for `query`, at most `count`: none until the answers' code,
/// which holds the matching, and the places are in ([`lookup_answers`]). In a reactive scope,
/// which runs again when they arrive. The matching is most of the lookup's code (7.5 KB
/// brotli): the page's own part would fetch it before the first keystroke.
pub fn lookup_suggestions(query: &str, count: usize) -> ruxue_core::lookup::LookupResult {
    crate::data::track_places();
    let directory = &crate::data::corpus().directory;
    #[cfg(ruxue_split)]
    {
        matching_arrival().track();
        MATCHING
            .get()
            .map(|lookup| lookup(directory, query, count))
            .unwrap_or_default()
    }
    #[cfg(not(ruxue_split))]
    ruxue_core::lookup::lookup(directory, query, count)
}

/// Every page's code is in this build: the answers show at once.
#[cfg(not(ruxue_split))]
pub fn lookup_answers(
    query: Memo<String>,
    options: Memo<ruxue_core::lookup::LookupResult>,
) -> AnyView {
    use crate::components::lookup_answers::LookupAnswers;
    view! { <LookupAnswers query options /> }.into_any()
}

/// Fetches what the lookup's answers need, their code and the places, without showing them:
/// when the app starts on a lookup with a query or a choice, beside the page's own code.
pub async fn preload_lookup_answers() -> Result<(), PageCodeError> {
    #[cfg(ruxue_split)]
    let code = async { Ok::<(), PageCodeError>(answers::preload_lookup_answers_part().await?) };
    #[cfg(not(ruxue_split))]
    let code = async { Ok::<(), PageCodeError>(()) };
    with_files(code, crate::data::Files::LOOKUP).await
}

/// The words a search for `query` marks in the clause a result links to
/// (`ruxue_core::search::highlight_terms`): none for an empty query, or while the code that
/// reads a query is not in. That code (the query's reading: vocabulary, pinyin, places) is
/// most of the reader's own, and only a page opened from a search needs it, so it is a part of
/// its own, which [`prepare`] fetches for a document opened with `?q=` ([`load_marking`]).
pub fn search_marks(query: &str) -> Vec<String> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    let corpus = crate::data::corpus();
    #[cfg(ruxue_split)]
    {
        MARKING
            .get()
            .map(|mark| mark(corpus, query))
            .unwrap_or_default()
    }
    #[cfg(not(ruxue_split))]
    ruxue_core::search::highlight_terms(corpus, query)
}

/// What reads a query for the words to mark: `ruxue_core::search::highlight_terms`.
#[cfg(ruxue_split)]
type Marking = fn(&ruxue_core::Corpus, &str) -> Vec<String>;

/// [`Marking`], once its part is in ([`load_marking`]).
#[cfg(ruxue_split)]
static MARKING: std::sync::OnceLock<Marking> = std::sync::OnceLock::new();

#[cfg(ruxue_split)]
mod marking {
    use super::PageCodeError;

    #[leptos::wasm_split::wasm_split(
        ruxue_marks,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_marking_part)
    )]
    pub fn marking_part() -> Result<super::Marking, PageCodeError> {
        crate::data::install_fetched().map_err(PageCodeError::Data)?;
        Ok(ruxue_core::search::highlight_terms)
    }
}

/// Fetches the code [`search_marks`] reads a query with, unless it is in, and the headings'
/// readings, which it reads a query in pinyin with.
pub async fn load_marking() -> Result<(), PageCodeError> {
    #[cfg(ruxue_split)]
    if MARKING.get().is_some() {
        return Ok(());
    }
    #[cfg(ruxue_split)]
    let code = async { Ok::<(), PageCodeError>(marking::preload_marking_part().await?) };
    #[cfg(not(ruxue_split))]
    let code = async { Ok::<(), PageCodeError>(()) };
    with_files(code, crate::data::Files::MARKS).await?;
    #[cfg(ruxue_split)]
    {
        let mark = marking::marking_part().await?;
        let _ = MARKING.set(mark);
    }
    Ok(())
}

/// The check's result for the entry `years` of a birth date (`crate::routes::guide_check`):
/// its code (the result, its statements, key dates, checklist and sources) is most of the
/// check's, and the form is what a parent sees first, so it is a part of its own, fetched with
/// the first answer, or beside the page's part when the page opens with one.
#[cfg(ruxue_split)]
pub fn check_result(
    years: ruxue_core::rules::EntryYears,
    district: String,
    household: String,
) -> AnyView {
    use crate::components::with_code::{CodeFor, LoadView, WithCode};

    let load: LoadView = std::sync::Arc::new(move || {
        let (years, district, household) = (years.clone(), district.clone(), household.clone());
        Box::pin(async move { check::result_part(years, district, household).await })
    });
    view! { <WithCode load of=CodeFor::CheckResult /> }.into_any()
}

#[cfg(ruxue_split)]
mod check {
    use leptos::prelude::*;

    use super::PageCodeError;

    #[leptos::wasm_split::wasm_split(
        ruxue_check_result,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_check_result_part)
    )]
    pub fn result_part(
        years: ruxue_core::rules::EntryYears,
        district: String,
        household: String,
    ) -> Result<AnyView, PageCodeError> {
        use crate::components::check_result::CheckResult;
        Ok(view! { <CheckResult years district household /> }.into_any())
    }
}

/// Every page's code is in this build: the result shows at once.
#[cfg(not(ruxue_split))]
pub fn check_result(
    years: ruxue_core::rules::EntryYears,
    district: String,
    household: String,
) -> AnyView {
    use crate::components::check_result::CheckResult;
    view! { <CheckResult years district household /> }.into_any()
}

/// The targets page's content (`crate::components::targets_view`): its code and the targets'
/// file, fetched together, unless the app keeps the prerendered content
/// (`crate::routes::targets`).
#[cfg(ruxue_split)]
pub fn targets_view() -> AnyView {
    use crate::components::with_code::{CodeFor, LoadView, WithCode};

    let load: LoadView = std::sync::Arc::new(move || {
        Box::pin(async move {
            preload_targets_view().await?;
            targets::view_part().await
        })
    });
    view! { <WithCode load of=CodeFor::Page /> }.into_any()
}

#[cfg(ruxue_split)]
mod targets {
    use leptos::prelude::*;

    use super::PageCodeError;

    #[leptos::wasm_split::wasm_split(
        ruxue_targets_view,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_targets_view_part)
    )]
    pub fn view_part() -> Result<AnyView, PageCodeError> {
        use crate::components::targets_view::TargetsView;
        crate::data::install_fetched_targets().map_err(PageCodeError::Data)?;
        Ok(view! { <TargetsView /> }.into_any())
    }
}

/// Every page's code is in this build: the content shows at once.
#[cfg(not(ruxue_split))]
pub fn targets_view() -> AnyView {
    use crate::components::targets_view::TargetsView;
    view! { <TargetsView /> }.into_any()
}

/// Fetches the targets page's content's code and the targets' file, without showing them.
pub async fn preload_targets_view() -> Result<(), PageCodeError> {
    #[cfg(ruxue_split)]
    let code = async { Ok::<(), PageCodeError>(targets::preload_targets_view_part().await?) };
    #[cfg(not(ruxue_split))]
    let code = async { Ok::<(), PageCodeError>(()) };
    with_files(code, crate::data::Files::TARGETS).await
}

/// Whether the app keeps `route`'s prerendered content as it is (`crate::takeover`): then it
/// needs no more than the page's own code. Asked before the app takes the page over (the
/// prerendered page is there) and again as it renders the page (the content is kept).
#[cfg(target_arch = "wasm32")]
fn keeps_prerendered(route: &Route) -> bool {
    *route == Route::Targets && crate::takeover::has_document_body(crate::takeover::KEPT_TARGETS)
        || leptos::prelude::document()
            .get_element_by_id(crate::PRERENDERED_ID)
            .is_some_and(|page| {
                crate::takeover::keeps_document_body(&page, route, crate::app::stored_lang())
                    .is_some()
            })
}

/// Fetches the check's result's code without showing it: when the app starts on the check
/// with an answer, beside the page's own code.
pub async fn preload_check_result() -> Result<(), PageCodeError> {
    #[cfg(ruxue_split)]
    check::preload_check_result_part().await?;
    Ok(())
}
