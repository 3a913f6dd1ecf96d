//! Moving between a local profile and a team workspace, both ways with the same steps: the apps
//! and channels of one open store copied into another, every token and app secret read with the
//! source's secret store and saved in the target's (on a workspace: sealed to its renewers).
//! `workspace import` copies a local profile in; `workspace export` copies a workspace out to a
//! new local profile. Like a restore, tokens (each validated when it was saved) are moved as
//! they are; a channel or app the target already has (same id or channel name) is left alone
//! and reported, never overwritten.

use super::{Service, ServiceError, blocking};
use crate::model::{Channel, MetaApp, Secret, SecretRef};
use crate::store::{Catalog, HistoryEntry, HistoryFile, SecretError, Store};

/// What a copy did.
#[derive(Debug, Clone, Default)]
pub struct MoveIn {
    pub channels: Vec<String>,
    pub apps: Vec<String>,
    /// Channels left out because the target has one with that id or name.
    pub skipped: Vec<String>,
    /// Previous tokens copied with their channel (rollback kept).
    pub previous_tokens: usize,
    /// History lines written in the target.
    pub history_lines: usize,
}

/// Which history lines a copy writes in the target with the channels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CopiedHistory {
    /// An "added" line per channel: a workspace stamps every line with the member writing it,
    /// so the source's lines would all be told as theirs.
    Added,
    /// Every line of the source as it was written: a local profile keeps each line's author, so
    /// the record of who did what comes along.
    Source,
}

impl Service {
    /// Copies `from` (a local profile, opened with its own secret store) into this workspace;
    /// the caller checks that `from` is local and this service is on a workspace.
    pub async fn import_profile(&self, from: Store) -> Result<MoveIn, ServiceError> {
        let copied = copy(from, (*self.store).clone(), CopiedHistory::Added).await;
        if copied.is_err() {
            self.sweep().await;
        }
        copied
    }

    /// On a workspace, refuses a viewer or a profile not invited yet up front: what reads every
    /// token (export, backup) says so before anything is made. A local profile passes.
    pub async fn ensure_renewer(&self) -> Result<(), ServiceError> {
        let Some(ws) = self.store.catalog.workspace().cloned() else {
            return Ok(());
        };
        blocking(move || ws.ensure_renewer())
            .await?
            .map_err(|e| ServiceError::from(crate::store::StoreError::from(e)))
    }

    /// Copies this workspace into `to`, a new, empty local profile opened with its own secret
    /// store; the caller checks that this service is on a workspace and makes `to`. Every
    /// secret must open with this member's key: one that does not refuses the whole copy.
    pub async fn export_profile(&self, to: Store) -> Result<MoveIn, ServiceError> {
        copy((*self.store).clone(), to, CopiedHistory::Source).await
    }
}

/// Copies `from`'s apps and channels into `to`. Secrets are all read before anything is
/// written; what was written is removed again when the catalog change fails.
async fn copy(from: Store, to: Store, history: CopiedHistory) -> Result<MoveIn, ServiceError> {
    let source = blocking({
        let from = from.clone();
        move || from.catalog.load()
    })
    .await??;
    let here = blocking({
        let to = to.clone();
        move || to.catalog.load()
    })
    .await??;
    let taken = |c: &Channel| {
        here.channels
            .iter()
            .any(|h| h.id == c.id || h.name == c.name)
    };
    let (skipped, mut channels): (Vec<Channel>, Vec<Channel>) =
        source.channels.into_iter().partition(taken);
    let apps: Vec<MetaApp> = source
        .apps
        .into_iter()
        .filter(|a| here.app(&a.id).is_none())
        .collect();
    // The tokens in use and the app secrets must all be there; a previous token that is gone
    // only loses its rollback, one that cannot be read (not sealed to this member, a locked
    // store) stops the copy.
    let mut refs: Vec<SecretRef> = channels.iter().map(|c| c.token.secret.clone()).collect();
    refs.extend(
        apps.iter()
            .filter(|a| a.has_secret)
            .map(|a| SecretRef::app_secret(&a.id)),
    );
    let secrets = from.secrets.clone();
    let values = blocking(move || secrets.get_all(&refs).map(|v| (refs, v))).await??;
    let mut entries: Vec<(SecretRef, Secret)> = values.0.into_iter().zip(values.1).collect();
    let mut previous_tokens = 0;
    for c in &mut channels {
        if let Some(previous) = c.previous_token.clone() {
            let secrets = from.secrets.clone();
            let r = previous.secret.clone();
            match blocking(move || secrets.get(&r)).await? {
                Ok(value) => {
                    entries.push((previous.secret, value));
                    previous_tokens += 1;
                }
                Err(SecretError::Missing(_)) => {
                    c.previous_token = None;
                    c.previous_report = None;
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
    let lines: Vec<HistoryEntry> = match history {
        CopiedHistory::Added => channels.iter().map(super::history::added_entry).collect(),
        CopiedHistory::Source => {
            let file = HistoryFile::new(&from.profile);
            blocking(move || file.read_all()).await??
        }
    };
    let history_lines = lines.len();
    // An export is the workspace itself in a new profile: when all of it was last checked
    // comes along (the clock check and reminders count from it). An import only adds
    // channels: the workspace's own time stays.
    let last_check_at = match history {
        CopiedHistory::Source => source.last_check_at,
        CopiedHistory::Added => None,
    };
    let sealed: Vec<SecretRef> = entries.iter().map(|(r, _)| r.clone()).collect();
    let secrets = to.secrets.clone();
    let saved = blocking(move || secrets.set_all(&entries)).await?;
    let saved = match saved {
        Ok(()) => {
            let (new_channels, new_apps) = (channels.clone(), apps.clone());
            let store = to.clone();
            blocking(move || {
                store
                    .catalog
                    .update(|c: &mut Catalog| -> Result<(), ServiceError> {
                        c.apps.extend(new_apps);
                        c.history.extend(lines);
                        c.channels.extend(new_channels);
                        if last_check_at.is_some() {
                            c.last_check_at = last_check_at;
                        }
                        Ok(())
                    })
            })
            .await?
        }
        Err(e) => Err(e.into()),
    };
    if let Err(e) = saved {
        // Some entries may be written even when saving them failed (one keychain entry each).
        let secrets = to.secrets.clone();
        let _ = blocking(move || secrets.delete_all(&sealed)).await;
        return Err(e);
    }
    Ok(MoveIn {
        channels: channels.into_iter().map(|c| c.name).collect(),
        apps: apps.into_iter().map(|a| a.name).collect(),
        skipped: skipped.into_iter().map(|c| c.name).collect(),
        previous_tokens,
        history_lines,
    })
}
