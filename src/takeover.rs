//! Taking a prerendered page over without losing what the parent has done on it. The app
//! renders the page again rather than hydrating it, so anything typed, chosen or focused
//! while the app was loading lives on the prerendered nodes only; it is read before they go
//! and given to the app's nodes with the same ids.
//!
//! One part of a page is kept rather than rendered again: a document's body (its clauses),
//! when the app would render exactly what was prerendered ([`keeps_document_body`]). Rendering
//! it again would need the document's file, which repeats the page's text: 12 KB (brotli) of
//! a clause page's first load, for nothing the parent sees. The reader shows the kept nodes
//! (`crate::components::kept_document_body`) and fetches the file only when it must render
//! the clauses itself: another clause or document, English, or a search's marks.

use std::cell::RefCell;

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// The class of the element that holds a document's clauses (`crate::routes::document`).
pub const DOCUMENT_BODY_CLASS: &str = "rx-document-body";

thread_local! {
    /// The prerendered body of the document (its id) the app started on, until the reader
    /// takes it.
    static KEPT_BODY: RefCell<Option<(String, Element)>> = const { RefCell::new(None) };
}

/// The `data-` attribute of a document's body that names its document.
pub const DOCUMENT_BODY_ID: &str = "data-rx-document";

/// What the targets page's content names itself in [`DOCUMENT_BODY_ID`]: it is kept the same
/// way (`crate::routes::targets`), so that a parent who opens the page fetches neither the
/// targets' file nor the code that renders them.
pub const KEPT_TARGETS: &str = "targets";

/// The document whose prerendered body the app keeps when it starts on `route`: a document
/// or clause page whose prerendered `page` holds that document's body, shown in Chinese (the
/// prerendered language) and not opened from a search (whose marks the prerendered page does
/// not have); or [`KEPT_TARGETS`], for the targets page opened with no filter. The start-up script in `Trunk.toml` preloads the document's file on the same
/// conditions, reversed: keep the two alike.
pub fn keeps_document_body(
    page: &Element,
    route: &crate::routes::Route,
    stored_lang: Option<crate::i18n::Lang>,
) -> Option<String> {
    let id = match route {
        crate::routes::Route::Document { id, .. } => id.clone(),
        // The targets page prerenders with no filter: kept only as that.
        crate::routes::Route::Targets
            if ["district", "year", "area"]
                .iter()
                .all(|key| crate::location::page_param(key).is_empty()) =>
        {
            KEPT_TARGETS.to_string()
        }
        _ => return None,
    };
    let searched = !crate::location::page_param("q").trim().is_empty();
    let english = stored_lang == Some(crate::i18n::Lang::En);
    // An old link (`#/policies/…`) opens on the home page's prerendered HTML.
    let prerendered = document_body(page)
        .and_then(|body| body.get_attribute(DOCUMENT_BODY_ID))
        .is_some_and(|prerendered| prerendered == id);
    (prerendered && !searched && !english).then_some(id)
}

fn document_body(page: &Element) -> Option<Element> {
    page.query_selector(&format!(".{DOCUMENT_BODY_CLASS}"))
        .ok()
        .flatten()
}

/// Takes the document body out of the prerendered `page`, to keep it for the reader.
pub fn keep_document_body(page: &Element, document: String) {
    if let Some(body) = document_body(page) {
        body.remove();
        KEPT_BODY.with(|kept| *kept.borrow_mut() = Some((document, body)));
    }
}

/// Whether the prerendered body of `document` is kept and not yet shown.
pub fn has_document_body(document: &str) -> bool {
    KEPT_BODY.with(|kept| kept.borrow().as_ref().is_some_and(|(id, _)| id == document))
}

/// The kept prerendered body of `document`, once: the reader shows it.
pub fn take_document_body(document: &str) -> Option<Element> {
    KEPT_BODY.with(|kept| {
        let mut kept = kept.borrow_mut();
        match kept.take() {
            Some((id, body)) if id == document => Some(body),
            other => {
                *kept = other;
                None
            }
        }
    })
}

/// What a parent did on the prerendered page: changed fields and the focused field.
#[derive(Default)]
pub struct Typed {
    fields: Vec<Field>,
    focused: Option<String>,
}

enum Field {
    Text { id: String, value: String },
    Checked { id: String },
    Chosen { id: String, value: String },
}

impl Typed {
    /// Reads the fields under `page` that differ from how they were served.
    pub fn read(page: &Element) -> Typed {
        let mut fields = Vec::new();
        let Ok(list) = page.query_selector_all("input[id], select[id]") else {
            return Typed::default();
        };
        for index in 0..list.length() {
            let Some(node) = list.item(index) else {
                continue;
            };
            if let Some(input) = node.dyn_ref::<HtmlInputElement>() {
                let id = input.id();
                let is_choice = matches!(input.type_().as_str(), "radio" | "checkbox");
                if is_choice && input.checked() && !input.default_checked() {
                    fields.push(Field::Checked { id });
                } else if !is_choice && input.value() != input.default_value() {
                    fields.push(Field::Text {
                        id,
                        value: input.value(),
                    });
                }
            } else if let Some(select) = node.dyn_ref::<HtmlSelectElement>() {
                let served = select
                    .query_selector("option[selected]")
                    .ok()
                    .flatten()
                    .and_then(|o| o.get_attribute("value"))
                    .unwrap_or_default();
                if select.value() != served {
                    fields.push(Field::Chosen {
                        id: select.id(),
                        value: select.value(),
                    });
                }
            }
        }
        let focused = document()
            .active_element()
            .filter(|element| page.contains(Some(element)))
            .map(|element| element.id())
            .filter(|id| !id.is_empty());
        Typed { fields, focused }
    }

    /// Gives the app's fields the values read, as if typed there (so the app reacts as to
    /// typing), and focus back to the field that had it. Call it right after mounting.
    pub fn restore(self) {
        let document = document();
        for field in self.fields {
            match field {
                Field::Text { id, value } => {
                    if let Some(input) = element::<HtmlInputElement>(&id) {
                        input.set_value(&value);
                        dispatch(&input, "input");
                    }
                }
                Field::Checked { id } => {
                    if let Some(input) = element::<HtmlInputElement>(&id) {
                        input.set_checked(true);
                        dispatch(&input, "change");
                    }
                }
                Field::Chosen { id, value } => {
                    if let Some(select) = element::<HtmlSelectElement>(&id) {
                        select.set_value(&value);
                        dispatch(&select, "change");
                    }
                }
            }
        }
        // After the first frame: a page's own effects (a clause page focusing its clause)
        // run before it and must not take the field from a parent who is typing in it.
        if let Some(element) = self
            .focused
            .and_then(|id| document.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            leptos::prelude::request_animation_frame(move || {
                let _ = element.focus();
            });
        }
    }
}

fn element<T: JsCast>(id: &str) -> Option<T> {
    document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<T>().ok())
}

fn dispatch(target: &web_sys::EventTarget, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
        let _ = target.dispatch_event(&event);
    }
}
