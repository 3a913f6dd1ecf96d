//! The use cases shared by the GUI and the CLI: list, check, debug, add, renew, rollback, apps,
//! export and inspect. Everything that changes a user's tokens goes through here, once.

mod check;
mod clock;
mod confirm;
mod error;
mod history;
pub mod import;
mod notifier;
pub mod refusal;
mod reminders;
mod renew;
mod restore;
mod restore_plan;
mod rollback;
pub(crate) mod twins;

pub mod backup;
pub mod demo;
pub mod groups;
pub mod guide;
mod guide_kinds;
mod guide_step;
pub mod lifecycle;
pub mod login;
pub mod login_message;
pub mod login_pages;
pub mod move_in;
pub mod report_file;
mod webhook;

use chrono::{DateTime, Utc};
use std::sync::Arc;

use crate::graph::{AppCredentials, GraphClient, GraphConfig};
use crate::model::{Channel, Diagnosis, MetaApp, Secret, SecretRef, Thresholds, classify};
use crate::store::{Catalog, SecretStore, Store};

pub use backup::{
    AppRestoreAction, AppRestoreItem, BackupId, BackupSummary, RestoreAction, RestoreItem,
    RestoreOutcome, RestorePlan, RestoreWhy,
};
pub use check::{CheckProgress, CheckSummary, health_exit_code, monitoring_exit_code};
pub use clock::{ClockProblem, MAX_SKEW, clock_problem};
pub use error::ServiceError;
pub use history::channel_history;
pub use lifecycle::{Removal, refuse_app_in_use, rename_app_in, rename_channel_in};
pub use notifier::{
    DesktopNotifier, NoticeWords, Notifier, RecordingNotifier, SentNotification,
    phrase_notices_with,
};
pub use refusal::{AppInUse, Conflict, Named, Usage};
pub use reminders::{Notice, NotifyOutcome, Reminders, lead_thresholds};
pub use renew::{RenewOutcome, Validation};

/// A channel with its health computed for "now"; what every list, table and row shows.
#[derive(Debug, Clone)]
pub struct ChannelView {
    pub channel: Channel,
    pub diagnosis: Diagnosis,
}

impl ChannelView {
    pub fn of(channel: Channel, now: DateTime<Utc>, th: &Thresholds) -> Self {
        let diagnosis = classify(
            channel.last_report.as_deref(),
            channel.last_failure.as_deref(),
            &channel.requirements(),
            now,
            th,
        );
        ChannelView { channel, diagnosis }
    }
}

/// Channels with their health at `now`, most urgent first.
pub fn views_of(channels: Vec<Channel>, now: DateTime<Utc>, th: &Thresholds) -> Vec<ChannelView> {
    let mut views: Vec<ChannelView> = channels
        .into_iter()
        .map(|c| ChannelView::of(c, now, th))
        .collect();
    sort_by_urgency(&mut views);
    views
}

/// Most urgent first, then by lowercased name: broken, needs attention, not checked, healthy;
/// equal keys keep their order.
///
/// The order is `sort_by_cached_key` of `(urgency, name.to_lowercase())`, made cheaper: the
/// lowered names go into one text instead of a `String` each (10,000 allocations), and
/// positions are sorted, not the 320-byte views, each view then moved once.
pub fn sort_by_urgency(views: &mut [ChannelView]) {
    let mut lowered = String::with_capacity(views.iter().map(|v| v.channel.name.len()).sum());
    let mut ends = Vec::with_capacity(views.len());
    for v in views.iter() {
        let (start, name) = (lowered.len(), &v.channel.name);
        if name.is_ascii() {
            lowered.push_str(name);
            lowered[start..].make_ascii_lowercase();
        } else {
            // Not per character: `to_lowercase` knows a word-final Σ is ς.
            lowered.push_str(&name.to_lowercase());
        }
        ends.push(lowered.len());
    }
    let mut start = 0;
    let mut keys: Vec<(u8, &[u8], usize)> = (views.iter().zip(ends).enumerate())
        .map(|(i, (v, end))| {
            let name = &lowered.as_bytes()[start..end];
            start = end;
            (v.diagnosis.health.urgency(), name, i)
        })
        .collect();
    keys.sort_unstable();
    // As `sort_by_cached_key` applies its order: each place takes the view meant for it,
    // following where earlier swaps moved that view.
    for i in 0..keys.len() {
        let mut from = keys[i].2;
        while from < i {
            from = keys[from].2;
        }
        keys[i].2 = from;
        views.swap(i, from);
    }
}

