//! Validation of a positioned node against a [`Schema`]: a quick
//! allocation-free check, then, for invalid nodes, every error refined
//! the way `jsonschema.best_match` refines the one it raises.

use super::{Lit, Schema, SchemaError};
use crate::yaml::{Node, Pos, Value, py_repr};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Index(usize),
    Key(String),
}

/// An error as `jsonschema` builds it, for its `best_match` heuristic.
#[derive(Debug, Clone)]
struct RawError {
    keyword: &'static str,
    /// Relative to the instance of the parent error (or the root).
    path: Vec<Step>,
    message: String,
    pos: Pos,
    matches_type: bool,
    /// Errors of every branch of a failed `oneOf` / `anyOf`.
    context: Vec<RawError>,
}

impl RawError {
    /// `jsonschema.exceptions.relevance`, as an ordering key.
    fn key(&self) -> (isize, &[Step], bool, bool) {
        (
            -(self.path.len() as isize),
            &self.path,
            !matches!(self.keyword, "anyOf" | "oneOf"),
            !self.matches_type,
        )
    }

    /// `best_match`'s descent into the context of `oneOf` / `anyOf`
    /// errors: the most specific nested error, unless two tie.
    fn best(self) -> (Vec<Step>, String, Pos) {
        let mut path = Vec::new();
        let mut best = self;
        loop {
            if best.context.is_empty() {
                break;
            }
            let mut ctx = std::mem::take(&mut best.context);
            ctx.sort_by(|a, b| a.key().cmp(&b.key()));
            if ctx.len() >= 2 && ctx[0].key() == ctx[1].key() {
                break;
            }
            path.append(&mut best.path);
            best = ctx.swap_remove(0);
        }
        path.extend(best.path);
        (path, best.message, best.pos)
    }
}
impl Schema {
    /// Validates `node`, returning every top-level error (`iter_errors`),
    /// each refined like `jsonschema.best_match` refines the error it raises.
    pub fn validate(&self, node: &Node) -> Vec<SchemaError> {
        // The allocation-free check first: most definitions are valid.
        if self.is_valid(node) {
            return Vec::new();
        }
        let mut errs = Vec::new();
        self.errors(node, &mut Vec::new(), &mut errs);
        errs.into_iter()
            .map(|e| {
                let (path, message, pos) = e.best();
                SchemaError {
                    message,
                    pos,
                    path: path
                        .into_iter()
                        .map(|s| match s {
                            Step::Index(i) => i.to_string(),
                            Step::Key(k) => k,
                        })
                        .collect(),
                }
            })
            .collect()
    }

    fn matches_type(&self, v: &Value) -> bool {
        self.ty.is_some_and(|t| t.matches(v))
    }

    /// Whether `node` is valid (short-circuits).
    pub fn is_valid(&self, node: &Node) -> bool {
        let v = &node.value;
        if let Some(ty) = self.ty
            && !ty.matches(v)
        {
            return false;
        }
        if !self.enumeration.is_empty() && !self.enumeration.iter().any(|l| lit_eq(l, v)) {
            return false;
        }
        let ok = match v {
            Value::Str(s) => {
                self.min_length.is_none_or(|m| s.chars().count() >= m)
                    && self.pattern.as_ref().is_none_or(|(_, rx)| rx.is_match(s))
            }
            Value::Int(_) | Value::Float(_) => self.minimum.is_none_or(|m| number(v) >= m),
            Value::Seq(items) => {
                self.min_items.is_none_or(|m| items.len() >= m)
                    && (!self.unique_items || !has_duplicates(items))
                    && self
                        .items
                        .as_ref()
                        .is_none_or(|s| items.iter().all(|i| s.is_valid(i)))
            }
            Value::Map(entries) => {
                self.min_props.is_none_or(|m| entries.len() >= m)
                    && self.max_props.is_none_or(|m| entries.len() <= m)
                    && self
                        .required
                        .iter()
                        .all(|r| entries.iter().any(|(k, _)| k.as_str() == Some(r)))
                    && entries.iter().all(|(k, val)| self.entry_valid(k, val))
            }
            _ => true,
        };
        ok && (self.one_of.is_empty()
            || self.one_of.iter().filter(|s| s.is_valid(node)).count() == 1)
            && (self.any_of.is_empty() || self.any_of.iter().any(|s| s.is_valid(node)))
            && self.not.as_ref().is_none_or(|n| !n.is_valid(node))
    }

    fn entry_valid(&self, k: &Node, val: &Node) -> bool {
        let key = k.as_str();
        let mut known = false;
        if let Some(key) = key
            && let Some((_, s)) = self.properties.iter().find(|(n, _)| *n == key)
        {
            known = true;
            if !s.is_valid(val) {
                return false;
            }
        }
        if !self.pattern_props.is_empty() {
            let Some(key) = key else { return false };
            for (_, rx, s) in &self.pattern_props {
                if rx.is_match(key) {
                    known = true;
                    if !s.is_valid(val) {
                        return false;
                    }
                }
            }
        }
        match &self.additional {
            Some(None) if !known => false,
            Some(Some(s)) if !known => s.is_valid(val),
            _ => true,
        }
    }

