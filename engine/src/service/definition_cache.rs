//! The workflow definitions this node's starts used, kept so that a start
//! does not read its definition again: one database round trip less per
//! start.
//!
//! An entry can be stale: another node (or this one, or an operator with
//! SQL) may have changed or deleted the definition since. Each entry
//! therefore keeps the definitions' generation it was read at (a counter
//! database triggers move on every change, see
//! `bora_store::StoreTx::definitions_generation`), and a start made from an
//! entry is stored only by a commit that finds the counter unmoved; when it
//! moved, the start is prepared again from a fresh read. This node's own
//! changes also empty the cache at once, so they cost no such retry.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use bora_store::{ProjectScope, WorkflowDefinition};

/// Where a start takes its definition from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Read {
    /// From memory when it is there; the start's commit checks it.
    Kept,
    /// From the store (a start that found its kept definition changed, or
    /// one made where it cannot be checked).
    Fresh,
}

/// What a start takes from its workflow definition (not its text, which
/// may be a whole workbook's: entries stay small).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct StartDefinition {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) namespace: String,
    pub(super) tags: Vec<String>,
    pub(super) spec_hash: String,
}

impl From<WorkflowDefinition> for StartDefinition {
    fn from(def: WorkflowDefinition) -> Self {
        StartDefinition {
            id: def.id,
            name: def.name,
            namespace: def.namespace,
            tags: def.tags,
            spec_hash: def.spec_hash,
        }
    }
}

/// At most this many entries; a full cache is emptied (a few reads then
/// fill it again with what is used).
const CAPACITY: usize = 1024;

/// Who asked for which name: the caller's scope decides which definition
/// a name means (its own project's, else a public one).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    workflow: String,
    namespace: String,
    project: String,
    all: bool,
}

/// Definitions by the name (or id) and scope a start asked with.
#[derive(Debug, Clone, Default)]
pub(super) struct DefinitionCache {
    entries: Arc<Mutex<HashMap<Key, (StartDefinition, i64)>>>,
}

fn key(workflow: &str, namespace: &str, scope: &ProjectScope) -> Key {
    Key {
        workflow: workflow.to_owned(),
        namespace: namespace.to_owned(),
        project: scope.project.clone(),
        all: scope.all,
    }
}

impl DefinitionCache {
    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<Key, (StartDefinition, i64)>> {
        // Plain inserts and removals: a panic elsewhere leaves it whole.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The definition `workflow` meant to `scope` when last read, and the
    /// generation it was read at.
    pub(super) fn get(
        &self,
        workflow: &str,
        namespace: &str,
        scope: &ProjectScope,
    ) -> Option<(StartDefinition, i64)> {
        self.entries()
            .get(&key(workflow, namespace, scope))
            .cloned()
    }

    /// Keeps what a read found.
    pub(super) fn put(
        &self,
        workflow: &str,
        namespace: &str,
        scope: &ProjectScope,
        def: StartDefinition,
        generation: i64,
    ) {
        let mut entries = self.entries();
        if entries.len() >= CAPACITY {
            entries.clear();
        }
        entries.insert(key(workflow, namespace, scope), (def, generation));
    }

    /// Drops the entries read before `generation`: a commit found the
    /// definitions changed since.
    pub(super) fn forget_before(&self, generation: i64) {
        self.entries()
            .retain(|_, (_, read_at)| *read_at >= generation);
    }

    /// Drops every entry (this node changed a definition).
    pub(super) fn clear(&self) {
        self.entries().clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(id: &str) -> StartDefinition {
        StartDefinition {
            id: id.to_owned(),
            name: "wf".to_owned(),
            namespace: String::new(),
            tags: Vec::new(),
            spec_hash: String::new(),
        }
    }

    #[test]
    fn an_entry_is_the_callers_own() {
        let cache = DefinitionCache::default();
        let mine = ProjectScope::only("a");
        cache.put("wf", "", &mine, def("1"), 3);
        assert_eq!(
            cache.get("wf", "", &mine).map(|(d, g)| (d.id, g)),
            Some(("1".into(), 3))
        );
        // Another project may mean another definition by the same name.
        assert!(cache.get("wf", "", &ProjectScope::only("b")).is_none());
        assert!(cache.get("wf", "", &ProjectScope::everything()).is_none());
        assert!(cache.get("wf", "ns", &mine).is_none());
    }

    #[test]
    fn entries_read_before_a_change_are_forgotten() {
        let cache = DefinitionCache::default();
        let scope = ProjectScope::everything();
        cache.put("old", "", &scope, def("1"), 3);
        cache.put("new", "", &scope, def("2"), 5);
        cache.forget_before(5);
        assert!(cache.get("old", "", &scope).is_none());
        assert!(cache.get("new", "", &scope).is_some());
        cache.clear();
        assert!(cache.get("new", "", &scope).is_none());
    }

    #[test]
    fn a_full_cache_starts_again() {
        let cache = DefinitionCache::default();
        let scope = ProjectScope::everything();
        for i in 0..CAPACITY {
            cache.put(&format!("wf{i}"), "", &scope, def("1"), 0);
        }
        cache.put("last", "", &scope, def("2"), 0);
        assert!(cache.get("wf0", "", &scope).is_none());
        assert!(cache.get("last", "", &scope).is_some());
    }
}
