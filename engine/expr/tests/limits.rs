//! Hostile expressions end quickly with a limit error, never a crash: each
//! runs on a thread with a 2 MiB stack (a tokio worker's default), under
//! the default limits unless the test says otherwise.

#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use bora_expr::functions::ExprHost;
use bora_expr::limits::{LimitError, LimitKind, Limits};
use bora_expr::{DataContext, ExprError, evaluate, validate};
use serde_json::{Value, json};

const STACK: usize = 2 << 20;

/// Runs `f` on a thread with a 2 MiB stack.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

/// A host with other limits.
struct Limited(Limits);

impl ExprHost for Limited {
    fn limits(&self) -> &Limits {
        &self.0
    }
}

fn eval_with(text: &str, limits: Limits) -> Result<Value, ExprError> {
    let text = text.to_string();
    on_small_stack(move || {
        let data = DataContext::new(json!({"a": 1, "list": [1, 2, 3]}));
        evaluate(&text, &data, &Limited(limits))
    })
}

fn eval(text: &str) -> Result<Value, ExprError> {
    eval_with(text, Limits::DEFAULT)
}

/// The limit an evaluation failed on.
fn limit_of(result: Result<Value, ExprError>) -> LimitKind {
    match result {
        Err(ExprError::Limit { error, .. }) => error.kind,
        other => panic!("expected a limit error, got {other:?}"),
    }
}

fn deep(open: &str, middle: &str, close: &str, levels: usize) -> String {
    format!("{}{middle}{}", open.repeat(levels), close.repeat(levels))
}

fn chain(term: &str, op: &str, terms: usize) -> String {
    vec![term; terms].join(op)
}

const DEFAULT_DEPTH: usize = Limits::DEFAULT.max_expression_depth;

#[test]
fn message_names_the_limit_and_the_expression() {
    let err = eval("<% range(0, 100000).select(range(0, 100000).where($ < 0).count()).sum() %>")
        .unwrap_err();
    assert!(err.is_limit());
    assert_eq!(
        err.to_string(),
        "YAQL expression exceeded the limit of 10,000,000 steps: \
         <% range(0, 100000).select(range(0, 100000).where($ < 0).count()).sum() %>"
    );
    let err = eval("<% range(0, 100000).reduce($1 + str($2), '') %>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "YAQL expression exceeded the limit of 268,435,456 bytes of values built: \
         <% range(0, 100000).reduce($1 + str($2), '') %>"
    );
    let long = format!("<% {} %>", chain("1", "+", 2000));
    let message = eval(&long).unwrap_err().to_string();
    assert!(message.len() < 300, "{message}");
    assert!(message.ends_with("... %>"), "{message}");
}

#[test]
fn yaql_fold_nesting_a_value_is_refused_where_it_is_made() {
    for text in [
        "<% range(0, 50000).reduce([$1], 1).len() %>",
        "<% range(0, 50000).reduce({a => $1}, 1).len() %>",
        "<% range(0, 50000).reduce(list($1, 1), 1).len() %>",
        "<% range(0, 50000).reduce($1.append([$1]), []).len() %>",
        "<% range(0, 50000).reduce([$1] + [$1], 1).len() %>",
        "<% range(0, 50000).reduce(dict(a => $1), 1).len() %>",
        "<% range(0, 50000).reduce([$1].select($), 1).len() %>",
        "<% range(0, 50000).reduce([$1].zip([1]), 1).len() %>",
        "<% range(0, 50000).reduce([$1].repeat(), 1) %>",
        "<% range(0, 50000).reduce(let(x => $1), 1) %>",
        "<% range(0, 50000).reduce(let(y => 1), 1) %>",
    ] {
        // A fold that shares its accumulator twice grows exponentially
        // once expanded: the byte or step limit may come first.
        let kind = limit_of(eval(text));
        assert!(
            matches!(
                kind,
                LimitKind::ValueDepth(100) | LimitKind::Bytes(_) | LimitKind::Steps(_)
            ),
            "{text}: {kind:?}"
        );
    }
    assert_eq!(
        limit_of(eval("<% range(0, 50000).reduce([$1], 1) %>")),
        LimitKind::ValueDepth(100)
    );
    // The deepest value allowed is built, converted and dropped fine.
    let v = eval("<% range(0, 99).reduce([$1], 1) %>").unwrap();
    assert_eq!(bora_expr::check_depth(&v, 99), Ok(()));
}

