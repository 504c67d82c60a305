//! The schema of each of Mistral's spec classes (the `_schema` of
//! `mistral/lang/v2/*.py`, with the meta keys merged in).

use std::sync::LazyLock;

use super::types::*;
use super::{Lit, Schema, Ty, py_pattern, re};

/// `WorkflowListSpec` / `ActionListSpec` (`BaseListSpec._schema`).
pub static LIST: LazyLock<Schema> = LazyLock::new(|| Schema {
    properties: vec![("version", version())],
    additional: Some(Some(Box::new(nonempty_dict()))),
    required: vec!["version"],
    ..ty(Ty::Object)
});

/// `DirectWorkflowSpec` / `ReverseWorkflowSpec` with the merged meta schema.
/// No `type: object` and no `additionalProperties` (never merged).
pub static WORKFLOW: LazyLock<Schema> = LazyLock::new(|| {
    let (src, rx) = word_key();
    Schema {
        properties: vec![
            (
                "tasks",
                Schema {
                    min_props: Some(1),
                    pattern_props: vec![(src, rx, nonempty_dict())],
                    ..ty(Ty::Object)
                },
            ),
            (
                "type",
                Schema {
                    enumeration: vec![Lit::Str("reverse"), Lit::Str("direct")],
                    ..Schema::default()
                },
            ),
            ("task-defaults", nonempty_dict()),
            ("input", unique_string_or_one_key_dict_list()),
            ("output", nonempty_dict()),
            ("output-on-error", nonempty_dict()),
            ("vars", nonempty_dict()),
            ("tags", unique_string_list()),
        ],
        required: vec!["tasks"],
        ..Schema::default()
    }
});

fn next_task() -> Schema {
    Schema {
        one_of: vec![
            Schema {
                pattern: Some(py_pattern(r"^\S+$")),
                ..ty(Ty::String)
            },
            Schema {
                pattern: Some(py_pattern(r"^\w+ \w+=(.*)$")),
                ..ty(Ty::String)
            },
            Schema {
                pattern: Some(py_pattern(r"^\w+\(\w+=(.*)\)$")),
                ..ty(Ty::String)
            },
        ],
        ..Schema::default()
    }
}

fn task_with_expression() -> Schema {
    Schema {
        min_props: Some(1),
        max_props: Some(1),
        pattern_props: [r"^\S+$", r"^\w+ \w+=(.*)$", r"^\w+\(\w+=(.*)\)$"]
            .into_iter()
            .map(|p| {
                let (src, rx) = py_pattern(p);
                (src, rx, expression())
            })
            .collect(),
        ..ty(Ty::Object)
    }
}

fn list_of_tasks() -> Schema {
    Schema {
        items: Some(Box::new(Schema {
            one_of: vec![next_task(), task_with_expression()],
            ..Schema::default()
        })),
        unique_items: true,
        min_items: Some(1),
        ..ty(Ty::Array)
    }
}

/// The meta keys `BaseSpec.get_schema` merges into every spec's
/// properties (so `task-defaults` and an advanced `publish` accept them).
fn meta_properties() -> Vec<(&'static str, Schema)> {
    vec![
        ("name", nonempty_string()),
        ("version", version()),
        ("description", nonempty_string()),
        ("tags", unique_string_list()),
    ]
}

pub static PUBLISH: LazyLock<Schema> = LazyLock::new(|| Schema {
    properties: [
        ("branch", nonempty_dict()),
        ("global", nonempty_dict()),
        ("atomic", nonempty_dict()),
    ]
    .into_iter()
    .chain(meta_properties())
    .collect(),
    additional: Some(None),
    ..ty(Ty::Object)
});

pub static ON_CLAUSE: LazyLock<Schema> = LazyLock::new(|| Schema {
    one_of: vec![
        next_task(),
        task_with_expression(),
        list_of_tasks(),
        Schema {
            min_props: Some(1),
            properties: vec![
                ("publish", PUBLISH.clone()),
                (
                    "next",
                    Schema {
                        one_of: vec![next_task(), task_with_expression(), list_of_tasks()],
                        ..Schema::default()
                    },
                ),
            ],
            additional: Some(None),
            ..ty(Ty::Object)
        },
    ],
    ..Schema::default()
});

