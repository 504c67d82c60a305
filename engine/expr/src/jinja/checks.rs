//! Jinja tests (`is sequence`, `is lower`, ...) as Jinja2's behave.

use super::*;

pub(super) fn register(env: &mut Environment<'static>) {
    env.add_test("callable", |v: Value| v.kind() == ValueKind::Plain);
    env.add_test("sequence", |v: Value| {
        matches!(
            v.kind(),
            ValueKind::Seq | ValueKind::Map | ValueKind::String
        )
    });
    env.add_test("iterable", |v: Value| {
        matches!(
            v.kind(),
            ValueKind::Seq | ValueKind::Map | ValueKind::String | ValueKind::Iterable
        )
    });
    env.add_test("number", |v: Value| {
        matches!(v.kind(), ValueKind::Number | ValueKind::Bool)
    });
    env.add_test("integer", |v: Value| {
        v.kind() == ValueKind::Number && v.is_integer()
    });
    env.add_test("float", |v: Value| {
        v.kind() == ValueKind::Number && !v.is_integer()
    });
    env.add_test("true", |v: Value| {
        v.kind() == ValueKind::Bool && v.is_true()
    });
    env.add_test("false", |v: Value| {
        v.kind() == ValueKind::Bool && !v.is_true()
    });
    env.add_test("upper", |v: Value| {
        let s = py_str(&v);
        s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
    });
    env.add_test("lower", |v: Value| {
        let s = py_str(&v);
        s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_uppercase)
    });
    env.add_test("escaped", |v: Value| v.is_safe());
}
