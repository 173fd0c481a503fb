//! `assess flatten QUESTIONNAIRE FILES… | --jsonl FILE --out results.csv|results.parquet`: one row
//! per counted result (coarse profile and scores, no file name: a name can identify a member), for
//! DuckDB, Spark or any engine an association already runs. The columns are in `docs/cohort.md`.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::sync::Arc;

use assessment::cohort::{csv_cell, PathKey};
use assessment::result_record::{PathStatus, TOP_RECOMMENDATIONS};
use assessment::{Date, Grouping, LangTag, Questionnaire, Refusals, Refused, ResultRecord};
use parquet::basic::{LogicalType, Repetition, Type as Physical};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;

use crate::inputs::Reading;

pub const USAGE: &str = "\
usage:
  assess flatten QUESTIONNAIRE.json RESULT.json… --out results.csv|results.parquet [--config ASSOCIATION.json] [--threads N]
  assess flatten QUESTIONNAIRE.json --jsonl RESULTS.jsonl --out results.csv|results.parquet [--config ASSOCIATION.json] [--threads N]
Writes one row per result (coarse profile and scores); inputs that cannot be read are listed.
With --config, the association's sections and weights (only those fields of its embed config
matter here) are applied: answers files are scored, and records checked, as its members' were.";

/// Rows per Parquet row group, as `docs/cohort.md` says: whatever the threads and batches of
/// the reading, groups are cut at this many rows.
pub const ROWS_PER_GROUP: usize = 16_384;

/// What a column holds.
#[derive(Clone, Copy)]
enum Kind {
    Text { required: bool },
    Bool { required: bool },
    Number,
    Date,
}

/// One cell of a row.
enum Cell {
    Text(Option<String>),
    Bool(Option<bool>),
    Number(Option<f64>),
    Date(Option<Date>),
}

/// The columns for a questionnaire: its dimensions and critical items name some of them.
struct Columns {
    names: Vec<(String, Kind)>,
}

impl Columns {
    fn new(q: &Questionnaire) -> Self {
        let text = Kind::Text { required: false };
        let mut names = vec![
            ("questionnaire".to_owned(), Kind::Text { required: true }),
            ("version".to_owned(), Kind::Text { required: true }),
            ("date".to_owned(), Kind::Date),
        ];
        names.extend(Grouping::ALL.iter().map(|g| (g.name().to_owned(), text)));
        names.push(("complete".to_owned(), Kind::Bool { required: true }));
        names.push(("overall".to_owned(), Kind::Number));
        for d in &q.doc().dimensions {
            names.push((format!("score_{}", d.id), Kind::Number));
        }
        names.push(("stage".to_owned(), text));
        names.push(("bottleneck".to_owned(), text));
        names.push(("export_path".to_owned(), Kind::Text { required: true }));
        // Null where the item was not asked (or a record without answers cannot tell).
        for (_, item) in q.items().filter(|(_, i)| i.critical.is_some()) {
            names.push((format!("gap_{}", item.id), Kind::Bool { required: false }));
        }
        for i in 1..=TOP_RECOMMENDATIONS {
            names.push((format!("rec{i}_item"), text));
            names.push((format!("rec{i}_countermeasure"), text));
        }
        Columns { names }
    }

    fn row(&self, q: &Questionnaire, r: &ResultRecord) -> Vec<Cell> {
        let text = |s: Option<&dyn std::fmt::Display>| Cell::Text(s.map(|s| s.to_string()));
        let mut row = vec![
            Cell::Text(Some(r.questionnaire.id.clone())),
            Cell::Text(Some(r.questionnaire.version.clone())),
            Cell::Date(r.date),
        ];
        for g in Grouping::ALL {
            row.push(text(r.profile.get(g).map(|c| c as _)));
        }
        row.push(Cell::Bool(Some(r.complete)));
        row.push(Cell::Number(r.overall.map(|s| s.points())));
        for d in &r.dimensions {
            row.push(Cell::Number(d.score.map(|s| s.points())));
        }
        row.push(text(r.stage.as_ref().map(|s| s as _)));
        row.push(text(r.bottleneck.as_ref().map(|s| s as _)));
        // As the cohort's CSV names it, so that a query groups by the same keys.
        let path = match &r.export_path {
            PathStatus::Decided { outcome } => PathKey::Outcome(outcome.clone()),
            PathStatus::Pending => PathKey::Pending,
            PathStatus::Uncovered => PathKey::Uncovered,
        };
        row.push(Cell::Text(Some(path.to_string())));
        for (_, gap) in r.gaps(q) {
            row.push(Cell::Bool(gap));
        }
        for i in 0..TOP_RECOMMENDATIONS {
            let rec = r.top_recommendations.get(i);
            row.push(text(rec.map(|x| &x.item as _)));
            row.push(text(rec.map(|x| &x.countermeasure as _)));
        }
        row
    }
}

