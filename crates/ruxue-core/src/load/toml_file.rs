//! Reading the TOML data files the same way everywhere: one message format for syntax errors,
//! and one rule for an optional file that is absent.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostic::Diagnostic;

/// Parses `source` (the contents of `file`), turning a syntax or shape error into a
/// diagnostic at its line.
pub(crate) fn parse<T: for<'de> Deserialize<'de>>(
    file: &Path,
    source: &str,
) -> Result<T, Diagnostic> {
    toml::from_str(source).map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        Diagnostic::at_offset(file, source, offset, e.message().trim().to_string())
    })
}

/// Reads and parses an optional file: an absent file is empty, anything else that goes wrong
/// is recorded in `problems`. Returns the value and the text, for line numbers.
pub(crate) fn read_optional<T: for<'de> Deserialize<'de> + Default>(
    path: &Path,
    problems: &mut Vec<Diagnostic>,
) -> (T, String) {
    let Ok(text) = std::fs::read_to_string(path) else {
        if path.exists() {
            problems.push(Diagnostic::new(
                path,
                1,
                "cannot read the file as UTF-8 text",
            ));
        }
        return (T::default(), String::new());
    };
    match parse(path, &text) {
        Ok(value) => (value, text),
        Err(problem) => {
            problems.push(problem);
            (T::default(), text)
        }
    }
}
