//! The data as `_` and the top-level names, read lazily from the
//! [`DataContext`]; conversions between minijinja values and JSON.

use super::*;

/// The variables a template sees: `_` and the three `__` globals.
#[derive(Debug)]
pub(super) struct Root {
    pub(super) data: DataContext,
    pub(super) prefetched: Option<Value>,
}

pub(super) const ROOT_KEYS: [&str; 4] = ["_", "__env", "__execution", "__task_execution"];

impl Object for Root {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        match key.as_str()? {
            // Mistral binds `_` to the data itself: a string result in an
            // ad-hoc action's `output` is that string, not a dict.
            "_" => Some(match self.data.layers() {
                [only] if !only.is_object() => lazy(only, Vec::new(), only),
                _ => Value::from_object(Data {
                    data: self.data.clone(),
                }),
            }),
            name @ ("__env" | "__execution" | "__task_execution") => Some(
                self.data
                    .layers()
                    .iter()
                    .find_map(|layer| {
                        let child = layer.as_object()?.get(name)?;
                        Some(lazy(layer, vec![Step::Key(Arc::from(name))], child))
                    })
                    .unwrap_or(Value::from(())),
            ),
            PREFETCHED_VAR => self.prefetched.clone(),
            name => {
                // Functions are globals, found after the data.
                if !names::FUNCTIONS.contains(&name) {
                    miss::note(|| format!("'{name}' is undefined"));
                }
                None
            }
        }
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(&ROOT_KEYS)
    }
}

pub(super) fn root_value(data: &DataContext, prefetched: Option<Value>) -> Value {
    Value::from_object(Root {
        data: data.clone(),
        prefetched,
    })
}

/// The JSON behind a value read from the data, if it is one.
pub(super) fn json_node(value: &Value) -> Option<&Json> {
    value
        .downcast_object_ref::<JsonNode>()
        .map(|node| node.resolve())
}

/// `_`: the data context as a dict, converted key by key when read.
#[derive(Debug)]
pub(super) struct Data {
    pub(super) data: DataContext,
}

impl Object for Data {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let key = key.as_str()?;
        let found = self.data.layers().iter().find_map(|layer| {
            let child = layer.as_object()?.get(key)?;
            Some(lazy(layer, vec![Step::Key(Arc::from(key))], child))
        });
        if found.is_none() {
            miss::attribute("dict", names::DICT_METHODS, key);
        }
        found
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        match self.data.to_value() {
            Json::Object(map) => {
                Enumerator::Values(map.keys().map(|k| Value::from(k.as_str())).collect())
            }
            _ => Enumerator::Empty,
        }
    }
}

/// One step from a layer's root to a nested value.
#[derive(Debug, Clone)]
pub(super) enum Step {
    Key(Arc<str>),
    Index(usize),
}

/// A dict or list inside a shared data layer, seen by minijinja without
/// being converted: children are converted only when read, scalars
/// directly, containers as further nodes. Shown with Python's `repr()`.
#[derive(Debug)]
pub(super) struct JsonNode {
    pub(super) root: Arc<Json>,
    pub(super) path: Vec<Step>,
}

impl JsonNode {
    pub(super) fn resolve(&self) -> &Json {
        let mut current = self.root.as_ref();
        for step in &self.path {
            let next = match (step, current) {
                (Step::Key(k), Json::Object(map)) => map.get(k.as_ref()),
                (Step::Index(i), Json::Array(items)) => items.get(*i),
                _ => None,
            };
            current = next.unwrap_or(&Json::Null);
        }
        current
    }

    fn child(&self, step: Step, value: &Json) -> Value {
        let mut path = self.path.clone();
        path.push(step);
        lazy(&self.root, path, value)
    }
}

/// A JSON value from a data layer as a minijinja value: scalars are
/// converted, dicts and lists become [`JsonNode`]s.
pub(super) fn lazy(root: &Arc<Json>, path: Vec<Step>, value: &Json) -> Value {
    match value {
        Json::Object(_) | Json::Array(_) => Value::from_object(JsonNode {
            root: Arc::clone(root),
            path,
        }),
        scalar => from_json(scalar),
    }
}

