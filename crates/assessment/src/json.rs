//! How the core writes JSON: one function, so that every document is written the same way.

/// A document the core or a front end writes (an answers file, a result record, a message to a host
/// page) as indented JSON: the one way they are written.
///
/// Our types always serialise (string keys, no failing `Serialize`), so the error cannot happen;
/// it is not unwrapped with `expect`, whose message would format `serde_json::Error` with `Debug`
/// and compile the debug-escaping of strings into the web app for a case that never occurs.
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value)
        .unwrap_or_else(|_| unreachable!("the core's documents always serialise"))
}
