//! How long finishing the questionnaire, and then reading the report, takes a person.
//!
//! A fixed "20 seconds a question" would promise an owner reading slowly in Chinese on a phone far
//! less time than the walk takes, and say nothing of the report. The estimate here counts what
//! the person still has to read (each remaining question with its help and every option) at a
//! reading rate for the language, plus a moment to decide and tap.

use crate::ids::Horizon;
use crate::questionnaire::{Asked, Questionnaire};
use crate::score::{ExportDecision, Report};
use crate::text::LangTag;

/// How fast a person gets through the texts of a language, on a phone.
///
/// Assumptions (stated because they are rough): the estimate is for the slower case, a phone,
/// because a promise that runs over loses people and one that runs short does not.
/// - Chinese: careful reading of unfamiliar terms on a small screen, about 250 characters a minute
///   (fluent reading of easy Chinese prose is 300–500 a minute; a questionnaire about law and
///   systems is slower). One Chinese character carries about as much as three English letters, so
///   the same question takes Chinese readers somewhat longer than English ones at these rates.
/// - English and other alphabetic languages: about 180 words a minute on a phone, some 1,000
///   characters a minute counting spaces.
/// - Deciding and tapping: 8 seconds a question, whatever the language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadingRate {
    pub chars_per_minute: u32,
    pub seconds_to_answer: u32,
}

impl ReadingRate {
    pub fn for_lang(lang: &LangTag) -> Self {
        let chinese = lang.as_str() == "zh" || lang.as_str().starts_with("zh-");
        ReadingRate {
            chars_per_minute: if chinese { 250 } else { 1000 },
            seconds_to_answer: 8,
        }
    }

    fn seconds(self, chars: usize) -> f64 {
        chars as f64 * 60.0 / f64::from(self.chars_per_minute)
    }
}

/// Characters a person reads: spaces and punctuation take no time of their own.
fn chars(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphanumeric()).count()
}

fn question_chars(question: Asked<'_>, lang: &LangTag) -> usize {
    chars(question.text().get(lang))
        + question.help().map_or(0, |h| chars(h.get(lang)))
        + question
            .options()
            .iter()
            .map(|(_, label)| chars(label.get(lang)))
            .sum::<usize>()
}

fn minutes(seconds: f64) -> u32 {
    // Whole minutes, rounded up: "1 minute" rather than "0" for anything left.
    (seconds / 60.0).ceil() as u32
}

/// Minutes to answer what is still missing in `report` (questions that apply, or may apply once
/// earlier answers are given), reading in `lang`. 0 when nothing is missing.
pub fn minutes_to_finish(questionnaire: &Questionnaire, report: &Report, lang: &LangTag) -> u32 {
    let rate = ReadingRate::for_lang(lang);
    let seconds: f64 = report
        .missing
        .iter()
        .filter_map(|id| questionnaire.question(id))
        .map(|q| rate.seconds(question_chars(q, lang)) + f64::from(rate.seconds_to_answer))
        .sum();
    minutes(seconds)
}

/// Minutes to read the report of `report` in `lang`: its recommendations, critical gaps,
/// data-export path and routes, and a glance at each answered item's result. At least 1.
pub fn minutes_to_read_report(
    questionnaire: &Questionnaire,
    report: &Report,
    lang: &LangTag,
) -> u32 {
    /// A glance at a score, a bar or an item's card.
    const SECONDS_PER_GLANCE: f64 = 3.0;
    let rate = ReadingRate::for_lang(lang);
    let mut read = 0;
    for r in &report.recommendations {
        read += chars(r.text.get(lang));
    }
    for gap in &report.critical_gaps {
        if let Some(rule) = questionnaire
            .item(&gap.item)
            .and_then(|(_, i)| i.critical.as_ref())
        {
            read += chars(rule.text.get(lang)) + chars(rule.basis.get(lang));
        }
    }
    if let ExportDecision::Decided { outcome, reason } = &report.export_path {
        if let Some(o) = questionnaire.outcome(outcome) {
            read +=
                chars(o.title.get(lang)) + chars(o.summary.get(lang)) + chars(o.basis.get(lang));
            read += o.duties.iter().map(|d| chars(d.get(lang))).sum::<usize>();
        }
        read += chars(reason.get(lang));
    }
    for route in &report.routes {
        if let Some(r) = questionnaire.route(route) {
            read += chars(r.title.get(lang)) + chars(r.text.get(lang));
        }
    }
    let glances = report
        .dimensions
        .iter()
        .map(|d| 1 + d.answered)
        .sum::<usize>()
        + Horizon::ALL.len();
    minutes(rate.seconds(read) + glances as f64 * SECONDS_PER_GLANCE).max(1)
}
