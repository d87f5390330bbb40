//! Property tests: the parsers and matchers that take what parents and editors type never
//! panic, and round-trip where a printer exists. `make test` runs the default number of cases
//! per property (256); `make properties-long` runs a million per property
//! (`PROPTEST_CASES=1000000`), outside `make test`.

mod common;

use proptest::prelude::*;
use ruxue_core::calendar::{date_fields, CalendarDate};
use ruxue_core::embed::{self, EmbedView};
use ruxue_core::link::{path_with_query, percent_decode, percent_encode, HashLocation};
use ruxue_core::lookup::lookup;
use ruxue_core::model::{community_core, strip_committee};
use ruxue_core::search::normalize::normalize;
use ruxue_core::search::tokenize::{query_terms, tokenize};
use ruxue_core::search::{Query, SearchIndex};
use ruxue_core::Corpus;
use std::sync::OnceLock;

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(common::shipped_corpus)
}

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::build(corpus()))
}

/// Text as parents and attackers type it: Han, pinyin, digits, separators, full-width forms,
/// markup, percent escapes and control characters.
fn typed() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        "[\\u{4e00}-\\u{9fff}]{1,4}",
        "[a-zA-Z]{1,8}",
        "[0-9０-９]{1,4}",
        Just("年".to_string()),
        Just("月".to_string()),
        Just("日".to_string()),
        Just("/".to_string()),
        Just("-".to_string()),
        Just("<script>".to_string()),
        Just("%E4%B8".to_string()),
        Just("居委会".to_string()),
        Just("第一".to_string()),
        "\\PC{0,3}",
        "[\\u{0}-\\u{1f}]",
    ];
    prop::collection::vec(pieces, 0..8).prop_map(|p| p.concat())
}

