//! The one wasmtime `Engine` of the process (fuel and epoch interruption on,
//! pooling allocator with an on-demand fallback) and the epoch ticker thread
//! that drives wall-clock deadlines.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use wasmtime::{
    Config, Enabled, Engine, EngineWeak, InstanceAllocationStrategy, PoolingAllocationConfig,
};

use super::config::{Allocator, RuntimeConfig};
use super::error::RuntimeError;

/// Dirty bytes of a linear memory reset in place when its slot is reused
/// (see `engine_config`): a small action dirties a few dozen pages, a 1 MiB
/// `std.echo` about 2.2 MiB, whose page faults on the next call took more
/// time than zeroing them (1 MiB here: call 0.69-0.73 ms; 4 MiB: 0.40-0.45).
/// 4 MiB times the pool's memories (2 per instance slot) bounds what stays
/// resident: 800 MiB at the default 100 slots, reached only when every
/// slot has run a call that large.
const KEEP_RESIDENT_BYTES: usize = 4 << 20;
/// Likewise for tables (a few KiB of function references per instance).
const KEEP_RESIDENT_TABLE_BYTES: usize = 64 << 10;

/// Builds the engine; returns it and the allocator actually in use.
pub(crate) fn build(config: &RuntimeConfig) -> Result<(Engine, Allocator), RuntimeError> {
    if config.allocator == Allocator::Pooling {
        match Engine::new(&engine_config(config, true)) {
            Ok(engine) => return Ok((engine, Allocator::Pooling)),
            Err(err) => tracing::warn!(
                error = %err,
                "the pooling allocator could not reserve its memory; falling back to on-demand allocation"
            ),
        }
    }
    Engine::new(&engine_config(config, false))
        .map(|engine| (engine, Allocator::OnDemand))
        .map_err(|e| RuntimeError::Engine(format!("{e:#}")))
}

fn engine_config(config: &RuntimeConfig, pooling: bool) -> Config {
    let mut cfg = Config::new();
    cfg.wasm_component_model(true);
    cfg.consume_fuel(true);
    cfg.epoch_interruption(true);
    // Actions are WASI 0.2 components called one at a time per store; the
    // component-model-async machinery is unused, and with it on every store
    // drop disposes of a parked fiber (measurable on a 10 µs call).
    cfg.concurrency_support(false);
    if pooling {
        let slots = config.max_concurrent_instances.max(1);
        let mut pool = PoolingAllocationConfig::default();
        // Sized for Rust components (a handful of core instances each) and for
        // the larger Python/JS ones (wasmtime-48.md §4).
        pool.total_component_instances(slots)
            .total_core_instances(slots.saturating_mul(10))
            .total_memories(slots.saturating_mul(2))
            .total_tables(slots.saturating_mul(2))
            .total_stacks(slots)
            .max_memory_size(usize::try_from(config.max_memory_per_instance).unwrap_or(usize::MAX))
            .max_core_instance_size(8 << 20)
            .max_component_instance_size(8 << 20)
            .max_memories_per_component(20)
            .max_tables_per_component(20)
            .max_core_instances_per_component(100)
            .table_elements(100_000)
            // A slot's memory is reset in place rather than given back to
            // the kernel: PAGEMAP_SCAN (Linux 6.7+; else the call falls back
            // to madvise) finds the pages the last instance dirtied and only
            // those are copied back from the image or zeroed, up to this many
            // bytes per memory; the rest is decommitted. This spares a small
            // call the `madvise` (and the TLB shootdowns it sends to every
            // core) plus the page faults of touching its memory again. It
            // bounds the memory kept resident per slot; limits are unaffected
            // (the limiter still decides every growth). MPK stays off: the
            // `memory-protection-keys` feature is not compiled in.
            .pagemap_scan(Enabled::Auto)
            .linear_memory_keep_resident(KEEP_RESIDENT_BYTES)
            .table_keep_resident(KEEP_RESIDENT_TABLE_BYTES);
        cfg.allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
    }
    cfg
}

/// Increments the engine's epoch every `tick` until dropped.
pub(crate) struct EpochTicker {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl EpochTicker {
    pub(crate) fn start(engine: &Engine, tick: Duration) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let weak: EngineWeak = engine.weak();
        let flag = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("bora-epoch".into())
            .spawn(move || {
                while !flag.load(Ordering::Relaxed) {
                    std::thread::park_timeout(tick);
                    match weak.upgrade() {
                        Some(engine) => engine.increment_epoch(),
                        None => break,
                    }
                }
            })
            .map_err(|e| tracing::error!(error = %e, "cannot start the epoch ticker"))
            .ok();
        Self { stop, thread }
    }

    /// Whether the ticker thread runs (deadlines only work when it does).
    pub(crate) fn running(&self) -> bool {
        self.thread.is_some()
    }
}

impl Drop for EpochTicker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            thread.thread().unpark();
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn ticker_stops_promptly_on_drop() {
        let (engine, _) = build(&RuntimeConfig {
            allocator: Allocator::OnDemand,
            ..RuntimeConfig::default()
        })
        .unwrap();
        let ticker = EpochTicker::start(&engine, Duration::from_millis(1));
        assert!(ticker.running());
        let start = std::time::Instant::now();
        drop(ticker);
        // Joined at once, not after a long sleep.
        assert!(start.elapsed() < Duration::from_secs(1));
    }
}
