//! Taking a prerendered page over without losing what the parent has done on it. The app
//! renders the page again rather than hydrating it, so anything typed, chosen or focused
//! while the app was loading lives on the prerendered nodes only; it is read before they go
//! and given to the app's nodes with the same ids.

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

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
