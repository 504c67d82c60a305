//! Jinja2's filter signatures, so that every filter takes its arguments as
//! Python would: by position or by keyword (`truncate(9, end="!")`,
//! `default(default_value=3)`), an unknown or repeated keyword is an
//! error, and an undefined value piped into a filter that would use it is
//! StrictUndefined's error instead of an empty result.
//!
//! The Rust functions behind the filters take their first parameters by
//! position and the rest (if any) as keywords; [`PyArgs::normalize`] turns
//! a call into exactly that shape, so each function reads its arguments
//! one way only.

use super::*;

/// One filter's parameters after the piped value, in Jinja2's order.
pub(in crate::jinja) struct Signature {
    /// The filter's name (also how errors name it, as `do_<name>()`).
    pub name: &'static str,
    /// Parameter names; `None` for a filter taking `*args, **kwargs`
    /// (`map`, `select`, `format`, ...), whose arguments pass unchanged.
    pub params: Option<&'static [&'static str]>,
    /// How many leading parameters the Rust function takes by position;
    /// the rest it reads as keywords.
    pub positional: usize,
    /// Whether an undefined piped value is the filter's to handle
    /// (`default`, `items`): Jinja2 checks for `Undefined` there instead of
    /// using the value.
    pub lenient: bool,
}

const fn sig(name: &'static str, params: &'static [&'static str], positional: usize) -> Signature {
    Signature {
        name,
        params: Some(params),
        positional,
        lenient: false,
    }
}

const fn varargs(name: &'static str) -> Signature {
    Signature {
        name,
        params: None,
        positional: 0,
        lenient: false,
    }
}

/// Jinja2 3.1's built-in filters.
pub(in crate::jinja) static SIGNATURES: &[Signature] = &[
    sig("abs", &[], 0),
    sig("attr", &["name"], 1),
    sig("batch", &["linecount", "fill_with"], 2),
    sig("capitalize", &[], 0),
    sig("center", &["width"], 1),
    Signature {
        lenient: true,
        ..sig("default", &["default_value", "boolean"], 2)
    },
    Signature {
        lenient: true,
        ..sig("d", &["default_value", "boolean"], 2)
    },
    sig("dictsort", &["case_sensitive", "by", "reverse"], 3),
    sig("escape", &[], 0),
    sig("e", &[], 0),
    sig("filesizeformat", &["binary"], 1),
    sig("first", &[], 0),
    sig("float", &["default"], 1),
    sig("forceescape", &[], 0),
    varargs("format"),
    sig("groupby", &["attribute", "default", "case_sensitive"], 1),
    sig("indent", &["width", "first", "blank"], 3),
    sig("int", &["default", "base"], 2),
    Signature {
        lenient: true,
        ..sig("items", &[], 0)
    },
    sig("join", &["d", "attribute"], 1),
    sig("last", &[], 0),
    sig("length", &[], 0),
    sig("count", &[], 0),
    sig("list", &[], 0),
    sig("lower", &[], 0),
    varargs("map"),
    sig("max", &["case_sensitive", "attribute"], 0),
    sig("min", &["case_sensitive", "attribute"], 0),
    Signature {
        lenient: true,
        ..sig("pprint", &[], 0)
    },
    sig("random", &[], 0),
    varargs("reject"),
    varargs("rejectattr"),
    sig("replace", &["old", "new", "count"], 3),
    sig("reverse", &[], 0),
    sig("round", &["precision", "method"], 2),
    sig("safe", &[], 0),
    varargs("select"),
    varargs("selectattr"),
    sig("slice", &["slices", "fill_with"], 2),
    sig("sort", &["reverse", "case_sensitive", "attribute"], 0),
    sig("string", &[], 0),
    sig("striptags", &[], 0),
    sig("sum", &["attribute", "start"], 0),
    sig("title", &[], 0),
    sig("tojson", &["indent"], 1),
    sig("trim", &["chars"], 1),
    sig("truncate", &["length", "killwords", "end", "leeway"], 4),
    sig("unique", &["case_sensitive", "attribute"], 0),
    sig("upper", &[], 0),
    sig("urlencode", &[], 0),
    sig("wordcount", &[], 0),
    sig(
        "wordwrap",
        &[
            "width",
            "break_long_words",
            "wrapstring",
            "break_on_hyphens",
        ],
        3,
    ),
    sig("xmlattr", &["autospace"], 1),
];

/// The signature of the filter `name`, if it is one of Jinja2's.
pub(in crate::jinja) fn signature(name: &str) -> Option<&'static Signature> {
    SIGNATURES.iter().find(|s| s.name == name)
}

fn type_error(message: String) -> Error {
    Error::new(ErrorKind::InvalidOperation, message)
}

/// Arguments as a Python call gives them: positional values, then keywords.
pub(in crate::jinja) struct PyArgs {
    pub positional: Vec<Value>,
    pub keywords: Vec<(String, Value)>,
}

