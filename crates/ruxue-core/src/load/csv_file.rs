//! Reading the CSV lists bureaus export (`data/places/*.csv`, `data/schools/*.csv`) the same
//! way everywhere: one row type per file, read by header with the `csv` crate, each row kept
//! with the line it came from so that every later problem can name it.
//!
//! The header must be exactly the documented columns, in order: a renamed or missing column
//! is one clear error at line 1 rather than a file of shifted values.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::diagnostic::Diagnostic;

/// A row type of one CSV file.
pub(crate) trait CsvRow: DeserializeOwned {
    /// The file, relative to the data folder.
    const FILE: &'static str;
    /// Its header, in order (documented in data/README.md).
    const COLUMNS: &'static [&'static str];
}

/// The rows of one CSV file, each with its line.
pub(crate) struct Table<R> {
    pub(crate) path: PathBuf,
    pub(crate) rows: Vec<(usize, R)>,
}

/// Reads `R::FILE` under `data_dir`. A data folder without the file has nothing of that kind
/// (the test fixtures rely on it; the shipped lists are guarded by tests that count their
/// rows), so an absent file is `None`, as is a file whose header is wrong. A row that cannot
/// be read is reported at its line and left out, and the build fails on the report.
pub(crate) fn read_rows<R: CsvRow>(
    data_dir: &Path,
    problems: &mut Vec<Diagnostic>,
) -> Option<Table<R>> {
    let path = data_dir.join(R::FILE);
    if !path.exists() {
        return None;
    }
    let columns = R::COLUMNS.join(",");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            problems.push(Diagnostic::new(
                &path,
                1,
                format!("cannot read the file: {e}"),
            ));
            return None;
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let line_of = |position: Option<&csv::Position>| record_line(&text, position);
    let mut records = reader.records();
    // The header is the first row that is not a comment, wherever it falls.
    let header = loop {
        match records.next() {
            None => {
                problems.push(Diagnostic::new(
                    &path,
                    1,
                    format!("the file is empty: it needs the header `{columns}`"),
                ));
                return None;
            }
            Some(Err(e)) => problems.push(Diagnostic::new(
                &path,
                line_of(e.position()),
                format!("malformed row: {e}"),
            )),
            Some(Ok(header)) => break header,
        }
    };
    if header.iter().ne(R::COLUMNS.iter().copied()) {
        let found: Vec<&str> = header.iter().collect();
        problems.push(Diagnostic::new(
            &path,
            line_of(header.position()),
            format!(
                "the header must be `{columns}`, found `{}`",
                found.join(",")
            ),
        ));
        return None;
    }
    let mut rows = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                problems.push(Diagnostic::new(
                    &path,
                    line_of(e.position()),
                    format!("malformed row: {e}"),
                ));
                continue;
            }
        };
        let line = line_of(record.position());
        if record.len() != R::COLUMNS.len() {
            problems.push(Diagnostic::new(
                &path,
                line,
                format!(
                    "malformed row: expected {} fields ({columns}), found {}",
                    R::COLUMNS.len(),
                    record.len()
                ),
            ));
            continue;
        }
        match record.deserialize::<R>(Some(&header)) {
            Ok(row) => rows.push((line, row)),
            Err(e) => problems.push(Diagnostic::new(&path, line, format!("malformed row: {e}"))),
        }
    }
    Some(Table { path, rows })
}

/// The line a record starts on. The csv crate positions a record where it began reading,
/// before the comment and blank lines it skipped, so those are skipped here as well.
fn record_line(text: &str, position: Option<&csv::Position>) -> usize {
    let Some(position) = position else {
        return 1;
    };
    let mut line = position.line() as usize;
    let mut rest = text.get(position.byte() as usize..).unwrap_or("");
    while let Some((first, after)) = rest.split_once('\n') {
        let first = first.trim();
        if !(first.is_empty() || first.starts_with('#')) {
            break;
        }
        line += 1;
        rest = after;
    }
    line
}

/// A field holding several values separated by `;` (or the full-width `；` a Chinese keyboard
/// types), empty ones dropped.
pub(crate) fn list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let field = String::deserialize(deserializer)?;
    Ok(field
        .split([';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::record_line;

    #[test]
    fn a_record_is_located_after_the_comments_and_blank_lines_before_it() {
        let text = "# c\nh1,h2\na,b\n# mid\nc,d\n\ne,f\n";
        let mut reader = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .has_headers(false)
            .from_reader(text.as_bytes());
        let lines: Vec<usize> = reader
            .records()
            .map(|record| record_line(text, record.unwrap().position()))
            .collect();
        assert_eq!(lines, [2, 3, 5, 7]);
    }
}
