//! The building blocks of Mistral's schemas (`mistral/lang/types.py`).

use regex::Regex;

use super::{Schema, Ty, py_pattern};

pub(super) fn ty(t: Ty) -> Schema {
    Schema {
        ty: Some(t),
        ..Schema::default()
    }
}

pub fn nonempty_string() -> Schema {
    Schema {
        min_length: Some(1),
        ..ty(Ty::String)
    }
}

pub fn unique_string_list() -> Schema {
    Schema {
        items: Some(Box::new(nonempty_string())),
        unique_items: true,
        min_items: Some(1),
        ..ty(Ty::Array)
    }
}

pub(super) fn positive_integer() -> Schema {
    Schema {
        minimum: Some(0.0),
        ..ty(Ty::Integer)
    }
}

pub(super) fn positive_number() -> Schema {
    Schema {
        minimum: Some(0.0),
        ..ty(Ty::Number)
    }
}

/// The two evaluator patterns (sorted names: jinja, yaql).
pub const JINJA_PATTERN: &str = r"({{(.*?)}})";
pub const YAQL_PATTERN: &str = r"<%.*?%>";

pub fn expression() -> Schema {
    Schema {
        one_of: vec![
            Schema {
                pattern: Some(py_pattern(r"^({{(.*?)}})\s*$")),
                ..ty(Ty::String)
            },
            Schema {
                pattern: Some(py_pattern(r"^<%.*?%>\s*$")),
                ..ty(Ty::String)
            },
        ],
        ..Schema::default()
    }
}

pub(super) fn any_types(nullable: bool) -> Schema {
    let mut types = vec![
        Ty::Array,
        Ty::Boolean,
        Ty::Integer,
        Ty::Number,
        Ty::Object,
        Ty::String,
    ];
    if nullable {
        types.insert(0, Ty::Null);
    }
    Schema {
        any_of: types.into_iter().map(ty).collect(),
        ..Schema::default()
    }
}

pub fn any_nullable() -> Schema {
    any_types(true)
}

pub(super) fn word_key() -> (&'static str, Regex) {
    py_pattern(r"^\w+$")
}

pub fn nonempty_dict() -> Schema {
    let (src, rx) = word_key();
    Schema {
        min_props: Some(1),
        pattern_props: vec![(src, rx, any_nullable())],
        ..ty(Ty::Object)
    }
}

pub(super) fn one_key_dict() -> Schema {
    Schema {
        max_props: Some(1),
        ..nonempty_dict()
    }
}

pub(super) fn expression_or_positive_integer() -> Schema {
    Schema {
        one_of: vec![expression(), positive_integer()],
        ..Schema::default()
    }
}

pub(super) fn expression_or_boolean() -> Schema {
    Schema {
        one_of: vec![expression(), ty(Ty::Boolean)],
        ..Schema::default()
    }
}

pub fn version() -> Schema {
    Schema {
        any_of: vec![nonempty_string(), positive_integer(), positive_number()],
        ..Schema::default()
    }
}

pub(super) fn unique_string_or_one_key_dict_list() -> Schema {
    Schema {
        items: Some(Box::new(Schema {
            one_of: vec![nonempty_string(), one_key_dict()],
            ..Schema::default()
        })),
        unique_items: true,
        min_items: Some(1),
        ..ty(Ty::Array)
    }
}

pub(super) fn string_or_list() -> Schema {
    Schema {
        one_of: vec![nonempty_string(), unique_string_list()],
        ..Schema::default()
    }
}
