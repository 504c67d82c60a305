use super::*;
use serde_json::json;

fn eval(expr: &str, data: Json) -> Result<Json, JinjaError> {
    JinjaExpression::compile(expr)?.evaluate(&DataContext::new(data), &NoHost)
}

fn render(src: &str, data: Json) -> Result<String, JinjaError> {
    JinjaTemplate::compile(src)?.render(&DataContext::new(data), &NoHost)
}

#[test]
fn namespace_assignments_render_as_written() {
    let src = "{% set ns = namespace(a=1, b=[], c='') %}{% for i in range(3) %}\
               {%- set ns.a = ns.a + i -%}{% set ns.b = ns.b + [i] %}\
               {% set ns.c, ns.d = ns.c ~ i, {'k': [i]} %}{% endfor %}\
               {{ ns.a }} {{ ns.b }} {{ ns.c }} {{ ns.d }}";
    assert_eq!(
        render(src, json!({})).as_deref(),
        Ok("4 [0, 1, 2] 012 {'k': [2]}")
    );
    // A syntax error reads as the text written has it.
    let broken = "{% set ns = namespace() %}{% set ns.a = %}";
    let original = ENV
        .template_from_str(broken)
        .map(|_| ())
        .map_err(JinjaError::from);
    assert!(original.is_err());
    assert_eq!(render(broken, json!({})).map(|_| ()), original);
}

#[test]
fn whole_expressions_return_native_values() {
    let data = json!({"a": 1, "d": {"x": 1}, "l": [1, 2]});
    assert_eq!(eval(" _.a + 1 ", data.clone()), Ok(json!(2)));
    assert_eq!(eval("_.d", data.clone()), Ok(json!({"x": 1})));
    assert_eq!(eval("7 / 2", data.clone()), Ok(json!(3.5)));
    assert_eq!(eval("_", data.clone()), Ok(data.clone()));
    assert!(eval("_.missing", data.clone()).is_err());
    assert_eq!(eval("'x' if false", data.clone()), Ok(Json::Null));
}

#[test]
fn unary_minus_applies_to_the_whole_operand() {
    assert_eq!(bind_unary_operators("-_.a"), "-(_.a)");
    assert_eq!(bind_unary_operators("1 - _.a"), "1 - _.a");
    assert_eq!(bind_unary_operators("-2 ** 2"), "-2 ** 2");
    assert_eq!(bind_unary_operators("'-x' ~ -_.l[0]"), "'-x' ~ -(_.l[0])");
    assert_eq!(bind_unary_operators("+_.a"), "(_.a)");
    assert_eq!(bind_unary_operators("2 * -f(1).x"), "2 * -(f(1).x)");
    assert_eq!(eval("-_.a + 3", json!({"a": 1})), Ok(json!(2)));
    assert_eq!(eval("-_.l | length", json!({"l": [1]})).ok(), None);
}

#[test]
fn templates_use_python_str() {
    let data = json!({"n": null, "l": ["a", 1], "t": true, "f": 1.0});
    assert_eq!(
        render("{{ _.n }} {{ _.l }} {{ _.t }} {{ _.f }}", data),
        Ok("None ['a', 1] True 1.0".to_string())
    );
}

#[test]
fn mistral_functions_as_filters_take_the_context() {
    let data = json!({"a": 1, "__env": {"k": "v"}});
    assert!(eval("_ | json_dump", data.clone()).is_err());
    assert_eq!(eval("_ | json_dump(_.a)", data.clone()), Ok(json!("1")));
    assert_eq!(eval("env()", data.clone()), Ok(json!({"k": "v"})));
    assert!(eval("'x' | env", data.clone()).is_err());
    assert!(eval("env()", json!({"a": 1})).is_err());
}

struct OneTask;
impl ExprHost for OneTask {
    fn task(&self, name: Option<&str>) -> Result<Option<Json>, String> {
        Ok(Some(
            json!({"name": name.unwrap_or("current"), "state": "SUCCESS"}),
        ))
    }
}

#[test]
fn host_answers_are_used_only_when_called() {
    // NoHost answers like Mistral without an execution: an error.
    assert!(eval("task()", json!({"a": 1})).is_err());
    assert_eq!(
        render(
            "{% if false %}{{ task('x') }}{% endif %}ok",
            json!({"a": 1})
        ),
        Ok("ok".to_string())
    );
    assert_eq!(
        render("{{ tasks() }}", json!({"a": 1})),
        Ok("[]".to_string())
    );
}

#[test]
fn host_functions_reach_the_host() {
    let expr = JinjaExpression::compile("task('t1').state").expect("compiles");
    assert_eq!(
        expr.evaluate(&DataContext::new(json!({"a": 1})), &OneTask),
        Ok(json!("SUCCESS"))
    );
    let computed = JinjaExpression::compile("task(_.n).name").expect("compiles");
    assert!(matches!(computed.host_use, HostUse::Thread));
    assert_eq!(
        computed.evaluate(&DataContext::new(json!({"n": "t2"})), &OneTask),
        Ok(json!("t2"))
    );
    assert!(matches!(expr.host_use, HostUse::Prefetch(_)));
    let tpl = JinjaTemplate::compile("{{ task().name }}!").expect("compiles");
    assert_eq!(
        tpl.render(&DataContext::new(json!({"a": 1})), &OneTask),
        Ok("current!".to_string())
    );
}

