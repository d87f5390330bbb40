//! The UI's two languages. Chinese (zh-CN) comes first; English is the second UI language.
//!
//! Every UI string is a field of [`Texts`], and each language is one `const` value of it, so a
//! string missing in one language is a compile error rather than a blank on a parent's screen.
//! The policy texts themselves are Chinese only and are never machine-translated.

use leptos::prelude::*;

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Simplified Chinese, the default.
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>` and `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Reads a stored or typed tag; anything unrecognised yields `None` so the caller keeps its default.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh-hans" => Some(Lang::Zh),
            "en" | "en-gb" | "en-us" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language, which the switch offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// This language's UI strings.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

/// Every string the UI chrome shows.
pub struct Texts {
    pub product_name: &'static str,
    pub product_tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_policies: &'static str,
    pub nav_guide: &'static str,
    pub nav_clusters: &'static str,
    pub nav_lookup: &'static str,
    /// The switch's visible name, written in the language it switches *to*.
    pub switch_to_this_language: &'static str,
    /// The switch's accessible name, which contains its visible name (WCAG 2.5.3).
    pub switch_to_this_language_label: &'static str,
    pub home_title: &'static str,
    pub home_intro: &'static str,
    pub home_policies_summary: &'static str,
    pub home_guide_summary: &'static str,
    pub home_clusters_summary: &'static str,
    pub home_lookup_summary: &'static str,
    pub coming_soon_heading: &'static str,
    pub policies_intro: &'static str,
    pub guide_intro: &'static str,
    pub clusters_intro: &'static str,
    pub lookup_intro: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub not_found_home_link: &'static str,
    pub footer_sources: &'static str,
    pub footer_official_prevails: &'static str,
    pub footer_language_note: &'static str,
    pub document_not_found_title: &'static str,
    pub document_not_found_body: &'static str,
    pub back_to_documents: &'static str,
    pub filter_heading: &'static str,
    pub filter_district: &'static str,
    pub filter_year: &'static str,
    pub filter_kind: &'static str,
    pub filter_status: &'static str,
    pub filter_all: &'static str,
    pub filter_apply: &'static str,
    pub filter_clear: &'static str,
    pub no_documents_match: &'static str,
    pub label_issuers: &'static str,
    pub label_doc_number: &'static str,
    pub label_date: &'static str,
    pub label_district: &'static str,
    pub label_kind: &'static str,
    pub label_status: &'static str,
    pub label_source: &'static str,
    pub not_stated: &'static str,
    pub status_official: &'static str,
    pub status_draft: &'static str,
    pub status_superseded: &'static str,
    pub draft_note: &'static str,
    pub chinese_only_note: &'static str,
    pub toc_heading: &'static str,
    pub clause_link: &'static str,
    pub copy_citation: &'static str,
    pub citation_copied: &'static str,
    pub copy_failed: &'static str,
    pub departments_label: &'static str,
    pub repair_label: &'static str,
    pub repair_line: &'static str,
    pub repair_line_suffix: &'static str,
    pub repair_changed_to: &'static str,
    pub repair_reason: &'static str,
    /// "N documents", for the result count.
    pub documents_count: fn(usize) -> String,
    pub search_label: &'static str,
    pub search_button: &'static str,
    pub search_title: &'static str,
    pub search_hint: &'static str,
    pub also_searched: &'static str,
    pub query_truncated: &'static str,
    pub no_results: &'static str,
    pub no_results_next: &'static str,
    pub try_terms: &'static str,
    pub try_lookup: &'static str,
    pub filter_by_district: &'static str,
    pub filter_by_document: &'static str,
    pub all_results: &'static str,
    pub results_heading: &'static str,
    /// "N results" for a query.
    pub results_count: fn(usize) -> String,
}

