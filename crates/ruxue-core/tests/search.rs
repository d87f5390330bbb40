//! Search on the real corpus: tokenizer parity, relevance (clauses, and parents' questions
//! over every kind), query understanding, filters and hostile input.

mod common;

use common::*;

use std::collections::HashSet;

use ruxue_core::search::normalize::normalize;
use ruxue_core::search::tokenize::{query_terms, tokenize};
use ruxue_core::search::{HitKind, Query, Results, SearchIndex, Target};
use ruxue_core::{ClauseKind, Corpus};
use serde::Deserialize;

fn corpus() -> Corpus {
    shipped_corpus()
}

fn search(corpus: &Corpus, index: &SearchIndex, text: &str, kinds: &[HitKind]) -> Results {
    index.search(
        corpus,
        &Query {
            text,
            kinds,
            limit: 10,
            ..Default::default()
        },
    )
}

/// The item ids of the best clauses.
fn ids(corpus: &Corpus, index: &SearchIndex, text: &str, limit: usize) -> Vec<String> {
    let mut found = named(corpus, &search(corpus, index, text, &[HitKind::Clause]));
    found.truncate(limit);
    found
        .into_iter()
        .map(|n| n["clause:".len()..].to_string())
        .collect()
}

/// Hits as `<kind>:<id>`, best first, as the relevance sets name them.
fn named(corpus: &Corpus, results: &Results) -> Vec<String> {
    results
        .hits
        .iter()
        .map(|h| format!("{}:{}", h.target.kind().name(), h.target.id(corpus)))
        .collect()
}

fn top(corpus: &Corpus, index: &SearchIndex, text: &str, n: usize) -> Vec<String> {
    let mut found = named(corpus, &search(corpus, index, text, &[]));
    found.truncate(n);
    found
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
    #[serde(alias = "lang")]
    kind: String,
    expect: Vec<String>,
}

fn relevance_set(file: &str) -> RelevanceSet {
    toml::from_str(&std::fs::read_to_string(repo_root().join("tests/search").join(file)).unwrap())
        .unwrap()
}

/// Mean recall@5 of a relevance set, given each query's top 5 named as the set names them,
/// and the queries that missed.
fn recall_at_5(set: &RelevanceSet, top5: impl Fn(&str) -> Vec<String>) -> (f64, Vec<String>) {
    let mut total = 0.0;
    let mut misses = Vec::new();
    for query in &set.query {
        let found = top5(&query.q);
        let hit = query.expect.iter().filter(|e| found.contains(e)).count();
        let recall = hit as f64 / query.expect.len().min(5) as f64;
        if recall < 1.0 {
            misses.push(format!(
                "{} ({}): {hit}/{} in {found:?}",
                query.q,
                query.kind,
                query.expect.len()
            ));
        }
        total += recall;
    }
    (total / set.query.len() as f64, misses)
}

/// recall@5 over the clause set in tests/search/relevance.toml, ranking clauses only (as the
/// 政策原文 filter does), must be at least 95%.
#[test]
fn search_relevance() {
    let set = relevance_set("relevance.toml");
    assert!(set.query.len() >= 30, "the set needs at least 30 queries");
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let (recall, misses) = recall_at_5(&set, |q| ids(&corpus, &index, q, 5));
    println!(
        "recall@5 = {recall:.3} over {} queries; misses: {misses:#?}",
        set.query.len()
    );
    assert!(
        recall >= 0.95,
        "recall@5 is {recall:.3}; misses: {misses:#?}"
    );
}

/// recall@5 over parents' questions (tests/search/parent-questions.toml), every kind ranked
/// together as the results page shows them, must be at least 90%.
#[test]
fn parent_questions() {
    let set = relevance_set("parent-questions.toml");
    assert!(set.query.len() >= 40, "the set needs at least 40 questions");
    for lang in ["zh", "en"] {
        assert!(
            set.query.iter().filter(|q| q.kind == lang).count() >= 10,
            "the set needs questions in {lang}"
        );
    }
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let (recall, misses) = recall_at_5(&set, |q| top(&corpus, &index, q, 5));
    println!(
        "parent questions: recall@5 = {recall:.3} over {}; misses: {misses:#?}",
        set.query.len()
    );
    assert!(
        recall >= 0.90,
        "recall@5 is {recall:.3}; misses: {misses:#?}"
    );
}