impl Object for JsonNode {
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        match self.resolve() {
            Json::Array(_) => minijinja::value::ObjectRepr::Seq,
            _ => minijinja::value::ObjectRepr::Map,
        }
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        match self.resolve() {
            Json::Object(map) => {
                let key = key.as_str()?;
                let Some(child) = map.get(key) else {
                    miss::attribute("dict", names::DICT_METHODS, key);
                    return None;
                };
                Some(self.child(Step::Key(Arc::from(key)), child))
            }
            Json::Array(items) => {
                let Some(index) = seq_index(key, items.len()) else {
                    match key.as_str() {
                        Some(name) => miss::attribute("list", names::LIST_METHODS, name),
                        None => miss::note(|| format!("list object has no element {key}")),
                    }
                    return None;
                };
                Some(self.child(Step::Index(index), &items[index]))
            }
            _ => None,
        }
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        match self.resolve() {
            Json::Object(map) => {
                Enumerator::Values(map.keys().map(|k| Value::from(k.as_str())).collect())
            }
            Json::Array(items) => Enumerator::Seq(items.len()),
            _ => Enumerator::Empty,
        }
    }

    fn enumerator_len(self: &Arc<Self>) -> Option<usize> {
        match self.resolve() {
            Json::Object(map) => Some(map.len()),
            Json::Array(items) => Some(items.len()),
            _ => Some(0),
        }
    }

    fn render(self: &Arc<Self>, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result
    where
        Self: Sized + 'static,
    {
        f.write_str(&python::repr(self.resolve()))
    }
}

pub(super) fn from_json(value: &Json) -> Value {
    match value {
        Json::Null => Value::from(()),
        Json::Bool(b) => Value::from(*b),
        Json::String(s) => Value::from(s.as_str()),
        Json::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                Value::from(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        _ => Value::from_serialize(value),
    }
}

/// A minijinja value as JSON: integers stay integers, floats stay floats,
/// tuples and iterators become lists, non-string keys become their `str()`.
pub fn to_json(value: &Value) -> Json {
    if let Some(node) = value.downcast_object_ref::<JsonNode>() {
        return node.resolve().clone();
    }
    match value.kind() {
        ValueKind::Undefined | ValueKind::None => Json::Null,
        ValueKind::Bool => Json::Bool(value.is_true()),
        ValueKind::Number => number_to_json(value),
        ValueKind::String => Json::String(value.as_str().unwrap_or_default().to_string()),
        ValueKind::Bytes => {
            Json::String(String::from_utf8_lossy(value.as_bytes().unwrap_or_default()).into_owned())
        }
        ValueKind::Seq | ValueKind::Iterable => Json::Array(
            value
                .try_iter()
                .map(|it| it.map(|v| to_json(&v)).collect())
                .unwrap_or_default(),
        ),
        ValueKind::Map => {
            let mut map = serde_json::Map::new();
            if let Ok(keys) = value.try_iter() {
                for key in keys {
                    let item = value.get_item(&key).unwrap_or_default();
                    map.insert(py_str(&key), to_json(&item));
                }
            }
            Json::Object(map)
        }
        _ => Json::String(value.to_string()),
    }
}

pub(super) fn number_to_json(value: &Value) -> Json {
    if value.is_integer() {
        if let Ok(i) = i64::try_from(value.clone()) {
            return Json::from(i);
        }
        if let Ok(u) = u64::try_from(value.clone()) {
            return Json::from(u);
        }
    }
    let f = f64::try_from(value.clone()).unwrap_or(f64::NAN);
    serde_json::Number::from_f64(f)
        .map_or_else(|| Json::String(python::float_repr(f)), Json::Number)
}

/// What the data lacked when it was last asked for something it does not
/// have, so that an undefined value's error can name it as Jinja2's
/// StrictUndefined does (`'x' is undefined`, `'dict object' has no
/// attribute 'y'`). Kept per thread: one evaluation runs on one thread.
pub(super) mod miss {
    use std::cell::RefCell;

    thread_local! {
        static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    /// Forgets the last miss (an evaluation starts).
    pub(in crate::jinja) fn clear() {
        LAST.with(|last| last.borrow_mut().take());
    }

    /// Records a miss, described lazily (most misses are never reported).
    pub(in crate::jinja) fn note(describe: impl FnOnce() -> String) {
        LAST.with(|last| *last.borrow_mut() = Some(describe()));
    }

    /// Records `name` missing from a `kind` object, unless it is one of
    /// `methods` (a method call looks the name up first).
    pub(in crate::jinja) fn attribute(kind: &str, methods: &[&str], name: &str) {
        if !methods.contains(&name) {
            note(|| format!("'{kind} object' has no attribute '{name}'"));
        }
    }

    /// The last miss, if any.
    pub(in crate::jinja) fn take() -> Option<String> {
        LAST.with(|last| last.borrow_mut().take())
    }
}
