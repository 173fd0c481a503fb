//! The interface's own words, in each language the app speaks.
//!
//! Questionnaire text (questions, options, recommendations) never lives here: it comes from the
//! questionnaire data. These are the words around it — buttons, headings, notices, and the
//! sentences about a questionnaire's structure, worded here from the facts the core gives
//! ([`Outline`]: how many dimensions, which are capped). Every language has every string because
//! `Strings` is a struct: a missing translation does not compile. A language is one file
//! (`en.rs`, `zh_cn.rs`) holding one `Strings`; a sentence with a number or a name in it is a
//! function of that file, so each language orders and inflects its own words.

mod en;
mod zh_cn;

use assessment::{AnswerProblem, Cap, LangTag, Level, NotAnHsCode, Outline, Problem, Trend};

/// A language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    ZhCn,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    /// The BCP 47 tag, as used by `<html lang>` and the questionnaire's texts.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn lang_tag(self) -> LangTag {
        LangTag::from(self.tag())
    }

    /// The language's own name, which is how a person finds it in a switch.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::ZhCn => "简体中文",
            Lang::En => "English",
        }
    }

    /// The language for a BCP 47 tag, matched on its primary subtag (`zh-Hans-CN` is Chinese).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::ZhCn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first of the browser's preferred languages that the app speaks; Chinese otherwise,
    /// since most users are Chinese exporters.
    pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::ZhCn)
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::ZhCn => zh_cn::ZhCn::strings(),
            Lang::En => en::En::strings(),
        }
    }
}

