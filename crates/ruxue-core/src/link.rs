//! Links into the portal, shared by the app, the prerender step and the CLI so all write the
//! same addresses, and the parser of a location, which must never fail: a parent can open any
//! link.
//!
//! An *app path* names a page: `/policies/mh-2023-6/4-9-16?q=…`. The portal serves each page
//! as a real file, so its link is the folder, relative to the portal's root
//! ([`folder_href`]: `policies/mh-2023-6/4-9-16/?q=…`; every page sets `<base>` to the root).
//! The widget keeps its state in the fragment (`#/lookup?q=…`), as old links did.

/// Percent-encodes everything but unreserved ASCII, so any value (Chinese text, `&`, `#`,
/// quotes) survives a round trip through a URL's query.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A parsed fragment: a path and its query parameters, both percent-decoded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HashLocation {
    /// Always starts with `/`.
    pub path: String,
    /// Query parameters in order, duplicates kept.
    pub query: Vec<(String, String)>,
}

impl HashLocation {
    /// Parses a fragment such as `#/policies?doc=x`. Never fails: anything that is not a
    /// path (an empty fragment, `#main`, garbage) becomes the path `/` so the home page shows.
    pub fn parse(fragment: &str) -> HashLocation {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let (raw_path, raw_query) = fragment.split_once('?').unwrap_or((fragment, ""));
        let path = percent_decode(raw_path);
        let path = if path.starts_with('/') {
            path
        } else {
            "/".to_string()
        };
        let query = raw_query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (
                    percent_decode(&key.replace('+', " ")),
                    percent_decode(&value.replace('+', " ")),
                )
            })
            .collect();
        HashLocation { path, query }
    }

    /// The first value of query parameter `key`.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Decodes `%XX` escapes as UTF-8. Invalid escapes and invalid UTF-8 (a lone surrogate
/// written as `%ED%A0%80`, say) are replaced, never trusted and never a panic.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex_value(bytes[i + 1]), hex_value(bytes[i + 2])) {
                out.push(high * 16 + low);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
}

/// A fragment `href` for `path` with query parameters, percent-encoded so that any value
/// Escapes text for an HTML text node or a quoted attribute value, for markup written as
/// text: the embed snippets a school pastes, the prerendered pages' head.
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An app path with query parameters, empty values left out: `/search?q=%E5%AD%A6`.
pub fn path_with_query(path: &str, params: &[(&str, &str)]) -> String {
    let query: Vec<String> = params
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{}={}", percent_encode(key), percent_encode(value)))
        .collect();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// The link to an app path's page file, relative to the portal's root: the folder, with a
/// trailing slash so that a plain static host serves its `index.html` (`/guide/check?birth=…`
/// → `guide/check/?birth=…`; `/` → `./`).
///
/// The path may come from an old link's fragment, so the link never leaves the portal's
/// folder: dot segments (also written `%2e`) are dropped, and `\` (a separator to URL
/// parsers) and `:` (which would start a scheme) are escaped.
pub fn folder_href(app_path: &str) -> String {
    let (path, rest) = match app_path.find(['?', '#']) {
        Some(at) => app_path.split_at(at),
        None => (app_path, ""),
    };
    let folder: String = path
        .split('/')
        .filter(|segment| !segment.is_empty() && !is_dot_segment(segment))
        .map(|segment| format!("{}/", segment.replace('\\', "%5C").replace(':', "%3A")))
        .collect();
    if folder.is_empty() {
        format!("./{rest}")
    } else {
        format!("{folder}{rest}")
    }
}

/// `.`, `..` and the like, also percent-encoded, which URL parsers resolve.
fn is_dot_segment(segment: &str) -> bool {
    let lower = segment.to_ascii_lowercase();
    let rest = lower.replace("%2e", ".");
    !rest.is_empty() && rest.chars().all(|c| c == '.')
}

/// The app path of a page file's address below the portal's root (`policies/x/`,
/// `policies/x/index.html`, `index.html`, empty), without its query.
pub fn app_path_of(below_root: &str) -> String {
    let path = below_root.split(['?', '#']).next().unwrap_or("");
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let path = path.strip_prefix("./").unwrap_or(path);
    format!("/{}", path.trim_matches('/'))
}

/// The relative address of the portal's root from the page file of `app_path`: `./` for the
/// home page, `../../` for `/guide/check`.
pub fn relative_root(app_path: &str) -> String {
    let depth = app_path
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .split('/')
        .filter(|s| !s.is_empty())
        .count();
    if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_folders_below_the_root() {
        assert_eq!(folder_href("/"), "./");
        assert_eq!(folder_href("/?q=1"), "./?q=1");
        assert_eq!(
            folder_href("/guide/check?birth=2020-10-01"),
            "guide/check/?birth=2020-10-01"
        );
        assert_eq!(
            folder_href("/policies/mh-2023-6/4-9-16"),
            "policies/mh-2023-6/4-9-16/"
        );
        assert_eq!(folder_href("/guide?stage=x#top"), "guide/?stage=x#top");
        assert_eq!(
            app_path_of("policies/mh-2023-6/4-9-16/"),
            "/policies/mh-2023-6/4-9-16"
        );
        assert_eq!(app_path_of("guide/index.html?x=1"), "/guide");
        assert_eq!(app_path_of("index.html"), "/");
        assert_eq!(app_path_of(""), "/");
        assert_eq!(relative_root("/"), "./");
        assert_eq!(relative_root("/guide/check?birth=1"), "../../");
        assert_eq!(relative_root("/policies/mh-2023-6/4-9-16"), "../../../");
        assert_eq!(
            path_with_query("/search", &[("q", "学 区&"), ("kind", "")]),
            "/search?q=%E5%AD%A6%20%E5%8C%BA%26"
        );
        // Round trip: a folder link, read back, is the page it names.
        for path in ["/", "/guide", "/policies/mh-2023-6/4-9-16"] {
            assert_eq!(app_path_of(&folder_href(path)), path);
        }
    }

    /// An old link's fragment is anyone's text: its page link stays in the portal's folder.
    #[test]
    fn a_fragment_cannot_lead_out_of_the_portal() {
        assert_eq!(folder_href("/policies/../../x"), "policies/x/");
        assert_eq!(folder_href("/%2e%2E/.%2e/./x?q=1"), "x/?q=1");
        assert_eq!(folder_href("/guide\\..\\..\\x"), "guide%5C..%5C..%5Cx/");
        assert_eq!(folder_href("/http:/evil.example/"), "http%3A/evil.example/");
        assert_eq!(folder_href("//evil.example/x"), "evil.example/x/");
        assert_eq!(folder_href("/../"), "./");
        assert_eq!(folder_href("/...x/"), "...x/");
    }
}
