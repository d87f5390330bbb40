//! The portal's pages rendered to HTML natively (feature `ssr`), from the same components the
//! app renders in the browser: one source for the markup. The prerendered files are built
//! from this (`src/bin/prerender.rs`).

use leptos::prelude::*;

use crate::app::Portal;
use crate::i18n::Lang;
use crate::location::HashLocation;
use crate::routes::Route;

/// The `<body>` markup of the page at `path` (`/policies/mh-2023-6/4-9-16`), in `lang`, as the
/// app shows it before anything is typed. Page state in a query is left to the app.
pub fn render_page(path: &str, lang: Lang) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RwSignal::new(lang));
        let (location, _) = signal(HashLocation::parse(&format!("#{path}")));
        provide_context(location);
        let route = Memo::new(move |_| Route::from_path(&location.read().path));
        view! { <Portal route /> }.to_html()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::corpus;

    #[test]
    fn every_page_renders_natively_with_its_content() {
        let corpus = corpus();
        let document = &corpus.documents[0];
        let clause = document
            .clauses
            .iter()
            .find(|c| c.text.chars().count() > 20)
            .expect("a clause with text");
        let path = format!("/policies/{}/{}", document.meta.id, clause.id);
        let html = render_page(&path, Lang::Zh);
        assert!(html.contains(&document.meta.title), "{path}: title");
        let opening: String = clause.text.chars().take(20).collect();
        assert!(html.contains(&opening), "{path}: clause text");
        for page in [
            "/",
            "/policies",
            "/guide",
            "/guide/check",
            "/clusters",
            "/lookup",
        ] {
            let html = render_page(page, Lang::Zh);
            assert!(html.contains("<main"), "{page}");
        }
        for page in ["/search", "/embed", "/sources", "/no-such-page"] {
            assert!(render_page(page, Lang::En).contains("<main"), "{page}");
        }
    }
}
