//! What the window shows of a team workspace: where it is (never the address's password), who
//! this profile is on it, and its members. Read by the worker, never inside a frame.

use crate::store::workspace::Role;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamView {
    /// "host:port/database", without user or password.
    pub server: String,
    pub me: String,
    /// `None`: not invited yet, or not known (the server cannot be reached; see `offline`).
    pub my_role: Option<Role>,
    pub members: Vec<(String, Role)>,
    pub offline: bool,
}
