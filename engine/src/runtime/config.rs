//! Limits and settings of the action runtime: global defaults ([`RuntimeConfig`]),
//! per-action and per-call overrides ([`Limits`]), and how they combine.

use std::path::PathBuf;
use std::time::Duration;

/// Fuel value meaning "no fuel limit" (the wall-clock deadline still applies).
pub const UNLIMITED_FUEL: u64 = u64::MAX;

/// How instances get their memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allocator {
    /// The pooling allocator; if its virtual-memory reservation fails (small
    /// address space, `ulimit -v`), fall back to on-demand with a warning.
    Pooling,
    /// Allocate every instance's memories and tables on demand (mmap per call).
    OnDemand,
}

/// Global settings of a [`Runtime`](super::Runtime), fixed when it is created.
#[derive(Debug, Clone)]
pub struct RuntimeConfig {
    /// Default fuel budget per call (roughly one unit per wasm instruction).
    pub fuel: u64,
    /// Default cap on the total linear memory of one call, in bytes.
    pub memory_bytes: u64,
    /// Default wall-clock limit of one call (instantiation, run and host calls).
    pub timeout: Duration,
    /// Hosts every action may reach over `wasi:http` (see [`super::net`] for the syntax).
    pub allowed_hosts: Vec<String>,
    /// Cap on each of the captured stdout, stderr and log buffers of a call, in bytes.
    pub output_cap: usize,
    /// Where precompiled components are kept; `None` compiles in memory every time.
    pub cache_dir: Option<PathBuf>,
    /// Pooling (with fallback) or on-demand instance allocation.
    pub allocator: Allocator,
    /// How many calls may hold an instance at the same time; also the size of the pool.
    pub max_concurrent_instances: u32,
    /// Largest linear memory an instance may have (the pool reserves this per slot).
    pub max_memory_per_instance: u64,
    /// Interval of the epoch ticker, the granularity of wall-clock deadlines.
    pub epoch_tick: Duration,
    /// Load `std.*` (from [`super::std_actions::STD_ACTIONS`]) when the runtime starts.
    pub load_std_actions: bool,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        Self {
            fuel: 1_000_000_000,
            memory_bytes: 64 << 20,
            timeout: Duration::from_secs(60),
            allowed_hosts: Vec::new(),
            output_cap: 64 << 10,
            cache_dir: Some(default_cache_dir()),
            allocator: Allocator::Pooling,
            max_concurrent_instances: 100,
            max_memory_per_instance: 256 << 20,
            epoch_tick: Duration::from_millis(10),
            load_std_actions: true,
        }
    }
}

/// The default cache directory: `$XDG_CACHE_HOME/bora`, else `$HOME/.cache/bora`,
/// else `./.bora/cache`.
pub fn default_cache_dir() -> PathBuf {
    let from_env = |var: &str| {
        std::env::var_os(var)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(dir) = from_env("XDG_CACHE_HOME") {
        return dir.join("bora");
    }
    if let Some(home) = from_env("HOME") {
        return home.join(".cache").join("bora");
    }
    PathBuf::from(".bora").join("cache")
}

/// Overrides of the global limits, given per action (at load) or per call.
/// `None` keeps the value from the level below (call over action over global).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Limits {
    /// Fuel budget; [`UNLIMITED_FUEL`] for none.
    pub fuel: Option<u64>,
    /// Cap on total linear memory, in bytes.
    pub memory: Option<u64>,
    /// Wall-clock limit of the call.
    pub timeout: Option<Duration>,
    /// Hosts the action may reach; replaces (does not extend) the level below.
    pub allowed_hosts: Option<Vec<String>>,
}

/// Per-action limits, given to [`Runtime::load`](super::Runtime::load).
pub type ActionLimits = Limits;
/// Per-call limits, given to [`Runtime::call`](super::Runtime::call).
pub type CallOverrides = Limits;

/// The limits one call runs under, after combining the three levels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Effective {
    pub fuel: u64,
    pub memory: u64,
    pub timeout: Duration,
    pub allowed_hosts: Vec<String>,
}

impl Effective {
    pub(crate) fn resolve(global: &RuntimeConfig, action: &Limits, call: &Limits) -> Self {
        Self {
            fuel: call.fuel.or(action.fuel).unwrap_or(global.fuel),
            memory: call.memory.or(action.memory).unwrap_or(global.memory_bytes),
            timeout: call.timeout.or(action.timeout).unwrap_or(global.timeout),
            allowed_hosts: call
                .allowed_hosts
                .as_ref()
                .or(action.allowed_hosts.as_ref())
                .unwrap_or(&global.allowed_hosts)
                .clone(),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn call_overrides_action_overrides_global() {
        let global = RuntimeConfig {
            fuel: 10,
            memory_bytes: 20,
            timeout: Duration::from_secs(30),
            allowed_hosts: vec!["global".into()],
            ..RuntimeConfig::default()
        };
        let action = Limits {
            fuel: Some(11),
            allowed_hosts: Some(vec!["action".into()]),
            ..Limits::default()
        };
        let call = Limits {
            fuel: Some(12),
            timeout: Some(Duration::from_secs(1)),
            ..Limits::default()
        };
        let eff = Effective::resolve(&global, &action, &call);
        assert_eq!(eff.fuel, 12);
        assert_eq!(eff.memory, 20);
        assert_eq!(eff.timeout, Duration::from_secs(1));
        assert_eq!(eff.allowed_hosts, vec!["action".to_string()]);
        let eff = Effective::resolve(&global, &Limits::default(), &Limits::default());
        assert_eq!(eff.fuel, 10);
        assert_eq!(eff.allowed_hosts, vec!["global".to_string()]);
    }
}
