//! Embed mode: the portal inside a school's page, configured by the iframe URL's query string
//! (`embed.html?embed=1&view=lookup&district=闵行区&lang=en&theme=005ea5&host=https://school.example`).
//!
//! Every parameter is validated. An unknown value falls back to its default and is listed in
//! `notes`, which the widget shows, so a school sees what it got wrong; nothing ever breaks.

use crate::link::{escape_html, HashLocation};

/// What the widget shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedView {
    Search,
    Lookup,
    Calculator,
    /// One policy item (`item=mh-2023-6/4-9-16`).
    Item,
}

impl EmbedView {
    /// The names used in the `view` parameter, in the order the embed-code page offers them.
    pub const ALL: [(&'static str, EmbedView); 4] = [
        ("search", EmbedView::Search),
        ("lookup", EmbedView::Lookup),
        ("calculator", EmbedView::Calculator),
        ("item", EmbedView::Item),
    ];

    /// The view a `view` parameter names, if it names one.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }

    /// The parameter value for this view.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, v)| *v == self)
            .map_or("search", |(n, _)| n)
    }
}

/// A validated embed configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedConfig {
    pub view: EmbedView,
    pub district: Option<String>,
    /// The UI language's canonical tag (`zh-CN` or `en`), see [`lang_tag`].
    pub lang: Option<&'static str>,
    /// A brand colour as `#rrggbb`, accepted only when white text on it is readable (4.5:1).
    pub theme: Option<String>,
    /// `(document id, clause id)` for the item view.
    pub item: Option<(String, String)>,
    /// The embedding page's origin, which height messages are sent to (set by the loader).
    pub host: Option<String>,
    /// Parameters that were not valid and fell back to their defaults.
    pub notes: Vec<&'static str>,
}

/// Which of the two entry pages is running: the portal (`index.html`, framed only by its own
/// origin) or the widget (`embed.html`, which any site may frame).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Portal,
    Widget,
}

/// The file name of the widget's entry page.
pub const WIDGET_ENTRY: &str = "embed.html";

impl Entry {
    /// The entry a page's path is.
    pub fn of_path(path: &str) -> Entry {
        if path.ends_with(WIDGET_ENTRY) {
            Entry::Widget
        } else {
            Entry::Portal
        }
    }
}

/// Where an old snippet's portal address in embed mode (`…/index.html?embed=1…`) should go:
/// the widget entry beside it, with the same query. `None` when nothing needs to move.
pub fn entry_redirect(entry: Entry, path: &str, query: &str) -> Option<String> {
    let params = HashLocation::parse(&format!("#/?{}", query.trim_start_matches('?')));
    if entry != Entry::Portal || params.param("embed") != Some("1") {
        return None;
    }
    let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    Some(format!("{folder}{WIDGET_ENTRY}{query}"))
}

/// The widget entry is always the widget: its query gains `embed=1` when it lacks it, so the
/// whole portal can never be framed through it.
pub fn widget_query(query: &str) -> String {
    let query = query.trim_start_matches('?');
    let params = HashLocation::parse(&format!("#/?{query}"));
    if params.param("embed") == Some("1") {
        format!("?{query}")
    } else if query.is_empty() {
        "?embed=1".to_string()
    } else {
        format!("?embed=1&{query}")
    }
}

/// The canonical tag of a language tag the widget accepts (`zh`, `zh-CN`, `en-GB` …).
pub fn lang_tag(tag: &str) -> Option<&'static str> {
    match tag.trim().to_ascii_lowercase().as_str() {
        "zh" | "zh-cn" | "zh-hans" => Some("zh-CN"),
        "en" | "en-gb" | "en-us" => Some("en"),
        _ => None,
    }
}

/// Reads the widget's query. `None` unless it says `embed=1`; otherwise every parameter is
/// validated (`district_known` and `item_known` check values against the shipped data), and
/// the ones that are not valid are named in `notes`. Never panics.
pub fn parse(
    query: &str,
    district_known: impl Fn(&str) -> bool,
    item_known: impl Fn(&str) -> bool,
) -> Option<EmbedConfig> {
    // The same decoding as the fragment, so both are equally safe.
    let params = HashLocation::parse(&format!("#/?{}", query.trim_start_matches('?')));
    if params.param("embed") != Some("1") {
        return None;
    }
    let mut notes = Vec::new();
    let mut config = EmbedConfig {
        view: EmbedView::Search,
        district: None,
        lang: None,
        theme: None,
        item: None,
        host: None,
        notes: Vec::new(),
    };
    if let Some(view) = params.param("view") {
        match EmbedView::from_name(view) {
            Some(v) => config.view = v,
            None => notes.push("view"),
        }
    }
    if let Some(district) = params.param("district").filter(|d| !d.is_empty()) {
        if district_known(district) {
            config.district = Some(district.to_string());
        } else {
            notes.push("district");
        }
    }
    if let Some(lang) = params.param("lang").filter(|l| !l.is_empty()) {
        match lang_tag(lang) {
            Some(l) => config.lang = Some(l),
            None => notes.push("lang"),
        }
    }
    if let Some(theme) = params.param("theme").filter(|t| !t.is_empty()) {
        match readable_brand_colour(theme) {
            Some(colour) => config.theme = Some(colour),
            None => notes.push("theme"),
        }
    }
    if config.view == EmbedView::Item {
        match params
            .param("item")
            .filter(|i| item_known(i))
            .and_then(|i| i.split_once('/'))
        {
            Some((doc, clause)) => config.item = Some((doc.to_string(), clause.to_string())),
            None => {
                notes.push("item");
                config.view = EmbedView::Search;
            }
        }
    }
    if let Some(host) = params.param("host") {
        match valid_origin(host) {
            Some(origin) => config.host = Some(origin),
            None => notes.push("host"),
        }
    }
    config.notes = notes;
    Some(config)
}