pub struct Strings {
    /// After a label: "：" in Chinese, ": " in English.
    pub colon: &'static str,
    pub language: &'static str,
    pub begin: &'static str,
    /// Start and Next pressed on the page painted before the app has started (`crates/prerender`):
    /// the press is kept, and the button says so.
    pub loading_start: &'static str,
    pub loading_next: &'static str,
    pub resume: &'static str,
    pub start_over: &'static str,
    pub saved_found: &'static str,
    pub stays_on_device: &'static str,
    /// Instead, where the page cannot keep answers (storage blocked, say in a frame).
    pub not_kept_here: &'static str,
    // The walk
    pub sections: &'static str,
    pub profile_title: &'static str,
    pub profile_intro: &'static str,
    pub review_step: &'static str,
    pub next: &'static str,
    pub back: &'static str,
    pub help: &'static str,
    pub clear_answer: &'static str,
    pub choose_all: &'static str,
    // Review
    pub review_title: &'static str,
    pub review_done: &'static str,
    pub review_missing: &'static str,
    pub see_report: &'static str,
    // Answers files
    pub your_answers: &'static str,
    pub export_answers: &'static str,
    /// The "Save result" section: the result record as a file.
    pub save_result_title: &'static str,
    pub save_result_answers: &'static str,
    pub save_result: &'static str,
    pub import_answers: &'static str,
    pub imported: &'static str,
    pub import_refused: &'static str,
    pub changed_elsewhere: &'static str,
    pub undo_change_elsewhere: &'static str,
    pub not_answers: &'static str,
    pub unknown_format: &'static str,
    pub dismiss: &'static str,
    // Report
    pub report_title: &'static str,
    pub date: &'static str,
    pub questionnaire: &'static str,
    pub overall: &'static str,
    pub stage: &'static str,
    pub critical_title: &'static str,
    pub basis: &'static str,
    pub bottleneck: &'static str,
    pub export_title: &'static str,
    pub export_why: &'static str,
    pub export_duties: &'static str,
    pub export_pending: &'static str,
    pub export_uncovered: &'static str,
    pub export_options: &'static str,
    pub item: &'static str,
    pub your_answer: &'static str,
    pub level: &'static str,
    pub the_paper: &'static str,
    /// Where the answer stands against a comparable benchmark, shown after it.
    pub standing_ahead: &'static str,
    pub standing_level: &'static str,
    pub standing_behind: &'static str,
    pub not_applicable: &'static str,
    pub not_answered: &'static str,
    pub critical_mark: &'static str,
    pub print: &'static str,
    pub change_answers: &'static str,
    // Offline, storage, updates, kiosk
    pub about_link: &'static str,
    pub about_title: &'static str,
    pub about_sections: &'static [(&'static str, &'static str)],
    // Setup problems: a config or questionnaire that cannot be used (`setup_problems.rs`; a
    // kiosk's config in the status bar).
    pub setup_title: &'static str,
    pub setup_intro: &'static str,
    pub setup_config_file: &'static str,
    pub setup_questionnaire_file: &'static str,
    pub setup_shipped_questionnaire: &'static str,
    pub update_ready: &'static str,
    pub update_now: &'static str,
    /// Before an update reloads the page, when that would lose answers kept only in the page.
    pub update_loses_answers: &'static str,
    pub update_anyway: &'static str,
    pub update_later: &'static str,
    pub not_persistent: &'static str,
    pub kiosk_config_ignored: &'static str,
    pub finish_and_clear: &'static str,
    /// A kiosk's finish asks once: nothing is cleared by one tap.
    pub finish_confirm: &'static str,
    pub finish_yes: &'static str,
    pub finish_keep: &'static str,
    pub idle_title: &'static str,
    pub still_here: &'static str,
    pub touch_to_start: &'static str,
    pub skip_to_content: &'static str,
    pub include_answers: &'static str,
    pub offered_by: &'static str,
    pub saved_needs_decision: &'static str,
    pub saved_unreadable: &'static str,
    pub saved_kept_until: &'static str,
    pub download_saved: &'static str,
    pub discard_saved: &'static str,
    pub crashed_title: &'static str,
    pub crashed_text: &'static str,
    pub crashed_download: &'static str,
    /// On a kiosk's crash screen: nothing of the visitor is offered, and the screen clears itself.
    pub crashed_kiosk_text: &'static str,
    pub reload: &'static str,
    // Issue 15: the walk
    /// On a kiosk's start screen: what happens to answers on a shared machine.
    pub kiosk_data: &'static str,
    /// Beside the import on the start screen.
    pub import_on_start: &'static str,
    /// Answers on offer where every question that applies is answered.
    pub saved_complete: &'static str,
    /// After a start over, with its Undo.
    pub answers_cleared: &'static str,
    pub undo_clear: &'static str,
    // Issue 15: the report
    pub firm: &'static str,
    /// The report's first screen: its hidden heading and the first action's heading.
    pub verdict_title: &'static str,
    pub first_action: &'static str,
    /// A folded part of the report's summary line opens with this (a screen reader hears it).
    pub show_details: &'static str,
    pub missing_title: &'static str,
    pub missing_intro: &'static str,
    pub finish_questions: &'static str,
    pub score_how: &'static str,
    pub score_detail: &'static str,
    pub ladder: &'static str,
    pub you_are_here: &'static str,
    pub top_stage: &'static str,
    pub first_steps_title: &'static str,
    pub first_steps_intro: &'static str,
    pub who: &'static str,
    pub effort: &'static str,
    pub help_from: &'static str,
    /// Before a first step's reason for coming first (the core words the reason).
    pub why_first: &'static str,
    /// A step's question and source, folded away from its text.
    pub sources: &'static str,
    pub rest_of_plan: &'static str,
    /// A partial report without recommendations: not a clean bill.
    pub no_recommendations_yet: &'static str,
    /// A complete report without recommendations or critical gaps.
    pub all_targets_met: &'static str,
    /// A complete report whose only tasks are its critical gaps.
    pub only_gaps: &'static str,
    /// On paper, below the heading of the answers: the paper's figures are on screen only.
    pub benchmarks_on_screen: &'static str,
    // Issue 16: hand-off by QR code, follow-up and comparison
    pub handoff_title: &'static str,
    pub handoff_scan: &'static str,
    pub handoff_show_link: &'static str,
    /// On a personal device: the link sent or copied, rather than a code to scan with the same phone.
    pub handoff_send: &'static str,
    pub share_link: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub handoff_qr_label: &'static str,
    /// Why no code is offered: the app's address is not one a phone can open.
    pub handoff_none_local: &'static str,
    /// Why no code is offered on a kiosk (which offers no file either).
    pub handoff_none_kiosk: &'static str,
    /// Why no code is offered: embedded, and the association set no address.
    pub handoff_none_embedded: &'static str,
    /// Why no code is offered: the address and the answers do not fit a code.
    pub handoff_none_too_long: &'static str,
    /// Why no code is offered: the worker that draws it could not be loaded.
    pub handoff_none_unavailable: &'static str,
    pub handoff_offer_title: &'static str,
    pub handoff_offer_intro: &'static str,
    pub open_handoff: &'static str,
    pub compare_handoff: &'static str,
    pub decline_handoff: &'static str,
    pub link_refused: &'static str,
    pub link_not_code: &'static str,
    pub link_damaged: &'static str,
    pub link_unknown_format: &'static str,
    pub link_malformed: &'static str,
    pub link_other_questions: &'static str,
    pub follow_up_title: &'static str,
    pub follow_up_explain: &'static str,
    pub start_follow_up: &'static str,
    /// Beside a step of the walk not yet confirmed in a follow-up.
    pub to_check: &'static str,
    pub earlier_title: &'static str,
    pub compare: &'static str,
    pub forget: &'static str,
    pub compare_file: &'static str,
    pub stop_comparing: &'static str,
    pub compare_refused: &'static str,
    pub then: &'static str,
    pub now: &'static str,
    pub change: &'static str,
    /// Between the clauses of the comparison's one sentence: ", " or "，".
    pub clause_sep: &'static str,
    pub improved: &'static str,
    pub fell_back: &'static str,
    pub gaps_closed: &'static str,
    pub gaps_new: &'static str,
    pub plan_done: &'static str,
    pub stopped_applying: &'static str,
    pub started_applying: &'static str,
    pub not_carried: &'static str,
    pub none_of_these: &'static str,
    pub undated: &'static str,
    /// The radar's legend: the earlier shape is dashed, the current one solid.
    pub legend_then: &'static str,
    pub legend_now: &'static str,
    // Issue 19: the other language is fetched on a switch.
    pub language_unavailable: &'static str,
    // Issue 17: what each market asks of the firm's goods
    pub obligations_title: &'static str,
    pub obligations_in_force: &'static str,
    pub obligations_within_year: &'static str,
    pub obligations_later: &'static str,
    pub obligations_to_check: &'static str,
    pub obligations_may_apply: &'static str,
    /// Before the goods a market's entries concern, named once for the market.
    pub obligations_goods: &'static str,
    /// Before the goods an entry concerns when they are only some of its market's.
    pub obligations_in_first_steps: &'static str,
    pub obligations_only_for: &'static str,
    /// The heading of entries that apply whatever the destination.
    pub obligations_any_market: &'static str,
    pub obligations_answer_to_know: &'static str,
    pub obligations_none: &'static str,
    pub obligations_unavailable: &'static str,
    /// Above the problems of an association's catalogue.
    pub obligations_refused: &'static str,
    /// Before what is still to check about an entry (and, often, with whom).
    pub obligations_check: &'static str,
    /// Above a long list of options (the goods): a word or an HS code.
    pub filter_options: &'static str,
    pub filter_none: &'static str,
    /// The goods question's free HS code field (`hs_codes`).
    pub codes_label: &'static str,
    pub codes_hint: &'static str,
    pub add_code: &'static str,
    /// Above the codes typed.
    pub codes_typed: &'static str,
}

