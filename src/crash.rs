//! What a parent sees if the app panics. The release build aborts on panic (`panic = "abort"`),
//! so the wasm is dead afterwards and nothing reactive can run: the hook writes a plain notice
//! with the DOM API alone, in the page's language, in place of the page's content. It says
//! what happened and offers a reload of the same page and the home page.

use wasm_bindgen::JsCast;

/// Installs the hook. The console still gets the panic message, for whoever investigates.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice();
    }));
}

/// Replaces the page's content with the notice. Public so that component tests can check it
/// without panicking.
pub fn show_notice() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let english = is_english(&document);
    let (heading, body, reload, home) = if english {
        (
            "Sorry, something went wrong",
            "This page stopped working. Nothing you entered was sent anywhere. Reload the page to try again; the address keeps what you entered.",
            "Reload this page",
            "Go to the home page",
        )
    } else {
        (
            "抱歉，页面出错了",
            "本页停止了运行。您输入的内容没有发送到任何地方。请重新加载本页再试；网址保留了您输入的内容。",
            "重新加载本页",
            "返回首页",
        )
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    // The portal's root: every page's `<base>` points there.
    let root = document
        .base_uri()
        .ok()
        .flatten()
        .and_then(|base| web_sys::Url::new(&base).ok())
        .map_or_else(|| path.clone(), |url| url.pathname());
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    // Only the fragment differs between pages, and a link that changes only the fragment does
    // not load anything: a `reload` parameter makes the browser load the page afresh.
    let search = if search.contains("reload=") {
        search
    } else if search.is_empty() {
        "?reload=1".to_string()
    } else {
        format!("{search}&reload=1")
    };
    let build = || -> Option<web_sys::Element> {
        let notice = document.create_element("div").ok()?;
        notice.set_class_name("rx-crash");
        notice.set_attribute("role", "alert").ok()?;
        let h1 = document.create_element("h1").ok()?;
        h1.set_class_name("rx-heading-xl");
        h1.set_text_content(Some(heading));
        let p = document.create_element("p").ok()?;
        p.set_text_content(Some(body));
        notice.append_child(&h1).ok()?;
        notice.append_child(&p).ok()?;
        for (text, href) in [
            (reload, format!("{path}{search}{hash}")),
            (home, format!("{root}?reload=1")),
        ] {
            let line = document.create_element("p").ok()?;
            let link = document.create_element("a").ok()?;
            link.set_class_name("rx-link rx-crash__link");
            link.set_attribute("href", &href).ok()?;
            link.set_text_content(Some(text));
            line.append_child(&link).ok()?;
            notice.append_child(&line).ok()?;
        }
        Some(notice)
    };
    let Some(notice) = build() else {
        return;
    };
    // The page's main content, or the whole body if the app died before it had one.
    let target: Option<web_sys::Element> = document
        .get_element_by_id(crate::components::skip_link::MAIN_ID)
        .or_else(|| document.body().map(|b| b.unchecked_into()));
    if let Some(target) = target {
        target.set_text_content(None);
        let _ = target.append_child(&notice);
        if let Some(heading) = notice
            .first_element_child()
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = heading.set_attribute("tabindex", "-1");
            let _ = heading.focus();
        }
    }
}

/// What a parent sees when the app cannot read its data file ([`crate::data::load`]): the
/// page stays as it is (a prerendered page is still complete to read), with a notice at its
/// top saying that search, lookup and the check need the data, what to try, and the technical
/// reason for whoever runs the site. On the widget's or the offline shell's page, which holds
/// only the loading message, the notice takes that message's place.
pub fn show_data_notice(error: &crate::data::LoadError) {
    web_sys::console::error_1(&format!("Ruxue: cannot read the data file: {error}").into());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let english = is_english(&document);
    let (what, next, reason) = match (english, error.is_network()) {
        (false, true) => (
            "本页的数据没有加载成功，搜索、查询和计算暂时不能使用。",
            "请检查网络连接，然后重新加载本页。",
            "原因：",
        ),
        (false, false) => (
            "本页的数据文件无法读取，搜索、查询和计算暂时不能使用。",
            "请重新加载本页；如果仍然出现这条提示，请告知本网站的管理者。",
            "原因：",
        ),
        (true, true) => (
            "This page's data did not load, so search, lookup and the check cannot be used yet.",
            "Check your connection, then reload this page.",
            "Reason: ",
        ),
        (true, false) => (
            "This page's data file cannot be read, so search, lookup and the check cannot be used.",
            "Reload this page; if this notice stays, tell whoever runs this site.",
            "Reason: ",
        ),
    };
    let build = || -> Option<web_sys::Element> {
        let notice = document.create_element("div").ok()?;
        notice.set_class_name("rx-crash rx-crash--data");
        notice.set_attribute("role", "alert").ok()?;
        for (text, class) in [
            (what.to_string(), ""),
            (next.to_string(), ""),
            (format!("{reason}{error}"), "rx-crash__reason"),
        ] {
            let line = document.create_element("p").ok()?;
            if !class.is_empty() {
                line.set_class_name(class);
            }
            line.set_text_content(Some(&text));
            notice.append_child(&line).ok()?;
        }
        Some(notice)
    };
    let Some(notice) = build() else {
        return;
    };
    if let Some(loading) = document.get_element_by_id("rx-loading") {
        loading.set_text_content(None);
        let _ = loading.append_child(&notice);
    } else if let Some(main) = document.get_element_by_id(crate::components::skip_link::MAIN_ID) {
        let _ = main.insert_before(&notice, main.first_child().as_ref());
    }
}

/// Whether the page is in English (`<html lang>`): these notices are written with the DOM
/// API alone, when the app's language state may be gone or not yet there.
fn is_english(document: &web_sys::Document) -> bool {
    document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .is_some_and(|lang| lang.starts_with("en"))
}

/// Test builds only (`--features test-hooks`): opening `#/__panic` (which the app shows at
/// `__panic/`) panics, so the end-to-end tests can check what a parent would see. Release
/// builds have no such path.
#[cfg(feature = "test-hooks")]
pub fn panic_on_test_path() {
    use wasm_bindgen::closure::Closure;
    let check = || {
        let location = web_sys::window().map(|w| w.location());
        let hash = location
            .as_ref()
            .and_then(|l| l.hash().ok())
            .unwrap_or_default();
        let path = location
            .as_ref()
            .and_then(|l| l.pathname().ok())
            .unwrap_or_default();
        if hash == "#/__panic" || path.ends_with("/__panic/") {
            panic!("test-hooks: a deliberate panic for the end-to-end test");
        }
    };
    let listener = Closure::<dyn Fn()>::new(check);
    if let Some(window) = web_sys::window() {
        let _ = window
            .add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
    }
    listener.forget();
    check();
}
