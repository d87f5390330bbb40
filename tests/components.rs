//! Component tests: the app and its parts mounted in a real DOM, in headless Chromium
//! (`wasm-bindgen-test-runner` driving `/usr/bin/chromedriver`; see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use ruxue_web::app::{App, LANG_STORAGE_KEY};
use ruxue_web::i18n::Lang;
use ruxue_web::location::{percent_decode, HashLocation};
use ruxue_web::routes::Route;

wasm_bindgen_test_configure!(run_in_browser);

/// The bundle `build.rs` compiled: what the prerender splits into the app's data files.
const BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The data files the build writes: the manifest, and each document's texts.
fn data_files() -> ruxue_core::bundle::DataFiles {
    ruxue_core::bundle::split(&ruxue_core::bundle::decode(BUNDLE).expect("build.rs wrote it"))
}

/// Installs the data files as `data::load` and `data::load_texts` would.
fn install_data() {
    ruxue_web::data::install_files(&data_files()).expect("the build's own files");
}

/// A fresh element to mount into, so tests do not see each other's DOM; the data is in.
fn container() -> web_sys::HtmlElement {
    install_data();
    let element = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&element).unwrap();
    element.unchecked_into()
}

fn text_of(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn texts_of(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

/// Waits (up to 2 s) for the DOM to satisfy `condition`; events and effects run asynchronously.
async fn wait_until(mut condition: impl FnMut() -> bool) {
    for _ in 0..200 {
        if condition() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("condition not met within 2 s");
}

fn reset_browser_state(hash: &str) {
    // The app shows pages at real addresses below the page it started on: go back there.
    thread_local!(static START: String = window().location().href().unwrap().split('#').next().unwrap().to_string());
    let start = START.with(String::clone);
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&start))
        .unwrap();
    window().location().set_hash(hash).unwrap();
    if let Ok(Some(storage)) = window().local_storage() {
        storage.clear().unwrap();
    }
}

#[wasm_bindgen_test]
fn every_route_has_a_path_that_leads_back_to_it() {
    let document = Route::Document {
        id: "mh-2023-6".into(),
        clause: None,
    };
    let clause = Route::Document {
        id: "mh-2023-6".into(),
        clause: Some("4-9-16".into()),
    };
    for route in [
        Route::Home,
        Route::Policies,
        document,
        clause,
        Route::Guide,
        Route::Clusters,
        Route::Lookup,
        Route::Sources,
    ] {
        assert_eq!(Route::from_path(&route.path()), route);
        let href = route.href();
        assert!(
            !href.starts_with(['#', '/']) && (href.ends_with('/') || href == "./"),
            "links are page folders relative to the portal's root: {href}"
        );
    }
    assert_eq!(Route::from_path("/guide/"), Route::Guide);
    assert_eq!(Route::from_path(""), Route::Home);
    assert_eq!(Route::from_path("/guide/extra"), Route::NotFound);
    assert_eq!(Route::from_path("/<script>"), Route::NotFound);
    assert_eq!(Route::from_path("/policies/a/b/c"), Route::NotFound);
    assert_eq!(Route::from_path("/policies//x"), Route::NotFound);
    assert_eq!(Route::from_path("/policies/a/b/c"), Route::NotFound);
    assert_eq!(Route::from_path("/policies//x"), Route::NotFound);
}

/// Only embed.html may be framed by other sites: it is always the widget, and an old
/// snippet's index.html?embed=1… is sent to it with the same query (issue 12).
#[wasm_bindgen_test]
fn the_widget_entry_is_always_the_widget_and_old_snippets_move_to_it() {
    use ruxue_web::embed::{entry_redirect, widget_query, Entry};
    assert_eq!(Entry::of_path("/enrol/embed.html"), Entry::Widget);
    assert_eq!(Entry::of_path("/enrol/"), Entry::Portal);
    assert_eq!(Entry::of_path("/enrol/index.html"), Entry::Portal);
    assert_eq!(
        entry_redirect(Entry::Portal, "/enrol/index.html", "?embed=1&view=lookup"),
        Some("/enrol/embed.html?embed=1&view=lookup".to_string())
    );
    assert_eq!(
        entry_redirect(Entry::Portal, "/enrol/", "?embed=1"),
        Some("/enrol/embed.html?embed=1".to_string())
    );
    assert_eq!(
        entry_redirect(Entry::Portal, "/enrol/", "?view=lookup"),
        None
    );
    assert_eq!(
        entry_redirect(Entry::Widget, "/enrol/embed.html", "?embed=1"),
        None
    );
    assert_eq!(widget_query(""), "?embed=1");
    assert_eq!(widget_query("?view=lookup"), "?embed=1&view=lookup");
    assert_eq!(widget_query("?embed=0"), "?embed=1&embed=0");
    assert_eq!(widget_query("?embed=1&lang=en"), "?embed=1&lang=en");
}

#[wasm_bindgen_test]
fn fragments_parse_without_ever_failing() {
    let location =
        HashLocation::parse("#/policies?doc=mh-2023-6&q=%E5%85%A5%E5%AD%A6+%E5%B0%8F%E5%AD%A6&q=2");
    assert_eq!(location.path, "/policies");
    assert_eq!(location.param("doc"), Some("mh-2023-6"));
    assert_eq!(location.param("q"), Some("入学 小学"), "first value wins");
    assert_eq!(location.param("missing"), None);

    assert_eq!(HashLocation::parse("").path, "/");
    assert_eq!(
        HashLocation::parse("#main").path,
        "/",
        "in-page anchors are not routes"
    );
    assert_eq!(HashLocation::parse("#<script>").path, "/");
    assert_eq!(HashLocation::parse("#/%E5%85%A5").path, "/入");
    // A lone surrogate, truncated escapes and stray percents decode to replacement characters.
    assert_eq!(percent_decode("%ED%A0%80"), "\u{FFFD}\u{FFFD}\u{FFFD}");
    assert_eq!(percent_decode("100%"), "100%");
    assert_eq!(percent_decode("%E5%8"), "\u{FFFD}%8");
    assert_eq!(percent_decode("%zz"), "%zz");
}

#[wasm_bindgen_test]
fn language_tags_are_read_leniently_and_written_canonically() {
    assert_eq!(Lang::from_tag("EN"), Some(Lang::En));
    assert_eq!(Lang::from_tag(" zh-CN "), Some(Lang::Zh));
    assert_eq!(Lang::from_tag("fr"), None);
    assert_eq!(Lang::Zh.tag(), "zh-CN");
    assert_eq!(Lang::En.other(), Lang::Zh);
}

#[wasm_bindgen_test]
async fn the_shell_shows_header_navigation_and_footer() {
    reset_browser_state("#/");
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), || view! { <App /> });
    wait_until(|| root.query_selector("main h1").unwrap().is_some()).await;

    assert_eq!(text_of(&root, ".rx-header__name"), "入学");
    assert_eq!(
        texts_of(&root, "nav.rx-nav a"),
        ["政策文件", "入学指南", "学区与集团", "查询"]
    );
    assert_eq!(text_of(&root, ".rx-skip-link"), "跳到正文");
    assert!(text_of(&root, "footer").contains("以官方发布为准"));
    wait_until(|| {
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref()
            == Some("zh-CN")
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_language_switch_translates_the_chrome_and_remembers_the_choice() {
    reset_browser_state("#/");
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), || view! { <App /> });
    wait_until(|| {
        root.query_selector("button.rx-language-switch")
            .unwrap()
            .is_some()
    })
    .await;

    let button: web_sys::HtmlElement = root
        .query_selector("button.rx-language-switch")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("English"));
    button.click();
    wait_until(|| text_of(&root, ".rx-header__name") == "Ruxue").await;

    assert_eq!(
        texts_of(&root, "nav.rx-nav a"),
        [
            "Policies",
            "Enrolment guide",
            "School districts and groups",
            "Look up"
        ]
    );
    assert_eq!(button.text_content().as_deref(), Some("中文"));
    wait_until(|| {
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref()
            == Some("en")
    })
    .await;
    let stored = window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(LANG_STORAGE_KEY)
        .unwrap();
    assert_eq!(stored.as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn the_page_follows_the_fragment() {
    reset_browser_state("#/clusters");
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), || view! { <App /> });
    wait_until(|| root.query_selector("main h1").unwrap().is_some()).await;
    assert_eq!(text_of(&root, "main h1"), "学区与集团");
    assert_eq!(text_of(&root, "nav a[aria-current='page']"), "学区与集团");
    assert_eq!(
        texts_of(&root, ".rx-district__heading"),
        ["闵行区", "宝山区", "崇明区"]
    );

    window().location().set_hash("/lookup").unwrap();
    wait_until(|| text_of(&root, "main h1") == "查询").await;
    assert_eq!(texts_of(&root, "nav a[aria-current='page']"), ["查询"]);

    window().location().set_hash("/unknown?x=<b>").unwrap();
    wait_until(|| text_of(&root, "main h1") == "找不到该页面").await;
    assert!(
        root.query_selector("main b").unwrap().is_none(),
        "the path is never echoed as markup"
    );
    assert!(texts_of(&root, "nav a[aria-current='page']").is_empty());
}

