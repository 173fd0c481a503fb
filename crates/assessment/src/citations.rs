//! The citation check: every figure a benchmark quotes must stand, word for word, in the text of the
//! paper's section it cites. The paper is not shipped with the tool, so the check takes its text as a
//! string; `assess check-citations` and the test `citations` read it from `../shared/paper/`.

use std::collections::BTreeMap;
use std::fmt;

use crate::model::QuestionnaireDoc;

/// The paper's sections by mark (`§1`, `§1.1`, …), each with its text, whitespace removed (the
/// paper's lines break inside words and numbers carry spaces: "5G 基\n站", "25 个").
///
/// A heading is a line that starts with the next mark in sequence ("1.2" after "1.1", "2" after
/// "1.3"), so that a line that merely starts with a number ("2023 年…") is not taken for one. A
/// chapter's text (`§2`) includes its subsections'.
pub fn sections(paper: &str) -> BTreeMap<String, String> {
    let mut sections: BTreeMap<String, String> = BTreeMap::new();
    let (mut chapter, mut sub) = (0u32, 0u32);
    for line in paper.lines() {
        let line = line.trim();
        let next_sub = format!("{chapter}.{}", sub + 1);
        let next_chapter = format!("{}", chapter + 1);
        let starts = |mark: &str| {
            line.strip_prefix(mark)
                .is_some_and(|rest| rest.starts_with(char::is_whitespace))
        };
        if chapter > 0 && starts(&next_sub) {
            sub += 1;
        } else if starts(&next_chapter) {
            chapter += 1;
            sub = 0;
        }
        if chapter == 0 {
            continue;
        }
        let text: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        sections
            .entry(format!("§{chapter}"))
            .or_default()
            .push_str(&text);
        if sub > 0 {
            sections
                .entry(format!("§{chapter}.{sub}"))
                .or_default()
                .push_str(&text);
        }
    }
    sections
}

/// One quote checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    pub item: String,
    pub section: String,
    pub quote: String,
    pub verdict: Verdict,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The cited section holds the quote.
    Found,
    /// The cited section does not hold it.
    NotInSection,
    /// The paper has no such section.
    NoSuchSection,
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (mark, what) = match self.verdict {
            Verdict::Found => ("ok  ", "found in"),
            Verdict::NotInSection => ("FAIL", "not found in"),
            Verdict::NoSuchSection => ("FAIL", "the paper has no section"),
        };
        write!(
            f,
            "{mark} {} “{}” {what} {}",
            self.item, self.quote, self.section
        )
    }
}

/// Checks every quote of every benchmark of `doc` against the paper's text, in questionnaire order.
pub fn check(doc: &QuestionnaireDoc, paper: &str) -> Vec<Citation> {
    let sections = sections(paper);
    let mut out = Vec::new();
    for item in doc.dimensions.iter().flat_map(|d| &d.items) {
        let Some(b) = &item.benchmark else { continue };
        for quote in &b.quotes {
            let wanted: String = quote.text.chars().filter(|c| !c.is_whitespace()).collect();
            let verdict = match sections.get(quote.section.trim()) {
                None => Verdict::NoSuchSection,
                Some(text) if text.contains(&wanted) => Verdict::Found,
                Some(_) => Verdict::NotInSection,
            };
            out.push(Citation {
                item: item.id.0.clone(),
                section: quote.section.clone(),
                quote: quote.text.clone(),
                verdict,
            });
        }
    }
    out
}