#[test]
fn a_residence_permit_finds_the_conditions_first_with_their_source() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let results = search(&corpus, &index, "居住证", &[]);
    let Target::Statement(first) = results.hits[0].target else {
        panic!(
            "the first hit is not a statement: {:?}",
            named(&corpus, &results)
        );
    };
    let statement = &corpus.guidance.statements[first];
    assert_eq!(statement.id, "migrant-conditions");
    assert_eq!(statement.sources, ["suiqian-conditions"]);
    assert!(corpus.directory.source("suiqian-conditions").is_some());
}

#[test]
fn question_words_do_not_drown_the_content() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    for question in [
        "外地户口的孩子怎么在上海上小学",
        "没有上海户口能上公办学校吗",
    ] {
        assert_eq!(
            top(&corpus, &index, question, 1),
            ["statement:migrant-conditions"],
            "{question}"
        );
    }
    assert_eq!(
        top(&corpus, &index, "一个班多少人", 1),
        ["statement:class-size"]
    );
    assert_eq!(
        top(&corpus, &index, "在哪里报名", 1),
        ["statement:apply-where"]
    );
}

/// 小学 inside 中小学 is not primary school: every clause that holds the word itself ranks
/// above every clause that holds it only inside the compound.
#[test]
fn a_pair_inside_a_compound_ranks_below_the_word_itself() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let only_inside = |item: &str| {
        let (_, clause) = corpus.item(item).unwrap();
        clause.text.contains("中小学") && !clause.text.replace("中小学", "").contains("小学")
    };
    let results = index.search(
        &corpus,
        &Query {
            text: "小学",
            kinds: &[HitKind::Clause],
            limit: 100,
            ..Default::default()
        },
    );
    let found: Vec<String> = named(&corpus, &results)
        .into_iter()
        .map(|n| n["clause:".len()..].to_string())
        .collect();
    let holds_word = |item: &str| {
        let (_, clause) = corpus.item(item).unwrap();
        clause.text.replace("中小学", "").contains("小学")
    };
    let first_inside = found.iter().position(|id| only_inside(id)).unwrap();
    let last_whole = found.iter().rposition(|id| holds_word(id)).unwrap();
    assert!(
        last_whole < first_inside,
        "{} (小学 only inside 中小学) ranks above {}",
        found[first_inside],
        found[last_whole]
    );
    // Typing the compound itself still finds it at full weight.
    let found = ids(&corpus, &index, "中小学党建", 3);
    assert!(found.iter().any(|id| only_inside(id)), "{found:?}");
}

#[test]
fn misleading_expansions_are_gone() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let expansions = |q: &str| search(&corpus, &index, q, &[]).expansions;
    // 学区 in these documents is a cluster of schools, not a catchment.
    assert!(!expansions("学区房").contains(&"学区".to_string()));
    assert_eq!(
        top(&corpus, &index, "学区房", 3)[..2],
        ["statement:xuequ-meaning", "statement:apply-where"]
    );
    assert!(top(&corpus, &index, "学区房", 5).contains(&"tool:lookup".to_string()));
    // 托管 here is one kindergarten managing another.
    assert!(!expansions("课后服务").contains(&"托管".to_string()));
    assert!(!ids(&corpus, &index, "课后服务", 10).contains(&"bs-2023-43/4-8".to_string()));
    let famous = search(&corpus, &index, "名校", &[]);
    for loose in ["品牌", "优质"] {
        assert!(!famous.expansions.contains(&loose.to_string()));
    }
    assert!(famous.total < 60, "名校 matches {} records", famous.total);
}

#[test]
fn a_one_character_slip_is_fixed_and_offered() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    for (typed, meant) in [
        ("幼生小", "幼升小"),
        ("随签子女", "随迁子女"),
        ("七堡镇", "七宝镇"),
    ] {
        let slipped = search(&corpus, &index, typed, &[]);
        assert_eq!(slipped.corrected.as_deref(), Some(meant), "{typed}");
        let right = search(&corpus, &index, meant, &[]);
        assert_eq!(named(&corpus, &slipped), named(&corpus, &right), "{typed}");
        assert_eq!(right.corrected, None, "{meant} is spelled right");
    }
    // Words typed right are left alone, even next to a near miss (外地户口 is not 外地人口).
    for right in ["外地户口的孩子", "小学", "中小学", "宝山区"] {
        assert_eq!(
            search(&corpus, &index, right, &[]).corrected,
            None,
            "{right}"
        );
    }
}

