//! The `bora` command line, built from the same code as the real binary so
//! that `tests/tests/cli_client.rs` can run it (a test can only name the
//! binaries of its own package).

fn main() -> std::process::ExitCode {
    bora::cli::main()
}
