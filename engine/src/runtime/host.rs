//! What one call's `Store` holds: the WASI context (no preopens, no env, stdio
//! captured into capped buffers, TCP only through the egress check), the
//! wasi:http context with the egress hooks, the memory limiter, the `log`
//! import's records, what the `execution` import answers and, for the
//! actions granted it, the `ssh` import's settings.

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use bytes::Bytes;
use serde::Serialize;
use wasmtime::ResourceLimiter;
use wasmtime::component::ResourceTable;
use wasmtime_wasi::cli::{IsTerminal, StdoutStream};
use wasmtime_wasi::p2::{OutputStream, Pollable, StreamError};
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};
use wasmtime_wasi_http::{WasiHttpCtx, WasiHttpCtxView, WasiHttpView};

use super::bindings::bora::action::{execution, log, types};
use super::net::{EgressHooks, SocketEgress};
use super::ssh::SshSettings;

/// One record sent through the `log` import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogRecord {
    /// `trace`, `debug`, `info`, `warn` or `error`.
    pub level: &'static str,
    pub message: String,
}

/// A byte buffer that keeps the first `cap` bytes written to it and silently
/// drops the rest (the guest is never told, so a chatty action is not killed
/// by its own `println!`), remembering that it did.
#[derive(Clone)]
pub(crate) struct CappedBuffer(Arc<Mutex<Capped>>);

struct Capped {
    bytes: Vec<u8>,
    cap: usize,
    dropped: usize,
}

impl CappedBuffer {
    pub(crate) fn new(cap: usize) -> Self {
        Self(Arc::new(Mutex::new(Capped {
            bytes: Vec::new(),
            cap,
            dropped: 0,
        })))
    }

    pub(crate) fn push(&self, data: &[u8]) {
        let mut inner = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let room = inner.cap.saturating_sub(inner.bytes.len());
        let take = room.min(data.len());
        inner.bytes.extend_from_slice(&data[..take]);
        inner.dropped += data.len() - take;
    }

    /// Empties the buffer for the next call of a kept instance.
    pub(crate) fn clear(&self) {
        let mut inner = self.0.lock().unwrap_or_else(|e| e.into_inner());
        inner.bytes.clear();
        inner.dropped = 0;
    }

    /// The captured text (lossy UTF-8), with a note when output was dropped.
    pub(crate) fn text(&self) -> String {
        let inner = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let mut text = String::from_utf8_lossy(&inner.bytes).into_owned();
        if inner.dropped > 0 {
            text.push_str(&format!(
                "\n[bora: output truncated at {} bytes, {} bytes dropped]",
                inner.cap, inner.dropped
            ));
        }
        text
    }
}

#[async_trait::async_trait]
impl OutputStream for CappedBuffer {
    fn write(&mut self, bytes: Bytes) -> Result<(), StreamError> {
        self.push(&bytes);
        Ok(())
    }
    fn flush(&mut self) -> Result<(), StreamError> {
        Ok(())
    }
    fn check_write(&mut self) -> Result<usize, StreamError> {
        // Always accept: what exceeds the cap is dropped, not refused.
        Ok(64 * 1024)
    }
}

#[async_trait::async_trait]
impl Pollable for CappedBuffer {
    async fn ready(&mut self) {}
}

impl tokio::io::AsyncWrite for CappedBuffer {
    fn poll_write(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        self.push(buf);
        Poll::Ready(Ok(buf.len()))
    }
    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

impl IsTerminal for CappedBuffer {
    fn is_terminal(&self) -> bool {
        false
    }
}

impl StdoutStream for CappedBuffer {
    fn p2_stream(&self) -> Box<dyn OutputStream> {
        Box::new(self.clone())
    }
    fn async_stream(&self) -> Box<dyn tokio::io::AsyncWrite + Send + Sync> {
        Box::new(self.clone())
    }
}

/// Caps the total linear memory of a call and records a refusal, so that the
/// trap that usually follows (a Rust guest aborts on allocation failure) is
/// reported as a memory-limit failure rather than a generic trap.
pub(crate) struct MemoryCap {
    pub limit: u64,
    /// Bytes of linear memory currently granted, over all memories.
    pub granted: u64,
    /// The total size of the first refused growth, if any.
    pub refused: Option<u64>,
}

impl ResourceLimiter for MemoryCap {
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        let extra = (desired as u64).saturating_sub(current as u64);
        let total = self.granted.saturating_add(extra);
        if total > self.limit {
            self.refused.get_or_insert(total);
            return Ok(false);
        }
        self.granted = total;
        Ok(true)
    }

    fn table_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        // Tables hold function references; a million entries is far beyond
        // any real action and keeps a hostile one from eating host memory.
        Ok(desired <= 1_000_000)
    }
}

/// What the `execution` import answers for one call.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ExecutionInfo {
    pub workflow_name: Option<String>,
    pub callback_url: Option<String>,
}

