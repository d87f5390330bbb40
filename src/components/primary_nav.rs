//! The primary navigation: 政策文件 / 入学指南 / 学区与集团 / 查询.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::routes::Route;

/// Links to the four sections; the current one is marked with `aria-current="page"`.
#[component]
pub fn PrimaryNav(current: Memo<Route>) -> impl IntoView {
    let t = use_texts();
    view! {
        <nav class="rx-nav" aria-label=move || t().nav_label>
            <ul class="rx-nav__list">
                {Route::PRIMARY
                    .into_iter()
                    .map(|route| {
                        let href = route.href();
                        let is_current = {
                            let route = route.clone();
                            move || current.read().section() == route
                        };
                        view! {
                            <li class="rx-nav__item">
                                <a
                                    class="rx-nav__link"
                                    href=href
                                    aria-current=move || is_current().then_some("page")
                                >
                                    {move || route.title(t())}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
