//! Chinese grammar the sentences of the tables share: how a count is written in words, and what a
//! result record holds.

use assessment::Outline;

/// "三", "两": a count before a measure word, in characters up to ten.
pub(super) fn number(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// What a result record holds (`ResultRecord`), shared or saved: one sentence for both.
pub(super) fn record_contents(o: &Outline) -> String {
    let gaps = if o.critical_rules {
        "关键合规缺口、"
    } else {
        ""
    };
    let scores = match o.dimensions.len() {
        1 => "得分、阶段",
        _ => "总分、阶段、各维度得分",
    };
    format!("您的{scores}、{gaps}数据出境路径和首要建议，以及问卷所问的地区、行业和规模，不含您的名称或您写的任何文字")
}
