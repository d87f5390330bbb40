//! `ruxue`: the command line over `ruxue-core`, for bureau editors and scripts.
//!
//! It reads `data/` through the same code the portal's build uses, so a `ruxue check` that
//! passes means the build will accept the data too.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use ruxue_core::{Clause, Corpus, Document};
use serde_json::json;
use serde_json::Value;

/// Ruxue (入学): check and query the portal's data.
#[derive(Parser)]
#[command(name = "ruxue", version, about, long_about = None)]
struct Cli {
    /// The data folder (editors' source of truth).
    #[arg(long, global = true, default_value = "data")]
    data: PathBuf,
    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate every data file; print `file:line: message` for each problem and exit 1 if any.
    Check,
    /// Print the whole corpus: documents with metadata, items and the repairs applied.
    Export,
    /// Print one item with its citation, e.g. `ruxue show mh-2023-6/4-9-16`.
    Show {
        /// `<document id>/<item id>`, as in the item's link.
        item_id: String,
    },
    /// Which district, 街镇, clusters and schools apply, e.g. `ruxue lookup 七宝镇 --json`.
    Lookup {
        /// A 街镇, school or cluster name, alias, pinyin, or an address fragment.
        query: String,
        /// How many matches to print.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Entry years for a birth date, e.g. `ruxue age 2020-10-01 --today 2026-11-22 --json`.
    Age {
        /// The child's birth date, YYYY-MM-DD.
        birth: String,
        /// Today's date, YYYY-MM-DD (default: the system date).
        #[arg(long)]
        today: Option<String>,
        /// The household: hukou (上海户籍), permit (《上海市居住证》) or other. Adds the
        /// statements for children without Shanghai 户籍, as the guided check does.
        #[arg(long)]
        household: Option<String>,
        /// Keep district statements of this district only (city-wide ones always apply).
        #[arg(long)]
        district: Option<String>,
    },
    /// Key enrolment dates by year and scope, e.g. `ruxue dates --year 2025`; with `--ics`, the
    /// same iCalendar file the portal's 加入日历 makes, for a phone's calendar.
    Dates {
        /// Only this year's cycles. A year with no published dates is an error.
        #[arg(long)]
        year: Option<i32>,
        /// Write an iCalendar (RFC 5545) file to standard output instead.
        #[arg(long)]
        ics: bool,
        /// The calendar file's language: zh (default) or en.
        #[arg(long, default_value = "zh")]
        lang: String,
        /// Today's date, YYYY-MM-DD, stamped in the file (default: the system date).
        #[arg(long)]
        today: Option<String>,
    },
    /// The quantified commitments (指标) the documents make, with the clause and words that
    /// state each, e.g. `ruxue targets --json --district 闵行区 --area 学前教育`.
    Targets {
        /// Only this district's targets.
        #[arg(long)]
        district: Option<String>,
        /// Only this area's (托育, 学前教育, 义务教育 …; `ruxue targets` lists them).
        #[arg(long)]
        area: Option<String>,
        /// Only targets for this year (the year the text names, else the document's).
        #[arg(long)]
        year: Option<i32>,
        /// Instead, list the numbers in the documents that no target quotes and no review
        /// explains, as `file:line: …`, and exit 1 if there are any.
        #[arg(long)]
        uncovered: bool,
    },
    /// Search guide statements, key dates, clauses, places, schools, clusters and tools, best
    /// first, e.g. `ruxue search 幼升小 --json`.
    Search {
        /// What a parent would type: a question or words, in Chinese (traditional too), pinyin
        /// or English.
        query: String,
        /// How many hits to print.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Only what applies in this district, e.g. 闵行区.
        #[arg(long)]
        district: Option<String>,
        /// Only hits of this kind: statement, dates, clause, target, place, school, cluster or
        /// tool.
        #[arg(long)]
        kind: Option<String>,
    },
}

fn main() -> ExitCode {
    // `ruxue export --json | head` should stop quietly, as other command-line tools do, instead
    // of panicking when the reader goes away: restore the default SIGPIPE behaviour.
    #[cfg(unix)]
    // SAFETY: called once at start-up, before any thread exists; SIG_DFL is a valid handler.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("ruxue: {}", printable(&format!("{error:#}")));
            ExitCode::from(2)
        }
    }
}

