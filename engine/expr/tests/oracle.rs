//! The expression oracle: every case of
//! `shared/conformance/expressions/public.json` (results real Mistral 23
//! gave) is evaluated and compared; the test prints `N passed, N failed`
//! with the failing cases, and fails only when the pass count drops below the
//! floor recorded here (raise it as the implementation improves, never lower
//! it).
//!
//! Comparison rules: a case with `error` must fail; otherwise the JSON result
//! must be equal (integers and floats are distinct), sets compare unordered,
//! `nondeterministic` cases compare only the type. For `evaluate` cases,
//! `validate()` must also agree with `validation_error` (fails or not).
//! `context_after` (Jinja mutating `list.append` & co.) is not checked: the
//! data context is read-only here.
//!
//! The oracle lives outside the repository (`../shared` beside the clone, or
//! `BORA_SHARED`); without it the test says so and passes.

use std::collections::BTreeMap;
use std::path::PathBuf;

use bora_expr::context::DataContext;
use bora_expr::eval::{evaluate, evaluate_recursively, validate};
use bora_expr::functions::NoHost;
use proptest::prelude::*;
use serde_json::Value;

/// Lowest acceptable number of passing public cases.
const PASS_FLOOR: usize = 596;

fn oracle_path() -> PathBuf {
    let shared = std::env::var_os("BORA_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    shared.join("conformance/expressions/public.json")
}

fn sort_unordered(v: &Value) -> Value {
    match v {
        Value::Array(items) => {
            let mut items: Vec<Value> = items.clone();
            items.sort_by_key(|a| a.to_string());
            Value::Array(items)
        }
        other => other.clone(),
    }
}

fn json_type_matches(result_type: &str, v: &Value) -> bool {
    match result_type {
        "str" => v.is_string(),
        "int" => v.is_i64() || v.is_u64(),
        "float" => v.is_f64(),
        "bool" => v.is_boolean(),
        "list" | "tuple" | "set" => v.is_array(),
        "dict" => v.is_object(),
        "NoneType" => v.is_null(),
        // datetime and friends come out as text.
        _ => v.is_string(),
    }
}

struct Outcome {
    ok: bool,
    detail: String,
}

fn run_case(case: &Value) -> Outcome {
    let expr = &case["expr"];
    let context = DataContext::new(case["context"].clone());
    let mode = case["mode"].as_str().unwrap_or("evaluate");
    let actual = if mode == "evaluate_recursively" {
        evaluate_recursively(expr, &context, &NoHost)
    } else {
        match expr.as_str() {
            Some(text) => evaluate(text, &context, &NoHost),
            // Mistral's evaluate() returns anything but a string unchanged.
            None => Ok(expr.clone()),
        }
    };
    let mut problems = Vec::new();
    if let Some(error) = case.get("error") {
        if let Ok(v) = &actual {
            problems.push(format!("expected error {}, got {v}", error["message"]));
        }
    } else {
        match &actual {
            Err(e) => problems.push(format!(
                "expected {}, got error: {e}",
                case.get("result").unwrap_or(&Value::Null)
            )),
            Ok(v) => {
                let result_type = case["result_type"].as_str().unwrap_or("");
                if case.get("nondeterministic").and_then(Value::as_bool) == Some(true) {
                    if !json_type_matches(result_type, v) {
                        problems.push(format!("expected a {result_type}, got {v}"));
                    }
                } else {
                    let expected = case.get("result").cloned().unwrap_or(Value::Null);
                    let same = if result_type == "set"
                        || case
                            .get("result_note")
                            .and_then(Value::as_str)
                            .is_some_and(|n| n.contains("unordered"))
                    {
                        match_unordered(&expected, v)
                    } else {
                        expected == *v
                    };
                    if !same {
                        problems.push(format!("expected {expected}, got {v}"));
                    }
                }
            }
        }
    }
    if mode == "evaluate"
        && let (Some(text), Some(expected)) = (expr.as_str(), case.get("validation_error"))
    {
        let got = validate(text);
        match (expected.is_null(), &got) {
            (true, Err(e)) => problems.push(format!("validate: unexpected error {e}")),
            (false, Ok(())) => {
                problems.push(format!("validate: expected error {}", expected["message"]))
            }
            _ => {}
        }
    }
    Outcome {
        ok: problems.is_empty(),
        detail: problems.join("; "),
    }
}

/// Sets are recorded as sorted lists, possibly nested in a dict.
fn match_unordered(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            e.len() == a.len()
                && e.iter()
                    .all(|(k, ev)| a.get(k).is_some_and(|av| match_unordered(ev, av)))
        }
        (Value::Array(_), Value::Array(_)) => sort_unordered(expected) == sort_unordered(actual),
        _ => expected == actual,
    }
}

#[test]
fn expression_oracle() {
    // Debug builds of the evaluators recurse deeply; give them room.
    std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(run_oracle)
        .expect("spawn the oracle thread")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
}

fn run_oracle() {
    let path = oracle_path();
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("oracle not found at {}: skipped", path.display());
        return;
    };
    let cases: Vec<Value> = serde_json::from_str(&text).expect("the oracle is JSON");
    let mut passed = 0;
    let mut per_language: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    // BORA_ORACLE_ONLY=prefix runs only the matching ids (for debugging).
    let only = std::env::var("BORA_ORACLE_ONLY").unwrap_or_default();
    let cases: Vec<&Value> = cases
        .iter()
        .filter(|c| c["id"].as_str().unwrap_or("").starts_with(only.as_str()))
        .collect();
    for case in cases.iter().copied() {
        let id = case["id"].as_str().unwrap_or("?");
        let category = case["category"].as_str().unwrap_or("");
        let language = if category.starts_with("yaql") {
            "yaql"
        } else if category.starts_with("jinja") {
            "jinja"
        } else {
            "other"
        };
        if std::env::var_os("BORA_ORACLE_TRACE").is_some() {
            eprintln!("case {id}");
        }
        let outcome = run_case(case);
        let entry = per_language.entry(language).or_default();
        if outcome.ok {
            passed += 1;
            entry.0 += 1;
        } else {
            entry.1 += 1;
            failures.push(format!("{id} {}: {}", case["expr"], outcome.detail));
        }
    }
    for failure in &failures {
        println!("FAIL {failure}");
    }
    for (language, (ok, bad)) in &per_language {
        println!("{language}: {ok} passed, {bad} failed");
    }
    println!("{passed} passed, {} failed", cases.len() - passed);
    assert!(
        passed >= PASS_FLOOR,
        "{passed} oracle cases pass, below the floor of {PASS_FLOOR}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in r#"[<%{}>$_a-z0-9 ()'"|.,+*/=!~?\-\[\]\n#]{0,40}"#) {
        let context = DataContext::new(serde_json::json!({"a": 1, "l": [1, 2], "d": {"x": "y"}}));
        let _ = evaluate(&text, &context, &NoHost);
        let _ = validate(&text);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,30}") {
        let context = DataContext::new(serde_json::json!({"a": 1}));
        let wrapped = [format!("<% {text} %>"), format!("{{{{ {text} }}}}"), format!("x {{{{ {text} }}}}"), text.clone()];
        for t in wrapped {
            let _ = evaluate(&t, &context, &NoHost);
            let _ = validate(&t);
        }
    }
}
