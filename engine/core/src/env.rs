//! The core's only window on the outside world: the time of a step, the ids
//! of new records and random numbers all come through an [`Env`] the caller
//! passes to [`crate::step::step`], so that a step is a function of the
//! execution, the events and the env: the same three give the same
//! commands and the same changes (what a replay or a test relies on).
//!
//! The shell's implementation (system clock, random UUIDs) lives in the
//! shell, as the core reads no clock; [`FixedEnv`] here is the
//! deterministic one for tests, simulations and replays.

use bora_expr::random::{SplitMix64, uuid_v4_text};

use crate::records::Timestamp;

/// Time, new ids and randomness for one step.
pub trait Env {
    /// The time of the step (UTC microseconds since the Unix epoch). The
    /// core reads it once per step: everything a step changes carries the
    /// same time.
    fn now(&self) -> Timestamp;

    /// A new id, unique across executions, for a record the step creates
    /// (task, action or sub-workflow execution).
    fn new_id(&mut self) -> String;

    /// A random number. Each step draws one to seed what its expressions
    /// draw (`uuid()`, `random()`, Jinja's `random`; see
    /// [`crate::dataflow::ExprEnv`]).
    fn random_u64(&mut self) -> u64;
}

/// A deterministic [`Env`]: a clock that moves only when told, and ids and
/// random numbers drawn from a seeded generator (SplitMix64), so a run can
/// be repeated exactly. Ids have the shape of random UUIDs (version 4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixedEnv {
    now: Timestamp,
    ids: SplitMix64,
    random: SplitMix64,
}

impl FixedEnv {
    /// An env at `now` whose ids and random numbers follow from `seed`.
    pub fn new(now: Timestamp, seed: u64) -> Self {
        Self {
            now,
            ids: SplitMix64(seed),
            // Its own stream: drawing a random number does not shift the
            // ids that follow.
            random: SplitMix64(seed ^ 0x5DEE_CE66_D1CE_F00D),
        }
    }

    /// Sets the clock.
    pub fn set_now(&mut self, now: Timestamp) {
        self.now = now;
    }

    /// Moves the clock forward (or back, for a negative `micros`).
    pub fn advance(&mut self, micros: i64) {
        self.now = self.now.saturating_add(micros);
    }
}

impl Env for FixedEnv {
    fn now(&self) -> Timestamp {
        self.now
    }

    fn new_id(&mut self) -> String {
        uuid_v4_text(self.ids.next_u64(), self.ids.next_u64())
    }

    fn random_u64(&mut self) -> u64 {
        self.random.next_u64()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn the_clock_moves_only_when_told() {
        let mut env = FixedEnv::new(1_000, 7);
        assert_eq!(env.now(), 1_000);
        env.new_id();
        env.random_u64();
        assert_eq!(env.now(), 1_000);
        env.advance(500);
        assert_eq!(env.now(), 1_500);
        env.set_now(42);
        assert_eq!(env.now(), 42);
    }

    #[test]
    fn a_seed_gives_the_same_ids_and_numbers_every_time() {
        let draw = |seed| {
            let mut env = FixedEnv::new(0, seed);
            let ids: Vec<String> = (0..5).map(|_| env.new_id()).collect();
            let numbers: Vec<u64> = (0..5).map(|_| env.random_u64()).collect();
            (ids, numbers)
        };
        assert_eq!(draw(1), draw(1));
        assert_ne!(draw(1).0, draw(2).0);
        assert_ne!(draw(1).1, draw(2).1);
    }

    #[test]
    fn random_numbers_do_not_shift_the_ids() {
        let mut plain = FixedEnv::new(0, 3);
        let mut drawing = FixedEnv::new(0, 3);
        for _ in 0..10 {
            drawing.random_u64();
            assert_eq!(plain.new_id(), drawing.new_id());
        }
    }

    #[test]
    fn ids_are_distinct_version_4_uuids() {
        let mut env = FixedEnv::new(0, 0);
        let ids: Vec<String> = (0..10_000).map(|_| env.new_id()).collect();
        assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len());
        for id in &ids {
            let parts: Vec<&str> = id.split('-').collect();
            let lengths: Vec<usize> = parts.iter().map(|p| p.len()).collect();
            assert_eq!(lengths, [8, 4, 4, 4, 12], "{id}");
            assert!(id.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
            assert!(parts[2].starts_with('4'), "{id}");
            assert!(parts[3].starts_with(['8', '9', 'a', 'b']), "{id}");
        }
    }
}
