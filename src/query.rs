//! The page's query string: the one place it is parsed, once, into a typed `Query`. Kiosk mode,
//! embedding and their settings all arrive as URL parameters.

/// The query's parameters (with or without the leading `?`), percent-decoded; a key alone has
/// an empty value.
fn params(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-decoding of a query component (`+` is a space).
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Everything the page's query string says, typed, read once at start. Kiosk mode and its
/// settings arrive as URL parameters; so do embedding and the embed snippet's attributes, which the
/// loader (`embed.js`) turns into parameters of the frame's URL.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// `?kiosk`: kiosk mode, with its config file (a plain file name beside the app; anything
    /// else names the default file, for safety).
    pub kiosk: Option<String>,
    /// `idle`, `countdown`, `attract`: a kiosk's settings over its file's (unreadable ones are
    /// ignored).
    pub idle: Option<u32>,
    pub countdown: Option<u32>,
    pub attract: Option<bool>,
    /// `lang`: the language to start in (kiosk or embedded).
    pub lang: Option<String>,
    /// `?embed`: framed on an association's page.
    pub embed: bool,
    /// `config`: the association's config file, by URL.
    pub config: Option<String>,
    /// The snippet's other attributes, by name (`name`, `origin`, `brand`, `sections`, …), in the
    /// order given. Which of them a config file allows is the embed config's rule.
    pub attributes: Vec<(String, String)>,
}

/// The query parameter that switches kiosk mode on. Its value, if any, names the config file.
pub const KIOSK_PARAM: &str = "kiosk";
/// The config file read when `?kiosk` names none.
pub const DEFAULT_KIOSK_FILE: &str = "kiosk.json";
/// The query parameter that switches embedding on (the loader, `embed.js`, sets it).
pub const EMBED_PARAM: &str = "embed";

impl Query {
    pub fn parse(query: &str) -> Self {
        let mut q = Query::default();
        for (key, value) in params(query) {
            match key.as_str() {
                KIOSK_PARAM => {
                    q.kiosk.get_or_insert_with(|| kiosk_file(&value));
                }
                "idle" => q.idle = value.parse().ok().or(q.idle),
                "countdown" => q.countdown = value.parse().ok().or(q.countdown),
                "attract" => q.attract = Some(value != "0" && value != "false"),
                "lang" => q.lang = Some(value),
                EMBED_PARAM => q.embed = true,
                "config" => q.config = Some(value),
                _ => q.attributes.push((key, value)),
            }
        }
        q
    }

    /// The value of the snippet's attribute `name`, if given.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A kiosk's config file: the plain file name `value` names, or the default one.
fn kiosk_file(value: &str) -> String {
    let is_plain_name = !value.is_empty()
        && value.ends_with(".json")
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !value.starts_with('.');
    if is_plain_name {
        value.to_owned()
    } else {
        DEFAULT_KIOSK_FILE.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_decoded() {
        assert_eq!(decode("The+Assoc%C3%A9%20%3Cb%3E"), "The Assocé <b>");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
    }

    #[test]
    fn parameters_with_and_without_values() {
        let q = Query::parse("?kiosk&idle=5&countdown=soon&attract=0");
        assert_eq!(q.kiosk.as_deref(), Some("kiosk.json"));
        assert_eq!(
            (q.idle, q.countdown, q.attract),
            (Some(5), None, Some(false))
        );
        assert!(!q.embed);
        let q =
            Query::parse("embed=1&config=https%3A%2F%2Fa.example%2Fc.json&brand=%23abc&lang=en");
        assert!(q.embed && q.kiosk.is_none());
        assert_eq!(q.config.as_deref(), Some("https://a.example/c.json"));
        assert_eq!(q.attribute("brand"), Some("#abc"));
        assert_eq!(q.lang.as_deref(), Some("en"));
    }

    #[test]
    fn kiosk_mode_is_switched_on_by_the_query() {
        assert_eq!(Query::parse("").kiosk, None);
        assert_eq!(Query::parse("?lang=en").kiosk, None);
        assert_eq!(
            Query::parse("?a=1&kiosk=fair-2026.json").kiosk.as_deref(),
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
                Query::parse(&format!("?kiosk={unsafe_value}"))
                    .kiosk
                    .as_deref(),
                Some("kiosk.json")
            );
        }
    }
}
