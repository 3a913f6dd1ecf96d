//! Reminders: check every channel and raise one notification per channel that turned broken or
//! needs attention since the user was last told — with a lead time before expiry, a per-channel
//! snooze, and the bookkeeping in `state.json` so that `check --notify` run by cron every hour
//! does not repeat itself. `Reminders` is the schedule the desktop app runs.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::notifier::Notifier;
use super::{ChannelView, CheckSummary, Service, ServiceError, blocking};
use crate::model::{Health, Reason, ReasonCode, Thresholds};
use crate::store::{ChannelReminder, LocalState, NotifiedState, ReminderSettings, StateFile};

/// A reminder that was due for one channel.
#[derive(Debug, Clone)]
pub struct Notice {
    pub channel_id: String,
    pub channel_name: String,
    pub health: Health,
    pub reason_code: Option<ReasonCode>,
    /// The reason told, with its facts (its times, names), for a front end to phrase again.
    pub reason: Option<Reason>,
    /// Phrased when raised, in the language of the moment (`notifier::notice_words`).
    pub title: String,
    pub body: String,
    /// False when the desktop could not show it (no notification service); it is tried again
    /// at the next round.
    pub delivered: bool,
}

#[derive(Debug, Clone)]
pub struct NotifyOutcome {
    pub summary: CheckSummary,
    pub notices: Vec<Notice>,
}

/// What one round decides for one channel.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Decision {
    Notify {
        health: Health,
        reason: ReasonCode,
    },
    /// Healthy again: forget what was said, so the next problem is told.
    Forget,
    Nothing,
}

/// Pure: `view` classified with the lead time, `saved` what this channel's bookkeeping says.
fn decide(view: &ChannelView, saved: Option<&ChannelReminder>, now: DateTime<Utc>) -> Decision {
    let health = view.diagnosis.health;
    if health == Health::Healthy {
        return Decision::Forget;
    }
    if !matches!(health, Health::Broken | Health::NeedsAttention) {
        return Decision::Nothing;
    }
    // A check that could not be made says nothing new about the token.
    let Some(reason) = view
        .diagnosis
        .reasons
        .iter()
        .map(|r| r.code)
        .find(|c| !c.is_check_failure())
    else {
        return Decision::Nothing;
    };
    if saved
        .and_then(|s| s.snoozed_until)
        .is_some_and(|until| until > now)
    {
        return Decision::Nothing;
    }
    let already = saved
        .and_then(|s| s.notified.as_ref())
        .is_some_and(|n| n.health == health && n.reason_code == Some(reason));
    if already {
        Decision::Nothing
    } else {
        Decision::Notify { health, reason }
    }
}

/// Thresholds that turn "expires in N days" into "needs attention" from `lead_time` on.
pub fn lead_thresholds(lead_time: Duration) -> Thresholds {
    Thresholds {
        expiry_warning: lead_time,
        data_access_warning: lead_time,
    }
}

impl Service {
    fn state_file(&self) -> StateFile {
        StateFile::new(&self.store.profile)
    }

    /// Checks every channel (saving the results like `check`), then raises the reminders that
    /// are due. A notification the desktop cannot show is logged, not an error.
    pub async fn check_and_notify(
        &self,
        notifier: Arc<dyn Notifier>,
        lead_time: Duration,
    ) -> Result<NotifyOutcome, ServiceError> {
        let summary = self.check(None, None, CancellationToken::new()).await?;
        let notices = self.notify_due(&summary.views, notifier, lead_time).await?;
        Ok(NotifyOutcome { summary, notices })
    }

