//! The screen in the page's address: the URL fragment, so that Back and Forward move through the
//! walk and a reload returns to the same screen. The query string is never touched (it carries
//! `?kiosk` and `?embed` settings).
//!
//! The shape is `#profile` (or `#<profile part id>`), `#<dimension id>`, `#review`, `#report`, `#about`; the start screen
//! (and a kiosk's attract screen) has none. A fragment is whatever anyone put in a link, so it
//! is read strictly: one word of lowercase ASCII letters, digits, `-` and `_`, at most
//! `MAX_LEN` bytes, naming a screen this questionnaire has; anything else names no screen.

use assessment::{Questionnaire, SectionId};

/// Which screen the person is on. Each is addressed by what it shows (a section by its id), so
/// that a screen can be named the same way in any questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// A kiosk's screen between visitors, if its config asks for one.
    Attract,
    Start,
    /// A section of the walk: the profile or a dimension (the core's walk orders them).
    Section(SectionId),
    /// Unanswered questions, before the report.
    Review,
    Report,
    /// What the app does offline and with storage, and what it keeps. Back returns to the screen
    /// it was opened from.
    About,
}

/// The longest fragment read; no screen's name comes near it.
pub const MAX_LEN: usize = 64;

/// The hand-off code in `fragment`, if it holds one: a fragment of digits only (`#` and the
/// code, as a hand-off link's QR code writes it; docs/handoff.md). No screen's name is all
/// digits, of any length: whether the code is whole, not too long and for this questionnaire is
/// the core's decision (`handoff::decode`), which refuses it with a reason the person is told.
pub fn handoff_code(fragment: &str) -> Option<&str> {
    let code = fragment.strip_prefix('#').unwrap_or(fragment);
    (!code.is_empty() && code.bytes().all(|b| b.is_ascii_digit())).then_some(code)
}

/// The fragment (with its `#`) that names `screen`, or "" for a screen that has none.
pub fn fragment(screen: &Screen) -> String {
    let name = match screen {
        Screen::Attract | Screen::Start => return String::new(),
        Screen::Section(section) => section.key(),
        Screen::Review => "review",
        Screen::Report => "report",
        Screen::About => "about",
    };
    format!("#{name}")
}

/// The screen that `fragment` (as `location.hash` gives it: with or without its `#`) names in
/// `questionnaire`, if it names one. Whether it can be shown now (the report needs answers) is
/// the state's decision (`State::arrive`).
pub fn parse(fragment: &str, questionnaire: &Questionnaire) -> Option<Screen> {
    let name = fragment.strip_prefix('#').unwrap_or(fragment);
    let well_formed = handoff_code(name).is_none()
        && !name.is_empty()
        && name.len() <= MAX_LEN
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if !well_formed {
        return None;
    }
    match name {
        "review" => Some(Screen::Review),
        "report" => Some(Screen::Report),
        "about" => Some(Screen::About),
        // An address from before the profile had parts names it as a whole: its first part.
        "profile" => questionnaire
            .screen_for(SectionId::Profile)
            .map(Screen::Section),
        _ => questionnaire
            .sections()
            .into_iter()
            .find(|section| section.key() == name)
            .map(Screen::Section),
    }
}

#[cfg(test)]
mod tests {
    use assessment::BUILTIN_QUESTIONNAIRE;

    use super::*;

    fn q() -> Questionnaire {
        Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap()
    }

    #[test]
    fn every_screen_reads_back_from_its_fragment() {
        let q = q();
        let mut screens: Vec<Screen> = q.sections().into_iter().map(Screen::Section).collect();
        screens.extend([Screen::Review, Screen::Report, Screen::About]);
        for screen in screens {
            let fragment = fragment(&screen);
            assert_eq!(parse(&fragment, &q), Some(screen.clone()), "{fragment}");
            assert_eq!(parse(&fragment[1..], &q), Some(screen));
        }
        assert_eq!(fragment(&Screen::Start), "");
        assert_eq!(fragment(&Screen::Attract), "");
        assert_eq!(
            parse("#technology", &q),
            Some(Screen::Section(SectionId::Dimension("technology".into())))
        );
    }

    #[test]
    fn a_fragment_of_digits_is_a_handoff_code_and_no_screen() {
        let q = q();
        assert_eq!(handoff_code("#0123456789"), Some("0123456789"));
        assert_eq!(handoff_code("42"), Some("42"));
        assert_eq!(parse("#0123456789", &q), None);
        for other in ["", "#", "#report", "#12a", "#12 3", "#١٢٣", "#-12"] {
            assert_eq!(handoff_code(other), None, "{other:?}");
        }
        // Too long for a code is still a code, which the core refuses (and the person is told).
        let long = format!("#{}", "1".repeat(100_000));
        assert_eq!(handoff_code(&long), Some(&long[1..]));
    }

    #[test]
    fn anything_else_names_no_screen() {
        let q = q();
        let long = format!("#{}", "a".repeat(MAX_LEN + 1));
        for hostile in [
            "",
            "#",
            "##report",
            "#Report",
            "#report ",
            "# report",
            "#report/x",
            "#report?x=1",
            "#%72eport",
            "#marketing",
            "#start",
            "#attract",
            "#профиль",
            "#report\u{0}",
            "#javascript:alert(1)",
            "#../report",
            long.as_str(),
        ] {
            assert_eq!(parse(hostile, &q), None, "{hostile:?}");
        }
    }
}
