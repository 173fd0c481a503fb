//! Every path ARCHITECTURE.md names exists, so that the map cannot point at a file that moved.
//!
//! The rule, which the document follows:
//! - A path is the text of an inline code span (between backticks) that has no white space, is
//!   made only of letters, digits and `_ . - / *`, and either holds a `/` or ends in a file
//!   extension of this repository (`.rs`, `.json`, `.md`, …); or the target of a link
//!   `[text](target)` that is not a web address or an anchor.
//! - It is read from the repository's root; under a `###` heading whose first code span names a
//!   folder (ends with `/`), it may also be read from that folder (`model.rs` under
//!   `crates/assessment/src/`). A `*` in its last part matches any text, and at least one file
//!   must match.
//! - Paths under `dist/` and `target/` are what a build writes, not files of the repository, and
//!   are not checked. Code blocks (between fences) are pictures, not names, and are not read.
//! - A code span may not break across lines: a line with an odd number of backticks fails, since
//!   the path in it could not be read whole.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// The file extensions of this repository, by which a name without a `/` reads as a path.
const EXTENSIONS: &str =
    "rs json md toml mjs js css html py txt conf lock sh yml yaml svg png webmanifest";

/// Each path `doc` names that does not exist under `root`, as "line N: `path`".
fn missing_paths(doc: &str, root: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    let mut folder: Option<String> = None;
    let mut fenced = false;
    for (n, line) in doc.lines().enumerate() {
        let n = n + 1;
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        if line.matches('`').count() % 2 == 1 {
            missing.push(format!("line {n}: a code span breaks across lines"));
            continue;
        }
        let spans: Vec<&str> = line.split('`').skip(1).step_by(2).collect();
        if line.starts_with("## ") || line.starts_with("# ") {
            folder = None;
        } else if line.starts_with("### ") {
            folder = spans
                .first()
                .filter(|s| s.ends_with('/'))
                .map(|s| s.to_string());
        }
        let links = line
            .split("](")
            .skip(1)
            .filter_map(|rest| rest.split(')').next())
            .filter(|t| !t.contains("://") && !t.starts_with('#') && !t.starts_with("mailto:"))
            .map(|t| t.split('#').next().unwrap_or(t));
        let named = spans.into_iter().filter(|s| is_path(s)).chain(links);
        for path in named {
            if path.starts_with("dist/") || path.starts_with("target/") {
                continue;
            }
            let found = folder
                .iter()
                .map(|f| root.join(f))
                .chain([root.to_path_buf()])
                .any(|base| exists(&base, path));
            if !found {
                missing.push(format!("line {n}: `{path}`"));
            }
        }
    }
    missing
}

fn is_path(span: &str) -> bool {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "_.-/*".contains(c);
    if span.is_empty() || !span.chars().all(allowed) {
        return false;
    }
    let extension = span.rsplit_once('.').map(|(_, e)| e);
    span.contains('/') || extension.is_some_and(|e| EXTENSIONS.split(' ').any(|known| known == e))
}

/// Whether `path` names a file or folder under `base`; a `*` in its last part matches any text.
fn exists(base: &Path, path: &str) -> bool {
    let (parent, last) = match path.trim_end_matches('/').rsplit_once('/') {
        Some((parent, last)) => (base.join(parent), last),
        None => (base.to_path_buf(), path.trim_end_matches('/')),
    };
    let Some((before, after)) = last.split_once('*') else {
        return base.join(path).exists();
    };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return false;
    };
    entries.flatten().any(|entry| {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        name.len() >= before.len() + after.len()
            && name.starts_with(before)
            && name.ends_with(after)
    })
}

#[test]
fn every_path_the_architecture_names_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let missing = missing_paths(&doc, root);
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names paths that do not exist (the rule is at the top of \
         tests/architecture.rs):\n{}",
        missing.join("\n")
    );
}

/// The check reads paths where the document writes them, and a wrong one fails it.
#[test]
fn the_rule_finds_wrong_paths_and_only_paths() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = "\
# Map
`src/lib.rs`, `Cargo.toml`, `src/nowhere.rs`, [a guide](docs/kiosk.md), [gone](docs/gone.md#top)
`Questionnaire::load`, `--lang`, `#report`, `dist/sw.js`, `exporter-assessment/result@1`, [web](https://example.org/x.md)
### `crates/assessment/src/` — the core
`model.rs`, `missing.rs`, `docs/cohort.md`, `*.rs`, `nothing*.rs`
```
`inside/a/fence.rs`
```
## Next
`model.rs`
a `broken
span`
";
    assert_eq!(
        missing_paths(doc, root),
        [
            "line 2: `src/nowhere.rs`",
            "line 2: `docs/gone.md`",
            "line 5: `missing.rs`",
            "line 5: `nothing*.rs`",
            "line 10: `model.rs`",
            "line 11: a code span breaks across lines",
            "line 12: a code span breaks across lines",
        ]
    );
}

/// The document names enough paths that the check means something.
#[test]
fn the_architecture_names_the_repository_by_its_paths() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let named = doc
        .lines()
        .flat_map(|line| line.split('`').skip(1).step_by(2))
        .filter(|s| is_path(s))
        .count();
    assert!(named >= 50, "ARCHITECTURE.md names only {named} paths");
}
