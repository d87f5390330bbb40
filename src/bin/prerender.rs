//! Writes the data files and the prerendered pages into a built `dist/` (feature `ssr`;
//! `scripts/build.sh` runs it after trunk and `scripts/csp.mjs`): `data/corpus-<hash>.bin`,
//! `data/doc-<id>-<hash>.bin`, `data/text-<id>-<k>-<hash>.bin` and `data/index-<n>-<hash>.bin`
//! (the bundle `build.rs` compiled from `data/`, split), then, from those files as the app
//! reads them, one `index.html` per page folder, `404.html`, `sitemap.xml` and `robots.txt`.
//! Every page, and the widget's `embed.html`, names the data file in `<meta name="rx-data">`. `_headers`
//! gets a Content-Security-Policy rule for each page, copied from the root page's, and a
//! cache-for-good rule for the data file.
//!
//! `cargo run --release --no-default-features --features ssr --bin ruxue-prerender -- dist`
//!
//! For the scale benchmark (`make scale-bench`) only: `RUXUE_BUNDLE=<file>` takes the data
//! file from there instead of from `data/`, and `RUXUE_PRERENDER_CLAUSES=0` leaves out the
//! clause pages (tens of thousands of files for a synthetic corpus, none of them measured).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use ruxue_core::link::folder_href;
use ruxue_web::data::corpus;
use ruxue_web::prerender::{insert_after_charset, page_file, page_html};
use ruxue_web::routes::Route;

fn main() -> Result<()> {
    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    let template_path = dist.join("index.html");
    let template = std::fs::read_to_string(&template_path)
        .with_context(|| format!("reading trunk's page {}", template_path.display()))?;
    if template.contains(&format!("id=\"{}\"", ruxue_web::prerender::PRERENDERED_ID)) {
        bail!(
            "{} is already prerendered: build again",
            template_path.display()
        );
    }
    let (data_href, document_hrefs, places_href) = write_data_files(&dist)?;
    let template = with_meta(&template, ruxue_web::data::DATA_META, &data_href)?;
    // English's UI strings: a file of their own, which only a parent who reads English fetches.
    let english = ruxue_web::i18n::english_file();
    let english_name = ruxue_core::bundle::file_name("texts-en", english.as_bytes());
    let english_path = dist
        .join(ruxue_core::bundle::DATA_FOLDER)
        .join(&english_name);
    std::fs::write(&english_path, &english)
        .with_context(|| format!("writing {}", english_path.display()))?;
    let template = with_meta(
        &template,
        ruxue_web::i18n::ENGLISH_META,
        &format!("{}/{english_name}", ruxue_core::bundle::DATA_FOLDER),
    )?;
    // The widget's entry is the app's page without a prerendered view (scripts/csp.mjs).
    write(&dist.join("embed.html"), &template)?;
    let site = &corpus().site;
    let mut pages = Route::every_page();
    if std::env::var_os("RUXUE_PRERENDER_CLAUSES").is_some_and(|v| v == "0") {
        pages.retain(|route| {
            !matches!(
                route,
                Route::Document {
                    clause: Some(_),
                    ..
                }
            )
        });
    }
    pages.push(Route::NotFound);
    let parts = parts_map()?;
    let mut written = Vec::new();
    for route in &pages {
        let file = dist.join(page_file(route));
        // A document's page names its document's file too, so that the start-up script asks
        // for it beside the manifest instead of after it.
        let document = match route {
            Route::Document { id, .. } => corpus().documents.iter().position(|d| d.meta.id == *id),
            _ => None,
        };
        let mut page_template = match document {
            Some(index) => with_meta(
                &template,
                ruxue_web::data::DOCUMENT_META,
                &document_hrefs[index],
            )?,
            None => template.clone(),
        };
        // The clusters page reads the places: a file beside the manifest.
        if route.needs_places() {
            page_template = with_meta(&page_template, ruxue_web::data::PLACES_META, &places_href)?;
        }
        // Its part of the wasm too, which the app would otherwise ask for only once the
        // main part runs.
        if let (Some(parts), Some(name)) = (&parts, ruxue_web::page_code::part_name(route)) {
            let part = parts.get(name).with_context(|| {
                format!("scripts/split-wasm.mjs listed no part named {name} (src/page_code.rs)")
            })?;
            for file in part.files.iter().rev() {
                page_template = with_meta(&page_template, ruxue_web::page_code::PART_META, file)?;
            }
            // The same files in one, which a first visit asks for instead (Trunk.toml).
            page_template = with_meta(
                &page_template,
                ruxue_web::page_code::PART_BUNDLE_META,
                &part.bundle,
            )?;
        }
        let html = page_html(&page_template, route, site);
        write(&file, &html)?;
        written.push(route);
    }
    write(&dist.join("sitemap.xml"), &sitemap(&pages, site))?;
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    if let Some(url) = &site.site_url {
        let _ = writeln!(robots, "Sitemap: {url}sitemap.xml");
    }
    write(&dist.join("robots.txt"), &robots)?;
    add_headers(&dist.join("_headers"), &pages)?;
    println!(
        "prerender: wrote {} pages, 404.html, sitemap.xml and robots.txt into {}",
        written.len() - 1,
        dist.display()
    );
    Ok(())
}

