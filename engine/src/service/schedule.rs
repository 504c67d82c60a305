//! Cron trigger times: Mistral's patterns and first execution times, and
//! when a trigger fires next. Pure functions of their arguments, used when
//! a trigger is created and by the node's firing loop ([`crate::cron`]).

use bora_store::CronTriggerRecord;
use chrono::{DateTime, NaiveDateTime, Utc};
use croner::Cron;
use croner::parser::{CronParser, Seconds, Year};

/// Parses a standard 5-field cron pattern (minute hour day-of-month month
/// day-of-week; names and `@daily`-style nicknames allowed).
pub fn parse_pattern(pattern: &str) -> Result<Cron, croner::errors::CronError> {
    CronParser::builder()
        .seconds(Seconds::Disallowed)
        .year(Year::Disallowed)
        .build()
        .parse(pattern)
}

/// The first time of `cron` strictly after `after` (UTC microseconds).
pub fn next_after(cron: &Cron, after: i64) -> Option<i64> {
    let start = DateTime::<Utc>::from_timestamp_micros(after)?;
    cron.find_next_occurrence(&start, false)
        .ok()
        .map(|t| t.timestamp_micros())
}

/// Parses Mistral's `first_execution_time` (`YYYY-MM-DD HH:MM`, UTC); the
/// error reads like Python's `strptime`.
pub fn parse_first_time(text: &str) -> Result<i64, String> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M")
        .map(|t| t.and_utc().timestamp_micros())
        .map_err(|_| format!("time data '{text}' does not match format '%Y-%m-%d %H:%M'"))
}

/// When a trigger fires at `now`, its next time: `None` when this was
/// its last firing (no executions left, or no pattern to follow).
pub fn following(trigger: &CronTriggerRecord, now: i64) -> Option<i64> {
    if trigger.remaining_executions.is_some_and(|n| n <= 1) {
        return None;
    }
    let pattern = trigger.pattern.as_deref()?;
    match parse_pattern(pattern) {
        // Missed times are not made up: the next one after now.
        Ok(cron) => next_after(&cron, now.max(trigger.next_execution_time)),
        Err(err) => {
            tracing::error!(trigger = %trigger.name, error = %err, "unreadable cron pattern; trigger dropped");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn micros(text: &str) -> i64 {
        parse_first_time(text).unwrap_or(i64::MIN)
    }

    #[test]
    fn next_times_follow_the_pattern() {
        let every_5 = parse_pattern("*/5 * * * *").expect("valid");
        assert_eq!(
            next_after(&every_5, micros("2026-11-22 10:02")),
            Some(micros("2026-11-22 10:05"))
        );
        // Strictly after: a time on the pattern moves to the next one.
        assert_eq!(
            next_after(&every_5, micros("2026-11-22 10:05")),
            Some(micros("2026-11-22 10:10"))
        );
        let new_year = parse_pattern("0 0 1 1 *").expect("valid");
        assert_eq!(
            next_after(&new_year, micros("2026-11-22 11:24")),
            Some(micros("2027-01-01 00:00"))
        );
    }

    #[test]
    fn bad_patterns_and_times_are_refused() {
        for bad in ["", "* * * *", "61 * * * *", "* * * * * *", "bogus"] {
            assert!(parse_pattern(bad).is_err(), "{bad:?} accepted");
        }
        assert_eq!(
            parse_first_time("2026-11-22T10:00").err().as_deref(),
            Some("time data '2026-11-22T10:00' does not match format '%Y-%m-%d %H:%M'")
        );
    }

    #[test]
    fn the_last_firing_has_no_next_time() {
        let trigger = CronTriggerRecord {
            id: "t".into(),
            name: "t".into(),
            pattern: Some("0 * * * *".into()),
            first_execution_time: None,
            next_execution_time: micros("2026-11-22 10:00"),
            remaining_executions: Some(2),
            workflow_name: "wf".into(),
            workflow_id: "wf".into(),
            workflow_namespace: String::new(),
            workflow_input: Default::default(),
            workflow_params: Default::default(),
            scope: "private".into(),
            project_id: String::new(),
            created_at: 0,
            updated_at: None,
        };
        // Late by 90 minutes: the next time is after now, not after due.
        assert_eq!(
            following(&trigger, micros("2026-11-22 11:30")),
            Some(micros("2026-11-22 12:00"))
        );
        let last = CronTriggerRecord {
            remaining_executions: Some(1),
            ..trigger.clone()
        };
        assert_eq!(following(&last, micros("2026-11-22 10:00")), None);
        let once = CronTriggerRecord {
            pattern: None,
            remaining_executions: None,
            ..trigger
        };
        assert_eq!(following(&once, micros("2026-11-22 10:00")), None);
    }
}