/// A language: its fixed strings and its sentences, which put a number or a name where that
/// language puts it. One file per language implements it (`en.rs`, `zh_cn.rs`); a sentence it
/// lacks does not compile. Dispatched statically ([`speak`]), so a sentence costs what a `match`
/// on the language would.
trait Words {
    fn strings() -> &'static Strings;
    fn duration(minutes: usize, questions: usize) -> String;
    fn answered(answered: usize, total: usize) -> String;
    fn answered_here(answered: usize, total: usize) -> String;
    fn minutes_left(minutes: usize) -> String;
    fn step(n: usize, of: usize) -> String;
    fn partial(missing: usize) -> String;
    /// The cap and the uncapped score, each written as every score is (`format_score`).
    fn capped(cap: &str, uncapped: &str) -> String;
    fn level_of(level: Level) -> String;
    fn other_questionnaire(found: &str, expected: &str) -> String;
    fn answered_twice(question: &str) -> String;
    fn invalid_answers(problems: usize) -> String;
    fn too_large(kb: u64, max_kb: u64) -> String;
    fn clearing_in(seconds: u32) -> String;
    fn share_title(name: &str) -> String;
    fn share_what(name: &str, outline: &Outline) -> String;
    /// What a saved result holds, true of the questionnaire.
    fn save_result_what(outline: &Outline) -> String;
    fn share_button(name: &str) -> String;
    fn shared(name: &str) -> String;
    fn saved_migrated(from: &str, kept: usize, dropped: usize) -> String;
    // About the questionnaire's structure, from its outline: true of any questionnaire.
    /// On the start screen: what the report will hold.
    fn what_you_get(outline: &Outline) -> String;
    /// Above the critical gaps, with the dimensions they cap in this report (maybe none).
    fn critical_intro(caps: &[Cap]) -> String;
    /// The heading of the dimensions' scores.
    fn dimensions_title(outline: &Outline) -> String;
    /// The radar chart's title.
    fn chart_title(outline: &Outline) -> String;
    /// The heading of the answers, beside benchmarks when the report shows any.
    fn items_title(benchmarks: bool) -> String;
    // Issue 15: the report
    /// How many points the overall score lacks to reach the next stage.
    fn to_next_stage(points: &str, stage: &str) -> String;
    /// A section with unanswered questions.
    fn missing_in(section: &str, questions: usize) -> String;
    /// A stage's threshold on the ladder.
    fn from_score(min: &str) -> String;
    /// The report's first screen: how many critical gaps there are.
    fn critical_count(gaps: usize) -> String;
    /// Folded parts of the report, each in a few words.
    fn plan_line(actions: usize) -> String;
    fn items_line(answers: usize, benchmarks: bool) -> String;
    // Issue 16: hand-off and progress
    /// The offer of a hand-off link's answers.
    fn handoff_offer(date: &str) -> String;
    /// Opening a link's answers replaces the answers this device has (how many answered).
    fn handoff_replaces(answered: usize) -> String;
    fn opened(date: &str) -> String;
    /// The heading of a comparison with the assessment of `date`.
    fn progress_since(date: &str) -> String;
    /// The comparison's one sentence, clause by clause (each kept on one line): the overall
    /// score's change, as `format_change` writes it.
    fn points_change(change: &str) -> String;
    /// The stage now, against the earlier one.
    fn stage_moved(trend: Trend, stage: &str) -> String;
    fn gaps_closed_count(gaps: usize) -> String;
    fn gaps_new_count(gaps: usize) -> String;
    /// On each screen of a follow-up: whose answers it starts from.
    fn follow_up_banner(date: &str) -> String;
    fn history_unreadable(entries: usize) -> String;
    // Issue 17
    fn obligation_from(date: &str) -> String;
    /// An unconfirmed date already passed on the assessment's date: not a duty, still to check.
    fn obligation_said_since(date: &str) -> String;
    /// A code more precise than this one would tell.
    fn finer_code(code: &str) -> String;
    /// The HS code of the goods this option's label names would tell.
    fn code_of(label: &str) -> String;
    /// Why a typed text is not an HS code (the core's reason).
    fn not_a_code(e: &NotAnHsCode) -> String;
    /// The core refused a code: the question is full (at most `max`).
    fn codes_full(max: usize) -> String;
    /// A remove button's name: "Remove HS 731815".
    fn remove_code(code: &str) -> String;
}

