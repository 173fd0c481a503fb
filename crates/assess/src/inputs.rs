//! Where `assess cohort` and `assess flatten` read results from: many files, or one JSON Lines
//! file, imported by the core on every core, in batches so that memory stays bounded at any scale
//! and the results come out in input order.

use std::io::{BufRead, BufReader, Read};

use assessment::{import, Questionnaire, Refusal, ResultRecord, Unread, MAX_RESULT_BYTES};

/// How many results are read and imported at a time.
const BATCH: usize = 16_384;

/// Results to read: file paths, or one JSON Lines file (one result per line).
pub enum Source {
    Files(Vec<String>),
    Jsonl(String),
}

/// Options shared by the subcommands that read results.
pub struct Reading {
    pub source: Source,
    /// Threads to import with: every core unless `--threads` says otherwise.
    pub threads: usize,
    /// An association's config (`--config`): the results were made with its sections and weights.
    pub config: Option<String>,
}

impl Reading {
    /// Reads `--jsonl FILE`, `--config FILE`, `--threads N` and file paths from `args`; anything else goes to `other`,
    /// which returns whether it took the argument (and may take the next ones from the iterator).
    pub fn parse<'a>(
        args: &'a [String],
        usage: &str,
        mut other: impl FnMut(&'a str, &mut std::slice::Iter<'a, String>) -> Result<bool, String>,
    ) -> Result<(String, Self), String> {
        let mut files = Vec::new();
        let mut jsonl = None;
        let mut threads = None;
        let mut config = None;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--jsonl" => {
                    let file = args
                        .next()
                        .ok_or(format!("--jsonl needs a file\n{usage}"))?;
                    jsonl = Some(file.clone());
                }
                "--config" => {
                    let file = args.next().ok_or(format!(
                        "--config needs an association's config file\n{usage}"
                    ))?;
                    config = Some(file.clone());
                }
                "--threads" => {
                    let n = args
                        .next()
                        .ok_or(format!("--threads needs a number\n{usage}"))?;
                    threads = Some(
                        n.parse::<usize>()
                            .ok()
                            .filter(|n| *n > 0)
                            .ok_or(format!("--threads takes a whole number above 0, not {n}"))?,
                    );
                }
                a => {
                    if !other(a, &mut args)? {
                        if a.starts_with('-') {
                            return Err(format!("unknown option {a}\n{usage}"));
                        }
                        files.push(arg.clone());
                    }
                }
            }
        }
        let mut files = files.into_iter();
        let questionnaire = files
            .next()
            .ok_or(format!("give the questionnaire first\n{usage}"))?;
        let files: Vec<String> = files.collect();
        let source = match (jsonl, files.is_empty()) {
            (Some(jsonl), true) => Source::Jsonl(jsonl),
            (Some(_), false) => {
                return Err(format!(
                    "give result files or --jsonl FILE, not both\n{usage}"
                ))
            }
            (None, false) => Source::Files(files),
            (None, true) => return Err(format!("give result files or --jsonl FILE\n{usage}")),
        };
        let threads = threads.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        });
        Ok((
            questionnaire,
            Reading {
                source,
                threads,
                config,
            },
        ))
    }

    /// The questionnaire at `path`, with the association's sections and weights when its config
    /// was given: the results are imported, and answers files scored, as its members' were.
    pub fn questionnaire(&self, path: &str) -> Result<Questionnaire, String> {
        crate::load_with_config(path, self.config.as_deref())
    }

    /// Imports every input for `questionnaire` on `self.threads` threads. The inputs go in
    /// batches; each thread folds its contiguous part of a batch into a fresh state (`init`, then
    /// `fold` with each input's name and record or reason, in order), and `each` gets those states
    /// in input order. Fails only when the source itself cannot be read or `each` fails.
    pub fn run<S: Send>(
        &self,
        questionnaire: &Questionnaire,
        init: impl Fn() -> S + Sync,
        fold: impl Fn(&mut S, String, Result<ResultRecord, Refusal>) + Sync,
        mut each: impl FnMut(S) -> Result<(), String>,
    ) -> Result<(), String> {
        match &self.source {
            Source::Files(paths) => {
                for batch in paths.chunks(BATCH) {
                    let states = self.parallel(batch, &init, |state, path| {
                        fold(state, path.clone(), read_file(path, questionnaire))
                    });
                    states.into_iter().try_for_each(&mut each)?;
                }
            }
            Source::Jsonl(path) => {
                let file =
                    std::fs::File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
                let mut reader = BufReader::with_capacity(1 << 20, file);
                let mut line_no = 0usize;
                loop {
                    let mut lines = Vec::with_capacity(BATCH);
                    while lines.len() < BATCH {
                        let line = read_line(&mut reader, MAX_RESULT_BYTES)
                            .map_err(|e| format!("cannot read {path}: {e}"))?;
                        let Some(line) = line else { break };
                        line_no += 1;
                        // Blank lines (a trailing newline, a separator) are no results.
                        if !matches!(&line, Line::Read(l) if l.iter().all(u8::is_ascii_whitespace))
                        {
                            lines.push((line_no, line));
                        }
                    }
                    if lines.is_empty() {
                        break;
                    }
                    let states = self.parallel(&lines, &init, |state, (n, line)| {
                        let outcome = match line {
                            Line::TooLong => Err(Unread::TooLarge.into()),
                            Line::Read(line) => match std::str::from_utf8(line) {
                                Ok(text) => import(text, questionnaire).map_err(Refusal::from),
                                Err(_) => Err(Unread::NotUtf8.into()),
                            },
                        };
                        fold(state, format!("{path}:{n}"), outcome)
                    });
                    states.into_iter().try_for_each(&mut each)?;
                }
            }
        }
        Ok(())
    }

    /// `items` split into `self.threads` contiguous parts, each folded on its own thread into a
    /// state from `init`; the states in order.
    fn parallel<T: Sync, S: Send>(
        &self,
        items: &[T],
        init: &(impl Fn() -> S + Sync),
        fold: impl Fn(&mut S, &T) + Sync,
    ) -> Vec<S> {
        let part = items.len().div_ceil(self.threads).max(1);
        std::thread::scope(|s| {
            let handles: Vec<_> = items
                .chunks(part)
                .map(|chunk| {
                    let fold = &fold;
                    s.spawn(move || {
                        let mut state = init();
                        for item in chunk {
                            fold(&mut state, item);
                        }
                        state
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("an import thread panicked"))
                .collect()
        })
    }
}

/// One line of a JSON Lines file.
enum Line {
    Read(Vec<u8>),
    /// Over the limit: skipped to its end unkept, so memory stays bounded whatever its length.
    TooLong,
}

/// The next line of `reader` (without its newline), or `None` at the end of the file.
fn read_line(reader: &mut impl BufRead, max: u64) -> std::io::Result<Option<Line>> {
    let mut line = Vec::new();
    let mut too_long = false;
    let mut any = false;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        any = true;
        let (part, ends) = match buf.iter().position(|b| *b == b'\n') {
            Some(at) => (&buf[..at], true),
            None => (buf, false),
        };
        if !too_long {
            if (line.len() + part.len()) as u64 > max {
                too_long = true;
                line = Vec::new();
            } else {
                line.extend_from_slice(part);
            }
        }
        let used = part.len() + usize::from(ends);
        reader.consume(used);
        if ends {
            break;
        }
    }
    Ok(any.then_some(if too_long {
        Line::TooLong
    } else {
        Line::Read(line)
    }))
}

/// One result file, read and imported; refused with a reason a person can act on.
fn read_file(path: &str, questionnaire: &Questionnaire) -> Result<ResultRecord, Refusal> {
    let unreadable = |e: std::io::Error| Unread::Unreadable(Some(e.to_string()));
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut text = String::new();
    // One byte more than the limit tells a file at the limit from a larger one.
    file.take(MAX_RESULT_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::InvalidData => Unread::NotUtf8,
            _ => unreadable(e),
        })?;
    if text.len() as u64 > MAX_RESULT_BYTES {
        return Err(Unread::TooLarge.into());
    }
    Ok(import(&text, questionnaire)?)
}
