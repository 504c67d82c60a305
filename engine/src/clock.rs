//! The wall clock of the shell, in the store's time unit.
//!
//! A leaf module so that every layer can read the time without importing
//! the scheduler. The engine core's clock interface will replace it.

/// Microseconds since the Unix epoch, the store's time unit.
pub fn now_micros() -> i64 {
    chrono::Utc::now().timestamp_micros()
}
