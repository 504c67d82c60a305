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
    /// Hosts every action may reach over `wasi:http` and `wasi:sockets` (see
    /// [`super::net`] for the syntax).
    pub allowed_hosts: Vec<String>,
    /// The operator's opening of loopback, link-local and unspecified
    /// addresses and of this node's own API (IP literals, networks,
    /// `localhost`): without an entry here, no action reaches them, whatever
    /// its own allow-list says.
    pub private_egress: Vec<String>,
    /// Where this node's API listens (refused to actions unless
    /// `private_egress` covers it).
    pub own_addresses: Vec<std::net::SocketAddr>,
    /// The base URL at which others reach this node's API
    /// (`http://bora.example.com:8989`), for the callback URL an
    /// asynchronous action hands out (std.mistral_http's
    /// `Mistral-Callback-URL`); `None`: no callback URL.
    pub public_url: Option<String>,
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
    /// Load `std.*` (from [`super::std_actions::STD_ACTIONS`]) when the runtime starts
    /// (those that [load lazily](super::std_actions::loads_lazily) on their first call).
    pub load_std_actions: bool,
    /// The operator's ceilings: no call runs above them, whatever its action,
    /// upload or task asks for.
    pub ceilings: Ceilings,
    /// Threads of the pool that runs wasm (named `bora-action`); 0 means one
    /// per CPU. Calls never run on the caller's threads, so a busy or
    /// hostile action cannot stall the API or the engine.
    pub action_threads: usize,
    /// The keys that open the secret values in a call's input (see
    /// [`crate::secrets`]); empty: no secrets can be stored.
    pub secrets: crate::secrets::Keyring,
    /// The only directory whose files std.ssh's `private_key_filename` may
    /// name (`bora serve --ssh-key-dir`); `None`: no key file is read.
    pub ssh_key_dir: Option<PathBuf>,
    /// An OpenSSH known_hosts file (`--ssh-known-hosts`): when set, every
    /// host the `ssh` import connects to must be listed there with its
    /// key; `None`: any key is accepted and logged, as Mistral does.
    pub ssh_known_hosts: Option<PathBuf>,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        Self {
            fuel: 1_000_000_000,
            memory_bytes: 64 << 20,
            timeout: Duration::from_secs(60),
            allowed_hosts: Vec::new(),
            private_egress: Vec::new(),
            own_addresses: Vec::new(),
            public_url: None,
            output_cap: 64 << 10,
            cache_dir: Some(default_cache_dir()),
            allocator: Allocator::Pooling,
            max_concurrent_instances: 100,
            max_memory_per_instance: 256 << 20,
            epoch_tick: Duration::from_millis(10),
            load_std_actions: true,
            ceilings: Ceilings::default(),
            action_threads: 0,
            secrets: crate::secrets::Keyring::default(),
            ssh_key_dir: None,
            ssh_known_hosts: None,
        }
    }
}

/// Upper bounds an operator puts on every call (`bora serve --max-fuel`,
/// `--max-memory`, `--max-action-timeout`). An upload or a workflow asking
/// for more is refused; a task's `limits` evaluated above them fail the
/// call; a task's `timeout` above the timeout ceiling is cut to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ceilings {
    /// Largest fuel budget of a call.
    pub fuel: u64,
    /// Largest memory cap of a call, in bytes (also bounded by
    /// [`RuntimeConfig::max_memory_per_instance`]).
    pub memory: u64,
    /// Longest wall-clock limit of a call.
    pub timeout: Duration,
}

impl Default for Ceilings {
    fn default() -> Self {
        Self {
            fuel: 100_000_000_000,
            memory: 1 << 30,
            timeout: Duration::from_secs(3600),
        }
    }
}

/// The limits that have a ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Fuel,
    Memory,
    Timeout,
}

impl Limit {
    /// The `bora serve` (and `bora action run`) flag that sets the ceiling.
    pub fn flag(self) -> &'static str {
        match self {
            Limit::Fuel => "--max-fuel",
            Limit::Memory => "--max-memory",
            Limit::Timeout => "--max-action-timeout",
        }
    }

    /// The limit's name as uploads and tasks spell it.
    pub fn key(self) -> &'static str {
        match self {
            Limit::Fuel => "fuel",
            Limit::Memory => "memory",
            Limit::Timeout => "timeout",
        }
    }

    fn unit(self) -> &'static str {
        match self {
            Limit::Fuel => "",
            Limit::Memory => " bytes",
            Limit::Timeout => " s",
        }
    }
}

/// A limit asked for above its ceiling, the node's or a project's. The
/// message names the ceiling and how it is raised; callers put what asked
/// for it in front.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverCeiling {
    pub limit: Limit,
    pub value: u64,
    pub ceiling: u64,
    /// The project whose ceiling it is (`None`: the node's).
    pub project: Option<String>,
}

