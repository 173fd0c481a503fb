//! The cohort page's words (assets/cohort.html and cohort.js), declared like every other front
//! end's with the core's `words!`, and handed to the page as `assets/cohort-words.js`, which the
//! test below generates from this table and keeps fresh: the page is plain JavaScript, and works
//! offline from the files it is served with.
//!
//! In a template, `{name}` is filled in by cohort.js; `{n:noun}` is n and the noun, plural unless
//! n is 1 (English; the Chinese templates never ask for it). An entry named `group__key` is `key`
//! of the page's `group` (`by.region`, `reasons.too_large`).

#![cfg(test)]

assessment::words! {
    /// The cohort page's words in one language.
    #[allow(non_snake_case)]
    pub struct PageWords {
        title: &'static str =
            "会员汇总 · 出口企业数字贸易成熟度自评",
            "Members’ figures · Digital trade readiness self-assessment";
        skip: &'static str = "跳到正文", "Skip to content";
        brand: &'static str =
            "出口企业数字贸易成熟度自评",
            "Digital trade readiness self-assessment for exporters";
        language: &'static str = "语言", "Language";
        heading: &'static str = "会员汇总", "Members’ figures";
        intro: &'static str =
            "把会员交给您的结果文件（结果记录、回答文件，或一个 JSON Lines 文件）放到这里，查看全体会员以及按地区、行业和规模的情况。文件只在本机读取和统计，不会发送到任何地方。",
            "Put here the result files your members gave you (result records, answers files, or one JSON Lines file) to see where the whole membership stands, and by region, sector and size. The files are read and counted on this machine only; nothing is sent anywhere.";
        rules: &'static str =
            "隐私规则：不足 5 家的组不显示，可借以推算出它的组也一并隐去，所有隐去的组说明相同，不指明哪一组是小组；按地区、行业或规模细分需至少 10 家；百分位数需至少 20 家。",
            "Privacy: a group of fewer than 5 is withheld, and so are the groups that would let it be worked out, all with the same words, which never say which one is small; a breakdown by region, sector or size needs 10; percentiles need 20.";
        pick_heading: &'static str = "结果文件", "Result files";
        drop_hint: &'static str = "将文件拖放到此处，或：", "Drop files here, or:";
        pick: &'static str = "选择文件", "Choose files";
        noscript: &'static str =
            "本页需要启用 JavaScript 和 WebAssembly。",
            "This page needs JavaScript and WebAssembly.";
        refused_heading: &'static str = "未计入的文件", "Files not counted";
        results_heading: &'static str = "汇总数字", "Figures";
        csv: &'static str = "导出 CSV", "Export CSV";
        print: &'static str = "打印", "Print";
        loading: &'static str = "正在启动……", "Starting…";
        failed: &'static str =
            "统计程序未能启动。请连接网络后重新加载本页。",
            "The counting could not start. Connect to the internet, then reload this page.";
        reading: &'static str =
            "已读取 {done} / {total} 个文件：计入 {counted} 份，未计入 {refused} 个",
            "Read {done} of {total} files: {counted} counted, {refused} not counted";
        finished: &'static str =
            "完成：计入 {counted} 份结果，{refused} 个文件未计入。",
            "Done: {counted:result} counted, {refused:file} not counted.";
        smaller_set: &'static str =
            "本次计入的结果少于本页上一次统计的（{counted} 份，上次 {before} 份）。同时拿到两次数字的人，可以相减算出少掉的结果的数字，任何门槛都保护不了它们：只公布一个完整集合的数字。",
            "Fewer results than the set counted before on this page ({counted} against {before}). Anyone who has the figures of both sets can work out the figures of the results missing from this one by difference, whatever the thresholds: publish the figures of one complete set only.";
        summary: &'static str =
            "问卷“{id}” {version} 版，{counted} 份结果。每个数字旁注明其统计的会员数 n。",
            "Questionnaire “{id}” version {version}, {counted:result}. Every figure gives the members it counts (n).";
        all: &'static str = "全体会员", "All members";
        by__region: &'static str = "按地区", "By region";
        by__sector: &'static str = "按行业", "By sector";
        by__size: &'static str = "按规模", "By size";
        not_given: &'static str = "（未填写）", "(not given)";
        members: &'static str = "会员数", "Members";
        complete: &'static str = "已完成", "Complete";
        fewer_than: &'static str = "不足 {n} 家", "fewer than {n}";
        withheld: &'static str =
            "已隐去（不足 {n} 家，或可借以推算出这样的组）",
            "withheld (fewer than {n} or would reveal such a group)";
        figures_hidden: &'static str = "细分数字", "Breakdown";
        overall: &'static str = "总分", "Overall";
        distribution: &'static str = "{name}的分布", "{name}: distribution";
        no_score: &'static str = "无得分", "no score";
        quartiles__p25: &'static str = "下四分位", "p25";
        quartiles__median: &'static str = "中位数", "median";
        quartiles__p75: &'static str = "上四分位", "p75";
        quartiles__all: &'static str = "四分位数", "quartiles";
        stages: &'static str = "阶段", "Stage";
        no_stage: &'static str = "无阶段", "no stage";
        gaps: &'static str = "严重合规缺口（有此缺口的会员）", "Critical gaps (members with the gap)";
        gap_count: &'static str = "{item}（{dim}）家数", "{item} ({dim}): members";
        gap_percent: &'static str = "{item}（{dim}）占比", "{item} ({dim}): share";
        bottlenecks: &'static str = "短板", "Bottleneck";
        none: &'static str = "无", "none";
        most_common: &'static str = "最常见的短板", "Most common bottleneck";
        recommendations: &'static str = "最常见的首要建议", "Most frequent top recommendations";
        paths: &'static str = "数据出境路径", "Data-export path";
        pending: &'static str = "尚未确定", "not decided";
        uncovered: &'static str = "规则未覆盖", "not covered";
        label: &'static str = "项目", "Figure";
        value: &'static str = "数值", "Value";
        n: &'static str = "n", "n";
        lang_not_kept: &'static str =
            "此浏览器不允许本页记住所选语言（存储已被阻止或已满）：关闭本页前仍使用该语言。",
            "This browser does not let the page remember the language (storage is blocked or full): it is used until the page is closed.";
        config_label: &'static str = "协会配置（可选）", "Association config (optional)";
        config_hint: &'static str =
            "若协会以自己的维度或权重嵌入本工具，请选择其配置文件（即嵌入所用的同一文件；这里只用其中的 sections 和 weights）：会员的回答文件按该配置评分，结果记录按该配置核对。",
            "If the association embeds the tool with its own sections or weights, choose its config file (the same file the embed uses; only its sections and weights are used here): members’ answers files are scored with it, and result records checked against it.";
        config_remove: &'static str = "移除配置", "Remove the config";
        config_used: &'static str =
            "使用协会配置 {name}：{described}。",
            "Using the association’s config {name}: {described}.";
        config_refused: &'static str =
            "协会配置 {name} 有 {n} 处问题，无法使用。请修正后重新选择，或移除该配置；在此之前不统计任何数字：",
            "The association’s config {name} has {n:problem} and cannot be used. Fix it and choose it again, or remove it; until then no figure is counted:";
        config_unreadable: &'static str =
            "无法读取协会配置 {name}（不是 UTF-8 文本）。请重新选择，或移除该配置。",
            "The association’s config {name} cannot be read (not UTF-8 text). Choose it again, or remove it.";
        config_too_large: &'static str =
            "协会配置 {name} 超过 {kb} KB，这是本工具读取协会配置的上限：请检查是否选错了文件，或移除该配置。",
            "The association’s config {name} is over {kb} KB, the most this tool reads of an association’s config: is it the right file? Choose another, or remove it.";
        reasons__not_a_result: &'static str = "不是结果文件", "not a result";
        reasons__unknown_format: &'static str =
            "格式版本不可读",
            "a format version this tool does not read";
        reasons__other_questionnaire: &'static str =
            "属于其他问卷或版本",
            "another questionnaire or version";
        reasons__record: &'static str =
            "结果记录与问卷不符",
            "a result record that does not fit the questionnaire";
        reasons__answers: &'static str = "回答文件无法评分", "an answers file that cannot be scored";
        reasons__too_large: &'static str = "文件超过 {kb} KB", "over {kb} KB";
        reasons__not_utf8: &'static str = "不是 UTF-8 文本", "not UTF-8 text";
        reasons__unreadable: &'static str = "无法读取", "cannot be read";
        reasons__other_customisation: &'static str =
            "用其他维度或权重评分",
            "made with other sections or weights";
    }
}

