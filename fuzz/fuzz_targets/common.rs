//! Shared by the targets: small limits, so that each input ends fast and a
//! limit is actually reached often.

use bora_expr::functions::ExprHost;
use bora_expr::limits::Limits;
use bora_expr::{DataContext, ExprError};

pub struct Small(pub Limits);

impl ExprHost for Small {
    fn limits(&self) -> &Limits {
        &self.0
    }
}

pub fn small() -> Small {
    Small(Limits {
        max_steps: 20_000,
        max_bytes: 1 << 20,
        max_depth: 20,
        max_expression_depth: 60,
        deadline: None,
    })
}

pub fn data() -> DataContext {
    DataContext::new(serde_json::json!({
        "a": 1, "s": "text", "list": [1, 2, 3], "d": {"k": [1, {"x": null}]},
        "__env": {"e": 1}, "__execution": {"id": "x"}
    }))
}

/// Evaluates; a result must be JSON no deeper than the limit.
pub fn check(text: &str) {
    let host = small();
    let _ = bora_expr::validate(text);
    match bora_expr::evaluate(text, &data(), &host) {
        Ok(value) => {
            // Anything an expression returns can be stored and read back.
            assert!(bora_expr::check_depth(&value, 128).is_ok());
            let _ = serde_json::to_string(&value);
        }
        Err(ExprError::Limit { .. }) | Err(_) => {}
    }
}
