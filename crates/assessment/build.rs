//! Embeds the shipped questionnaire (`BUILTIN_QUESTIONNAIRE`, for the CLI and the native tests)
//! without its indentation: the file stays readable for the people who edit it, and the binaries
//! do not carry ~25 KB of spaces and newlines. Only whitespace outside strings is dropped, so the
//! JSON is otherwise the very same text, its keys in the same order. The web app does not embed
//! it: it loads the files of `questionnaire/split/`, in one language first.

use std::path::Path;
use std::{env, fs};

const SOURCE: &str = "../../questionnaire/digital-trade.json";

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    let json = fs::read_to_string(SOURCE).expect("the shipped questionnaire is readable");
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("digital-trade.json");
    fs::write(out, minify(&json)).expect("OUT_DIR is writable");
}

/// `json` without the whitespace between its tokens.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}
