//! The names a Jinja expression can call: filters (`x | f`), tests
//! (`x is t`), global functions (`f()`) and Python methods on values
//! (`s.strip()`), both minijinja's built-ins and those this module adds or
//! replaces. Unit tests check the lists against the environment.

/// Every filter: minijinja's built-ins and Mistral's functions in filter
/// form (`x | json_dump(data)`, where `x` is ignored).
pub const FILTERS: &[&str] = &[
    // minijinja's built-ins (some replaced to behave as Jinja2's)
    "abs",
    "attr",
    "batch",
    "bool",
    "capitalize",
    "chain",
    "count",
    "d",
    "default",
    "dictsort",
    "e",
    "escape",
    "first",
    "float",
    "format",
    "groupby",
    "indent",
    "int",
    "items",
    "join",
    "last",
    "length",
    "lines",
    "list",
    "lower",
    "map",
    "max",
    "min",
    "pprint",
    "reject",
    "rejectattr",
    "replace",
    "reverse",
    "round",
    "safe",
    "select",
    "selectattr",
    "slice",
    "sort",
    "split",
    "string",
    "sum",
    "title",
    "tojson",
    "trim",
    "unique",
    "upper",
    "urlencode",
    "zip",
    // Jinja2's filters minijinja lacks
    "center",
    "filesizeformat",
    "forceescape",
    "random",
    "striptags",
    "truncate",
    "wordcount",
    "wordwrap",
    "xmlattr",
    // Mistral's functions
    "env",
    "execution",
    "executions",
    "global",
    "json_dump",
    "json_parse",
    "task",
    "tasks",
    "uuid",
    "yaml_dump",
    "yaml_parse",
];

/// Every test (`x is name`); the operator aliases (`==`, `<`, ...) serve
/// `select('==', 1)` and the like.
pub const TESTS: &[&str] = &[
    "!=",
    "<",
    "<=",
    "==",
    ">",
    ">=",
    "boolean",
    "callable",
    "defined",
    "divisibleby",
    "endingwith",
    "eq",
    "equalto",
    "escaped",
    "even",
    "false",
    "filter",
    "float",
    "ge",
    "greaterthan",
    "gt",
    "in",
    "int",
    "integer",
    "iterable",
    "le",
    "lessthan",
    "lower",
    "lt",
    "mapping",
    "ne",
    "none",
    "number",
    "odd",
    "safe",
    "sameas",
    "sequence",
    "startingwith",
    "string",
    "test",
    "true",
    "undefined",
    "upper",
];

/// Every global function (`range(3)`, `task('t')`, ...).
pub const FUNCTIONS: &[&str] = &[
    "cycler",
    "debug",
    "dict",
    "env",
    "execution",
    "executions",
    "global",
    "joiner",
    "json_dump",
    "json_parse",
    "lipsum",
    "namespace",
    "range",
    "secret",
    "task",
    "tasks",
    "uuid",
    "yaml_dump",
    "yaml_parse",
];

/// Python's methods on strings (`_.name.upper()`).
pub const STR_METHODS: &[&str] = &[
    "capitalize",
    "center",
    "count",
    "endswith",
    "find",
    "format",
    "format_map",
    "index",
    "isalnum",
    "isalpha",
    "isdecimal",
    "isdigit",
    "islower",
    "isnumeric",
    "isspace",
    "isupper",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "partition",
    "replace",
    "rfind",
    "rindex",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "startswith",
    "strip",
    "swapcase",
    "title",
    "upper",
    "zfill",
];

/// Python's methods on lists (`_.list.index(2)`).
pub const LIST_METHODS: &[&str] = &[
    "append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse",
    "sort",
];

/// Python's methods on dicts (`_.d.get('k')`).
pub const DICT_METHODS: &[&str] = &[
    "clear",
    "copy",
    "get",
    "items",
    "keys",
    "pop",
    "setdefault",
    "update",
    "values",
];

#[cfg(test)]
mod tests {
    use super::super::methods::{map_method, seq_method, str_method};
    use super::super::*;
    use super::*;

    /// The names the environment's `Debug` form lists under `field`
    /// (`filters`, `tests`): minijinja has no other way to list them.
    fn registered(field: &str) -> Vec<String> {
        let text = format!("{:#?}", *ENV);
        let start = text
            .find(&format!("{field}: ["))
            .unwrap_or_else(|| panic!("no {field} in {text}"));
        text[start..]
            .lines()
            .skip(1)
            .take_while(|line| !line.trim_start().starts_with(']'))
            .map(|line| {
                line.trim()
                    .trim_end_matches(',')
                    .trim_matches('"')
                    .to_string()
            })
            .filter(|name| name != budget::COUNT_FILTER)
            .collect()
    }

    /// The differences between what the environment has and a list.
    fn differences(kind: &str, present: &[String], listed: &[&str]) -> Vec<String> {
        let mut out: Vec<String> = present
            .iter()
            .filter(|name| !listed.contains(&name.as_str()))
            .map(|name| format!("{kind} {name} is not listed"))
            .collect();
        out.extend(
            listed
                .iter()
                .filter(|name| !present.iter().any(|p| p == *name))
                .map(|name| format!("{kind} {name} is listed but absent")),
        );
        out
    }

    #[test]
    fn the_filters_tests_and_globals_are_the_listed_ones() {
        let globals: Vec<String> = ENV.globals().map(|(name, _)| name.to_string()).collect();
        let filters = registered("filters");
        let tests = registered("tests");
        assert!(
            filters.len() > 50 && tests.len() > 30,
            "{filters:?} {tests:?}"
        );
        let mut wrong = differences("filter", &filters, FILTERS);
        wrong.extend(differences("test", &tests, TESTS));
        wrong.extend(differences("global", &globals, FUNCTIONS));
        assert!(wrong.is_empty(), "{wrong:?}");
    }

    /// Every name-like string literal of the methods' source: a method is
    /// matched by a literal name.
    fn candidates() -> Vec<&'static str> {
        include_str!("methods.rs")
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .collect()
    }

    #[test]
    fn the_methods_are_the_listed_ones() {
        let known =
            |r: Result<Value, Error>| !r.is_err_and(|e| e.kind() == ErrorKind::UnknownMethod);
        let l = Value::from(vec![Value::from(1)]);
        let d = Value::from_serialize(serde_json::json!({"k": 1}));
        let arg = [Value::from("k")];
        let mut wrong = Vec::new();
        for name in candidates()
            .into_iter()
            .chain(STR_METHODS.iter().copied())
            .chain(LIST_METHODS.iter().copied())
            .chain(DICT_METHODS.iter().copied())
        {
            for (kind, listed, works) in [
                ("str", STR_METHODS, known(str_method("a b", name, &arg))),
                ("list", LIST_METHODS, known(seq_method(&l, name, &arg))),
                ("dict", DICT_METHODS, known(map_method(&d, name, &arg))),
            ] {
                if works != listed.contains(&name) {
                    wrong.push(format!("{kind}.{name}"));
                }
            }
        }
        wrong.sort_unstable();
        wrong.dedup();
        assert!(wrong.is_empty(), "listed or not listed wrongly: {wrong:?}");
    }
}
