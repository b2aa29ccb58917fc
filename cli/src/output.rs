//! Writing records as JSON lines, CSV or an aligned table.
//!
//! Every command produces records as JSON objects; the formats differ only in how they are
//! printed. CSV and table flatten nested objects into dotted columns (`district.name`) and
//! lists of problems into their codes joined by `;`.

use std::io::{self, Write};

use serde_json::{Map, Value};

/// Output format of record-producing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line (the stable contract for scripts).
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
    /// Aligned columns for people (buffers all rows to size the columns).
    Table,
}

impl Format {
    /// The format asked for, or table on a terminal and JSON lines otherwise.
    pub fn resolve(asked: Option<Format>) -> Format {
        use std::io::IsTerminal;
        asked.unwrap_or(if io::stdout().is_terminal() {
            Format::Table
        } else {
            Format::Jsonl
        })
    }
}

/// Writes records in one format. `columns` are the (dotted) columns for CSV and table.
pub struct RecordWriter<W: Write> {
    out: W,
    format: Format,
    columns: Vec<String>,
    wrote_header: bool,
    table_rows: Vec<Vec<String>>,
}

impl<W: Write> RecordWriter<W> {
    /// A writer with the columns to show in CSV and table formats.
    pub fn new(out: W, format: Format, columns: &[&str]) -> RecordWriter<W> {
        RecordWriter {
            out,
            format,
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            wrote_header: false,
            table_rows: Vec::new(),
        }
    }

    /// Writes (or, for a table, buffers) one record.
    pub fn write(&mut self, record: &Map<String, Value>) -> io::Result<()> {
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, record)?;
                self.out.write_all(b"\n")
            }
            Format::Csv => {
                if !self.wrote_header {
                    let header: Vec<String> = self.columns.iter().map(|c| csv_field(c)).collect();
                    writeln!(self.out, "{}", header.join(","))?;
                    self.wrote_header = true;
                }
                let row: Vec<String> = self.cells(record).iter().map(|c| csv_field(c)).collect();
                writeln!(self.out, "{}", row.join(","))
            }
            Format::Table => {
                let row = self.cells(record);
                self.table_rows.push(row);
                Ok(())
            }
        }
    }

    /// Prints a buffered table and flushes.
    pub fn finish(mut self) -> io::Result<()> {
        if self.format == Format::Table {
            let mut widths: Vec<usize> = self.columns.iter().map(|c| c.chars().count()).collect();
            for row in &self.table_rows {
                for (width, cell) in widths.iter_mut().zip(row) {
                    *width = (*width).max(cell.chars().count());
                }
            }
            let line = |cells: &[String]| -> String {
                let padded: Vec<String> = cells
                    .iter()
                    .zip(&widths)
                    .map(|(cell, width)| format!("{cell:<width$}"))
                    .collect();
                padded.join("  ").trim_end().to_owned()
            };
            writeln!(self.out, "{}", line(&self.columns))?;
            for row in &self.table_rows {
                writeln!(self.out, "{}", line(row))?;
            }
        }
        self.out.flush()
    }

    fn cells(&self, record: &Map<String, Value>) -> Vec<String> {
        self.columns
            .iter()
            .map(|column| cell(lookup(record, column)))
            .collect()
    }
}

/// Follows a dotted path into nested objects.
fn lookup<'a>(record: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
    let mut parts = path.split('.');
    let mut value = record.get(parts.next()?)?;
    for part in parts {
        value = value.as_object()?.get(part)?;
    }
    Some(value)
}

/// A value as one cell: strings bare, null empty, lists of problems as their codes.
fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| match item.get("code") {
                Some(code) => cell(Some(code)),
                None => cell(Some(item)),
            })
            .collect::<Vec<_>>()
            .join(";"),
        Some(Value::Object(object)) => match object.get("code") {
            Some(code) => cell(Some(code)),
            None => Value::Object(object.clone()).to_string(),
        },
        Some(other) => other.to_string(),
    }
}

/// RFC 4180 quoting where needed; a leading `=`, `+`, `-` or `@` is prefixed with `'` so that a
/// spreadsheet does not run an input as a formula.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn csv_flattens_and_quotes() {
        let mut out = Vec::new();
        let mut writer = RecordWriter::new(
            &mut out,
            Format::Csv,
            &["input", "district.name", "warnings"],
        );
        writer
            .write(&record(json!({"input": "a,b", "district": {"name": "Sreseh"}, "warnings": [{"code": "X"}, {"code": "Y"}]})))
            .unwrap();
        writer
            .write(&record(
                json!({"input": "=1+1", "district": null, "warnings": []}),
            ))
            .unwrap();
        writer.finish().unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "input,district.name,warnings\n\"a,b\",Sreseh,X;Y\n'=1+1,,\n"
        );
    }

    #[test]
    fn table_aligns_columns() {
        let mut out = Vec::new();
        let mut writer = RecordWriter::new(&mut out, Format::Table, &["a", "b"]);
        writer
            .write(&record(json!({"a": "long value", "b": 1})))
            .unwrap();
        writer.finish().unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a           b\nlong value  1\n"
        );
    }
}
