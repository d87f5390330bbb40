//! Policy text with its figures (95%, 3-4, 2025) made to stand out, as parents scan for
//! targets, and, after a search, the searched words marked.

use leptos::prelude::*;
use ruxue_core::model::figure_runs;
use ruxue_core::search::match_mask;

/// Renders `text` as text nodes: figures in `<span class="rx-figure">`, characters matching
/// one of `marks` (search terms, compared after normalisation) in `<mark>`. Everything is
/// inserted as text, never as markup.
#[component]
pub fn FigureText(text: String, #[prop(optional)] marks: Vec<String>) -> impl IntoView {
    let mask = match_mask(&text, &marks);
    let chars: Vec<char> = text.chars().collect();
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let marked = mask.get(start).copied().unwrap_or(false);
        let end = (start..chars.len())
            .find(|&i| mask.get(i).copied().unwrap_or(false) != marked)
            .unwrap_or(chars.len());
        let piece: String = chars[start..end].iter().collect();
        let figures = figure_runs(&piece)
            .into_iter()
            .map(|(run, is_figure)| {
                let run = run.to_string();
                if is_figure {
                    view! { <span class="rx-figure">{run}</span> }.into_any()
                } else {
                    run.into_any()
                }
            })
            .collect_view();
        pieces.push(if marked {
            view! { <mark class="rx-mark">{figures}</mark> }.into_any()
        } else {
            figures.into_any()
        });
        start = end;
    }
    pieces
}
