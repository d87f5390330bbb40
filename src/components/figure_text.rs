//! Policy text with its figures (95%, 3-4, 2025) made to stand out, as parents scan for targets.

use leptos::prelude::*;
use ruxue_core::structure::figure_runs;

/// Renders `text` as text nodes, wrapping each figure in `<span class="rx-figure">`.
/// Everything is inserted as text, never as markup.
#[component]
pub fn FigureText(text: String) -> impl IntoView {
    figure_runs(&text)
        .into_iter()
        .map(|(run, is_figure)| {
            let run = run.to_string();
            if is_figure {
                view! { <span class="rx-figure">{run}</span> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
}
