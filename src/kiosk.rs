//! Kiosk mode: one browser serving visitor after visitor at a fair or a service centre.
//!
//! In kiosk mode answers live in memory only; after `idle_seconds` without input a countdown of
//! `countdown_seconds` is shown, then everything of the visitor is wiped. This module is the
//! configuration and the timing rule, both plain data so that they are tested natively; the timer
//! itself is the `KioskTimer` component.

use assessment::{Place, Problem, ProblemKind};
use serde::Deserialize;

use crate::i18n::Lang;
use crate::query::Query;

/// How the app runs: for one person on their own device, or as a kiosk.
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    Personal,
    Kiosk(KioskConfig),
}

impl Mode {
    pub fn is_kiosk(&self) -> bool {
        matches!(self, Mode::Kiosk(_))
    }
}

/// A kiosk's settings, from a JSON file beside the app and/or the URL's query.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KioskConfig {
    /// Seconds without input before the countdown starts.
    pub idle_seconds: u32,
    /// Seconds of countdown before the visitor's answers are wiped.
    pub countdown_seconds: u32,
    /// Show an attract screen between visitors instead of the start screen.
    pub attract: bool,
    /// The language each visitor starts in (a tag such as "zh-CN" or "en"); the browser's if absent.
    pub language: Option<String>,
    /// The app's public address, for the hand-off QR code that lets a visitor take the answers
    /// to a phone: a kiosk runs from an address (this machine, a file) that a phone cannot open.
    pub handoff_url: Option<String>,
}

impl Default for KioskConfig {
    fn default() -> Self {
        Self {
            idle_seconds: 120,
            countdown_seconds: 20,
            attract: false,
            language: None,
            handoff_url: None,
        }
    }
}

impl KioskConfig {
    /// The settings of a config file, then the URL's parameters over them (`idle`, `countdown`,
    /// `attract`, `lang`). A file that is not valid is reported and the defaults are used, so
    /// that a kiosk never stops working over its config.
    pub fn resolve(file: Option<&str>, query: &Query) -> (Self, Option<Problem>) {
        let (mut config, problem) = match file.map(serde_json::from_str::<KioskConfig>) {
            None => (Self::default(), None),
            Some(Ok(config)) => (config, None),
            Some(Err(e)) => (
                Self::default(),
                Some(Problem {
                    place: Place::KioskConfig,
                    field: String::new(),
                    kind: ProblemKind::Format(e.to_string()),
                }),
            ),
        };
        // An address a phone cannot open would make a code that leads nowhere: reported, and the
        // kiosk offers no code; the rest of the file is used.
        let problem = match config.handoff_url.take() {
            Some(url) if !assessment::is_handoff_url(&url) => problem.or(Some(Problem {
                place: Place::KioskConfig,
                field: "handoff_url".into(),
                kind: ProblemKind::NotAHandoffUrl(url),
            })),
            url => {
                config.handoff_url = url;
                problem
            }
        };
        config.idle_seconds = query.idle.unwrap_or(config.idle_seconds);
        config.countdown_seconds = query.countdown.unwrap_or(config.countdown_seconds);
        config.attract = query.attract.unwrap_or(config.attract);
        if let Some(lang) = &query.lang {
            config.language = Some(lang.clone());
        }
        // A zero idle time would wipe a visitor mid-answer; at least one second of each.
        config.idle_seconds = config.idle_seconds.max(1);
        config.countdown_seconds = config.countdown_seconds.max(1);
        (config, problem)
    }

    pub fn lang(&self) -> Option<Lang> {
        self.language.as_deref().and_then(Lang::from_tag)
    }

    /// Seconds from a visitor's last input to the wipe: the idle time and the countdown.
    pub fn clear_after_seconds(&self) -> u32 {
        self.idle_seconds.saturating_add(self.countdown_seconds)
    }