#[test]
fn yaql_long_operator_chains_and_deep_nesting_are_refused() {
    for terms in [3_000, 100_000] {
        for op in ["+", " and ", " or ", ".", "->", " = "] {
            let text = format!("<% {} %>", chain("1", op, terms));
            assert_eq!(
                limit_of(eval(&text)),
                LimitKind::ExpressionDepth(DEFAULT_DEPTH),
                "{op} x {terms}"
            );
            let text2 = text.clone();
            let v = on_small_stack(move || validate(&text2));
            assert!(matches!(v, Err(ExprError::Limit { .. })), "{v:?}");
        }
    }
    for (open, close) in [
        ("(", ")"),
        ("[", "]"),
        ("{a => ", "}"),
        ("not ", ""),
        ("-", ""),
    ] {
        for levels in [1_000, 100_000] {
            let text = format!("<% {} %>", deep(open, "1", close, levels));
            assert_eq!(
                limit_of(eval(&text)),
                LimitKind::ExpressionDepth(DEFAULT_DEPTH),
                "{open} x {levels}"
            );
        }
    }
    let calls = format!("<% {} %>", deep("len(", "[]", ")", 100_000));
    assert_eq!(
        limit_of(eval(&calls)),
        LimitKind::ExpressionDepth(DEFAULT_DEPTH)
    );
}

#[test]
fn yaql_deepest_expressions_allowed_run_on_a_small_stack() {
    let n = DEFAULT_DEPTH / 2 - 2;
    // Each of these nests close to the limit; all must evaluate.
    let cases = [
        format!("<% {} %>", deep("(", "1", ")", DEFAULT_DEPTH - 2)),
        format!("<% {} %>", chain("1", "+", DEFAULT_DEPTH / 2 - 1)),
        format!("<% {} %>", deep("[", "1", "]", 99)),
        format!(
            "<% let(l => [1]) -> {}.count() %>",
            deep("$l.select(", "$", ")", n / 2 - 2)
        ),
        format!("<% {} %>", deep("switch(true => ", "1", ")", n)),
        format!("<% {} %>", deep("len(list(", "1", "))", n / 2)),
        format!(
            "<% {} %>",
            deep(
                "let(l => [1]) -> $l.where($ > 0).orderBy($).select(",
                "$",
                ").first()",
                n / 8
            )
        ),
    ];
    for text in cases {
        let r = eval(&text);
        assert!(r.is_ok(), "{}: {r:?}", &text[..60]);
    }
}

#[test]
fn yaql_recursion_through_def_is_bounded() {
    let r = eval("<% def(f, f($)) -> f(1) %>");
    assert_eq!(limit_of(r), LimitKind::ExpressionDepth(DEFAULT_DEPTH));
    let r = eval("<% def(f, [f($)]) -> f(1) %>");
    assert!(limit_of(r) != LimitKind::Time);
}

