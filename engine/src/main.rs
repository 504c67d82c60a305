//! The `bora` binary: parses the command line and hands over to [`bora::cli`].

fn main() -> std::process::ExitCode {
    bora::cli::main()
}