/// `RetrySpec`, with Bora's backoff extension keys.
pub static RETRY: LazyLock<Schema> = LazyLock::new(|| Schema {
    one_of: vec![
        Schema {
            properties: vec![
                ("count", expression_or_positive_integer()),
                ("break-on", expression()),
                ("continue-on", expression()),
                ("delay", expression_or_positive_integer()),
                // Bora extension: exponential backoff.
                (
                    "backoff",
                    Schema {
                        one_of: vec![
                            Schema {
                                enumeration: vec![Lit::Str("constant"), Lit::Str("exponential")],
                                ..Schema::default()
                            },
                            expression(),
                        ],
                        ..Schema::default()
                    },
                ),
                ("max-delay", expression_or_positive_integer()),
                ("jitter", expression_or_boolean()),
            ],
            required: vec!["delay", "count"],
            additional: Some(None),
            ..ty(Ty::Object)
        },
        nonempty_string(),
    ],
    ..Schema::default()
});

fn policy_properties() -> Vec<(&'static str, Schema)> {
    vec![
        ("retry", RETRY.clone()),
        ("wait-before", expression_or_positive_integer()),
        ("wait-after", expression_or_positive_integer()),
        ("timeout", expression_or_positive_integer()),
        ("pause-before", expression_or_boolean()),
        ("concurrency", expression_or_positive_integer()),
        ("fail-on", expression_or_boolean()),
    ]
}

/// Bora extension `limits`: per-task sandbox limits of the action calls.
/// `allowed-hosts` may be empty (no network at all).
pub static LIMITS: LazyLock<Schema> = LazyLock::new(|| Schema {
    properties: vec![
        ("fuel", expression_or_positive_integer()),
        ("memory", expression_or_positive_integer()),
        (
            "allowed-hosts",
            Schema {
                one_of: vec![
                    expression(),
                    Schema {
                        items: Some(Box::new(nonempty_string())),
                        unique_items: true,
                        ..ty(Ty::Array)
                    },
                ],
                ..Schema::default()
            },
        ),
    ],
    min_props: Some(1),
    additional: Some(None),
    ..ty(Ty::Object)
});

pub static TASK_DEFAULTS: LazyLock<Schema> = LazyLock::new(|| {
    let mut properties = policy_properties();
    properties.extend([
        ("on-complete", ON_CLAUSE.clone()),
        ("on-success", ON_CLAUSE.clone()),
        ("on-error", ON_CLAUSE.clone()),
        ("on-skip", ON_CLAUSE.clone()),
        ("safe-rerun", expression_or_boolean()),
        ("requires", string_or_list()),
        ("limits", LIMITS.clone()),
    ]);
    properties.extend(meta_properties());
    Schema {
        properties,
        additional: Some(None),
        ..ty(Ty::Object)
    }
});

fn task_schema(direct: bool) -> Schema {
    let wf_type = Schema {
        enumeration: vec![Lit::Str(if direct { "direct" } else { "reverse" })],
        ..Schema::default()
    };
    let mut properties = vec![
        ("type", wf_type),
        ("action", nonempty_string()),
        ("workflow", nonempty_string()),
        (
            "input",
            Schema {
                one_of: vec![nonempty_dict(), nonempty_string()],
                ..Schema::default()
            },
        ),
        (
            "with-items",
            Schema {
                one_of: vec![nonempty_string(), unique_string_list()],
                ..Schema::default()
            },
        ),
        ("publish", nonempty_dict()),
        ("publish-on-error", nonempty_dict()),
        ("publish-on-skip", nonempty_dict()),
    ];
    properties.extend(policy_properties());
    properties.extend([
        ("target", nonempty_string()),
        ("keep-result", expression_or_boolean()),
        ("safe-rerun", expression_or_boolean()),
        ("limits", LIMITS.clone()),
    ]);
    if direct {
        properties.extend([
            (
                "join",
                Schema {
                    one_of: vec![
                        Schema {
                            enumeration: vec![Lit::Str("all"), Lit::Str("one")],
                            ..Schema::default()
                        },
                        positive_integer(),
                    ],
                    ..Schema::default()
                },
            ),
            ("on-complete", ON_CLAUSE.clone()),
            ("on-success", ON_CLAUSE.clone()),
            ("on-error", ON_CLAUSE.clone()),
            ("on-skip", ON_CLAUSE.clone()),
        ]);
    } else {
        properties.push(("requires", string_or_list()));
    }
    // Meta keys (`v2/base.py`).
    properties.extend([
        ("name", nonempty_string()),
        ("version", version()),
        ("description", nonempty_string()),
        ("tags", unique_string_list()),
    ]);
    let required = |k: &'static str| Schema {
        ty: Some(Ty::Object),
        required: vec![k],
        ..Schema::default()
    };
    Schema {
        properties,
        additional: Some(None),
        required: vec!["name", "version"],
        any_of: vec![
            Schema {
                not: Some(Box::new(Schema {
                    ty: Some(Ty::Object),
                    required: vec!["action", "workflow"],
                    ..Schema::default()
                })),
                ..Schema::default()
            },
            Schema {
                one_of: vec![required("action"), required("workflow")],
                ..Schema::default()
            },
        ],
        ..ty(Ty::Object)
    }
}