    fn errors(&self, node: &Node, path: &mut Vec<Step>, out: &mut Vec<RawError>) {
        let v = &node.value;
        let mt = self.matches_type(v);
        let mk = |keyword: &'static str, message: String, path: &Vec<Step>| RawError {
            keyword,
            path: path.clone(),
            message,
            pos: node.pos,
            matches_type: mt,
            context: Vec::new(),
        };
        if let Some(ty) = self.ty
            && !ty.matches(v)
        {
            out.push(mk(
                "type",
                format!("{} is not of type '{}'", py_repr(node), ty.name()),
                path,
            ));
            // The remaining keywords of Mistral's schemas only constrain
            // values of the expected type.
            return;
        }
        if !self.enumeration.is_empty() && !self.enumeration.iter().any(|l| lit_eq(l, v)) {
            let list: Vec<String> = self
                .enumeration
                .iter()
                .map(|l| match l {
                    Lit::Str(s) => format!("'{s}'"),
                    Lit::Num(n) => format!("{n:?}"),
                })
                .collect();
            out.push(mk(
                "enum",
                format!("{} is not one of [{}]", py_repr(node), list.join(", ")),
                path,
            ));
        }
        match v {
            Value::Str(s) => {
                if let Some(min) = self.min_length
                    && s.chars().count() < min
                {
                    out.push(mk(
                        "minLength",
                        format!("{} should be non-empty", py_repr(node)),
                        path,
                    ));
                }
                if let Some((src, rx)) = &self.pattern
                    && !rx.is_match(s)
                {
                    out.push(mk(
                        "pattern",
                        format!(
                            "{} does not match '{}'",
                            py_repr(node),
                            src.replace('\\', "\\\\")
                        ),
                        path,
                    ));
                }
            }
            Value::Int(_) | Value::Float(_) => {
                if let Some(min) = self.minimum
                    && number(v) < min
                {
                    out.push(mk(
                        "minimum",
                        format!(
                            "{} is less than the minimum of {}",
                            py_repr(node),
                            min as i64
                        ),
                        path,
                    ));
                }
            }
            Value::Seq(items) => {
                if let Some(min) = self.min_items
                    && items.len() < min
                {
                    out.push(mk(
                        "minItems",
                        format!("{} should be non-empty", py_repr(node)),
                        path,
                    ));
                }
                if self.unique_items && has_duplicates(items) {
                    out.push(mk(
                        "uniqueItems",
                        format!("{} has non-unique elements", py_repr(node)),
                        path,
                    ));
                }
                if let Some(item_schema) = &self.items {
                    for (i, it) in items.iter().enumerate() {
                        path.push(Step::Index(i));
                        item_schema.errors(it, path, out);
                        path.pop();
                    }
                }
            }
            Value::Map(entries) => {
                if let Some(min) = self.min_props
                    && entries.len() < min
                {
                    out.push(mk(
                        "minProperties",
                        format!("{} should be non-empty", py_repr(node)),
                        path,
                    ));
                }
                if let Some(max) = self.max_props
                    && entries.len() > max
                {
                    out.push(mk(
                        "maxProperties",
                        format!("{} has too many properties", py_repr(node)),
                        path,
                    ));
                }
                for req in &self.required {
                    if !entries.iter().any(|(k, _)| k.as_str() == Some(req)) {
                        out.push(mk(
                            "required",
                            format!("'{req}' is a required property"),
                            path,
                        ));
                    }
                }
                self.entry_errors(node, entries, path, out);
            }
            _ => {}
        }
        for (keyword, branches) in [("oneOf", &self.one_of), ("anyOf", &self.any_of)] {
            if branches.is_empty() {
                continue;
            }
            let valid = branches.iter().filter(|s| s.is_valid(node)).count();
            if valid == 0 || (keyword == "anyOf" && valid > 0) {
                if valid > 0 {
                    continue;
                }
                let mut context = Vec::new();
                for b in branches {
                    b.errors(node, &mut Vec::new(), &mut context);
                }
                let mut e = mk(
                    keyword,
                    format!(
                        "{} is not valid under any of the given schemas",
                        py_repr(node)
                    ),
                    path,
                );
                e.context = context;
                out.push(e);
            } else if valid > 1 {
                out.push(mk(
                    keyword,
                    format!(
                        "{} is valid under each of several of the given schemas",
                        py_repr(node)
                    ),
                    path,
                ));
            }
        }
        if let Some(not) = &self.not
            && not.is_valid(node)
        {
            out.push(mk(
                "not",
                format!("{} should not be valid under a 'not' schema", py_repr(node)),
                path,
            ));
        }
    }

    fn entry_errors(
        &self,
        node: &Node,
        entries: &[(Node, Node)],
        path: &mut Vec<Step>,
        out: &mut Vec<RawError>,
    ) {
        let mut extra: Vec<&Node> = Vec::new();
        for (k, val) in entries {
            let key = k.as_str();
            let mut known = false;
            if let Some(key) = key
                && let Some((_, s)) = self.properties.iter().find(|(n, _)| *n == key)
            {
                known = true;
                path.push(Step::Key(key.to_string()));
                s.errors(val, path, out);
                path.pop();
            }
            if !self.pattern_props.is_empty() {
                let Some(key) = key else {
                    // Python's `re.search` on a non-string key raises
                    // TypeError (a 500 in Mistral); Bora reports it.
                    out.push(RawError {
                        keyword: "type",
                        path: path.clone(),
                        message: format!(
                            "key {} must be a string (YAML 1.1 reads unquoted yes/no/on/off, numbers and ~ as other types: quote it)",
                            py_repr(k)
                        ),
                        pos: k.pos,
                        matches_type: true,
                        context: Vec::new(),
                    });
                    continue;
                };
                for (_, rx, s) in &self.pattern_props {
                    if rx.is_match(key) {
                        known = true;
                        path.push(Step::Key(key.to_string()));
                        s.errors(val, path, out);
                        path.pop();
                    }
                }
            }
            if !known {
                extra.push(k);
            }
        }
        let mt = self.matches_type(&node.value);
        match &self.additional {
            Some(None) if !extra.is_empty() => {
                if self.pattern_props.is_empty() {
                    let names: Vec<String> = extra.iter().map(|k| py_repr(k)).collect();
                    let verb = if names.len() == 1 { "was" } else { "were" };
                    out.push(RawError {
                        keyword: "additionalProperties",
                        path: path.clone(),
                        message: format!(
                            "Additional properties are not allowed ({} {verb} unexpected)",
                            names.join(", ")
                        ),
                        pos: extra[0].pos,
                        matches_type: mt,
                        context: Vec::new(),
                    });
                } else {
                    let pats: Vec<String> = self
                        .pattern_props
                        .iter()
                        .map(|(p, _, _)| format!("'{}'", p.replace('\\', "\\\\")))
                        .collect();
                    let names: Vec<String> = extra.iter().map(|k| py_repr(k)).collect();
                    let verb = if names.len() == 1 { "does" } else { "do" };
                    out.push(RawError {
                        keyword: "additionalProperties",
                        path: path.clone(),
                        message: format!(
                            "{} {verb} not match any of the regexes: {}",
                            names.join(", "),
                            pats.join(", ")
                        ),
                        pos: extra[0].pos,
                        matches_type: mt,
                        context: Vec::new(),
                    });
                }
            }
            Some(Some(s)) => {
                for (k, val) in entries {
                    if extra.iter().any(|e| std::ptr::eq(*e, k)) {
                        path.push(Step::Key(k.key_string()));
                        s.errors(val, path, out);
                        path.pop();
                    }
                }
            }
            _ => {}
        }
    }
}

