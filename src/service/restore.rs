//! Deciding and applying a restore, item by item: which profile channel a backup channel stands
//! for (same id, else same name), whether its token is added, replaces an older one or is kept
//! because the profile's is newer, and the catalog and secret-store changes that follow.
//!
//! A backup is not trusted blindly: its times cannot make a token newer than the backup itself
//! (nor than now), its ids must be Facebook ids, and a token that would replace a channel whose
//! current token may work (anything but broken) is first checked online with the rules of a
//! renewal.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::restore_plan::{
    AppRestoreAction, AppRestoreItem, BackupId, RestoreAction, RestoreItem, RestoreOutcome,
    RestoreWhy,
};
use super::{Service, ServiceError};
use crate::model::{Channel, Health, Secret, SecretRef, StoredToken, Thresholds, classify};
use crate::store::{BackupApp, BackupChannel, BackupContents, Catalog, SecretStore};

/// What the online check said about a backup token that would replace a working one.
#[derive(Debug, Clone)]
pub(super) enum Verdict {
    Confirmed,
    /// Meta said no (or did not confirm): why.
    Refused(RestoreWhy),
    /// The check could not be made (no network, Meta's servers): why.
    Unchecked(RestoreWhy),
}

/// The verdicts of one restore, by (profile channel id, backup token fingerprint).
#[derive(Debug, Clone)]
pub(super) struct Vetted {
    verdicts: HashMap<(String, String), Verdict>,
    thresholds: Thresholds,
}

impl Vetted {
    pub(super) fn new(thresholds: Thresholds) -> Self {
        Vetted {
            verdicts: HashMap::new(),
            thresholds,
        }
    }

    /// A channel whose current token may work is only replaced by a confirmed token: healthy,
    /// expiring soon, or never checked alike (a missing fact is no licence). Only a token its
    /// last check found broken may be replaced without asking Meta.
    fn guards(&self, c: &Channel) -> bool {
        let now = Utc::now();
        let d = classify(
            c.last_report.as_deref(),
            c.last_failure.as_deref(),
            &c.requirements(),
            now,
            &self.thresholds,
        );
        d.health != Health::Broken
    }
}

/// The profile's channel a backup channel stands for: same id, else same name.
fn index_of(catalog: &Catalog, b: &Channel) -> Option<usize> {
    let by_id = catalog.channels.iter().position(|c| c.id == b.id);
    by_id.or_else(|| catalog.channels.iter().position(|c| c.name == b.name))
}

/// A time from the backup, as far as it can be believed: a token cannot have been saved after
/// the backup was made, nor in the future (a wrong clock or an edited file).
fn believable(at: DateTime<Utc>, made_at: DateTime<Utc>) -> DateTime<Utc> {
    at.min(made_at).min(Utc::now())
}

fn is_facebook_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 32 && id.bytes().all(|b| b.is_ascii_digit())
}

/// Why a backup channel's ids cannot be trusted (they end up in Graph URL paths), if they can't.
fn bad_ids(b: &Channel) -> Option<RestoreWhy> {
    let report = b.last_report.as_ref();
    let ids = [
        (BackupId::App, b.app_id.as_deref()),
        (BackupId::Page, b.page_id.as_deref()),
        (BackupId::App, report.and_then(|r| r.app_id.as_deref())),
        (BackupId::Page, report.and_then(|r| r.profile_id.as_deref())),
        (
            BackupId::InstagramAccount,
            report.and_then(|r| r.instagram_account_id.as_deref()),
        ),
    ];
    let (what, _) = ids
        .iter()
        .find(|(_, id)| id.is_some_and(|id| !is_facebook_id(id)))?;
    Some(RestoreWhy::BadId(*what))
}

