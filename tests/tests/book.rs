//! The book's examples (docs/) run as the book says: every workflow marked
//! `<!-- bora-test {...} -->` gives the output its marker names under `bora
//! run`, and every expression listed as `` - `EXPR` → `RESULT` `` gives that
//! result under `bora expr` with the data of the `<!-- bora-data ... -->`
//! above it. Every chapter the book's SUMMARY.md names exists. The function
//! references document every YAQL function and every Jinja filter, test,
//! global function and method that `bora_expr` lists, each with an example.

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

/// The names a reference chapter documents, each `` **`NAME`** `` of an entry
/// line with the kind of name its section is about (the last heading that
/// starts with one of `kinds`' prefixes), and those of its names that no
/// example shows. An entry's names must appear in an example (an expression
/// listed, or a workflow) before the next entry, or in those of the next
/// entry that has examples (entries without examples share the next ones').
fn documented<'k>(
    chapter: &str,
    kinds: &[(&'k str, &[&str])],
) -> (Vec<(&'k str, String)>, Vec<String>) {
    let text = std::fs::read_to_string(docs().join(chapter)).unwrap();
    let mut found = Vec::new();
    let mut unshown = Vec::new();
    // Names waiting for an example, and the examples of the current entry.
    let mut pending: Vec<(String, usize)> = Vec::new();
    let mut shown: Vec<String> = Vec::new();
    let mut kind: Option<&'k str> = None;
    let mut in_yaml = false;
    let settle =
        |pending: &mut Vec<(String, usize)>, shown: &[String], unshown: &mut Vec<String>| {
            for (name, line) in pending.drain(..) {
                if !shown.iter().any(|example| mentions(example, &name)) {
                    unshown.push(format!("{chapter}:{line}: {name}"));
                }
            }
        };
    for (at, line) in text.lines().enumerate() {
        if in_yaml {
            in_yaml = line.trim() != "```";
            shown.push(line.to_string());
            continue;
        }
        if line.trim() == "```yaml" {
            in_yaml = true;
            continue;
        }
        if let Some((expr, _)) = example(line) {
            shown.push(expr.to_string());
            continue;
        }
        let names: Vec<&str> = line
            .split("**`")
            .skip(1)
            .filter_map(|rest| rest.split_once("`**").map(|(name, _)| name))
            .collect();
        let heading = line.starts_with('#');
        if heading || !names.is_empty() {
            // A new entry: the examples so far were the previous ones'.
            if !shown.is_empty() || heading {
                settle(&mut pending, &shown, &mut unshown);
                shown.clear();
            }
        }
        if heading {
            let title = line.trim_start_matches('#').trim();
            if let Some((prefix, _)) = kinds.iter().find(|(p, _)| title.starts_with(p)) {
                kind = Some(prefix);
            }
            continue;
        }
        for name in names {
            let kind =
                kind.unwrap_or_else(|| panic!("{chapter}:{}: {name} before a section", at + 1));
            found.push((kind, name.to_string()));
            pending.push((name.to_string(), at + 1));
        }
    }
    settle(&mut pending, &shown, &mut unshown);
    (found, unshown)
}

/// Whether `name` is a word of `text` (not part of a longer name).
fn mentions(text: &str, name: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    text.match_indices(name).any(|(at, _)| {
        !word(text[..at].chars().next_back()) && !word(text[at + name.len()..].chars().next())
    })
}

/// What is wrong with `chapter`: names of `kinds` it does not document,
/// names it documents that are not among them, names without an example.
fn compare(chapter: &str, kinds: &[(&str, &[&str])]) -> Vec<String> {
    let (found, unshown) = documented(chapter, kinds);
    let label = |kind: &str| match kind {
        "" => String::new(),
        kind => format!("{kind}: "),
    };
    let mut wrong: Vec<String> = unshown
        .into_iter()
        .map(|name| format!("{name} has no example"))
        .collect();
    for (kind, names) in kinds {
        for name in names.iter() {
            if !found.iter().any(|(k, n)| k == kind && n == name) {
                wrong.push(format!(
                    "{chapter}: {}{name} is not documented",
                    label(kind)
                ));
            }
        }
    }
    for (kind, name) in &found {
        let known = kinds
            .iter()
            .any(|(k, names)| k == kind && names.contains(&name.as_str()));
        if !known {
            wrong.push(format!(
                "{chapter}: {}{name} is documented but does not exist",
                label(kind)
            ));
        }
    }
    wrong
}

#[test]
fn the_references_document_every_function_with_an_example() {
    use bora::bora_expr::jinja::names;
    let chapters = chapters();
    for file in ["yaql-functions.md", "jinja-functions.md"] {
        assert!(
            chapters.contains(&docs().join(file)),
            "SUMMARY.md lacks {file}"
        );
    }
    let mut wrong = compare(
        "yaql-functions.md",
        &[("", bora::bora_expr::yaql::stdlib::function_names())],
    );
    wrong.extend(compare(
        "jinja-functions.md",
        &[
            ("Filters", names::FILTERS),
            ("Tests", names::TESTS),
            ("Global functions", names::FUNCTIONS),
            ("Methods of strings", names::STR_METHODS),
            ("Methods of lists", names::LIST_METHODS),
            ("Methods of dictionaries", names::DICT_METHODS),
        ],
    ));
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
