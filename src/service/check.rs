//! Checking channels online: one or all, a bounded number at a time, backing off when Meta says
//! to slow down, reporting each result as it arrives, saving results in batches.

use chrono::Utc;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tokio::sync::{Semaphore, mpsc};
use tokio_util::sync::CancellationToken;

use super::history::health_change;
use super::{ChannelView, Service, ServiceError, blocking, sort_by_urgency};
use crate::graph::check_all::{BatchCheck, Finished, check_all};
use crate::graph::{AppCredentials, CheckRequest, GraphClient, GraphError, check_token};
use crate::model::{Channel, CheckFailure, FailureCause, FailureKind, Health, Secret, TokenReport};
use crate::store::Catalog;

/// How many checks run at once: enough to be quick, few enough not to trip Meta's limits.
const CONCURRENCY: usize = 4;
/// From this many channels with their app's secret, check-all sends its calls in Graph batch
/// requests (`graph::check_all`). Fewer are checked one by one, four at a time: as quick, and
/// each result shows as soon as it is known.
const BATCH_FROM: usize = 10;
/// Results are written to the catalog this many at a time (one write per channel is too slow
/// for thousands of channels).
const SAVE_BATCH: usize = 50;

#[derive(Debug, Clone)]
pub enum CheckProgress {
    Started {
        total: usize,
    },
    Checked {
        view: Box<ChannelView>,
        done: usize,
        total: usize,
    },
}

#[derive(Debug, Clone)]
pub struct CheckSummary {
    pub views: Vec<ChannelView>,
    /// Channels whose check could not be made (network, Meta's servers, rate limits).
    pub failed: usize,
    pub cancelled: bool,
    /// On a workspace: channels whose result was not saved because someone changed them (a
    /// renewal) while they were checked; the result was about their old token.
    pub changed_meanwhile: usize,
}

impl CheckSummary {
    /// Exit code of `check` (design.md): 2 something broken, else 3 a check failed, else 1
    /// attention, else 0.
    pub fn exit_code(&self) -> i32 {
        monitoring_exit_code(&self.views, self.failed > 0)
    }
}

/// The monitoring-plugin order (Nagios): a broken channel is the news even when another check
/// could not be made, so 2 wins over 3; a failed check wins over "needs attention" because the
/// facts behind an attention may be stale. `check_failed` adds failures not visible in `views`.
pub fn monitoring_exit_code(views: &[ChannelView], check_failed: bool) -> i32 {
    let worst = health_exit_code(views.iter().map(|v| v.diagnosis.health));
    let failed = check_failed || views.iter().any(|v| v.channel.last_failure.is_some());
    match worst {
        2 => 2,
        _ if failed => 3,
        other => other,
    }
}

/// 2 broken, else 1 needs attention or never checked, else 0; failed checks are not seen here
/// (see `monitoring_exit_code`).
pub fn health_exit_code(healths: impl Iterator<Item = Health>) -> i32 {
    healths
        .map(|h| match h {
            Health::Healthy => 0,
            Health::NeedsAttention | Health::Unknown => 1,
            Health::Broken => 2,
        })
        .max()
        .unwrap_or(0)
}

type Outcome = (String, String, Result<TokenReport, CheckFailure>);

