//! Reading the directory: `data/sources.toml`, `data/places/*.csv`, `data/schools/*.csv` and
//! `data/schools/facts.toml`, the import path for bureaus' own lists. Every row is validated,
//! and a problem is a `file:line: message`, never a skipped row. Columns are documented in
//! data/README.md.

mod places;
mod schools;
mod sources;

use std::path::Path;

use super::problems::AtLine;
use crate::diagnostic::Diagnostic;
use crate::model::{find_item, Directory, Document, PublicSource};

/// One file's loader: it reads its rows into `directory`, checking them against what the
/// files before it loaded.
type FileLoader = fn(&Path, &[Document], &mut Directory, &mut Vec<Diagnostic>);

/// Loads and validates the directory against the already loaded `documents`: one loader per
/// file, in the order their rows may refer to each other (sources, then places, then schools).
pub(crate) fn load_directory(
    data_dir: &Path,
    documents: &[Document],
) -> Result<Directory, Vec<Diagnostic>> {
    let loaders: [FileLoader; 10] = [
        sources::load_sources,
        places::load_districts,
        places::load_towns,
        places::load_elsewhere,
        places::load_communities,
        schools::load_schools,
        schools::load_clusters,
        schools::load_memberships,
        schools::load_catchments,
        schools::load_facts,
    ];
    let mut directory = Directory::default();
    let mut problems = Vec::new();
    for load in loaders {
        load(data_dir, documents, &mut directory, &mut problems);
    }
    if problems.is_empty() {
        Ok(directory)
    } else {
        Err(problems)
    }
}

/// Whether `source` names an item of `documents` (`doc/clause`) or one of the `public` sources.
pub(crate) fn source_resolves(
    source: &str,
    documents: &[Document],
    public: &[PublicSource],
) -> bool {
    if source.contains('/') {
        find_item(documents, source).is_some()
    } else {
        public.iter().any(|s| s.id == source)
    }
}

/// Checks that `source` is present and names a document item or a public source.
fn check_source(source: &str, documents: &[Document], public: &[PublicSource], at: &mut AtLine) {
    if source.is_empty() {
        at.push("missing source: cite a document item (e.g. mh-2023-6/4-9-16) or a source id from sources.toml");
    } else if !source_resolves(source, documents, public) {
        at.push(format!(
            "source `{source}` does not resolve: no such document item or sources.toml id"
        ));
    }
}

/// Whether `name` is a covered district listed so far.
fn district_known(name: &str, directory: &Directory) -> bool {
    directory.districts.iter().any(|d| d.name == name)
}

/// Whether `town` is a listed 街镇 of `district`.
fn town_known(district: &str, town: &str, directory: &Directory) -> bool {
    directory
        .towns
        .iter()
        .any(|t| t.district == district && t.name == town)
}