fn decide(
    existing: Option<&Channel>,
    b: &BackupChannel,
    made_at: DateTime<Utc>,
    overwrite_newer: bool,
) -> RestoreAction {
    let fingerprint = b.token.fingerprint();
    if let Some(why) = bad_ids(&b.channel) {
        return RestoreAction::Refused { fingerprint, why };
    }
    let backup_saved = believable(b.channel.token.saved_at, made_at);
    match existing {
        None => RestoreAction::Add { fingerprint },
        Some(c) if c.token.fingerprint == fingerprint => RestoreAction::Unchanged { fingerprint },
        Some(c) if c.token.saved_at.min(Utc::now()) > backup_saved && !overwrite_newer => {
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
    if !is_facebook_id(&b.app.id) {
        return AppRestoreAction::Refused;
    }
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
                action: decide(existing, b, contents.made_at, overwrite_newer),
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

/// Queues `secret` under a fresh entry, remembering it for clean-up on failure; `apply` saves
/// the queue in one go (one vault write for a restore of any size).
fn store_new(
    secret: &Secret,
    pending: &mut Vec<(SecretRef, Secret)>,
    written: &mut Vec<SecretRef>,
) -> SecretRef {
    let r = SecretRef::new_token();
    pending.push((r.clone(), secret.clone()));
    written.push(r.clone());
    r
}

/// A planned replacement of a token that may work goes ahead only on a confirmed verdict (decided
/// again here, under the lock, so a channel that started working meanwhile is protected too).
fn guarded(item: &mut RestoreItem, c: &Catalog, vetted: &Vetted) {
    let RestoreAction::Replace { to_fingerprint, .. } = &item.action else {
        return;
    };
    let Some(existing) = c.channels.iter().find(|x| x.id == item.channel_id) else {
        return;
    };
    if !vetted.guards(existing) {
        return;
    }
    let fingerprint = to_fingerprint.clone();
    let key = (item.channel_id.clone(), fingerprint.clone());
    item.action = match vetted.verdicts.get(&key) {
        Some(Verdict::Confirmed) => return,
        Some(Verdict::Refused(why)) => RestoreAction::Refused {
            fingerprint,
            why: why.clone(),
        },
        Some(Verdict::Unchecked(why)) => RestoreAction::Skipped {
            fingerprint,
            why: why.clone(),
        },
        None => RestoreAction::Skipped {
            fingerprint,
            why: RestoreWhy::StartedWorking,
        },
    };
}

/// Changes `c` as planned; returns what was done and the secret entries no longer used.
/// Unless `overwrite_newer`, a working channel is replaced only as `vetted` allows.
pub(super) fn apply(
    c: &mut Catalog,
    contents: &BackupContents,
    overwrite_newer: bool,
    vetted: &Vetted,
    secrets: &dyn SecretStore,
    written: &mut Vec<SecretRef>,
) -> Result<(RestoreOutcome, Vec<SecretRef>), ServiceError> {
    let (mut items, apps) = plan(c, contents, overwrite_newer);
    if !overwrite_newer {
        for item in &mut items {
            guarded(item, c, vetted);
        }
    }
    let mut dropped = Vec::new();
    let mut pending = Vec::new();
    for (b, a) in contents.apps.iter().zip(&apps) {
        if matches!(
            a.action,
            AppRestoreAction::Unchanged | AppRestoreAction::Refused
        ) {
            continue;
        }
        if let Some(s) = &b.secret {
            pending.push((SecretRef::app_secret(&b.app.id), s.clone()));
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
            saved_at: believable(b.channel.token.saved_at, contents.made_at),
        };
        match &item.action {
            RestoreAction::Add { .. } => {
                let token = saved(store_new(&b.token, &mut pending, written));
                let previous = match (&b.channel.previous_token, &b.previous_token) {
                    (Some(p), Some(secret)) => Some(StoredToken {
                        secret: store_new(secret, &mut pending, written),
                        fingerprint: secret.fingerprint(),
                        saved_at: believable(p.saved_at, contents.made_at),
                    }),
                    _ => None,
                };
                // The previous token's facts travel only with that token.
                let previous_report = b
                    .channel
                    .previous_report
                    .clone()
                    .filter(|_| previous.is_some());
                c.channels.push(Channel {
                    token,
                    previous_token: previous,
                    previous_report,
                    ..b.channel.clone()
                });
            }
            RestoreAction::Replace { .. } => {
                let token = saved(store_new(&b.token, &mut pending, written));
                let Some(ch) = c.channels.iter_mut().find(|x| x.id == item.channel_id) else {
                    continue; // `plan` found it in this very catalog
                };
                let old = std::mem::replace(&mut ch.token, token);
                dropped.extend(ch.previous_token.replace(old).map(|p| p.secret));
                ch.previous_report = ch.last_report.take();
                ch.last_report = b.channel.last_report.clone();
                ch.last_failure = b.channel.last_failure.clone();
                ch.app_id = ch.app_id.clone().or_else(|| b.channel.app_id.clone());
                ch.page_id = ch.page_id.clone().or_else(|| b.channel.page_id.clone());
                ch.page_name = ch.page_name.clone().or_else(|| b.channel.page_name.clone());
            }
            RestoreAction::KeepNewer { .. }
            | RestoreAction::Unchanged { .. }
            | RestoreAction::Refused { .. }
            | RestoreAction::Skipped { .. } => {}
        }
    }
    secrets.set_all(&pending)?;
    Ok((
        RestoreOutcome {
            channels: items,
            apps,
        },
        dropped,
    ))
}

impl Service {
    /// Checks online, with the rules of a renewal, every backup token that would replace a
    /// channel whose current token may work (see `Vetted::guards`). Nothing is saved here.
    pub(super) async fn vet_restore(
        &self,
        contents: &BackupContents,
    ) -> Result<Vetted, ServiceError> {
        let mut vetted = Vetted::new(self.thresholds);
        let catalog = self.catalog().await?;
        let (items, _) = plan(&catalog, contents, false);
        for (b, item) in contents.channels.iter().zip(&items) {
            if !matches!(item.action, RestoreAction::Replace { .. }) {
                continue;
            }
            let Some(existing) = catalog.channel(&item.channel_id) else {
                continue;
            };
            if !vetted.guards(existing) {
                continue;
            }
            let verdict = self.verdict_on(existing, &b.token).await?;
            vetted
                .verdicts
                .insert((existing.id.clone(), b.token.fingerprint()), verdict);
        }
        Ok(vetted)
    }

    async fn verdict_on(
        &self,
        existing: &Channel,
        token: &Secret,
    ) -> Result<Verdict, ServiceError> {
        let refused =
            |reasons: Vec<crate::model::Reason>| Verdict::Refused(RestoreWhy::FailedCheck(reasons));
        match self
            .validate(Some(existing), existing.kind, None, token)
            .await
        {
            // Restore brings back exactly the backup's token, never one derived from it.
            Ok(v) if v.passes() && v.derived.is_none() => Ok(Verdict::Confirmed),
            Ok(v) if v.derived.is_some() => Ok(Verdict::Refused(RestoreWhy::PersonalToken)),
            Ok(v) => Ok(refused(v.refusals)),
            Err(ServiceError::Refused { reasons }) => Ok(refused(reasons)),
            Err(ServiceError::Graph(e)) => Ok(Verdict::Unchecked(RestoreWhy::Unchecked(e))),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn a_backup_time_is_never_later_than_the_backup_or_now() {
        let now = Utc::now();
        let made = now - Duration::days(2);
        let future = now + Duration::days(365);
        assert_eq!(believable(future, made), made);
        assert!(believable(future, future) <= Utc::now());
        let earlier = made - Duration::days(1);
        assert_eq!(believable(earlier, made), earlier);
    }

    #[test]
    fn only_digits_are_facebook_ids() {
        assert!(is_facebook_id("500001"));
        for bad in ["", "500001/../me", "12ab", " 1", "1?x=2", "١٢٣"] {
            assert!(!is_facebook_id(bad), "{bad:?}");
        }
    }
}
