//! Search benchmark: index build time and query latency (p50/p95) over the relevance sets'
//! queries, on the bundled corpus and on a synthetic corpus 100 times larger; recall@5 on the
//! clause set (clauses ranked alone) and on the parent-question set (every kind together); and
//! the bytes search adds to the data bundle; lookup latency (p50/p95) over every keystroke of
//! parents' place queries, and the bytes the communities add. Run with `make bench`.
//!
//! Percentiles across a query list are what the targets are stated in, so this is a small
//! harness of its own rather than a per-function benchmark framework.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ruxue_core::search::pinyin::Pinyin;
use ruxue_core::search::{HitKind, Query, SearchIndex};
use ruxue_core::{bundle, load_corpus, Corpus};
use serde::Deserialize;

#[derive(Deserialize)]
struct RelevanceSet {
    query: Vec<RelevanceQuery>,
}

#[derive(Deserialize)]
struct RelevanceQuery {
    q: String,
    expect: Vec<String>,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn brotli_len(bytes: &[u8]) -> Option<usize> {
    let mut child = Command::new("brotli")
        .args(["-q", "11", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    use std::io::Write;
    child.stdin.take()?.write_all(bytes).ok()?;
    Some(child.wait_with_output().ok()?.stdout.len())
}

fn measure(label: &str, corpus: &Corpus, queries: &[RelevanceQuery]) {
    let builds = if corpus.documents.len() > 50 { 3 } else { 30 };
    let mut build_times: Vec<Duration> = (0..builds)
        .map(|_| {
            let start = Instant::now();
            black_box(SearchIndex::build(black_box(corpus)));
            start.elapsed()
        })
        .collect();
    build_times.sort();
    let index = SearchIndex::build(corpus);

    let reps = if corpus.documents.len() > 50 { 5 } else { 50 };
    let mut times = Vec::new();
    for _ in 0..reps {
        for query in queries {
            let start = Instant::now();
            black_box(index.search(
                corpus,
                &Query {
                    text: &query.q,
                    limit: 10,
                    ..Default::default()
                },
            ));
            times.push(start.elapsed());
        }
    }
    times.sort();
    println!(
        "{label}: {} documents, {} clauses indexed\n  index build: median {:?} (of {builds})\n  query ({} queries × {reps}): p50 {:?}, p95 {:?}, max {:?}",
        corpus.documents.len(),
        index.len(),
        percentile(&build_times, 0.5),
        queries.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times.last().unwrap(),
    );
}

/// Mean recall@5 of `set`, naming hits as the sets do (`<kind>:<id>`, or the bare item id for
/// the clause set, ranked among clauses only).
fn recall(corpus: &Corpus, index: &SearchIndex, set: &[RelevanceQuery], kinds: &[HitKind]) -> f64 {
    let mut total = 0.0;
    for query in set {
        let hits = index
            .search(
                corpus,
                &Query {
                    text: &query.q,
                    kinds,
                    limit: 5,
                    ..Default::default()
                },
            )
            .hits;
        let top: Vec<String> = hits
            .iter()
            .map(|h| {
                let id = h.target.id(corpus);
                if kinds == [HitKind::Clause] {
                    id
                } else {
                    format!("{}:{id}", h.target.kind().name())
                }
            })
            .collect();
        total += query.expect.iter().filter(|e| top.contains(e)).count() as f64
            / query.expect.len().min(5) as f64;
    }
    total / set.len() as f64
}

/// Lookup runs on every keystroke, so it is timed on every prefix of typical queries.
fn measure_lookup(corpus: &Corpus) {
    let queries = [
        "华江新村",
        "上海市闵行区江川路街道华江新村12号",
        "七宝万科城市花园",
        "大华三村",
        "xinzhuang",
        "闵行区莲花南路1200号",
        "浦东新区张江镇",
    ];
    let mut times = Vec::new();
    for _ in 0..20 {
        for query in queries {
            let chars: Vec<char> = query.chars().collect();
            for end in 1..=chars.len() {
                let typed: String = chars[..end].iter().collect();
                let start = Instant::now();
                black_box(ruxue_core::lookup::lookup(
                    &corpus.directory,
                    black_box(&typed),
                    8,
                ));
                times.push(start.elapsed());
            }
        }
    }
    times.sort();
    println!(
        "lookup ({} keystrokes × 20, {} communities): p50 {:?}, p95 {:?}, max {:?}",
        times.len() / 20,
        corpus.directory.communities.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times.last().unwrap(),
    );
}

fn main() {
    let root = repo_root();
    let corpus = load_corpus(&root.join("data")).expect("data/ is valid");
    let read = |file: &str| -> RelevanceSet {
        toml::from_str(&std::fs::read_to_string(root.join("tests/search").join(file)).unwrap())
            .unwrap()
    };
    let clauses = read("relevance.toml");
    let parents = read("parent-questions.toml");
    let mut all_queries = clauses.query;
    let clause_count = all_queries.len();
    all_queries.extend(parents.query);

    measure("bundled corpus", &corpus, &all_queries);
    measure("synthetic 100× corpus", &corpus.repeated(100), &all_queries);

    let index = SearchIndex::build(&corpus);
    let (clause_set, parent_set) = all_queries.split_at(clause_count);
    println!(
        "recall@5, clause set (clauses only): {:.3} over {} queries",
        recall(&corpus, &index, clause_set, &[HitKind::Clause]),
        clause_set.len()
    );
    println!(
        "recall@5, parent questions (every kind): {:.3} over {} questions",
        recall(&corpus, &index, parent_set, &[]),
        parent_set.len()
    );

    // Besides the index's shards, what search adds to the download is the pinyin readings,
    // the vocabulary and glossary, and the list of uncovered places inside the manifest.
    let full = bundle::encode(&corpus);
    measure_lookup(&corpus);
    let mut no_communities = corpus.clone();
    no_communities.directory.communities.take();
    measure_lookup(&no_communities);
    let without_communities = bundle::encode(&no_communities);
    println!(
        "communities ({}): add {} B raw to the bundle{}",
        corpus.directory.communities.len(),
        full.len() - without_communities.len(),
        match (brotli_len(&full), brotli_len(&without_communities)) {
            (Some(a), Some(b)) => format!(", {} B brotli", a as i64 - b as i64),
            _ => String::from("; brotli not installed"),
        }
    );
    let mut bare = corpus.clone();
    bare.vocabulary.take();
    bare.glossary.take();
    bare.compounds.clear();
    bare.directory.elsewhere.clear();
    for document in &mut bare.documents {
        document.title_pinyin = Pinyin::default();
        for clause in &mut document.clauses {
            clause.pinyin = Pinyin::default();
        }
    }
    let without = bundle::encode(&bare);
    let prebuilt = index.encoded();
    let files = bundle::split(&corpus);
    let largest = files.index.iter().map(|(_, b)| b.len()).max().unwrap_or(0);
    println!(
        "search index, shipped prebuilt: {} B raw{} in {} shards (largest {} B raw)",
        prebuilt.len(),
        brotli_len(&prebuilt).map_or_else(
            || "; brotli not installed".to_string(),
            |b| format!(", {b} B brotli")
        ),
        files.index.len(),
        largest
    );
    let (full_br, without_br) = (brotli_len(&full), brotli_len(&without));
    println!(
        "bundle: {} B raw with search data, {} B without (search adds {} B raw{})",
        full.len(),
        without.len(),
        full.len() - without.len(),
        match (full_br, without_br) {
            (Some(a), Some(b)) => format!(", {} B brotli: {a} vs {b}", a as i64 - b as i64),
            _ => String::from("; brotli not installed"),
        }
    );
}