pub struct Service {
    pub store: Arc<Store>,
    graph: GraphClient,
    pub thresholds: Thresholds,
}

/// Runs blocking store work (file locks, keychain, scrypt) off the async threads.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ServiceError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ServiceError::Internal(format!("background task failed: {e}")))
}

impl Service {
    pub fn new(store: Store, graph: GraphConfig) -> Result<Service, ServiceError> {
        Ok(Service {
            store: Arc::new(store),
            graph: GraphClient::new(graph)?,
            thresholds: Thresholds::default(),
        })
    }

    pub fn graph(&self) -> &GraphClient {
        &self.graph
    }

    pub fn secrets(&self) -> Arc<dyn SecretStore> {
        self.store.secrets.clone()
    }

    pub async fn catalog(&self) -> Result<Catalog, ServiceError> {
        let store = self.store.clone();
        Ok(blocking(move || store.catalog.load()).await??)
    }

    /// Every saved channel with its health now, most urgent first. Offline: no network is used.
    pub async fn list(&self) -> Result<Vec<ChannelView>, ServiceError> {
        let catalog = self.catalog().await?;
        Ok(views_of(catalog.channels, Utc::now(), &self.thresholds))
    }

    pub async fn channel(&self, selector: &str) -> Result<Channel, ServiceError> {
        self.catalog()
            .await?
            .channel(selector)
            .cloned()
            .ok_or_else(|| ServiceError::NotFound(selector.to_string()))
    }

    /// The channel's current token, for a support person's explicit "Copy token"; the only
    /// use case that hands a token out of the secret store to the UI.
    pub async fn reveal_token(&self, selector: &str) -> Result<Secret, ServiceError> {
        let channel = self.channel(selector).await?;
        self.get_secret(&channel.token.secret).await
    }

    pub(crate) async fn get_secret(&self, r: &SecretRef) -> Result<Secret, ServiceError> {
        let secrets = self.secrets();
        let r = r.clone();
        Ok(blocking(move || secrets.get(&r)).await??)
    }

    pub(crate) async fn put_secret(
        &self,
        r: &SecretRef,
        value: &Secret,
    ) -> Result<(), ServiceError> {
        self.sweep().await;
        let secrets = self.secrets();
        let (r, value) = (r.clone(), value.clone());
        blocking(move || secrets.set(&r, &value)).await??;
        if crate::env::test_panic_requested("after_secret_saved") {
            // Test-only (TOKENWARDEN_TEST_PANIC): a crash between "store the new secret" and
            // "swap it in", to prove the orphan entry is swept at a later change.
            panic!("test panic after saving a secret");
        }
        Ok(())
    }

    /// Best effort: a leftover entry is harmless (a later sweep removes it), and a failure here
    /// must not undo a finished change.
    pub(crate) async fn forget_secret(&self, r: &SecretRef) {
        let secrets = self.secrets();
        let r = r.clone();
        let _ = blocking(move || secrets.delete(&r)).await;
        self.sweep().await;
    }

    /// As `forget_secret` for several entries, in one write of the store.
    pub(crate) async fn forget_secrets(&self, refs: Vec<SecretRef>) {
        if refs.is_empty() {
            return;
        }
        let secrets = self.secrets();
        let _ = blocking(move || secrets.delete_all(&refs)).await;
        self.sweep().await;
    }

    /// Removes unused secret entries and stale temp files, at a change (see `store::sweep`).
    /// Best effort: a failure is logged, never a reason to fail the change itself.
    pub(crate) async fn sweep(&self) {
        let store = self.store.clone();
        match blocking(move || store.sweep()).await {
            Ok(Ok(swept)) if swept != crate::store::Swept::default() => tracing::info!(
                secrets = swept.secrets,
                temp_files = swept.temp_files,
                "removed unused secret entries and temp files"
            ),
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::warn!(error = %e, "could not tidy up the profile"),
            Err(e) => tracing::warn!(error = %e, "could not tidy up the profile"),
        }
    }

