//! Deciding and applying a restore, item by item: which profile channel a backup channel stands
//! for (same id, else same name), whether its token is added, replaces an older one or is kept
//! because the profile's is newer, and the catalog and secret-store changes that follow.

use super::ServiceError;
use super::backup::{AppRestoreAction, AppRestoreItem, RestoreAction, RestoreItem, RestoreOutcome};
use crate::model::{Channel, Secret, SecretRef, StoredToken};
use crate::store::{BackupApp, BackupChannel, BackupContents, Catalog, SecretStore};

/// The profile's channel a backup channel stands for: same id, else same name.
fn index_of(catalog: &Catalog, b: &Channel) -> Option<usize> {
    let by_id = catalog.channels.iter().position(|c| c.id == b.id);
    by_id.or_else(|| catalog.channels.iter().position(|c| c.name == b.name))
}

fn decide(existing: Option<&Channel>, b: &BackupChannel, overwrite_newer: bool) -> RestoreAction {
    let fingerprint = b.token.fingerprint();
    match existing {
        None => RestoreAction::Add { fingerprint },
        Some(c) if c.token.fingerprint == fingerprint => RestoreAction::Unchanged { fingerprint },
        Some(c) if c.token.saved_at > b.channel.token.saved_at && !overwrite_newer => {
            RestoreAction::KeepNewer {
                profile_fingerprint: c.token.fingerprint.clone(),
                backup_fingerprint: fingerprint,
            }
        }
        Some(c) => RestoreAction::Replace {
            from_fingerprint: c.token.fingerprint.clone(),
            to_fingerprint: fingerprint,
        },
    }
}

fn app_action(catalog: &Catalog, b: &BackupApp) -> AppRestoreAction {
    match catalog.app(&b.app.id) {
        None => AppRestoreAction::Add {
            with_secret: b.secret.is_some(),
        },
        Some(a) if !a.has_secret && b.secret.is_some() => AppRestoreAction::AddSecret,
        Some(_) => AppRestoreAction::Unchanged,
    }
}

pub(super) fn plan(
    catalog: &Catalog,
    contents: &BackupContents,
    overwrite_newer: bool,
) -> (Vec<RestoreItem>, Vec<AppRestoreItem>) {
    let channels = contents
        .channels
        .iter()
        .map(|b| {
            let existing = index_of(catalog, &b.channel).map(|i| &catalog.channels[i]);
            RestoreItem {
                channel_id: existing.unwrap_or(&b.channel).id.clone(),
                channel_name: b.channel.name.clone(),
                kind: b.channel.kind,
                action: decide(existing, b, overwrite_newer),
            }
        })
        .collect();
    let apps = contents
        .apps
        .iter()
        .map(|b| AppRestoreItem {
            app_id: b.app.id.clone(),
            app_name: b.app.name.clone(),
            action: app_action(catalog, b),
        })
        .collect();
    (channels, apps)
}

/// Stores `secret` under a fresh entry, remembering it for clean-up on failure.
fn store_new(
    secrets: &dyn SecretStore,
    secret: &Secret,
    written: &mut Vec<SecretRef>,
) -> Result<SecretRef, ServiceError> {
    let r = SecretRef::new_token();
    secrets.set(&r, secret)?;
    written.push(r.clone());
    Ok(r)
}

/// Changes `c` as planned; returns what was done and the secret entries no longer used.
pub(super) fn apply(
    c: &mut Catalog,
    contents: &BackupContents,
    overwrite_newer: bool,
    secrets: &dyn SecretStore,
    written: &mut Vec<SecretRef>,
) -> Result<(RestoreOutcome, Vec<SecretRef>), ServiceError> {
    let (items, apps) = plan(c, contents, overwrite_newer);
    let mut dropped = Vec::new();
    for (b, a) in contents.apps.iter().zip(&apps) {
        if a.action == AppRestoreAction::Unchanged {
            continue;
        }
        if let Some(s) = &b.secret {
            secrets.set(&SecretRef::app_secret(&b.app.id), s)?;
        }
        match c.apps.iter_mut().find(|x| x.id == b.app.id) {
            Some(existing) => existing.has_secret = true,
            None => c.apps.push(crate::model::MetaApp {
                has_secret: b.secret.is_some(),
                ..b.app.clone()
            }),
        }
    }
    for (b, item) in contents.channels.iter().zip(&items) {
        let saved = |secret| StoredToken {
            secret,
            fingerprint: b.token.fingerprint(),
            saved_at: b.channel.token.saved_at,
        };
        match &item.action {
            RestoreAction::Add { .. } => {
                let token = saved(store_new(secrets, &b.token, written)?);
                let previous = match (&b.channel.previous_token, &b.previous_token) {
                    (Some(p), Some(secret)) => Some(StoredToken {
                        secret: store_new(secrets, secret, written)?,
                        ..p.clone()
                    }),
                    _ => None,
                };
                c.channels.push(Channel {
                    token,
                    previous_token: previous,
                    ..b.channel.clone()
                });
            }
            RestoreAction::Replace { .. } => {
                let token = saved(store_new(secrets, &b.token, written)?);
                let Some(ch) = c.channels.iter_mut().find(|x| x.id == item.channel_id) else {
                    continue; // `plan` found it in this very catalog
                };
                let old = std::mem::replace(&mut ch.token, token);
                dropped.extend(ch.previous_token.replace(old).map(|p| p.secret));
                ch.last_report = b.channel.last_report.clone();
                ch.last_failure = b.channel.last_failure.clone();
                ch.app_id = ch.app_id.clone().or_else(|| b.channel.app_id.clone());
                ch.page_id = ch.page_id.clone().or_else(|| b.channel.page_id.clone());
                ch.page_name = ch.page_name.clone().or_else(|| b.channel.page_name.clone());
            }
            RestoreAction::KeepNewer { .. } | RestoreAction::Unchanged { .. } => {}
        }
    }
    Ok((
        RestoreOutcome {
            channels: items,
            apps,
        },
        dropped,
    ))
}
