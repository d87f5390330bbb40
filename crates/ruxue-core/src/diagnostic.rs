//! Problems found in the data, located by file and line.
//!
//! Editors fix data in a text editor, so every problem points at a line they can jump to.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in one data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the caller named it (relative paths stay relative, so messages are short).
    pub file: PathBuf,
    /// 1-based line number; line 1 where a problem concerns the whole file.
    pub line: usize,
    /// What is wrong and, where it helps, what to do about it.
    pub message: String,
}

impl Diagnostic {
    /// A problem at `line` of `file`.
    pub fn new(file: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.as_ref().to_path_buf(),
            line: line.max(1),
            message: message.into(),
        }
    }

    /// A problem at the line holding byte `offset` of `source`.
    pub fn at_offset(
        file: impl AsRef<Path>,
        source: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic::new(file, line_of_offset(source, offset), message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

/// The 1-based line that holds byte `offset` of `source`.
pub fn line_of_offset(source: &str, offset: usize) -> usize {
    let end = offset.min(source.len());
    source.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_one_based_lines() {
        let text = "a\nbb\nccc";
        assert_eq!(line_of_offset(text, 0), 1);
        assert_eq!(line_of_offset(text, 2), 2);
        assert_eq!(line_of_offset(text, 5), 3);
        assert_eq!(line_of_offset(text, 999), 3);
    }

    #[test]
    fn displays_as_file_line_message() {
        let d = Diagnostic::new("data/documents/x.toml", 0, "missing field `title`");
        assert_eq!(
            d.to_string(),
            "data/documents/x.toml:1: missing field `title`"
        );
    }
}
