//! The node tree built from `yaml-rust2`'s events, with PyYAML's mapping
//! semantics (`<<` merges, the last duplicate key wins in the first one's
//! place) and Bora's limits (one document, no anchors, bounded nesting).

use yaml_rust2::parser::{Event, MarkedEventReceiver, Tag};
use yaml_rust2::scanner::Marker;

use super::scalar::resolve_scalar;
use super::text::unprotect;
use super::{Node, Pos, Value, YamlError};

pub(super) fn marker_pos(m: &Marker) -> Pos {
    Pos {
        line: m.line(),
        column: m.col() + 1,
    }
}

enum Frame {
    Seq(Pos, Vec<Node>),
    /// Entries so far, and a pending key (with its "plain `<<`" flag).
    Map(Pos, Vec<(Node, Node)>, Option<(Node, bool)>, KeyIndex),
}

/// Deepest nesting of collections in a definition: the definition is
/// stored as JSON and read back with serde_json (128 levels at most), and
/// everything that walks it recurses.
pub const MAX_NESTING: usize = bora_expr::Limits::DEFAULT.max_depth;

pub(super) struct Builder {
    stack: Vec<Frame>,
    docs: usize,
    pub(super) root: Option<Node>,
    pub(super) error: Option<YamlError>,
}

impl Builder {
    pub(super) fn new() -> Self {
        Builder {
            stack: Vec::new(),
            docs: 0,
            root: None,
            error: None,
        }
    }

    fn fail(&mut self, message: String, pos: Pos) {
        if self.error.is_none() {
            self.error = Some(YamlError { message, pos });
        }
    }

    fn push_node(&mut self, node: Node, merge: bool) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq(_, items)) => items.push(node),
            Some(Frame::Map(_, entries, pending, index)) => match pending.take() {
                None => *pending = Some((node, merge)),
                Some((key, is_merge)) => {
                    if let Err(e) = insert_entry(entries, index, key, is_merge, node) {
                        self.error.get_or_insert(e);
                    }
                }
            },
        }
    }
}

/// Positions of the string keys of a mapping, so that duplicate detection
/// stays linear on large mappings (the `tasks` of a big workflow).
/// Small mappings are searched linearly; the index covers larger ones.
#[derive(Default)]
struct KeyIndex(std::collections::HashMap<String, usize>);

const INDEX_FROM: usize = 16;

impl KeyIndex {
    /// Records the entry just pushed (and, when the mapping becomes large,
    /// every earlier one).
    fn add(&mut self, entries: &[(Node, Node)]) {
        let n = entries.len();
        if n <= INDEX_FROM {
            return;
        }
        let from = if n == INDEX_FROM + 1 { 0 } else { n - 1 };
        for (i, (k, _)) in entries.iter().enumerate().skip(from) {
            if let Some(name) = k.as_str() {
                self.0.entry(name.to_string()).or_insert(i);
            }
        }
    }
}

/// Inserts a mapping entry with PyYAML's semantics: `<<` merges, and a
/// duplicate key replaces the value in place.
fn insert_entry(
    entries: &mut Vec<(Node, Node)>,
    index: &mut KeyIndex,
    key: Node,
    is_merge: bool,
    value: Node,
) -> Result<(), YamlError> {
    if is_merge {
        let sources: Vec<Node> = match value.value {
            Value::Map(_) => vec![value],
            Value::Seq(items) if items.iter().all(|i| matches!(i.value, Value::Map(_))) => items,
            _ => {
                return Err(YamlError {
                    message: "Definition could not be parsed: while constructing a mapping: expected a mapping or list of mappings for merging".into(),
                    pos: value.pos,
                });
            }
        };
        for src in sources {
            if let Value::Map(src_entries) = src.value {
                for (k, v) in src_entries {
                    // Explicit keys win over merged ones.
                    if !entries.iter().any(|(ek, _)| keys_equal(ek, &k)) {
                        entries.push((k, v));
                        index.add(entries);
                    }
                }
            }
        }
        return Ok(());
    }
    let existing = match key.as_str() {
        Some(name) if entries.len() > INDEX_FROM => index.0.get(name).copied(),
        _ => entries.iter().position(|(k, _)| keys_equal(k, &key)),
    };
    match existing {
        Some(i) => entries[i].1 = value,
        None => {
            entries.push((key, value));
            index.add(entries);
        }
    }
    Ok(())
}