    /// The app's id and, when saved, its secret.
    pub(crate) async fn credentials(
        &self,
        app: Option<&MetaApp>,
    ) -> Result<Option<AppCredentials>, ServiceError> {
        let Some(app) = app else { return Ok(None) };
        let secret = if app.has_secret {
            Some(self.get_secret(&SecretRef::app_secret(&app.id)).await?)
        } else {
            None
        };
        Ok(Some(AppCredentials {
            id: app.id.clone(),
            secret,
        }))
    }

    /// Saves a Meta app; the secret goes to the secret store after Graph confirmed it.
    pub async fn add_app(
        &self,
        id: &str,
        name: &str,
        secret: Option<Secret>,
        client_token: Option<String>,
    ) -> Result<MetaApp, ServiceError> {
        let id = id.trim();
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_digit()) {
            return Err(ServiceError::Usage(Usage::BadAppId { id: id.into() }));
        }
        if name.trim().is_empty() {
            return Err(ServiceError::Usage(Usage::AppNameMissing));
        }
        if let Some(s) = &secret {
            crate::graph::check::verify_app_secret(&self.graph, id, s)
                .await
                .map_err(|e| match e.graph_error() {
                    Some(g) if !e.is_transient() && !e.is_rate_limit() => {
                        use crate::model::{Fact, Reason, ReasonCode};
                        let reason = Reason::new(
                            ReasonCode::WrongApp,
                            format!(
                                "Facebook did not accept this app secret for app {id} ({}). Copy it again from the app's Settings > Basic page.",
                                g.message
                            ),
                        )
                        .with("refusal", Fact::Text("app_secret".into()))
                        .with("app", Fact::Text(id.to_string()))
                        .with("detail", Fact::Text(g.message.clone()));
                        ServiceError::Refused {
                            reasons: vec![reason],
                        }
                    }
                    _ => ServiceError::Graph(e),
                })?;
            self.put_secret(&SecretRef::app_secret(id), s).await?;
        }
        let app = MetaApp {
            id: id.to_string(),
            name: name.trim().to_string(),
            client_token: client_token
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty()),
            has_secret: secret.is_some(),
        };
        let store = self.store.clone();
        let saved = app.clone();
        blocking(move || {
            store
                .catalog
                .update(|c: &mut Catalog| -> Result<(), ServiceError> {
                    match c.apps.iter_mut().find(|a| a.id == saved.id) {
                        Some(existing) => {
                            let had_secret = existing.has_secret;
                            *existing = saved.clone();
                            existing.has_secret |= had_secret;
                        }
                        None => c.apps.push(saved.clone()),
                    }
                    Ok(())
                })
        })
        .await??;
        Ok(app)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::channel::{sample_channel, sample_page_report};

    #[test]
    fn urgency_order_is_by_health_then_lowercased_name_and_stable() {
        let now = Utc::now();
        // Valid, invalid and never checked; names in and out of ASCII, some equal once lowered
        // (kept in their order), a word-final sigma, a dotted capital I.
        let names = [
            "beta",
            "Alpha",
            "ÉCOLE",
            "école",
            "zeta",
            "οδοσ",
            "ΟΔΟΣ",
            "İstanbul",
            "istanbul",
            "ALPHA",
            "alpha",
            "Zeta",
            "",
        ];
        let views: Vec<ChannelView> = (0..names.len() * 3)
            .map(|i| {
                let report = match i % 3 {
                    0 => Some(sample_page_report(true)),
                    1 => Some(sample_page_report(false)),
                    _ => None,
                };
                let mut c = sample_channel(report, None);
                c.id = i.to_string();
                c.name = names[i % names.len()].into();
                ChannelView::of(c, now, &Thresholds::default())
            })
            .collect();
        let mut expected = views.clone();
        expected
            .sort_by_cached_key(|v| (v.diagnosis.health.urgency(), v.channel.name.to_lowercase()));
        let mut sorted = views;
        sort_by_urgency(&mut sorted);
        let ids = |v: &[ChannelView]| v.iter().map(|v| v.channel.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&sorted), ids(&expected));
        assert_eq!(sorted[0].diagnosis.health, crate::model::Health::Broken);
    }
}