/// `speak!(lang, sentence(args))`: the sentence in `lang`'s own file.
macro_rules! speak {
    ($lang:expr, $sentence:ident($($arg:expr),*)) => {
        match $lang {
            Lang::ZhCn => zh_cn::ZhCn::$sentence($($arg),*),
            Lang::En => en::En::$sentence($($arg),*),
        }
    };
}

/// The sentences, spoken in a language.
impl Lang {
    /// A setup problem as one line: its place and field, then what is wrong (the core's words).
    pub fn setup_problem(self, problem: &Problem) -> String {
        problem.message(&self.lang_tag())
    }

    /// A problem of a file named on its own (a kiosk's config): the file, then what is wrong.
    pub fn setup_problem_in(self, file: &str, problem: &Problem) -> String {
        let place = match problem.field.as_str() {
            "" => file.to_owned(),
            field => format!("{file} {field}"),
        };
        format!(
            "{place}{}{}",
            self.strings().colon,
            problem.kind.message(&self.lang_tag())
        )
    }

    /// "About 23 minutes, 42 questions, and a few more to read your report": the core's estimate
    /// (`minutes_to_finish`) for the questions that apply, read in this language.
    pub fn duration(self, minutes: usize, questions: usize) -> String {
        speak!(self, duration(minutes, questions))
    }

