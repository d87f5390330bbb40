//! Where a loader reports what is wrong with one row or entry: its file and line, once, so
//! the checks that follow only say what is wrong and what to do.

use std::path::Path;

use crate::diagnostic::Diagnostic;

/// The problems of one line of one file, added to the load's list.
pub(crate) struct AtLine<'a> {
    path: &'a Path,
    line: usize,
    problems: &'a mut Vec<Diagnostic>,
}

impl<'a> AtLine<'a> {
    pub(crate) fn new(path: &'a Path, line: usize, problems: &'a mut Vec<Diagnostic>) -> Self {
        AtLine {
            path,
            line,
            problems,
        }
    }

    /// Reports `message` at this line.
    pub(crate) fn push(&mut self, message: impl Into<String>) {
        self.problems
            .push(Diagnostic::new(self.path, self.line, message));
    }
}