/// Splits the bundle into the data files (the manifest, the places, one file per
/// document, the search index's shards) in `data/`, reads them back and gives them to the
/// pages, so the prerendered pages show exactly what the app will read. Returns the
/// manifest's address below `dist/`, each document's, and the places'.
fn write_data_files(dist: &Path) -> Result<(String, Vec<String>, String)> {
    use ruxue_core::bundle::DATA_FOLDER;
    let other = match std::env::var_os("RUXUE_BUNDLE") {
        Some(file) => Some(
            std::fs::read(&file)
                .with_context(|| format!("reading RUXUE_BUNDLE={}", file.to_string_lossy()))?,
        ),
        None => None,
    };
    let bundle = other.as_deref().unwrap_or(ruxue_web::data::BUILT_BUNDLE);
    let corpus = ruxue_core::bundle::decode(bundle)
        .map_err(|e| anyhow::anyhow!("the build's bundle: {e}"))?;
    let files = ruxue_core::bundle::split(&corpus);
    let folder = dist.join(DATA_FOLDER);
    // Only this build's files: old ones would be precached and deployed for nothing.
    if folder.exists() {
        std::fs::remove_dir_all(&folder)
            .with_context(|| format!("removing the last build's {}", folder.display()))?;
    }
    std::fs::create_dir_all(&folder).with_context(|| format!("creating {}", folder.display()))?;
    let read_back = |name: &str, bytes: &[u8]| -> Result<Vec<u8>> {
        let path = folder.join(name);
        std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
        std::fs::read(&path).with_context(|| format!("reading {}", path.display()))
    };
    // File by file, so that an error names its file.
    type Install = fn(&[u8]) -> Result<(), ruxue_core::bundle::BundleError>;
    let singles: [(&(String, Vec<u8>), Install); 6] = [
        (&files.manifest, ruxue_web::data::install),
        (&files.places, ruxue_web::data::install_places),
        (&files.communities, ruxue_web::data::install_communities),
        (&files.readings, ruxue_web::data::install_readings),
        (&files.targets, ruxue_web::data::install_targets),
        (&files.aids, ruxue_web::data::install_aids),
    ];
    for ((name, bytes), install) in singles {
        install(&read_back(name, bytes)?)
            .map_err(|e| anyhow::anyhow!("{DATA_FOLDER}/{name}: {e}"))?;
    }
    for (index, (document_name, bytes)) in files.documents.iter().enumerate() {
        ruxue_web::data::install_document(index, &read_back(document_name, bytes)?)
            .map_err(|e| anyhow::anyhow!("{DATA_FOLDER}/{document_name}: {e}"))?;
    }
    for (number, (shard_name, bytes)) in files.index.iter().enumerate() {
        ruxue_web::data::install_shard(number, &read_back(shard_name, bytes)?)
            .map_err(|e| anyhow::anyhow!("{DATA_FOLDER}/{shard_name}: {e}"))?;
    }
    for (document, list) in files.texts.iter().enumerate() {
        for (k, (texts_name, bytes)) in list.iter().enumerate() {
            ruxue_web::data::install_texts(document, k, &read_back(texts_name, bytes)?)
                .map_err(|e| anyhow::anyhow!("{DATA_FOLDER}/{texts_name}: {e}"))?;
        }
    }
    let documents = files
        .documents
        .iter()
        .map(|(name, _)| format!("{DATA_FOLDER}/{name}"))
        .collect();
    Ok((
        format!("{DATA_FOLDER}/{}", files.manifest.0),
        documents,
        format!("{DATA_FOLDER}/{}", files.places.0),
    ))
}