/// Python dict key equality: `1`, `1.0` and `True` are the same key.
fn keys_equal(a: &Node, b: &Node) -> bool {
    fn num(v: &Value) -> Option<f64> {
        match v {
            Value::Bool(b) => Some(f64::from(u8::from(*b))),
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }
    match (num(&a.value), num(&b.value)) {
        (Some(x), Some(y)) => x == y,
        _ => a.value == b.value,
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        if self.error.is_some() {
            return;
        }
        let pos = marker_pos(&mark);
        match ev {
            Event::DocumentStart => {
                self.docs += 1;
                if self.docs > 1 {
                    self.fail(
                        "Definition could not be parsed: expected a single document in the stream"
                            .into(),
                        pos,
                    );
                }
            }
            Event::Alias(_) => self.fail(
                "Definition could not be parsed: aliases (`*name`) are not supported".into(),
                pos,
            ),
            Event::Scalar(text, style, anchor, tag) => {
                if anchor > 0 {
                    return self.fail(
                        "Definition could not be parsed: anchors (`&name`) are not supported"
                            .into(),
                        pos,
                    );
                }
                match resolve_scalar(unprotect(text), style, tag.as_ref()) {
                    Ok((value, merge)) => self.push_node(Node { value, pos }, merge),
                    Err(msg) => self.fail(format!("Definition could not be parsed: {msg}"), pos),
                }
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) if anchor > 0 => {
                let _ = tag;
                self.fail(
                    "Definition could not be parsed: anchors (`&name`) are not supported".into(),
                    pos,
                );
            }
            Event::SequenceStart(..) | Event::MappingStart(..)
                if self.stack.len() >= MAX_NESTING =>
            {
                self.fail(
                    format!(
                        "Definition could not be parsed: collections are nested more than \
                         {MAX_NESTING} levels deep"
                    ),
                    pos,
                );
            }
            Event::SequenceStart(_, tag) => {
                if let Some(msg) = check_collection_tag(tag.as_ref(), "seq") {
                    return self.fail(msg, pos);
                }
                self.stack.push(Frame::Seq(pos, Vec::new()));
            }
            Event::MappingStart(_, tag) => {
                if let Some(msg) = check_collection_tag(tag.as_ref(), "map") {
                    return self.fail(msg, pos);
                }
                self.stack
                    .push(Frame::Map(pos, Vec::new(), None, KeyIndex::default()));
            }
            Event::SequenceEnd => {
                if let Some(Frame::Seq(p, items)) = self.stack.pop() {
                    self.push_node(
                        Node {
                            value: Value::Seq(items),
                            pos: p,
                        },
                        false,
                    );
                }
            }
            Event::MappingEnd => {
                if let Some(Frame::Map(p, entries, _, _)) = self.stack.pop() {
                    // A block mapping starts at its first key (the parser's
                    // mark for it is one column late); a flow one at `{`.
                    let p = entries.first().map_or(p, |(k, _)| {
                        if (k.pos.line, k.pos.column) < (p.line, p.column) {
                            k.pos
                        } else {
                            p
                        }
                    });
                    self.push_node(
                        Node {
                            value: Value::Map(entries),
                            pos: p,
                        },
                        false,
                    );
                }
            }
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
        }
    }
}

fn check_collection_tag(tag: Option<&Tag>, kind: &str) -> Option<String> {
    let tag = tag?;
    let ok = tag.handle == "tag:yaml.org,2002:"
        && (tag.suffix == kind
            || (kind == "seq" && (tag.suffix == "omap" || tag.suffix == "pairs"))
            || (kind == "map" && tag.suffix == "set"));
    if ok {
        None
    } else {
        Some(format!(
            "Definition could not be parsed: could not determine a constructor for the tag '{}{}'",
            tag.handle, tag.suffix
        ))
    }
}