impl PyArgs {
    /// Splits minijinja's arguments (keywords come as a trailing map).
    pub fn split(args: &[Value]) -> Result<Self, Error> {
        let (positional, keywords) = match args.split_last() {
            Some((last, rest)) if last.is_kwargs() => {
                let kwargs = Kwargs::try_from(last.clone())?;
                let keywords = kwargs
                    .args()
                    .map(|k| Ok((k.to_string(), kwargs.peek::<Value>(k)?)))
                    .collect::<Result<Vec<_>, Error>>()?;
                (rest.to_vec(), keywords)
            }
            _ => (args.to_vec(), Vec::new()),
        };
        Ok(Self {
            positional,
            keywords,
        })
    }

    /// The arguments in the shape `sig`'s Rust function takes: its first
    /// `sig.positional` parameters by position (a gap before a later one
    /// is undefined, which the function reads as "not given", as it reads
    /// `none`), the others as keywords.
    pub fn normalize(self, sig: &Signature) -> Result<Vec<Value>, Error> {
        let Some(params) = sig.params else {
            return Ok(self.into_values());
        };
        self.arrange(&format!("do_{}", sig.name), params, sig.positional, 1)
    }

    /// As [`PyArgs::normalize`] for the Python function `function` with
    /// `params` (after `self_args` implicit ones), its first `positional`
    /// taken by position.
    pub fn arrange(
        self,
        function: &str,
        params: &[&str],
        positional: usize,
        self_args: usize,
    ) -> Result<Vec<Value>, Error> {
        if self.positional.len() > params.len() {
            return Err(type_error(format!(
                "{function}() takes {} positional arguments but {} were given",
                params.len() + self_args,
                self.positional.len() + self_args
            )));
        }
        let mut slots: Vec<Option<Value>> = vec![None; params.len()];
        for (slot, value) in slots.iter_mut().zip(self.positional) {
            *slot = Some(value);
        }
        for (key, value) in self.keywords {
            let Some(index) = params.iter().position(|p| *p == key) else {
                return Err(type_error(format!(
                    "{function}() got an unexpected keyword argument '{key}'"
                )));
            };
            if slots[index].is_some() {
                return Err(type_error(format!(
                    "{function}() got multiple values for argument '{key}'"
                )));
            }
            slots[index] = Some(value);
        }
        let given = slots
            .iter()
            .take(positional)
            .rposition(Option::is_some)
            .map_or(0, |i| i + 1);
        let mut out: Vec<Value> = slots
            .iter()
            .take(given)
            .map(|slot| slot.clone().unwrap_or(Value::UNDEFINED))
            .collect();
        let keywords: Vec<(&str, Value)> = params
            .iter()
            .zip(slots.iter())
            .skip(positional)
            .filter_map(|(name, slot)| slot.clone().map(|v| (*name, v)))
            .collect();
        if !keywords.is_empty() {
            out.push(Value::from(keywords.into_iter().collect::<Kwargs>()));
        }
        Ok(out)
    }

    pub fn into_values(self) -> Vec<Value> {
        let mut out = self.positional;
        if !self.keywords.is_empty() {
            out.push(Value::from(self.keywords.into_iter().collect::<Kwargs>()));
        }
        out
    }
}

/// Registers `f` as the filter `name`, taking Python-style arguments when
/// `name` is one of Jinja2's filters.
pub(in crate::jinja) fn add<F, Rv, Args>(env: &mut Environment<'static>, name: &'static str, f: F)
where
    F: minijinja::functions::Function<Rv, Args>,
    Rv: minijinja::value::FunctionResult,
    Args: for<'a> minijinja::value::FunctionArgs<'a>,
{
    let Some(sig) = signature(name) else {
        env.add_filter(name, f);
        return;
    };
    let inner = Value::from_function(f);
    env.add_filter(
        name,
        move |state: &State, value: Value, args: Rest<Value>| -> Result<Value, Error> {
            let py = PyArgs::split(&args)?;
            // An undefined argument fails as the value does (Jinja2 fails
            // when it is used); `default`'s own may stay unused.
            if !sig.lenient
                && (value.is_undefined()
                    || py.positional.iter().any(Value::is_undefined)
                    || py.keywords.iter().any(|(_, v)| v.is_undefined()))
            {
                return Err(undefined_error());
            }
            let mut call = vec![value];
            call.extend(py.normalize(sig)?);
            inner.call(state, &call)
        },
    );
}

