//! A team workspace's errors and notices in words.

use chrono::{DateTime, Utc};

use super::bundle::{t, t_args};
use crate::store::workspace::WorkspaceError;

pub fn error(e: &WorkspaceError) -> String {
    match e {
        WorkspaceError::BadUrl(d) => t_args("ws-bad-url", &[("detail", d.into())]),
        WorkspaceError::BadSslMode(v) => t_args("ws-bad-sslmode", &[("value", v.into())]),
        WorkspaceError::RootCert { path, detail } => t_args(
            "ws-root-cert",
            &[
                ("path", path.display().to_string().into()),
                ("detail", detail.into()),
            ],
        ),
        WorkspaceError::Tls(d) => t_args("ws-tls", &[("detail", d.into())]),
        WorkspaceError::Offline(d) => t_args("ws-offline", &[("detail", d.into())]),
        WorkspaceError::Db(d) => t_args("ws-db", &[("detail", d.into())]),
        WorkspaceError::NewerSchema { found, supported } => t_args(
            "ws-newer-schema",
            &[
                ("found", (*found).into()),
                ("supported", (*supported).into()),
            ],
        ),
        WorkspaceError::NotInitialised => t("ws-not-initialised"),
        WorkspaceError::AlreadyInitialised => t("ws-already-initialised"),
        WorkspaceError::AlreadyJoined => t("ws-already-joined"),
        WorkspaceError::ProfileNotEmpty => t("ws-profile-not-empty"),
        WorkspaceError::Locked(d) => t_args("ws-locked", &[("detail", d.into())]),
        WorkspaceError::NotMember(n) => t_args("ws-not-member", &[("name", n.into())]),
        WorkspaceError::Viewer(n) => t_args("ws-viewer", &[("name", n.into())]),
        WorkspaceError::NotSealedToYou(n) => t_args("ws-not-sealed", &[("name", n.into())]),
        WorkspaceError::Conflict { what, by, at } => conflict(what, by, *at),
        WorkspaceError::MemberExists(n) => t_args("ws-member-exists", &[("name", n.into())]),
        WorkspaceError::NoSuchMember(n) => t_args("ws-no-such-member", &[("name", n.into())]),
        WorkspaceError::LastRenewer => t("ws-last-renewer"),
        WorkspaceError::BadKey(d) => t_args("ws-bad-key", &[("detail", d.into())]),
        WorkspaceError::Unreadable { count } => {
            t_args("ws-unreadable", &[("count", (*count).into())])
        }
        WorkspaceError::Membership { path, detail } => t_args(
            "ws-membership",
            &[
                ("path", path.display().to_string().into()),
                ("detail", detail.into()),
            ],
        ),
        WorkspaceError::Identity(d) => t_args("ws-identity", &[("detail", d.into())]),
    }
}

fn conflict(what: &str, by: &str, at: Option<DateTime<Utc>>) -> String {
    match at {
        Some(at) if !by.is_empty() => t_args(
            "ws-conflict",
            &[
                ("what", what.into()),
                ("by", by.into()),
                ("at", super::time::at(at).into()),
            ],
        ),
        _ => t_args("ws-conflict-unknown", &[("what", what.into())]),
    }
}

/// Said under what `list` shows when the server could not be reached.
pub fn offline_notice(as_of: DateTime<Utc>) -> String {
    t_args(
        "ws-offline-copy",
        &[("at", super::time::when(Some(as_of), Utc::now()).into())],
    )
}

/// Said under what `list` shows when the server's address could not be read (a locked vault).
pub fn locked_copy_notice(as_of: DateTime<Utc>) -> String {
    t_args(
        "ws-locked-copy",
        &[("at", super::time::when(Some(as_of), Utc::now()).into())],
    )
}

/// After a check on a workspace: how many results were dropped because the channel changed.
pub fn changed_meanwhile(count: usize) -> String {
    t_args("ws-check-changed-meanwhile", &[("count", count.into())])
}

/// A member's role in a sentence ("renewer", "viewer").
pub fn role(role: crate::store::workspace::Role) -> String {
    match role {
        crate::store::workspace::Role::Renewer => t("ws-role-renewer"),
        crate::store::workspace::Role::Viewer => t("ws-role-viewer"),
    }
}