#[test]
fn filters_take_python_keywords() {
    let data = json!({"s": "hello world foo", "l": [3, 1, 2]});
    let cases = [
        ("'1.5x' | float(default=2)", json!(2)),
        ("none | default(3, boolean=true)", json!(3)),
        ("_.nope | default(default_value=3)", json!(3)),
        ("{'a': 1} | tojson(indent=2)", json!("{\n  \"a\": 1\n}")),
        ("_.s | truncate(length=9)", json!("hello...")),
        ("_.s | truncate(9, end='!')", json!("hello!")),
        ("_.l | sort(true)", json!([3, 2, 1])),
        ("_.l | sum(start=10)", json!(16)),
        ("_.l | join(d='-')", json!("3-1-2")),
        ("[1.55] | map('round', precision=1) | list", json!([1.6])),
        ("1000 | filesizeformat(binary=true)", json!("1000 Bytes")),
        (
            "[{'a': 1}, {'a': 2}] | groupby(attribute='a') | list",
            json!([[1, [{"a": 1}]], [2, [{"a": 2}]]]),
        ),
        ("'a,b,c'.split(',', maxsplit=1)", json!(["a", "b,c"])),
        ("'a b c'.split(maxsplit=1)", json!(["a", "b c"])),
        (
            "{'a': 1, 'b': none, 'c': '<x>'} | xmlattr",
            json!(" a=\"1\" c=\"&lt;x&gt;\""),
        ),
        ("{'a': 1} | xmlattr(autospace=false)", json!("a=\"1\"")),
        (
            "'a\\r\\nb\\rc'.splitlines(True)",
            json!(["a\r\n", "b\r", "c"]),
        ),
    ];
    for (expr, want) in cases {
        assert_eq!(eval(expr, data.clone()), Ok(want), "{expr}");
    }
    for (expr, words) in [
        (
            "_.s | float(bogus=1)",
            "do_float() got an unexpected keyword argument 'bogus'",
        ),
        (
            "_.s | truncate(9, length=3)",
            "got multiple values for argument 'length'",
        ),
        (
            "_.s.strip(chars='h')",
            "str.strip() takes no keyword arguments",
        ),
    ] {
        let err = eval(expr, data.clone()).expect_err(expr);
        assert!(err.message.contains(words), "{expr}: {err}");
    }
}

#[test]
fn an_undefined_value_piped_into_a_filter_is_an_error() {
    // Jinja2's StrictUndefined fails as soon as a filter uses the value; a
    // misspelt name must not become an empty string.
    let data = json!({"l": [1]});
    for filter in [
        "join('-')",
        "sort",
        "sum",
        "reverse | list",
        "title",
        "escape",
        "urlencode",
        "groupby('x')",
        "selectattr('x') | list",
        "length",
        "list",
        "upper",
        "first",
    ] {
        let expr = format!("_.nope | {filter}");
        assert!(eval(&expr, data.clone()).is_err(), "{expr} should fail");
    }
    assert_eq!(eval("_.nope | items | list", data.clone()), Ok(json!([])));
    let err = eval("_.l | join(_.nope)", data.clone()).expect_err("undefined argument");
    assert_eq!(err.message, "'dict object' has no attribute 'nope'");
    assert_eq!(eval("1 | default(_.nope)", data.clone()), Ok(json!(1)));
    assert_eq!(
        eval("_.nope | pprint", data.clone()),
        Ok(json!("Undefined"))
    );
    assert_eq!(eval("_.nope | d('x')", data.clone()), Ok(json!("x")));
    assert_eq!(eval("'' | d(boolean=true)", data.clone()), Ok(json!("")));
    assert_eq!(eval("0 | d(none, true)", data.clone()), Ok(Json::Null));
    assert_eq!(eval("_.nope | default", data), Ok(json!("")));
}

#[test]
fn an_undefined_value_is_named_as_jinja2_names_it() {
    let data = json!({"s": "x", "l": [1, 2], "d": {"a": 1}});
    for (expr, words) in [
        ("_.nope", "'dict object' has no attribute 'nope'"),
        ("x", "'x' is undefined"),
        ("x.y", "'x' is undefined"),
        ("_.nope | length", "'dict object' has no attribute 'nope'"),
        ("_.d.b | join('-')", "'dict object' has no attribute 'b'"),
        ("1 + _.nope", "'dict object' has no attribute 'nope'"),
        ("_.l[7]", "list object has no element 7"),
        ("_.l.foo", "'list object' has no attribute 'foo'"),
    ] {
        let err = eval(expr, data.clone()).expect_err(expr);
        assert_eq!(err.message, words, "{expr}");
    }
    let err = render("a {{ _.d.zz }} b", data.clone()).expect_err("render");
    assert_eq!(err.message, "'dict object' has no attribute 'zz'");
    // A key `get` did not find is not what a later error is about.
    let err = eval("_.get('zz').x", data).expect_err("get");
    assert!(!err.message.contains("zz"), "{err}");
}
