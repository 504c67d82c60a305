//! `bora serve`'s settings from a TOML file, and `bora config show`.
//!
//! The file holds any of `bora serve`'s long flags as keys (`max-fuel =
//! 1000000`, `listen = "0.0.0.0:8989"`, `no-migrate = true`; `_` works for
//! `-`). It is `--config PATH` (or `BORA_CONFIG`), else `bora.toml` in the
//! working directory when there is one. Precedence: a flag, then its
//! environment variable, then the file, then the default. clap already
//! orders flags, environment and defaults; the file's values are slipped
//! in as flags for exactly the settings that are still at their default,
//! and the command line is parsed again.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::parser::ValueSource;
use clap::{ArgAction, ArgMatches, Args, CommandFactory, Subcommand};

use super::Cli;
use super::serve::ServeArgs;

/// The file read when `--config` is not given, if it exists.
pub(crate) const DEFAULT_FILE: &str = "bora.toml";

/// Settings that are not read from the file: clap's own and the file's name.
const NOT_SETTINGS: &[&str] = &["help", "version", "config"];

/// `bora config`.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the settings `bora serve` would run with (the same flags,
    /// environment and file), as a TOML file with where each value comes
    /// from.
    Show(ServeArgs),
}

/// Where the file's values went: the file and the settings it gave.
#[derive(Debug, Default)]
pub(crate) struct FromFile {
    pub(crate) path: Option<PathBuf>,
    pub(crate) ids: BTreeSet<String>,
}