#[test]
fn english_reaches_chinese_content_through_the_glossary() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let results = search(&corpus, &index, "kindergarten", &[]);
    assert!(results.expansions.contains(&"幼儿园".to_string()));
    assert_eq!(named(&corpus, &results)[0], "statement:kindergarten-cohort");
    assert!(results
        .hits
        .iter()
        .any(|h| matches!(h.target, Target::Clause { .. })));
    for (english, answer) in [
        ("hukou", "statement:migrant-conditions"),
        ("residence permit", "statement:migrant-conditions"),
        ("school lottery", "statement:junior-lottery"),
        ("Kindergartens", "statement:kindergarten-cohort"),
    ] {
        assert!(
            top(&corpus, &index, english, 3).contains(&answer.to_string()),
            "{english}"
        );
    }
}

#[test]
fn another_district_is_named_and_the_city_wide_answers_come_first() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    for (query, place) in [
        ("浦东新区", "浦东新区"),
        ("徐汇区", "徐汇区"),
        ("张江", "张江镇"),
    ] {
        let results = search(&corpus, &index, query, &[]);
        let named_places: Vec<&str> = results
            .elsewhere
            .iter()
            .map(|&i| corpus.directory.elsewhere[i].name.as_str())
            .collect();
        assert_eq!(named_places, [place], "{query}");
        assert!(
            !results.hits.is_empty(),
            "{query} shows the city-wide answers"
        );
        for hit in results.hits.iter().take(5) {
            assert_eq!(hit.target.scope(&corpus), Some("全市"), "{query}");
        }
    }
    // 虹桥 is Minhang's 虹桥镇 here, whatever other district has a 虹桥街道.
    assert!(search(&corpus, &index, "虹桥", &[]).elsewhere.is_empty());
    assert!(search(&corpus, &index, "七宝镇", &[]).elsewhere.is_empty());
}

#[test]
fn a_year_without_published_dates_says_so() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    assert_eq!(
        top(&corpus, &index, "2027年什么时候报名", 1),
        ["dates:not-published/2027"]
    );
    assert!(top(&corpus, &index, "2025年报名时间", 3).contains(&"dates:2025/全市".to_string()));
    assert!(!top(&corpus, &index, "2025", 10)
        .iter()
        .any(|n| n.starts_with("dates:not-published/")));
}

#[test]
fn places_schools_clusters_and_tools_are_found() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    assert_eq!(
        top(&corpus, &index, "七宝镇", 1),
        ["place:town:闵行区/七宝镇"]
    );
    assert_eq!(
        top(&corpus, &index, "七宝中学", 1),
        ["school:school:mh-qibao-zhongxue"]
    );
    assert_eq!(
        top(&corpus, &index, "经纬教育集团", 1),
        ["cluster:cluster:bs-jingwei"]
    );
    assert!(top(&corpus, &index, "孩子几岁上小学", 3).contains(&"tool:check".to_string()));
    // A name that merely contains the query is no answer: 小学 is not 白鹭小学.
    assert!(!top(&corpus, &index, "小学", 10)
        .iter()
        .any(|n| n.starts_with("school:")));
}

#[test]
fn kinds_filter_and_are_counted() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let all = search(&corpus, &index, "随迁子女", &[]);
    let statements = search(&corpus, &index, "随迁子女", &[HitKind::Statement]);
    assert!(statements
        .hits
        .iter()
        .all(|h| h.target.kind() == HitKind::Statement));
    let counted = all
        .kinds
        .iter()
        .find(|(k, _)| *k == HitKind::Statement)
        .unwrap()
        .1;
    assert_eq!(statements.total, counted);
    assert_eq!(all.kinds.iter().map(|(_, n)| n).sum::<usize>(), all.total);
    assert_eq!(statements.kinds, all.kinds, "counts ignore the kind filter");
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
    assert_eq!(
        results.expansions,
        ["小学", "入学", "招生", "一年级", "入学年份"]
    );
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
            ["幼升小", "小学", "入学", "招生", "一年级", "入学年份"],
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
    assert!(baoshan.hits.iter().all(|h| matches!(
        h.target.scope(&corpus),
        None | Some("宝山区") | Some("全市")
    )));
    assert!(baoshan
        .hits
        .iter()
        .filter_map(|h| h.clause())
        .all(|(doc, _)| corpus.documents[doc].meta.district == "宝山区"));
    let counted: usize = all.districts.iter().map(|(_, n)| n).sum();
    let clauses = all
        .kinds
        .iter()
        .find(|(k, _)| *k == HitKind::Clause)
        .unwrap()
        .1;
    assert_eq!(
        counted, clauses,
        "district counts cover every matching clause"
    );
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
    assert!(!one_doc.hits.is_empty());
    assert!(one_doc.hits.iter().all(|h| h
        .clause()
        .is_some_and(|(doc, _)| corpus.documents[doc].meta.id == "mh-2024-gzyd")));
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
                || (pair[0].score == pair[1].score && pair[0].target != pair[1].target)
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

