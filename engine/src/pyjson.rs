//! Python's `json.dumps` text, which Mistral's answers and stored texts use
//! (JSON-in-JSON fields, execution descriptions). A leaf module so that the
//! API and the cron loop share it without one importing the other.

// TODO(dumps): bora-expr is getting the one Python-JSON writer of the
// project (`py_json_dumps`); switch to it then and delete this module.

use std::io;

use serde::Serialize;
use serde_json::ser::Formatter;

/// `json.dumps` separators (`", "`, `": "`) and `ensure_ascii`, so that the
/// JSON-in-JSON fields read exactly like Mistral's.
struct PyFormatter;

impl Formatter for PyFormatter {
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        for ch in fragment.chars() {
            if ch.is_ascii() {
                let mut buf = [0u8; 1];
                w.write_all(ch.encode_utf8(&mut buf).as_bytes())?;
            } else {
                let mut units = [0u16; 2];
                for unit in ch.encode_utf16(&mut units) {
                    write!(w, "\\u{unit:04x}")?;
                }
            }
        }
        Ok(())
    }
}

/// `json.dumps(value)` as Python writes it.
pub fn dumps(value: &impl Serialize) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, PyFormatter);
    if value.serialize(&mut ser).is_err() {
        return "null".to_owned();
    }
    String::from_utf8(out).unwrap_or_else(|_| "null".to_owned())
}