proptest! {
    #[test]
    fn any_fragment_parses_to_a_path(fragment in "\\PC{0,60}", typed in typed()) {
        for text in [fragment, typed] {
            let location = HashLocation::parse(&text);
            prop_assert!(location.path.starts_with('/'));
            let _ = percent_decode(&text);
        }
    }

    #[test]
    fn any_value_survives_a_link(
        path in "(/[a-z0-9\\-\u{4e00}-\u{9fff}]{0,8}){1,3}",
        params in prop::collection::vec(("[a-z]{1,6}", "\\PC{1,20}"), 0..5),
    ) {
        let refs: Vec<(&str, &str)> = params.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let location = HashLocation::parse(&path_with_query(&path, &refs));
        prop_assert_eq!(&location.path, &path);
        let expected: Vec<(String, String)> = params.into_iter().filter(|(_, v)| !v.is_empty()).collect();
        prop_assert_eq!(location.query, expected);
    }

    #[test]
    fn any_widget_query_is_validated_never_trusted(
        keys in prop::collection::vec(prop_oneof![
            Just("view"), Just("district"), Just("lang"), Just("theme"), Just("item"), Just("host"), Just("x"),
        ], 0..8),
        values in prop::collection::vec(typed(), 8),
    ) {
        let mut query = String::from("?embed=1");
        for (key, value) in keys.iter().zip(&values) {
            query.push_str(&format!("&{key}={}", percent_encode(value)));
        }
        let known = ["闵行区", "宝山区", "崇明区"];
        let config = embed::parse(&query, |d| known.contains(&d), |i| i == "mh-2023-6/4-9-16")
            .expect("embed=1 is the widget");
        for note in &config.notes {
            prop_assert!(["view", "district", "lang", "theme", "item", "host"].contains(note));
        }
        if let Some(district) = &config.district {
            prop_assert!(known.contains(&district.as_str()));
        }
        if let Some(theme) = &config.theme {
            prop_assert_eq!(embed::readable_brand_colour(theme), Some(theme.clone()));
        }
        prop_assert!(config.lang.is_none_or(|l| l == "zh-CN" || l == "en"));
        if let Some(host) = &config.host {
            prop_assert_eq!(embed::valid_origin(host), Some(host.clone()));
            prop_assert!(!host.contains(['<', '>', '"', '\'', ' ']));
        }
        if let Some((doc, clause)) = &config.item {
            prop_assert_eq!(format!("{doc}/{clause}"), "mh-2023-6/4-9-16");
        }
    }

    #[test]
    fn valid_widget_choices_come_back_unchanged(
        view in 0usize..3,
        district in prop::sample::select(vec!["", "闵行区", "宝山区", "崇明区"]),
        lang in prop::sample::select(vec!["zh-CN", "en"]),
        theme in prop::sample::select(vec!["1d4e89", "005ea5", "0b0c0c", "d4351c"]),
    ) {
        let (name, view) = EmbedView::ALL[view];
        let query = format!(
            "?embed=1&view={name}&district={}&lang={lang}&theme={theme}",
            percent_encode(district)
        );
        let config = embed::parse(&query, |d| !d.is_empty(), |_| false).unwrap();
        prop_assert_eq!(config.view, view);
        prop_assert_eq!(config.district.as_deref().unwrap_or(""), district);
        prop_assert_eq!(config.lang, Some(lang));
        prop_assert_eq!(config.theme, Some(format!("#{theme}")));
        prop_assert!(config.notes.is_empty());
    }

    #[test]
    fn percent_encoding_round_trips(text in "\\PC{0,40}") {
        prop_assert_eq!(percent_decode(&percent_encode(&text)), text);
    }

    #[test]
    fn every_real_date_prints_and_parses_back(year in 1900i32..2100, month in 1u32..=12, day in 1u32..=31) {
        if let Some(date) = CalendarDate::new(year, month, day) {
            prop_assert_eq!(CalendarDate::parse(&date.to_string()), Ok(date));
            let (y, m, d) = date_fields(&format!("{year}年{month}月{day}日"));
            prop_assert_eq!(CalendarDate::parse(&format!("{y}-{m}-{d}")), Ok(date));
        }
    }

    #[test]
    fn date_parsing_never_panics(text in typed()) {
        let _ = CalendarDate::parse(&text);
        let _ = date_fields(&text);
    }

    #[test]
    fn normalising_keeps_every_position(text in typed()) {
        prop_assert_eq!(normalize(&text).chars().count(), text.chars().count());
        prop_assert_eq!(normalize(&normalize(&text)), normalize(&text));
    }

    #[test]
    fn every_query_term_is_an_index_term(text in typed()) {
        let text = normalize(&text);
        let indexed: Vec<String> = tokenize(&text).into_iter().map(|t| t.text).collect();
        for term in query_terms(&text) {
            prop_assert!(indexed.contains(&term.text), "{} not indexed from {:?}", term.text, text);
        }
    }

    #[test]
    fn community_cores_are_prefixes_of_the_name(text in typed()) {
        prop_assert!(text.starts_with(strip_committee(&text)));
        prop_assert!(text.starts_with(community_core(&text)));
    }

    #[test]
    fn lookup_never_panics_and_keeps_its_limit(text in typed(), limit in 0usize..12) {
        let result = lookup(&corpus().directory, &text, limit);
        prop_assert!(result.matches.len() <= limit);
    }

    #[test]
    fn search_never_panics(text in typed()) {
        let _ = index().search(corpus(), &Query { text: &text, limit: 10, ..Default::default() });
    }
}

proptest! {
    // Each case writes a data folder, so fewer by default; the long run takes its count from
    // PROPTEST_CASES like the others.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(32)
    ))]

    #[test]
    fn malformed_csv_and_toml_fail_with_file_line_messages_never_a_panic(
        towns in "\\PC{0,200}",
        sources in "\\PC{0,200}",
    ) {
        let dir = common::fixture_with(
            "lookup-chain",
            &[("places/towns.csv", towns.as_str()), ("sources.toml", sources.as_str())],
        );
        if let Err(problems) = ruxue_core::load_corpus(&dir) {
            prop_assert!(!problems.is_empty());
            for problem in problems {
                prop_assert!(problem.line >= 1);
                prop_assert!(!problem.message.is_empty());
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
