//! The validation oracle: `validation/public.json` holds definitions with
//! real Mistral 23's verdict. Every case where Mistral answered 200 or 400
//! must get the same verdict (valid or invalid) from Bora.

use crate::common;

use bora_lang::{Kind, parse_any};
use serde_json::Value;

/// Raise as the implementation improves; never lower it.
const FLOOR: usize = 465;

#[test]
fn validation_oracle_public() {
    let Some(shared) = common::shared_dir() else {
        println!("note: shared conformance directory not found; oracle test skipped");
        return;
    };
    let path = shared.join("conformance/validation/public.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let cases: Vec<Value> = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let (mut passed, mut failed, mut skipped) = (0, Vec::new(), 0);
    // BORA_ORACLE_VERBOSE=1 also prints both messages for agreeing rejections.
    let verbose = std::env::var_os("BORA_ORACLE_VERBOSE").is_some();
    for case in &cases {
        let id = case["id"].as_str().unwrap_or("?");
        let code = case["error"].get("http_code").and_then(Value::as_u64);
        if !(case["error"].is_null() || code == Some(400)) {
            skipped += 1;
            continue;
        }
        let kind: Kind = case["kind"]
            .as_str()
            .unwrap_or("")
            .parse()
            .unwrap_or_else(|e| panic!("{id}: {e}"));
        let expected_valid = case["valid"].as_bool().unwrap_or(false);
        let result = parse_any(case["text"].as_str().unwrap_or(""), Some(kind));
        if result.is_ok() == expected_valid {
            passed += 1;
            if verbose && let (Err(e), Some(m)) = (&result, case["error"]["message"].as_str()) {
                println!(
                    "OK {id}\n    mistral: {}\n    bora:    {}",
                    m.lines().next().unwrap_or(""),
                    e.0[0]
                );
            }
        } else {
            let mistral = case["error"]["message"]
                .as_str()
                .map_or("valid".to_string(), |m| {
                    m.lines().next().unwrap_or("").chars().take(160).collect()
                });
            let bora = match &result {
                Ok(_) => "valid".to_string(),
                Err(e) => e
                    .to_string()
                    .lines()
                    .next()
                    .unwrap_or("")
                    .chars()
                    .take(200)
                    .collect(),
            };
            failed.push(format!("{id}\n    mistral: {mistral}\n    bora:    {bora}"));
        }
    }
    for f in &failed {
        println!("FAIL {f}");
    }
    println!(
        "{passed} passed, {} failed ({skipped} skipped: Mistral answered 500)",
        failed.len()
    );
    assert!(
        passed >= FLOOR,
        "{passed} passed, below the floor of {FLOOR}"
    );
}
