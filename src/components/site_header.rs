//! The header on every page: product name, language switch and primary navigation.

use leptos::prelude::*;

use crate::components::language_switch::LanguageSwitch;
use crate::components::primary_nav::PrimaryNav;
use crate::components::search_box::SearchBox;
use crate::i18n::use_texts;
use crate::routes::Route;

/// The site header.
#[component]
pub fn SiteHeader(current: Memo<Route>) -> impl IntoView {
    let t = use_texts();
    view! {
        <header class="rx-header">
            <div class="rx-header__bar rx-width-container">
                <a class="rx-header__product" href=Route::Home.href()>
                    <span class="rx-header__name">{move || t().product_name}</span>
                    <span class="rx-header__tagline">{move || t().product_tagline}</span>
                </a>
                <LanguageSwitch />
            </div>
            <div class="rx-width-container">
                <PrimaryNav current=current />
                // The search page has its own, larger box.
                <Show when=move || current.get() != Route::Search>
                    <SearchBox />
                </Show>
            </div>
        </header>
    }
}