#[test]
fn yaql_cpu_loops_run_out_of_steps() {
    let started = Instant::now();
    for text in [
        "<% range(0, 100000).select(range(0, 100000).where($ < 0).count()).sum() %>",
        "<% range(0, 1000).select(range(0, 1000).select(range(0, 1000).where($ < 0).count()).sum()).sum() %>",
        "<% let(b => range(0, 1000000).toList()) -> range(0, 1000000).where($ in $b).count() %>",
        "<% let(b => range(0, 1000000).toList()) -> range(0, 1000000).where($b.contains($)).count() %>",
        "<% let(b => range(0, 1000000).toList()) -> range(0, 1000000).where($b = $b).count() %>",
        "<% def(f, switch($ > 0 => f($ - 1) + f($ - 1), true => 1)) -> f(60) %>",
    ] {
        assert_eq!(limit_of(eval(text)), LimitKind::Steps(10_000_000), "{text}");
    }
    // Loops that also build values may meet the byte limit first.
    for text in [
        "<% range(0, 100000).select(range(0, 100000).len()).sum() %>",
        "<% range(0, 1000000).select(range(0, 1000000).len()).sum() %>",
    ] {
        let kind = limit_of(eval(text));
        assert!(
            matches!(kind, LimitKind::Bytes(_) | LimitKind::Steps(_)),
            "{text}: {kind:?}"
        );
    }
    // Generous; in release each takes well under a second.
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[test]
fn yaql_memory_bombs_run_out_of_bytes() {
    for text in [
        "<% range(0, 1000000).select(range(0, 100000).toList()).count() %>",
        "<% range(0, 64).reduce($1 + $1, 'xxxxxxxx').len() %>",
        "<% range(0, 64).reduce($1 + $1, [1, 2, 3, 4]).len() %>",
        "<% range(0, 64).reduce(str($1) + str($1), 'x').len() %>",
        "<% range(0, 40).reduce(list($1, $1), [1]).len() %>",
        "<% range(0, 64).reduce($1 * 2, 'xxxxxxxx').len() %>",
        "<% range(0, 64).reduce(list($1, $1), [1]) %>",
        "<% range(0, 64).reduce([$1, $1], [1]).len() %>",
        "<% str(range(0, 64).reduce([$1, $1], [1])) %>",
        "<% range(0, 64).reduce({a => $1, b => $1}, 1) %>",
    ] {
        let kind = limit_of(eval(text));
        assert!(
            matches!(kind, LimitKind::Bytes(_) | LimitKind::Steps(_)),
            "{text}: {kind:?}"
        );
    }
    let small = Limits {
        max_bytes: 1 << 20,
        ..Limits::DEFAULT
    };
    assert_eq!(
        limit_of(eval_with("<% range(0, 30).reduce($1 + $1, 'x') %>", small)),
        LimitKind::Bytes(1 << 20)
    );
}

#[test]
fn deadline_stops_an_evaluation() {
    let limits = Limits {
        max_steps: u64::MAX,
        deadline: Some(Instant::now() + Duration::from_millis(50)),
        ..Limits::DEFAULT
    };
    let started = Instant::now();
    let r = eval_with(
        "<% range(0, 100000).select(range(0, 100000).len()).sum() %>",
        limits,
    );
    assert_eq!(limit_of(r), LimitKind::Time);
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn small_limits_apply_per_evaluation() {
    let limits = Limits {
        max_steps: 1000,
        ..Limits::DEFAULT
    };
    // Each evaluation starts from zero: many small ones all pass.
    for _ in 0..100 {
        assert_eq!(eval_with("<% $.list.sum() %>", limits), Ok(json!(6)));
    }
    assert_eq!(
        limit_of(eval_with("<% range(0, 2000).len() %>", limits)),
        LimitKind::Steps(1000)
    );
    let shallow = Limits {
        max_depth: 3,
        ..Limits::DEFAULT
    };
    assert_eq!(eval_with("<% [[[1]]] %>", shallow), Ok(json!([[[1]]])));
    assert_eq!(
        limit_of(eval_with("<% [[[[1]]]] %>", shallow)),
        LimitKind::ValueDepth(3)
    );
    let short = Limits {
        max_expression_depth: 5,
        ..Limits::DEFAULT
    };
    assert_eq!(
        limit_of(eval_with("<% 1+1+1+1+1+1 %>", short)),
        LimitKind::ExpressionDepth(5)
    );
}

#[test]
fn limit_errors_are_not_swallowed_by_lazy_generators() {
    let limits = Limits {
        max_steps: 500,
        ..Limits::DEFAULT
    };
    let r = eval_with(
        "<% $.list.where(range(0, 1000).len() > 0).first(0) %>",
        limits,
    );
    assert_eq!(limit_of(r), LimitKind::Steps(500));
}

#[test]
fn deep_input_is_refused_not_crashed_on() {
    let r = on_small_stack(|| {
        let mut v = json!(1);
        for _ in 0..10_000 {
            v = Value::Array(vec![v]);
        }
        let err = bora_expr::check_depth(&v, 100);
        bora_expr::limits::drop_json(v);
        err
    });
    assert_eq!(r, Err(LimitError::new(LimitKind::ValueDepth(100))));
}

// ---------------------------------------------------------------- Jinja

/// `text` fails (minijinja's own parser limits may answer first).
fn jinja_fails(text: &str) {
    let r = eval(text);
    assert!(r.is_err(), "{}: {r:?}", &text[..text.len().min(80)]);
}

/// `text` is refused as nested too deeply, at evaluation and validation.
fn jinja_too_deep(text: &str) {
    assert_eq!(
        limit_of(eval(text)),
        LimitKind::ExpressionDepth(DEFAULT_DEPTH),
        "{}",
        &text[..text.len().min(80)]
    );
    let text2 = text.to_string();
    let v = on_small_stack(move || validate(&text2));
    assert!(matches!(v, Err(ExprError::Limit { .. })), "{v:?}");
}

#[test]
fn jinja_deep_parentheses_and_literals_are_refused() {
    for levels in [1_000, 100_000] {
        for (open, close) in [
            ("(", ")"),
            ("[", "]"),
            ("{'a': ", "}"),
            ("-(", ")"),
            ("f(", ")"),
        ] {
            jinja_too_deep(&format!("{{{{ {} }}}}", deep(open, "1", close, levels)));
        }
        for prefix in ["not ", "-", "- "] {
            jinja_too_deep(&format!("{{{{ {}1 }}}}", prefix.repeat(levels)));
        }
    }
}

#[test]
fn jinja_long_operator_chains_are_refused() {
    for terms in [3_000, 100_000] {
        for op in [" + ", " ~ ", " and ", " or ", " == ", "|abs|", "."] {
            jinja_too_deep(&format!("{{{{ {} }}}}", chain("1", op, terms)));
            jinja_too_deep(&format!("x {{{{ {} }}}}", chain("1", op, terms)));
            jinja_too_deep(&format!(
                "x {{{{ 1 }}}}{{% if {} %}}y{{% endif %}}",
                chain("1", op, terms)
            ));
        }
    }
}

#[test]
fn jinja_deep_blocks_are_refused() {
    // One tag each: minijinja's parser refuses the nesting of blocks.
    jinja_fails(&format!(
        "x{{{{ 1 }}}}{}",
        deep("{% if true %}", "y", "{% endif %}", 100_000)
    ));
    jinja_fails(&format!(
        "x{{{{ 1 }}}}{}",
        deep("{% for i in [1] %}", "y", "{% endfor %}", 100_000)
    ));
}

#[test]
fn jinja_cpu_loops_run_out_of_steps() {
    for text in [
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}{{ 1 }}",
        "{{ range(100000) | map('abs') | map('abs') | sum }}{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}",
        "{% set l = [1,1,1,1,1,1,1,1,1,1] %}{% for a in l %}{% for b in l %}{% for c in l %}{% for d in l %}{% for e in l %}{% for f in l %}{% for g in l %}{% for h in l %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{{ 1 }}",
    ] {
        let kind = limit_of(eval(text));
        assert!(
            matches!(kind, LimitKind::Steps(_) | LimitKind::Bytes(_)),
            "{text}: {kind:?}"
        );
    }
}

#[test]
fn jinja_big_outputs_run_out_of_bytes() {
    let small = Limits {
        max_bytes: 1 << 20,
        ..Limits::DEFAULT
    };
    for text in [
        "{% for i in range(100000) %}{{ 'xxxxxxxxxxxxxxxxxxxx' }}{% endfor %}",
        "{{ range(100000) | list }}",
        "x {{ range(100000) | list }}",
        "{{ 'x' * 10000000 }}",
    ] {
        let kind = limit_of(eval_with(text, small));
        assert!(matches!(kind, LimitKind::Bytes(_)), "{text}: {kind:?}");
    }
}

#[test]
fn jinja_namespace_growth_runs_out_of_bytes() {
    // Nothing is written until the end, and then only the length: the
    // string is built by assigning to a namespace attribute (issue 10).
    let grow = |n: u32, piece: &str| {
        format!(
            "{{% set ns = namespace(s='') %}}{{% for i in range({n}) %}}\
             {{% set ns.s = ns.s ~ '{piece}' %}}{{% endfor %}}{{{{ ns.s | length }}}}"
        )
    };
    assert_eq!(
        limit_of(eval(&grow(100_000, "xxxxxxxxxx"))),
        LimitKind::Bytes(Limits::DEFAULT.max_bytes)
    );
    let small = Limits {
        max_bytes: 1 << 20,
        ..Limits::DEFAULT
    };
    assert_eq!(
        limit_of(eval_with(&grow(100_000, "xxxxxxxxxx"), small)),
        LimitKind::Bytes(1 << 20)
    );
    // Lists grown the same way, and with whitespace control and unpacking.
    let list = "{% set ns = namespace(l=[]) %}{% for i in range(100000) %}\
                {%- set ns.l, ns.n = ns.l + [i, i], 1 -%}{% endfor %}{{ ns.l | length }}";
    let kind = limit_of(eval_with(list, small));
    assert!(
        matches!(kind, LimitKind::Bytes(_) | LimitKind::Steps(_)),
        "{kind:?}"
    );
    // Small growth is fine and renders as before.
    assert_eq!(eval(&grow(100, "x")), Ok(json!("100")));
}

#[test]
fn jinja_deep_values_are_refused_at_output() {
    let nest = |levels: usize| {
        format!(
            "{{% set ns = namespace(l=1) %}}{{% for i in range({levels}) %}}\
             {{% set ns.l = [ns.l] %}}{{% endfor %}}{{{{ ns.l }}}}"
        )
    };
    assert_eq!(limit_of(eval(&nest(150))), LimitKind::ValueDepth(100));
    assert!(eval(&nest(99)).is_ok());
    // Data deeper than the limit, read whole by an expression.
    let r = on_small_stack(|| {
        let mut deep = json!(1);
        for _ in 0..120 {
            deep = json!([deep]);
        }
        let data = DataContext::new(json!({ "deep": deep }));
        evaluate("{{ _.deep }}", &data, &Limited(Limits::DEFAULT))
    });
    assert_eq!(limit_of(r), LimitKind::ValueDepth(100));
}

#[test]
fn jinja_small_limits_apply() {
    let limits = Limits {
        max_steps: 1000,
        ..Limits::DEFAULT
    };
    for _ in 0..3 {
        assert_eq!(eval_with("{{ range(10) | sum }}", limits), Ok(json!(45)));
        assert_eq!(
            limit_of(eval_with(
                "{% for i in range(5000) %}{{ i }}{% endfor %}",
                limits
            )),
            LimitKind::Steps(1000)
        );
    }
    // Several fuel amounts, each with its own compiled form.
    for steps in [100, 200, 300, 400, 500, 600] {
        let limits = Limits {
            max_steps: steps,
            ..Limits::DEFAULT
        };
        assert_eq!(
            limit_of(eval_with(
                "{% for i in range(5000) %}{{ i }}{% endfor %}",
                limits
            )),
            LimitKind::Steps(steps)
        );
    }
    let short = Limits {
        max_expression_depth: 5,
        ..Limits::DEFAULT
    };
    assert_eq!(
        limit_of(eval_with("{{ 1 + 1 + 1 + 1 + 1 + 1 }}", short)),
        LimitKind::ExpressionDepth(5)
    );
}

#[test]
fn yaml_parse_refuses_deep_and_exploding_documents() {
    let nested = |levels: usize| format!("{}1{}", "[".repeat(levels), "]".repeat(levels));
    let text = nested(150);
    assert_eq!(
        limit_of(eval(&format!("<% yaml_parse('{text}') %>"))),
        LimitKind::ValueDepth(100)
    );
    let r = on_small_stack(move || bora_expr::functions::yaml_parse(&text));
    assert!(r.unwrap_err().contains("levels of value nesting"));
    assert!(eval(&format!("<% yaml_parse('{}') %>", nested(99))).is_ok());
    // Deeper still, saphyr-parser's own recursion limit answers first.
    for levels in [1_000, 100_000] {
        let text = nested(levels);
        assert!(eval(&format!("<% yaml_parse('{text}') %>")).is_err());
        assert!(eval(&format!("{{{{ yaml_parse('{text}') }}}}")).is_err());
    }
    // "Billion laughs": each level repeats the previous one ten times.
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        bomb.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    let started = Instant::now();
    let r = on_small_stack(move || bora_expr::functions::yaml_parse(&bomb));
    assert!(r.unwrap_err().contains("bytes"));
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn sharing_a_big_string_counts_its_size() {
    for text in [
        "<% let(s => 'x' * 100000000) -> range(0, 1000).select($s) %>",
        "<% let(s => 'x' * 100000000) -> [$s, $s, $s, $s, $s] %>",
        "<% let(s => 'x' * 100000000) -> str([$s, $s, $s]) %>",
    ] {
        let kind = limit_of(eval(text));
        assert!(
            matches!(kind, LimitKind::Bytes(_) | LimitKind::Steps(_)),
            "{text}: {kind:?}"
        );
    }
    assert!(eval("<% let(s => 'x' * 1000000) -> [$s, $s, $s].len() %>").is_ok());
}

#[test]
fn deepest_values_allowed_convert_and_drop_on_a_small_stack() {
    let deepest = Limits {
        max_depth: bora_expr::limits::MAX_VALUE_DEPTH_CEILING,
        ..Limits::DEFAULT
    };
    let levels = bora_expr::limits::MAX_VALUE_DEPTH_CEILING - 1;
    for text in [
        format!("<% range(0, {levels}).reduce([$1], 1) %>"),
        format!("<% range(0, {levels}).reduce({{a => $1}}, 1) %>"),
        format!("<% str(range(0, {levels} / 2).reduce([{{b => $1}}], 1)) %>"),
        format!("x <% range(0, {levels}).reduce([$1], 1) %>"),
    ] {
        let text2 = text.clone();
        let out = on_small_stack(move || {
            let data = DataContext::new(json!({}));
            let v = evaluate(&text2, &data, &Limited(deepest)).unwrap();
            let s = serde_json::to_string(&v).unwrap();
            let back: Value = serde_json::from_str(&s).unwrap();
            drop(v);
            back == serde_json::from_str::<Value>(&s).unwrap()
        });
        assert!(out, "{text}");
    }
    // Above the ceiling, the limit is the ceiling.
    let above = Limits {
        max_depth: 10_000,
        ..Limits::DEFAULT
    };
    assert_eq!(
        limit_of(eval_with("<% range(0, 50000).reduce([$1], 1) %>", above)),
        LimitKind::ValueDepth(bora_expr::limits::MAX_VALUE_DEPTH_CEILING)
    );
}
