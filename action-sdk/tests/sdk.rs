//! The SDK driven natively, as the component glue drives it: describe,
//! input checks (missing, unexpected, wrong type, defaults), results and
//! errors.

use bora_action_sdk::{
    Action, ActionError, ActionResult, Context, InputError, Outcome, Param, describe, done, invoke,
    parse_input, pending,
};
use serde::Deserialize;
use serde_json::{Value, json};

struct Greet;

#[derive(Debug, Deserialize)]
struct GreetInput {
    name: String,
    times: u32,
    punctuation: Option<String>,
}

impl Action for Greet {
    type Input = GreetInput;
    const NAME: &'static str = "test.greet";
    const DESCRIPTION: &'static str = "Greets someone.";
    const PARAMS: &'static [Param] = &[
        Param::required("name", "Who to greet."),
        Param::optional("times", "1", "How many times."),
        Param::optional("punctuation", "null", ""),
    ];

    fn run(input: GreetInput, ctx: &Context) -> ActionResult {
        if input.name.is_empty() {
            return Err(ActionError::new("empty name").with_details(json!({"field": "name"})));
        }
        let p = input.punctuation.unwrap_or_else(|| "!".into());
        let greeting = format!("Hello, {}{p}", input.name).repeat(input.times as usize);
        done(json!({"greeting": greeting, "called_as": ctx.action_name}))
    }
}

struct Later;

#[derive(Deserialize)]
struct NoInput {}

impl Action for Later {
    type Input = NoInput;
    const NAME: &'static str = "test.later";
    const DESCRIPTION: &'static str = "Completes later.";
    const PARAMS: &'static [Param] = &[];
    const IS_ASYNC: bool = true;

    fn run(_input: NoInput, _ctx: &Context) -> ActionResult {
        pending()
    }
}

fn ctx() -> Context {
    Context {
        action_name: "test.greet".into(),
        ..Context::default()
    }
}

/// The result of a finished call, parsed.
fn result(out: Outcome) -> Value {
    match out {
        Outcome::Done(json) => json.to_value().expect("the result is JSON"),
        Outcome::Pending => panic!("expected a result, got Pending"),
    }
}

fn error_message(result: ActionResult) -> String {
    match result {
        Err(e) => e.message().to_owned(),
        Ok(o) => panic!("expected an error, got {o:?}"),
    }
}

#[test]
fn describe_reports_the_declared_params() {
    let d = describe::<Greet>();
    assert_eq!(d.name, "test.greet");
    assert_eq!(d.description, "Greets someone.");
    assert!(!d.is_async);
    let names: Vec<_> = d.params.iter().map(|p| p.name).collect();
    assert_eq!(names, ["name", "times", "punctuation"]);
    assert_eq!(d.params[0].default, None);
    assert_eq!(d.params[1].default, Some("1"));
    assert!(describe::<Later>().is_async);
}