fn number(v: &Value) -> f64 {
    match v {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        _ => 0.0,
    }
}

fn has_duplicates(items: &[Node]) -> bool {
    // Strings (lists of task names: thousands in a big fan-out) through a
    // set; the rest pairwise. A string only ever equals a string.
    let mut strings = std::collections::HashSet::new();
    let mut others: Vec<&Node> = Vec::new();
    for item in items {
        match &item.value {
            Value::Str(s) => {
                if !strings.insert(s.as_str()) {
                    return true;
                }
            }
            _ => others.push(item),
        }
    }
    others
        .iter()
        .enumerate()
        .any(|(i, a)| others[i + 1..].iter().any(|b| json_equal(a, b)))
}

fn lit_eq(l: &Lit, v: &Value) -> bool {
    match (l, v) {
        (Lit::Str(s), Value::Str(t)) => s == t,
        (Lit::Num(n), Value::Int(i)) => *n == *i as f64,
        (Lit::Num(n), Value::Float(f)) => n == f,
        _ => false,
    }
}

/// `jsonschema`'s equality for `uniqueItems`: booleans differ from numbers,
/// `1 == 1.0`, mappings compare regardless of order.
pub fn json_equal(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => *x as f64 == *y,
        (Value::Seq(x), Value::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| json_equal(p, q))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter().all(|(k, v)| {
                    y.iter()
                        .any(|(k2, v2)| k.value == k2.value && json_equal(v, v2))
                })
        }
        (x, y) => x == y,
    }
}
