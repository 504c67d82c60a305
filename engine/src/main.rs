//! The `bora` binary: parses the command line and hands over to [`bora::cli`].

/// mimalloc instead of glibc's malloc: a step allocates and frees many small
/// values (rows, JSON, expression results) across threads, and glibc's
/// allocator was about a tenth of the server's samples in a profile of
/// row d (bench d, 20 sub-workflows) on PostgreSQL.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    quiet_library_backtraces();
    bora::cli::main()
}

/// Keeps `RUST_BACKTRACE=1` from slowing every action call: with it,
/// wasmtime captures a backtrace for an error it makes and discards each
/// time a call's store is dropped, which halved a burst's throughput.
/// `RUST_LIB_BACKTRACE=0` turns off such library captures and leaves
/// panics' backtraces as `RUST_BACKTRACE` asks; an operator who sets
/// `RUST_LIB_BACKTRACE` keeps their choice.
#[allow(unsafe_code)]
fn quiet_library_backtraces() {
    if std::env::var_os("RUST_LIB_BACKTRACE").is_none() {
        // SAFETY: the first thing `main` does, before any thread exists
        // that could read the environment concurrently.
        unsafe { std::env::set_var("RUST_LIB_BACKTRACE", "0") };
    }
}
