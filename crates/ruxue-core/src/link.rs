//! Links into the portal, shared by the app and the CLI so both write the same addresses.

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
