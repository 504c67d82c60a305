//! Randomness for expressions and the engine core: SplitMix64, a tiny
//! generator whose whole state is one `u64` (so a seed given by the host
//! makes every draw repeatable), and random UUIDs built from drawn bits.
//!
//! Expressions never read the operating system's randomness directly: YAQL
//! asks its [`ExprHost`](crate::ExprHost) for each number, Jinja draws from
//! a generator seeded by the host once per evaluation (see
//! [`crate::jinja`]). Only a host that does not say otherwise falls back to
//! the system.

use std::sync::atomic::{AtomicU64, Ordering};

/// SplitMix64's increment (the golden ratio in 64 bits).
const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output function.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// SplitMix64 (Steele, Lea, Flood 2014): fast, and every seed gives a
/// full-period stream; quality enough for ids and expression randomness
/// (not cryptographic, as Python's `random`, which Mistral uses, is not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GAMMA);
        mix(self.0)
    }
}

/// A SplitMix64 shared by reference (`&self`), as an [`ExprHost`] is:
/// each draw advances the state atomically.
///
/// [`ExprHost`]: crate::ExprHost
#[derive(Debug, Default)]
pub struct SharedSplitMix64(AtomicU64);

impl SharedSplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self(AtomicU64::new(seed))
    }

    pub fn next_u64(&self) -> u64 {
        mix(self
            .0
            .fetch_add(GAMMA, Ordering::Relaxed)
            .wrapping_add(GAMMA))
    }
}

impl Clone for SharedSplitMix64 {
    fn clone(&self) -> Self {
        Self::new(self.0.load(Ordering::Relaxed))
    }
}

/// 64 random bits from the operating system (through a v4 UUID's 122).
pub fn system_u64() -> u64 {
    let (high, low) = uuid::Uuid::new_v4().as_u64_pair();
    // The 4 fixed version bits of the high half are replaced by random
    // ones of the low half.
    (high & !0xF000) | ((low & 0xF) << 12)
}

/// 128 bits written as a version-4 UUID (`xxxxxxxx-xxxx-4xxx-Nxxx-...`,
/// N in 8..b).
pub fn uuid_v4_text(high: u64, low: u64) -> String {
    let high = (high & !0xF000) | 0x4000;
    let low = (low & !(0xC << 60)) | (0x8 << 60);
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xFFFF,
        high & 0xFFFF,
        low >> 48,
        low & 0xFFFF_FFFF_FFFF
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_and_plain_generators_draw_the_same_stream() {
        let mut plain = SplitMix64(42);
        let shared = SharedSplitMix64::new(42);
        for _ in 0..100 {
            assert_eq!(plain.next_u64(), shared.next_u64());
        }
        // A clone continues from where the original is.
        let copy = shared.clone();
        assert_eq!(copy.next_u64(), shared.next_u64());
    }

    #[test]
    fn known_values() {
        // SplitMix64's reference output for seed 0.
        let mut g = SplitMix64(0);
        assert_eq!(g.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(g.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn uuids_have_the_version_4_shape() {
        let id = uuid_v4_text(u64::MAX, 0);
        assert_eq!(id, "ffffffff-ffff-4fff-8000-000000000000");
        assert!(uuid::Uuid::parse_str(&uuid_v4_text(1, 2)).is_ok_and(|u| u.get_version_num() == 4));
    }
}