/// Jinja2 filters that minijinja's own functions serve as they are, once
/// they take Python-style arguments.
pub(in crate::jinja) fn register_builtins(env: &mut Environment<'static>) {
    use minijinja::filters as mj;
    add(env, "abs", mj::abs);
    add(env, "batch", mj::batch);
    add(env, "capitalize", mj::capitalize);
    add(env, "default", default);
    add(env, "d", default);
    add(env, "first", mj::first);
    add(env, "format", mj::format);
    add(env, "indent", mj::indent);
    add(env, "items", items);
    add(env, "length", mj::length);
    add(env, "count", mj::length);
    add(env, "list", mj::list);
    add(env, "lower", mj::lower);
    add(env, "map", map);
    add(env, "reject", mj::reject);
    add(env, "safe", mj::safe);
    add(env, "select", mj::select);
    add(env, "slice", mj::slice);
    add(env, "unique", mj::unique);
    add(env, "upper", mj::upper);
}

/// Jinja2's `map`: minijinja's, except that a mapped filter also gets
/// the keywords (`map("round", precision=1)`).
fn map(state: &State, value: Value, args: Rest<Value>) -> Result<Value, Error> {
    let call = PyArgs::split(&args)?;
    let by_attribute = call.keywords.iter().any(|(k, _)| k == "attribute");
    let Some((name, rest)) = call.positional.split_first().filter(|_| !by_attribute) else {
        return minijinja::filters::map(state, value, args).map(Value::from);
    };
    let name = name
        .as_str()
        .ok_or_else(|| type_error("filter name must be a string".into()))?;
    let extra = PyArgs {
        positional: rest.to_vec(),
        keywords: call.keywords,
    }
    .into_values();
    let mut out = Vec::new();
    for item in value.try_iter()? {
        let mut item_args = Vec::with_capacity(extra.len() + 1);
        item_args.push(item);
        item_args.extend(extra.iter().cloned());
        out.push(state.apply_filter(name, &item_args)?);
    }
    Ok(Value::from(out))
}

/// Jinja2's `default(default_value='', boolean=False)`: an explicit
/// `none` is returned as given, a missing default is `''`.
fn default(value: Value, args: Rest<Value>) -> Value {
    let boolean = args.get(1).is_some_and(Value::is_true);
    if value.is_undefined() || (boolean && !value.is_true()) {
        return args
            .first()
            .filter(|v| !v.is_undefined())
            .cloned()
            .unwrap_or(Value::from(""));
    }
    value
}

/// Jinja2's `items`: nothing for an undefined value.
fn items(value: &Value) -> Result<Value, Error> {
    if value.is_undefined() {
        return Ok(Value::from(Vec::<Value>::new()));
    }
    minijinja::filters::items(value)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn kwargs(pairs: &[(&str, Value)]) -> Value {
        Value::from(pairs.iter().cloned().collect::<Kwargs>())
    }

    #[test]
    fn keywords_fill_positions_and_gaps_are_undefined() {
        let sig = signature("truncate").unwrap();
        let args = PyArgs::split(&[Value::from(9), kwargs(&[("end", Value::from("!"))])]).unwrap();
        let out = args.normalize(sig).unwrap();
        assert_eq!(out.len(), 3);
        assert_eq!(out[0], Value::from(9));
        assert!(out[1].is_undefined());
        assert_eq!(out[2], Value::from("!"));
    }

    #[test]
    fn positions_beyond_the_rust_ones_become_keywords() {
        let sig = signature("sort").unwrap();
        let out = PyArgs::split(&[Value::from(true)])
            .unwrap()
            .normalize(sig)
            .unwrap();
        assert_eq!(out.len(), 1);
        assert!(out[0].is_kwargs());
        let kw = Kwargs::try_from(out[0].clone()).unwrap();
        assert!(kw.peek::<bool>("reverse").unwrap());
    }

    #[test]
    fn unknown_repeated_and_extra_arguments_are_python_errors() {
        let sig = signature("float").unwrap();
        let unknown = PyArgs::split(&[kwargs(&[("bogus", Value::from(1))])])
            .unwrap()
            .normalize(sig)
            .unwrap_err();
        assert!(
            unknown
                .to_string()
                .contains("do_float() got an unexpected keyword argument 'bogus'"),
            "{unknown}"
        );
        let twice = PyArgs::split(&[Value::from(1), kwargs(&[("default", Value::from(2))])])
            .unwrap()
            .normalize(sig)
            .unwrap_err();
        assert!(twice.to_string().contains("multiple values"), "{twice}");
        let extra = PyArgs::split(&[Value::from(1), Value::from(2)])
            .unwrap()
            .normalize(sig)
            .unwrap_err();
        assert!(
            extra
                .to_string()
                .contains("takes 2 positional arguments but 3 were given"),
            "{extra}"
        );
    }

    #[test]
    fn every_signature_is_unique_and_positional_within_its_params() {
        for (i, s) in SIGNATURES.iter().enumerate() {
            assert!(
                SIGNATURES[i + 1..].iter().all(|o| o.name != s.name),
                "{} twice",
                s.name
            );
            if let Some(params) = s.params {
                assert!(s.positional <= params.len(), "{}", s.name);
            }
        }
    }
}
