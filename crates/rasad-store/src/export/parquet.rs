//! Parquet export of events, for Spark, DuckDB and Trino: one row per event, flat columns named
//! after the JSON Lines export's PLOVER fields (`location.name` becomes `location_name`; the actor
//! and recipient lists are `|`-joined ids). Written with the `parquet` crate's low-level column
//! writers only (no Arrow), uncompressed, in row groups of [`ROW_GROUP`] events.

use crate::{Error, Result, Store};
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use serde_json::Value;
use std::io::Write;
use std::sync::Arc;

/// Events per row group.
pub const ROW_GROUP: usize = 65_536;

#[derive(Clone, Copy)]
enum Kind {
    Str,
    F64,
    I64,
    /// A JSON array of strings, `|`-joined.
    List,
}

/// Column name, JSON pointer into the JSON Lines record, kind.
const COLUMNS: &[(&str, &str, Kind)] = &[
    ("id", "/id", Kind::Str),
    ("date", "/date", Kind::Str),
    ("event", "/event", Kind::Str),
    ("mode", "/mode", Kind::Str),
    ("context", "/context", Kind::Str),
    ("cameo", "/cameo", Kind::Str),
    ("status", "/status", Kind::Str),
    ("confidence", "/confidence", Kind::F64),
    ("actor", "/actor", Kind::List),
    ("recipient", "/recipient", Kind::List),
    ("location_id", "/location/id", Kind::Str),
    ("location_name", "/location/name", Kind::Str),
    ("location_name_ar", "/location/name_ar", Kind::Str),
    ("location_country", "/location/country", Kind::Str),
    ("location_lat", "/location/lat", Kind::F64),
    ("location_lon", "/location/lon", Kind::F64),
    ("location_geonames_id", "/location/geonames_id", Kind::I64),
    ("trigger", "/trigger", Kind::Str),
    ("sentence", "/sentence", Kind::I64),
    ("source_kind", "/source/kind", Kind::Str),
    ("source_text", "/source/text", Kind::Str),
    ("source_entity", "/source/entity", Kind::Str),
    ("document", "/document", Kind::Str),
    ("url", "/url", Kind::Str),
    ("story_date", "/story_date", Kind::Str),
    ("publisher", "/publisher", Kind::Str),
    ("story", "/story", Kind::Str),
    ("outlets", "/outlets", Kind::I64),
];

/// The Parquet schema of the export (every column optional).
pub fn schema() -> String {
    let mut s = String::from("message event {\n");
    for (name, _, kind) in COLUMNS {
        let ty = match kind {
            Kind::Str | Kind::List => "BYTE_ARRAY",
            Kind::F64 => "DOUBLE",
            Kind::I64 => "INT64",
        };
        let ann = if matches!(kind, Kind::Str | Kind::List) {
            " (UTF8)"
        } else {
            ""
        };
        s.push_str(&format!("  OPTIONAL {ty} {name}{ann};\n"));
    }
    s.push('}');
    s
}

fn perr(e: parquet::errors::ParquetError) -> Error {
    Error::Io(std::io::Error::other(e))
}

/// One column's values of a row group, with definition levels (0 = null).
enum Buf {
    Str(Vec<ByteArray>),
    F64(Vec<f64>),
    I64(Vec<i64>),
}

struct Group {
    bufs: Vec<Buf>,
    defs: Vec<Vec<i16>>,
    rows: usize,
}

impl Group {
    fn new() -> Group {
        Group {
            bufs: COLUMNS
                .iter()
                .map(|(_, _, k)| match k {
                    Kind::Str | Kind::List => Buf::Str(Vec::new()),
                    Kind::F64 => Buf::F64(Vec::new()),
                    Kind::I64 => Buf::I64(Vec::new()),
                })
                .collect(),
            defs: vec![Vec::new(); COLUMNS.len()],
            rows: 0,
        }
    }

    fn push(&mut self, e: &Value) {
        for (i, (_, ptr, kind)) in COLUMNS.iter().enumerate() {
            let v = e.pointer(ptr).filter(|v| !v.is_null());
            let def = match (&mut self.bufs[i], kind, v) {
                (Buf::Str(b), Kind::List, Some(Value::Array(a))) => {
                    let s: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
                    b.push(ByteArray::from(s.join("|").into_bytes()));
                    1
                }
                (Buf::Str(b), Kind::Str, Some(v)) => {
                    let s = v.as_str().map_or_else(|| v.to_string(), str::to_string);
                    b.push(ByteArray::from(s.into_bytes()));
                    1
                }
                (Buf::F64(b), _, Some(v)) if v.as_f64().is_some() => {
                    b.push(v.as_f64().unwrap_or_default());
                    1
                }
                (Buf::I64(b), _, Some(v)) if v.as_i64().is_some() => {
                    b.push(v.as_i64().unwrap_or_default());
                    1
                }
                _ => 0,
            };
            self.defs[i].push(def);
        }
        self.rows += 1;
    }

