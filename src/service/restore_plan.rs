//! What a restore will do and what it did, item by item: the plan shown before anything changes
//! and the outcome after. Shared by the backup/restore use cases, the CLI and the window.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use crate::graph::GraphError;
use crate::model::{ChannelKind, Reason};
use crate::store::BackupContents;

/// What restoring one channel does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreAction {
    /// Not in the profile: added with the backup's token.
    Add { fingerprint: String },
    /// The backup's token is newer than the profile's: it replaces it (the old one is kept for
    /// rollback).
    Replace {
        from_fingerprint: String,
        to_fingerprint: String,
    },
    /// The profile's token was saved after the backup's: kept (unless overwriting is asked for).
    KeepNewer {
        profile_fingerprint: String,
        backup_fingerprint: String,
    },
    /// Same token on both sides.
    Unchanged { fingerprint: String },
    /// Not restored, and `why` says so: the backup names an app or Page by something that is
    /// not a Facebook id, or its token failed the online check that protects a working channel.
    Refused {
        fingerprint: String,
        why: RestoreWhy,
    },
    /// Not restored this time: its token would replace a working one and could not be checked
    /// online (no network, Meta's servers down). Restoring again later can bring it.
    Skipped {
        fingerprint: String,
        why: RestoreWhy,
    },
}

/// An id the backup gives a channel (they end up in Graph URL paths).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupId {
    App,
    Page,
    InstagramAccount,
}

/// Why a backup's channel was not restored, as facts for `words::errors::restore_why`; the
/// English `Display` is for logs.
#[derive(Debug, Clone)]
pub enum RestoreWhy {
    /// The backup gives the channel an id that is not a Facebook id (digits only).
    BadId(BackupId),
    /// The channel's current token may still work and the backup's did not pass a renewal's check.
    FailedCheck(Vec<Reason>),
    /// The channel's current token may still work and the backup's is a personal (User) token.
    PersonalToken,
    /// The channel's current token may still work and the backup's could not be checked with Facebook.
    Unchecked(GraphError),
    /// The channel started working while the restore ran, after the checks were made.
    StartedWorking,
    /// A sentence given as is.
    Said(String),
}

impl PartialEq for RestoreWhy {
    fn eq(&self, other: &Self) -> bool {
        use RestoreWhy::*;
        match (self, other) {
            (BadId(a), BadId(b)) => a == b,
            (FailedCheck(a), FailedCheck(b)) => a == b,
            (PersonalToken, PersonalToken) | (StartedWorking, StartedWorking) => true,
            (Unchecked(a), Unchecked(b)) => a.to_string() == b.to_string(),
            (Said(a), Said(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for RestoreWhy {}

impl From<&str> for RestoreWhy {
    fn from(sentence: &str) -> Self {
        RestoreWhy::Said(sentence.to_string())
    }
}

impl std::fmt::Display for RestoreWhy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let refused = "Not restored: this channel's current token may still work, and the backup's token did not pass the check a renewal needs:";
        let keeps = "The channel keeps its current token.";
        match self {
            RestoreWhy::BadId(what) => write!(
                f,
                "Not restored: the backup gives this channel an {} that is not a Facebook id (those are digits only). The backup may have been edited or damaged; the channel was left as it is.",
                match what {
                    BackupId::App => "app id",
                    BackupId::Page => "Page id",
                    BackupId::InstagramAccount => "Instagram account id",
                }
            ),
            RestoreWhy::FailedCheck(reasons) => {
                let words: Vec<&str> = reasons.iter().map(|r| r.message.as_str()).collect();
                write!(f, "{refused} {} {keeps}", words.join(" "))
            }
            RestoreWhy::PersonalToken => write!(
                f,
                "{refused} it is a personal (User) token, not the channel's own token. {keeps}"
            ),
            RestoreWhy::Unchecked(e) => write!(
                f,
                "Skipped: this channel's current token may still work, and the backup's token could not be checked with Facebook ({e}). Run the restore again when online, or add --overwrite-newer to restore it without checking."
            ),
            RestoreWhy::StartedWorking => f.write_str(
                "Skipped: this channel started working while the restore ran, so the backup's token was not checked against it. Run the restore again.",
            ),
            RestoreWhy::Said(s) => f.write_str(s),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreItem {
    /// The channel's id in the profile after the restore.
    pub channel_id: String,
    pub channel_name: String,
    pub kind: ChannelKind,
    pub action: RestoreAction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppRestoreAction {
    Add {
        with_secret: bool,
    },
    /// The profile knows the app but not its secret; the backup has it.
    AddSecret,
    Unchanged,
    /// Not restored: the backup's app id is not a Facebook id (digits only).
    Refused,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppRestoreItem {
    pub app_id: String,
    pub app_name: String,
    pub action: AppRestoreAction,
}

/// What a restore would do, for the user to confirm. Holds the backup's secrets (masked).
#[derive(Debug, Clone)]
pub struct RestorePlan {
    pub source: PathBuf,
    pub made_at: DateTime<Utc>,
    pub made_by: String,
    pub channels: Vec<RestoreItem>,
    pub apps: Vec<AppRestoreItem>,
    pub(crate) contents: BackupContents,
}

impl RestorePlan {
    /// Whether applying it (without overwriting newer tokens) changes anything.
    pub fn changes_anything(&self) -> bool {
        self.channels.iter().any(|i| {
            matches!(
                i.action,
                RestoreAction::Add { .. } | RestoreAction::Replace { .. }
            )
        }) || self.apps.iter().any(|a| {
            matches!(
                a.action,
                AppRestoreAction::Add { .. } | AppRestoreAction::AddSecret
            )
        })
    }

    /// Items the backup holds that will not be restored, with why.
    pub fn refused(&self) -> Vec<&RestoreItem> {
        self.channels
            .iter()
            .filter(|i| matches!(i.action, RestoreAction::Refused { .. }))
            .collect()
    }

    pub fn has_newer_in_profile(&self) -> bool {
        self.channels
            .iter()
            .any(|i| matches!(i.action, RestoreAction::KeepNewer { .. }))
    }
}

/// What a restore did: the plan's items as applied (a `KeepNewer` item was kept; a
/// `Refused` or `Skipped` one was not restored and says why).
#[derive(Debug, Clone)]
pub struct RestoreOutcome {
    pub channels: Vec<RestoreItem>,
    pub apps: Vec<AppRestoreItem>,
}

impl RestoreOutcome {
    /// Exit code, in design.md's terms: 1 when an item was refused by validation, else 3 when
    /// one could not be checked and was skipped (a failure), else 0. Other items may have been
    /// restored either way; the printed summary says which.
    pub fn exit_code(&self) -> i32 {
        let has = |f: fn(&RestoreAction) -> bool| self.channels.iter().any(|i| f(&i.action));
        if has(|a| matches!(a, RestoreAction::Refused { .. }))
            || self
                .apps
                .iter()
                .any(|a| a.action == AppRestoreAction::Refused)
        {
            1
        } else if has(|a| matches!(a, RestoreAction::Skipped { .. })) {
            3
        } else {
            0
        }
    }
}
