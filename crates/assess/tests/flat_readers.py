"""Reads `assess flatten`'s Parquet with three independent readers (DuckDB, pyarrow, polars) and its
CSV with the read calls docs/cohort.md gives (DuckDB, polars), for crates/assess/tests/flat_readers.rs.
Prints one JSON object: per reader, each column's type and the rows (dates as YYYY-MM-DD), the
Parquet's row groups and key-value metadata.

    python flat_readers.py DIR   (DIR holds results.parquet, results.csv, read_csv.sql, read_csv.py)
"""

import datetime
import json
import os
import sys

import duckdb
import polars as pl
import pyarrow.parquet as pq


def value(v):
    if isinstance(v, datetime.date):
        return v.isoformat()
    return v


def rows(tuples):
    return [[value(v) for v in row] for row in tuples]


def from_duckdb(sql):
    relation = duckdb.sql(sql)
    return {
        "types": [[c, str(t)] for c, t in zip(relation.columns, relation.types)],
        "rows": rows(relation.fetchall()),
    }


def from_polars(frame):
    return {
        "types": [[c, str(t)] for c, t in frame.schema.items()],
        "rows": rows(frame.rows()),
    }


def main(directory):
    os.chdir(directory)
    out = {}
    parquet = pq.ParquetFile("results.parquet")
    table = parquet.read()
    out["row_groups"] = [
        parquet.metadata.row_group(i).num_rows for i in range(parquet.metadata.num_row_groups)
    ]
    out["metadata"] = {
        k.decode(): v.decode() for k, v in (parquet.schema_arrow.metadata or {}).items()
    }
    out["parquet"] = {
        "duckdb": from_duckdb("SELECT * FROM 'results.parquet'"),
        "pyarrow": {
            "types": [[f.name, str(f.type)] for f in table.schema],
            "rows": rows(tuple(r.values()) for r in table.to_pylist()),
        },
        "polars": from_polars(pl.read_parquet("results.parquet")),
    }
    with open("read_csv.sql", encoding="utf-8") as f:
        duckdb_csv = f.read().strip().rstrip(";")
    scope = {}
    with open("read_csv.py", encoding="utf-8") as f:
        exec(f.read(), scope)
    out["csv"] = {
        "duckdb": from_duckdb(duckdb_csv),
        "polars": from_polars(scope["results"]),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