#[test]
fn defaults_are_filled_in() {
    let out = invoke::<Greet>(r#"{"name": "Ada"}"#, &ctx()).expect("runs");
    assert_eq!(
        result(out),
        json!({"greeting": "Hello, Ada!", "called_as": "test.greet"})
    );
    let out = invoke::<Greet>(r#"{"name": "Ada", "times": 2, "punctuation": "."}"#, &ctx())
        .expect("runs");
    assert_eq!(
        result(out),
        json!({"greeting": "Hello, Ada.Hello, Ada.", "called_as": "test.greet"})
    );
}

#[test]
fn missing_and_unexpected_params_are_named() {
    let msg = error_message(invoke::<Greet>(r#"{"nmae": "Ada", "extra": 1}"#, &ctx()));
    assert_eq!(
        msg,
        "Invalid input [name=test.greet, missing=[name], unexpected=[nmae, extra]]"
    );
    let msg = error_message(invoke::<Greet>("{}", &ctx()));
    assert_eq!(
        msg,
        "Invalid input [name=test.greet, missing=[name], unexpected=[]]"
    );
}

#[test]
fn a_wrong_type_names_the_param() {
    let msg = error_message(invoke::<Greet>(
        r#"{"name": "Ada", "times": "two"}"#,
        &ctx(),
    ));
    assert!(
        msg.starts_with("Invalid input [name=test.greet]: parameter 'times': "),
        "{msg}"
    );
    assert!(msg.contains("invalid type"), "{msg}");
    let msg = error_message(invoke::<Greet>(r#"{"name": 5}"#, &ctx()));
    assert!(msg.contains("parameter 'name'"), "{msg}");
}

#[test]
fn input_that_is_not_an_object_is_rejected() {
    let msg = error_message(invoke::<Greet>("[1, 2]", &ctx()));
    assert_eq!(
        msg,
        "Invalid input [name=test.greet]: expected a JSON object of parameters, got an array"
    );
    let msg = error_message(invoke::<Greet>("{not json", &ctx()));
    assert!(
        msg.starts_with("Invalid input [name=test.greet]: not JSON: "),
        "{msg}"
    );
}

#[test]
fn empty_or_null_input_means_no_params() {
    assert_eq!(invoke::<Later>("", &ctx()), Ok(Outcome::Pending));
    assert_eq!(invoke::<Later>("null", &ctx()), Ok(Outcome::Pending));
    assert_eq!(invoke::<Later>("{}", &ctx()), Ok(Outcome::Pending));
}

#[test]
fn action_errors_keep_their_details() {
    let err = invoke::<Greet>(r#"{"name": ""}"#, &ctx()).expect_err("fails");
    assert_eq!(err.message(), "empty name");
    assert_eq!(err.details(), Some(&json!({"field": "name"})));
}

#[test]
fn a_bad_default_is_reported_not_hidden() {
    const PARAMS: &[Param] = &[Param::optional("x", "not json", "")];
    let err = parse_input::<Value>("test.bad", PARAMS, "{}").expect_err("bad default");
    assert!(matches!(err, InputError::BadDefault { ref param, .. } if param == "x"));
    assert!(err.to_string().contains("parameter 'x'"), "{err}");
}

#[test]
fn params_keep_their_order() {
    const PARAMS: &[Param] = &[
        Param::optional("b", "2", ""),
        Param::optional("a", "1", ""),
        Param::optional("c", "3", ""),
    ];
    let v: Value = parse_input("test.order", PARAMS, r#"{"c": 30}"#).expect("parses");
    let keys: Vec<_> = v.as_object().expect("object").keys().cloned().collect();
    // Given parameters first, then defaults in declaration order.
    assert_eq!(keys, ["c", "b", "a"]);
}

#[test]
fn results_that_are_not_json_become_errors() {
    use std::collections::BTreeMap;
    let mut m = BTreeMap::new();
    m.insert((1, 2), "tuple keys are not JSON");
    let err = done(m).expect_err("not JSON");
    assert!(
        err.message().starts_with("the action's result is not JSON"),
        "{err}"
    );
}

#[test]
fn an_undeclared_field_of_the_input_type_is_reported_plainly() {
    #[derive(Debug, Deserialize)]
    struct Wants {
        #[allow(dead_code)]
        hidden: u32,
    }
    let err = parse_input::<Wants>("test.undeclared", &[], "{}").expect_err("missing field");
    assert_eq!(
        err.to_string(),
        "Invalid input [name=test.undeclared]: missing field `hidden`"
    );
}

#[test]
fn nested_paths_are_named() {
    #[derive(Debug, Deserialize)]
    struct Inner {
        #[allow(dead_code)]
        port: u16,
    }
    #[derive(Debug, Deserialize)]
    struct Outer {
        #[allow(dead_code)]
        server: Inner,
    }
    const PARAMS: &[Param] = &[Param::required("server", "")];
    let err = parse_input::<Outer>("test.nested", PARAMS, r#"{"server": {"port": "x"}}"#)
        .expect_err("bad port");
    assert!(err.to_string().contains("parameter 'server.port'"), "{err}");
}

#[test]
fn raw_parameters_pass_through_unparsed_and_unchanged() {
    use bora_action_sdk::Json;
    use serde_json::value::RawValue;

    struct Echo;

    #[derive(Deserialize)]
    struct EchoInput {
        output: Box<RawValue>,
    }

    impl Action for Echo {
        type Input = EchoInput;
        const NAME: &'static str = "test.echo";
        const DESCRIPTION: &'static str = "Returns its output.";
        const PARAMS: &'static [Param] = &[
            Param::required("output", ""),
            Param::optional("delay", "0", ""),
        ];

        fn run(input: EchoInput, _ctx: &Context) -> ActionResult {
            Ok(Outcome::Done(Json::from(input.output)))
        }
    }

    // Spacing, escapes and number spelling are kept byte for byte.
    let text = r#"{"output": {"b": [1.50, "\u00e9\n"], "a" : null}}"#;
    match invoke::<Echo>(text, &ctx()) {
        Ok(Outcome::Done(json)) => {
            assert_eq!(json.as_str(), r#"{"b": [1.50, "\u00e9\n"], "a" : null}"#)
        }
        other => panic!("unexpected {other:?}"),
    }
    // `done` copies raw text as it is too.
    let raw = RawValue::from_string("[1 ,2]".to_owned()).expect("JSON");
    assert_eq!(done(raw).map(result), Ok(json!([1, 2])));
    // Through `done`, a value is encoded once, compactly.
    match done(json!({"k": "v"})) {
        Ok(Outcome::Done(json)) => assert_eq!(json.as_str(), r#"{"k":"v"}"#),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn raw_fields_take_defaults_options_and_nesting_as_text() {
    use serde_json::value::RawValue;

    #[derive(Deserialize)]
    struct Inner {
        raw: Box<RawValue>,
    }
    #[derive(Deserialize)]
    struct Input {
        given: Box<RawValue>,
        defaulted: Box<RawValue>,
        maybe: Option<Box<RawValue>>,
        absent: Option<Box<RawValue>>,
        inner: Inner,
        typed: Vec<u8>,
    }
    const PARAMS: &[Param] = &[
        Param::required("given", ""),
        Param::optional("defaulted", "{\"d\" : 1}", ""),
        Param::required("maybe", ""),
        Param::optional("absent", "null", ""),
        Param::required("inner", ""),
        Param::required("typed", ""),
    ];
    let text = r#"{"given": "x\"y", "maybe": [ 1 ], "inner": {"raw": {"z" :2}}, "typed": [1, 2]}"#;
    let input: Input = parse_input("test.raw", PARAMS, text).expect("parses");
    assert_eq!(input.given.get(), r#""x\"y""#);
    assert_eq!(input.defaulted.get(), r#"{"d" : 1}"#);
    assert_eq!(
        input.maybe.map(|m| m.get().to_owned()).as_deref(),
        Some("[ 1 ]")
    );
    assert!(input.absent.is_none());
    assert_eq!(input.inner.raw.get(), r#"{"z" :2}"#);
    assert_eq!(input.typed, vec![1, 2]);
    // A type error inside a raw-capable input still names its parameter.
    let err = parse_input::<Input>("test.raw", PARAMS, &text.replace("[1, 2]", "[1, -2]"))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("typed"), "{err}");
}

#[test]
fn repeated_keys_keep_the_last_value_and_escaped_keys_are_read() {
    const PARAMS: &[Param] = &[
        Param::optional("a", "0", ""),
        Param::optional("b\"c", "0", ""),
    ];
    let v: Value =
        parse_input("test.keys", PARAMS, r#"{"a": 1, "b\"c": 2, "a": 3}"#).expect("parses");
    assert_eq!(v, json!({"a": 3, "b\"c": 2}));
    let keys: Vec<_> = v.as_object().expect("object").keys().cloned().collect();
    assert_eq!(keys, ["a", "b\"c"]);
}

#[test]
fn a_part_of_the_input_is_returned_in_the_input_s_own_buffer() {
    use bora_action_sdk::Json;
    use serde_json::value::RawValue;

    #[derive(Deserialize)]
    struct Borrowed<'a> {
        #[serde(borrow)]
        output: &'a RawValue,
        #[serde(borrow)]
        delay: &'a RawValue,
    }
    const PARAMS: &[Param] = &[
        Param::required("output", ""),
        Param::optional("delay", "0", ""),
    ];
    let input = r#"{"output": {"a": ["é", 2]} , "x": 1}"#.replace(r#", "x": 1"#, "");
    let buffer = input.as_ptr();
    let range = {
        let parsed: Borrowed<'_> = parse_input("test.echo", PARAMS, &input).expect("parses");
        // The default is borrowed from the declaration.
        assert_eq!(parsed.delay.get(), "0");
        Json::range_in(&input, parsed.output.get()).expect("a slice of the input")
    };
    let json = Json::from_input_part(input, range).expect("in range");
    assert_eq!(json.as_str(), r#"{"a": ["é", 2]}"#);
    let text = json.into_string();
    assert_eq!(text.as_ptr(), buffer, "the input's own buffer, not a copy");

    // Text from elsewhere is not a part of the input; a range outside it,
    // or inside a character, gives the input back unchanged.
    assert_eq!(Json::range_in("abc", "abc".to_owned().as_str()), None);
    let back = Json::from_input_part("\"é\"".to_owned(), 0..2).err();
    assert_eq!(back.as_deref(), Some("\"é\""));
    let back = Json::from_input_part("1".to_owned(), 0..5).err();
    assert_eq!(back.as_deref(), Some("1"));
}