#[wasm_bindgen_test]
async fn figures_are_emphasised_as_text_never_as_markup() {
    use ruxue_web::components::figure_text::FigureText;
    let root = container();
    let _view = leptos::mount::mount_to(
        root.clone(),
        || view! { <FigureText text="覆盖率<b>95%</b>以上，3-4个".to_string() /> },
    );
    wait_until(|| root.query_selector(".rx-figure").unwrap().is_some()).await;
    assert_eq!(texts_of(&root, ".rx-figure"), ["95%", "3-4"]);
    assert!(
        root.query_selector("b").unwrap().is_none(),
        "text is never parsed as HTML"
    );
    assert_eq!(root.text_content().unwrap(), "覆盖率<b>95%</b>以上，3-4个");
}

#[wasm_bindgen_test]
async fn the_data_files_decode_with_all_five_documents_and_other_formats_are_refused() {
    use ruxue_core::bundle::BundleError;
    let files = data_files();
    let mut other_version = files.manifest.1.clone();
    other_version[4] = other_version[4].wrapping_add(1);
    assert!(matches!(
        ruxue_web::data::install(&other_version),
        Err(BundleError::Version(_))
    ));
    assert_eq!(
        ruxue_web::data::install(b"<!DOCTYPE html>"),
        Err(BundleError::BadMagic)
    );
    // A document's texts are not a manifest.
    assert_eq!(
        ruxue_web::data::install(&files.documents[0].1),
        Err(BundleError::BadMagic)
    );
    install_data();
    assert!((0..5).all(|i| ruxue_web::data::document_at(i).is_some()));
    let ids: Vec<&str> = ruxue_web::data::corpus()
        .documents
        .iter()
        .map(|d| d.meta.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "bs-2023-43",
            "cm-yzjh-zqyjg",
            "mh-2023-6",
            "mh-2023-xqjt",
            "mh-2024-gzyd"
        ]
    );
}

#[wasm_bindgen_test]
async fn a_clause_link_opens_the_reader_with_that_clause_highlighted() {
    reset_browser_state("#/policies/mh-2023-6/4-9-16");
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), || view! { <App /> });
    wait_until(|| root.query_selector("#clause-4-9-16").unwrap().is_some()).await;
    let targets = root.query_selector_all(".rx-clause--target").unwrap();
    assert_eq!(targets.length(), 1);
    let target: web_sys::Element = targets.item(0).unwrap().unchecked_into();
    assert_eq!(target.id(), "clause-4-9-16");
    assert_eq!(
        text_of(&root, "nav a[aria-current='page']"),
        "政策文件",
        "the reader belongs to the policy section"
    );
    assert!(text_of(&target, ".rx-clause__actions").contains("复制引用"));
}