const ZH: Texts = Texts {
    product_name: "入学",
    product_tagline: "上海入学与教育政策",
    skip_to_content: "跳到正文",
    nav_label: "主导航",
    nav_policies: "政策文件",
    nav_guide: "入学指南",
    nav_clusters: "学区与集团",
    nav_lookup: "查询",
    switch_to_this_language: "中文",
    switch_to_this_language_label: "切换到中文",
    home_title: "上海入学与教育政策",
    home_intro: "在这里查阅区教育部门公开发布的政策文件，了解入学规则，查找学区、教育集团和学校。所有内容都注明出处。",
    home_policies_summary: "闵行区、宝山区、崇明区公开发布的教育政策原文，可逐条阅读和引用。",
    home_guide_summary: "幼升小、小升初等各学段的入学规则和时间，每条都注明来源。",
    home_clusters_summary: "各区的学区、教育集团及其成员学校。",
    home_lookup_summary: "输入街镇、学校或学区名称，查看适用的区、学区和学校。查询只在您的设备上进行。",
    coming_soon_heading: "本栏目正在建设中",
    policies_intro: "区教育部门公开发布的政策文件原文。可以逐条阅读、链接和引用。",
    guide_intro: "这里将按学段说明入学规则、入学年份和关键日期，每条都附来源。",
    clusters_intro: "这里将列出各区的学区和教育集团，以及政策文件中提到的学校。",
    lookup_intro: "这里将可以按街镇、学校或学区名称查询适用的区、学区和学校。查询只在您的设备上进行，不会发送到任何地方。",
    not_found_title: "找不到该页面",
    not_found_body: "您打开的链接可能有误，或该页面已移动。",
    not_found_home_link: "返回首页",
    footer_sources: "内容来自各区教育部门公开发布的政策文件及注明出处的公开资料，每条都标明来源。",
    footer_official_prevails: "以官方发布为准。",
    footer_language_note: "",
    document_not_found_title: "找不到该文件",
    document_not_found_body: "该文件不在本站收录范围内，或链接有误。",
    back_to_documents: "查看全部政策文件",
    filter_heading: "筛选文件",
    filter_district: "区",
    filter_year: "年份",
    filter_kind: "类型",
    filter_status: "状态",
    filter_all: "全部",
    filter_apply: "筛选",
    filter_clear: "清除筛选",
    no_documents_match: "没有符合条件的文件。",
    label_issuers: "发文单位",
    label_doc_number: "文号",
    label_date: "日期",
    label_district: "区",
    label_kind: "类型",
    label_status: "状态",
    label_source: "来源",
    not_stated: "文本未载明",
    status_official: "正式",
    status_draft: "征求意见稿",
    status_superseded: "已废止",
    draft_note: "这是征求意见稿，不是正式发布的文件。",
    chinese_only_note: "",
    toc_heading: "目录",
    clause_link: "本条链接",
    copy_citation: "复制引用",
    citation_copied: "已复制引用：",
    copy_failed: "无法自动复制，请手动复制：",
    departments_label: "责任部门",
    repair_label: "原文校正",
    repair_line: "原文第",
    repair_line_suffix: "行",
    repair_changed_to: "改为",
    repair_reason: "原因：",
    documents_count: |n| format!("共 {n} 份文件"),
    search_label: "搜索政策条文",
    search_button: "搜索",
    search_title: "搜索",
    search_hint: "输入关键词，例如：幼升小、随迁子女、托班、七宝中学。也可以输入拼音，例如 suiqian。",
    also_searched: "也搜索了：",
    query_truncated: "搜索词太长，只使用了前 200 个字。",
    no_results: "没有找到相关条文。",
    no_results_next: "可以试试：换一个说法，少用几个字，或使用下面的常用词。",
    try_terms: "常用词：",
    try_lookup: "要查学校、街镇或学区，请使用",
    filter_by_district: "按区筛选",
    filter_by_document: "按文件筛选",
    all_results: "全部",
    results_heading: "搜索结果",
    results_count: |n| format!("找到 {n} 条相关条文"),
};