/// A split point's files, as `scripts/split-wasm.mjs` lists them.
#[derive(serde::Deserialize)]
struct Part {
    /// Its own part of the wasm (if it has code of its own) and the chunks it shares.
    files: Vec<String>,
    /// The same files one after another in one file, for a first visit.
    bundle: String,
}

/// The files of each page's part of the wasm, by split point, as `scripts/split-wasm.mjs`
/// wrote them to `RUXUE_PARTS_MAP` (`scripts/build.sh`); `None` when the build did not split
/// the wasm.
fn parts_map() -> Result<Option<std::collections::HashMap<String, Part>>> {
    let Some(path) = std::env::var_os("RUXUE_PARTS_MAP") else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("reading RUXUE_PARTS_MAP={}", path.to_string_lossy()))?;
    let map = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a map of parts", path.to_string_lossy()))?;
    Ok(Some(map))
}

/// The page with `<meta name="{name}" content="{content}">` right after its charset.
fn with_meta(template: &str, name: &str, content: &str) -> Result<String> {
    let meta = format!(
        "<meta name=\"{name}\" content=\"{}\">",
        ruxue_core::link::escape_html(content)
    );
    let page = insert_after_charset(template, &meta);
    if !page.contains(&meta) {
        bail!("trunk's index.html has no <meta charset>");
    }
    Ok(page)
}

fn write(path: &Path, text: &str) -> Result<()> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("creating {}", folder.display()))?;
    }
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}

/// Every page, with the day the data was last checked. Addresses are absolute when the site's
/// address is set, as the sitemap protocol asks, and relative to the sitemap otherwise.
fn sitemap(pages: &[Route], site: &ruxue_core::model::Site) -> String {
    let base = site.site_url.clone().unwrap_or_default();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for route in pages.iter().filter(|r| **r != Route::NotFound) {
        let href = match route {
            Route::Home => String::new(),
            _ => folder_href(&route.path()),
        };
        let _ = writeln!(
            xml,
            "  <url><loc>{base}{href}</loc><lastmod>{}</lastmod></url>",
            site.last_checked
        );
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Hosts that read `_headers` give each page the root page's policy (frame-ancestors 'self'),
/// and may cache the data file for good: its name changes with its content.
fn add_headers(path: &Path, pages: &[Route]) -> Result<()> {
    let headers = std::fs::read_to_string(path)
        .with_context(|| format!("reading {} (written by scripts/csp.mjs)", path.display()))?;
    let rule = headers
        .split("\n/")
        .find(|block| block.starts_with("index.html\n"))
        .context("_headers has no rule for /index.html")?;
    let lines = rule["index.html\n".len()..].trim_end_matches('\n');
    let mut out = headers.clone();
    for route in pages
        .iter()
        .filter(|r| !matches!(r, Route::Home | Route::NotFound))
    {
        let folder = folder_href(&route.path());
        let _ = write!(out, "/{folder}\n{lines}\n/{folder}index.html\n{lines}\n");
    }
    // The data files' names hold their content's hash, like trunk's files.
    let _ = write!(
        out,
        "/{}/*\n  Cache-Control: public, max-age=31536000, immutable\n",
        ruxue_core::bundle::DATA_FOLDER
    );
    std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))
}