/// The app searches the index as the build ships it: shards fetched as the query needs them,
/// over the manifest's corpus, with the files of clause texts its results show. For every
/// query of both relevance sets (and slips, pinyin and English), that finds exactly what the
/// index built in one piece finds; and it asks for its shards first, then its texts.
#[test]
fn shipped_shards_search_exactly_as_the_whole_index() {
    use ruxue_core::bundle::{decode_manifest, decode_shard, decode_texts, split, Texts};
    use ruxue_core::search::engine::Missing;
    let corpus = corpus();
    let whole = SearchIndex::build(&corpus);
    let files = split(&corpus);
    assert!(files.index.len() > 1, "the real index is sharded");
    let manifest = decode_manifest(&files.manifest.1).unwrap();
    // As search's results do (`page_code::preload_search_results`): with the places', the
    // communities', the readings' and the search aids' files.
    let places = ruxue_core::bundle::decode_places(&files.places.1).unwrap();
    assert!(manifest.corpus.directory.places.install(places));
    let communities = ruxue_core::bundle::decode_communities(&files.communities.1).unwrap();
    assert!(manifest.corpus.directory.communities.install(communities));
    let readings = ruxue_core::bundle::decode_readings(&files.readings.1).unwrap();
    assert!(manifest.corpus.heading_readings.install(readings));
    // And the search aids (vocabulary and glossary), which `data::Files::SEARCH` fetches.
    let (vocabulary, glossary) = ruxue_core::bundle::decode_aids(&files.aids.1).unwrap();
    assert!(manifest.corpus.vocabulary.install(vocabulary));
    assert!(manifest.corpus.glossary.install(glossary));
    // And the targets, which a target's hit shows.
    let targets = ruxue_core::bundle::decode_targets(&files.targets.1).unwrap();
    assert!(manifest.corpus.targets.install(targets));
    assert_eq!(manifest.index.count as usize, files.index.len());
    for (n, (name, _)) in files.index.iter().enumerate() {
        assert_eq!(manifest.shard_file(n), *name);
    }
    let text_files: Vec<Vec<Texts>> = (files.texts.iter())
        .map(|list| list.iter().map(|(_, b)| decode_texts(b).unwrap()).collect())
        .collect();
    for (d, list) in text_files.iter().enumerate() {
        assert!(list.len() > 1, "a document's texts come in several files");
        for (k, texts) in list.iter().enumerate() {
            manifest.check_texts(d, k, texts).unwrap();
            let (at, name) = manifest.texts_file(d, texts.first as usize).unwrap();
            assert_eq!((at, name.as_str()), (k, files.texts[d][k].0.as_str()));
            // Another document's, or another place's, is refused.
            assert!(manifest
                .check_texts((d + 1) % text_files.len(), k, texts)
                .is_err());
            assert!(manifest
                .check_texts(d, (k + 1) % list.len(), texts)
                .is_err());
        }
    }
    let mut queries: Vec<String> = ["relevance.toml", "parent-questions.toml"]
        .into_iter()
        .flat_map(|set| relevance_set(set).query)
        .map(|q| q.q)
        .collect();
    queries.extend(
        [
            "幼生小",
            "ysx",
            "school admission",
            "key dates",
            "2025年 报名",
            "学区房",
            "宝山 初中",
        ]
        .map(String::from),
    );
    let mut rounds_seen = 0;
    for text in &queries {
        let query = Query {
            text,
            limit: 20,
            ..Default::default()
        };
        let expected = whole.search(&corpus, &query);
        let mut index = SearchIndex::from_shards(
            &manifest.corpus,
            manifest.index.count as usize,
            manifest.index.hashed as usize,
        );
        let mut loaded: HashSet<(usize, usize)> = HashSet::new();
        let mut rounds = 0;
        let found = loop {
            rounds += 1;
            assert!(rounds <= 4, "{text}: still missing after 3 rounds");
            let texts = |d: usize, c: usize| {
                let (k, _) = manifest.texts_file(d, c)?;
                if !loaded.contains(&(d, k)) {
                    return None;
                }
                let file = &text_files[d][k];
                file.texts.get(c - file.first as usize).map(String::as_str)
            };
            match index.search_with(&manifest.corpus, &texts, &query) {
                Ok(found) => break found,
                Err(Missing { shards, texts, .. }) => {
                    assert!(
                        shards.is_empty() || texts.is_empty(),
                        "{text}: shards first, then texts"
                    );
                    assert!(!shards.is_empty() || !texts.is_empty());
                    for n in shards {
                        index
                            .install_shard(n, decode_shard(&files.index[n].1).unwrap())
                            .unwrap();
                    }
                    for (d, c) in texts {
                        let (k, _) = manifest.texts_file(d, c).unwrap();
                        loaded.insert((d, k));
                    }
                }
            }
        };
        rounds_seen = rounds_seen.max(rounds);
        assert_eq!(found, expected, "{text}");
        // Only the texts of the clauses shown were fetched.
        let shown: HashSet<(usize, usize)> = (found.hits.iter())
            .filter_map(|h| h.clause())
            .map(|(d, c)| (d, manifest.texts_file(d, c).unwrap().0))
            .collect();
        assert_eq!(loaded, shown, "{text}");
    }
    assert!(rounds_seen >= 3, "some query needs shards, then texts");
}

