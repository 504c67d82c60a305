//! The `bora` command, built in this package so that its integration tests
//! can run `bora serve` as a process (`CARGO_BIN_EXE_bora-under-test`) and
//! feed it the test programs.

fn main() -> std::process::ExitCode {
    bora::cli::main()
}