/// The data of one call's `Store`.
pub(crate) struct HostState {
    pub wasi: WasiCtx,
    pub http: WasiHttpCtx,
    pub hooks: EgressHooks,
    /// The `wasi:sockets` side of the same egress policy.
    pub socket_egress: Arc<SocketEgress>,
    pub execution: ExecutionInfo,
    /// The `ssh` import's settings when the action was granted `ssh`;
    /// `None`: the import refuses.
    pub ssh: Option<Arc<SshSettings>>,
    pub table: ResourceTable,
    pub memory: MemoryCap,
    pub logs: Vec<LogRecord>,
    /// Bytes of log messages kept so far (capped like stdout).
    pub log_bytes: usize,
    pub log_cap: usize,
    pub logs_dropped: usize,
    pub stdout: CappedBuffer,
    pub stderr: CappedBuffer,
}

impl HostState {
    /// A fresh sandbox: no preopened directories, no environment, no
    /// arguments, stdout and stderr captured; TCP connections only to what
    /// the egress policy allows, no UDP. wasmtime's name lookup stays off:
    /// `sockets` replaces it with one that checks names.
    pub(crate) fn new(
        output_cap: usize,
        memory_limit: u64,
        hooks: EgressHooks,
        execution: ExecutionInfo,
        ssh: Option<Arc<SshSettings>>,
    ) -> Self {
        let stdout = CappedBuffer::new(output_cap);
        let stderr = CappedBuffer::new(output_cap);
        let socket_egress = Arc::new(hooks.sockets());
        let check = Arc::clone(&socket_egress);
        let wasi = WasiCtx::builder()
            .stdout(stdout.clone())
            .stderr(stderr.clone())
            .allow_tcp(true)
            .allow_udp(false)
            .allow_ip_name_lookup(false)
            .socket_addr_check(move |addr, usage| {
                Box::pin(std::future::ready(check.permits(addr, usage)))
            })
            .build();
        Self {
            wasi,
            http: WasiHttpCtx::new(),
            hooks,
            socket_egress,
            execution,
            ssh,
            table: ResourceTable::new(),
            memory: MemoryCap {
                limit: memory_limit,
                granted: 0,
                refused: None,
            },
            logs: Vec::new(),
            log_bytes: 0,
            log_cap: output_cap,
            logs_dropped: 0,
            stdout,
            stderr,
        }
    }

    /// Makes a kept instance's state the next call's: its memory cap (false,
    /// and nothing changed, when the instance already holds more memory than
    /// that), what the `execution` import answers, and empty stdout, stderr
    /// and logs.
    pub(crate) fn rearm(&mut self, memory_limit: u64, execution: ExecutionInfo) -> bool {
        if self.memory.granted > memory_limit {
            return false;
        }
        self.memory.limit = memory_limit;
        self.memory.refused = None;
        self.execution = execution;
        self.stdout.clear();
        self.stderr.clear();
        self.logs.clear();
        self.log_bytes = 0;
        self.logs_dropped = 0;
        true
    }

    /// The log records, with a final note when some were dropped.
    pub(crate) fn take_logs(&mut self) -> Vec<LogRecord> {
        let mut logs = std::mem::take(&mut self.logs);
        if self.logs_dropped > 0 {
            logs.push(LogRecord {
                level: "warn",
                message: format!(
                    "bora: {} log records dropped (cap {} bytes)",
                    self.logs_dropped, self.log_cap
                ),
            });
        }
        logs
    }

    /// Adds a record unless the log cap is reached.
    pub(crate) fn push_log(&mut self, level: &'static str, message: String) {
        if self.log_bytes + message.len() > self.log_cap {
            self.logs_dropped += 1;
            return;
        }
        self.log_bytes += message.len();
        self.logs.push(LogRecord { level, message });
    }
}

impl WasiView for HostState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

impl WasiHttpView for HostState {
    fn http(&mut self) -> WasiHttpCtxView<'_> {
        WasiHttpCtxView {
            ctx: &mut self.http,
            table: &mut self.table,
            hooks: &mut self.hooks,
        }
    }
}

impl types::Host for HostState {}

impl execution::Host for HostState {
    async fn workflow_name(&mut self) -> Option<String> {
        self.execution.workflow_name.clone()
    }

    async fn callback_url(&mut self) -> Option<String> {
        self.execution.callback_url.clone()
    }
}

impl log::Host for HostState {
    async fn log(&mut self, level: log::Level, message: String) {
        let level = match level {
            log::Level::Trace => "trace",
            log::Level::Debug => "debug",
            log::Level::Info => "info",
            log::Level::Warn => "warn",
            log::Level::Error => "error",
        };
        self.push_log(level, message);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn capped_buffer_keeps_the_head_and_says_what_it_dropped() {
        let buf = CappedBuffer::new(4);
        buf.push(b"ab");
        buf.push(b"cdef");
        assert_eq!(
            buf.text(),
            "abcd\n[bora: output truncated at 4 bytes, 2 bytes dropped]"
        );
        let small = CappedBuffer::new(10);
        small.push(b"hello");
        assert_eq!(small.text(), "hello");
    }

    #[test]
    fn memory_cap_counts_all_memories_and_records_the_refusal() {
        let mut cap = MemoryCap {
            limit: 100,
            granted: 0,
            refused: None,
        };
        assert!(cap.memory_growing(0, 60, None).unwrap_or(false));
        assert!(cap.memory_growing(0, 30, None).unwrap_or(false));
        assert!(!cap.memory_growing(60, 80, None).unwrap_or(true));
        assert_eq!(cap.refused, Some(110));
        assert_eq!(cap.granted, 90);
    }
}
