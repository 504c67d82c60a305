//! Globals: `range`, `joiner`, `cycler`, `lipsum`.

use super::*;

pub(super) fn register(env: &mut Environment<'static>) {
    env.add_function("range", py_range);
    env.add_function("joiner", |sep: Option<String>| {
        Value::from_object(Joiner {
            sep: sep.unwrap_or_else(|| ", ".to_string()),
            used: std::sync::atomic::AtomicBool::new(false),
        })
    });
    env.add_function("cycler", |items: Rest<Value>| {
        Value::from_object(Cycler {
            items: items.0,
            pos: std::sync::atomic::AtomicUsize::new(0),
        })
    });
    env.add_function(
        "lipsum",
        |n: Option<usize>, html: Option<bool>, min: Option<usize>, max: Option<usize>| {
            Value::from(lipsum(
                n.unwrap_or(5),
                html.unwrap_or(true),
                min.unwrap_or(20),
                max.unwrap_or(100),
            ))
        },
    );
}

/// Jinja2's `joiner`: returns "" the first time it is called, then `sep`.
#[derive(Debug)]
pub(super) struct Joiner {
    pub(super) sep: String,
    pub(super) used: std::sync::atomic::AtomicBool,
}

impl Object for Joiner {
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Plain
    }

    fn call(self: &Arc<Self>, _state: &State<'_, '_>, _args: &[Value]) -> Result<Value, Error> {
        let used = self.used.swap(true, std::sync::atomic::Ordering::Relaxed);
        Ok(Value::from(if used { self.sep.as_str() } else { "" }))
    }
}

/// Jinja2's `cycler`: `next()`, `current` and `reset()` over its items.
#[derive(Debug)]
pub(super) struct Cycler {
    pub(super) items: Vec<Value>,
    pub(super) pos: std::sync::atomic::AtomicUsize,
}

impl Object for Cycler {
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Plain
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        match key.as_str()? {
            "current" => {
                let pos = self.pos.load(std::sync::atomic::Ordering::Relaxed);
                self.items.get(pos).cloned()
            }
            _ => None,
        }
    }

    fn call_method(
        self: &Arc<Self>,
        _state: &State<'_, '_>,
        method: &str,
        _args: &[Value],
    ) -> Result<Value, Error> {
        use std::sync::atomic::Ordering::Relaxed;
        match method {
            "next" => {
                if self.items.is_empty() {
                    return Ok(Value::from(()));
                }
                let pos = self.pos.load(Relaxed);
                self.pos.store((pos + 1) % self.items.len(), Relaxed);
                Ok(self.items[pos].clone())
            }
            "reset" => {
                self.pos.store(0, Relaxed);
                Ok(Value::from(()))
            }
            _ => Err(Error::from(ErrorKind::UnknownMethod)),
        }
    }
}

/// Jinja2's `lipsum`: `n` paragraphs of lorem ipsum, `min`..`max` words each.
pub(super) fn lipsum(n: usize, html: bool, min: usize, max: usize) -> String {
    const WORDS: [&str; 24] = [
        "lorem",
        "ipsum",
        "dolor",
        "sit",
        "amet",
        "consectetur",
        "adipiscing",
        "elit",
        "sed",
        "do",
        "eiusmod",
        "tempor",
        "incididunt",
        "ut",
        "labore",
        "et",
        "dolore",
        "magna",
        "aliqua",
        "enim",
        "ad",
        "minim",
        "veniam",
        "quis",
    ];
    let mut paragraphs = Vec::new();
    for _ in 0..n.min(1000) {
        let count = min + random_index(max.saturating_sub(min) + 1);
        let mut words: Vec<String> = (0..count)
            .map(|_| WORDS[random_index(WORDS.len())].to_string())
            .collect();
        if let Some(first) = words.first_mut() {
            *first = py_title(first);
        }
        let mut text = words.join(" ");
        text.push('.');
        paragraphs.push(if html { format!("<p>{text}</p>") } else { text });
    }
    paragraphs.join(if html { "\n" } else { "\n\n" })
}
