//! `bora action new|build`: make an action project from a kit's template
//! and build it into a component (the work is in `crate::kits`).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use crate::kits::{self, BuildOptions, Lang};
use crate::runtime::default_cache_dir;

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The language of the project.
    #[arg(long, value_enum)]
    lang: Lang,
    /// The folder to create; its name is the action's name (a letter, then
    /// letters, digits, `-` or `_`).
    name: PathBuf,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The project folder (made by `bora action new`): Rust (Cargo.toml),
    /// Python (app.py) or JavaScript (action.js).
    name: PathBuf,
    /// Where the Python and JavaScript tools (componentize-py,
    /// componentize-js) are installed on first use (default: `kits/` in the
    /// user cache dir). `BORA_PYTHON`, `BORA_NODE` and `BORA_NPM` choose the
    /// programs that install and run them.
    #[arg(long, env = "BORA_KITS_DIR", value_name = "DIR")]
    kits_dir: Option<PathBuf>,
}

pub fn new(args: NewArgs) -> anyhow::Result<ExitCode> {
    let files = kits::new_project(args.lang, &args.name)?;
    println!(
        "created {} ({} action, {} files)",
        args.name.display(),
        args.lang,
        files.len()
    );
    println!("build it:  bora action build {}", args.name.display());
    let name = args
        .name
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    println!(
        "run it:    bora action run {} --input '{{\"name\": \"Ada\"}}'",
        args.name.join(format!("{name}.wasm")).display()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn build(args: BuildArgs) -> anyhow::Result<ExitCode> {
    let options = BuildOptions {
        kits_dir: args
            .kits_dir
            .unwrap_or_else(|| default_cache_dir().join("kits")),
    };
    let built = kits::build(&args.name, &options)
        .with_context(|| format!("cannot build {}", args.name.display()))?;
    let install = built
        .install_time
        .map(|t| format!(" (tools installed first, in {:.1} s)", t.as_secs_f64()))
        .unwrap_or_default();
    println!(
        "built {} ({} action, {} bytes) in {:.1} s{install}",
        built.wasm.display(),
        built.lang,
        built.bytes,
        built.build_time.as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
