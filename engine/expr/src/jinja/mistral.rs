//! Mistral's custom functions, each a global (`f(...)`, bound to the data
//! as Mistral's `partial(fn, data_context)`) and a filter (`x | f(...)`,
//! where the piped value is the function's context argument).

use super::*;

/// A function of one value.
type Pure = fn(&Value) -> Result<Value, Error>;

/// Functions of one value: global form `f(data)`, filter form
/// `x | f(data)`.
const PURE: [(&str, Pure); 4] = [
    ("json_dump", json_dump),
    ("yaml_dump", yaml_dump),
    ("json_parse", json_parse),
    ("yaml_parse", yaml_parse),
];

pub(super) fn register(env: &mut Environment<'static>) {
    for (name, f) in PURE {
        env.add_function(name, move |data: Value| f(&data));
        env.add_filter(
            name,
            move |_context: Value, data: Option<Value>| match data {
                Some(data) => f(&data),
                None => Err(err(format!(
                    "{name}_() missing 1 required positional argument: 'data'"
                ))),
            },
        );
    }
    register!(env, add_function,
        "uuid" => uuid,
        "env" => env_global,
        "secret" => secret,
        "task" => task,
        "tasks" => tasks_global,
        "execution" => execution_global,
        "executions" => executions_global,
        "global" => global_global,
    );
    register!(env, add_filter,
        "uuid" => uuid_filter,
        "env" => env_filter,
        "task" => task_filter,
        "tasks" => tasks_filter,
        "execution" => execution_filter,
        "executions" => executions_filter,
        "global" => global_filter,
    );
}

fn json_dump(v: &Value) -> Result<Value, Error> {
    Ok(Value::from(functions::json_dump(&json_of(v)?)))
}

fn yaml_dump(v: &Value) -> Result<Value, Error> {
    Ok(Value::from(functions::yaml_dump(&json_of(v)?)))
}

fn json_parse(v: &Value) -> Result<Value, Error> {
    let text = v.as_str().ok_or_else(|| {
        err(format!(
            "the JSON object must be str, bytes or bytearray, not {}",
            type_name(v)
        ))
    })?;
    functions::json_parse(text)
        .map(|j| from_json(&j))
        .map_err(err)
}

fn yaml_parse(v: &Value) -> Result<Value, Error> {
    let text = v
        .as_str()
        .ok_or_else(|| err(format!("expected a string, got {}", type_name(v))))?;
    functions::yaml_parse(text)
        .map(|j| from_json(&j))
        .map_err(err)
}

fn uuid() -> Value {
    Value::from(random::uuid())
}

fn uuid_filter(_context: Value) -> Value {
    uuid()
}

/// `secret(name)` (Bora extension): a reference resolved when an action
/// is called (see [`functions::secret_reference`]).
fn secret(name: Value) -> Result<Value, Error> {
    let name = name.as_str().ok_or_else(|| {
        err(format!(
            "secret() takes the secret's name, not {}",
            type_name(&name)
        ))
    })?;
    functions::secret_reference(name)
        .map(Value::from)
        .map_err(err)
}

fn env_global(state: &State) -> Result<Value, Error> {
    py_getitem(&data_of(state), "__env")
}

fn env_filter(context: Value) -> Result<Value, Error> {
    py_getitem(&context, "__env")
}

fn task(state: &State, name: Option<Value>, kwargs: Kwargs) -> Result<Value, Error> {
    let name = opt_string(kw(&kwargs, name, "task_name")?);
    kwargs.assert_all_used()?;
    call_host(state, HostCall::Task(name))
}

fn task_filter(
    state: &State,
    _context: Value,
    name: Option<Value>,
    kwargs: Kwargs,
) -> Result<Value, Error> {
    task(state, name, kwargs)
}

fn tasks(st: &State, args: &[Value], kwargs: Kwargs) -> Result<Value, Error> {
    let arg = |i: usize| args.get(i).cloned();
    let (id, recursive, state, flat) = (arg(0), arg(1), arg(2), arg(3));
    let id = opt_string(kw(&kwargs, id, "workflow_execution_id")?);
    let recursive = kw(&kwargs, recursive, "recursive")?.is_some_and(|v| v.is_true());
    let state = opt_string(kw(&kwargs, state, "state")?);
    let flat = kw(&kwargs, flat, "flat")?.is_some_and(|v| v.is_true());
    kwargs.assert_all_used()?;
    call_host(st, HostCall::Tasks(id, recursive, state, flat))
}

fn tasks_global(st: &State, args: Rest<Value>, kwargs: Kwargs) -> Result<Value, Error> {
    tasks(st, &args, kwargs)
}

fn tasks_filter(
    st: &State,
    _context: Value,
    args: Rest<Value>,
    kwargs: Kwargs,
) -> Result<Value, Error> {
    tasks(st, &args, kwargs)
}

fn execution_global(st: &State) -> Result<Value, Error> {
    call_host(st, HostCall::Execution)
}

fn execution_filter(st: &State, _context: Value) -> Result<Value, Error> {
    call_host(st, HostCall::Execution)
}

fn executions(st: &State, args: &[Value], kwargs: Kwargs) -> Result<Value, Error> {
    let names = ["id", "root_execution_id", "state", "from_time", "to_time"];
    let mut values: Vec<Option<String>> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        values.push(opt_string(kw(&kwargs, args.get(i).cloned(), name)?));
    }
    kwargs.assert_all_used()?;
    let mut it = values.into_iter();
    let filter = ExecutionsFilter {
        id: it.next().flatten(),
        root_execution_id: it.next().flatten(),
        state: it.next().flatten(),
        from_time: it.next().flatten(),
        to_time: it.next().flatten(),
    };
    call_host(st, HostCall::Executions(filter))
}

fn executions_global(st: &State, args: Rest<Value>, kwargs: Kwargs) -> Result<Value, Error> {
    executions(st, &args, kwargs)
}

fn executions_filter(
    st: &State,
    _context: Value,
    args: Rest<Value>,
    kwargs: Kwargs,
) -> Result<Value, Error> {
    executions(st, &args, kwargs)
}

fn global_global(st: &State, name: Value) -> Result<Value, Error> {
    call_host(st, HostCall::Global(py_str(&name)))
}

fn global_filter(st: &State, _context: Value, name: Option<Value>) -> Result<Value, Error> {
    match name {
        Some(name) => call_host(st, HostCall::Global(py_str(&name))),
        None => Err(err(
            "global_() missing 1 required positional argument: 'var_name'",
        )),
    }
}
