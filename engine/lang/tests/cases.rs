//! Every `wf.yaml` of the shared conformance cases (all accepted by Mistral)
//! loads and validates, as a workbook when `meta.json` says so.

use crate::common;

use bora_lang::{Kind, parse_any};

#[test]
fn conformance_cases_validate() {
    let Some(shared) = common::shared_dir() else {
        println!("note: shared conformance directory not found; cases test skipped");
        return;
    };
    let dir = shared.join("conformance/cases");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("wf.yaml").is_file())
        .collect();
    entries.sort();
    let mut failures = Vec::new();
    for case in &entries {
        let text = std::fs::read_to_string(case.join("wf.yaml")).unwrap_or_default();
        let meta = std::fs::read_to_string(case.join("meta.json")).unwrap_or_default();
        let meta: serde_json::Value = serde_json::from_str(&meta).unwrap_or_default();
        let kind = if meta["is_workbook"].as_bool() == Some(true) {
            Kind::Workbook
        } else {
            Kind::Workflows
        };
        if let Err(e) = parse_any(&text, Some(kind)) {
            failures.push(format!("{}: {e}", case.display()));
        }
    }
    println!("{} cases, {} failed", entries.len(), failures.len());
    assert!(!entries.is_empty(), "no cases found in {}", dir.display());
    assert!(
        failures.is_empty(),
        "cases rejected:\n{}",
        failures.join("\n")
    );
}
