//! Mistral's execution states and the transitions between them
//! (`mistral/workflow/states.py`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The state of a workflow, task or action execution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum State {
    Idle,
    Waiting,
    Running,
    /// `RUNNING_DELAYED` in Mistral's code; shown as `DELAYED`.
    Delayed,
    Paused,
    Success,
    Cancelled,
    Error,
    Skipped,
}

impl State {
    pub const ALL: [State; 9] = [
        State::Idle,
        State::Waiting,
        State::Running,
        State::Delayed,
        State::Paused,
        State::Success,
        State::Cancelled,
        State::Error,
        State::Skipped,
    ];

    /// The name used by the REST API and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Idle => "IDLE",
            State::Waiting => "WAITING",
            State::Running => "RUNNING",
            State::Delayed => "DELAYED",
            State::Paused => "PAUSED",
            State::Success => "SUCCESS",
            State::Cancelled => "CANCELLED",
            State::Error => "ERROR",
            State::Skipped => "SKIPPED",
        }
    }

    /// SUCCESS, ERROR, CANCELLED or SKIPPED.
    pub fn is_completed(self) -> bool {
        matches!(
            self,
            State::Success | State::Error | State::Cancelled | State::Skipped
        )
    }

    /// Terminal states of a workflow execution: SUCCESS, ERROR, CANCELLED.
    pub fn is_terminal(self) -> bool {
        matches!(self, State::Success | State::Error | State::Cancelled)
    }

    /// Whether Mistral allows going from `self` to `to`. A transition to the
    /// same state is always allowed.
    pub fn can_transition_to(self, to: State) -> bool {
        use State::*;
        if self == to {
            return true;
        }
        match self {
            Idle => matches!(to, Running | Error | Cancelled),
            Waiting => matches!(to, Running),
            Running => matches!(to, Paused | Delayed | Success | Error | Cancelled),
            Delayed => matches!(to, Running | Error | Cancelled),
            Paused => matches!(to, Running | Error | Cancelled),
            Success => false,
            Cancelled => matches!(to, Running),
            Error => matches!(to, Running | Skipped),
            Skipped => false,
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A state name that is not one of Mistral's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown state '{0}'")]
pub struct UnknownState(pub String);

impl FromStr for State {
    type Err = UnknownState;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        State::ALL
            .into_iter()
            .find(|state| state.as_str() == s)
            // Mistral's constant is RUNNING_DELAYED; accept it too.
            .or((s == "RUNNING_DELAYED").then_some(State::Delayed))
            .ok_or_else(|| UnknownState(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::State::*;
    use super::*;

    #[test]
    fn names_round_trip() {
        for state in State::ALL {
            assert_eq!(state.as_str().parse::<State>(), Ok(state));
        }
        assert_eq!("RUNNING_DELAYED".parse::<State>(), Ok(Delayed));
        assert!("BOGUS".parse::<State>().is_err());
    }

    #[test]
    fn transitions_follow_mistral() {
        assert!(Idle.can_transition_to(Running));
        assert!(!Idle.can_transition_to(Success));
        assert!(Waiting.can_transition_to(Running));
        assert!(!Waiting.can_transition_to(Error));
        assert!(Running.can_transition_to(Delayed));
        assert!(Error.can_transition_to(Skipped));
        assert!(Cancelled.can_transition_to(Running));
        assert!(!Success.can_transition_to(Running));
        assert!(!Skipped.can_transition_to(Running));
        assert!(Success.can_transition_to(Success));
    }

    #[test]
    fn completed_and_terminal() {
        assert!(Skipped.is_completed() && !Skipped.is_terminal());
        assert!(Cancelled.is_terminal());
        assert!(!Paused.is_completed());
    }
}
