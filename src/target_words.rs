//! The targets page's sentences with numbers in them, in each language. They are code of the
//! targets page's part (`crate::page_code`), not formats of `crate::i18n::Texts`, whose
//! formats every page's first download carries.

use crate::i18n::Lang;

/// "N targets", for the result count.
pub fn count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Zh, _) => format!("共 {n} 项指标"),
        (Lang::En, 1) => "1 target".into(),
        (Lang::En, _) => format!("{n} targets"),
    }
}

/// A target's year: 2025年, 2025.
pub fn year(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("{year}年"),
        Lang::En => year.to_string(),
    }
}

/// A chart's text summary: the measure, then each district's target (`items`, one sentence).
pub fn summary(lang: Lang, measure: &str, items: &[String]) -> String {
    match lang {
        Lang::Zh => format!("{measure}：{}。", items.join("；")),
        Lang::En => format!("{measure}: {}.", items.join("; ")),
    }
}
