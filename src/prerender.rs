//! The portal's pages rendered to HTML natively (feature `ssr`), from the same components the
//! app renders in the browser: one source for the markup. `src/bin/prerender.rs` writes them
//! into the built `dist/` as real files, one folder per page (`policies/<doc>/<clause>/`), so a
//! page is readable before the wasm arrives, with JavaScript off, and by link previews and
//! search engines. The app then takes the page over (see `crate::start`).

use leptos::prelude::*;
use ruxue_core::link::{escape_html, folder_href, relative_root};
use ruxue_core::model::Site;

use crate::app::Portal;
use crate::i18n::Lang;
use crate::location::HashLocation;
use crate::routes::Route;

pub use crate::PRERENDERED_ID;

/// The `<body>` markup of the page at `path` (`/policies/mh-2023-6/4-9-16`), in `lang`, as the
/// app shows it before anything is typed. Page state in a query is left to the app.
pub fn render_page(path: &str, lang: Lang) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RwSignal::new(lang));
        let (location, _) = signal(HashLocation::parse(&format!("#{path}")));
        provide_context(location);
        let route = Memo::new(move |_| Route::from_path(&location.read().path));
        view! { <Portal route /> }.to_html()
    })
}

/// The file a page is written to, below `dist/`.
pub fn page_file(route: &Route) -> String {
    match route {
        Route::Home => "index.html".into(),
        Route::NotFound => "404.html".into(),
        _ => format!("{}index.html", folder_href(&route.path())),
    }
}

/// What a page says about itself to link previews and search engines.
struct PageMeta {
    title: String,
    description: String,
    /// Open Graph type: `article` for a document or clause, `website` otherwise.
    kind: &'static str,
    /// schema.org data, for documents and clauses.
    json_ld: Option<String>,
}

fn first_sentence(text: &str, max_chars: usize) -> String {
    let text = text.replace('\n', " ");
    let end = text
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | '；' | '！' | '？'))
        .map_or(text.len(), |(i, c)| i + c.len_utf8());
    let sentence = &text[..end];
    if sentence.chars().count() > max_chars {
        let cut: String = sentence.chars().take(max_chars).collect();
        format!("{cut}…")
    } else {
        sentence.to_string()
    }
}

fn page_meta(route: &Route, site_description: &str) -> PageMeta {
    let title = route.tab_title(Lang::Zh);
    let t = Lang::Zh.texts();
    let fixed = |description: &str| PageMeta {
        title: title.clone(),
        description: description.to_string(),
        kind: "website",
        json_ld: None,
    };
    let Route::Document { id, clause } = route else {
        return match route {
            Route::Guide => fixed(t.guide_intro_text),
            Route::Policies => fixed(t.policies_intro),
            Route::Clusters => fixed(t.clusters_page_intro),
            Route::Targets => fixed(t.targets_intro),
            Route::Lookup => fixed(t.lookup_intro),
            Route::GuideCheck => fixed(t.check_intro),
            _ => fixed(site_description),
        };
    };
    let Some(document) = crate::data::document(id) else {
        return fixed(site_description);
    };
    let meta = &document.meta;
    let clause = clause.as_deref().and_then(|c| document.clause(c));
    let description = match clause {
        Some(clause) => first_sentence(&clause.text, 120),
        None => {
            let number = meta.doc_number.as_deref().unwrap_or("");
            format!("《{}》{number} {}", meta.title, meta.issuers.join("、"))
        }
    };
    // schema.org's Legislation is "a legal document such as an act, decree, bill, etc.":
    // these are the bureaus' published policy documents, with their 文号 and date; a clause
    // is a part of one (legislationIdentifier keeps the citation).
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": meta.title,
        "legislationJurisdiction": meta.district,
        "legislationType": meta.kind,
        "inLanguage": "zh-CN",
    });
    if let Some(number) = &meta.doc_number {
        ld["legislationIdentifier"] = number.clone().into();
    }
    if let Some(date) = &meta.date_issued {
        ld["legislationDate"] = date.clone().into();
    }
    if let Some(clause) = clause {
        ld = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Legislation",
            "name": document.citation(clause),
            "text": clause.text,
            "isPartOf": ld,
        });
    }
    PageMeta {
        title,
        description,
        kind: "article",
        json_ld: Some(ld.to_string().replace("</", "<\\/")),
    }
}