    /// "12 of 38 answered".
    pub fn answered(self, answered: usize, total: usize) -> String {
        speak!(self, answered(answered, total))
    }

    /// A screen's own count: "3 of 5 answered on this screen".
    pub fn answered_here(self, answered: usize, total: usize) -> String {
        speak!(self, answered_here(answered, total))
    }

    /// Beside a screen's count, the core's estimate for the whole walk: "About 9 minutes left".
    pub fn minutes_left(self, minutes: usize) -> String {
        speak!(self, minutes_left(minutes))
    }

    /// The number of a section in the steps: "Step 2 of 5".
    pub fn step(self, n: usize, of: usize) -> String {
        speak!(self, step(n, of))
    }

    /// "This report is partial: 3 questions are unanswered."
    pub fn partial(self, missing: usize) -> String {
        speak!(self, partial(missing))
    }

    /// "Capped at 40.0 by a critical gap (44.2 without it)."
    pub fn capped(self, cap: &str, uncapped: &str) -> String {
        speak!(self, capped(cap, uncapped))
    }

    /// "Level 2 of 4".
    pub fn level_of(self, level: Level) -> String {
        speak!(self, level_of(level))
    }

    /// Why an import was refused, for `OtherQuestionnaire`.
    pub fn other_questionnaire(self, found: &str, expected: &str) -> String {
        speak!(self, other_questionnaire(found, expected))
    }

    /// Why a file was refused: a question appears twice in it.
    pub fn answered_twice(self, question: &str) -> String {
        speak!(self, answered_twice(question))
    }

    /// Why an import was refused, for answers that do not fit the questionnaire.
    pub fn invalid_answers(self, problems: usize) -> String {
        speak!(self, invalid_answers(problems))
    }

    /// One answer that does not fit the questionnaire, in the core's words (the cohort tools say
    /// the same). Ids are shown as found.
    pub fn answer_problem(self, problem: &AnswerProblem) -> String {
        problem.message(&self.lang_tag())
    }

    /// Why a file was refused: it is larger than an answers file can be.
    pub fn too_large(self, bytes: u64, max_bytes: u64) -> String {
        speak!(self, too_large(bytes.div_ceil(1024), max_bytes / 1024))
    }

    /// The kiosk's countdown: "Clearing in 12 s".
    pub fn clearing_in(self, seconds: u32) -> String {
        speak!(self, clearing_in(seconds))
    }

    pub fn share_title(self, name: &str) -> String {
        speak!(self, share_title(name))
    }

    pub fn share_what(self, name: &str, outline: &Outline) -> String {
        speak!(self, share_what(name, outline))
    }

    pub fn save_result_what(self, outline: &Outline) -> String {
        speak!(self, save_result_what(outline))
    }