const EN: Texts = Texts {
    product_name: "Ruxue",
    product_tagline: "Shanghai school enrolment and education policy",
    skip_to_content: "Skip to main content",
    nav_label: "Main",
    nav_policies: "Policies",
    nav_guide: "Enrolment guide",
    nav_clusters: "School districts and groups",
    nav_lookup: "Look up",
    switch_to_this_language: "English",
    switch_to_this_language_label: "Switch to English",
    home_title: "Shanghai school enrolment and education policy",
    home_intro: "Read the education policies that district bureaus publish, understand the enrolment rules, and find school districts, education groups and schools. Everything shown here names its source.",
    home_policies_summary: "The published policy texts of Minhang, Baoshan and Chongming, to read and cite clause by clause.",
    home_guide_summary: "Enrolment rules and dates for each stage, from kindergarten to secondary school, each with its source.",
    home_clusters_summary: "Each district's school districts (学区), education groups (教育集团) and their member schools.",
    home_lookup_summary: "Type a subdistrict or town, a school or a school-district name to see which district, cluster and schools apply. The lookup runs only on your device.",
    coming_soon_heading: "This section is being built",
    policies_intro: "The published policy documents of district education bureaus, to read, link and cite clause by clause. The texts are in Chinese.",
    guide_intro: "This section will explain the enrolment rules, entry years and key dates for each stage, each with its source.",
    clusters_intro: "This section will list each district's school districts and education groups, and the schools the policies name.",
    lookup_intro: "This section will let you look up the district, school district and schools for a subdistrict, town, school or cluster name. The lookup runs only on your device and sends nothing anywhere.",
    not_found_title: "Page not found",
    not_found_body: "The link you followed may be wrong, or the page may have moved.",
    not_found_home_link: "Go to the home page",
    footer_sources: "Content comes from policy documents published by district education bureaus and from public sources, each named where it is used.",
    footer_official_prevails: "The official notice prevails (以官方发布为准).",
    footer_language_note: "Policy texts are published in Chinese only. This site does not translate them.",
    document_not_found_title: "Document not found",
    document_not_found_body: "This document is not in the portal, or the link is wrong.",
    back_to_documents: "See all policy documents",
    filter_heading: "Filter documents",
    filter_district: "District",
    filter_year: "Year",
    filter_kind: "Type",
    filter_status: "Status",
    filter_all: "All",
    filter_apply: "Apply filters",
    filter_clear: "Clear filters",
    no_documents_match: "No documents match these filters.",
    label_issuers: "Issued by",
    label_doc_number: "Document number",
    label_date: "Date",
    label_district: "District",
    label_kind: "Type",
    label_status: "Status",
    label_source: "Source",
    not_stated: "Not stated in the text",
    status_official: "In force",
    status_draft: "Draft for comment",
    status_superseded: "Superseded",
    draft_note: "This is a draft published for comment, not a document in force.",
    chinese_only_note: "This document is published in Chinese only. It is shown as published, without translation.",
    toc_heading: "Contents",
    clause_link: "Link to this clause",
    copy_citation: "Copy citation",
    citation_copied: "Citation copied: ",
    copy_failed: "Could not copy automatically. Copy it by hand: ",
    departments_label: "Responsible departments",
    repair_label: "Corrections to the extracted text",
    repair_line: "Line",
    repair_line_suffix: "of the published text",
    repair_changed_to: "changed to",
    repair_reason: "Reason: ",
    documents_count: |n| if n == 1 { "1 document".into() } else { format!("{n} documents") },
    search_label: "Search the policies",
    search_button: "Search",
    search_title: "Search",
    search_hint: "Type a word or phrase in Chinese, such as 幼升小, 随迁子女 or 托班. Pinyin works too, such as suiqian.",
    also_searched: "Also searched: ",
    query_truncated: "Your search was too long. Only its first 200 characters were used.",
    no_results: "No clauses match your search.",
    no_results_next: "Try other words, fewer words, or one of the common terms below.",
    try_terms: "Common terms: ",
    try_lookup: "To find a school, town or school district, use ",
    filter_by_district: "Filter by district",
    filter_by_document: "Filter by document",
    all_results: "All",
    results_heading: "Results",
    results_count: |n| if n == 1 { "1 clause found".into() } else { format!("{n} clauses found") },
};

/// The UI language, shared by every component through context.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

/// The current language's strings, for use inside reactive closures.
pub fn use_texts() -> impl Fn() -> &'static Texts + Copy {
    let lang = use_lang();
    move || lang.get().texts()
}
