//! What every test of the `assess` binary needs: running it from the repository's root as a user
//! does, and reading what it printed. Each test file uses what it needs of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The shipped questionnaire, from the repository's root.
pub const Q: &str = "questionnaire/digital-trade.json";

/// The repository's root, where the binary runs (the paths in tests are relative to it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn assess(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_assess"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("run assess")
}

/// `count` answers files from `assess generate` with `seed`, written into `dir`: their paths, sorted.
pub fn generate(dir: &Path, count: usize, seed: u32) -> Vec<PathBuf> {
    let out = assess(&[
        "generate",
        Q,
        "--count",
        &count.to_string(),
        "--seed",
        &seed.to_string(),
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The first fenced block of `lang` after `marker` in a Markdown text.
pub fn fenced_after(doc: &str, marker: &str, lang: &str) -> String {
    let after = &doc[doc.find(marker).expect("marker in the doc")..];
    let start = after.find(&format!("```{lang}\n")).expect("fenced block") + lang.len() + 4;
    let end = start + after[start..].find("\n```").expect("closing fence");
    after[start..end].to_owned()
}

/// The Python of `target/duckdb-venv`, where `scripts/setup` installs DuckDB, pyarrow, polars and
/// jsonschema.
pub fn venv_python() -> PathBuf {
    let python = root().join("target/duckdb-venv/bin/python");
    assert!(
        python.exists(),
        "the Python packages of the tests are not installed: scripts/setup installs them into \
         target/duckdb-venv"
    );
    python
}

/// A fresh directory of one test under the system's temporary folder, removed when the test ends
/// (also when it fails), so that runs leave nothing behind: the suite writes files of hundreds of
/// megabytes, and a machine that runs it often would fill its disk.
pub struct Scratch(PathBuf);

/// A directory named after the test, unique within the run and across runs of other processes.
pub fn scratch(name: &str) -> Scratch {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("assess-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
