//! The book's examples (docs/) run as the book says: every workflow marked
//! `<!-- bora-test {...} -->` gives the output its marker names under `bora
//! run`, and every expression listed as `` - `EXPR` → `RESULT` `` gives that
//! result under `bora expr` with the data of the `<!-- bora-data ... -->`
//! above it. Every chapter the book's SUMMARY.md names exists.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs")
}

fn chapters() -> Vec<PathBuf> {
    let summary = std::fs::read_to_string(docs().join("SUMMARY.md")).unwrap();
    summary
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .map(|file| docs().join(file))
        .collect()
}

fn bora(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bora-under-test"))
        .args(args)
        .env("BORA_LOG", "warn")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The JSON of a marker comment `<!-- NAME {...} -->` on `line`.
fn marker(line: &str, name: &str) -> Option<Value> {
    let rest = line.trim().strip_prefix("<!--")?.trim_start();
    let json = rest.strip_prefix(name)?.trim().strip_suffix("-->")?;
    Some(serde_json::from_str(json).unwrap_or_else(|e| panic!("bad marker {line}: {e}")))
}

#[test]
fn every_chapter_exists() {
    let chapters = chapters();
    assert!(chapters.len() >= 5, "{chapters:?}");
    for chapter in chapters {
        assert!(chapter.is_file(), "SUMMARY.md names {}", chapter.display());
    }
}

#[test]
fn the_books_workflows_give_the_outputs_it_shows() {
    let dir = tempfile::tempdir().unwrap();
    let mut ran = 0;
    for chapter in chapters() {
        let text = std::fs::read_to_string(&chapter).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (at, line) in lines.iter().enumerate() {
            let Some(test) = marker(line, "bora-test") else {
                continue;
            };
            let where_ = format!("{}:{}", chapter.display(), at + 1);
            assert_eq!(
                lines.get(at + 1).map(|l| l.trim()),
                Some("```yaml"),
                "{where_}"
            );
            let yaml: Vec<&str> = lines[at + 2..]
                .iter()
                .take_while(|l| l.trim() != "```")
                .copied()
                .collect();
            let file = dir.path().join(format!("wf{ran}.yaml"));
            std::fs::write(&file, yaml.join("\n")).unwrap();
            let input = test["input"].to_string();
            let mut args = vec!["run", file.to_str().unwrap(), "--input", &input];
            let workflow = test["workflow"].as_str().unwrap_or_default().to_owned();
            if !workflow.is_empty() {
                args.extend(["--workflow", &workflow]);
            }
            let (ok, stdout, stderr) = bora(&args);
            assert!(ok, "{where_}: bora run failed: {stdout}{stderr}");
            let output: Value = serde_json::from_str(&stdout)
                .unwrap_or_else(|e| panic!("{where_}: output is not JSON ({e}): {stdout}"));
            assert_eq!(output, test["output"], "{where_}");
            ran += 1;
        }
    }
    assert!(ran >= 5, "only {ran} workflows are marked in the book");
}

/// `` - `EXPR` → `RESULT` `` (and any remark after it) as (EXPR, RESULT).
fn example(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix("- `")?;
    let (expr, rest) = rest.split_once("` → `")?;
    Some((expr, rest.split_once('`')?.0))
}

#[test]
fn the_books_expressions_give_the_results_it_shows() {
    let mut checked = 0;
    let mut wrong = Vec::new();
    for chapter in chapters() {
        let text = std::fs::read_to_string(&chapter).unwrap();
        let mut data = Value::Object(Default::default());
        for (at, line) in text.lines().enumerate() {
            if let Some(given) = marker(line, "bora-data") {
                data = given;
                continue;
            }
            let Some((expr, result)) = example(line) else {
                continue;
            };
            let want: Value = serde_json::from_str(result).unwrap_or_else(|e| {
                panic!("{}:{}: result is not JSON ({e})", chapter.display(), at + 1)
            });
            let context = data.to_string();
            let (ok, stdout, stderr) = bora(&["expr", expr, "--context", &context, "--compact"]);
            let got: Option<Value> = ok.then(|| serde_json::from_str(&stdout).ok()).flatten();
            if got.as_ref() != Some(&want) {
                wrong.push(format!(
                    "{}:{}: {expr}: want {want}, got {}{}",
                    chapter.display(),
                    at + 1,
                    stdout.trim(),
                    stderr.trim()
                ));
            }
            checked += 1;
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(
        checked >= 50,
        "only {checked} expressions are listed in the book"
    );
}
