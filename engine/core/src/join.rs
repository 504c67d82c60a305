//! Waiting joins, tallied incrementally.
//!
//! A join is re-checked every time one of the workflow's tasks finishes.
//! Classifying each of its inbound tasks every time made a fan-out of N
//! branches into one join cost N² classifications (N³ with the name
//! lookups). Instead each waiting join keeps a tally per inbound task,
//! built once by a full scan, and only the inbound tasks that changed since
//! are classified again: [`crate::execution::Execution`] marks an inbound
//! task dirty whenever a task of that name is added or changed. Inbound
//! tasks that have not run yet depend on the tasks before them; they are
//! classified again only after a task finished without taking every
//! transition it declares, or a task was reopened ([`JoinCache::bump`]),
//! the only ways such a route can close or reopen.
//!
//! The tally lives in memory only: after a reload the first check scans
//! again. [`JoinCache::verify`] makes every check compare the tally with a
//! full scan (the core's tests turn it on).

use std::collections::{BTreeSet, HashMap};

use bora_lang::model::Join;

use crate::execution::Execution;

/// What one inbound task contributes to a join.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// It finished and routed to the join.
    Routed,
    /// It finished without routing to the join.
    Failed,
    /// It has not finished yet.
    Blocked,
    /// It has not run and still may.
    UnrunBlocked,
    /// It has not run and no route can reach it any more.
    UnrunFailed,
}

/// The tally of one waiting join task.
#[derive(Debug, Clone, Default)]
struct Tally {
    /// By position in the plan's inbound list of the join.
    status: Vec<Source>,
    routed: usize,
    failed: usize,
    /// Positions still blocked (in order, for the message).
    blocked: BTreeSet<usize>,
    /// Positions whose task has not run.
    unrun: BTreeSet<usize>,
    /// Positions to classify again.
    dirty: BTreeSet<usize>,
    /// [`JoinCache::epoch`] when the unrun positions were last classified.
    epoch: u64,
}

impl Tally {
    fn set(&mut self, pos: usize, source: Source) {
        let old = self.status[pos];
        if old == source {
            return;
        }
        match old {
            Source::Routed => self.routed -= 1,
            Source::Failed | Source::UnrunFailed => self.failed -= 1,
            Source::Blocked | Source::UnrunBlocked => {
                self.blocked.remove(&pos);
            }
        }
        match source {
            Source::Routed => self.routed += 1,
            Source::Failed | Source::UnrunFailed => self.failed += 1,
            Source::Blocked | Source::UnrunBlocked => {
                self.blocked.insert(pos);
            }
        }
        if matches!(source, Source::UnrunBlocked | Source::UnrunFailed) {
            self.unrun.insert(pos);
        } else {
            self.unrun.remove(&pos);
        }
        self.status[pos] = source;
    }
}

/// The tallies of an execution's waiting joins, by join task id.
#[derive(Debug, Clone, Default)]
pub struct JoinCache {
    tallies: HashMap<String, Tally>,
    /// Join task id by join task name, for marking.
    by_name: HashMap<String, String>,
    /// Bumped when a route may have closed or reopened.
    epoch: u64,
    /// Compare every incremental result with a full scan (tests).
    pub verify: bool,
}

impl JoinCache {
    /// A route to a task that has not run may have closed or reopened.
    pub fn bump(&mut self) {
        self.epoch += 1;
    }

    /// The inbound task at `pos` of the join named `join` changed.
    pub(crate) fn mark(&mut self, join: &str, pos: usize) {
        if let Some(id) = self.by_name.get(join)
            && let Some(tally) = self.tallies.get_mut(id)
        {
            tally.dirty.insert(pos);
        }
    }

    /// Forgets a join task's tally (it stopped waiting).
    pub(crate) fn forget(&mut self, task_id: &str) {
        if self.tallies.remove(task_id).is_some() {
            self.by_name.retain(|_, id| id != task_id);
        }
    }
}

/// How a join stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Enough inbound tasks routed here: run, with these as the triggers.
    Fire { routed: Vec<String> },
    /// It can never be satisfied: fail, naming the inbound tasks that did
    /// not route here.
    Fail {
        routed: Vec<String>,
        failed: Vec<String>,
    },
    /// Still waiting: the first blocking inbound tasks by name, and how
    /// many more there are.
    Blocked { first: Vec<String>, more: usize },
}