/// The prerendered body's links made real: `href="#/guide"` becomes the page's folder and
/// `href="#rx-main"` an anchor on this page, since every page sets `<base>` to the root.
fn real_links(body: &str, page_href: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find("href=\"#") {
        out.push_str(&rest[..at + "href=\"".len()]);
        rest = &rest[at + "href=\"#".len()..];
        let end = rest.find('"').unwrap_or(rest.len());
        let target = &rest[..end];
        if target.starts_with('/') {
            out.push_str(&folder_href(&target.replace("&amp;", "&")).replace('&', "&amp;"));
        } else {
            out.push_str(&format!("{page_href}#{target}"));
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// A notice for readers without JavaScript on the pages that need it.
fn without_script_note(route: &Route) -> Option<String> {
    let guide = folder_href(&Route::Guide.path());
    let note = match route {
        Route::Search | Route::Lookup | Route::Embed => format!(
            "本页需要启用 JavaScript。<span lang=\"en\">This page needs JavaScript.</span> \
             <a class=\"rx-link\" href=\"{guide}\">入学指南 <span lang=\"en\">Enrolment guide</span></a>"
        ),
        Route::GuideCheck => format!(
            "本页的计算需要启用 JavaScript。按规则，9月1日至次年8月31日出生的孩子为同一批：\
             在Y年9月入小学的，是Y-7年9月1日至Y-6年8月31日出生的儿童；入幼儿园早三年。\
             <a class=\"rx-link\" href=\"{guide}\">入学指南</a>列出来源。"
        ),
        _ => return None,
    };
    Some(format!(
        "<noscript><div class=\"rx-notice\"><p class=\"rx-notice__body\">{note}</p></div></noscript>"
    ))
}

/// The whole file for `route`, from trunk's `index.html` (`template`): the page's own title,
/// description, links for previews and search engines, and its content in place of the
/// loading message.
pub fn page_html(template: &str, route: &Route, site: &Site) -> String {
    let path = route.path();
    let site_description = meta_description(template).unwrap_or_default();
    let meta = page_meta(route, &site_description);
    // The 404 page is served at any depth; only an absolute root finds the assets there.
    let root = match (route, &site.site_url) {
        (Route::NotFound, Some(url)) => url.clone(),
        (Route::NotFound, None) => "./".to_string(),
        _ => relative_root(&path),
    };
    let page_href = if *route == Route::Home {
        "./".to_string()
    } else {
        folder_href(&path)
    };
    let mut head = format!("<base href=\"{}\">", escape_html(&root));
    let mut tags = String::new();
    let canonical = site.site_url.as_ref().filter(|_| *route != Route::NotFound);
    if let Some(url) = canonical {
        let href = if *route == Route::Home {
            url.clone()
        } else {
            format!("{url}{page_href}")
        };
        tags.push_str(&format!(
            "<link rel=\"canonical\" href=\"{0}\"><meta property=\"og:url\" content=\"{0}\">",
            escape_html(&href)
        ));
    }
    tags.push_str(&format!(
        "<meta property=\"og:type\" content=\"{}\"><meta property=\"og:title\" content=\"{}\">\
         <meta property=\"og:description\" content=\"{}\"><meta property=\"og:site_name\" content=\"入学 Ruxue\">\
         <meta property=\"og:locale\" content=\"zh_CN\"><meta name=\"twitter:card\" content=\"summary\">",
        meta.kind,
        escape_html(&meta.title),
        escape_html(&meta.description)
    ));
    if let Some(ld) = &meta.json_ld {
        tags.push_str(&format!(
            "<script type=\"application/ld+json\">{ld}</script>"
        ));
    }
    head.push_str(&tags);

    let mut body = real_links(&render_page(&path, Lang::Zh), &page_href);
    if let Some(note) = without_script_note(route) {
        if let Some(at) = body
            .find("<main")
            .and_then(|at| body[at..].find('>').map(|end| at + end + 1))
        {
            body.insert_str(at, &note);
        }
    }
    let html = set_title(template, &meta.title);
    let html = set_description(&html, &meta.description);
    let html = insert_after_charset(&html, &head);
    replace_loading(&html, &format!("<div id=\"{PRERENDERED_ID}\">{body}</div>"))
}

fn meta_description(template: &str) -> Option<String> {
    let at = template.find("name=description")?;
    let start = template[..at].rfind("<meta")?;
    let tag = &template[start..at];
    let content = tag.split_once("content=")?.1.trim();
    Some(content.trim_matches('"').to_string())
}

fn set_title(html: &str, title: &str) -> String {
    match (html.find("<title>"), html.find("</title>")) {
        (Some(start), Some(end)) => {
            format!(
                "{}<title>{}{}",
                &html[..start],
                escape_html(title),
                &html[end..]
            )
        }
        _ => html.to_string(),
    }
}

fn set_description(html: &str, description: &str) -> String {
    let Some(at) = html.find("name=description") else {
        return html.to_string();
    };
    let Some(start) = html[..at].rfind("<meta") else {
        return html.to_string();
    };
    let end = at + html[at..].find('>').unwrap_or(0) + 1;
    format!(
        "{}<meta name=\"description\" content=\"{}\">{}",
        &html[..start],
        escape_html(description),
        &html[end..]
    )
}

/// `html` with `tags` right after its `<meta charset>`; unchanged if it has none.
pub fn insert_after_charset(html: &str, tags: &str) -> String {
    let lower = html.to_ascii_lowercase();
    match lower
        .find("<meta charset=utf-8>")
        .or_else(|| lower.find("<meta charset=\"utf-8\">"))
    {
        Some(at) => {
            let end = at + html[at..].find('>').unwrap_or(0) + 1;
            format!("{}{tags}{}", &html[..end], &html[end..])
        }
        None => html.to_string(),
    }
}

/// Replaces the loading message (and its "needs JavaScript" note) with the page.
fn replace_loading(html: &str, page: &str) -> String {
    let Some(start) = html.find("<div class=rx-loading id=rx-loading>") else {
        return html.to_string();
    };
    let Some(end) = html[start..]
        .find("</div>")
        .map(|end| start + end + "</div>".len())
    else {
        return html.to_string();
    };
    format!("{}{page}{}", &html[..start], &html[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<!doctype html><html lang=zh-CN><meta charset=utf-8><meta content=站点简介 name=description><title>入学 Ruxue</title><script type=module>start()</script></head><body><div class=rx-loading id=rx-loading><p>正在加载</p><noscript><p>需要脚本</p></noscript></div></body></html>";

    /// `index.html` sends an old link (`#/guide`) to its page's file only for the sections it
    /// names; a section missing there would wait for the app on a blank page.
    #[test]
    fn the_old_link_script_names_every_section() {
        let template = include_str!("../index.html");
        let script = &template[template.find("data-rx-boot").expect("the boot script")..];
        let listed = script
            .split_once("^#\\/(")
            .and_then(|(_, rest)| rest.split_once(')'))
            .map(|(names, _)| names.split('|').collect::<std::collections::BTreeSet<_>>())
            .expect("the script's list of sections");
        let sections: std::collections::BTreeSet<_> = Route::every_page()
            .iter()
            .filter_map(|route| route.path().split('/').nth(1).map(str::to_string))
            .filter(|section| !section.is_empty())
            .collect();
        assert_eq!(
            listed,
            sections.iter().map(String::as_str).collect(),
            "update the list in index.html's data-rx-boot script"
        );
    }

    #[test]
    fn every_page_renders_natively_with_its_content() {
        let document = crate::data::document_at(0).expect("natively every text is in");
        let clause = document
            .clauses
            .iter()
            .find(|c| c.text.chars().count() > 20)
            .expect("a clause with text");
        let path = format!("/policies/{}/{}", document.meta.id, clause.id);
        let html = render_page(&path, Lang::Zh);
        assert!(html.contains(&document.meta.title), "{path}: title");
        let opening: String = clause.text.chars().take(20).collect();
        assert!(html.contains(&opening), "{path}: clause text");
        for page in [
            "/",
            "/policies",
            "/guide",
            "/guide/check",
            "/clusters",
            "/lookup",
        ] {
            let html = render_page(page, Lang::Zh);
            assert!(html.contains("<main"), "{page}");
        }
        for page in ["/search", "/embed", "/sources", "/targets", "/no-such-page"] {
            assert!(render_page(page, Lang::En).contains("<main"), "{page}");
        }
    }

    /// The targets page (issue 17) prerenders whole: every target with the document's words,
    /// grouped by area, and each measure two districts share as a chart and its table.
    #[test]
    fn the_targets_page_shows_every_target_and_the_comparisons() {
        let corpus = crate::data::corpus();
        assert!(
            !corpus.targets.is_empty(),
            "the prerender reads the targets' file"
        );
        let html = render_page("/targets", Lang::Zh);
        for target in corpus.targets.iter() {
            assert!(
                html.contains(&format!("id=\"{}\"", target.id)),
                "{}",
                target.id
            );
            assert!(html.contains(&target.quote), "{}", target.id);
        }
        assert!(html.contains("<h1 class=\"rx-heading-xl\">各区指标</h1>"));
        assert!(html.contains("<h2 id=\"rx-targets-compare\">各区对比</h2>"));
        let figure = &html[html
            .find("rx-compare-inclusive-kindergarten-coverage")
            .expect("a comparison")..];
        let figure = &figure[..figure.find("</figure>").expect("closed")];
        assert!(figure.contains("<svg"));
        assert!(
            figure.contains(
                "普惠性幼儿园覆盖率：宝山区 2023年 93%；闵行区 2024年 95%；闵行区 2025年 95%。"
            ),
            "{figure}"
        );
        assert!(figure.contains("<th scope=\"row\" lang=\"zh-CN\">宝山区</th>"));
        let english = render_page("/targets", Lang::En);
        assert!(english.contains("Coverage of affordable (普惠性) kindergartens: 宝山区 2023 93%"));
        assert!(english.contains("<h2 id=\"rx-targets-compare\">Side by side</h2>"));
    }

    #[test]
    fn a_clause_page_is_a_file_with_its_own_metadata_and_real_links() {
        let document = crate::data::document_at(0).expect("natively every text is in");
        let clause = document
            .clauses
            .iter()
            .find(|c| c.text.chars().count() > 20)
            .unwrap();
        let route = Route::Document {
            id: document.meta.id.clone(),
            clause: Some(clause.id.clone()),
        };
        assert_eq!(
            page_file(&route),
            format!("policies/{}/{}/index.html", document.meta.id, clause.id)
        );
        let site = Site {
            site_url: Some("https://example.invalid/ruxue/".into()),
            ..Site::default()
        };
        let html = page_html(TEMPLATE, &route, &site);
        assert!(html.contains("<meta charset=utf-8><base href=\"../../../\">"));
        assert!(html.contains(&format!(
            "<link rel=\"canonical\" href=\"https://example.invalid/ruxue/policies/{}/{}/\">",
            document.meta.id, clause.id
        )));
        assert!(html.contains("\"@type\":\"Legislation\""));
        assert!(html.contains(&format!(
            "<title>{}",
            escape_html(&route.tab_title(Lang::Zh))
        )));
        assert!(!html.contains("正在加载") && !html.contains("需要脚本"));
        assert!(!html.contains("href=\"#/"), "links are real paths");
        assert!(html.contains("href=\"policies/\""));
        let without_site = page_html(TEMPLATE, &route, &Site::default());
        assert!(!without_site.contains("canonical") && without_site.contains("og:title"));
        let search = page_html(TEMPLATE, &Route::Search, &Site::default());
        assert!(search.contains("<noscript>") && search.contains("This page needs JavaScript"));
        assert!(search.contains("content=站点简介") || search.contains("content=\"站点简介\""));
    }

    #[test]
    fn links_become_folders_and_anchors_stay_on_their_page() {
        assert_eq!(
            real_links(
                "<a href=\"#/search?q=a&amp;kind=clause\">x</a><a href=\"#rx-main\">y</a>",
                "guide/"
            ),
            "<a href=\"search/?q=a&amp;kind=clause\">x</a><a href=\"guide/#rx-main\">y</a>"
        );
    }
}
