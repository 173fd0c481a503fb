//! The page's query string: the one place it is parsed. Kiosk mode, embedding and their settings
//! all arrive as URL parameters.

/// The query's parameters (with or without the leading `?`), percent-decoded; a key alone has
/// an empty value.
pub fn params(query: &str) -> Vec<(String, String)> {
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

/// The value of the first parameter named `key`, if there is one.
pub fn get(query: &str, key: &str) -> Option<String> {
    params(query)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
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
        assert_eq!(get("?kiosk&idle=5", "kiosk").as_deref(), Some(""));
        assert_eq!(get("kiosk&idle=5", "idle").as_deref(), Some("5"));
        assert_eq!(get("?embed=1", "kiosk"), None);
        assert_eq!(
            get("?config=https%3A%2F%2Fa.example%2Fc.json", "config").as_deref(),
            Some("https://a.example/c.json")
        );
    }
}