impl std::fmt::Display for OverCeiling {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (value, ceiling, unit, flag) = (
            self.value,
            self.ceiling,
            self.limit.unit(),
            self.limit.flag(),
        );
        match &self.project {
            None => write!(
                f,
                "{value}{unit} is above the ceiling of {ceiling}{unit} (raise it with {flag})"
            ),
            Some(project) => write!(
                f,
                "{value}{unit} is above project {project}'s ceiling of {ceiling}{unit} (an \
                 operator raises it with `bora project limits {project} {flag} N`)"
            ),
        }
    }
}

impl std::error::Error for OverCeiling {}

/// The operator's ceilings of one project (`bora project limits`), under
/// the node's [`Ceilings`]: a call of the project asking for more fuel or
/// memory fails, a longer timeout is cut to it, and the hosts it may reach
/// are cut to `allowed_hosts`. `None`: no ceiling of the project's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectCeilings {
    pub project: String,
    pub fuel: Option<u64>,
    pub memory: Option<u64>,
    pub timeout: Option<Duration>,
    /// The hosts (allow-list entries, see [`super::net`]) the project's
    /// calls may reach at most; empty: none.
    pub allowed_hosts: Option<Vec<String>>,
}

impl ProjectCeilings {
    /// `asked` (else `default`) of `limit` under the project's ceiling: a
    /// value asked for above it is refused, the default is lowered to it.
    fn bound(&self, limit: Limit, asked: Option<u64>, default: u64) -> Result<u64, OverCeiling> {
        let ceiling = match limit {
            Limit::Fuel => self.fuel,
            Limit::Memory => self.memory,
            Limit::Timeout => self.timeout.map(|t| t.as_secs()),
        };
        let value = asked.unwrap_or(default);
        match ceiling {
            Some(ceiling) if asked.is_some() && value > ceiling => Err(OverCeiling {
                limit,
                value,
                ceiling,
                project: Some(self.project.clone()),
            }),
            Some(ceiling) => Ok(value.min(ceiling)),
            None => Ok(value),
        }
    }
}

impl Ceilings {
    /// The ceiling of `limit` (seconds for the timeout).
    pub fn of(&self, limit: Limit) -> u64 {
        match limit {
            Limit::Fuel => self.fuel,
            Limit::Memory => self.memory,
            Limit::Timeout => self.timeout.as_secs(),
        }
    }

    /// `value` of `limit` (seconds for the timeout), if it is within the ceiling.
    ///
    /// # Errors
    /// [`OverCeiling`] when it is above.
    pub fn check(&self, limit: Limit, value: u64) -> Result<u64, OverCeiling> {
        let ceiling = self.of(limit);
        if value > ceiling {
            return Err(OverCeiling {
                limit,
                value,
                ceiling,
                project: None,
            });
        }
        Ok(value)
    }