    pub fn share_button(self, name: &str) -> String {
        speak!(self, share_button(name))
    }

    pub fn shared(self, name: &str) -> String {
        speak!(self, shared(name))
    }

    /// Saved answers of another version: "made for digital-trade 0.9.0; 12 still fit, 2 do not".
    pub fn saved_migrated(self, from: &str, kept: usize, dropped: usize) -> String {
        speak!(self, saved_migrated(from, kept, dropped))
    }

    pub fn what_you_get(self, outline: &Outline) -> String {
        speak!(self, what_you_get(outline))
    }

    pub fn critical_intro(self, caps: &[Cap]) -> String {
        speak!(self, critical_intro(caps))
    }

    pub fn dimensions_title(self, outline: &Outline) -> String {
        speak!(self, dimensions_title(outline))
    }

    pub fn chart_title(self, outline: &Outline) -> String {
        speak!(self, chart_title(outline))
    }

    pub fn to_next_stage(self, points: &str, stage: &str) -> String {
        speak!(self, to_next_stage(points, stage))
    }

    pub fn missing_in(self, section: &str, questions: usize) -> String {
        speak!(self, missing_in(section, questions))
    }

    pub fn from_score(self, min: &str) -> String {
        speak!(self, from_score(min))
    }

    pub fn critical_count(self, gaps: usize) -> String {
        speak!(self, critical_count(gaps))
    }

    pub fn plan_line(self, actions: usize) -> String {
        speak!(self, plan_line(actions))
    }

    pub fn items_line(self, answers: usize, benchmarks: bool) -> String {
        speak!(self, items_line(answers, benchmarks))
    }

    pub fn handoff_offer(self, date: &str) -> String {
        speak!(self, handoff_offer(date))
    }

    pub fn handoff_replaces(self, answered: usize) -> String {
        speak!(self, handoff_replaces(answered))
    }

    pub fn opened(self, date: &str) -> String {
        speak!(self, opened(date))
    }

    pub fn progress_since(self, date: &str) -> String {
        speak!(self, progress_since(date))
    }

    pub fn points_change(self, change: &str) -> String {
        speak!(self, points_change(change))
    }

    pub fn stage_moved(self, trend: Trend, stage: &str) -> String {
        speak!(self, stage_moved(trend, stage))
    }

    pub fn gaps_closed_count(self, gaps: usize) -> String {
        speak!(self, gaps_closed_count(gaps))
    }

    pub fn gaps_new_count(self, gaps: usize) -> String {
        speak!(self, gaps_new_count(gaps))
    }

    pub fn follow_up_banner(self, date: &str) -> String {
        speak!(self, follow_up_banner(date))
    }

    pub fn history_unreadable(self, entries: usize) -> String {
        speak!(self, history_unreadable(entries))
    }

    pub fn obligation_from(self, date: &str) -> String {
        speak!(self, obligation_from(date))
    }

    pub fn obligation_said_since(self, date: &str) -> String {
        speak!(self, obligation_said_since(date))
    }

    pub fn finer_code(self, code: &str) -> String {
        speak!(self, finer_code(code))
    }

    pub fn code_of(self, label: &str) -> String {
        speak!(self, code_of(label))
    }

    pub fn not_a_code(self, e: &NotAnHsCode) -> String {
        speak!(self, not_a_code(e))
    }

    pub fn codes_full(self, max: usize) -> String {
        speak!(self, codes_full(max))
    }

    pub fn remove_code(self, code: &str) -> String {
        speak!(self, remove_code(code))
    }