    /// Raises the reminders due for these channels (already checked) and records them.
    pub async fn notify_due(
        &self,
        views: &[ChannelView],
        notifier: Arc<dyn Notifier>,
        lead_time: Duration,
    ) -> Result<Vec<Notice>, ServiceError> {
        let now = Utc::now();
        let th = lead_thresholds(lead_time);
        let state = self.reminder_state().await?;
        let mut notices = Vec::new();
        let mut healthy = Vec::new();
        for view in views {
            let view = ChannelView::of(view.channel.clone(), now, &th);
            match decide(&view, state.channels.get(&view.channel.id), now) {
                Decision::Notify { health, reason } => {
                    notices.push(notice_for(&view, health, reason, now));
                }
                Decision::Forget => healthy.push(view.channel.id.clone()),
                Decision::Nothing => {}
            }
        }
        for notice in &mut notices {
            let (n, title, body) = (notifier.clone(), notice.title.clone(), notice.body.clone());
            match blocking(move || n.notify(&title, &body)).await? {
                Ok(()) => notice.delivered = true,
                Err(e) => tracing::info!(
                    channel = %notice.channel_id,
                    "desktop notification not shown ({e}); will try again next round"
                ),
            }
        }
        let delivered: Vec<NotifiedState> = notices
            .iter()
            .map(|n| NotifiedState {
                health: n.health,
                reason_code: n.reason_code,
                at: now,
            })
            .collect();
        let ids: Vec<(String, bool)> = notices
            .iter()
            .map(|n| (n.channel_id.clone(), n.delivered))
            .collect();
        let file = self.state_file();
        blocking(move || {
            file.update(|s| {
                for ((id, shown), notified) in ids.into_iter().zip(delivered) {
                    if shown {
                        s.channels.entry(id).or_default().notified = Some(notified);
                    }
                }
                for id in healthy {
                    if let Some(c) = s.channels.get_mut(&id) {
                        c.notified = None;
                    }
                }
                s.channels
                    .retain(|_, c| c.notified.is_some() || c.snoozed_until.is_some());
            })
        })
        .await??;
        Ok(notices)
    }

    /// No reminders for this channel until `until` (none: remind again now). Returns the channel.
    pub async fn snooze(
        &self,
        selector: &str,
        until: Option<DateTime<Utc>>,
    ) -> Result<crate::model::Channel, ServiceError> {
        let channel = self.channel(selector).await?;
        let (file, id) = (self.state_file(), channel.id.clone());
        blocking(move || {
            file.update(|s| match until {
                Some(t) => s.channels.entry(id).or_default().snoozed_until = Some(t),
                None => {
                    if let Some(c) = s.channels.get_mut(&id) {
                        c.snoozed_until = None;
                    }
                }
            })
        })
        .await??;
        tracing::info!(channel = %channel.id, until = ?until, "snooze");
        Ok(channel)
    }

    /// Reminder settings, snoozes and what was last notified, per channel id.
    pub async fn reminder_state(&self) -> Result<LocalState, ServiceError> {
        let file = self.state_file();
        Ok(blocking(move || file.load()).await??)
    }

    pub async fn set_reminder_settings(
        &self,
        settings: ReminderSettings,
    ) -> Result<(), ServiceError> {
        let file = self.state_file();
        Ok(blocking(move || file.update(|s| s.reminders = settings)).await??)
    }
}

fn notice_for(view: &ChannelView, health: Health, code: ReasonCode, now: DateTime<Utc>) -> Notice {
    let name = &view.channel.name;
    let reason = view
        .diagnosis
        .reasons
        .iter()
        .find(|r| r.code == code)
        .cloned();
    let (title, body) = super::notifier::notice_words(name, health, reason.as_ref(), now);
    Notice {
        channel_id: view.channel.id.clone(),
        channel_name: name.clone(),
        health,
        reason_code: Some(code),
        reason,
        title,
        body,
        delivered: false,
    }
}

/// The schedule the desktop app runs: a round at once, then one every `interval`, until
/// cancelled. To apply changed settings, cancel it and start a new one.
#[derive(Debug, Clone, Copy)]
pub struct Reminders {
    pub interval: std::time::Duration,
    pub lead_time: Duration,
}

impl Reminders {
    pub fn from_settings(s: ReminderSettings) -> Reminders {
        Reminders {
            interval: std::time::Duration::from_secs(u64::from(s.interval_hours.max(1)) * 3600),
            lead_time: Duration::days(i64::from(s.lead_days)),
        }
    }

    /// Runs rounds until `cancel`; each round's outcome (or error) goes to `rounds` when given.
    /// A failed round (keychain locked, disk full) is logged and retried at the next interval.
    pub async fn run(
        self,
        service: Arc<Service>,
        notifier: Arc<dyn Notifier>,
        cancel: CancellationToken,
        rounds: Option<mpsc::UnboundedSender<Result<NotifyOutcome, ServiceError>>>,
    ) {
        loop {
            let round = tokio::select! {
                r = service.check_and_notify(notifier.clone(), self.lead_time) => r,
                _ = cancel.cancelled() => return,
            };
            if let Err(e) = &round {
                tracing::warn!(error = %e, "reminder round failed");
            }
            if let Some(tx) = &rounds {
                let _ = tx.send(round);
            }
            tokio::select! {
                _ = tokio::time::sleep(self.interval) => {}
                _ = cancel.cancelled() => return,
            }
        }
    }
}

