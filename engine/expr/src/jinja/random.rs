//! The randomness of Jinja's `random` filter, `lipsum()` and `uuid()`.
//! minijinja's functions cannot reach the host, so each evaluation that
//! may draw gets a generator seeded by the host ([`ExprHost::random_u64`]),
//! kept for the thread that renders: the engine's host seeds it from the
//! step's env, so a replayed step draws the same numbers.

use std::cell::Cell;

use crate::functions::ExprHost;
use crate::random::{SplitMix64, system_u64, uuid_v4_text};

thread_local! {
    static GENERATOR: Cell<Option<u64>> = const { Cell::new(None) };
}

/// Whether a template may draw: it names a function or filter that does
/// (they can only be called by name).
pub(super) fn draws(source: &str) -> bool {
    ["random", "uuid", "lipsum"]
        .iter()
        .any(|name| source.contains(name))
}

/// The seed of one evaluation of `source`: drawn from the host when the
/// template may draw.
pub(super) fn seed_for(draws: bool, host: &dyn ExprHost) -> Option<u64> {
    draws.then(|| host.random_u64())
}

/// Runs `f` with the generator seeded by `seed` on this thread (the
/// previous one, if any, restored after).
pub(super) fn scoped<R>(seed: Option<u64>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<u64>);
    impl Drop for Restore {
        fn drop(&mut self) {
            GENERATOR.with(|g| g.set(self.0));
        }
    }
    let Some(seed) = seed else {
        return f();
    };
    let _restore = Restore(GENERATOR.with(|g| g.replace(Some(seed))));
    f()
}

/// 64 random bits: from the evaluation's generator, or from the system
/// outside one.
pub(super) fn next_u64() -> u64 {
    GENERATOR.with(|g| match g.get() {
        Some(state) => {
            let mut generator = SplitMix64(state);
            let bits = generator.next_u64();
            g.set(Some(generator.0));
            bits
        }
        None => system_u64(),
    })
}

/// A random index below `len` (no cryptographic quality needed).
pub(super) fn random_index(len: usize) -> usize {
    (next_u64() % len.max(1) as u64) as usize
}

/// `uuid()`: a random version-4 UUID.
pub(super) fn uuid() -> String {
    uuid_v4_text(next_u64(), next_u64())
}
