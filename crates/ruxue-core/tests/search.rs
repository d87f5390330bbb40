//! Search on the real corpus: tokenizer parity, relevance, filters and hostile input.

mod common;

use common::*;

use std::collections::HashSet;

use ruxue_core::search::normalize::normalize;
use ruxue_core::search::tokenize::{query_terms, tokenize};
use ruxue_core::search::{Query, SearchIndex};
use ruxue_core::{load_corpus, ClauseKind, Corpus};
use serde::Deserialize;

fn corpus() -> Corpus {
    load_corpus(&repo_root().join("data")).unwrap()
}

fn ids(corpus: &Corpus, index: &SearchIndex, text: &str, limit: usize) -> Vec<String> {
    index
        .search(
            corpus,
            &Query {
                text,
                limit,
                ..Default::default()
            },
        )
        .hits
        .iter()
        .map(|h| corpus.documents[h.doc].item_id(&corpus.documents[h.doc].clauses[h.clause]))
        .collect()
}

/// The query side looks only for terms the index side produced from the same text, on every
/// real clause; and a clause's own opening words find that clause first.
#[test]
fn query_and_index_tokenize_real_text_the_same_way() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let mut checked = 0;
    for document in &corpus.documents {
        for clause in document
            .clauses
            .iter()
            .filter(|c| c.kind == ClauseKind::Item)
        {
            let text = normalize(&clause.text);
            let indexed: HashSet<String> = tokenize(&text).into_iter().map(|t| t.text).collect();
            for term in query_terms(&text) {
                assert!(
                    indexed.contains(&term.text),
                    "{}: query term {:?} is not an index term",
                    clause.id,
                    term.text
                );
            }
            let opening: String = clause.text.chars().take(24).collect();
            let found = ids(&corpus, &index, &opening, 1);
            assert_eq!(found, [document.item_id(clause)], "searching {opening:?}");
            checked += 1;
        }
    }
    assert!(checked >= 90, "checked {checked} items");
}

#[derive(Deserialize)]
struct RelevanceSet {
    query: Vec<RelevanceQuery>,
}

#[derive(Deserialize)]
struct RelevanceQuery {
    q: String,
    kind: String,
    expect: Vec<String>,
}

/// recall@5 over the relevance set in tests/search/relevance.toml must be at least 95%.
#[test]
fn search_relevance() {
    let set: RelevanceSet = toml::from_str(
        &std::fs::read_to_string(repo_root().join("tests/search/relevance.toml")).unwrap(),
    )
    .unwrap();
    assert!(set.query.len() >= 30, "the set needs at least 30 queries");
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let mut total = 0.0;
    let mut misses = Vec::new();
    for query in &set.query {
        let top = ids(&corpus, &index, &query.q, 5);
        let found = query.expect.iter().filter(|e| top.contains(e)).count();
        let recall = found as f64 / query.expect.len().min(5) as f64;
        if recall < 1.0 {
            misses.push(format!(
                "{} ({}): {found}/{} in {top:?}",
                query.q,
                query.kind,
                query.expect.len()
            ));
        }
        total += recall;
    }
    let recall = total / set.query.len() as f64;
    println!(
        "recall@5 = {:.3} over {} queries; misses: {misses:#?}",
        recall,
        set.query.len()
    );
    assert!(
        recall >= 0.95,
        "recall@5 is {recall:.3}; misses: {misses:#?}"
    );
}

#[test]
fn vocabulary_expansions_are_reported() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let results = index.search(
        &corpus,
        &Query {
            text: "幼升小",
            limit: 5,
            ..Default::default()
        },
    );
    assert_eq!(results.expansions, ["小学", "入学", "招生", "一年级"]);
    let results = index.search(
        &corpus,
        &Query {
            text: "suiqian",
            limit: 5,
            ..Default::default()
        },
    );
    assert!(
        results.expansions.starts_with(&["随迁".to_string()]),
        "{:?}",
        results.expansions
    );
    for pinyin in ["youshengxiao", "ysx", "YouShengXiao"] {
        let results = index.search(
            &corpus,
            &Query {
                text: pinyin,
                limit: 5,
                ..Default::default()
            },
        );
        assert_eq!(
            results.expansions,
            ["幼升小", "小学", "入学", "招生", "一年级"],
            "{pinyin}"
        );
    }
}

#[test]
fn filters_restrict_hits_and_counts_cover_every_district() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let all = index.search(
        &corpus,
        &Query {
            text: "特殊教育",
            limit: 100,
            ..Default::default()
        },
    );
    let baoshan = index.search(
        &corpus,
        &Query {
            text: "特殊教育",
            limit: 100,
            district: Some("宝山区"),
            ..Default::default()
        },
    );
    assert!(baoshan.total > 0 && baoshan.total < all.total);
    assert!(baoshan
        .hits
        .iter()
        .all(|h| corpus.documents[h.doc].meta.district == "宝山区"));
    let counted: usize = all.districts.iter().map(|(_, n)| n).sum();
    assert_eq!(counted, all.total);
    assert_eq!(
        baoshan.districts, all.districts,
        "counts ignore the district filter, so other districts stay visible"
    );
    let one_doc = index.search(
        &corpus,
        &Query {
            text: "特殊教育",
            limit: 100,
            document: Some("mh-2024-gzyd"),
            ..Default::default()
        },
    );
    assert!(one_doc
        .hits
        .iter()
        .all(|h| corpus.documents[h.doc].meta.id == "mh-2024-gzyd"));
}

#[test]
fn results_are_deterministic_and_ordered_by_score() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let query = Query {
        text: "教育",
        limit: 50,
        ..Default::default()
    };
    let first = index.search(&corpus, &query);
    assert_eq!(first, index.search(&corpus, &query));
    for pair in first.hits.windows(2) {
        assert!(
            pair[0].score > pair[1].score
                || (pair[0].score == pair[1].score
                    && (pair[0].doc, pair[0].clause) < (pair[1].doc, pair[1].clause))
        );
    }
}

#[test]
fn snippets_mark_what_matched() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let results = index.search(
        &corpus,
        &Query {
            text: "宝宝屋",
            limit: 3,
            ..Default::default()
        },
    );
    for hit in &results.hits {
        assert!(!hit.snippet.marks.is_empty());
        for mark in &hit.snippet.marks {
            assert!(
                "宝宝屋".contains(&hit.snippet.text[mark.clone()]),
                "{:?}",
                &hit.snippet.text[mark.clone()]
            );
        }
        assert!(!hit.snippet.text.contains('\n'));
    }
}

#[test]
fn odd_and_hostile_queries_are_safe() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let long = "入学".repeat(5000);
    let results = index.search(
        &corpus,
        &Query {
            text: &long,
            limit: 5,
            ..Default::default()
        },
    );
    assert!(results.truncated);
    assert!(!results.hits.is_empty());
    for text in [
        "",
        "   ",
        "🙂🙂🙂",
        "<script>alert(1)</script>",
        "\u{fffd}\u{fffd}",
        "%%%",
        "'; DROP TABLE",
        "\u{0}",
    ] {
        let results = index.search(
            &corpus,
            &Query {
                text,
                limit: 5,
                ..Default::default()
            },
        );
        assert!(!results.truncated, "{text:?}");
        if text.contains("script") {
            assert!(
                results.hits.is_empty()
                    || results.hits.iter().all(|h| !h.snippet.text.contains('<'))
            );
        }
    }
}
