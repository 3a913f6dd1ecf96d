//! What a restore will do and what it did, item by item: the plan shown before anything changes
//! and the outcome after. Shared by the backup/restore use cases, the CLI and the window.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use crate::model::ChannelKind;
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
    Refused { fingerprint: String, why: String },
    /// Not restored this time: its token would replace a working one and could not be checked
    /// online (no network, Meta's servers down). Restoring again later can bring it.
    Skipped { fingerprint: String, why: String },
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
