//! The zh-CN / English switch in the header.

use leptos::prelude::*;

use crate::i18n::use_lang;

/// A button offering the other language, written in that language so that its reader can
/// recognise it. The choice itself is stored and applied by the app shell.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let target = move || lang.get().other();
    view! {
        <button
            type="button"
            class="rx-language-switch"
            lang=move || target().tag()
            aria-label=move || target().texts().switch_to_this_language_label
            on:click=move |_| {
                let target = target();
                #[cfg(target_arch = "wasm32")]
                leptos::task::spawn_local(async move {
                    if crate::i18n::load_english().await.is_ok() {
                        lang.set(target);
                    }
                });
                #[cfg(not(target_arch = "wasm32"))] lang.set(target);
            }
        >
            {move || target().texts().switch_to_this_language}
        </button>
    }
}