    /// As [`Ceilings::check`] for a wall-clock limit (compared exactly,
    /// reported in whole seconds, rounded up).
    ///
    /// # Errors
    /// [`OverCeiling`] when it is above.
    pub fn check_timeout(&self, timeout: Duration) -> Result<Duration, OverCeiling> {
        if timeout > self.timeout {
            return Err(OverCeiling {
                limit: Limit::Timeout,
                value: timeout.as_secs() + u64::from(timeout.subsec_nanos() > 0),
                ceiling: self.timeout.as_secs(),
                project: None,
            });
        }
        Ok(timeout)
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
    /// Whether the action may use the `ssh` import. A grant, not a limit:
    /// only the action's level counts (a call cannot grant it); `None`
    /// grants it to std.ssh and std.ssh_proxied only.
    pub ssh: Option<bool>,
    /// Whether the action's calls may run in a kept instance (see
    /// the runtime's `warm` module); only the action's level counts, like `ssh`.
    /// `None` or `false`: a fresh instance per call.
    pub warm: Option<bool>,
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
    /// Combines the levels (call over action over global) under the
    /// ceilings, the node's and the call's project's: fuel or memory asked
    /// for above theirs is an error (a default above the project's is
    /// lowered to it), a timeout above its ceiling is cut to it (a task's
    /// `timeout` policy is the engine's business too; only the call is
    /// bounded here). The allowed hosts are cut to the project's where the
    /// egress policy is made.
    pub(crate) fn resolve(
        global: &RuntimeConfig,
        action: &Limits,
        call: &Limits,
        ceilings: &Ceilings,
        project: Option<&ProjectCeilings>,
    ) -> Result<Self, OverCeiling> {
        let fuel = call.fuel.or(action.fuel);
        let memory = call.memory.or(action.memory);
        let mut timeout = call
            .timeout
            .or(action.timeout)
            .unwrap_or(global.timeout)
            .min(ceilings.timeout);
        let (mut fuel, mut memory) = (
            ceilings.check(Limit::Fuel, fuel.unwrap_or(global.fuel))?,
            ceilings.check(Limit::Memory, memory.unwrap_or(global.memory_bytes))?,
        );
        if let Some(project) = project {
            fuel = project.bound(Limit::Fuel, call.fuel.or(action.fuel), fuel)?;
            memory = project.bound(Limit::Memory, call.memory.or(action.memory), memory)?;
            if let Some(max) = project.timeout {
                timeout = timeout.min(max);
            }
        }
        Ok(Self {
            fuel,
            memory,
            timeout,
            allowed_hosts: call
                .allowed_hosts
                .as_ref()
                .or(action.allowed_hosts.as_ref())
                .unwrap_or(&global.allowed_hosts)
                .clone(),
        })
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
        let ceilings = Ceilings::default();
        let eff = Effective::resolve(&global, &action, &call, &ceilings, None).unwrap();
        assert_eq!(eff.fuel, 12);
        assert_eq!(eff.memory, 20);
        assert_eq!(eff.timeout, Duration::from_secs(1));
        assert_eq!(eff.allowed_hosts, vec!["action".to_string()]);
        let eff = Effective::resolve(
            &global,
            &Limits::default(),
            &Limits::default(),
            &ceilings,
            None,
        )
        .unwrap();
        assert_eq!(eff.fuel, 10);
        assert_eq!(eff.allowed_hosts, vec!["global".to_string()]);
    }

    #[test]
    fn ceilings_refuse_fuel_and_memory_and_cut_the_timeout() {
        // Runtime::new lowers the defaults to the ceilings.
        let global = RuntimeConfig {
            fuel: 10,
            memory_bytes: 20,
            ..RuntimeConfig::default()
        };
        let ceilings = Ceilings {
            fuel: 100,
            memory: 1000,
            timeout: Duration::from_secs(5),
        };
        let call = Limits {
            fuel: Some(101),
            ..Limits::default()
        };
        let err =
            Effective::resolve(&global, &Limits::default(), &call, &ceilings, None).unwrap_err();
        assert_eq!(err.limit, Limit::Fuel);
        assert_eq!(
            err.to_string(),
            "101 is above the ceiling of 100 (raise it with --max-fuel)"
        );
        let action = Limits {
            memory: Some(1001),
            ..Limits::default()
        };
        let err =
            Effective::resolve(&global, &action, &Limits::default(), &ceilings, None).unwrap_err();
        assert!(err.to_string().contains("1001 bytes"), "{err}");
        assert!(err.to_string().contains("--max-memory"), "{err}");
        let call = Limits {
            fuel: Some(100),
            memory: Some(1000),
            timeout: Some(Duration::from_secs(3600)),
            ..Limits::default()
        };
        let eff = Effective::resolve(&global, &Limits::default(), &call, &ceilings, None).unwrap();
        assert_eq!(eff.timeout, Duration::from_secs(5));
        let over = ceilings
            .check_timeout(Duration::from_millis(5001))
            .unwrap_err();
        assert_eq!(over.value, 6);
        assert!(over.to_string().contains("--max-action-timeout"), "{over}");
        assert!(ceilings.check_timeout(Duration::from_secs(5)).is_ok());
    }

    #[test]
    fn a_projects_ceilings_refuse_what_is_asked_above_and_lower_the_defaults() {
        let global = RuntimeConfig {
            fuel: 1000,
            memory_bytes: 2000,
            timeout: Duration::from_secs(60),
            ..RuntimeConfig::default()
        };
        let ceilings = Ceilings::default();
        let alpha = ProjectCeilings {
            project: "alpha".into(),
            fuel: Some(100),
            memory: Some(500),
            timeout: Some(Duration::from_secs(5)),
            allowed_hosts: None,
        };
        let none = Limits::default();
        let eff = Effective::resolve(&global, &none, &none, &ceilings, Some(&alpha)).unwrap();
        assert_eq!((eff.fuel, eff.memory), (100, 500));
        assert_eq!(eff.timeout, Duration::from_secs(5));
        let call = Limits {
            fuel: Some(101),
            ..Limits::default()
        };
        let err = Effective::resolve(&global, &none, &call, &ceilings, Some(&alpha)).unwrap_err();
        assert_eq!(err.project.as_deref(), Some("alpha"));
        assert_eq!(
            err.to_string(),
            "101 is above project alpha's ceiling of 100 (an operator raises it with \
             `bora project limits alpha --max-fuel N`)"
        );
        let action = Limits {
            memory: Some(501),
            ..Limits::default()
        };
        let err = Effective::resolve(&global, &action, &none, &ceilings, Some(&alpha)).unwrap_err();
        assert_eq!(err.limit, Limit::Memory);
        // Within both; the node's ceiling still comes first.
        let call = Limits {
            fuel: Some(100),
            memory: Some(400),
            timeout: Some(Duration::from_secs(3)),
            ..Limits::default()
        };
        let eff = Effective::resolve(&global, &none, &call, &ceilings, Some(&alpha)).unwrap();
        assert_eq!((eff.fuel, eff.memory), (100, 400));
        assert_eq!(eff.timeout, Duration::from_secs(3));
        let tight = Ceilings {
            fuel: 50,
            ..Ceilings::default()
        };
        let err = Effective::resolve(&global, &none, &call, &tight, Some(&alpha)).unwrap_err();
        assert_eq!(err.project, None);
    }
}
