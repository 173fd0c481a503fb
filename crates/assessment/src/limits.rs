//! The bounds on every file the tools read: one set, so that the app, the cohort page, its worker
//! and the command line refuse the same file, by name and with the same limit, before they parse
//! it. A file is hostile input: without a bound, one file (or one line of a JSON Lines file) could
//! hold the tools for minutes or fill their memory.

use crate::lang::Lang;
use crate::text::LangTag;

/// A result record, an answers file, or one line of a JSON Lines file of them: a few KB.
pub const MAX_RESULT_BYTES: u64 = 1 << 20;
/// Answers in one answers file (or a record's): more than a questionnaire asks.
pub const MAX_ANSWERS: usize = 2_000;
/// A questionnaire: the shipped one, whole in both languages, is about 200 KB.
pub const MAX_QUESTIONNAIRE_BYTES: u64 = 4 << 20;
/// An association's config: a few hundred bytes.
pub const MAX_CONFIG_BYTES: u64 = 64 << 10;
/// An obligations catalogue, the shipped one (about 50 KB) or an association's.
pub const MAX_CATALOGUE_BYTES: u64 = 2 << 20;
/// Obligations in one catalogue: the shipped one has a few dozen.
pub const MAX_CATALOGUE_ENTRIES: usize = 1_000;
/// The paper the citations are checked against (`assess citations`).
pub const MAX_PAPER_BYTES: u64 = 8 << 20;
/// Problems one message lists; the others are counted ("and 12 more"), so that a message stays
/// readable and small whatever the file.
pub const MAX_PROBLEMS_LISTED: usize = 20;

/// Files (or lines of JSON Lines) a cohort lists as not counted, in the order met; the others are
/// counted ("and 4900 more"), so that a file of a million bad lines makes a short list, a short
/// message from the page's worker and a short page. More than [`MAX_PROBLEMS_LISTED`]: each is a
/// member's file that staff may want to chase, not a problem of one file.
pub const MAX_REFUSED_LISTED: usize = 100;

/// A kind of file the tools read, with its limit (the problem of a file over it,
/// `Document::too_large_at`, is made in `problem.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    /// A result record or an answers file (or a line of JSON Lines of them).
    Result,
    Questionnaire,
    Config,
    Catalogue,
    Paper,
}

impl Document {
    pub const fn max_bytes(self) -> u64 {
        match self {
            Document::Result => MAX_RESULT_BYTES,
            Document::Questionnaire => MAX_QUESTIONNAIRE_BYTES,
            Document::Config => MAX_CONFIG_BYTES,
            Document::Catalogue => MAX_CATALOGUE_BYTES,
            Document::Paper => MAX_PAPER_BYTES,
        }
    }

    /// Why a file of this kind over its limit is refused, in `lang`.
    pub fn too_large(self, lang: &LangTag) -> String {
        let kb = self.max_bytes() / 1024;
        if Lang::of(lang) == Lang::ZhCn {
            let what = match self {
                Document::Result => "结果或回答文件",
                Document::Questionnaire => "问卷",
                Document::Config => "协会配置",
                Document::Catalogue => "义务目录",
                Document::Paper => "论文",
            };
            format!("此文件超过 {kb} KB，是本工具读取的{what}的上限：请检查是否选错了文件")
        } else {
            let what = match self {
                Document::Result => "a result or answers file",
                Document::Questionnaire => "a questionnaire",
                Document::Config => "an association's config",
                Document::Catalogue => "an obligations catalogue",
                Document::Paper => "the paper",
            };
            format!("this file is over {kb} KB, the most this tool reads of {what}: is it the right file?")
        }
    }
}

/// A list of problems as a tool shows it: the first [`MAX_PROBLEMS_LISTED`] of `items` in
/// `each`'s words, then, when there are more, how many more in `lang` ("… and 12 more"). Every
/// list of problems (a questionnaire's, a config's, a catalogue's, an answers file's, a result
/// record's) goes through it, in every front end, so that a hostile file's thousands of problems
/// make a short message and a short page.
pub fn capped<T>(items: &[T], lang: &LangTag, each: impl FnMut(&T) -> String) -> Vec<String> {
    let mut lines: Vec<String> = items.iter().take(MAX_PROBLEMS_LISTED).map(each).collect();
    let more = items.len().saturating_sub(MAX_PROBLEMS_LISTED);
    if more > 0 {
        lines.push(and_more(more as u64, lang, "处"));
    }
    lines
}

/// The line after a list cut at its first items: "… and 12 more", and in Chinese with what it
/// counts (`zh_counted`: 处 for places in a file, 个未列出 for files not listed).
pub(crate) fn and_more(more: u64, lang: &LangTag, zh_counted: &str) -> String {
    if Lang::of(lang) == Lang::ZhCn {
        format!("……另有 {more} {zh_counted}")
    } else {
        format!("… and {more} more")
    }
}

/// Writes [`capped`]'s lines, each on a line of its own after `- ` (the count of more without).
pub fn list_capped<T>(
    out: &mut String,
    items: &[T],
    lang: &LangTag,
    each: impl FnMut(&T) -> String,
) {
    let listed = items.len().min(MAX_PROBLEMS_LISTED);
    for (i, line) in capped(items, lang, each).into_iter().enumerate() {
        out.push_str(if i < listed { "\n- " } else { "\n" });
        out.push_str(&line);
    }
}