/// `text` with control characters shown as escapes (`\u{1b}`), so that echoed input cannot
/// move the cursor, clear the screen or recolour an editor's terminal.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn run(cli: &Cli) -> Result<ExitCode> {
    match &cli.command {
        Command::Check => check(cli),
        Command::Export => export(cli),
        Command::Show { item_id } => show(cli, item_id),
        Command::Lookup { query, limit } => lookup(cli, query, *limit),
        Command::Age {
            birth,
            today,
            household,
            district,
        } => age(
            cli,
            birth,
            today.as_deref(),
            household.as_deref(),
            district.as_deref(),
        ),
        Command::Dates {
            year,
            ics,
            lang,
            today,
        } => dates(cli, *year, *ics, lang, today.as_deref()),
        Command::Targets {
            district,
            area,
            year,
            uncovered,
        } => {
            let filter = ruxue_core::targets::Filter {
                district: district.clone(),
                year: *year,
                area: area.clone(),
            };
            targets(cli, &filter, *uncovered)
        }
        Command::Search {
            query,
            limit,
            district,
            kind,
        } => search(cli, query, *limit, district.as_deref(), kind.as_deref()),
    }
}

/// What a valid data folder still lacks for a deployment: it builds, but the editor should know.
fn warnings(cli: &Cli, corpus: &ruxue_core::Corpus) -> Vec<String> {
    let mut out = Vec::new();
    if corpus.site.report_problem.is_none() {
        out.push(format!(
            "{}: {}",
            cli.data.join(ruxue_core::SITE_FILE).display(),
            ruxue_core::model::REPORT_UNSET_WARNING
        ));
    }
    if corpus.site.site_url.is_none() {
        out.push(format!(
            "{}: {}",
            cli.data.join(ruxue_core::SITE_FILE).display(),
            ruxue_core::model::SITE_URL_UNSET_WARNING
        ));
    }
    out
}

