//! Where Bora matches Mistral 23 on points found outside the conformance
//! corpus (issue 12, 5a–d), and the one place it chooses differently.

use crate::sim;

use bora_core::records::ActionResult;
use bora_core::state::State::*;
use bora_core::step::Event;
use serde_json::json;
use sim::{Sim, names};

#[test]
fn task_in_its_own_publish_shows_the_state_it_completes_in() {
    // Mistral sets the task's state, then publishes: `task()` (or the
    // task by its own name) reads SUCCESS in `publish` and ERROR in
    // `publish-on-error`, never RUNNING.
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    ok:
      action: std.noop
      publish:
        mine: <% task().state %>
        named: <% task(ok).state %>
        jinja: "{{ task().state }}"
      on-success: bad
    bad:
      action: std.fail
      publish-on-error:
        mine: <% task().state %>
        named: <% task(bad).state %>
      on-error: after
    after:
      action: std.noop
      publish:
        earlier: <% task(ok).state %>
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(
        sim.state(&id),
        Success,
        "{:?}",
        sim.exec(&id).record.state_info
    );
    let published = |name: &str| serde_json::Value::Object(sim.task(&id, name).published.clone());
    assert_eq!(
        published("ok"),
        json!({"mine": "SUCCESS", "named": "SUCCESS", "jinja": "SUCCESS"})
    );
    assert_eq!(published("bad"), json!({"mine": "ERROR", "named": "ERROR"}));
    assert_eq!(published("after"), json!({"earlier": "SUCCESS"}));
    // Outside the publish, the state is the stored one.
    assert_eq!(sim.exec(&id).publishing, None);
}

#[test]
fn an_input_with_a_null_default_is_optional() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  input:
    - maybe: null
    - given
  output:
    maybe: <% $.maybe %>
    given: <% $.given %>
  tasks:
    t:
      action: std.noop
"#,
    );
    let id = sim.run("wf", json!({"given": 1}));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.output(&id), json!({"maybe": null, "given": 1}));
    // `given` stays required.
    let refused = sim.try_run("wf", json!({})).expect_err("given is required");
    assert!(refused.contains("missing=['given']"), "{refused}");
}

#[test]
fn tasks_after_a_pause_are_created_only_on_resume() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.noop
      on-success:
        - before
        - pause msg="first"
        - after
        - pause msg="second"
        - last
    before:
      action: std.noop
    after:
      action: std.noop
    last:
      action: std.noop
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Paused);
    // What comes before the pause runs; nothing after it exists yet.
    assert_eq!(
        names(&sim.tasks(&id)),
        [("before", Success), ("t1", Success)]
    );
    // The first resume runs `after` and pauses again at the second pause
    // (kept in the backlog without its message: Bora's pause event has
    // none).
    sim.send(&id, Event::Resume);
    assert_eq!(sim.state(&id), Paused);
    assert_eq!(
        names(&sim.tasks(&id)),
        [("after", Success), ("before", Success), ("t1", Success)]
    );
    sim.send(&id, Event::Resume);
    assert_eq!(sim.state(&id), Success);
    assert_eq!(
        names(&sim.tasks(&id)),
        [
            ("after", Success),
            ("before", Success),
            ("last", Success),
            ("t1", Success)
        ]
    );
}

const SIBLING: &str = r#"
version: '2.0'
wf:
  tasks:
    slow:
      action: std.async_noop
    quick:
      action: std.noop
      on-success:
        - COMMAND
"#;

#[test]
fn succeed_and_fail_cancel_a_sibling_still_running() {
    // Bora's choice: Mistral ends the workflow and leaves `slow` RUNNING
    // for ever; Bora cancels it, so a finished workflow has no open task.
    for (command, state) in [("succeed", Success), ("fail", Error)] {
        let mut sim = Sim::new(&SIBLING.replace("COMMAND", command));
        let id = sim.run("wf", json!({}));
        assert_eq!(sim.state(&id), state, "{command}");
        assert_eq!(
            names(&sim.tasks(&id)),
            [("quick", Success), ("slow", Cancelled)],
            "{command}"
        );
        let slow = sim.task(&id, "slow");
        assert_eq!(
            slow.state_info.as_deref(),
            Some(
                format!(
                    "Cancelled: the workflow ended in {} while the task was open",
                    state.as_str()
                )
                .as_str()
            )
        );
        let action = sim
            .exec(&id)
            .actions_of(&slow.id)
            .next()
            .expect("slow's action");
        assert_eq!(action.state, Cancelled);
        // Its result, arriving late, changes nothing.
        let (exec, action_id) = sim.pending.pop().expect("the async action");
        sim.send(
            &exec,
            Event::ActionCompleted {
                action_id,
                result: ActionResult::Success(json!("late")),
            },
        );
        assert_eq!(sim.state(&id), state);
        assert_eq!(sim.task(&id, "slow").state, Cancelled);
    }
}