fn repetition(required: bool) -> Repetition {
    if required {
        Repetition::REQUIRED
    } else {
        Repetition::OPTIONAL
    }
}

/// Where rows go.
enum Sink {
    Csv(BufWriter<File>),
    Parquet(SerializedFileWriter<File>, Vec<Kind>),
}

impl Sink {
    fn open(path: &str, csv: bool, columns: &Columns, q: &Questionnaire) -> Result<Self, String> {
        let file = File::create(path).map_err(|e| format!("cannot write {path}: {e}"))?;
        if csv {
            let mut out = BufWriter::new(file);
            let header: Vec<String> = columns.names.iter().map(|(n, _)| csv_cell(n)).collect();
            writeln!(out, "{}", header.join(","))
                .map_err(|e| format!("cannot write {path}: {e}"))?;
            return Ok(Sink::Csv(out));
        }
        let fields = columns
            .names
            .iter()
            .map(|(name, kind)| {
                let (physical, logical, repetition) = match kind {
                    Kind::Text { required } => (
                        Physical::BYTE_ARRAY,
                        Some(LogicalType::String),
                        repetition(*required),
                    ),
                    Kind::Bool { required } => (Physical::BOOLEAN, None, repetition(*required)),
                    Kind::Number => (Physical::DOUBLE, None, Repetition::OPTIONAL),
                    Kind::Date => (
                        Physical::INT32,
                        Some(LogicalType::Date),
                        Repetition::OPTIONAL,
                    ),
                };
                Type::primitive_type_builder(name, physical)
                    .with_repetition(repetition)
                    .with_logical_type(logical)
                    .build()
                    .map(Arc::new)
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| format!("cannot make the Parquet schema: {e}"))?;
        let schema = Type::group_type_builder("result")
            .with_fields(fields)
            .build()
            .map_err(|e| format!("cannot make the Parquet schema: {e}"))?;
        // Which questionnaire the rows are of, under what config, and what wrote them: a file
        // found later says what it holds.
        let reference = q.reference();
        let mut metadata = vec![
            KeyValue::new("exporter-assessment.questionnaire".to_owned(), reference.id),
            KeyValue::new(
                "exporter-assessment.questionnaire_version".to_owned(),
                reference.version,
            ),
            KeyValue::new(
                "exporter-assessment.tool".to_owned(),
                format!("assess {}", env!("CARGO_PKG_VERSION")),
            ),
        ];
        if !q.customisation().is_empty() {
            metadata.push(KeyValue::new(
                "exporter-assessment.customisation".to_owned(),
                q.customisation().describe(false),
            ));
        }
        let properties = WriterProperties::builder()
            .set_key_value_metadata(Some(metadata))
            .set_max_row_group_size(ROWS_PER_GROUP)
            .build();
        let writer = SerializedFileWriter::new(file, Arc::new(schema), Arc::new(properties))
            .map_err(|e| format!("cannot write {path}: {e}"))?;
        let kinds = columns.names.iter().map(|(_, k)| *k).collect();
        Ok(Sink::Parquet(writer, kinds))
    }

    fn write(&mut self, rows: &[Vec<Cell>]) -> Result<(), String> {
        match self {
            Sink::Csv(out) => {
                for row in rows {
                    let cells: Vec<String> = row
                        .iter()
                        .map(|c| match c {
                            Cell::Text(t) => t.as_deref().map_or(String::new(), csv_cell),
                            Cell::Bool(b) => b.map_or(String::new(), |b| b.to_string()),
                            Cell::Number(n) => n.map_or(String::new(), |n| n.to_string()),
                            Cell::Date(d) => d.map_or(String::new(), |d| d.to_string()),
                        })
                        .collect();
                    writeln!(out, "{}", cells.join(",")).map_err(|e| e.to_string())?;
                }
                Ok(())
            }
            Sink::Parquet(writer, kinds) => {
                write_row_group(writer, rows, kinds).map_err(|e| e.to_string())
            }
        }
    }

    fn finish(self) -> Result<(), String> {
        match self {
            Sink::Csv(mut out) => out.flush().map_err(|e| e.to_string()),
            Sink::Parquet(writer, _) => writer.close().map(|_| ()).map_err(|e| e.to_string()),
        }
    }
}

/// One batch of rows as one Parquet row group, column by column.
fn write_row_group(
    writer: &mut SerializedFileWriter<File>,
    rows: &[Vec<Cell>],
    kinds: &[Kind],
) -> parquet::errors::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut group = writer.next_row_group()?;
    let mut index = 0;
    while let Some(mut column) = group.next_column()? {
        let cells = rows.iter().map(|r| &r[index]);
        // Definition levels: 1 where an optional value is present, 0 where it is null.
        let mut defs: Vec<i16> = Vec::with_capacity(rows.len());
        match &rows[0][index] {
            Cell::Text(_) => {
                let mut values = Vec::new();
                for c in cells {
                    if let Cell::Text(t) = c {
                        defs.push(i16::from(t.is_some()));
                        values.extend(t.as_deref().map(ByteArray::from));
                    }
                }
                let required = matches!(kinds[index], Kind::Text { required: true });
                column.typed::<ByteArrayType>().write_batch(
                    &values,
                    (!required).then_some(&defs[..]),
                    None,
                )?;
            }
            Cell::Bool(_) => {
                let mut values = Vec::new();
                for c in cells {
                    if let Cell::Bool(b) = c {
                        defs.push(i16::from(b.is_some()));
                        values.extend(*b);
                    }
                }
                let required = matches!(kinds[index], Kind::Bool { required: true });
                column.typed::<BoolType>().write_batch(
                    &values,
                    (!required).then_some(&defs[..]),
                    None,
                )?;
            }
            Cell::Number(_) => {
                let mut values = Vec::new();
                for c in cells {
                    if let Cell::Number(n) = c {
                        defs.push(i16::from(n.is_some()));
                        values.extend(*n);
                    }
                }
                column
                    .typed::<DoubleType>()
                    .write_batch(&values, Some(&defs), None)?;
            }
            Cell::Date(_) => {
                let mut values = Vec::new();
                for c in cells {
                    if let Cell::Date(d) = c {
                        defs.push(i16::from(d.is_some()));
                        // Years 1–9999 are within ±3 million days of 1970: always an i32.
                        values.extend(d.map(|d| d.days_since_1970() as i32));
                    }
                }
                column
                    .typed::<Int32Type>()
                    .write_batch(&values, Some(&defs), None)?;
            }
        }
        column.close()?;
        index += 1;
    }
    group.close()?;
    Ok(())
}

