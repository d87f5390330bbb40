//! Where the app is, and the links it writes.
//!
//! The portal's pages are real files (`guide/`, `policies/<doc>/<clause>/`, see
//! `crate::prerender`), each with `<base>` set to the portal's root. In the portal, a link is
//! the page's folder relative to that root, and the app follows links with the History API
//! instead of loading the file again; Back, Forward and reloads work because every address is
//! a file. The widget (`embed.html`) keeps its state in the fragment (`#/lookup?q=…`), as did
//! every older link of the portal, which still opens its page.
//!
//! The parsing is `ruxue_core::link` (pure, and property-tested natively) rather than
//! `gloo-history`: its `HashHistory` panics (`assert_absolute_path`) whenever the fragment does
//! not start with `/`, and a parent can open any link, such as `#<script>` or a plain anchor,
//! so parsing must never panic.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use ruxue_core::link::{app_path_of, folder_href};

pub use ruxue_core::link::{path_with_query, percent_decode, percent_encode, HashLocation};

/// How the running page writes links and keeps its location.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkMode {
    /// The portal: real paths below the root.
    Path,
    /// The widget: the fragment.
    Hash,
}

thread_local! {
    static MODE: Cell<LinkMode> = const { Cell::new(LinkMode::Path) };
    static SET_LOCATION: RefCell<Option<WriteSignal<HashLocation>>> = const { RefCell::new(None) };
    static ROOT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Chooses how links are written; the app sets it once, before rendering.
pub fn set_link_mode(mode: LinkMode) {
    MODE.with(|m| m.set(mode));
}

fn link_mode() -> LinkMode {
    MODE.with(Cell::get)
}

/// The `href` of a link to an app path (`/guide/check?birth=…`): its folder below the root
/// (`guide/check/?birth=…`) in the portal, the fragment (`#/guide/check?birth=…`) in the widget.
pub fn href(app_path: &str) -> String {
    match link_mode() {
        LinkMode::Path => folder_href(app_path),
        LinkMode::Hash => format!("#{app_path}"),
    }
}

/// The `href` of a link to `path` with query parameters (empty values left out).
pub fn href_with_query(path: &str, params: &[(&str, &str)]) -> String {
    href(&path_with_query(path, params))
}

/// The current location as a signal that follows the address bar (links, Back, typed URLs).
/// Provided once by the app; read it with [`use_location`].
pub fn provide_location() -> ReadSignal<HashLocation> {
    if link_mode() == LinkMode::Path {
        move_old_fragment_link();
    }
    let (location, set_location) = signal(current());
    SET_LOCATION.with(|s| *s.borrow_mut() = Some(set_location));
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| {
        if link_mode() == LinkMode::Path {
            move_old_fragment_link();
        }
        set_location.set(current());
    });
    // The listeners live as long as the page; the app never unmounts.
    on_cleanup(move || hashchange.remove());
    if link_mode() == LinkMode::Path {
        let popstate = window_event_listener(leptos::ev::popstate, move |_| {
            set_location.set(current());
        });
        let click = window_event_listener(leptos::ev::click, follow_link);
        on_cleanup(move || {
            popstate.remove();
            click.remove();
        });
    }
    provide_context(location);
    location
}

/// The location provided by the app.
pub fn use_location() -> ReadSignal<HashLocation> {
    expect_context::<ReadSignal<HashLocation>>()
}

/// Query parameter `key` of the current address, empty when absent: one piece of a page's
/// state, read from its URL so that the view can be shared as a link.
pub fn use_param(key: &'static str) -> Memo<String> {
    let location = use_location();
    Memo::new(move |_| location.read().param(key).unwrap_or_default().to_string())
}

/// The portal's root folder as an absolute address: the page's `<base>`, or the folder of the
/// page the app started on where there is none. Read once: without a `<base>`, the document's
/// base moves with every address the History API shows.
fn root() -> String {
    ROOT.with(|root| {
        root.borrow_mut()
            .get_or_insert_with(|| {
                let base = document().base_uri().ok().flatten().unwrap_or_default();
                let base = base.split(['?', '#']).next().unwrap_or_default();
                base[..base.rfind('/').map_or(0, |i| i + 1)].to_string()
            })
            .clone()
    })
}

/// The page's address without its fragment.
fn address_without_fragment() -> String {
    let here = window().location().href().unwrap_or_default();
    here.split('#').next().unwrap_or_default().to_string()
}