impl Reminders {
    /// Like `run`, but the first round waits until one interval after the catalog's last
    /// check, so opening the app does not check everything again each time.
    pub async fn run_when_due(
        self,
        service: Arc<Service>,
        notifier: Arc<dyn Notifier>,
        cancel: CancellationToken,
        rounds: Option<mpsc::UnboundedSender<Result<NotifyOutcome, ServiceError>>>,
    ) {
        let last = service.catalog().await.ok().and_then(|c| c.last_check_at);
        let wait = first_round_in(last, Utc::now(), self.interval);
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = cancel.cancelled() => return,
        }
        self.run(service, notifier, cancel, rounds).await;
    }
}

/// How long until the first round: due one `interval` after the last check, at once when
/// there was none or it is overdue.
pub fn first_round_in(
    last_check: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    interval: std::time::Duration,
) -> std::time::Duration {
    let Some(last) = last_check else {
        return std::time::Duration::ZERO;
    };
    let due = last + Duration::from_std(interval).unwrap_or(Duration::hours(6));
    (due - now).to_std().unwrap_or(std::time::Duration::ZERO)
}

impl Default for Reminders {
    fn default() -> Self {
        Reminders::from_settings(ReminderSettings::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_round_is_due_an_interval_after_the_last_check() {
        let now = Utc::now();
        let six = std::time::Duration::from_secs(6 * 3600);
        assert_eq!(first_round_in(None, now, six), std::time::Duration::ZERO);
        assert_eq!(
            first_round_in(Some(now - Duration::hours(7)), now, six),
            std::time::Duration::ZERO
        );
        let wait = first_round_in(Some(now - Duration::hours(1)), now, six);
        assert_eq!(wait.as_secs(), 5 * 3600);
    }
    use crate::model::{Channel, ChannelKind, Diagnosis, Reason, SecretRef, StoredToken};

    fn view(health: Health, codes: &[ReasonCode]) -> ChannelView {
        ChannelView {
            channel: Channel {
                id: "c1".into(),
                name: "Shoes".into(),
                kind: ChannelKind::Messenger,
                app_id: None,
                page_id: None,
                page_name: None,
                token: StoredToken {
                    secret: SecretRef("token-x".into()),
                    fingerprint: "sha256:aaaaaaaaaaaa".into(),
                    saved_at: Utc::now(),
                },
                previous_token: None,
                previous_report: None,
                last_report: None,
                last_failure: None,
                added_at: Utc::now(),
            },
            diagnosis: Diagnosis {
                health,
                reasons: codes.iter().map(|c| Reason::new(*c, "words")).collect(),
            },
        }
    }

    #[test]
    fn a_state_is_told_once_and_a_failed_check_is_not_news() {
        let now = Utc::now();
        let broken = view(Health::Broken, &[ReasonCode::PasswordChanged]);
        let notify = Decision::Notify {
            health: Health::Broken,
            reason: ReasonCode::PasswordChanged,
        };
        assert_eq!(decide(&broken, None, now), notify);
        let told = ChannelReminder {
            notified: Some(NotifiedState {
                health: Health::Broken,
                reason_code: Some(ReasonCode::PasswordChanged),
                at: now,
            }),
            snoozed_until: None,
        };
        assert_eq!(decide(&broken, Some(&told), now), Decision::Nothing);
        // The same broken token seen through a network failure is still the same news.
        let offline = view(
            Health::Broken,
            &[ReasonCode::NetworkError, ReasonCode::PasswordChanged],
        );
        assert_eq!(decide(&offline, Some(&told), now), Decision::Nothing);
        let only_failure = view(Health::NeedsAttention, &[ReasonCode::RateLimited]);
        assert_eq!(decide(&only_failure, None, now), Decision::Nothing);
        assert_eq!(
            decide(&view(Health::Healthy, &[]), Some(&told), now),
            Decision::Forget
        );
        let snoozed = ChannelReminder {
            notified: None,
            snoozed_until: Some(now + Duration::hours(1)),
        };
        assert_eq!(decide(&broken, Some(&snoozed), now), Decision::Nothing);
    }
}