/// Parses the command line with the configuration file's values merged in
/// (for `serve` and `config show`). clap exits itself on `--help` and on
/// its own errors.
///
/// # Errors
/// A file that cannot be read or parsed, an unknown key, a value of the
/// wrong shape, or a file value clap refuses (named with the file).
pub(crate) fn parse(argv: Vec<OsString>) -> anyhow::Result<(ArgMatches, FromFile)> {
    let matches = Cli::command().get_matches_from(&argv);
    let Some(settings) = serve_settings(&matches) else {
        return Ok((matches, FromFile::default()));
    };
    let explicit = settings.get_one::<PathBuf>("config").cloned();
    let path = match explicit {
        Some(path) => path,
        None if Path::new(DEFAULT_FILE).is_file() => PathBuf::from(DEFAULT_FILE),
        None => return Ok((matches, FromFile::default())),
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read the configuration file {}", path.display()))?;
    let table: toml::Table =
        toml::from_str(&text).with_context(|| format!("{} is not valid TOML", path.display()))?;
    let (extra, ids) = file_flags(settings, &table, &path)?;
    if extra.is_empty() {
        let from = FromFile {
            path: Some(path),
            ids,
        };
        return Ok((matches, from));
    }
    let mut all = argv;
    all.extend(extra);
    let matches = Cli::command().try_get_matches_from(all).map_err(|err| {
        anyhow::anyhow!("{}: {}", path.display(), err.render().to_string().trim())
    })?;
    Ok((
        matches,
        FromFile {
            path: Some(path),
            ids,
        },
    ))
}

/// The database the store commands (`bora token`, `bora audit`) open, as
/// `serve` would: `--database` (or `BORA_DATABASE_URL`), else the
/// configuration file's `database`, else the default.
///
/// # Errors
/// As [`file_setting`].
pub(crate) fn database_url(flag: Option<&str>, config: Option<&Path>) -> anyhow::Result<String> {
    if let Some(url) = flag {
        return Ok(url.to_owned());
    }
    Ok(file_setting(config, "database")?.unwrap_or_else(|| DEFAULT_DATABASE.to_owned()))
}

/// A string setting of the configuration file `serve` reads (`--config`,
/// else `bora.toml` when there is one), for the commands that work on the
/// same store without being `serve`.
///
/// # Errors
/// A named file that cannot be read, or a file that is not TOML or whose
/// setting is not a string.
pub(crate) fn file_setting(config: Option<&Path>, key: &str) -> anyhow::Result<Option<String>> {
    let path = match config {
        Some(path) => path.to_path_buf(),
        None if Path::new(DEFAULT_FILE).is_file() => PathBuf::from(DEFAULT_FILE),
        None => return Ok(None),
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read the configuration file {}", path.display()))?;
    let table: toml::Table =
        toml::from_str(&text).with_context(|| format!("{} is not valid TOML", path.display()))?;
    match table.get(key).or_else(|| table.get(&key.replace('-', "_"))) {
        None => Ok(None),
        Some(toml::Value::String(value)) => Ok(Some(value.clone())),
        Some(_) => bail!("{}: '{key}' must be a string", path.display()),
    }
}

/// The database `bora serve` uses when none is named.
pub(crate) const DEFAULT_DATABASE: &str = "sqlite://bora.sqlite";

/// The matches of `serve` or `config show`, which take the serve settings.
fn serve_settings(matches: &ArgMatches) -> Option<&ArgMatches> {
    match matches.subcommand()? {
        ("serve", m) => Some(m),
        ("config", m) => match m.subcommand()? {
            ("show", m) => Some(m),
            _ => None,
        },
        _ => None,
    }
}

/// The flags standing for the file's values, for the settings neither
/// given as flags nor in the environment; and the ids of those settings.
fn file_flags(
    settings: &ArgMatches,
    table: &toml::Table,
    path: &Path,
) -> anyhow::Result<(Vec<OsString>, BTreeSet<String>)> {
    let command = ServeArgs::augment_args(clap::Command::new("serve"));
    let mut extra = Vec::new();
    let mut ids = BTreeSet::new();
    for (key, value) in table {
        let id = key.replace('-', "_");
        let Some(arg) = command
            .get_arguments()
            .find(|a| a.get_id().as_str() == id && !NOT_SETTINGS.contains(&id.as_str()))
        else {
            bail!(
                "{}: unknown setting '{key}' (the settings are bora serve's long flags: {})",
                path.display(),
                setting_names(&command).join(", ")
            );
        };
        let long = arg.get_long().unwrap_or(arg.get_id().as_str());
        if overridden(settings, &id) {
            continue;
        }
        ids.insert(id.clone());
        let flag = matches!(arg.get_action(), ArgAction::SetTrue);
        match (value, flag) {
            (toml::Value::Boolean(on), true) => {
                if *on {
                    extra.push(OsString::from(format!("--{long}")));
                }
            }
            (_, true) => bail!("{}: '{key}' must be true or false", path.display()),
            (value, false) => {
                let text = scalar(value).with_context(|| {
                    format!(
                        "{}: '{key}' must be a string, a number, a boolean or a list of them",
                        path.display()
                    )
                })?;
                extra.push(OsString::from(format!("--{long}={text}")));
            }
        }
    }
    Ok((extra, ids))
}

/// Whether a setting was given by a flag or its environment variable (or,
/// for the log filter, `RUST_LOG`), which all beat the file.
fn overridden(settings: &ArgMatches, id: &str) -> bool {
    let given = matches!(
        settings.value_source(id),
        Some(ValueSource::CommandLine | ValueSource::EnvVariable)
    );
    given || (id == "log" && std::env::var_os("RUST_LOG").is_some_and(|v| !v.is_empty()))
}

/// A TOML value as the text of a flag's value; lists are comma-separated
/// (`role = ["api", "engine"]`).
fn scalar(value: &toml::Value) -> Option<String> {
    match value {
        toml::Value::String(text) => Some(text.clone()),
        toml::Value::Integer(n) => Some(n.to_string()),
        toml::Value::Float(x) => Some(x.to_string()),
        toml::Value::Boolean(b) => Some(b.to_string()),
        toml::Value::Array(items) => items
            .iter()
            .map(scalar)
            .collect::<Option<Vec<_>>>()
            .map(|items| items.join(",")),
        toml::Value::Table(_) | toml::Value::Datetime(_) => None,
    }
}

fn setting_names(command: &clap::Command) -> Vec<String> {
    command
        .get_arguments()
        .filter(|a| !NOT_SETTINGS.contains(&a.get_id().as_str()))
        .filter_map(|a| a.get_long().map(str::to_owned))
        .collect()
}

/// `bora config show`: every setting with its value and where it came from,
/// as a TOML file that `bora serve --config` reads back.
pub(crate) fn show(matches: &ArgMatches, from: &FromFile) -> anyhow::Result<ExitCode> {
    let settings = serve_settings(matches).context("bora config show: no settings parsed")?;
    print!("{}", render(settings, from));
    Ok(ExitCode::SUCCESS)
}

/// The text of [`show`].
fn render(settings: &ArgMatches, from: &FromFile) -> String {
    let command = ServeArgs::augment_args(clap::Command::new("serve"));
    let mut out = String::from(
        "# bora serve settings: a flag beats its environment variable, which beats\n\
         # the file, which beats the default.\n",
    );
    match &from.path {
        Some(path) => out.push_str(&format!("# file: {}\n", path.display())),
        None => out.push_str("# file: none\n"),
    }
    for arg in command.get_arguments() {
        let id = arg.get_id().as_str();
        let Some(long) = arg.get_long() else { continue };
        if NOT_SETTINGS.contains(&id) {
            continue;
        }
        let source = if from.ids.contains(id) {
            "file".to_owned()
        } else {
            match settings.value_source(id) {
                Some(ValueSource::CommandLine) => "flag".to_owned(),
                Some(ValueSource::EnvVariable) => {
                    arg.get_env().map_or("environment".to_owned(), |e| {
                        e.to_string_lossy().into_owned()
                    })
                }
                _ => "default".to_owned(),
            }
        };
        let raw: Vec<String> = settings
            .get_raw(id)
            .map(|values| values.map(|v| v.to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        if raw.is_empty() {
            out.push_str(&format!("# {long} = (unset)\n"));
        } else {
            let mut joined = raw.join(",");
            if id == "database" {
                // Shown on terminals and in tickets: never the password.
                joined = super::serve::redacted(&joined);
            }
            if id == "secret_key" {
                joined = crate::secrets::MASK.to_owned();
            }
            let value = toml_value(&joined);
            out.push_str(&format!("{long} = {value}  # {source}\n"));
        }
    }
    out
}

/// A raw flag value as TOML: a number or boolean when it reads as one,
/// else a string.
fn toml_value(raw: &str) -> toml::Value {
    if let Ok(n) = raw.parse::<i64>() {
        toml::Value::Integer(n)
    } else if let Ok(x) = raw.parse::<f64>()
        && x.is_finite()
    {
        toml::Value::Float(x)
    } else if let Ok(b) = raw.parse::<bool>() {
        toml::Value::Boolean(b)
    } else {
        toml::Value::String(raw.to_owned())
    }
}