pub fn run(args: &[String]) -> Result<String, String> {
    let mut out = None;
    let (qpath, reading) = Reading::parse(args, USAGE, |arg, rest| {
        if arg == "--out" {
            let path = rest.next().ok_or(format!("--out needs a file\n{USAGE}"))?;
            out = Some(path.clone());
            return Ok(true);
        }
        Ok(false)
    })?;
    let out = out.ok_or(format!(
        "give --out results.csv or --out results.parquet\n{USAGE}"
    ))?;
    let lower = out.to_ascii_lowercase();
    if !(lower.ends_with(".csv") || lower.ends_with(".parquet")) {
        return Err(format!(
            "--out {out}: the file's name must end in .csv or .parquet, which says its format"
        ));
    }
    let q = reading.questionnaire(&qpath)?;
    let columns = Columns::new(&q);
    // Written beside the destination, then renamed: a failed run leaves no half-written file.
    let partial = format!("{out}.partial");
    let mut sink = Sink::open(&partial, lower.ends_with(".csv"), &columns, &q)?;
    // Rows wait here until a row group's worth is in: each thread's part of a batch is smaller.
    let mut pending: Vec<Vec<Cell>> = Vec::new();
    let mut written = 0u64;
    let mut refused = Refusals::default();
    let result = reading.run(
        &q,
        || (Vec::new(), Refusals::default()),
        |(rows, refused), name, outcome| match outcome {
            Ok(record) => rows.push(columns.row(&q, &record)),
            Err(reason) => refused.push(Refused { name, reason }),
        },
        |(rows, refused_here)| {
            refused.append(refused_here);
            written += rows.len() as u64;
            pending.extend(rows);
            while pending.len() >= ROWS_PER_GROUP {
                let rest = pending.split_off(ROWS_PER_GROUP);
                sink.write(&pending)
                    .map_err(|e| format!("cannot write {out}: {e}"))?;
                pending = rest;
            }
            Ok(())
        },
    );
    let finished = result
        .and_then(|()| {
            sink.write(&pending)
                .map_err(|e| format!("cannot write {out}: {e}"))
        })
        .and_then(|()| {
            sink.finish()
                .map_err(|e| format!("cannot write {out}: {e}"))
        });
    // The first inputs not counted, then how many more: a short note whatever the inputs.
    for r in refused.listed() {
        eprintln!("assess: not counted: {}: {}", r.name, r.reason);
    }
    if let Some(more) = refused.more(&LangTag::from("en")) {
        eprintln!("assess: not counted: {more}");
    }
    if let Err(e) = finished {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, &out).map_err(|e| format!("cannot write {out}: {e}"))?;
    Ok(format!(
        "{out}: {written} row(s) written; {} input(s) not counted\n",
        refused.total()
    ))
}