/// Whether [`show_address`] adds a history entry or replaces the current one.
#[derive(Clone, Copy)]
enum Entry {
    New,
    Replace,
}

/// Shows `href` (relative to the portal's root) in the address bar without loading it.
fn show_address(href: &str, entry: Entry) {
    let Ok(history) = window().history() else {
        return;
    };
    let target = format!("{}{href}", root());
    let _ = match entry {
        Entry::New => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target)),
        Entry::Replace => {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target))
        }
    };
}

/// The page's path as the portal reads it before the app starts (the prerendered page's).
pub fn page_path() -> String {
    current().path
}

/// Query parameter `key` of the page's address, read outside the app (before it starts, or
/// before a page it moves to renders); empty when absent.
pub fn page_param(key: &str) -> String {
    current().param(key).unwrap_or_default().to_string()
}

fn current() -> HashLocation {
    let location = window().location();
    if link_mode() == LinkMode::Hash {
        return HashLocation::parse(&location.hash().unwrap_or_default());
    }
    let here = address_without_fragment();
    let below_root = here.strip_prefix(&root()).unwrap_or("");
    let path = app_path_of(below_root);
    let search = location.search().unwrap_or_default();
    HashLocation::parse(&format!("#{path}{search}"))
}

/// An old link's fragment (`index.html#/guide?stage=…`) names a page: show that page's own
/// address instead, so that what the parent shares from here is the real one.
fn move_old_fragment_link() {
    let hash = window().location().hash().unwrap_or_default();
    if let Some(app_path) = hash.strip_prefix('#').filter(|p| p.starts_with('/')) {
        show_address(&folder_href(app_path), Entry::Replace);
    }
}

fn set_current() {
    let location = current();
    SET_LOCATION.with(|s| {
        if let Some(set) = *s.borrow() {
            set.set(location);
        }
    });
}

/// Shows `href` (a link the app wrote) in a new history entry, so Back undoes it.
pub fn navigate(href: &str) {
    match link_mode() {
        LinkMode::Hash => {
            let _ = window().location().set_hash(href.trim_start_matches('#'));
        }
        LinkMode::Path => {
            show_address(href, Entry::New);
            set_current();
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

/// Replaces the current address with `href` (no new history entry), for state that changes
/// as the parent types.
pub fn replace(href: &str) {
    match link_mode() {
        LinkMode::Hash => {
            // The fragment is set on this page's own address, not on a `<base>`.
            let here = address_without_fragment();
            let _ = window().location().replace(&format!("{here}{href}"));
        }
        LinkMode::Path => {
            show_address(href, Entry::Replace);
            set_current();
        }
    }
}

/// Follows a click on a link to a page of the portal without loading its file again. Links
/// elsewhere, to files (`embed.html`, `sitemap.xml`), with a target, or clicked with a
/// modifier key, are left to the browser.
fn follow_link(event: web_sys::MouseEvent) {
    use wasm_bindgen::JsCast;
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.ctrl_key()
        || event.shift_key()
        || event.alt_key()
    {
        return;
    }
    let Some(anchor) = crate::dom::clicked(&event, "a[href]") else {
        return;
    };
    if anchor.has_attribute("target") || anchor.has_attribute("download") {
        return;
    }
    let raw = anchor.get_attribute("href").unwrap_or_default();
    if let Some(id) = raw.strip_prefix('#') {
        // An anchor on this page: against `<base>` it would open the root instead.
        event.prevent_default();
        crate::dom::focus_id(id);
        return;
    }
    let Some(absolute) = anchor
        .dyn_ref::<web_sys::HtmlAnchorElement>()
        .map(web_sys::HtmlAnchorElement::href)
    else {
        return;
    };
    let Some(below_root) = absolute.strip_prefix(&root()) else {
        return;
    };
    // A place on this page (the reader's 目录 and 回到顶部): move there, as an anchor does.
    if let Some((page, id)) = below_root.split_once('#') {
        if absolute.starts_with(&address_without_fragment()) && !page.contains('?') {
            event.prevent_default();
            crate::dom::focus_id(&percent_decode(id));
            return;
        }
    }
    let path = below_root.split(['?', '#']).next().unwrap_or("");
    if path
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
    {
        return;
    }
    event.prevent_default();
    navigate(below_root);
}
