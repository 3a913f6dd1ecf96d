//! Backup and restore: every app, channel and secret into one passphrase-protected file, and
//! back into any profile and either secret store. Restore is planned first (what will be added,
//! replaced, kept because the profile's token is newer, or refused), then applied under the
//! catalog lock; a token that would replace a working one is checked online just before. A
//! replaced token stays as the channel's previous token, so `rollback` undoes a restore.

use std::path::Path;

use chrono::Utc;

use super::report_file::machine_and_user;
use super::restore::{Vetted, apply, plan};
pub use super::restore_plan::{
    AppRestoreAction, AppRestoreItem, BackupId, RestoreAction, RestoreItem, RestoreOutcome,
    RestorePlan, RestoreWhy,
};
use super::{Service, ServiceError, blocking};
use crate::model::{Secret, SecretRef};
use crate::store::{
    BackupApp, BackupChannel, BackupContents, Catalog, HistoryEntry, HistoryEvent, SecretError,
    SecretStore, read_backup, write_backup,
};

#[derive(Debug, Clone)]
pub struct BackupSummary {
    pub channels: usize,
    pub apps: usize,
    /// Channels left out because their token is missing from the secret store.
    pub skipped: Vec<String>,
}

impl Service {
    /// Writes every app, channel and secret, encrypted with `passphrase`, to `path`.
    pub async fn backup_to(
        &self,
        path: &Path,
        passphrase: &Secret,
    ) -> Result<BackupSummary, ServiceError> {
        // A viewer cannot open the tokens: said at once, not as a failed read halfway.
        self.ensure_renewer().await?;
        let catalog = self.catalog().await?;
        let secrets = self.secrets();
        let (path, passphrase) = (path.to_path_buf(), passphrase.clone());
        let summary = blocking(move || -> Result<BackupSummary, ServiceError> {
            let contents = collect(&catalog, secrets.as_ref())?;
            let skipped: Vec<String> = catalog
                .channels
                .iter()
                .filter(|c| !contents.channels.iter().any(|b| b.channel.id == c.id))
                .map(|c| c.name.clone())
                .collect();
            write_backup(&path, &contents, &passphrase)?;
            Ok(BackupSummary {
                channels: contents.channels.len(),
                apps: contents.apps.len(),
                skipped,
            })
        })
        .await??;
        tracing::info!(
            channels = summary.channels,
            apps = summary.apps,
            skipped = summary.skipped.len(),
            "backup written"
        );
        Ok(summary)
    }

    /// Opens the backup and says what restoring it would do; changes nothing.
    pub async fn plan_restore(
        &self,
        path: &Path,
        passphrase: &Secret,
    ) -> Result<RestorePlan, ServiceError> {
        let (file, pw) = (path.to_path_buf(), passphrase.clone());
        let contents = blocking(move || read_backup(&file, &pw)).await??;
        let catalog = self.catalog().await?;
        let (channels, apps) = plan(&catalog, &contents, false);
        Ok(RestorePlan {
            source: path.to_path_buf(),
            made_at: contents.made_at,
            made_by: contents.made_by.clone(),
            channels,
            apps,
            contents,
        })
    }

    /// Applies `plan` as it stands in the profile now (decided again under the lock, so a change
    /// made meanwhile is respected). Tokens go to the profile's secret store under new entries;
    /// on any failure nothing in the catalog changes and the new entries are removed.
    pub async fn apply_restore(
        &self,
        plan: &RestorePlan,
        overwrite_newer: bool,
    ) -> Result<RestoreOutcome, ServiceError> {
        // A working channel is only replaced by a token Meta confirms now; asked to overwrite,
        // the user takes that on.
        let vetted = if overwrite_newer {
            Vetted::new(self.thresholds)
        } else {
            self.vet_restore(&plan.contents).await?
        };
        let store = self.store.clone();
        let contents = plan.contents.clone();
        let (outcome, dropped) = blocking(move || {
            let secrets = store.secrets.clone();
            store.catalog.update(|c: &mut Catalog| {
                let mut written = Vec::new();
                let result = apply(
                    c,
                    &contents,
                    overwrite_newer,
                    &vetted,
                    secrets.as_ref(),
                    &mut written,
                );
                if result.is_err() {
                    let _ = secrets.delete_all(&written);
                }
                result
            })
        })
        .await??;
        self.forget_secrets(dropped).await;
        let entries = outcome
            .channels
            .iter()
            .filter_map(|i| {
                let (from, to) = match &i.action {
                    RestoreAction::Add { fingerprint } => (None, fingerprint),
                    RestoreAction::Replace {
                        from_fingerprint,
                        to_fingerprint,
                    } => (Some(from_fingerprint.clone()), to_fingerprint),
                    _ => return None,
                };
                Some(HistoryEntry::now(
                    &i.channel_id,
                    &i.channel_name,
                    HistoryEvent::Restored {
                        from_fingerprint: from,
                        to_fingerprint: to.clone(),
                    },
                ))
            })
            .collect();
        self.record(entries).await;
        tracing::info!(source = %plan.source.display(), overwrite_newer, "restore applied");
        Ok(outcome)
    }
}

/// The backup's contents: a channel whose token is gone from the store is left out (it could
/// not be restored anyway); a missing previous token or app secret is left empty.
fn collect(catalog: &Catalog, secrets: &dyn SecretStore) -> Result<BackupContents, ServiceError> {
    let optional = |r: &SecretRef| match secrets.get(r) {
        Ok(s) => Ok(Some(s)),
        Err(SecretError::Missing(_)) => Ok(None),
        Err(e) => Err(ServiceError::from(e)),
    };
    let mut apps = Vec::new();
    for app in &catalog.apps {
        let secret = if app.has_secret {
            optional(&SecretRef::app_secret(&app.id))?
        } else {
            None
        };
        apps.push(BackupApp {
            app: app.clone(),
            secret,
        });
    }
    let mut channels = Vec::new();
    for channel in &catalog.channels {
        let Some(token) = optional(&channel.token.secret)? else {
            tracing::warn!(channel = %channel.id, "left out of the backup: token missing");
            continue;
        };
        let previous_token = match &channel.previous_token {
            Some(p) => optional(&p.secret)?,
            None => None,
        };
        channels.push(BackupChannel {
            channel: channel.clone(),
            token,
            previous_token,
        });
    }
    Ok(BackupContents {
        made_at: Utc::now(),
        made_by: machine_and_user(),
        tokenwarden_version: env!("CARGO_PKG_VERSION").into(),
        apps,
        channels,
    })
}
