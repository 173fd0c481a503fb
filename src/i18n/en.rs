//! English grammar the sentences of the tables share: how a count is written in words, and what a
//! result record holds.

use assessment::Outline;

/// "three": a count in words up to ten, in figures above.
pub(super) fn number(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// What a result record holds (`ResultRecord`), shared or saved: one sentence for both.
pub(super) fn record_contents(o: &Outline) -> String {
    let gaps = if o.critical_rules {
        "critical compliance gaps, "
    } else {
        ""
    };
    let scores = match o.dimensions.len() {
        1 => "your score, stage",
        _ => "your overall score, stage, dimension scores",
    };
    format!("{scores}, {gaps}data-export path and top recommendations, with your region, sector and size where the questionnaire asks them, and never your name or any text of your own")
}