pub static DIRECT_TASK: LazyLock<Schema> = LazyLock::new(|| task_schema(true));
pub static REVERSE_TASK: LazyLock<Schema> = LazyLock::new(|| task_schema(false));

/// The task schema for a task *before* Mistral injects `type`, `name` and
/// `version` (which overwrite whatever the task says): those keys accept
/// anything and are not required. A task valid under it is valid under the
/// full schema once injected (given a non-empty name), so the validator
/// only builds the injected copy when this quick check fails.
pub fn raw_task_schema(direct: bool) -> &'static Schema {
    fn relax(mut s: Schema) -> Schema {
        s.required.clear();
        for (k, v) in &mut s.properties {
            if matches!(*k, "type" | "name" | "version") {
                *v = Schema::default();
            }
        }
        s
    }
    static DIRECT: LazyLock<Schema> = LazyLock::new(|| relax(task_schema(true)));
    static REVERSE: LazyLock<Schema> = LazyLock::new(|| relax(task_schema(false)));
    if direct { &DIRECT } else { &REVERSE }
}

/// `ActionSpec` with the meta keys.
pub static ACTION: LazyLock<Schema> = LazyLock::new(|| Schema {
    properties: vec![
        ("base", nonempty_string()),
        ("base-input", nonempty_dict()),
        ("input", unique_string_or_one_key_dict_list()),
        ("output", any_nullable()),
        ("name", nonempty_string()),
        ("version", version()),
        ("description", nonempty_string()),
        ("tags", unique_string_list()),
    ],
    required: vec!["base", "name", "version"],
    additional: Some(None),
    ..ty(Ty::Object)
});

/// `WorkbookSpec` with the meta keys (its own `version` enum wins).
pub static WORKBOOK: LazyLock<Schema> = LazyLock::new(|| {
    let section = || {
        let (vsrc, vrx) = py_pattern(r"^version$");
        Schema {
            min_props: Some(1),
            pattern_props: vec![
                (
                    vsrc,
                    vrx,
                    Schema {
                        enumeration: vec![Lit::Str("2.0"), Lit::Num(2.0)],
                        ..Schema::default()
                    },
                ),
                // `^(?!version$)[\w-]+$`: the `version` key is matched above;
                // the look-ahead is emulated in `check` by the key test below.
                (
                    r"^(?!version$)[\w-]+$",
                    re(r"^[\w-]+\n?\z"),
                    Schema {
                        any_of: vec![any_types(false)],
                        ..Schema::default()
                    },
                ),
            ],
            additional: Some(None),
            ..ty(Ty::Object)
        }
    };
    Schema {
        properties: vec![
            (
                "version",
                Schema {
                    enumeration: vec![Lit::Str("2.0"), Lit::Num(2.0)],
                    ..Schema::default()
                },
            ),
            ("actions", section()),
            ("workflows", section()),
            ("name", nonempty_string()),
            ("description", nonempty_string()),
            ("tags", unique_string_list()),
        ],
        required: vec!["name", "version"],
        additional: Some(None),
        ..ty(Ty::Object)
    }
});
