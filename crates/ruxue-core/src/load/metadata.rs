//! Reading and validating a document's metadata file (`<id>.toml`).
//!
//! The format is documented for editors in `data/README.md`. Unknown keys are errors, so that a
//! misspelt key is reported instead of silently ignored.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Diagnostic;
use crate::model::{DocumentMeta, DocumentSource, Status};

/// The metadata file as written, with positions kept for error messages.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    id: Spanned<String>,
    title: Spanned<String>,
    issuers: Spanned<Vec<String>>,
    doc_number: Option<Spanned<String>>,
    date_issued: Option<Spanned<String>>,
    district: Spanned<String>,
    kind: Spanned<String>,
    status: Spanned<String>,
    source: RawSource,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    description: Spanned<String>,
    url: Option<Spanned<String>>,
    retrieved: Option<Spanned<String>>,
    seed: Option<Spanned<String>>,
}

/// Parses and validates one metadata file. `file` is used only for messages.
/// Returns every problem found, not just the first, so an editor fixes them in one pass.
/// On success also returns the line of the `id` key, for checks across files.
pub(crate) fn parse_meta(
    file: &Path,
    source: &str,
) -> Result<(DocumentMeta, usize), Vec<Diagnostic>> {
    let raw: RawMeta = super::toml_file::parse(file, source).map_err(|problem| vec![problem])?;
    let mut problems = Vec::new();
    let mut at = |span: std::ops::Range<usize>, message: String| {
        problems.push(Diagnostic::at_offset(file, source, span.start, message));
    };

    if !is_valid_id(raw.id.get_ref()) {
        at(
            raw.id.span(),
            format!(
                "id `{}` is not valid: use lower-case letters, digits and single hyphens, e.g. `mh-2023-6`",
                raw.id.get_ref()
            ),
        );
    }
    for (name, field) in [
        ("title", &raw.title),
        ("district", &raw.district),
        ("kind", &raw.kind),
    ] {
        check_text(field, name, &mut at);
    }
    check_text(&raw.source.description, "source.description", &mut at);
    for issuer in raw.issuers.get_ref() {
        if issuer.trim().is_empty() || issuer.trim() != issuer {
            at(
                raw.issuers.span(),
                format!("issuers: `{issuer}` must be a non-empty name without surrounding spaces"),
            );
        }
    }
    if let Some(number) = &raw.doc_number {
        check_text(number, "doc_number", &mut at);
    }
    for (name, date) in [
        ("date_issued", &raw.date_issued),
        ("source.retrieved", &raw.source.retrieved),
    ] {
        if let Some(date) = date {
            if !is_valid_date(date.get_ref()) {
                at(
                    date.span(),
                    format!(
                        "{name} `{}` is not a real date in the form YYYY-MM-DD",
                        date.get_ref()
                    ),
                );
            }
        }
    }
    if let Some(url) = &raw.source.url {
        let u = url.get_ref();
        if !(u.starts_with("https://") || u.starts_with("http://"))
            || u.chars().any(char::is_whitespace)
        {
            at(
                url.span(),
                format!("source.url `{u}` must be an http(s) address without spaces"),
            );
        }
    }
    let status = match raw.status.get_ref().as_str() {
        "正式" => Some(Status::Official),
        "征求意见稿" => Some(Status::DraftForComment),
        "已废止" => Some(Status::Superseded),
        other => {
            at(
                raw.status.span(),
                format!("status `{other}` is not one of 正式, 征求意见稿, 已废止"),
            );
            None
        }
    };

    let id_line = crate::diagnostic::line_of_offset(source, raw.id.span().start);
    match status {
        Some(status) if problems.is_empty() => Ok((
            DocumentMeta {
                id: raw.id.into_inner(),
                title: raw.title.into_inner(),
                issuers: raw.issuers.into_inner(),
                doc_number: raw.doc_number.map(Spanned::into_inner),
                date_issued: raw.date_issued.map(Spanned::into_inner),
                district: raw.district.into_inner(),
                kind: raw.kind.into_inner(),
                status,
                source: DocumentSource {
                    description: raw.source.description.into_inner(),
                    url: raw.source.url.map(Spanned::into_inner),
                    retrieved: raw.source.retrieved.map(Spanned::into_inner),
                    seed: raw.source.seed.map(Spanned::into_inner),
                },
            },
            id_line,
        )),
        _ => Err(problems),
    }
}

fn check_text(
    field: &Spanned<String>,
    name: &str,
    at: &mut impl FnMut(std::ops::Range<usize>, String),
) {
    let value = field.get_ref();
    if value.trim().is_empty() {
        at(
            field.span(),
            format!("{name} is empty: fill it in, or remove the key if it is optional"),
        );
    } else if value.trim() != value {
        at(
            field.span(),
            format!("{name} has spaces at its start or end"),
        );
    }
}

/// Ids appear in permanent links, so they are restricted to a URL-safe, readable form.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn is_valid_date(text: &str) -> bool {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text, &format).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    const GOOD: &str = r#"
id = "x-2023-1"
title = "标题"
issuers = ["某区教育局"]
date_issued = "2024-02-29"
district = "闵行区"
kind = "工作要点"
status = "正式"

[source]
description = "来源"
"#;

    fn parse(text: &str) -> Result<DocumentMeta, Vec<Diagnostic>> {
        parse_meta(Path::new("d/x-2023-1.toml"), text).map(|(meta, _)| meta)
    }

    #[test]
    fn accepts_a_complete_file() {
        let meta = parse(GOOD).unwrap();
        assert_eq!(meta.id, "x-2023-1");
        assert_eq!(meta.status, Status::Official);
        assert_eq!(meta.date_issued.as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn ids_are_url_safe() {
        assert!(is_valid_id("mh-2023-6"));
        for bad in ["", "Mh-1", "a--b", "-a", "a-", "a_b", "闵行", "a b"] {
            assert!(!is_valid_id(bad), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn reports_impossible_dates_on_their_line() {
        let text = GOOD.replace("2024-02-29", "2023-02-29");
        let errors = parse(&text).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 5);
        assert!(
            errors[0].message.contains("date_issued `2023-02-29`"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn reports_unknown_status_and_misspelt_keys() {
        let errors = parse(&GOOD.replace("\"正式\"", "\"草案\"")).unwrap_err();
        assert_eq!(
            (errors[0].line, errors[0].message.contains("status `草案`")),
            (8, true)
        );

        let errors = parse(&GOOD.replace("kind =", "knid =")).unwrap_err();
        assert!(errors[0].message.contains("knid"), "{}", errors[0]);
        assert_eq!(errors[0].line, 7);
    }

    #[test]
    fn reports_missing_required_fields() {
        let errors = parse(&GOOD.replace("title = \"标题\"\n", "")).unwrap_err();
        assert!(
            errors[0].message.contains("missing field `title`"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn reports_every_problem_at_once() {
        let text = GOOD
            .replace("\"闵行区\"", "\"\"")
            .replace("\"工作要点\"", "\" 要点\"");
        let errors = parse(&text).unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![6, 7]);
    }
}
