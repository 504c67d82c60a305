//! The data an expression sees as `$` (YAQL) or `_` (Jinja).
//!
//! Mistral evaluates against a `ContextView`: a read-only stack of dicts where
//! the first dict holding a key wins (task context, workflow variables,
//! workflow input, environment). Merging those into one dict for every
//! evaluation is what made Mistral slow with big contexts, so here the layers
//! stay separate, shared through `Arc`, and keys are looked up on demand; only
//! an expression that needs the whole of `$` materialises the merged object.

use std::sync::Arc;

use serde_json::{Map, Value};

/// A read-only stack of JSON values; lookups go from the first layer to the
/// last. Cloning is cheap (one `Arc` increment per layer).
#[derive(Debug, Clone, Default)]
pub struct DataContext {
    layers: Vec<Arc<Value>>,
}

impl DataContext {
    /// A context of a single value (which need not be an object: `$` may be
    /// any JSON value, e.g. inside `select()`).
    pub fn new(value: impl Into<Arc<Value>>) -> Self {
        Self {
            layers: vec![value.into()],
        }
    }

    /// A context of several layers; the first layer holding a key wins.
    pub fn layered(layers: impl IntoIterator<Item = Arc<Value>>) -> Self {
        Self {
            layers: layers.into_iter().collect(),
        }
    }

    /// Adds a layer on top: its keys win over every existing layer.
    pub fn push_front(&mut self, layer: impl Into<Arc<Value>>) {
        self.layers.insert(0, layer.into());
    }

    /// The layers, first (winning) one first.
    pub fn layers(&self) -> &[Arc<Value>] {
        &self.layers
    }

    /// True when there is no data at all (no layers, or only null / empty
    /// objects). Mistral returns data unevaluated in that case.
    pub fn is_empty(&self) -> bool {
        self.layers.iter().all(|layer| match layer.as_ref() {
            Value::Null => true,
            Value::Object(map) => map.is_empty(),
            _ => false,
        })
    }

    /// The value of a top-level key: the first object layer that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.layers
            .iter()
            .find_map(|layer| layer.as_object().and_then(|map| map.get(key)))
    }

    /// The whole context as one value. With one layer that is the layer
    /// itself; with several, the objects are merged (first layer wins, key
    /// order follows the last layer first, as a merged Python dict would).
    pub fn to_value(&self) -> Value {
        match self.layers.as_slice() {
            [] => Value::Object(Map::new()),
            [only] => only.as_ref().clone(),
            layers => {
                let mut merged = Map::new();
                for layer in layers.iter().rev() {
                    if let Value::Object(map) = layer.as_ref() {
                        for (key, value) in map {
                            merged.insert(key.clone(), value.clone());
                        }
                    }
                }
                Value::Object(merged)
            }
        }
    }
}

impl From<Value> for DataContext {
    fn from(value: Value) -> Self {
        Self::new(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn first_layer_wins() {
        let ctx =
            DataContext::layered([Arc::new(json!({"a": 1})), Arc::new(json!({"a": 2, "b": 3}))]);
        assert_eq!(ctx.get("a"), Some(&json!(1)));
        assert_eq!(ctx.get("b"), Some(&json!(3)));
        assert_eq!(ctx.get("c"), None);
        assert_eq!(ctx.to_value(), json!({"a": 1, "b": 3}));
    }

    #[test]
    fn empty_detection() {
        assert!(DataContext::default().is_empty());
        assert!(DataContext::new(json!({})).is_empty());
        assert!(DataContext::new(Value::Null).is_empty());
        assert!(!DataContext::new(json!({"a": null})).is_empty());
        assert!(!DataContext::new(json!([1])).is_empty());
    }
}
