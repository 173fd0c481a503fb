//! Kiosk mode: one browser serving visitor after visitor at a fair or a service centre.
//!
//! In kiosk mode answers live in memory only; after `idle_seconds` without input a countdown of
//! `countdown_seconds` is shown, then everything of the visitor is wiped. This module is the
//! configuration and the timing rule, both plain data so that they are tested natively; the timer
//! itself is the `KioskTimer` component.

use serde::Deserialize;

use crate::i18n::Lang;

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
}

impl Default for KioskConfig {
    fn default() -> Self {
        Self {
            idle_seconds: 120,
            countdown_seconds: 20,
            attract: false,
            language: None,
        }
    }
}

/// The query parameter that switches kiosk mode on. Its value, if any, names the config file.
pub const KIOSK_PARAM: &str = "kiosk";
/// The config file read when `?kiosk` names none.
pub const DEFAULT_CONFIG_FILE: &str = "kiosk.json";

/// What the URL's query asks for: `None` when it does not ask for kiosk mode, else the config
/// file to read (a plain file name beside the app; anything else is ignored for safety).
pub fn config_file(query: &str) -> Option<String> {
    let value = crate::query::get(query, KIOSK_PARAM)?;
    let is_plain_name = !value.is_empty()
        && value.ends_with(".json")
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !value.starts_with('.');
    Some(if is_plain_name {
        value
    } else {
        DEFAULT_CONFIG_FILE.to_owned()
    })
}

/// Why a kiosk config file was not used.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigError(pub String);

impl KioskConfig {
    /// The settings of a config file, then the URL's parameters over them (`idle`, `countdown`,
    /// `attract`, `lang`). A file that is not valid is reported and the defaults are used, so
    /// that a kiosk never stops working over its config.
    pub fn resolve(file: Option<&str>, query: &str) -> (Self, Option<ConfigError>) {
        let (mut config, error) = match file.map(serde_json::from_str::<KioskConfig>) {
            None => (Self::default(), None),
            Some(Ok(config)) => (config, None),
            Some(Err(e)) => (Self::default(), Some(ConfigError(e.to_string()))),
        };
        for (key, value) in crate::query::params(query) {
            match key.as_str() {
                "idle" => config.idle_seconds = value.parse().unwrap_or(config.idle_seconds),
                "countdown" => {
                    config.countdown_seconds = value.parse().unwrap_or(config.countdown_seconds)
                }
                "attract" => config.attract = value != "0" && value != "false",
                "lang" => config.language = Some(value),
                _ => {}
            }
        }
        // A zero idle time would wipe a visitor mid-answer; at least one second of each.
        config.idle_seconds = config.idle_seconds.max(1);
        config.countdown_seconds = config.countdown_seconds.max(1);
        (config, error)
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
    fn kiosk_mode_is_switched_on_by_the_query() {
        assert_eq!(config_file(""), None);
        assert_eq!(config_file("?lang=en"), None);
        assert_eq!(config_file("?kiosk").as_deref(), Some("kiosk.json"));
        assert_eq!(
            config_file("?a=1&kiosk=fair-2026.json").as_deref(),
            Some("fair-2026.json")
        );
        // Only a plain file name beside the app: never another path or origin.
        for unsafe_value in [
            "../x.json",
            "https://evil.example/k.json",
            "/etc/x.json",
            ".json",
        ] {
            assert_eq!(
                config_file(&format!("?kiosk={unsafe_value}")).as_deref(),
                Some("kiosk.json")
            );
        }
    }

    #[test]
    fn the_url_overrides_the_file_and_the_file_the_defaults() {
        let file =
            r#"{"idle_seconds": 60, "countdown_seconds": 10, "attract": true, "language": "en"}"#;
        let (c, e) = KioskConfig::resolve(Some(file), "?kiosk&idle=5");
        assert_eq!(e, None);
        assert_eq!(
            c,
            KioskConfig {
                idle_seconds: 5,
                countdown_seconds: 10,
                attract: true,
                language: Some("en".into())
            }
        );
        assert_eq!(c.lang(), Some(Lang::En));
        let (c, _) = KioskConfig::resolve(None, "?kiosk&countdown=3&attract=0&idle=oops");
        assert_eq!(
            (c.idle_seconds, c.countdown_seconds, c.attract),
            (120, 3, false)
        );
    }

    #[test]
    fn a_broken_config_file_is_reported_and_the_defaults_used() {
        let (c, e) = KioskConfig::resolve(Some(r#"{"idle_seconds": "soon"}"#), "");
        assert_eq!(c, KioskConfig::default());
        assert!(e.is_some_and(|e| e.0.contains("expected u32") && e.0.contains("column")));
        let (_, e) = KioskConfig::resolve(Some(r#"{"idle": 5}"#), "");
        assert!(e.is_some_and(|e| e.0.contains("unknown field")));
    }

    #[test]
    fn zero_times_are_raised_to_one_second() {
        let (c, _) = KioskConfig::resolve(None, "idle=0&countdown=0");
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
