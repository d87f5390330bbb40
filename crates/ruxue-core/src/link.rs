//! Links into the portal, shared by the app and the CLI so both write the same addresses, and
//! the parser of the app's fragment (`#/path?key=value`), which must never fail: a parent can
//! open any link.

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
/// (Chinese text, `&`, `#`, quotes) survives the round trip through [`HashLocation::parse`].
pub fn href_with_query(path: &str, params: &[(&str, &str)]) -> String {
    let query: Vec<String> = params
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{}={}", percent_encode(key), percent_encode(value)))
        .collect();
    if query.is_empty() {
        format!("#{path}")
    } else {
        format!("#{path}?{}", query.join("&"))
    }
}
