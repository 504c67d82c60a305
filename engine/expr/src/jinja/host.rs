//! Execution data through the host: prefetched when the calls are literal,
//! else answered over channels to a worker thread that renders.

use super::*;

#[derive(Debug, Clone)]
pub(super) enum HostCall {
    Task(Option<String>),
    Tasks(Option<String>, bool, Option<String>, bool),
    Execution,
    Executions(ExecutionsFilter),
    Global(String),
}

pub(super) type HostReply = Result<Json, String>;

impl HostCall {
    /// The key of a call whose answer can be fetched before rendering.
    fn key(&self) -> Option<String> {
        match self {
            HostCall::Task(None) => Some("task()".to_string()),
            HostCall::Task(Some(name)) => Some(format!("task:{name}")),
            HostCall::Tasks(None, false, None, false) => Some("tasks()".to_string()),
            HostCall::Execution => Some("execution()".to_string()),
            HostCall::Executions(filter) if *filter == ExecutionsFilter::default() => {
                Some("executions()".to_string())
            }
            HostCall::Global(name) => Some(format!("global:{name}")),
            _ => None,
        }
    }
}

/// The hidden variable holding the answers fetched before rendering.
pub(super) const PREFETCHED_VAR: &str = "__bora_prefetched";

/// Host answers fetched on the calling thread before rendering (errors are
/// kept and raised only if the template really makes the call).
#[derive(Debug)]
pub(super) struct Prefetched(pub(super) std::collections::HashMap<String, HostReply>);

impl Object for Prefetched {
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Plain
    }
}

/// How a template reaches the host.
#[derive(Debug)]
pub(super) enum HostUse {
    /// It calls no host function.
    None,
    /// Every call has literal arguments (`task()`, `task('name')`,
    /// `global('x')`, ...): answered before rendering, on this thread.
    Prefetch(Vec<HostCall>),
    /// Calls with computed arguments: rendered on a worker thread.
    Thread,
}

pub(super) static LITERAL_HOST_CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"\b(task|tasks|execution|executions|global)\s*\(\s*(?:'([^'\\]*)'|"([^"\\]*)")?\s*\)"#,
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

pub(super) fn host_use(source: &str) -> HostUse {
    let mentions = HOST_NAMES.find_iter(source).count();
    if mentions == 0 {
        return HostUse::None;
    }
    let mut calls: Vec<HostCall> = Vec::new();
    for caps in LITERAL_HOST_CALL.captures_iter(source) {
        let arg = caps
            .get(2)
            .or_else(|| caps.get(3))
            .map(|m| m.as_str().to_string());
        let call = match (&caps[1], arg) {
            ("task", arg) => HostCall::Task(arg),
            ("tasks", None) => HostCall::Tasks(None, false, None, false),
            ("execution", None) => HostCall::Execution,
            ("executions", None) => HostCall::Executions(ExecutionsFilter::default()),
            ("global", Some(name)) => HostCall::Global(name),
            _ => return HostUse::Thread,
        };
        if !calls.iter().any(|c| c.key() == call.key()) {
            calls.push(call);
        }
    }
    let literal_mentions = LITERAL_HOST_CALL.find_iter(source).count();
    if literal_mentions == mentions {
        HostUse::Prefetch(calls)
    } else {
        HostUse::Thread
    }
}

/// Runs `f` with the host reachable as `host_use` requires, under a fresh
/// budget of `limits` on the thread that renders, with a generator seeded
/// by the host when the template `draws` random numbers.
pub(super) fn run_with_host<R: Send>(
    host_use: &HostUse,
    draws: bool,
    host: &dyn ExprHost,
    data: &DataContext,
    limits: &Limits,
    f: impl FnOnce(Value) -> Result<R, JinjaError> + Send,
) -> Result<R, JinjaError> {
    let seed = random::seed_for(draws, host);
    let under_budget = |root: Value| {
        random::scoped(seed, || {
            let (result, tripped) = budget::scoped(limits, || f(root));
            within(limits, tripped, result)
        })
    };
    match host_use {
        HostUse::None => under_budget(root_value(data, None)),
        HostUse::Prefetch(calls) => {
            let answers = calls
                .iter()
                .filter_map(|call| Some((call.key()?, dispatch(host, call.clone()))))
                .collect();
            under_budget(root_value(
                data,
                Some(Value::from_object(Prefetched(answers))),
            ))
        }
        HostUse::Thread => with_host(host, || under_budget(root_value(data, None))),
    }
}

thread_local! {
    static HOST_LINK: RefCell<Option<(Sender<HostCall>, Receiver<HostReply>)>> =
        const { RefCell::new(None) };
}

pub(super) fn dispatch(host: &dyn ExprHost, call: HostCall) -> HostReply {
    match call {
        HostCall::Task(name) => host.task(name.as_deref()).map(|t| t.unwrap_or(Json::Null)),
        HostCall::Tasks(id, recursive, state, flat) => {
            host.tasks(id.as_deref(), recursive, state.as_deref(), flat)
        }
        HostCall::Execution => host.execution(),
        HostCall::Executions(filter) => host.executions(&filter),
        HostCall::Global(name) => host.global(&name).map(|v| v.unwrap_or(Json::Null)),
    }
}

/// Runs `f` on a scoped worker thread whose host calls are answered here.
pub(super) fn with_host<R: Send>(
    host: &dyn ExprHost,
    f: impl FnOnce() -> Result<R, JinjaError> + Send,
) -> Result<R, JinjaError> {
    let (call_tx, call_rx) = channel::<HostCall>();
    let (reply_tx, reply_rx) = channel::<HostReply>();
    std::thread::scope(|scope| {
        let worker = scope.spawn(move || {
            HOST_LINK.with(|link| *link.borrow_mut() = Some((call_tx, reply_rx)));
            let result = f();
            HOST_LINK.with(|link| *link.borrow_mut() = None);
            result
        });
        // Ends when the worker drops its sender, i.e. when it is done.
        for call in call_rx.iter() {
            if reply_tx.send(dispatch(host, call)).is_err() {
                break;
            }
        }
        worker
            .join()
            .unwrap_or_else(|_| Err(JinjaError::new("Jinja evaluation panicked")))
    })
}

pub(super) fn call_host(state: &State, call: HostCall) -> Result<Value, Error> {
    let prefetched = state.lookup(PREFETCHED_VAR).and_then(|v| {
        let answers = v.downcast_object_ref::<Prefetched>()?;
        answers.0.get(&call.key()?).cloned()
    });
    let reply = match prefetched {
        Some(reply) => reply,
        None => ask_host(call),
    };
    reply
        .map(|json| from_json(&json))
        .map_err(|msg| Error::new(ErrorKind::InvalidOperation, msg))
}

pub(super) fn ask_host(call: HostCall) -> HostReply {
    HOST_LINK.with(|link| match link.borrow().as_ref() {
        Some((tx, rx)) => match tx.send(call) {
            Ok(()) => rx
                .recv()
                .unwrap_or_else(|_| Err("execution data is not available".to_string())),
            Err(_) => Err("execution data is not available".to_string()),
        },
        None => dispatch(&NoHost, call),
    })
}

pub(super) fn opt_string(value: Option<Value>) -> Option<String> {
    match value {
        Some(v) if !v.is_none() && !v.is_undefined() => Some(py_str(&v)),
        _ => None,
    }
}

pub(super) fn kw(
    kwargs: &Kwargs,
    positional: Option<Value>,
    name: &str,
) -> Result<Option<Value>, Error> {
    match positional {
        Some(v) => Ok(Some(v)),
        None => kwargs.get::<Option<Value>>(name),
    }
}
