//! The channel history as the user sees it: recorded by the use cases that change a channel
//! (add, renew, rollback, restore, a check that changed the health), read per channel.
//!
//! The use cases that change the catalog leave their lines in `Catalog::history` inside the
//! update, so they are written with the change: on a workspace in its transaction (both or
//! neither); in a local profile right after it, best effort as ever (a history that cannot be
//! written must not turn a finished renewal into an error; it is logged). `record` stays for
//! the few lines written on their own.

use chrono::{DateTime, Utc};

use super::{ChannelView, Service, ServiceError, blocking};
use crate::model::{Channel, Health, Thresholds};
use crate::store::{CatalogFile, HistoryEntry, HistoryEvent, HistoryFile, Profile};

impl Service {
    fn history_file(&self) -> HistoryFile {
        HistoryFile::new(&self.store.profile)
    }

    /// The history of one channel (id or exact name), oldest first. See `channel_history`.
    pub async fn history(&self, selector: &str) -> Result<Vec<HistoryEntry>, ServiceError> {
        let (profile, selector) = (self.store.profile.clone(), selector.to_string());
        blocking(move || channel_history(&profile, &selector)).await?
    }

    /// Appends entries; a failure is logged, never returned (see the module note).
    pub(crate) async fn record(&self, entries: Vec<HistoryEntry>) {
        if entries.is_empty() {
            return;
        }
        for e in &entries {
            tracing::info!(channel = %e.channel_id, event = ?e.event, "history");
        }
        let file = self.history_file();
        match blocking(move || file.append(&entries)).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::warn!(error = %e, "could not write the history"),
            Err(e) => tracing::warn!(error = %e, "could not write the history"),
        }
    }
}

/// The history line of a channel just added.
pub(crate) fn added_entry(channel: &Channel) -> HistoryEntry {
    let fingerprint = channel.token.fingerprint.clone();
    HistoryEntry::now(
        &channel.id,
        &channel.name,
        HistoryEvent::Added { fingerprint },
    )
}

/// The history line of a rollback; `before` is the channel before its previous token was put
/// back (none without a previous token).
pub(crate) fn rolled_back_entry(before: &Channel) -> Option<HistoryEntry> {
    let previous = before.previous_token.as_ref()?;
    let event = HistoryEvent::RolledBack {
        from_fingerprint: before.token.fingerprint.clone(),
        to_fingerprint: previous.fingerprint.clone(),
    };
    Some(HistoryEntry::now(&before.id, &before.name, event))
}

/// The history of one channel (id or exact name), oldest first, from the profile's files alone
/// (no secret store, no network). A removed channel is still found by the id or name its
/// entries carry.
pub fn channel_history(
    profile: &Profile,
    selector: &str,
) -> Result<Vec<HistoryEntry>, ServiceError> {
    let catalog = CatalogFile::new(profile).load()?;
    let all = HistoryFile::new(profile).read_all()?;
    let id = match catalog.channel(selector) {
        Some(c) => c.id.clone(),
        None => all
            .iter()
            .rev()
            .find(|e| e.channel_id == selector || e.channel_name == selector)
            .map(|e| e.channel_id.clone())
            .ok_or_else(|| ServiceError::NotFound(selector.to_string()))?,
    };
    Ok(all.into_iter().filter(|e| e.channel_id == id).collect())
}

/// The entry for a check that moved `before` to `after`, if the health changed. Coming out of
/// "not checked" into healthy is not news (it follows every rollback) and is left out.
pub(crate) fn health_change(
    before: &Channel,
    after: &Channel,
    now: DateTime<Utc>,
    th: &Thresholds,
) -> Option<HistoryEntry> {
    let from = ChannelView::of(before.clone(), now, th).diagnosis.health;
    let to_view = ChannelView::of(after.clone(), now, th);
    let to = to_view.diagnosis.health;
    if from == to || (from == Health::Unknown && to == Health::Healthy) {
        return None;
    }
    Some(HistoryEntry::now(
        &after.id,
        &after.name,
        HistoryEvent::HealthChanged {
            from,
            to,
            reason_code: to_view.diagnosis.main_reason().map(|r| r.code),
        },
    ))
}

/// The history line of a replaced token: `after` holds the new one; `derived` when it was
/// derived from a user token.
pub(crate) fn replaced_entry(
    old_fingerprint: &str,
    after: &Channel,
    derived: bool,
) -> HistoryEntry {
    let event = HistoryEvent::Replaced {
        old_fingerprint: old_fingerprint.to_string(),
        new_fingerprint: after.token.fingerprint.clone(),
        derived_from: derived.then(|| "user_token".to_string()),
    };
    HistoryEntry::now(&after.id, &after.name, event)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ReasonCode, StoredToken, TokenReport};

    fn channel(report: Option<TokenReport>) -> Channel {
        Channel {
            id: "c1".into(),
            name: "Shoes".into(),
            kind: crate::model::ChannelKind::FacebookPage,
            app_id: None,
            page_id: None,
            page_name: None,
            token: StoredToken {
                secret: crate::model::SecretRef("token-x".into()),
                fingerprint: "sha256:aaaaaaaaaaaa".into(),
                saved_at: Utc::now(),
            },
            previous_token: None,
            previous_report: None,
            last_report: report.map(Box::new),
            last_failure: None,
            added_at: Utc::now(),
        }
    }

    #[test]
    fn only_a_real_change_of_health_is_history() {
        let th = Thresholds::default();
        let now = Utc::now();
        let invalid = TokenReport {
            is_valid: Some(false),
            ..Default::default()
        };
        let unchecked = channel(None);
        let broken = channel(Some(invalid));
        let change = health_change(&unchecked, &broken, now, &th).unwrap();
        assert!(matches!(
            change.event,
            HistoryEvent::HealthChanged {
                from: Health::Unknown,
                to: Health::Broken,
                reason_code: Some(ReasonCode::InvalidToken)
            }
        ));
        assert!(health_change(&broken, &broken, now, &th).is_none());
    }
}
