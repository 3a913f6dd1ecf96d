//! The first-run checklist's own memory: shown when the window first finds the profile empty
//! (no app, no channel), until the user hides it. Whether an app and a channel are saved is read
//! from the catalog each frame; only "a check was done" is remembered here.

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FirstRun {
    /// A check ran to its end since the checklist appeared.
    pub checked: bool,
}

/// The three steps, each done or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Steps {
    pub app: bool,
    pub channel: bool,
    pub checked: bool,
}

impl Steps {
    pub fn all_done(&self) -> bool {
        self.app && self.channel && self.checked
    }
}
