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
        // The toml crate gives some errors no message (`key =` with nothing after it).
        let message = match e.message().trim() {
            "" => "this line is not valid TOML: write `key = \"value\"`, with quotes around text",
            message => message,
        };
        Diagnostic::at_offset(file, source, offset, message)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_syntax_error_says_what_is_wrong() {
        for source in ["A=", "a = ", "[", "a = \"x", "= 1"] {
            let problem = parse::<toml::Table>(Path::new("x.toml"), source).unwrap_err();
            assert!(!problem.message.is_empty(), "{source:?}");
            assert_eq!(problem.line, 1, "{source:?}");
        }
    }
}