/// `#rrggbb` for a 6-digit hex colour (with or without `#`) on which white text has at least
/// 4.5:1 contrast (WCAG AA); anything else is refused.
pub fn readable_brand_colour(text: &str) -> Option<String> {
    let hex = text.trim().trim_start_matches('#');
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| {
        let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).ok()?) / 255.0;
        Some(if v <= 0.040_45 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        })
    };
    let luminance = 0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?;
    let contrast_with_white = 1.05 / (luminance + 0.05);
    (contrast_with_white >= 4.5).then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// The origin `scheme://host[:port]` if `text` is exactly one (http or https, no path).
pub fn valid_origin(text: &str) -> Option<String> {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))?;
    let host_ok = !rest.is_empty()
        && rest.len() <= 255
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
        && !rest.starts_with(':');
    host_ok.then(|| text.to_string())
}
/// What a school chose on the embed-code page; empty strings are "not chosen".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedChoice {
    pub view: EmbedView,
    /// The item id, used by the item view only.
    pub item: String,
    pub district: String,
    /// `en`, or empty for Chinese.
    pub lang: String,
    /// A brand colour without its `#`.
    pub theme: String,
}

impl EmbedChoice {
    /// The widget parameters the choice sets, in the order the snippets write them.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut params = vec![("view", self.view.name().to_string())];
        if self.view == EmbedView::Item {
            params.push(("item", self.item.clone()));
        }
        for (key, value) in [
            ("district", &self.district),
            ("lang", &self.lang),
            ("theme", &self.theme),
        ] {
            if !value.is_empty() {
                params.push((key, value.clone()));
            }
        }
        params
    }

    /// The widget's address, served from `folder` (an absolute address ending in `/`).
    pub fn iframe_src(&self, folder: &str) -> String {
        let mut query = String::from("embed=1");
        for (key, value) in self.params() {
            query.push_str(&format!("&{key}={}", crate::link::percent_encode(&value)));
        }
        format!("{folder}{WIDGET_ENTRY}?{query}")
    }

    /// The snippet with the loader script and its custom element.
    pub fn loader_snippet(&self, folder: &str) -> String {
        let attributes: String = self
            .params()
            .into_iter()
            .map(|(key, value)| format!(" {key}=\"{}\"", escape_html(&value)))
            .collect();
        format!(
            "<script src=\"{}\" defer></script>\n<ruxue-widget{attributes}></ruxue-widget>",
            escape_html(&format!("{folder}widget.js"))
        )
    }

    /// The snippet with a plain, sandboxed iframe.
    pub fn iframe_snippet(&self, folder: &str) -> String {
        format!(
            "<iframe src=\"{}\" title=\"入学 Ruxue\" width=\"100%\" height=\"600\" style=\"border:0\" sandbox=\"allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox\" referrerpolicy=\"no-referrer\"></iframe>",
            escape_html(&self.iframe_src(folder))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_carry_the_choice_escaped() {
        let choice = EmbedChoice {
            view: EmbedView::Lookup,
            item: "ignored-unless-item".into(),
            district: "闵行区".into(),
            lang: String::new(),
            theme: "\"><script>".into(),
        };
        let folder = "https://example.org/ruxue/";
        assert_eq!(
            choice.iframe_src(folder),
            "https://example.org/ruxue/embed.html?embed=1&view=lookup&district=%E9%97%B5%E8%A1%8C%E5%8C%BA&theme=%22%3E%3Cscript%3E"
        );
        let loader = choice.loader_snippet(folder);
        assert_eq!(
            loader,
            "<script src=\"https://example.org/ruxue/widget.js\" defer></script>\n<ruxue-widget view=\"lookup\" district=\"闵行区\" theme=\"&quot;&gt;&lt;script&gt;\"></ruxue-widget>"
        );
        assert!(!choice.iframe_snippet(folder).contains("<script"));
        let item = EmbedChoice {
            view: EmbedView::Item,
            item: "mh-2023-6/4-9-16".into(),
            district: String::new(),
            lang: "en".into(),
            theme: String::new(),
        };
        assert_eq!(
            item.params(),
            [
                ("view", "item".to_string()),
                ("item", "mh-2023-6/4-9-16".to_string()),
                ("lang", "en".to_string())
            ]
        );
    }
}
