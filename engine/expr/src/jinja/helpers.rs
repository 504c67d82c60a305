//! Errors, Python type names and value checks shared by functions,
//! filters and methods.

use super::*;

pub(super) fn err(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidOperation, message.into())
}

pub(super) fn type_name(value: &Value) -> &'static str {
    match value.kind() {
        ValueKind::None => "NoneType",
        ValueKind::Bool => "bool",
        ValueKind::Number if value.is_integer() => "int",
        ValueKind::Number => "float",
        ValueKind::String => "str",
        ValueKind::Seq => "list",
        ValueKind::Map => "dict",
        ValueKind::Undefined => "Undefined",
        _ => "object",
    }
}

/// `context[key]` as Python indexes a value (used by `env` in filter form).
pub(super) fn py_getitem(context: &Value, key: &str) -> Result<Value, Error> {
    match context.kind() {
        ValueKind::Map => {
            let v = context.get_item(&Value::from(key))?;
            if v.is_undefined() {
                Err(err(format!("'{key}'")))
            } else {
                Ok(v)
            }
        }
        ValueKind::String | ValueKind::Seq => Err(err(format!(
            "{} indices must be integers, not 'str'",
            if context.kind() == ValueKind::String {
                "string"
            } else {
                "list"
            }
        ))),
        _ => Err(err(format!(
            "'{}' object is not subscriptable",
            type_name(context)
        ))),
    }
}

pub(super) fn data_of(state: &State) -> Value {
    state.lookup("_").unwrap_or_default()
}

/// JSON for a function argument: like Python's `json.dumps`, an undefined
/// value anywhere inside is an error (StrictUndefined cannot be serialised).
pub(super) fn json_of(value: &Value) -> Result<Json, Error> {
    check_defined(value)?;
    Ok(to_json(value))
}

pub(super) fn undefined_error() -> Error {
    Error::new(ErrorKind::UndefinedError, "the value is undefined")
}

/// Fails on an undefined value, at any depth of lists and dicts.
pub(super) fn check_defined(value: &Value) -> Result<(), Error> {
    match value.kind() {
        ValueKind::Undefined => Err(undefined_error()),
        ValueKind::Seq => value.try_iter()?.try_for_each(|v| check_defined(&v)),
        ValueKind::Map => {
            for key in value.try_iter()? {
                check_defined(&value.get_item(&key)?)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}
