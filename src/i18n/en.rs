//! English: the interface's words in English.

use assessment::{format_score, Cap, Level, NotAnHsCode, Outline, Trend, WhyNotACode};

use super::{Strings, Words};

/// The language.
pub struct En;

const EN: Strings = Strings {
    colon: ": ",
    language: "Language",
    begin: "Start the assessment",
    loading_start: "Loading, starting in a moment…",
    loading_next: "Loading, continuing in a moment…",
    resume: "Continue where you left off",
    start_over: "Start over",
    saved_found: "This device holds answers from an assessment you have not finished.",
    stays_on_device: "Your answers stay on this device. Nothing is sent anywhere unless you export it yourself.",
    not_kept_here: "This browser does not let this page keep your answers: they are lost when you leave or reload it. Nothing is sent anywhere. To continue another time, save your answers to a file before you leave (the warning above offers it once you have answered, and so does the review screen), then open that file here.",
    sections: "Sections",
    profile_title: "About your firm",
    profile_intro: "These questions are not scored: they decide which questions, rules and benchmarks apply to you.",
    review_step: "Review",
    next: "Next",
    back: "Back",
    help: "What does this mean?",
    clear_answer: "Clear answer",
    choose_all: "Choose all that apply",
    review_title: "Check your answers",
    review_done: "Every question that applies to you is answered.",
    review_missing: "These questions are still unanswered. The report works without them, but it will say what is missing.",
    see_report: "See your report",
    your_answers: "Your answers",
    export_answers: "Export answers (a JSON file: plain text this tool reads back)",
    save_result_title: "Your result for your association",
    save_result_answers: "Include my answers to each question",
    save_result: "Save result",
    import_answers: "Import answers",
    imported: "Answers imported.",
    import_refused: "The file was not imported; your answers have not changed.",
    changed_elsewhere: "Your answers were changed in another tab or window of this browser; this page now shows them.",
    undo_change_elsewhere: "Go back to this page's answers",
    not_answers: "This file is not an answers file of this tool.",
    unknown_format: "This answers file is of a format version this tool cannot read.",
    dismiss: "Close",
    report_title: "Your assessment report",
    date: "Date",
    questionnaire: "Questionnaire",
    overall: "Overall score",
    stage: "Stage",
    critical_title: "Critical compliance gaps",
    basis: "Basis",
    bottleneck: "Weakest area",
    export_title: "Your data-export path",
    export_why: "Why",
    export_duties: "What remains to do",
    export_pending: "Answer the questions still open in “About your firm” to see your data-export path.",
    export_uncovered: "The questionnaire's rules do not cover your answers: seek professional advice.",
    export_options: "Also consider",
    item: "Item",
    your_answer: "Your answer",
    level: "Level",
    the_paper: "The paper",
    standing_ahead: "You are ahead of this",
    standing_level: "You are level with this",
    standing_behind: "You are behind this",
    not_applicable: "Not applicable",
    not_answered: "Not answered",
    critical_mark: "Critical",
    print: "Print or save as PDF",
    change_answers: "Change answers",
    about_link: "Offline use and your data",
    about_title: "Offline use and your data",
    about_sections: &[
        ("Your data stays on this device", "The tool runs entirely in your browser; there is no server. Your answers are kept in this browser's local storage on this device and are sent nowhere, unless you export them to a file or, on an association's site, press share yourself."),
        ("Working offline", "After the first visit every file of the tool is kept in the browser, so it opens, runs a whole assessment and prints the report with no network. When a new version is published the page tells you and reloads only when you accept; until then it runs the complete old version, never a mix of old and new."),
        ("When storage is unavailable", "If the browser blocks or lacks local storage (some private modes) or it is full, the tool still works, but your answers live only in this page and are lost when you close or reload it. A message at the top says so; export your answers before you leave."),
        ("On a shared kiosk", "At fairs and service centres the kiosk keeps answers in memory only and never writes them to storage. After a while without input it shows a countdown, then clears everything of the visitor; “Finish and clear” does it at once. Before it is cleared, print your report or, where the report shows a code, scan it with your phone to take the answers with you."),
        ("Keeping and moving your answers", "Export your answers to a JSON file (plain text in a standard format) and import it later on any device to continue or to regenerate the report. The file names its questionnaire and version; a file for another questionnaire is refused."),
    ],
    update_ready: "A new version is ready.",
    update_now: "Reload to use it",
    update_loses_answers: "Your answers are not saved in this browser: updating reloads the page, and they would be lost. Export them first to keep them.",
    update_anyway: "Update anyway",
    update_later: "Not now",
    not_persistent: "This browser cannot keep your answers: they will be lost when you close or reload the page. Export them before you leave.",
    kiosk_config_ignored: "The kiosk configuration file could not be used; the defaults apply:",
    finish_and_clear: "Finish and clear",
    finish_confirm: "Clear your answers and this report?",
    finish_yes: "Yes, clear",
    finish_keep: "No, keep them",
    idle_title: "Are you still there?",
    still_here: "I'm still here",
    touch_to_start: "Tap to start the assessment",
    skip_to_content: "Skip to content",
    include_answers: "Include my answers to each question",
    offered_by: "Offered by",
    saved_needs_decision: "Saved answers on this device need your decision",
    saved_unreadable: "The saved answers cannot be read (they may be damaged or cut off).",
    saved_kept_until: "The saved text has not been changed. Download it to keep it, or discard it; until you choose, new answers are not saved.",
    download_saved: "Download the saved text",
    discard_saved: "Discard it",
    crashed_title: "Something went wrong",
    crashed_text: "The tool hit an internal error and stopped. Your answers are not lost: download them, then reload the page and import them.",
    crashed_download: "Download my answers",
    crashed_kiosk_text: "The tool hit an internal error and stopped. To protect your information this screen clears itself and starts again shortly; press Reload to clear it now.",
    reload: "Reload",
    setup_title: "This assessment cannot start",
    setup_intro: "The configuration or questionnaire this site supplies has these problems, for the site's administrator to fix:",
    setup_config_file: "Config file",
    setup_questionnaire_file: "Questionnaire",
    setup_shipped_questionnaire: "the shipped questionnaire",
    // Issue 15: the walk
    kiosk_data: "This is a shared machine: your answers are cleared when you finish or leave it idle, and nothing is kept. To take your result with you, print the report or, where it shows a code, scan it with your phone.",
    import_on_start: "Answered on another device? Import the answers file you exported there.",
    saved_complete: "This device holds your answers from an earlier visit: every question that applies is answered.",
    answers_cleared: "Your answers were cleared.",
    undo_clear: "Undo",
    // Issue 15: the report
    firm: "The firm",
    verdict_title: "Your result",
    first_action: "Do this first",
    show_details: "Show",
    missing_title: "This report is not finished",
    missing_intro: "Questions still unanswered, by section. Until they are answered the report shows only part of the picture: an unanswered item is not a strength, and its advice is not here yet.",
    finish_questions: "Answer the missing questions",
    score_how: "How a score is made: each answer is a level from 0 (not started) to 4; a dimension's score out of 100 is the mean of its items' levels, weighted by how much each item matters, and the overall score is the weighted mean of the dimensions. Items that do not apply to your firm, or are not answered, do not count.",
    score_detail: "See each answer and its level",
    ladder: "Stages",
    you_are_here: "your firm",
    top_stage: "Your firm is at the highest stage.",
    first_steps_title: "Your first steps",
    first_steps_intro: "Start with these, within the next 3 months.",
    who: "Who",
    effort: "Effort and cost",
    help_from: "Help",
    why_first: "Why first",
    sources: "Sources",
    rest_of_plan: "The rest of your plan, by when",
    no_recommendations_yet: "No recommendations from the questions answered so far: answer the rest to get your plan.",
    all_targets_met: "Every item that applies meets its target: no recommendations.",
    only_gaps: "No recommendations beyond closing the critical gaps above.",
    benchmarks_on_screen: "On paper each answer shows only where it stands against the paper's figure, with the section; the report on screen gives the figure itself.",
    // Issue 16: hand-off and progress
    handoff_title: "Take this result with you",
    handoff_scan: "Scan the code with your phone's camera: it opens these answers, and this report, on your phone. The answers travel inside the link itself; nothing is sent to a server, and no one else can open them without the link.",
    handoff_show_link: "Show the link",
    handoff_send: "Send the link to yourself (in a chat or an email): it opens these answers, and this report, on any device. The answers travel inside the link itself; nothing is sent to a server, and no one else can open them without the link.",
    share_link: "Share the link",
    copy_link: "Copy the link",
    link_copied: "Link copied.",
    copy_failed: "The link could not be copied here: open “Show the link” and copy it from there.",
    handoff_qr_label: "QR code of the link to these answers",
    handoff_none_local: "No code to scan here: this app runs at an address that a phone cannot open (this computer or a local network). Print the report, or export your answers to a file. Whoever runs the app can set its public address (handoff_url in the config).",
    handoff_none_kiosk: "No code to scan here: no public address was set for this kiosk's app. Print your report before you leave.",
    handoff_none_embedded: "No code to scan here: the association has not set the app's public address (handoff_url in its config). Print the report, or export your answers to a file.",
    handoff_none_unavailable: "The code could not be drawn here: part of the app is missing (it has not been kept for offline use yet). Connect to the internet once, or print the report.",
    handoff_none_too_long: "No code to scan here: the app's address is too long to fit a code with the answers. Print the report, or export your answers to a file.",
    handoff_offer_title: "Answers from a link",
    handoff_offer_intro: "The link that opened this page holds a set of answers. They are read on this device only: nothing was sent anywhere.",
    open_handoff: "Open these answers",
    compare_handoff: "Compare them with the answers on this device",
    decline_handoff: "Not now",
    link_refused: "The answers in this link could not be opened. Nothing changed.",
    link_not_code: "The link holds no answers.",
    link_damaged: "The link is incomplete or was changed: a digit is missing or altered. Scan the code again, or copy the whole link.",
    link_unknown_format: "The link was made by another version of this tool. Open it where it was made and export the answers to a file.",
    link_malformed: "The link was not made by this tool.",
    link_other_questions: "The link was made for this questionnaire with other sections (another association's selection).",
    follow_up_title: "Next time",
    follow_up_explain: "After a year, or after support: start a follow-up from these answers, check each section and change what is different. This assessment stays on this device, dated, and the new report shows what changed.",
    start_follow_up: "Start a follow-up assessment",
    to_check: "to check",
    earlier_title: "Earlier assessments on this device",
    compare: "Compare",
    forget: "Remove",
    compare_file: "Compare with an answers file",
    stop_comparing: "Stop comparing",
    compare_refused: "This assessment could not be compared with yours. Nothing changed.",
    then: "Then",
    now: "Now",
    change: "Change",
    clause_sep: ", ",
    improved: "Answers that improved",
    fell_back: "Answers that fell back",
    gaps_closed: "Critical gaps closed",
    gaps_new: "New critical gaps",
    plan_done: "Actions of the earlier plan now done",
    stopped_applying: "No longer applies to the firm",
    started_applying: "Applies to the firm now",
    not_carried: "Earlier answers that could not be carried over to this version",
    none_of_these: "None.",
    undated: "undated",
    legend_then: "Then: dashed line",
    language_unavailable: "The other language could not be loaded. Connect to the internet once, then try again.",
    obligations_title: "Your markets and goods",
    obligations_in_force: "In force now",
    obligations_within_year: "Starting within 12 months",
    obligations_later: "Starting later",
    obligations_to_check: "Check these (not confirmed)",
    obligations_may_apply: "May apply: answer to know",
    obligations_goods: "For your goods",
    obligations_in_first_steps: "What to prepare: printed in full among your first steps.",
    obligations_only_for: "Only for",
    obligations_any_market: "Any destination",
    obligations_answer_to_know: "To know, answer",
    obligations_none: "None of the rules this tool knows applies to the goods and markets you gave.",
    obligations_unavailable: "The rules by market and goods could not be loaded. Connect to the internet once, then open the report again.",
    obligations_refused: "The rules by market and goods that your association provides cannot be used with its questionnaire, so this section is missing. Please tell the association; these are the problems found in its file:",
    obligations_check: "To check",
    filter_options: "Find in the list: a word, or your goods' HS code",
    filter_none: "Nothing in the list matches. If your goods are not in it, type their HS code below.",
    codes_label: "Goods not in the list: their HS code",
    codes_hint: "2 to 10 digits, such as 7318 or 7318.15; up to 10 codes. Each is matched against the rules by its first digits.",
    add_code: "Add code",
    codes_typed: "HS codes you gave",
    legend_now: "Now: solid line",
};