impl Service {
    /// Checks one channel (`selector`) or all, saves the results and returns them.
    pub async fn check(
        &self,
        selector: Option<&str>,
        progress: Option<mpsc::UnboundedSender<CheckProgress>>,
        cancel: CancellationToken,
    ) -> Result<CheckSummary, ServiceError> {
        let catalog = self.catalog().await?;
        let channels: Vec<Channel> = match selector {
            Some(sel) => vec![
                catalog
                    .channel(sel)
                    .cloned()
                    .ok_or_else(|| ServiceError::NotFound(sel.to_string()))?,
            ],
            None => catalog.channels.clone(),
        };
        let total = channels.len();
        let send = |p: CheckProgress| {
            if let Some(tx) = &progress {
                let _ = tx.send(p);
            }
        };
        send(CheckProgress::Started { total });

        // Secrets are read up front: a keychain that is locked or gone stops the run with its own
        // message instead of turning every channel into a failure.
        let mut apps: HashMap<String, Option<AppCredentials>> = HashMap::new();
        for app in &catalog.apps {
            apps.insert(app.id.clone(), self.credentials(Some(app)).await?);
        }
        let limit = Arc::new(Semaphore::new(CONCURRENCY));
        let slow_down = Arc::new(AtomicBool::new(false));
        let mut tasks = tokio::task::JoinSet::new();
        let (results, mut arriving) = mpsc::unbounded_channel::<Outcome>();
        let app_of = |channel: &Channel| {
            channel
                .app_id
                .as_ref()
                .and_then(|id| apps.get(id).cloned().flatten())
        };
        let batchable =
            |app: &Option<AppCredentials>| app.as_ref().is_some_and(|a| a.secret.is_some());
        let batched = selector.is_none()
            && channels.iter().filter(|c| batchable(&app_of(c))).count() >= BATCH_FROM;
        let mut batch = Vec::new();
        // All tokens in one trip to the blocking pool and one read of the store (see `get_all`).
        let (secrets, refs) = (
            self.secrets(),
            channels
                .iter()
                .map(|c| c.token.secret.clone())
                .collect::<Vec<_>>(),
        );
        let tokens: Vec<Secret> = blocking(move || secrets.get_all(&refs)).await??;
        for (channel, token) in channels.into_iter().zip(tokens) {
            let app = app_of(&channel);
            if batched && batchable(&app) {
                batch.push((channel, token, app));
                continue;
            }
            let (graph, limit, slow_down, cancel, results) = (
                self.graph().clone(),
                limit.clone(),
                slow_down.clone(),
                cancel.clone(),
                results.clone(),
            );
            tasks.spawn(async move {
                let _permit = limit.acquire_owned().await;
                if cancel.is_cancelled() {
                    return;
                }
                let result = if slow_down.load(Ordering::Relaxed) {
                    // Meta asked us to slow down: do not add to it; these stay at their last facts.
                    Err(CheckFailure {
                        kind: FailureKind::RateLimited,
                        at: Utc::now(),
                        detail: "not checked because Facebook asked to slow down".into(),
                        cause: Some(FailureCause::SlowedDown),
                        graph_error: None,
                        retry_after_minutes: None,
                    })
                } else {
                    let outcome = tokio::select! {
                        r = check_one(&graph, &channel, &token, app.as_ref()) => r,
                        _ = cancel.cancelled() => return,
                    };
                    outcome.map_err(|e| {
                        if e.is_rate_limit() {
                            slow_down.store(true, Ordering::Relaxed);
                        }
                        e.to_failure(Utc::now())
                    })
                };
                let _ = results.send((
                    channel.id.clone(),
                    channel.token.fingerprint.clone(),
                    result,
                ));
            });
        }
        if !batch.is_empty() {
            tasks.spawn(check_batched(
                self.graph().clone(),
                batch,
                results.clone(),
                cancel.clone(),
            ));
        }
        drop(results);

        let now = Utc::now();
        // Each save rewrites the whole catalog: thousands of channels are saved in eighths.
        let save_every = SAVE_BATCH.max(total / 8);
        let mut views = Vec::with_capacity(total);
        let mut pending: Vec<Outcome> = Vec::new();
        let mut failed = 0;
        let mut done = 0;
        let mut changed_meanwhile = 0;
        while let Some(outcome) = arriving.recv().await {
            done += 1;
            if outcome.2.is_err() {
                failed += 1;
            }
            if let Some(view) = catalog
                .channel(&outcome.0)
                .cloned()
                .map(|c| ChannelView::of(apply(c, &outcome), now, &self.thresholds))
            {
                crate::logging::checked(&view);
                send(CheckProgress::Checked {
                    view: Box::new(view.clone()),
                    done,
                    total,
                });
                views.push(view);
            }
            pending.push(outcome);
            if pending.len() >= save_every {
                changed_meanwhile += self.save_results(std::mem::take(&mut pending)).await?;
            }
        }
        changed_meanwhile += self.save_results(pending).await?;
        if changed_meanwhile > 0 {
            // Show those channels as they are now (their new token), not with a result about
            // the token they had.
            let now_saved = self.catalog().await?;
            for view in &mut views {
                if let Some(current) = now_saved.channel(&view.channel.id)
                    && current.token.fingerprint != view.channel.token.fingerprint
                {
                    *view = ChannelView::of(current.clone(), now, &self.thresholds);
                }
            }
        }
        self.remember_server_clock().await;
        sort_by_urgency(&mut views);
        Ok(CheckSummary {
            views,
            failed,
            cancelled: cancel.is_cancelled(),
            changed_meanwhile,
        })
    }

    /// Checks one channel again (after a change to it) and returns how it looks now.
    pub async fn recheck(&self, channel_id: &str) -> Result<ChannelView, ServiceError> {
        self.check(Some(channel_id), None, CancellationToken::new())
            .await?
            .views
            .into_iter()
            .next()
            .ok_or_else(|| ServiceError::NotFound(channel_id.to_string()))
    }

