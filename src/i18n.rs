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
        ruxue_core::embed::lang_tag(tag).map(|tag| if tag == "en" { Lang::En } else { Lang::Zh })
    }

    /// The other language, which the switch offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// This language's UI strings. English's strings are Chinese until [`load_english`] has
    /// brought them: the app asks for them before it shows English.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => english(),
        }
    }
}

/// Defines [`Texts`]: its strings, which [`Texts::strings`] lists in order and
/// [`Texts::with_strings`] replaces (English's come from a file, [`load_english`]), and its
/// formats, which are code.
macro_rules! texts {
    (
        $(#[$struct_doc:meta])*
        strings { $( $(#[$s_doc:meta])* $s:ident, )* }
        $(#[$f_block_doc:meta])*
        formats { $( $(#[$f_doc:meta])* $f:ident : $ft:ty, )* }
    ) => {
        $(#[$struct_doc])*
        #[derive(Clone, Copy)]
        #[repr(C)]
        pub struct Texts {
            $( $(#[$s_doc])* pub $s: &'static str, )*
            $( $(#[$f_doc])* pub $f: $ft, )*
        }

        impl Texts {
            /// The strings, in the order of English's file.
            pub fn strings(&self) -> Vec<&'static str> {
                vec![$(self.$s),*]
            }

            /// How many strings there are.
            pub const STRING_COUNT: usize = [$(stringify!($s)),*].len();

            /// These texts with `strings` in place of their own strings, if there are as
            /// many; the formats stay.
            pub fn with_strings(&self, strings: &[&'static str]) -> Option<Texts> {
                if strings.len() != Self::STRING_COUNT {
                    return None;
                }
                let mut texts = *self;
                // A loop, not a field-by-field literal: 220 fields of that were 2 KB of the
                // wasm every page loads.
                let first = (&mut texts as *mut Texts).cast::<&'static str>();
                for (i, string) in strings.iter().enumerate() {
                    // SAFETY: `Texts` is `repr(C)` and its first STRING_COUNT fields are
                    // `&'static str`, in the order of `strings` (`Texts::strings`); `i` is
                    // below STRING_COUNT. `tests::english_round_trips` checks the order.
                    unsafe { first.add(i).write(*string) };
                }
                Some(texts)
            }
        }
    };
}

texts! {
    /// Every string the UI chrome shows.
    strings {
        product_name,
        product_tagline,
        skip_to_content,
        /// The banner shown when a new build of the portal is ready (the service worker).
        update_ready,
        update_apply,
        nav_label,
        nav_policies,
        nav_guide,
        nav_clusters,
        nav_lookup,
        /// The switch's visible name, written in the language it switches *to*.
        switch_to_this_language,
        /// The switch's accessible name, which contains its visible name (WCAG 2.5.3).
        switch_to_this_language_label,
        home_title,
        home_intro,
        home_policies_summary,
        home_guide_summary,
        home_clusters_summary,
        home_lookup_summary,
        policies_intro,
        lookup_intro,
        not_found_title,
        not_found_body,
        not_found_home_link,
        footer_sources,
        report_problem,
        sources_title,
        sources_intro,
        sources_documents_heading,
        sources_repost_explained,
        footer_official_prevails,
        footer_language_note,
        document_not_found_title,
        document_not_found_body,
        /// While a document's texts are fetched.
        texts_loading,
        /// While a search fetches the index shards and documents it needs.
        search_loading,
        /// The texts could not be fetched: the network, then anything else; and the reason's label.
        texts_failed_heading,
        texts_failed_network,
        texts_failed,
        texts_failed_reason,
        texts_retry,
        /// While a page's own code is fetched (`crate::page_code`).
        page_loading,
        /// When a page's own code cannot be fetched.
        page_failed_heading,
        page_failed_network,
        results_failed_heading,
        results_failed_network,
        lookup_loading,
        answers_failed_heading,
        answers_failed_network,
        check_loading,
        check_failed_heading,
        check_failed_network,
        back_to_documents,
        filter_heading,
        filter_district,
        filter_year,
        filter_kind,
        filter_status,
        filter_all,
        filter_apply,
        filter_clear,
        no_documents_match,
        label_issuers,
        label_doc_number,
        label_date,
        label_district,
        label_kind,
        label_status,
        label_source,
        not_stated,
        status_official,
        status_draft,
        status_superseded,
        draft_note,
        chinese_only_note,
        toc_heading,
        clause_link,
        copy_citation,
        citation_copied,
        copy_failed,
        departments_label,
        repair_label,
        repair_line,
        repair_line_suffix,
        repair_changed_to,
        repair_reason,
        search_label,
        search_button,
        search_title,
        search_hint,
        also_searched,
        query_truncated,
        no_results,
        no_results_next,
        try_terms,
        try_lookup,
        filter_by_district,
        filter_by_document,
        all_results,
        results_heading,
        filter_by_kind,
        kind_statement,
        kind_dates,
        kind_clause,
        kind_place,
        kind_tool,
        answer_heading,
        answer_in_guide,
        did_you_mean,
        did_you_mean_shown,
        coverage_heading,
        dates_next_intake,
        dates_watch,
        home_check_summary,
        embed_invalid,
        embed_open_portal,
        embed_brand,
        embed_read_whole,
        embed_page_title,
        embed_page_intro,
        embed_view_label,
        embed_view_search,
        embed_view_lookup,
        embed_view_calculator,
        embed_view_item,
        embed_item_label,
        embed_theme_label,
        embed_lang_label,
        embed_preview,
        embed_preview_note,
        embed_preview_show,
        embed_code_loader,
        embed_code_iframe,
        embed_copy,
        embed_copied,
        embed_link,
        guide_intro_text,
        guide_check_link,
        scope_city,
        key_dates_heading,
        dates_not_published,
        dates_reference_label,
        /// The reader's bar, its 回到顶部 link, and the official original's row.
        reader_bar_label,
        reader_top,
        label_original,
        original_not_recorded,
        /// 加入日历 beside one date, and for a whole year's dates.
        calendar_add_one,
        calendar_add_all,
        calendar_hint,
        /// Why an unpublished year has no calendar file.
        calendar_unpublished,
        calendar_failed,
        check_title,
        check_intro,
        birth_legend,
        birth_hint,
        field_year,
        field_month,
        field_day,
        district_label,
        district_any,
        household_legend,
        household_hukou,
        household_permit,
        household_other,
        check_submit,
        error_summary_title,
        error_birth_missing,
        error_birth_format,
        error_birth_future,
        error_birth_old,
        result_heading,
        result_kindergarten,
        result_primary,
        result_september,
        result_cohort,
        result_cohort_to,
        result_born,
        situation_not_born,
        situation_before_kindergarten,
        situation_before_primary,
        situation_past_primary,
        next_steps_heading,
        steps_choose_household,
        applicable_heading,
        share_hint,
        official_prevails_long,
        lookup_label,
        lookup_hint,
        lookup_privacy,
        lookup_no_match,
        lookup_try,
        kind_district,
        kind_town,
        kind_school,
        kind_cluster,
        kind_catchment,
        kind_community,
        school_open,
        school_project_note,
        lookup_choose,
        lookup_road,
        answer_communities,
        community_not_school,
        answer_district,
        answer_town,
        answer_clusters,
        answer_schools,
        answer_catchments,
        not_recorded,
        members_missing,
        catchments_missing,
        official_catchments,
        what_documents_say,
        named_clusters,
        named_schools,
        district_documents,
        search_in_district,
        enrolment_guide_link,
        source_label,
        quality_official,
        quality_press,
        quality_repost,
        repost_label,
        suggestions_status,
        clusters_page_intro,
        targets_title,
        targets_intro,
        targets_link,
        targets_filter_heading,
        filter_area,
        targets_compare_heading,
        targets_compare_intro,
        targets_table_target,
        targets_table_source,
        targets_none,
        targets_year_of_document,
    }
    /// Sentences with numbers or names in them: code, not strings, so they stay in the wasm.
    formats {
        last_checked: fn(i32, u32, u32) -> String,
        sources_counts: fn(usize, usize, usize, usize) -> String,
        sources_official_heading: fn(usize) -> String,
        sources_press_heading: fn(usize) -> String,
        sources_repost_heading: fn(usize) -> String,
        guide_official_count: fn(usize, usize) -> String,
        /// "N documents", for the result count.
        documents_count: fn(usize) -> String,
        /// "N results" for a query.
        results_count: fn(usize) -> String,
        /// "This portal holds the documents of <districts> …".
        coverage_covered: fn(&str) -> String,
        /// "<place> (<district>) is not covered …", for a query about an uncovered place.
        coverage_not_covered: fn(&str, &str) -> String,
        /// The title of the "dates not yet published" notice for a year.
        dates_not_published_title: fn(i32) -> String,
        school_project: fn(&str) -> String,
        lookup_road_towns: fn(&str) -> String,
        community_town_link: fn(&str) -> String,
    }
}

const ZH: Texts = Texts {
    product_name: "入学",
    product_tagline: "上海入学与教育政策",
    skip_to_content: "跳到正文",
    update_ready: "本站已有新版本（内容或功能有更新）。",
    update_apply: "更新到新版本",
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
    home_lookup_summary: "输入街镇、居委或村、学校或学区名称，查看适用的区、学区和学校。查询只在您的设备上进行。",
    policies_intro: "区教育部门公开发布的政策文件原文。可以逐条阅读、链接和引用。",
    lookup_intro: "输入街镇、居委或村、学校或学区名称，或者您的地址，查看适用的区、街镇、学区和学校。",
    not_found_title: "找不到该页面",
    not_found_body: "您打开的链接可能有误，或该页面已移动。",
    not_found_home_link: "返回首页",
    footer_sources: "内容来自各区教育部门公开发布的政策文件及注明出处的公开资料，每条都标明来源。",
    last_checked: |y, m, d| format!("数据核对日期：{y}年{m}月{d}日"),
    report_problem: "发现错误？报告问题",
    sources_title: "资料来源",
    sources_intro: "本站每条信息都注明来源。官方来源是政府网站或政府部门的文件；媒体来源是报纸；转载是第三方网站对官方文本的转载，引用时先列发文机关和文号，再列转载网址。以官方发布为准。",
    sources_counts: |documents, official, press, repost| format!("政策文件原文 {documents} 份；其他公开资料：官方 {official} 个，媒体 {press} 个，转载 {repost} 个。"),
    sources_documents_heading: "政策文件原文",
    sources_official_heading: |n| format!("官方（{n}）"),
    sources_press_heading: |n| format!("媒体（{n}）"),
    sources_repost_heading: |n| format!("转载（{n}）"),
    sources_repost_explained: "以下资料是第三方网站转载的官方文本。本站引用时先列原发文机关，请以官方发布为准。",
    guide_official_count: |official, total| format!("本指南共 {total} 条说明，其中 {official} 条以官方文本为依据（政策文件原文或政府网站）；其余依据媒体报道或转载，均已注明。"),
    footer_official_prevails: "以官方发布为准。",
    footer_language_note: "",
    document_not_found_title: "找不到该文件",
    document_not_found_body: "该文件不在本站收录范围内，或链接有误。",
    texts_loading: "正在加载政策原文……",
    search_loading: "正在查找……",
    texts_failed_heading: "政策原文暂时无法显示",
    texts_failed_network: "政策原文没有加载成功。请检查网络连接，然后再试一次。",
    texts_failed: "政策原文的数据文件无法读取。请重新加载本页；如果仍然出现这条提示，请告知本网站的管理者。",
    texts_failed_reason: "原因：",
    texts_retry: "再试一次",
    page_loading: "正在打开页面……",
    page_failed_heading: "这个页面暂时无法打开",
    page_failed_network: "这个页面没有加载成功。请检查网络连接，然后再试一次。",
    results_failed_heading: "搜索结果暂时无法显示",
    results_failed_network: "显示搜索结果所需的文件没有加载成功。请检查网络连接，然后再试一次。",
    lookup_loading: "正在查询……",
    answers_failed_heading: "查询结果暂时无法显示",
    answers_failed_network: "显示查询结果所需的文件没有加载成功。请检查网络连接，然后再试一次。",
    check_loading: "正在计算……",
    check_failed_heading: "结果暂时无法显示",
    check_failed_network: "显示结果所需的文件没有加载成功。请检查网络连接，然后再试一次。",
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
    search_label: "搜索入学指南和政策",
    search_button: "搜索",
    search_title: "搜索",
    search_hint: "可以直接输入问题，例如：孩子几岁上小学？外地户口怎么上学？也可以输入关键词、拼音（suiqian）或英文（kindergarten）。",
    also_searched: "也搜索了：",
    query_truncated: "搜索词太长，只使用了前 200 个字。",
    no_results: "没有找到相关结果。",
    no_results_next: "可以试试：换一个说法，少用几个字，或使用下面的常用词。",
    try_terms: "常用词：",
    try_lookup: "要查学校、街镇或学区，请使用",
    filter_by_district: "按区筛选",
    filter_by_document: "按文件筛选",
    all_results: "全部",
    results_heading: "搜索结果",
    results_count: |n| format!("找到 {n} 条结果"),
    filter_by_kind: "结果类型",
    kind_statement: "指南",
    kind_dates: "日期",
    kind_clause: "政策原文",
    kind_place: "地点与学校",
    kind_tool: "工具",
    answer_heading: "答案",
    answer_in_guide: "在入学指南中查看",
    did_you_mean: "您是不是要找：",
    did_you_mean_shown: "下面是按这个词找到的结果。",
    coverage_heading: "本站收录的范围",
    coverage_covered: |districts| format!("本站收录{districts}的文件，以及全市通用的规则。"),
    coverage_not_covered: |place, district| {
        if place == district {
            format!("本站不收录{place}的文件。下面是全市通用的答案；{place}自己的规定，请以{place}教育局的通知为准，或在“一网通办”查询。")
        } else {
            format!("{place}属于{district}，本站不收录{district}的文件。下面是全市通用的答案；{district}自己的规定，请以{district}教育局的通知为准，或在“一网通办”查询。")
        }
    },
    dates_not_published_title: |year| format!("{year}年入学的日期尚未公布"),
    dates_next_intake: "下一次入学的日期尚未公布",
    dates_watch: "请关注市教委每年春季发布的招生入学实施意见和本区随后发布的实施细则。",
    home_check_summary: "填写孩子的出生日期，查看哪一年上幼儿园、上小学，以及适用的规则和接下来要做的事。",
    embed_invalid: "部分嵌入参数无效，已使用默认值：",
    embed_open_portal: "在入学门户中打开（新窗口）",
    embed_brand: "入学 Ruxue · 以官方发布为准",
    embed_read_whole: "阅读全文（新窗口）",
    embed_page_title: "嵌入本站",
    embed_page_intro: "学校可以把搜索、查询、入学年份计算或某一条政策放在自己的网站上。选择内容，预览，然后复制代码。无需修改贵校网站的安全设置，也无需托管任何文件。",
    embed_view_label: "显示内容",
    embed_view_search: "搜索",
    embed_view_lookup: "查询",
    embed_view_calculator: "入学年份",
    embed_view_item: "一条政策",
    embed_item_label: "政策条目（例如 mh-2023-6/4-9-16）",
    embed_theme_label: "主题颜色（选填，6 位十六进制，例如 005ea5）",
    embed_lang_label: "语言",
    embed_preview: "预览",
    embed_preview_note: "预览就是小部件本身，会随您的选择更新。它需要另外下载，所以在您点按下面的按钮后才显示。",
    embed_preview_show: "显示预览",
    embed_code_loader: "代码：小组件（推荐，高度自动适应内容）",
    embed_code_iframe: "代码：普通 iframe（不需要脚本，高度固定）",
    embed_copy: "复制代码",
    embed_copied: "已复制代码。",
    embed_link: "嵌入本站",
    guide_intro_text: "按学段说明入学规则和时间。每条都注明来源，以官方发布为准。",
    guide_check_link: "根据孩子的出生日期查看入学年份和适用规则",
    scope_city: "全市",
    key_dates_heading: "关键日期",
    dates_not_published: "年入学的日期尚未公布。请关注市教委每年春季发布的招生入学实施意见和本区的实施细则。",
    dates_reference_label: "仅供参考：以下是往年公布的日期，不是今年的日期。",
    reader_bar_label: "阅读位置",
    reader_top: "回到顶部",
    label_original: "官方原文",
    original_not_recorded: "本站未收录官方原文的网址，请向发文单位核实",
    calendar_add_one: "加入日历",
    calendar_add_all: "全部加入日历",
    calendar_hint: "“加入日历”下载一个日历文件，手机日历可以导入；往年的日期在日历里也标为参考。",
    calendar_unpublished: "日期公布前，没有可以加入日历的日期。",
    calendar_failed: "日历文件没有做成：请检查网络，再点一次。",
    check_title: "入学年份与适用规则",
    check_intro: "填写孩子的出生日期。区和户籍情况可以不填；填了会列出更多适用的规则。您填写的内容只留在本设备和本页地址中。",
    birth_legend: "孩子的出生日期",
    birth_hint: "例如：2020 10 1",
    field_year: "年",
    field_month: "月",
    field_day: "日",
    district_label: "所在区（选填）",
    district_any: "不选",
    household_legend: "户籍情况（选填）",
    household_hukou: "本市户籍",
    household_permit: "持《上海市居住证》",
    household_other: "其他",
    check_submit: "查看结果",
    error_summary_title: "请修改以下问题",
    error_birth_missing: "请输入孩子的出生日期",
    error_birth_format: "出生日期必须是真实的日期，例如 2020 10 1",
    error_birth_future: "出生日期不能晚于明年的今天",
    error_birth_old: "出生日期必须在1990年以后",
    result_heading: "结果",
    result_kindergarten: "幼儿园入园：",
    result_primary: "小学入学：",
    result_september: "年9月",
    result_cohort: "同一批孩子：",
    result_cohort_to: "至",
    result_born: "出生",
    situation_not_born: "孩子尚未出生：以上按预产期计算。",
    situation_before_kindergarten: "孩子还没到入园年份。",
    situation_before_primary: "孩子已过入园年份，还没到小学入学年份。",
    situation_past_primary: "孩子已过小学入学年份，应已在读小学或更高年级。如需转学或插班，请联系所在区教育局。",
    next_steps_heading: "接下来",
    steps_choose_household: "在上面选择户籍情况，这里会加上适合您家的步骤。",
    applicable_heading: "适用的规则",
    share_hint: "本页地址包含您填写的内容，可以收藏或分享。",
    official_prevails_long: "以上内容均注明来源，以官方发布为准。",
    lookup_label: "街镇、居委或村、学校或学区名称，或您的地址",
    lookup_hint: "例如：七宝镇、华江新村、彭渡村、七宝中学，也可以输入拼音或首字母，例如 qibao、qbz。",
    lookup_privacy: "查询只在您的设备上进行，您输入的内容不会发送到任何地方。",
    lookup_no_match: "没有找到匹配的区、街镇、学校或学区。",
    lookup_try: "可以试试：",
    kind_district: "区",
    kind_town: "街镇",
    kind_school: "学校",
    kind_cluster: "学区/集团",
    kind_catchment: "对口地段",
    kind_community: "居委/村",
    school_project: |status| format!("建设项目：{status}"),
    school_open: "已开办",
    school_project_note: "标为建设项目的学校，文件只说明其建设安排（新建、迁建、改造等），不表示已经开办或可以报名。",
    lookup_choose: "请选择您要找的地方：",
    lookup_road: "暂时不能按路名或门牌号查询。请输入您的小区、居委或村的名称，或选择您所在的街镇。",
    lookup_road_towns: |district| format!("{district}的街镇："),
    answer_communities: "居委会/村委会",
    community_not_school: "居委或村的名称只能确定所在的街镇和区，不能确定对口学校。",
    community_town_link: |town| format!("查看{town}的全部信息"),
    answer_district: "所在区",
    answer_town: "街镇",
    answer_clusters: "学区与教育集团",
    answer_schools: "学校",
    answer_catchments: "对口地段",
    not_recorded: "未收录",
    members_missing: "本区学区成员名单尚未收录。",
    catchments_missing: "本区对口地段（招生划片范围）尚未收录。",
    official_catchments: "招生划片范围以区教育局每年春季公布的为准，可在“一网通办”的义务教育入学专栏或“随申办”查询和报名。",
    what_documents_say: "政策文件中的相关表述",
    named_clusters: "文件中提到的学区、集团和教育圈",
    named_schools: "文件中提到的学校",
    district_documents: "本区政策文件",
    search_in_district: "在政策中搜索",
    enrolment_guide_link: "入学指南",
    source_label: "来源：",
    quality_official: "官方",
    quality_press: "媒体",
    quality_repost: "转载",
    repost_label: "转载：",
    suggestions_status: "个建议",
    clusters_page_intro: "各区的学区、教育集团和教育圈：政策文件中的表述和提到的学校，均注明出处。",
    targets_title: "各区指标",
    targets_intro: "各区教育文件里写明数字的承诺：多少、到什么时候、原文怎么说。每项都链接到原文条款，以官方发布为准。",
    targets_link: "各区指标：文件中写明数字的承诺，可按区和领域对比",
    targets_filter_heading: "筛选指标",
    filter_area: "领域",
    targets_compare_heading: "各区对比",
    targets_compare_intro: "不同文件对同一指标的承诺。年份是文件写明的目标年份，没写明的是发文年份。",
    targets_table_target: "目标",
    targets_table_source: "原文",
    targets_none: "没有符合条件的指标。请减少筛选条件，或选择“全部”。",
    targets_year_of_document: "（发文年份，原文未写明目标年份）",
};

/// English's formats and the strings a Chinese page shows of English, and Chinese strings in
/// place of the rest until English's arrive ([`load_english`]).
const EN_FORMATS: Texts = Texts {
    // What the Chinese page shows of English: the switch, and the name in the tab's title.
    product_name: "Ruxue",
    switch_to_this_language: "English",
    switch_to_this_language_label: "Switch to English",
    last_checked: |y, m, d| {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        format!(
            "Data last checked: {d} {} {y}",
            MONTHS[(m.clamp(1, 12) - 1) as usize]
        )
    },
    sources_counts: |documents, official, press, repost| {
        format!("{documents} policy documents in full; other public sources: {official} official, {press} press, {repost} reposts.")
    },
    sources_official_heading: |n| format!("Official ({n})"),
    sources_press_heading: |n| format!("Press ({n})"),
    sources_repost_heading: |n| format!("Reposts ({n})"),
    guide_official_count: |official, total| {
        format!("Of this guide's {total} statements, {official} rest on official text (a policy document or a government site); the rest rest on press reports or reposts, each named.")
    },
    documents_count: |n| {
        if n == 1 {
            "1 document".into()
        } else {
            format!("{n} documents")
        }
    },
    results_count: |n| {
        if n == 1 {
            "1 result found".into()
        } else {
            format!("{n} results found")
        }
    },
    coverage_covered: |districts| {
        format!("This portal holds the documents of {districts}, and the rules for the whole city.")
    },
    coverage_not_covered: |place, district| {
        if place == district {
            format!("This portal does not hold {place}'s documents. Below are the answers for the whole city; for {place}'s own rules, see its education bureau's notices or 一网通办.")
        } else {
            format!("{place} is in {district}, whose documents this portal does not hold. Below are the answers for the whole city; for {district}'s own rules, see its education bureau's notices or 一网通办.")
        }
    },
    dates_not_published_title: |year| format!("Dates for the {year} intake are not yet published"),
    school_project: |status| format!("Building project: {status}"),
    lookup_road_towns: |district| format!("Subdistricts and towns of {district}:"),
    community_town_link: |town| format!("Everything about {town}"),
    ..ZH
};

/// English. Not in the release build (`ruxue_split`): the prerender writes its strings to a
/// file of their own, which the app fetches when a parent chooses English ([`load_english`]),
/// so that the wasm every page loads first does not carry them. The prerender and the
/// component tests have them built in, as they have every page's code (`crate::page_code`).
#[cfg(not(ruxue_split))]
const EN: Texts = Texts {
    product_name: "Ruxue",
    product_tagline: "Shanghai school enrolment and education policy",
    skip_to_content: "Skip to main content",
    update_ready: "A new version of this site is ready (updated content or features).",
    update_apply: "Update to the new version",
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
    home_lookup_summary: "Type a subdistrict or town, a neighbourhood or village, a school or a school-district name to see which district, cluster and schools apply. The lookup runs only on your device.",
    policies_intro: "The published policy documents of district education bureaus, to read, link and cite clause by clause. The texts are in Chinese.",
    lookup_intro: "Type a town, neighbourhood, village, school or school-district name, or your address, to see which district, town, school district and schools apply.",
    not_found_title: "Page not found",
    not_found_body: "The link you followed may be wrong, or the page may have moved.",
    not_found_home_link: "Go to the home page",
    footer_sources: "Content comes from policy documents published by district education bureaus and from public sources, each named where it is used.",
    report_problem: "Found a mistake? Report a problem",
    sources_title: "Sources",
    sources_intro: "Everything on this site names its source. Official sources are government sites or documents; press is a newspaper; a repost is a third-party copy of an official text, cited with the issuing body and document number first and the copy's address second. The official notice prevails.",
    sources_documents_heading: "Policy documents in full",
    sources_repost_explained: "These are official texts copied by third-party sites. They are cited with the issuing body first; the official notice prevails.",
    footer_official_prevails: "The official notice prevails (以官方发布为准).",
    footer_language_note: "Policy texts are published in Chinese only. This site does not translate them.",
    document_not_found_title: "Document not found",
    document_not_found_body: "This document is not in the portal, or the link is wrong.",
    texts_loading: "Loading the policy texts…",
    search_loading: "Searching…",
    texts_failed_heading: "The policy texts cannot be shown",
    texts_failed_network: "The policy texts did not load. Check your connection, then try again.",
    texts_failed: "The policy texts' data file cannot be read. Reload this page; if this notice stays, tell whoever runs this site.",
    texts_failed_reason: "Reason: ",
    texts_retry: "Try again",
    page_loading: "Opening the page…",
    page_failed_heading: "This page cannot be opened",
    page_failed_network: "This page did not load. Check your connection, then try again.",
    results_failed_heading: "Search results cannot be shown",
    results_failed_network: "The files search results need did not load. Check your connection, then try again.",
    lookup_loading: "Looking up…",
    answers_failed_heading: "Lookup answers cannot be shown",
    answers_failed_network: "The files the lookup's answers need did not load. Check your connection, then try again.",
    check_loading: "Working it out…",
    check_failed_heading: "The result cannot be shown",
    check_failed_network: "The files the result needs did not load. Check your connection, then try again.",
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
    search_label: "Search the guide and policies",
    search_button: "Search",
    search_title: "Search",
    search_hint: "Ask a question or type words, in English or Chinese: for example kindergarten, residence permit, 孩子几岁上小学. Pinyin works too, such as suiqian.",
    also_searched: "Also searched: ",
    query_truncated: "Your search was too long. Only its first 200 characters were used.",
    no_results: "Nothing matches your search.",
    no_results_next: "Try other words, fewer words, or one of the common terms below.",
    try_terms: "Common terms: ",
    try_lookup: "To find a school, town or school district, use ",
    filter_by_district: "Filter by district",
    filter_by_document: "Filter by document",
    all_results: "All",
    results_heading: "Results",
    filter_by_kind: "Kind of result",
    kind_statement: "Guide",
    kind_dates: "Dates",
    kind_clause: "Policy text",
    kind_place: "Places and schools",
    kind_tool: "Tool",
    answer_heading: "Answer",
    answer_in_guide: "See it in the enrolment guide",
    did_you_mean: "Did you mean: ",
    did_you_mean_shown: "The results below are for this word.",
    coverage_heading: "What this portal covers",
    dates_next_intake: "Dates for the next intake are not yet published",
    dates_watch: "Watch for the city's enrolment opinions each spring, and your district's rules after them.",
    home_check_summary: "Enter your child's date of birth to see which year they start kindergarten and primary school, the rules that apply and what to do next.",
    embed_invalid: "Some embed settings were not valid and their defaults were used: ",
    embed_open_portal: "Open in the Ruxue portal (new window)",
    embed_brand: "Ruxue · The official notice prevails",
    embed_read_whole: "Read the whole document (new window)",
    embed_page_title: "Embed Ruxue",
    embed_page_intro: "Schools can put search, the lookup, the entry-year calculator or a single policy clause on their own website. Choose what to show, preview it, then copy the code. You do not need to change your site's security settings or host anything.",
    embed_view_label: "What to show",
    embed_view_search: "Search",
    embed_view_lookup: "Lookup",
    embed_view_calculator: "Entry years",
    embed_view_item: "One policy clause",
    embed_item_label: "Policy clause (for example mh-2023-6/4-9-16)",
    embed_theme_label: "Theme colour (optional, 6 hex digits, for example 005ea5)",
    embed_lang_label: "Language",
    embed_preview: "Preview",
    embed_preview_note: "The preview is the widget itself and follows your choices. It is a separate download, so it shows only when you press the button below.",
    embed_preview_show: "Show the preview",
    embed_code_loader: "Code: widget (recommended; its height follows its content)",
    embed_code_iframe: "Code: plain iframe (no script; fixed height)",
    embed_copy: "Copy code",
    embed_copied: "Code copied.",
    embed_link: "Embed on your site",
    guide_intro_text: "Enrolment rules and dates, stage by stage. Each statement names its source; the official notice prevails.",
    guide_check_link: "Check entry years and the rules that apply to your child",
    scope_city: "Whole city",
    key_dates_heading: "Key dates",
    dates_not_published: "entry: the dates have not been published yet. Watch for the city's enrolment opinions each spring, and your district's rules after them.",
    dates_reference_label: "For reference only: these are past years' dates, not this year's.",
    reader_bar_label: "Where you are",
    reader_top: "Back to top",
    label_original: "Official original",
    original_not_recorded: "No address of the official original is recorded here: check with the issuing body",
    calendar_add_one: "Add to calendar",
    calendar_add_all: "Add all to calendar",
    calendar_hint: "“Add to calendar” downloads a calendar file your phone can import; past years' dates are marked as reference there too.",
    calendar_unpublished: "Until the dates are published, there is nothing to add to a calendar.",
    calendar_failed: "The calendar file could not be made: check your connection and try again.",
    check_title: "Entry years and the rules that apply",
    check_intro: "Enter your child's date of birth. District and household situation are optional; filling them in lists more of the rules that apply. What you enter stays on this device and in this page's address.",
    birth_legend: "Your child's date of birth",
    birth_hint: "For example, 2020 10 1",
    field_year: "Year",
    field_month: "Month",
    field_day: "Day",
    district_label: "District (optional)",
    district_any: "Not chosen",
    household_legend: "Household registration (optional)",
    household_hukou: "Shanghai hukou",
    household_permit: "Holds a Shanghai Residence Permit (《上海市居住证》)",
    household_other: "Other",
    check_submit: "Show the result",
    error_summary_title: "There is a problem",
    error_birth_missing: "Enter your child's date of birth",
    error_birth_format: "Date of birth must be a real date, for example 2020 10 1",
    error_birth_future: "Date of birth must not be more than a year from today",
    error_birth_old: "Date of birth must be after 1990",
    result_heading: "Result",
    result_kindergarten: "Kindergarten entry: ",
    result_primary: "Primary school entry: ",
    result_september: "September",
    result_cohort: "Same cohort: ",
    result_cohort_to: "to",
    result_born: "born",
    situation_not_born: "Your child is not born yet: this uses the expected date.",
    situation_before_kindergarten: "Your child has not reached kindergarten entry yet.",
    situation_before_primary: "Your child is past kindergarten entry and before primary entry.",
    situation_past_primary: "Your child is past primary entry and should already be at school. For a transfer, contact your district's education bureau.",
    next_steps_heading: "What to do next",
    steps_choose_household: "Choose your household situation above to add the steps for your family.",
    applicable_heading: "Rules that apply",
    share_hint: "This page's address holds what you entered, so you can bookmark or share it.",
    official_prevails_long: "Every statement above names its source. The official notice prevails.",
    lookup_label: "A town, neighbourhood, village, school or school-district name, or your address",
    lookup_hint: "For example 七宝镇, 华江新村, 彭渡村 or 七宝中学. Pinyin and initials work too, such as qibao or qbz.",
    lookup_privacy: "The lookup runs only on your device. Nothing you type is sent anywhere.",
    lookup_no_match: "No district, town, school or school district matches.",
    lookup_try: "Try: ",
    kind_district: "District",
    kind_town: "Subdistrict or town",
    kind_school: "School",
    kind_cluster: "School district or group",
    kind_catchment: "Catchment area",
    kind_community: "Neighbourhood or village",
    school_open: "Open",
    school_project_note: "A school marked as a building project is named in its document only as building work (new, relocated, renovated …). That does not mean it is open or taking applications.",
    lookup_choose: "Choose the place you mean:",
    lookup_road: "Roads and house numbers cannot be looked up yet. Type the name of your neighbourhood (小区, 居委) or village, or choose your subdistrict or town.",
    answer_communities: "Neighbourhood or village committees",
    community_not_school: "A neighbourhood or village name tells you the subdistrict or town and the district, not the school.",
    answer_district: "District",
    answer_town: "Subdistrict or town",
    answer_clusters: "School districts and education groups",
    answer_schools: "Schools",
    answer_catchments: "Catchment areas",
    not_recorded: "Not recorded",
    members_missing: "This district's school-district member lists are not yet included.",
    catchments_missing: "This district's catchment lists (招生划片范围) are not yet included.",
    official_catchments: "The district bureau publishes its catchment lists each spring. Look them up, and apply, through the city's 一网通办 (义务教育入学专栏) or the 随申办 app.",
    what_documents_say: "What the policy documents say",
    named_clusters: "Clusters the documents name",
    named_schools: "Schools the documents name",
    district_documents: "This district's policy documents",
    search_in_district: "Search the policies for it",
    enrolment_guide_link: "Enrolment guide",
    source_label: "Source: ",
    quality_official: "official",
    quality_press: "press",
    quality_repost: "repost",
    repost_label: "reposted at ",
    suggestions_status: "suggestions",
    clusters_page_intro: "Each district's school districts, education groups and education circles: what the policy documents say, and the schools they name, each with its source.",
    targets_title: "Targets",
    targets_intro: "The commitments with numbers in each district's education documents: how much, by when, and the exact words. Each links to its clause; the official text prevails. The quotes are in Chinese.",
    targets_link: "Targets: the numbers the documents commit to, compared by district and area",
    targets_filter_heading: "Filter targets",
    filter_area: "Area",
    targets_compare_heading: "Side by side",
    targets_compare_intro: "What different documents commit to for the same measure. The year is the one the text sets; where it sets none, the year the document was issued.",
    targets_table_target: "Target",
    targets_table_source: "Source",
    targets_none: "No targets match these filters. Remove a filter, or choose All.",
    targets_year_of_document: "(year issued; the text sets no year)",
    ..EN_FORMATS
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

/// A guidance stage's name in the UI language (stages are stored by their Chinese name).
pub fn stage_name(stage: &str, lang: Lang) -> &str {
    if lang == Lang::Zh {
        return stage;
    }
    match stage {
        "通用" => "For everyone",
        "托育" => "Childcare (0–3)",
        "幼儿园" => "Kindergarten",
        "小学" => "Primary school (幼升小)",
        "初中" => "Junior secondary (小升初)",
        "高中" => "Senior secondary and 中考",
        "特殊教育" => "Special education",
        "随迁子女" => "Children without Shanghai hukou (随迁子女)",
        "民办与公民同招" => "Private schools and 公民同招",
        "课后服务与双减" => "After-school services and 双减",
        other => other,
    }
}

/// Separates the strings in English's file.
pub const ENGLISH_SEPARATOR: char = '\u{1e}';

/// The `name` of the `<meta>` that names English's file (`data/texts-en-<hash>.bin`), which
/// the prerender writes on every page.
pub const ENGLISH_META: &str = "rx-texts-en";

/// English's strings as the prerender writes them to their file.
#[cfg(not(ruxue_split))]
pub fn english_file() -> String {
    let strings = EN.strings();
    debug_assert!(strings.iter().all(|s| !s.contains(ENGLISH_SEPARATOR)));
    strings.join(&ENGLISH_SEPARATOR.to_string())
}

#[cfg(not(ruxue_split))]
fn english() -> &'static Texts {
    &EN
}

#[cfg(ruxue_split)]
static ENGLISH: std::sync::OnceLock<Texts> = std::sync::OnceLock::new();

#[cfg(ruxue_split)]
fn english() -> &'static Texts {
    ENGLISH.get().unwrap_or(&EN_FORMATS)
}

/// Whether English's strings are in (always, but in the release build).
pub fn english_is_in() -> bool {
    #[cfg(ruxue_split)]
    return ENGLISH.get().is_some();
    #[cfg(not(ruxue_split))]
    true
}

/// English's strings are built in: nothing to fetch.
#[cfg(all(target_arch = "wasm32", not(ruxue_split)))]
pub async fn load_english() -> Result<(), crate::data::LoadError> {
    Ok(())
}

/// Fetches English's strings, unless they are in: the page's `<meta name="rx-texts-en">` names
/// their file. About 3.5 KB brotli that only a parent who reads English needs.
#[cfg(all(target_arch = "wasm32", ruxue_split))]
pub async fn load_english() -> Result<(), crate::data::LoadError> {
    if english_is_in() {
        return Ok(());
    }
    let url = crate::data::meta_url(ENGLISH_META).ok_or(crate::data::LoadError::NoDataFile)?;
    let bytes = crate::data::fetch(&url).await?;
    let text: &'static str = Box::leak(
        String::from_utf8_lossy(&bytes)
            .into_owned()
            .into_boxed_str(),
    );
    let strings: Vec<&'static str> = text.split(ENGLISH_SEPARATOR).collect();
    match EN_FORMATS.with_strings(&strings) {
        Some(texts) => {
            let _ = ENGLISH.set(texts);
            Ok(())
        }
        None => Err(crate::data::LoadError::Network {
            url,
            message: format!("{} strings, not those of this build", strings.len()),
        }),
    }
}

#[cfg(all(test, not(ruxue_split)))]
mod tests {
    use super::*;

    /// English's file carries every string, and reading it back gives English, field by field.
    #[test]
    fn english_round_trips() {
        let file = english_file();
        let strings: Vec<&'static str> = Box::leak(file.into_boxed_str())
            .split(ENGLISH_SEPARATOR)
            .collect();
        assert_eq!(strings.len(), Texts::STRING_COUNT);
        let read = EN_FORMATS.with_strings(&strings).unwrap();
        assert_eq!(read.strings(), EN.strings());
        assert_eq!(read.product_name, "Ruxue");
        assert_eq!(read.clusters_page_intro, EN.clusters_page_intro);
        assert_eq!((read.results_count)(3), (EN.results_count)(3));
        assert!(EN_FORMATS.with_strings(&strings[1..]).is_none());
    }
}