impl Words for En {
    fn strings() -> &'static Strings {
        &EN
    }

    fn duration(minutes: usize, questions: usize) -> String {
        match (minutes, questions) {
            (1, 1) => "About 1 minute, 1 question, and a few more to read your report".to_owned(),
            (1, q) => format!("About 1 minute, {q} questions, and a few more to read your report"),
            (m, q) => {
                format!("About {m} minutes, {q} questions, and a few more to read your report")
            }
        }
    }

    fn answered(answered: usize, total: usize) -> String {
        format!("{answered} of {total} answered")
    }

    fn answered_here(answered: usize, total: usize) -> String {
        format!("{answered} of {total} answered on this screen")
    }

    fn minutes_left(minutes: usize) -> String {
        match minutes {
            0 => "Nothing left to answer".to_owned(),
            1 => "About 1 minute left".to_owned(),
            m => format!("About {m} minutes left"),
        }
    }

    fn step(n: usize, of: usize) -> String {
        format!("Step {n} of {of}")
    }

    fn partial(missing: usize) -> String {
        match missing {
            1 => "This report is partial: 1 question is unanswered.".to_owned(),
            n => format!("This report is partial: {n} questions are unanswered."),
        }
    }

    fn capped(cap: &str, uncapped: &str) -> String {
        format!("Capped at {cap} by a critical gap ({uncapped} without it).")
    }

    fn level_of(level: Level) -> String {
        // Level 0 is "nothing yet", not a level reached: worded as such.
        if level == Level::L0 {
            format!("Not started ({level} of {})", Level::MAX)
        } else {
            format!("Level {level} of {}", Level::MAX)
        }
    }

    fn other_questionnaire(found: &str, expected: &str) -> String {
        format!("This file holds answers to “{found}”; this tool asks “{expected}”.")
    }

    fn answered_twice(question: &str) -> String {
        format!(
            "The file answers question “{question}” twice, so which answer is meant is unclear."
        )
    }

    fn invalid_answers(problems: usize) -> String {
        match problems {
            1 => "One answer in the file does not fit this questionnaire:".to_owned(),
            n => format!("{n} answers in the file do not fit this questionnaire:"),
        }
    }

    fn too_large(kb: u64, max: u64) -> String {
        format!("The file is {kb} KB; an answers file is at most {max} KB.")
    }

    fn clearing_in(seconds: u32) -> String {
        format!("In {seconds} s everything you entered will be cleared for the next visitor.")
    }

    fn share_title(name: &str) -> String {
        format!("Share your result with {name}")
    }

    fn share_button(name: &str) -> String {
        format!("Share with {name}")
    }

    fn shared(name: &str) -> String {
        format!("Shared with {name}.")
    }

    fn saved_migrated(from: &str, kept: usize, dropped: usize) -> String {
        format!("The saved answers were made for “{from}”: {kept} still fit this version and can be resumed; {dropped} no longer fit:")
    }

    fn dimensions_title(o: &Outline) -> String {
        match o.dimensions.as_slice() {
            [one] => format!("The dimension: {one}"),
            all => format!("The {} dimensions", number(all.len())),
        }
    }

    fn chart_title(o: &Outline) -> String {
        format!(
            "Radar chart of the {} dimension scores",
            number(o.dimensions.len())
        )
    }

    fn items_title(benchmarks: bool) -> String {
        if benchmarks {
            "Your answers beside the paper's benchmarks"
        } else {
            "Your answers"
        }
        .to_owned()
    }

    fn critical_intro(caps: &[Cap]) -> String {
        let mut text = "These gaps are not averaged away: they come first".to_owned();
        for (i, c) in caps.iter().enumerate() {
            let joint = if i == 0 { " and cap" } else { " and" };
            text += &format!(
                "{joint} the {} score at {}",
                c.dimension,
                format_score(Some(c.cap))
            );
        }
        text + "."
    }

    fn share_what(name: &str, o: &Outline) -> String {
        format!(
            "What is shared: {}. Nothing is sent to {name} until you press the button below.",
            record_contents(o)
        )
    }

    fn save_result_what(o: &Outline) -> String {
        format!(
            "A file of {}, that an association can count with its other members’ results.",
            record_contents(o)
        )
    }

    fn what_you_get(o: &Outline) -> String {
        let gaps = if o.critical_rules {
            "critical compliance gaps, "
        } else {
            ""
        };
        match o.dimensions.as_slice() {
            [one] => format!("At the end you get your score on {one} and your stage, {gaps}your data-export path, and an action plan ranked by priority."),
            all => format!("At the end you get your overall score and stage, the {} dimensions and your bottleneck, {gaps}your data-export path, and an action plan ranked by priority.", number(all.len())),
        }
    }

    // Issue 15: the report
    fn to_next_stage(points: &str, stage: &str) -> String {
        format!("{points} points to {stage}.")
    }

    fn missing_in(section: &str, questions: usize) -> String {
        match questions {
            1 => format!("{section}: 1 question"),
            n => format!("{section}: {n} questions"),
        }
    }

    fn from_score(min: &str) -> String {
        format!("from {min}")
    }

    fn critical_count(gaps: usize) -> String {
        match gaps {
            1 => "1 critical compliance gap".to_owned(),
            n => format!("{n} critical compliance gaps"),
        }
    }

    fn plan_line(actions: usize) -> String {
        match actions {
            1 => "1 more action, with when to do it".to_owned(),
            n => format!("{n} more actions, by when to do them"),
        }
    }

    fn items_line(answers: usize, benchmarks: bool) -> String {
        match (answers, benchmarks) {
            (1, true) => "Your 1 answer, its level and the paper's figure".to_owned(),
            (1, false) => "Your 1 answer and its level".to_owned(),
            (n, true) => format!("Your {n} answers, each with its level and the paper's figure"),
            (n, false) => format!("Your {n} answers, each with its level"),
        }
    }

    fn handoff_offer(date: &str) -> String {
        format!("Open the answers from {date}?")
    }

    fn handoff_replaces(answered: usize) -> String {
        format!("This device has other answers ({answered} answered). Opening the link's answers replaces them; you can undo that straight after.")
    }

    fn opened(date: &str) -> String {
        format!("Opened the answers from {date}.")
    }

    fn progress_since(date: &str) -> String {
        format!("Progress since {date}")
    }

    fn points_change(change: &str) -> String {
        // One decimal always ("+1.0"), so always plural.
        format!("{change} points")
    }

    fn stage_moved(trend: Trend, stage: &str) -> String {
        match trend {
            Trend::Up => format!("up to {stage}"),
            Trend::Same => format!("still {stage}"),
            Trend::Down => format!("down to {stage}"),
        }
    }

    fn gaps_closed_count(gaps: usize) -> String {
        match gaps {
            1 => "1 critical gap closed".to_owned(),
            n => format!("{n} critical gaps closed"),
        }
    }

    fn gaps_new_count(gaps: usize) -> String {
        match gaps {
            1 => "1 new critical gap".to_owned(),
            n => format!("{n} new critical gaps"),
        }
    }

    fn follow_up_banner(date: &str) -> String {
        format!("Follow-up of your assessment of {date}: its answers are filled in. Check each section and change what is different today.")
    }

    fn history_unreadable(entries: usize) -> String {
        match entries {
            1 => "One earlier assessment kept on this device could not be read; it is left as it is.".to_owned(),
            n => format!("{n} earlier assessments kept on this device could not be read; they are left as they are."),
        }
    }

    fn obligation_from(date: &str) -> String {
        format!("From {date}")
    }

    fn obligation_said_since(date: &str) -> String {
        format!("Said to apply since {date}")
    }

    fn finer_code(code: &str) -> String {
        format!("a more precise HS code than {code}")
    }

    fn not_a_code(e: &NotAnHsCode) -> String {
        // The core's `Display` says the same, but escapes what it quotes for a terminal, which
        // would bring Unicode's tables into the app: here the text is rendered as text.
        let input = &e.input;
        match e.why {
            WhyNotACode::Empty => {
                "Type an HS code: 2 to 10 digits, such as 7318 or 7318.15.".to_owned()
            }
            WhyNotACode::NotADigit(c) => format!(
                "\"{input}\" is not an HS code: \"{c}\" is not a digit (an HS code is digits, such as 7318 or 7318.15)."
            ),
            WhyNotACode::Length(n) => format!(
                "\"{input}\" is not an HS code: it has {n} digit(s); an HS code has 2, 4, 6, 8 or 10 (7318, 7318.15, 7318 15 90)."
            ),
        }
    }

    fn codes_full(max: usize) -> String {
        format!("At most {max} HS codes: remove one before adding another.")
    }

    fn remove_code(code: &str) -> String {
        format!("Remove {code}")
    }

    fn code_of(label: &str) -> String {
        format!("the HS code of your goods in “{label}”")
    }
}

/// "three": a count in words up to ten, in figures above.
fn number(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// What a result record holds (`ResultRecord`), shared or saved: one sentence for both.
fn record_contents(o: &Outline) -> String {
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