    /// Saves the results per channel (see `CatalogFile::update_per_channel`); returns how many
    /// were dropped because their channel changed meanwhile.
    async fn save_results(&self, outcomes: Vec<Outcome>) -> Result<usize, ServiceError> {
        if outcomes.is_empty() {
            return Ok(0);
        }
        let store = self.store.clone();
        let th = self.thresholds;
        let ((), skipped) = blocking(move || {
            store
                .catalog
                .update_per_channel(|c: &mut Catalog| -> Result<(), ServiceError> {
                    let mut changes = Vec::new();
                    for outcome in &outcomes {
                        // A channel renewed while it was being checked keeps its new facts.
                        if let Some(ch) = c
                            .channels
                            .iter_mut()
                            .find(|ch| ch.id == outcome.0 && ch.token.fingerprint == outcome.1)
                        {
                            let before = ch.clone();
                            *ch = apply(ch.clone(), outcome);
                            changes.extend(health_change(&before, ch, Utc::now(), &th));
                        }
                    }
                    c.last_check_at = Some(Utc::now());
                    c.history.extend(changes);
                    Ok(())
                })
        })
        .await??;
        Ok(skipped)
    }
}

fn apply(mut channel: Channel, outcome: &Outcome) -> Channel {
    match &outcome.2 {
        Ok(report) => {
            channel.last_report = Some(Box::new(report.clone()));
            channel.last_failure = None;
        }
        Err(failure) => channel.last_failure = Some(Box::new(failure.clone())),
    }
    channel
}

/// Check-all's channels with their app's secret, through Graph batch requests; each result goes
/// to `results` as it is known.
async fn check_batched(
    graph: GraphClient,
    batch: Vec<(Channel, Secret, Option<AppCredentials>)>,
    results: mpsc::UnboundedSender<Outcome>,
    cancel: CancellationToken,
) {
    let (channels, items): (Vec<Channel>, Vec<BatchCheck>) = batch
        .into_iter()
        .filter_map(|(channel, token, app)| {
            let item = BatchCheck {
                token,
                kind: channel.kind,
                app: app?,
                page_id: channel.page_id.clone(),
                user_id: channel.last_report.as_ref().and_then(|r| r.user_id.clone()),
            };
            Some((channel, item))
        })
        .unzip();
    let (done, mut finished) = mpsc::unbounded_channel::<Finished>();
    let forward = async {
        while let Some((i, result)) = finished.recv().await {
            let channel: &Channel = &channels[i];
            let result = result.map(|report| keep_names(report, channel));
            let _ = results.send((
                channel.id.clone(),
                channel.token.fingerprint.clone(),
                result,
            ));
        }
    };
    let (stats, ()) = tokio::join!(check_all(&graph, items, done, cancel), forward);
    tracing::info!(
        channels = channels.len(),
        batch_requests = stats.batch_requests,
        batched_calls = stats.batched_calls,
        single_checks = stats.single_checks,
        peak_app_usage = stats.peak_app_usage,
        "checked in batches"
    );
}

pub(crate) async fn check_one(
    graph: &crate::graph::GraphClient,
    channel: &Channel,
    token: &Secret,
    app: Option<&AppCredentials>,
) -> Result<TokenReport, GraphError> {
    let report = check_token(
        graph,
        &CheckRequest {
            token,
            kind: channel.kind,
            app,
            page_id: channel.page_id.as_deref(),
        },
    )
    .await?;
    Ok(keep_names(report, channel))
}

/// Keeps the names learnt when the channel was added; the debugger does not return them.
fn keep_names(mut report: TokenReport, channel: &Channel) -> TokenReport {
    if report.profile_name.is_none() && report.profile_id == channel.page_id {
        report.profile_name = channel.page_name.clone();
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Thresholds;
    use crate::model::channel::{sample_channel, sample_page_report};

    fn view(valid: Option<bool>, failed: bool) -> ChannelView {
        let report = valid.map(sample_page_report);
        let channel = sample_channel(report, failed.then(Utc::now));
        ChannelView::of(channel, Utc::now(), &Thresholds::default())
    }

    #[test]
    fn a_broken_channel_is_the_news_even_when_another_check_failed() {
        let broken = view(Some(false), false);
        let unreachable = view(Some(true), true);
        let healthy = view(Some(true), false);
        let never_checked = view(None, false);
        assert_eq!(
            monitoring_exit_code(&[broken.clone(), unreachable.clone()], true),
            2
        );
        assert_eq!(
            monitoring_exit_code(&[unreachable.clone(), never_checked.clone()], false),
            3
        );
        assert_eq!(
            monitoring_exit_code(std::slice::from_ref(&healthy), true),
            3
        );
        assert_eq!(
            monitoring_exit_code(&[healthy.clone(), never_checked], false),
            1
        );
        assert_eq!(monitoring_exit_code(&[healthy], false), 0);
        assert_eq!(monitoring_exit_code(&[], false), 0);
    }
}
