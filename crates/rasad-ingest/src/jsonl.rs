//! The JSON Lines reader: one article a line, `{"id", "text", "title"?, "published"?, "url"?,
//! "outlet"?}`.
//!
//! A line that is not such an object becomes a [`RecordError`] naming its line number (and its id
//! when one can be read); the lines after it are read as usual. Blank lines are skipped.

use crate::plain::read_plain;
use crate::{Article, IngestError, Origin};
use serde_json::Value;

/// A record that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// 1-based line number in the input.
    pub line: usize,
    /// The record's id, when it could be read.
    pub id: Option<String>,
    /// What is wrong with it.
    pub reason: String,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.id {
            Some(id) => write!(f, "line {} (id {id}): {}", self.line, self.reason),
            None => write!(f, "line {}: {}", self.line, self.reason),
        }
    }
}

/// Read one JSON Lines record (the text of one line, without its line end).
pub fn read_record(line_no: usize, line: &str, path: Option<&str>) -> Result<Article, RecordError> {
    let err = |id: Option<String>, reason: String| RecordError {
        line: line_no,
        id,
        reason,
    };
    let value: Value =
        serde_json::from_str(line).map_err(|e| err(None, format!("not JSON: {e}")))?;
    let Value::Object(obj) = value else {
        return Err(err(None, "not a JSON object".into()));
    };
    let id = match obj.get("id") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::Null) | None => None,
        Some(_) => return Err(err(None, "`id` must be a string or a number".into())),
    };
    let Some(id) = id else {
        return Err(err(None, "missing `id`".into()));
    };
    let field = |name: &str| -> Result<Option<String>, RecordError> {
        match obj.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(err(Some(id.clone()), format!("`{name}` must be a string"))),
        }
    };
    let Some(text) = field("text")? else {
        return Err(err(Some(id.clone()), "missing `text`".into()));
    };
    let title = field("title")?;
    let origin = Origin {
        id: Some(id.clone()),
        path: path.map(|p| format!("{p}:{line_no}")),
        url: field("url")?,
        outlet: field("outlet")?,
        published: field("published")?,
        author: field("author")?,
    };
    read_plain(&text, title.as_deref(), origin).map_err(|e| match e {
        IngestError::Empty => err(Some(id.clone()), "empty `text`".into()),
        other => err(Some(id.clone()), other.to_string()),
    })
}

/// Read one JSON Lines record given as bytes: a line that is not UTF-8 is an error of its own.
pub fn read_record_bytes(
    line_no: usize,
    line: &[u8],
    path: Option<&str>,
) -> Result<Article, RecordError> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    match rasad_text::utf8::validate(line) {
        Ok(s) => read_record(line_no, s, path),
        Err(e) => Err(RecordError {
            line: line_no,
            id: None,
            reason: e.to_string(),
        }),
    }
}

/// Read every record of a JSON Lines text, in order; blank lines are skipped.
pub fn read_all<'a>(
    input: &'a str,
    path: Option<&'a str>,
) -> impl Iterator<Item = Result<Article, RecordError>> + 'a {
    input
        .split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(move |(i, l)| read_record(i + 1, l.trim_end_matches('\r'), path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_in_order_and_reports_bad_lines() {
        let input = concat!(
            r#"{"id": "a1", "text": "العنوان\n\nنص الخبر الأول.", "outlet": "وكالة"}"#,
            "\n",
            "\n",
            r#"{"id": "a2", "text": "#,
            "\n",
            r#"{"id": 3, "title": "عنوان معطى", "text": "نص الخبر الثالث.", "published": "2024-03-15"}"#,
            "\n",
            r#"{"text": "بلا معرف"}"#,
            "\n",
            r#"{"id": "a5", "text": ""}"#,
            "\n",
            r#"["not", "an", "object"]"#,
            "\n",
            r#"{"id": "a7", "text": "x\ud800y"}"#,
            "\n",
        );
        let out: Vec<_> = read_all(input, Some("in.jsonl")).collect();
        assert_eq!(out.len(), 7);
        let a1 = out[0].as_ref().unwrap();
        assert_eq!(a1.origin.id.as_deref(), Some("a1"));
        assert_eq!(a1.origin.outlet.as_deref(), Some("وكالة"));
        assert_eq!(a1.origin.path.as_deref(), Some("in.jsonl:1"));
        let e = out[1].as_ref().unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.reason.starts_with("not JSON"), "{e}");
        let a3 = out[2].as_ref().unwrap();
        assert_eq!(a3.origin.id.as_deref(), Some("3"));
        assert!(a3.text.starts_with("عنوان معطى\n\n"));
        assert_eq!(out[3].as_ref().unwrap_err().reason, "missing `id`");
        assert_eq!(out[4].as_ref().unwrap_err().id.as_deref(), Some("a5"));
        assert_eq!(out[5].as_ref().unwrap_err().reason, "not a JSON object");
        // a lone surrogate escape is bad JSON text, reported, not a panic
        assert!(out[6].is_err());
    }

    #[test]
    fn a_line_that_is_not_utf8_is_its_own_error() {
        let e = read_record_bytes(4, b"{\"id\": \"x\", \"text\": \"\xff\"}\r", None).unwrap_err();
        assert_eq!(e.line, 4);
        assert_eq!(e.reason, "not valid UTF-8 at byte offset 21");
    }
}