    fn write<W: Write + Send>(self, w: &mut SerializedFileWriter<W>) -> Result<()> {
        let mut rg = w.next_row_group().map_err(perr)?;
        for (buf, defs) in self.bufs.iter().zip(&self.defs) {
            let mut col = rg
                .next_column()
                .map_err(perr)?
                .ok_or_else(|| perr(parquet::errors::ParquetError::General("columns".into())))?;
            match buf {
                Buf::Str(v) => col
                    .typed::<ByteArrayType>()
                    .write_batch(v, Some(defs), None),
                Buf::F64(v) => col.typed::<DoubleType>().write_batch(v, Some(defs), None),
                Buf::I64(v) => col.typed::<Int64Type>().write_batch(v, Some(defs), None),
            }
            .map_err(perr)?;
            col.close().map_err(perr)?;
        }
        rg.close().map_err(perr)?;
        Ok(())
    }
}

impl Store {
    /// Write every event as Parquet to `out`, in id order; returns the number of events.
    pub fn export_parquet<W: Write + Send>(&self, out: W) -> Result<usize> {
        let schema = Arc::new(parse_message_type(&schema()).map_err(perr)?);
        let props = Arc::new(
            WriterProperties::builder()
                .set_created_by(format!("rasad {}", env!("CARGO_PKG_VERSION")))
                .build(),
        );
        let mut w = SerializedFileWriter::new(out, schema, props).map_err(perr)?;
        let mut group = Group::new();
        let mut failed: Option<Error> = None;
        let n = self.plover_events(&mut |e| {
            group.push(&e);
            if group.rows >= ROW_GROUP {
                let full = std::mem::replace(&mut group, Group::new());
                if let Err(e) = full.write(&mut w) {
                    failed = Some(e);
                }
            }
            Ok(())
        })?;
        if let Some(e) = failed {
            return Err(e);
        }
        if group.rows > 0 {
            group.write(&mut w)?;
        }
        // the footer, then flush: a buffered writer's error must not be lost on drop
        w.into_inner().map_err(perr)?.flush()?;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::RowAccessor;

    #[test]
    fn parquet_reads_back_with_the_parquet_reader() {
        let s = super::super::gexf::tests::store();
        let path = std::env::temp_dir().join(format!("rasad-pq-{}.parquet", std::process::id()));
        let f = std::fs::File::create(&path).unwrap();
        assert_eq!(s.export_parquet(f).unwrap(), 3);
        let r = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        let meta = r.metadata().file_metadata();
        assert_eq!(meta.num_rows(), 3);
        let fields: Vec<String> = meta
            .schema_descr()
            .columns()
            .iter()
            .map(|c| c.name().to_string())
            .collect();
        assert_eq!(fields.len(), super::COLUMNS.len());
        let col = |n: &str| fields.iter().position(|f| f == n).unwrap();
        let rows: Vec<_> = r.get_row_iter(None).unwrap().map(|r| r.unwrap()).collect();
        let mut ids: Vec<String> = rows
            .iter()
            .map(|r| r.get_string(col("id")).unwrap().clone())
            .collect();
        ids.sort();
        let mut want: Vec<String> = ["e1", "e2", "e3"]
            .iter()
            .map(|l| crate::event_id("doc-x", l))
            .collect();
        want.sort();
        assert_eq!(ids, want);
        let r0 = &rows[0];
        assert!(["ASSAULT", "AGREE"].contains(&r0.get_string(col("event")).unwrap().as_str()));
        assert_eq!(r0.get_string(col("location_id")).unwrap(), "yemen/aden");
        assert_eq!(r0.get_double(col("location_lat")).unwrap(), 12.78);
        assert_eq!(r0.get_long(col("location_geonames_id")).unwrap(), 415189);
        assert_eq!(r0.get_double(col("confidence")).unwrap(), 0.75);
        assert_eq!(r0.get_long(col("outlets")).unwrap(), 1);
        // a null stays null
        assert!(r0.get_string(col("mode")).is_err());
        let _ = std::fs::remove_file(&path);
    }
}