/// How many blocking task names a join's `state_info` lists.
const BLOCKED_SHOWN: usize = 50;

/// Classifies one inbound task `source` of the join named `join`.
fn classify(exec: &Execution, join: &str, source: &str) -> Source {
    match exec.last_task_named(source) {
        Some(t) if t.state.is_completed() && t.processed => {
            if t.next_tasks.iter().any(|(n, _)| n == join) {
                Source::Routed
            } else {
                Source::Failed
            }
        }
        Some(_) => Source::Blocked,
        None => {
            let mut seen = Vec::new();
            if route_possible(exec, source, &mut seen) {
                Source::UnrunBlocked
            } else {
                Source::UnrunFailed
            }
        }
    }
}

/// Whether a task that has not run yet may still run.
fn route_possible(exec: &Execution, name: &str, seen: &mut Vec<String>) -> bool {
    if seen.iter().any(|s| s == name) {
        return false;
    }
    seen.push(name.to_owned());
    for source in exec.plan.inbound(name) {
        match exec.last_task_named(source) {
            Some(t) if !t.state.is_completed() || !t.processed => return true,
            Some(t) => {
                if t.next_tasks.iter().any(|(n, _)| n == name) {
                    return true;
                }
            }
            None => {
                if route_possible(exec, source, seen) {
                    return true;
                }
            }
        }
    }
    false
}

fn full_scan(exec: &Execution, join: &str, inbound: &[String], epoch: u64) -> Tally {
    let mut tally = Tally {
        status: vec![Source::Blocked; inbound.len()],
        blocked: (0..inbound.len()).collect(),
        epoch,
        ..Tally::default()
    };
    for (pos, source) in inbound.iter().enumerate() {
        tally.set(pos, classify(exec, join, source));
    }
    tally
}

/// Brings the tally of the waiting join task `task_id` (named `join`) up to
/// date and says how the join stands.
pub fn evaluate(exec: &mut Execution, task_id: &str, join: &str, kind: Join) -> Verdict {
    let plan = exec.plan.clone();
    let inbound = plan.inbound(join);
    let epoch = exec.joins.epoch;
    let tally = match exec.joins.tallies.remove(task_id) {
        Some(mut tally) if tally.status.len() == inbound.len() => {
            let mut todo = std::mem::take(&mut tally.dirty);
            if tally.epoch != epoch {
                todo.extend(tally.unrun.iter().copied());
                tally.epoch = epoch;
            }
            for pos in todo {
                tally.set(pos, classify(exec, join, &inbound[pos]));
            }
            tally
        }
        _ => full_scan(exec, join, inbound, epoch),
    };
    if exec.joins.verify {
        let fresh = full_scan(exec, join, inbound, epoch);
        assert_eq!(
            tally.status, fresh.status,
            "the incremental tally of join {join} drifted from a full scan"
        );
    }
    let total = inbound.len();
    let needed = match kind {
        Join::All => total,
        Join::Count(n) => usize::try_from(n).unwrap_or(usize::MAX),
    };
    let routed_ids = |tally: &Tally| -> Vec<String> {
        inbound
            .iter()
            .zip(&tally.status)
            .filter(|(_, s)| **s == Source::Routed)
            .filter_map(|(name, _)| exec.last_task_named(name).map(|t| t.id.clone()))
            .collect()
    };
    if tally.routed >= needed && (kind != Join::All || tally.failed == 0) {
        let routed = routed_ids(&tally);
        exec.joins.forget(task_id);
        return Verdict::Fire { routed };
    }
    if (kind == Join::All && tally.failed > 0) || tally.failed > total.saturating_sub(needed) {
        let routed = routed_ids(&tally);
        let failed = inbound
            .iter()
            .zip(&tally.status)
            .filter(|(_, s)| matches!(s, Source::Failed | Source::UnrunFailed))
            .map(|(name, _)| name.clone())
            .collect();
        exec.joins.forget(task_id);
        return Verdict::Fail { routed, failed };
    }
    let first = tally
        .blocked
        .iter()
        .take(BLOCKED_SHOWN)
        .map(|&pos| inbound[pos].clone())
        .collect();
    let more = tally.blocked.len().saturating_sub(BLOCKED_SHOWN);
    exec.joins
        .by_name
        .insert(join.to_owned(), task_id.to_owned());
    exec.joins.tallies.insert(task_id.to_owned(), tally);
    Verdict::Blocked { first, more }
}
