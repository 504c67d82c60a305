//! Serialising filters: `tojson`, `pprint`.

use super::*;

pub(super) fn register(env: &mut Environment<'static>) {
    filters!(env,
        "pprint" => pprint,
        "tojson" => tojson,
    );
}

fn pprint(v: Value) -> Result<Value, Error> {
    // Jinja2 prints an undefined value's repr.
    if v.is_undefined() {
        return Ok(Value::from("Undefined"));
    }
    let mut json = json_of(&v)?;
    sort_json_keys(&mut json);
    Ok(Value::from(pformat(&json)))
}

fn tojson(v: Value, indent: Option<usize>) -> Result<Value, Error> {
    let out = python::json_dumps(&json_of(&v)?, indent, true)
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\'', "\\u0027");
    Ok(Value::from_safe_string(out))
}
