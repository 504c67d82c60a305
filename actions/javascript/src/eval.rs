//! A script evaluated as Mistral's `JavaScriptAction` does it, with Boa:
//! wrapped in a function that is called at once, `$` set to the context,
//! and the returned value encoded as JSON.

use boa_engine::property::Attribute;
use boa_engine::{Context, JsError, JsValue, Source, js_string};
use serde_json::Value;
use serde_json::value::RawValue;

/// Why a script gave no result; the text is what follows
/// `JavaScriptAction failed: `.
#[derive(Debug, thiserror::Error)]
pub enum ScriptError {
    /// A syntax error, an uncaught exception (as JavaScript shows it:
    /// `TypeError: ...`), or one of Boa's own limits.
    #[error("{0}")]
    Js(String),
    /// `JSON.stringify` gave text that is not JSON (cannot happen with
    /// Boa's intrinsic; kept as an error rather than a panic).
    #[error("the result is not JSON: {0}")]
    NotJson(String),
}

/// Mistral's wrapping: the script is the body of a function called at once,
/// so `return` gives the result. The script has lines of its own, as in
/// Mistral, so a trailing `//` comment cannot swallow the closing brace.
pub fn wrap(script: &str) -> String {
    format!("function f() {{\n{script}\n}}\nf()")
}

/// Runs `script` (wrapped) with `$` set to `context` and returns the
/// returned value as JSON text: `JSON.stringify`'s encoding, `undefined`
/// (no `return`) as `null`.
pub fn evaluate(script: &str, context: &Value) -> Result<Box<RawValue>, ScriptError> {
    let mut js = Context::default();
    let js = &mut js;
    // Taken before the script runs, so a script that replaces
    // `JSON.stringify` does not choose how its result is encoded.
    let stringify = js
        .intrinsics()
        .objects()
        .json()
        .get(js_string!("stringify"), js)
        .map_err(|e| script_error(e, js))?;
    let dollar = JsValue::from_json(context, js).map_err(|e| script_error(e, js))?;
    // Mistral runs `$ = <context>` first: a plain global property.
    js.register_global_property(js_string!("$"), dollar, Attribute::all())
        .map_err(|e| script_error(e, js))?;
    let value = js
        .eval(Source::from_bytes(&wrap(script)))
        .map_err(|e| script_error(e, js))?;
    let Some(stringify) = stringify.as_callable() else {
        return Err(ScriptError::NotJson(
            "JSON.stringify is not callable".into(),
        ));
    };
    let text = stringify
        .call(&JsValue::undefined(), &[value], js)
        .map_err(|e| script_error(e, js))?;
    // `undefined` (no return value, a function, a symbol) is Mistral's None.
    let text = if text.is_undefined() {
        "null".to_owned()
    } else {
        text.to_string(js)
            .map_err(|e| script_error(e, js))?
            .to_std_string_escaped()
    };
    RawValue::from_string(text).map_err(|e| ScriptError::NotJson(e.to_string()))
}

/// An error as JavaScript shows it (`String(e)`: `Error: boom`, or a
/// thrown string itself). Boa's limits, which no script can catch, have no
/// JavaScript value: Boa's own wording.
fn script_error(error: JsError, js: &mut Context) -> ScriptError {
    let text = match error.into_opaque(js) {
        Ok(value) => match value.to_string(js) {
            Ok(text) => text.to_std_string_escaped(),
            // A thrown object whose toString throws in turn.
            Err(_) => value.display().to_string(),
        },
        Err(limit) => limit.to_string(),
    };
    ScriptError::Js(text)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use serde_json::json;

    use super::*;

    fn run(script: &str, context: Value) -> Result<String, String> {
        evaluate(script, &context)
            .map(|raw| raw.get().to_owned())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn the_script_is_a_function_body_on_lines_of_its_own() {
        assert_eq!(wrap("return 1"), "function f() {\nreturn 1\n}\nf()");
        assert_eq!(run("return 1 // the end", Value::Null).unwrap(), "1");
    }

    #[test]
    fn dollar_is_the_context() {
        assert_eq!(
            run("return $.a + $.b", json!({"a": 1, "b": 2})).unwrap(),
            "3"
        );
        assert_eq!(run("return $", Value::Null).unwrap(), "null");
        assert_eq!(run("return $[1] * 2", json!([1, 2.5])).unwrap(), "5");
    }

    #[test]
    fn results_are_json_with_key_order_kept() {
        let context = json!({"z": 1, "a": [true, null, "s"], "m": {"y": 1, "b": 2}});
        assert_eq!(
            run("return $", context.clone()).unwrap(),
            context.to_string()
        );
        assert_eq!(
            run("return {b: 1, a: [1, 'x', null], c: {d: 'e'}}", Value::Null).unwrap(),
            r#"{"b":1,"a":[1,"x",null],"c":{"d":"e"}}"#
        );
        assert_eq!(
            run("return 'hé \"q\"'", Value::Null).unwrap(),
            r#""hé \"q\"""#
        );
        assert_eq!(run("return null", Value::Null).unwrap(), "null");
        assert_eq!(run("return 0.5", Value::Null).unwrap(), "0.5");
    }

    #[test]
    fn undefined_is_null_and_stringify_rules_apply() {
        assert_eq!(run("var x = 1", Value::Null).unwrap(), "null");
        assert_eq!(run("return undefined", Value::Null).unwrap(), "null");
        assert_eq!(run("return function () {}", Value::Null).unwrap(), "null");
        assert_eq!(
            run(
                "return {u: undefined, n: NaN, f: function () {}}",
                Value::Null
            )
            .unwrap(),
            r#"{"n":null}"#
        );
        assert_eq!(
            run("return new Date(0)", Value::Null).unwrap(),
            r#""1970-01-01T00:00:00.000Z""#
        );
        // The script cannot change how its result is encoded.
        assert_eq!(
            run(
                "JSON.stringify = function () { return 'x' }; return [1]",
                Value::Null
            )
            .unwrap(),
            "[1]"
        );
    }

    #[test]
    fn errors_read_as_javascript_shows_them() {
        let err = run("return 1 +", Value::Null).unwrap_err();
        assert!(err.starts_with("SyntaxError: "), "{err}");
        assert_eq!(
            run("throw new Error('boom')", Value::Null).unwrap_err(),
            "Error: boom"
        );
        assert_eq!(
            run("throw new TypeError('bad')", Value::Null).unwrap_err(),
            "TypeError: bad"
        );
        assert_eq!(run("throw 'plain'", Value::Null).unwrap_err(), "plain");
        let err = run("return nope.x", Value::Null).unwrap_err();
        assert!(err.starts_with("ReferenceError: "), "{err}");
        // JSON has no BigInt, and no cycles.
        let err = run("return 1n", Value::Null).unwrap_err();
        assert!(err.starts_with("TypeError: "), "{err}");
        let err = run("var a = {}; a.a = a; return a", Value::Null).unwrap_err();
        assert!(err.starts_with("TypeError: "), "{err}");
    }
}