/// A shard of another build, or of another shard's place, is refused with what is wrong.
#[test]
fn a_shard_in_the_wrong_place_is_refused() {
    use ruxue_core::bundle::{decode_shard, split, BundleError};
    let corpus = corpus();
    let files = split(&corpus);
    let count = files.index.len();
    let manifest = ruxue_core::bundle::decode_manifest(&files.manifest.1).unwrap();
    let mut index = SearchIndex::from_shards(&corpus, count, manifest.index.hashed as usize);
    let shard = decode_shard(&files.index[0].1).unwrap();
    let error = index.install_shard(1, shard.clone()).unwrap_err();
    assert!(error.contains("in shard 1"), "{error}");
    assert!(index.install_shard(count, shard).is_err());
    assert_eq!(
        decode_shard(&files.documents[0].1),
        Err(BundleError::BadMagic)
    );
    assert_eq!(decode_shard(&files.manifest.1), Err(BundleError::BadMagic));
}

/// A frequent term's postings in a shard of its own, which its hashed shard names: a query
/// fetches its terms' hashed shards, then the frequent terms' own, and finds exactly what the
/// whole index finds. (Thresholds far below the shipped ones, so that today's corpus spills.)
#[test]
fn frequent_terms_in_shards_of_their_own_search_as_the_whole_index() {
    use ruxue_core::search::engine::Missing;
    let corpus = corpus();
    let whole = SearchIndex::build(&corpus);
    let (shards, hashed) = whole.shards(4096, 256);
    assert!(
        shards.len() > hashed + 100,
        "{} shards, {hashed} hashed",
        shards.len()
    );
    assert!(shards[..hashed].iter().any(|s| !s.spilled.is_empty()));
    assert!(shards[hashed..]
        .iter()
        .all(|s| s.terms.len() == 1 && s.spilled.is_empty()));
    let texts = |d: usize, c: usize| Some(corpus.documents.get(d)?.clauses.get(c)?.text.as_str());
    let mut spilled_rounds = 0;
    for text in relevance_set("relevance.toml")
        .query
        .iter()
        .map(|q| q.q.clone())
    {
        let query = Query {
            text: &text,
            limit: 20,
            ..Default::default()
        };
        let mut index = SearchIndex::from_shards(&corpus, shards.len(), hashed);
        let mut rounds = 0;
        let found = loop {
            match index.search_with(&corpus, &texts, &query) {
                Ok(found) => break found,
                Err(Missing { shards: needed, .. }) => {
                    rounds += 1;
                    assert!(rounds <= 3, "{text}: still missing shards after 3 rounds");
                    if needed.iter().any(|&n| n >= hashed) {
                        spilled_rounds += 1;
                        // A frequent term's own shard is asked for once its hashed shard is in.
                        assert!(rounds >= 2, "{text}");
                    }
                    for n in needed {
                        index.install_shard(n, shards[n].clone()).unwrap();
                    }
                }
            }
        };
        assert_eq!(found, whole.search(&corpus, &query), "{text}");
    }
    assert!(
        spilled_rounds > 0,
        "some query needs a frequent term's own shard"
    );
    // A frequent term's shard in another's place is refused.
    let mut index = SearchIndex::from_shards(&corpus, shards.len(), hashed);
    let error = index
        .install_shard(hashed, shards[hashed + 1].clone())
        .unwrap_err();
    assert!(error.contains(&format!("in shard {hashed}")), "{error}");
}
