//! A view whose code is fetched when it first shows (`crate::page_code`): a page, or the
//! search results or the lookup's answers, which come with the first query. Until the code is in, a loading line; if
//! it cannot be fetched, what happened, what to do, and a way to try again. Only in a build
//! that splits the code (`--cfg ruxue_split`).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;

use crate::components::texts_failed::{TextsFailed, Unfetched};
use crate::i18n::use_texts;
use crate::page_code::PageCodeError;

/// Fetches a view's code (and any data it reads), then builds the view.
pub type LoadView =
    Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<AnyView, PageCodeError>>>> + Send + Sync>;

/// What a [`WithCode`] shows, which names its loading line and its failure notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeFor {
    /// A whole page: a failure is the page's `h1`.
    Page,
    /// The search results below the search box: a failure is an `h2` there.
    SearchResults,
    /// The lookup's answers below its box: a failure is an `h2` there.
    LookupAnswers,
    /// The check's result below its form: a failure is an `h2` there.
    CheckResult,
}

/// Renders what `load` builds once it is in. When the app starts on a page its code is
/// already in (`crate::start` waits for it), so the app's first render matches the
/// prerendered page.
#[component]
pub fn WithCode(load: LoadView, of: CodeFor) -> impl IntoView {
    let t = use_texts();
    let (page, what) = match of {
        CodeFor::Page => (true, Unfetched::PageCode),
        CodeFor::SearchResults => (false, Unfetched::ResultsCode),
        CodeFor::LookupAnswers => (false, Unfetched::AnswersCode),
        CodeFor::CheckResult => (false, Unfetched::CheckCode),
    };
    let loading = move || match of {
        CodeFor::Page => t().page_loading,
        CodeFor::SearchResults => t().search_loading,
        CodeFor::LookupAnswers => t().lookup_loading,
        CodeFor::CheckResult => t().check_loading,
    };
    let attempt = RwSignal::new(0_u32);
    let waiting = RwSignal::new(true);
    let retry = Callback::new(move |()| {
        waiting.set(true);
        attempt.update(|n| *n += 1);
    });
    // Not a `<Suspense>`: it would keep the view out of the document until every task in it
    // is done, so a page's own effects (the reader focusing its clause) would run before the
    // page is there. A `Suspend` alone shows the view as soon as it is built; when the code
    // is already in, at once, with the loading line gone in the same tick.
    view! {
        {move || {
            waiting
                .get()
                .then(|| {
                    view! {
                        <p class="rx-texts-loading" role="status">
                            {loading}
                        </p>
                    }
                })
        }}
        {move || {
            attempt.track();
            let load = load.clone();
            Suspend::new(
                send_wrapper::SendWrapper::new(async move {
                    let view = match load().await {
                        Ok(view) => view,
                        Err(error) => {
                            let network = match &error {
                                PageCodeError::Code(_) => true,
                                PageCodeError::Data(error) => error.is_network(),
                            };
                            // The browser's fetches are not `Send`, which a `Suspend` asks for: the wasm has
                            // one thread, so the future never leaves it.
                            view! {
                                <TextsFailed
                                    reason=error.to_string()
                                    network
                                    page
                                    what
                                    on_retry=retry
                                />
                            }
                                .into_any()
                        }
                    };
                    waiting.set(false);
                    view
                }),
            )
        }}
    }
}
