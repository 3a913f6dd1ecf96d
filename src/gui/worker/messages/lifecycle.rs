//! The remove/rename part of the worker protocol.

use super::Failure;

/// What the worker is asked to do.
#[derive(Debug, Clone)]
pub enum LifecycleCommand {
    RemoveChannel(String),
    RenameChannel { id: String, new_name: String },
    RemoveApp(String),
    RenameApp { id: String, new_name: String },
}

/// What the worker answers: a sentence for the notice, or why it did not happen.
#[derive(Debug, Clone)]
pub struct LifecycleEvent {
    pub result: Result<String, Failure>,
}