/// Where the page reads its words.
const GENERATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/cohort-words.js");

/// `pick_heading` as the page names it: `pickHeading`.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                out.push(c.to_ascii_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// The page's words as a JavaScript module: `WORDS[tag]`, one object per language.
fn module() -> String {
    use assessment::Lang;
    use serde_json::{Map, Value};
    let mut all = Map::new();
    for lang in Lang::ALL {
        let mut words = Map::new();
        for (name, value) in PageWords::of(lang).entries() {
            let text = value
                .downcast_ref::<&str>()
                .expect("the page's words are texts");
            let text = Value::String((*text).to_owned());
            match name.split_once("__") {
                Some((group, key)) => {
                    let group = words
                        .entry(camel(group))
                        .or_insert_with(|| Value::Object(Map::new()));
                    group
                        .as_object_mut()
                        .expect("a group of words")
                        .insert(key.to_owned(), text);
                }
                None => {
                    words.insert(camel(name), text);
                }
            }
        }
        all.insert(lang.tag().to_owned(), Value::Object(words));
    }
    let json = serde_json::to_string_pretty(&Value::Object(all)).expect("words serialise");
    format!(
        "// Generated from crates/cohort-worker/src/page_words.rs by its test: edit the words there,\n\
         // then run `UPDATE_WORDS=1 cargo test -p cohort-worker`.\n\
         export const WORDS = {json};\n"
    )
}

#[test]
fn the_page_reads_the_words_of_this_table() {
    let fresh = module();
    if std::env::var_os("UPDATE_WORDS").is_some() {
        std::fs::write(GENERATED, &fresh).expect("assets/cohort-words.js is writable");
    }
    let shipped = std::fs::read_to_string(GENERATED).unwrap_or_default();
    assert!(
        shipped == fresh,
        "assets/cohort-words.js is not what page_words.rs says: run `UPDATE_WORDS=1 cargo test -p cohort-worker`"
    );
}

/// The privacy rule the page states is the one the core applies: its three thresholds, in each
/// language, in the order the sentence names them.
#[test]
fn the_page_states_the_cores_thresholds() {
    use assessment::cohort::{MIN_CROSS_TAB, MIN_GROUP, MIN_PERCENTILES};
    for lang in assessment::Lang::ALL {
        let rules = PageWords::of(lang).rules;
        let said: Vec<u64> = rules
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        assert_eq!(said, [MIN_GROUP, MIN_CROSS_TAB, MIN_PERCENTILES], "{rules}");
    }
}
