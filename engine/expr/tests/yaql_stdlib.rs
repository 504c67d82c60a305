//! YAQL standard library, one test per area, plus Mistral's functions through
//! a mock `ExprHost`.

use bora_expr::context::DataContext;
use bora_expr::functions::{ExecutionsFilter, ExprHost, NoHost};
use bora_expr::yaql::Expression;
use serde_json::{Value, json};

fn data() -> Value {
    json!({
        "n": 7, "s": "Hello World", "l": [3, 1, 2], "d": {"x": 1, "y": {"z": "deep"}},
        "users": [{"name": "alice", "age": 30}, {"name": "bob", "age": 25}],
        "__env": {"region": "eu"}
    })
}

fn eval_with(text: &str, host: &dyn ExprHost) -> Result<Value, String> {
    let expr = Expression::parse(text).map_err(|e| e.to_string())?;
    expr.evaluate(&DataContext::new(data()), host)
        .map(|v| v.to_json())
        .map_err(|e| e.to_string())
}

fn check(cases: &[(&str, Result<Value, &str>)]) {
    for (text, want) in cases {
        let got = eval_with(text, &NoHost);
        let want = want.clone().map_err(str::to_string);
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn math() {
    check(&[
        ("7 / 2", Ok(json!(3))),
        ("-7 / 2", Ok(json!(-4))),
        ("-7 mod 3", Ok(json!(2))),
        ("round(2.5)", Ok(json!(2.0))),
        ("round(3.5)", Ok(json!(4.0))),
        ("round(1.25, 1)", Ok(json!(1.2))),
        ("pow(2, 10)", Ok(json!(1024))),
        ("abs(-2.5)", Ok(json!(2.5))),
        ("bitwiseXor(12, 10)", Ok(json!(6))),
        ("max(1, 2.5)", Ok(json!(2.5))),
        ("1 / 0", Err("integer division or modulo by zero")),
        (
            "1 + true",
            Err("No function \"#operator_+\" matches supplied arguments"),
        ),
    ]);
}

#[test]
fn strings() {
    check(&[
        ("$.s.toUpper()", Ok(json!("HELLO WORLD"))),
        ("$.s.split(' ')", Ok(json!(["Hello", "World"]))),
        ("'a,b,,c'.split(',', 1)", Ok(json!(["a", "b,,c"]))),
        ("'  x '.trim()", Ok(json!("x"))),
        ("'abcdef'.substring(1, 3)", Ok(json!("bcd"))),
        ("['a', 1, null].join('-')", Ok(json!("a-1-null"))),
        ("'hello'.replace('l', 'L', 1)", Ok(json!("heLlo"))),
        ("'hello'.indexOf('l')", Ok(json!(2))),
        ("str([1, 'a'])", Ok(json!("(1, 'a')"))),
        ("str('a,b'.split(','))", Ok(json!("['a', 'b']"))),
        (
            "'x'.isString()",
            Err("Unknown method \"isString\" for receiver x"),
        ),
        ("toUpper('x')", Err("Unknown function \"toUpper\"")),
    ]);
}

#[test]
fn regex() {
    check(&[
        ("'abc' =~ 'b'", Ok(json!(true))),
        ("'abc' !~ '^b'", Ok(json!(true))),
        (
            "regex('(\\\\d)(\\\\d)').search('a12', $2.value + $3.value)",
            Ok(json!("12")),
        ),
        ("regex('\\\\d').replace('a1b2', '#')", Ok(json!("a#b#"))),
        (
            "regex('(\\\\w)').replace('ab', '<\\\\1>')",
            Ok(json!("<a><b>")),
        ),
        (
            "'a1b2'.replaceBy(regex('\\\\d'), $.value + $.value)",
            Ok(json!("a11b22")),
        ),
        (
            "regex('(').matches('x')",
            Err("missing ), unterminated subpattern at position 0"),
        ),
    ]);
}

#[test]
fn collections_and_queries() {
    check(&[
        ("$.l.orderBy($)", Ok(json!([1, 2, 3]))),
        (
            "$.users.where($.age > 26).select($.name)",
            Ok(json!(["alice"])),
        ),
        ("$.users.name", Ok(json!(["alice", "bob"]))),
        (
            "$.users.name[0]",
            Err("No function \"#indexer\" matches supplied arguments"),
        ),
        ("$.l.toList()[0]", Ok(json!(3))),
        ("$.l.groupBy($ mod 2)", Ok(json!([[1, [3, 1]], [0, [2]]]))),
        ("$.l.aggregate($1 + $2, 10)", Ok(json!(16))),
        ("set(3, 1, 2).toList()", Ok(json!([1, 2, 3]))),
        // A set: printed and output in CPython's order for these hashes.
        ("$.d.keys()", Ok(json!(["y", "x"]))),
        ("$.d.items()", Err("unhashable type: 'list'")),
        (
            "$.d.select($)",
            Err(
                "No method \"select\" for receiver {'x': 1, 'y': {'z': 'deep'}} matches supplied arguments",
            ),
        ),
        ("$.l.first()", Ok(json!(3))),
        ("[].first()", Err("")),
        ("dict(a => 1, b => 2).b", Ok(json!(2))),
        ("$.d.get('q', 5)", Ok(json!(5))),
        ("$.missing", Err("'missing'")),
        ("range(1, 7, 2)", Ok(json!([1, 3, 5]))),
        ("sequence(5).take(2)", Ok(json!([5, 6]))),
    ]);
}

#[test]
fn branching_and_context() {
    check(&[
        (
            "switch($.n > 5 => 'big', true => 'small')",
            Ok(json!("big")),
        ),
        ("coalesce(null, false, 1)", Ok(json!(false))),
        ("let(a => 1, b => 2) -> $a + $b", Ok(json!(3))),
        ("let(1, 2) -> $1 + $2", Ok(json!(3))),
        ("def(sq, $ * $) -> [1, 2].select(sq($))", Ok(json!([1, 4]))),
        (
            "$.l.select(let(v => $) -> $v * 10)",
            Ok(json!([30, 10, 20])),
        ),
        ("$x", Ok(json!(null))),
        (
            "$.d -> $",
            Err("No function \"#operator_->\" matches supplied arguments"),
        ),
        ("1.switchCase('a', 'b')", Ok(json!("b"))),
    ]);
}

#[test]
fn datetime() {
    check(&[
        ("datetime(2020, 1, 2).year", Ok(json!(2020))),
        (
            "datetime(2020, 1, 1) + timespan(days => 1)",
            Ok(json!("2020-01-02T00:00:00+00:00")),
        ),
        (
            "str(datetime(2020, 1, 1))",
            Ok(json!("2020-01-01 00:00:00+00:00")),
        ),
        (
            "(datetime(2020, 1, 2) - datetime(2020, 1, 1)).hours",
            Ok(json!(24.0)),
        ),
        ("datetime('2020-01-02T03:04:05Z').hour", Ok(json!(3))),
        ("datetime(2020, 1, 1).format('%Y/%m')", Ok(json!("2020/01"))),
        ("datetime('nope')", Err("Unknown string format: nope")),
    ]);
}

#[test]
fn mistral_functions_without_host() {
    check(&[
        ("env().region", Ok(json!("eu"))),
        ("$__env.region", Ok(json!("eu"))),
        ("json_dump([1])", Ok(json!("[\n    1\n]"))),
        ("json_parse('{\"a\": 2}').a", Ok(json!(2))),
        ("yaml_parse('a: 1').a", Ok(json!(1))),
        ("uuid().len()", Ok(json!(36))),
        (
            "$.d.json_dump()",
            Err("Unknown method \"json_dump\" for receiver {'x': 1, 'y': {'z': 'deep'}}"),
        ),
    ]);
}

/// A host that records nothing and answers fixed data.
struct Host;

impl ExprHost for Host {
    fn task(&self, name: Option<&str>) -> Result<Option<Value>, String> {
        Ok(Some(
            json!({"name": name.unwrap_or("current"), "result": {"k": 1}}),
        ))
    }
    fn tasks(
        &self,
        id: Option<&str>,
        recursive: bool,
        state: Option<&str>,
        flat: bool,
    ) -> Result<Value, String> {
        Ok(json!([{"id": id, "recursive": recursive, "state": state, "flat": flat}]))
    }
    fn execution(&self) -> Result<Value, String> {
        Ok(json!({"id": "ex-1"}))
    }
    fn executions(&self, filter: &ExecutionsFilter) -> Result<Value, String> {
        Ok(json!([{"state": filter.state}]))
    }
    fn global(&self, name: &str) -> Result<Option<Value>, String> {
        if name == "boom" {
            return Err("store unavailable".into());
        }
        Ok(Some(json!(format!("g:{name}"))))
    }
}

#[test]
fn mistral_functions_through_host() {
    let cases: &[(&str, Result<Value, &str>)] = &[
        ("task('a').result.k", Ok(json!(1))),
        ("task().name", Ok(json!("current"))),
        (
            "tasks(null, true, 'SUCCESS')[0]",
            Ok(json!({"id": null, "recursive": true, "state": "SUCCESS", "flat": false})),
        ),
        ("tasks(state => 'ERROR')[0].state", Ok(json!("ERROR"))),
        ("execution().id", Ok(json!("ex-1"))),
        (
            "executions(state => 'RUNNING')[0].state",
            Ok(json!("RUNNING")),
        ),
        ("global('v')", Ok(json!("g:v"))),
        ("global('boom')", Err("store unavailable")),
        ("'a'.task()", Err("Unknown method \"task\" for receiver a")),
    ];
    for (text, want) in cases {
        let got = eval_with(text, &Host);
        assert_eq!(got, want.clone().map_err(str::to_string), "{text}");
    }
}

/// Attribute access on null is an error in yaql (no `#operator_.` takes a
/// null receiver, as for `$.s.x`); on an empty list it maps over nothing.
/// Mistral's `task().result.content` on a task without a result works only
/// because that result is `[]`, not null.
#[test]
fn attribute_on_null_and_on_empty_list() {
    check(&[
        ("$.missing_is_error.content", Err("'missing_is_error'")),
        (
            "null.content",
            Err("Unknown function \"#property#content\""),
        ),
        ("[].content", Ok(json!([]))),
        ("$.users.name", Ok(json!(["alice", "bob"]))),
    ]);
}
