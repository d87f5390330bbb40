//! `data/sources.toml`: the public sources other than the documents, each with the authority
//! that published it and where to read it.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{line_of_offset, Diagnostic};
use crate::load::metadata::is_valid_id;
use crate::load::problems::AtLine;
use crate::load::toml_file;
use crate::model::{Directory, Document, PublicSource, QUALITIES};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawSources {
    #[serde(default)]
    source: Vec<Spanned<RawSource>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    #[serde(default)]
    authority: String,
    doc_number: Option<String>,
    title: String,
    url: Option<String>,
    via: Option<String>,
    date: Option<String>,
    quality: String,
}

/// A source's date: a year, a month or a day that exists (`2023`, `2024-04`, `2024-04-18`).
fn is_source_date(text: &str) -> bool {
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [year] => digits(year, 4),
        [year, month] => {
            digits(year, 4) && digits(month, 2) && (1..=12).contains(&month.parse().unwrap_or(0))
        }
        [_, _, _] => crate::calendar::CalendarDate::parse(text).is_ok() && text.len() == 10,
        _ => false,
    }
}

/// `sources.toml`: public sources, each with its authority and where to read it.
pub(super) fn load_sources(
    data_dir: &Path,
    _documents: &[Document],
    directory: &mut Directory,
    problems: &mut Vec<Diagnostic>,
) {
    let sources_path = data_dir.join("sources.toml");
    let (raw, text) = toml_file::read_optional::<RawSources>(&sources_path, problems);
    for spanned in raw.source {
        let line = line_of_offset(&text, spanned.span().start);
        let s = spanned.into_inner();
        let mut at = AtLine::new(&sources_path, line, problems);
        if !is_valid_id(&s.id) || directory.sources.iter().any(|o| o.id == s.id) {
            at.push(format!(
                "source id `{}` is not a unique lower-case id",
                s.id
            ));
        }
        if !QUALITIES.contains(&s.quality.as_str()) {
            at.push(format!(
                "quality `{}` is not one of official, press, repost",
                s.quality
            ));
        }
        if s.authority.trim().is_empty() {
            at.push(if s.quality == "repost" {
                format!(
                    "repost `{}` names no authority: add `authority = \"…\"`, the body whose text it copies (e.g. 上海市教育委员会), and its `doc_number` if the text gives one",
                    s.id
                )
            } else {
                format!(
                    "source `{}` names no authority: add `authority = \"…\"`, the body that published it",
                    s.id
                )
            });
        }
        match s.url.as_deref() {
            Some(url) if !(url.starts_with("https://") || url.starts_with("http://")) => {
                at.push(format!("url `{url}` must start with https:// or http://"));
            }
            None if s.doc_number.is_none() => at.push(format!(
                "source `{}` has neither a url nor a doc_number: give where it can be read, or its 文号",
                s.id
            )),
            _ => {}
        }
        if let Some(date) = s.date.as_deref().filter(|d| !is_source_date(d)) {
            at.push(format!(
                "date `{date}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (a real day)"
            ));
        }
        directory.sources.push(PublicSource {
            id: s.id,
            authority: s.authority,
            doc_number: s.doc_number,
            title: s.title,
            url: s.url,
            via: s.via,
            date: s.date,
            quality: s.quality,
        });
    }
}