    /// Where the visitor is, `idle_ms` milliseconds after their last input.
    pub fn phase(&self, idle_ms: f64) -> Phase {
        let idle = f64::from(self.idle_seconds) * 1000.0;
        let end = idle + f64::from(self.countdown_seconds) * 1000.0;
        if idle_ms < idle {
            Phase::Active
        } else if idle_ms < end {
            Phase::Countdown(((end - idle_ms) / 1000.0).ceil() as u32)
        } else {
            Phase::Expired
        }
    }
}

/// The visitor's state as far as the idle timer is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Active,
    /// Seconds left before the wipe.
    Countdown(u32),
    Expired,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_overrides_the_file_and_the_file_the_defaults() {
        let file =
            r#"{"idle_seconds": 60, "countdown_seconds": 10, "attract": true, "language": "en"}"#;
        let (c, e) = KioskConfig::resolve(Some(file), &Query::parse("?kiosk&idle=5"));
        assert_eq!(e, None);
        assert_eq!(
            c,
            KioskConfig {
                idle_seconds: 5,
                countdown_seconds: 10,
                attract: true,
                language: Some("en".into()),
                handoff_url: None,
            }
        );
        assert_eq!(c.lang(), Some(Lang::En));
        let (c, _) = KioskConfig::resolve(
            None,
            &Query::parse("?kiosk&countdown=3&attract=0&idle=oops"),
        );
        assert_eq!(
            (c.idle_seconds, c.countdown_seconds, c.attract),
            (120, 3, false)
        );
    }

    #[test]
    fn a_broken_config_file_is_reported_and_the_defaults_used() {
        let format = |p: Option<Problem>| match p.map(|p| (p.place, p.kind)) {
            Some((Place::KioskConfig, ProblemKind::Format(m))) => m,
            other => panic!("{other:?}"),
        };
        let none = Query::default();
        let (c, e) = KioskConfig::resolve(Some(r#"{"idle_seconds": "soon"}"#), &none);
        assert_eq!(c, KioskConfig::default());
        let m = format(e);
        assert!(m.contains("expected u32") && m.contains("column"), "{m}");
        let (_, e) = KioskConfig::resolve(Some(r#"{"idle": 5}"#), &none);
        assert!(format(e).contains("unknown field"));
    }

    #[test]
    fn a_handoff_address_a_phone_cannot_open_is_reported() {
        let none = Query::default();
        let file = r#"{"idle_seconds": 60, "handoff_url": "https://assess.example/app/"}"#;
        let (c, e) = KioskConfig::resolve(Some(file), &none);
        assert_eq!(e, None);
        assert_eq!(
            c.handoff_url.as_deref(),
            Some("https://assess.example/app/")
        );
        let file = r#"{"idle_seconds": 60, "handoff_url": "http://localhost:8080/"}"#;
        let (c, e) = KioskConfig::resolve(Some(file), &none);
        assert_eq!((c.idle_seconds, c.handoff_url), (60, None));
        let e = e.unwrap();
        assert_eq!(
            (e.place, e.field.as_str()),
            (Place::KioskConfig, "handoff_url")
        );
        assert!(matches!(e.kind, ProblemKind::NotAHandoffUrl(_)));
    }

    #[test]
    fn zero_times_are_raised_to_one_second() {
        let (c, _) = KioskConfig::resolve(None, &Query::parse("idle=0&countdown=0"));
        assert_eq!((c.idle_seconds, c.countdown_seconds), (1, 1));
    }

    #[test]
    fn idle_then_countdown_then_expired() {
        let c = KioskConfig {
            idle_seconds: 10,
            countdown_seconds: 5,
            ..KioskConfig::default()
        };
        assert_eq!(c.phase(0.0), Phase::Active);
        assert_eq!(c.phase(9_999.0), Phase::Active);
        assert_eq!(c.phase(10_000.0), Phase::Countdown(5));
        assert_eq!(c.phase(10_001.0), Phase::Countdown(5));
        assert_eq!(c.phase(14_500.0), Phase::Countdown(1));
        assert_eq!(c.phase(15_000.0), Phase::Expired);
    }
}
