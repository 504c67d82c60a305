//! What one call printed and logged, as kept with its action execution:
//! stdout, stderr and the `log` records, within one budget for all three
//! (each stream is capped by the runtime already; the budget bounds the
//! stored sum), cut with a note when it runs out.

use serde::{Deserialize, Serialize};

use super::host::LogRecord;
use super::{ActionFailure, CallOutput};

/// Bytes of output kept per action execution.
pub const TRANSCRIPT_BYTES: usize = 64 << 10;

/// The note that ends a part cut by the budget.
const CUT: &str = "\n[bora: cut here: 64 KiB of output are kept per action execution]";

/// One record sent through the `log` import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogLine {
    pub level: String,
    pub message: String,
}

/// An action execution's output.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transcript {
    pub stdout: String,
    pub stderr: String,
    pub logs: Vec<LogLine>,
    /// Whether the budget cut something.
    #[serde(default)]
    pub truncated: bool,
}

impl Transcript {
    /// The parts within `budget` bytes, taken in order: stdout, stderr,
    /// then the log records.
    pub fn new(stdout: &str, stderr: &str, logs: &[LogRecord], budget: usize) -> Self {
        let mut left = budget;
        let mut truncated = false;
        let stdout = take(stdout, &mut left, &mut truncated);
        let stderr = take(stderr, &mut left, &mut truncated);
        let mut lines = Vec::new();
        for record in logs {
            if left == 0 {
                truncated = true;
                break;
            }
            lines.push(LogLine {
                level: record.level.to_owned(),
                message: take(&record.message, &mut left, &mut truncated),
            });
        }
        Self {
            stdout,
            stderr,
            logs: lines,
            truncated,
        }
    }

    /// What a finished call (or failed one) printed and logged.
    pub fn of(called: &Result<CallOutput, ActionFailure>) -> Self {
        match called {
            Ok(out) => Self::new(&out.stdout, &out.stderr, &out.logs, TRANSCRIPT_BYTES),
            Err(fail) => Self::new(&fail.stdout, &fail.stderr, &fail.logs, TRANSCRIPT_BYTES),
        }
    }

    /// Every part passed through `f` (the masking of secret values).
    pub fn redact(&mut self, f: impl Fn(&str) -> String) {
        self.stdout = f(&self.stdout);
        self.stderr = f(&self.stderr);
        for line in &mut self.logs {
            line.message = f(&line.message);
        }
    }

    /// Nothing was printed or logged (then nothing is stored).
    pub fn is_empty(&self) -> bool {
        self.stdout.is_empty() && self.stderr.is_empty() && self.logs.is_empty()
    }
}

/// `text` within `left` bytes (cut on a character boundary, with [`CUT`]
/// after), taking what it uses from `left`.
fn take(text: &str, left: &mut usize, truncated: &mut bool) -> String {
    if text.len() <= *left {
        *left -= text.len();
        return text.to_owned();
    }
    *truncated = true;
    let end = text.floor_char_boundary(*left);
    *left = 0;
    format!("{}{CUT}", &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(message: &str) -> LogRecord {
        LogRecord {
            level: "info",
            message: message.to_owned(),
        }
    }

    #[test]
    fn everything_fits_in_a_large_budget() {
        let t = Transcript::new("out", "err", &[record("one")], 100);
        assert_eq!(t.stdout, "out");
        assert_eq!(t.stderr, "err");
        assert_eq!(t.logs.len(), 1);
        assert!(!t.truncated);
        assert!(Transcript::new("", "", &[], 10).is_empty());
    }

    #[test]
    fn the_budget_cuts_in_order_with_a_note_on_a_char_boundary() {
        let t = Transcript::new("ab€cd", "err", &[record("lost")], 3);
        // "€" is 3 bytes: the cut falls before it.
        assert_eq!(t.stdout, format!("ab{CUT}"));
        assert_eq!(t.stderr, CUT.to_owned());
        assert!(t.logs.is_empty());
        assert!(t.truncated);
        let t = Transcript::new("12", "34", &[record("5678"), record("9")], 6);
        assert_eq!((t.stdout.as_str(), t.stderr.as_str()), ("12", "34"));
        assert_eq!(t.logs.len(), 1);
        assert_eq!(t.logs[0].message, format!("56{CUT}"));
        assert!(t.truncated);
    }
}
