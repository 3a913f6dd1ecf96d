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

/// What was done, with the name it was done to; the window phrases it in its own language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    ChannelRemoved(String),
    ChannelRenamed(String),
    AppRemoved(String),
    AppRenamed(String),
}

impl Done {
    /// The notice, in the calling thread's language.
    pub fn phrase(&self) -> String {
        let (id, name) = match self {
            Done::ChannelRemoved(n) => ("done-channel-removed", n),
            Done::ChannelRenamed(n) => ("done-channel-renamed", n),
            Done::AppRemoved(n) => ("done-app-removed", n),
            Done::AppRenamed(n) => ("done-app-renamed", n),
        };
        crate::words::t_args(id, &[("name", name.as_str().into())])
    }
}

/// What the worker answers: what was done, or why it did not happen.
#[derive(Debug, Clone)]
pub struct LifecycleEvent {
    pub result: Result<Done, Failure>,
}