    pub fn items_title(self, benchmarks: bool) -> String {
        speak!(self, items_title(benchmarks))
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn browser_tags_pick_the_first_language_spoken() {
        assert_eq!(Lang::preferred(["fr-FR", "en-GB", "zh-CN"]), Lang::En);
        assert_eq!(Lang::preferred(["zh-Hans-CN"]), Lang::ZhCn);
        assert_eq!(Lang::preferred(["zh_TW", "en"]), Lang::ZhCn);
        assert_eq!(Lang::preferred(["de", "fr"]), Lang::ZhCn);
        assert_eq!(Lang::preferred([]), Lang::ZhCn);
    }

    #[test]
    fn answer_problems_are_told_in_each_language() {
        use assessment::{AnswerProblem, OptionId, QuestionId};
        let p = AnswerProblem::UnknownOption(QuestionId::from("T1"), OptionId::from("x"));
        assert_eq!(Lang::ZhCn.answer_problem(&p), "题目“T1”没有选项“x”");
        assert_eq!(
            Lang::En.answer_problem(&p),
            "question \"T1\" has no option \"x\""
        );
    }

    #[test]
    fn tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }

    /// The sentences about a questionnaire's structure, for the shipped one (three dimensions,
    /// institutions capped at 40) and an association's (one dimension, no cap, no critical rule).
    #[test]
    fn sentences_about_the_structure_follow_the_questionnaire() {
        use assessment::{Cap, Outline};
        let shipped = Outline {
            dimensions: vec!["Technology: x", "Industry: y", "Institutions: z"],
            caps: vec![Cap {
                dimension: "Institutions",
                cap: 40.0,
            }],
            critical_rules: true,
            benchmarks: true,
        };
        let association = Outline {
            dimensions: vec!["Digital"],
            caps: vec![],
            critical_rules: false,
            benchmarks: false,
        };
        for (lang, outline, sentences) in [
            (Lang::En, &shipped, [
                "At the end you get your overall score and stage, the three dimensions and your bottleneck, critical compliance gaps, your data-export path, and an action plan ranked by priority.",
                "These gaps are not averaged away: they come first and cap the Institutions score at 40.0.",
                "The three dimensions",
                "What is shared: your overall score, stage, dimension scores, critical compliance gaps, data-export path and top recommendations, with your region, sector and size where the questionnaire asks them, and never your name or any text of your own. Nothing is sent to A until you press the button below.",
            ]),
            (Lang::ZhCn, &shipped, [
                "完成后您将得到：总分和所处阶段、三个维度的得分与短板、关键合规缺口、数据出境路径，以及按优先级排列的行动计划。",
                "这些缺口不会被平均掉：它们列在最前面，并使“Institutions”维度的得分不超过 40.0。",
                "三个维度",
                "分享的内容：您的总分、阶段、各维度得分、关键合规缺口、数据出境路径和首要建议，以及问卷所问的地区、行业和规模，不含您的名称或您写的任何文字。只有在您点击下方按钮后，才会发送给A。",
            ]),
            (Lang::En, &association, [
                "At the end you get your score on Digital and your stage, your data-export path, and an action plan ranked by priority.",
                "These gaps are not averaged away: they come first.",
                "The dimension: Digital",
                "What is shared: your score, stage, data-export path and top recommendations, with your region, sector and size where the questionnaire asks them, and never your name or any text of your own. Nothing is sent to A until you press the button below.",
            ]),
            (Lang::ZhCn, &association, [
                "完成后您将得到：“Digital”得分和所处阶段、数据出境路径，以及按优先级排列的行动计划。",
                "这些缺口不会被平均掉：它们列在最前面。",
                "评估维度：Digital",
                "分享的内容：您的得分、阶段、数据出境路径和首要建议，以及问卷所问的地区、行业和规模，不含您的名称或您写的任何文字。只有在您点击下方按钮后，才会发送给A。",
            ]),
        ] {
            let said = [
                lang.what_you_get(outline),
                lang.critical_intro(&outline.caps),
                lang.dimensions_title(outline),
                lang.share_what("A", outline),
            ];
            assert_eq!(said, sentences, "{lang:?}");
        }
        assert_eq!(
            Lang::En.chart_title(&shipped),
            "Radar chart of the three dimension scores"
        );
        assert_eq!(Lang::ZhCn.chart_title(&shipped), "三个维度得分雷达图");
        assert_eq!(Lang::En.items_title(false), "Your answers");
        assert_eq!(Lang::ZhCn.items_title(true), "您的回答与论文基准");
    }
}