fn check(cli: &Cli) -> Result<ExitCode> {
    let result = ruxue_core::load_corpus(&cli.data);
    if cli.json {
        let report = match &result {
            Ok(corpus) => json!({
                "ok": true,
                "documents": corpus.documents.len(),
                "problems": [],
                "warnings": warnings(cli, corpus),
            }),
            Err(problems) => json!({
                "ok": false,
                "problems": problems.iter().map(|p| json!({
                    "file": p.file.display().to_string(),
                    "line": p.line,
                    "message": p.message,
                })).collect::<Vec<_>>(),
            }),
        };
        println!("{}", serde_json::to_string_pretty(&report)?);
    }
    match result {
        Ok(corpus) => {
            if !cli.json {
                for warning in warnings(cli, &corpus) {
                    eprintln!("warning: {warning}");
                }
                println!(
                    "ok: {} documents in {} are valid",
                    corpus.documents.len(),
                    cli.data.display()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!(
                "error: {} problem(s) found; fix them and run `ruxue check` again",
                problems.len()
            );
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Loads the corpus, or fails with every `file:line` problem, as `check` would print them.
fn load(cli: &Cli) -> Result<Corpus> {
    ruxue_core::load_corpus(&cli.data).map_err(|problems| {
        let listing: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        anyhow::anyhow!(
            "{}\nthe data is invalid; run `ruxue check` for details",
            listing.join("\n")
        )
    })
}

/// The JSON shape scripts depend on for one item.
fn item_json(document: &Document, clause: &Clause) -> Value {
    json!({
        "id": document.item_id(clause),
        "kind": clause.kind,
        "number": clause.number,
        "path": clause.path,
        "lead": clause.lead,
        "text": clause.text,
        "departments": clause.departments,
        "attachments": clause.attachments,
        "repairs": clause.repairs,
        "source_line": clause.source_line,
        "citation": document.citation(clause),
        "link": ruxue_core::link::folder_href(&document.clause_route(clause)),
    })
}

fn export(cli: &Cli) -> Result<ExitCode> {
    let corpus = load(cli)?;
    let documents: Vec<Value> = corpus
        .documents
        .iter()
        .map(|document| {
            json!({
                "id": document.meta.id,
                "meta": document.meta,
                "items": document.clauses.iter().map(|c| item_json(document, c)).collect::<Vec<_>>(),
                "repairs": document.repairs,
            })
        })
        .collect();
    let export = json!({ "documents": documents });
    if cli.json {
        println!("{}", serde_json::to_string_pretty(&export)?);
    } else {
        for document in &corpus.documents {
            println!(
                "{}  {}  ({} items, {} repairs)",
                document.meta.id,
                document.meta.title,
                document.clauses.len(),
                document.repairs.len()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn show(cli: &Cli, item_id: &str) -> Result<ExitCode> {
    let corpus = load(cli)?;
    let (doc_id, clause_id) = item_id
        .split_once('/')
        .with_context(|| format!("`{item_id}` is not an item id: write it as <document id>/<item id>, e.g. mh-2023-6/4-9-16"))?;
    let Some(document) = corpus.document(doc_id) else {
        bail!("no document `{doc_id}`; `ruxue export` lists them");
    };
    let Some(clause) = document.clause(clause_id) else {
        bail!(
            "document `{doc_id}` has no item `{clause_id}`; `ruxue export --json` lists its items"
        );
    };
    if cli.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&item_json(document, clause))?
        );
    } else {
        println!("{}", document.citation(clause));
        println!();
        println!("{}{}", clause.number, clause.text);
        if !clause.departments.is_empty() {
            println!();
            println!("责任部门: {}", clause.departments.join("、"));
        }
        for &index in &clause.repairs {
            let repair = &document.repairs[index as usize];
            println!();
            println!(
                "原文校正 (line {}): {:?} → {:?}  {}",
                repair.source_line, repair.original, repair.replacement, repair.reason
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn search(
    cli: &Cli,
    query: &str,
    limit: usize,
    district: Option<&str>,
    kind: Option<&str>,
) -> Result<ExitCode> {
    use ruxue_core::search::HitKind;
    let kinds: Vec<HitKind> = match kind {
        None => Vec::new(),
        Some(name) => vec![HitKind::parse(name).with_context(|| {
            let names: Vec<&str> = HitKind::ALL.iter().map(|k| k.name()).collect();
            format!(
                "`--kind {name}` is not a kind: use one of {}",
                names.join(", ")
            )
        })?],
    };
    let corpus = load(cli)?;
    let index = ruxue_core::search::SearchIndex::build(&corpus);
    let results = index.search(
        &corpus,
        &ruxue_core::search::Query {
            text: query,
            district,
            document: None,
            kinds: &kinds,
            limit,
        },
    );
    let hits: Vec<Value> = results
        .hits
        .iter()
        .map(|hit| hit_json(&corpus, hit))
        .collect();
    if cli.json {
        println!("{}", serde_json::to_string_pretty(&hits)?);
    } else {
        if let Some(corrected) = &results.corrected {
            println!("您是不是要找：{corrected}");
        }
        for &i in &results.elsewhere {
            let place = &corpus.directory.elsewhere[i];
            println!(
                "{}（{}）不在本站收录范围内；本站收录闵行区、宝山区、崇明区和全市通用的规则。",
                place.name, place.district
            );
        }
        if !results.expansions.is_empty() {
            println!("也搜索了：{}", results.expansions.join("、"));
        }
        println!("{} matches", results.total);
        for hit in &hits {
            println!(
                "{:>7.3}  {:<9} {}  {}",
                hit["score"].as_f64().unwrap_or_default(),
                hit["kind"].as_str().unwrap_or_default(),
                hit["id"].as_str().unwrap_or_default(),
                hit["snippet"].as_str().unwrap_or_default()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The JSON shape scripts depend on for one search hit. Every hit has `kind`, `id`, `text`,
/// `link`, `score`, `snippet`, `marks` and `sources`; the clause keys (`doc_id`, `item_id`,
/// `breadcrumb`, `citation`) are null or empty for other kinds.
fn hit_json(corpus: &Corpus, hit: &ruxue_core::search::Hit) -> Value {
    use ruxue_core::search::Target;
    let target = hit.target;
    let marks: Vec<[usize; 2]> = hit.snippet.marks.iter().map(|m| [m.start, m.end]).collect();
    let mut json = json!({
        "kind": target.kind(),
        "id": target.id(corpus),
        "district": target.scope(corpus),
        "snippet": hit.snippet.text,
        "marks": marks,
        "score": hit.score,
        "link": ruxue_core::link::folder_href(&target.route(corpus)),
        "doc_id": null,
        "item_id": null,
        "breadcrumb": [],
        "citation": null,
    });
    let (title, text, sources): (String, String, Vec<&str>) = match target {
        Target::Clause { doc, clause } => {
            let document = &corpus.documents[doc];
            let clause = &document.clauses[clause];
            json["doc_id"] = json!(document.meta.id);
            json["item_id"] = json!(document.item_id(clause));
            json["breadcrumb"] = json!(document.breadcrumb(clause));
            json["citation"] = json!(document.citation(clause));
            (document.meta.title.clone(), clause.text.clone(), Vec::new())
        }
        Target::Statement(i) => {
            let s = &corpus.guidance.statements[i];
            json["text_en"] = json!(s.en);
            (
                s.stage.clone(),
                s.zh.clone(),
                s.sources.iter().map(String::as_str).collect(),
            )
        }
        Target::Cycle(i) => {
            let c = &corpus.guidance.cycles[i];
            let events: Vec<String> = c
                .events
                .iter()
                .map(|e| format!("{}：{}", e.zh, e.when))
                .collect();
            let title = format!(
                "{}年 {}{}",
                c.year,
                c.scope,
                if c.reference {
                    "（仅供参考）"
                } else {
                    ""
                }
            );
            (title, events.join("；"), vec![c.source.as_str()])
        }
        Target::Commitment(i) => match corpus.targets.get(i) {
            Some(t) => {
                json["text_en"] = json!(t.measure_en);
                json["item_id"] = json!(t.clause);
                json["citation"] = json!(corpus.cite(&t.clause));
                (
                    t.measure.clone(),
                    format!("{}：“{}”", t.shown_amount(), t.quote),
                    vec![t.clause.as_str()],
                )
            }
            None => (String::new(), String::new(), Vec::new()),
        },
        Target::DatesNotPublished(year) => {
            let title = match year {
                Some(year) => format!("{year}年入学的日期尚未公布"),
                None => "下一年入学的日期尚未公布".to_string(),
            };
            (
                title.clone(),
                format!("{title}。请以市教委和各区教育局发布的通知为准。"),
                Vec::new(),
            )
        }
        Target::Place(kind, index) => {
            let directory = &corpus.directory;
            let name = ruxue_core::lookup::name_of(directory, kind, index).unwrap_or_default();
            let source = ruxue_core::lookup::source_of(directory, kind, index).unwrap_or_default();
            let district = target.scope(corpus).unwrap_or_default();
            (
                name.to_string(),
                format!("{name}（{district}）"),
                vec![source],
            )
        }
        Target::Tool(tool) => {
            let (title, text) = match tool {
                ruxue_core::search::Tool::Check => (
                    "入学年份与适用规则",
                    "根据孩子的出生日期查看幼儿园、小学的入学年份和适用的规则。",
                ),
                ruxue_core::search::Tool::Lookup => (
                    "查询",
                    "输入街镇、学校或地址，查看所属的区、街镇、学区集团和学校。",
                ),
            };
            (title.to_string(), text.to_string(), Vec::new())
        }
    };
    json["title"] = json!(title);
    json["text"] = json!(text);
    json["sources"] = json!(sources
        .iter()
        .map(|s| source_json(corpus, s))
        .collect::<Vec<_>>());
    json
}

/// A source string (`doc/clause` or a sources.toml id) as scripts and readers need it.
fn source_json(corpus: &Corpus, source: &str) -> Value {
    if let Some((document, clause)) = corpus.item(source) {
        return json!({
            "type": "document",
            "item_id": source,
            "citation": document.citation(clause),
            "link": ruxue_core::link::folder_href(&document.clause_route(clause)),
        });
    }
    match corpus.directory.source(source) {
        Some(s) => {
            json!({
                "type": "public",
                "id": s.id,
                "authority": s.authority,
                "doc_number": s.doc_number,
                "citation": s.authority_line(),
                "title": s.title,
                "url": s.url,
                "via": s.via,
                "date": s.date,
                "quality": s.quality,
            })
        }
        None => json!({ "type": "unknown", "id": source }),
    }
}

fn lookup(cli: &Cli, query: &str, limit: usize) -> Result<ExitCode> {
    use ruxue_core::lookup::{lookup, resolve};
    let corpus = load(cli)?;
    let directory = &corpus.directory;
    let result = lookup(directory, query, limit);
    let matches: Vec<Value> = result
        .matches
        .iter()
        .map(|m| {
            let r = resolve(directory, m.kind, m.index);
            let sources: Vec<Value> =
                ruxue_core::lookup::source_of(directory, m.kind, m.index)
                    .into_iter()
                    .map(|s| source_json(&corpus, s))
                    .collect();
            json!({
                "kind": m.kind,
                "name": m.name,
                "district": m.district,
                "town": r.town.map(|t| t.name.clone()),
                "via": m.via,
                "score": m.score,
                "communities": r.communities.iter().map(|c| c.name.clone()).collect::<Vec<_>>(),
                "sources": sources,
                "clusters": r.clusters.iter().map(|c| json!({ "id": c.id, "name": c.name, "kind": c.kind })).collect::<Vec<_>>(),
                "schools": r.schools.iter().map(|s| json!({ "id": s.id, "name": s.name, "stages": s.stages, "status": s.status, "project": s.is_project() })).collect::<Vec<_>>(),
                "members_known": r.members_known,
                "catchments_known": r.catchments_known,
                "facts": r.facts.iter().map(|f| json!({ "topic": f.topic, "quote": f.quote, "source": source_json(&corpus, &f.source) })).collect::<Vec<_>>(),
            })
        })
        .collect();
    if cli.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({
                "query": query,
                "matches": matches,
                "suggestions": result.suggestions,
                "confident": result.confident,
                "road": result.road,
                "elsewhere": result.elsewhere.iter().map(|&i| {
                    let place = &directory.elsewhere[i];
                    json!({ "name": place.name, "district": place.district })
                }).collect::<Vec<_>>(),
                "covered_districts": directory.districts.iter().map(|d| d.name.clone()).collect::<Vec<_>>(),
            }))?
        );
    } else if matches.is_empty() {
        if result.road {
            println!("road names are not in the data yet: look up your 街镇 instead");
        }
        for &i in &result.elsewhere {
            let place = &directory.elsewhere[i];
            println!("{}（{}）is not covered", place.name, place.district);
        }
        println!("no match; try: {}", result.suggestions.join("、"));
    } else {
        for m in &matches {
            println!(
                "{:<9} {}  ({})",
                m["kind"].as_str().unwrap_or_default(),
                m["name"].as_str().unwrap_or_default(),
                m["district"].as_str().unwrap_or_default()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_date(text: &str, what: &str) -> Result<ruxue_core::calendar::CalendarDate> {
    use ruxue_core::calendar::{CalendarDate, DateError};
    CalendarDate::parse(text).map_err(|e| match e {
        DateError::Format => anyhow::anyhow!(
            "{what} `{text}` is not a date: write it as YYYY-MM-DD, e.g. 2020-10-01"
        ),
        DateError::Impossible => anyhow::anyhow!(
            "{what} `{text}` does not exist in the calendar: check the month and day"
        ),
    })
}

/// `ruxue targets`: the targets `filter` lets through, or (`--uncovered`) the numbers still to
/// classify.
fn targets(cli: &Cli, filter: &ruxue_core::targets::Filter, uncovered: bool) -> Result<ExitCode> {
    use ruxue_core::model::{area_en, AREAS};
    use ruxue_core::targets::{select, Placed};
    let corpus = load(cli)?;
    if uncovered {
        let found = ruxue_core::targets::uncovered(&corpus, &corpus.reviewed_numbers);
        for number in &found {
            let document = number.clause.split('/').next().unwrap_or_default();
            println!(
                "{}/documents/{document}.txt:{}: {} in {} is neither a target's quote nor reviewed in targets.toml",
                cli.data.display(),
                number.line,
                number.words,
                number.clause
            );
        }
        return Ok(if found.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    if let Some(area) = &filter.area {
        if area_en(area).is_none() {
            let names: Vec<&str> = AREAS.iter().map(|(zh, _)| *zh).collect();
            bail!(
                "--area `{}` is not one of {}",
                printable(area),
                names.join(", ")
            );
        }
    }
    let shown: Vec<Placed> = select(&corpus, filter);
    if cli.json {
        let list: Vec<Value> = shown
            .iter()
            .map(|p| {
                let t = p.target;
                json!({
                    "id": t.id,
                    "district": p.district,
                    "year": p.year,
                    "area": t.area,
                    "area_en": area_en(&t.area),
                    "measure": t.measure,
                    "measure_en": t.measure_en,
                    "low": t.amount.low.as_f64(),
                    "high": t.amount.high.as_f64(),
                    "unit": t.unit,
                    "amount_words": t.amount_words,
                    "deadline": t.deadline,
                    "compare": t.compare,
                    "clause": t.clause,
                    "quote": t.quote,
                    "document": p.document,
                    "citation": corpus.cite(&t.clause),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(ExitCode::SUCCESS);
    }
    if shown.is_empty() {
        println!(
            "No targets match. Areas: {}",
            AREAS.map(|(zh, _)| zh).join("、")
        );
    }
    for p in &shown {
        let t = p.target;
        let year = p.year.map(|y| format!(" ({y})")).unwrap_or_default();
        println!(
            "{} {}{}: {} — “{}” {}",
            p.district,
            t.area,
            year,
            t.shown_amount(),
            t.quote,
            t.clause
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn dates(
    cli: &Cli,
    year: Option<i32>,
    ics: bool,
    lang: &str,
    today: Option<&str>,
) -> Result<ExitCode> {
    use ruxue_core::ics::{calendar_file, event_days, IcsLanguage};
    let language = match lang {
        "zh" | "zh-CN" => IcsLanguage::Chinese,
        "en" => IcsLanguage::English,
        other => bail!("--lang `{}` is not zh or en", printable(other)),
    };
    let today = match today {
        Some(text) => parse_date(text, "--today")?,
        None => ruxue_core::calendar::CalendarDate::today_utc(),
    };
    let corpus = load(cli)?;
    let cycles: Vec<_> = corpus
        .guidance
        .cycles
        .iter()
        .filter(|c| year.is_none_or(|y| c.year == y))
        .collect();
    if let (Some(year), true) = (year, cycles.is_empty()) {
        bail!(
            "no key dates are published for {year} yet, so there is no calendar file: the city \
             publishes them each spring, then each district its own"
        );
    }
    if ics {
        print!("{}", calendar_file(&corpus, &cycles, None, language, today));
        return Ok(ExitCode::SUCCESS);
    }
    if cli.json {
        let list: Vec<Value> = cycles
            .iter()
            .map(|c| {
                let events: Vec<Value> = c
                    .events
                    .iter()
                    .map(|e| {
                        let days = event_days(&e.when, c.year).ok();
                        json!({
                            "zh": e.zh,
                            "en": e.en,
                            "when": e.when,
                            "first": days.map(|d| d.first.to_string()),
                            "last": days.map(|d| d.last.to_string()),
                            "deadline": days.map(|d| d.deadline),
                            "uid": ruxue_core::ics::event_uid(c, e),
                        })
                    })
                    .collect();
                json!({
                    "year": c.year,
                    "scope": c.scope,
                    "reference": c.reference,
                    "source": c.source,
                    "events": events,
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(ExitCode::SUCCESS);
    }
    for c in cycles {
        let label = if c.reference { "（参考）" } else { "" };
        println!("{}年 {}{label}  来源：{}", c.year, c.scope, c.source);
        for e in &c.events {
            println!("  {}  {}", e.when, e.zh);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn age(
    cli: &Cli,
    birth: &str,
    today: Option<&str>,
    household: Option<&str>,
    district: Option<&str>,
) -> Result<ExitCode> {
    use ruxue_core::model::HOUSEHOLDS;
    use ruxue_core::rules::{entry_years, intake_year_for, stages_for, AgeError};
    if let Some(h) = household.filter(|h| !HOUSEHOLDS.contains(h)) {
        bail!(
            "household `{}` is not one of {}",
            printable(h),
            HOUSEHOLDS.join(", ")
        );
    }
    let birth = parse_date(birth, "birth date")?;
    let today = match today {
        Some(text) => parse_date(text, "--today")?,
        None => ruxue_core::calendar::CalendarDate::today_utc(),
    };
    let years = entry_years(birth, today).map_err(|e| match e {
        AgeError::TooFarAhead => anyhow::anyhow!(
            "birth date {birth} is more than a year after today ({today}): check the year"
        ),
        AgeError::TooLongAgo => {
            anyhow::anyhow!("birth date {birth} is before 1990: check the year")
        }
    })?;
    let corpus = load(cli)?;
    if let Some(d) = district.filter(|d| corpus.directory.district(d).is_none()) {
        bail!(
            "district `{}` is not covered: use one of {}",
            printable(d),
            corpus
                .directory
                .districts
                .iter()
                .map(|d| d.name.as_str())
                .collect::<Vec<_>>()
                .join("、")
        );
    }
    // The same rules as the guided check: which stages apply, and which statements.
    let stages = stages_for(years.situation, household);
    let applies: Vec<&str> = corpus
        .guidance
        .statements_for(&stages, district)
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    let sources: Vec<Value> = years
        .sources
        .iter()
        .filter_map(|id| corpus.guidance.statement(id))
        .flat_map(|s| s.sources.iter().map(|src| source_json(&corpus, src)))
        .collect();
    if cli.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({
                "birth": years.birth.to_string(),
                "today": today.to_string(),
                "kindergarten_year": years.kindergarten_year,
                "primary_year": years.primary_year,
                "cohort_start": years.cohort_start.to_string(),
                "cohort_end": years.cohort_end.to_string(),
                "situation": years.situation,
                "statements": years.sources,
                "sources": sources,
                "stages": stages,
                "applies": applies,
                "intake_year": intake_year_for(&years, today),
            }))?
        );
    } else {
        println!(
            "幼儿园：{}年9月入园；小学：{}年9月入学",
            years.kindergarten_year, years.primary_year
        );
        println!(
            "同一批：{} 至 {} 出生",
            years.cohort_start, years.cohort_end
        );
    }
    Ok(ExitCode::SUCCESS)
}
