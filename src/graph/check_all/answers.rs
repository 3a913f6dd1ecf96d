//! What a run does with each answer: a batch's items, a single check's result, a limit.

use std::time::Instant;

use chrono::Utc;
use serde_json::Value;

use super::{Done, MAX_WAIT, Op, Run, Scope, ScopeState, Single, regain, usage_failure};
use crate::graph::check::{instagram_from, parse_debug_data, webhook_from};
use crate::graph::error::GraphError;
use crate::graph::pacing::STOP_AT;
use crate::graph::usage::Usage;
use crate::model::{ChannelKind, CheckFailure, TokenReport};

impl Run {
    pub(super) fn handle(&mut self, finished: Done) {
        match finished {
            Done::Single { job, kind, result } => {
                self.singles_in_flight -= 1;
                self.single_answer(job, kind, *result);
            }
            Done::Batch {
                app,
                mark,
                ops,
                answer,
            } => {
                if let Some(n) = self.in_flight.get_mut(&app) {
                    *n -= 1;
                }
                self.stats.batch_requests += 1;
                self.stats.batched_calls += ops.len();
                match answer {
                    Ok(answer) => {
                        let pacer = self.pacers.entry(app).or_default();
                        pacer.observe(mark, answer.usage.app_percent);
                        for ((j, op), (result, usage)) in ops.into_iter().zip(answer.items) {
                            self.page_usage(j, &usage);
                            self.op_answer(j, op, result);
                        }
                    }
                    Err(e) if e.is_rate_limit() => {
                        for (j, op) in ops {
                            self.limited(j, op, &e);
                        }
                    }
                    // Already retried by the client: what a single check would report.
                    Err(e) if e.is_transient() => {
                        let failure = e.to_failure(Utc::now());
                        for (j, _) in ops {
                            self.finish(j, Err(failure.clone()));
                        }
                    }
                    // The batch itself was refused: each check on its own.
                    Err(_) => {
                        for (j, _) in ops {
                            self.check_alone(j, Single::Whole);
                        }
                    }
                }
            }
        }
    }

    /// A Page near its limit stops before it: its calls wait for Meta's time to regain access.
    fn page_usage(&mut self, j: usize, usage: &Usage) {
        let Some(page) = self.jobs[j].page().map(str::to_string) else {
            return;
        };
        let pct = usage
            .object(&page)
            .map(|o| o.percent)
            .into_iter()
            .chain(usage.page_percent)
            .max();
        if pct.is_some_and(|p| p >= STOP_AT) {
            let minutes = usage.object(&page).and_then(|o| o.regain_minutes);
            let until = Instant::now() + regain(minutes);
            if regain(minutes) > MAX_WAIT {
                let failure = CheckFailure {
                    retry_after_minutes: minutes,
                    ..usage_failure(f64::from(pct.unwrap_or(STOP_AT)))
                };
                self.scopes
                    .insert(Scope::Page(page), ScopeState::Ended(failure));
            } else {
                self.scopes
                    .insert(Scope::Page(page), ScopeState::Paused(until));
            }
        }
    }

    pub(super) fn op_answer(&mut self, j: usize, op: Op, result: Result<Value, GraphError>) {
        let job = &self.jobs[j];
        if job.finished || job.whole {
            return;
        }
        match op {
            Op::Debug => match result {
                Ok(v) => match v.get("data").filter(|d| d.is_object()) {
                    Some(data) => self.debugged(j, parse_debug_data(data)),
                    None => self.check_alone(j, Single::Whole),
                },
                Err(e) if e.is_rate_limit() => self.limited(j, op, &e),
                Err(e) if refused_in_batch(&e) => {
                    self.debug_in_batch = false;
                    self.check_alone(j, Single::Debug);
                }
                Err(_) => self.check_alone(j, Single::Whole),
            },
            Op::Instagram => match instagram_from(result) {
                Ok(id) => {
                    if let Some(r) = self.jobs[j].report.as_mut() {
                        r.instagram_account_id = id;
                    }
                    self.follow_up_done(j);
                }
                Err(e) => self.follow_up_failed(j, op, &e),
            },
            Op::Both => self.both_answered(j, result),
            Op::Webhook => {
                let app_id = self.jobs[j].item.app.id.clone();
                match webhook_from(result, &app_id) {
                    Ok(state) => {
                        if let Some(r) = self.jobs[j].report.as_mut() {
                            r.webhook = state;
                        }
                        self.follow_up_done(j);
                    }
                    Err(e) => self.follow_up_failed(j, op, &e),
                }
            }
        }
    }

    fn both_answered(&mut self, j: usize, result: Result<Value, GraphError>) {
        let app_id = self.jobs[j].item.app.id.clone();
        match result {
            Err(e) if e.is_rate_limit() => return self.limited(j, Op::Both, &e),
            Err(e) if e.is_transient() => return self.check_alone(j, Single::Whole),
            Ok(v) if v.get("subscribed_apps").is_some() => {
                let account = instagram_from(Ok(v.clone()));
                let webhook = webhook_from(Ok(v["subscribed_apps"].clone()), &app_id);
                if let (Ok(account), Ok(webhook)) = (account, webhook) {
                    if let Some(r) = self.jobs[j].report.as_mut() {
                        r.instagram_account_id = account;
                        r.webhook = webhook;
                    }
                    return self.follow_up_done(j);
                }
            }
            // The field was left out or is unknown: Graph does not expand this edge.
            Ok(_) => self.expansion = false,
            Err(e)
                if e.graph_error()
                    .is_some_and(|g| g.message.contains("nonexisting field")) =>
            {
                self.expansion = false
            }
            // E.g. a missing permission for one of the two: asked apart, each answers for itself.
            Err(_) => {}
        }
        self.jobs[j].waiting = 2;
        self.queue.push_front((j, Op::Webhook));
        self.queue.push_front((j, Op::Instagram));
    }

    fn single_answer(&mut self, j: usize, kind: Single, result: Result<TokenReport, GraphError>) {
        match (kind, result) {
            (Single::Debug, Ok(report)) => self.debugged(j, report),
            (Single::Debug, Err(e)) if e.is_rate_limit() => self.limited(j, Op::Debug, &e),
            (Single::Debug, Err(_)) => self.check_alone(j, Single::Whole),
            (Single::Whole, Ok(report)) => self.finish(j, Ok(report)),
            (Single::Whole, Err(e)) => {
                let failure = e.to_failure(Utc::now());
                if let Some(code) = e
                    .graph_error()
                    .map(|g| g.code)
                    .filter(|_| e.is_rate_limit())
                {
                    let scope = self.jobs[j].scope_of_limit(code);
                    self.scopes
                        .insert(scope, ScopeState::Ended(failure.clone()));
                }
                self.finish(j, Err(failure));
            }
        }
    }

    /// `debug_token` answered: the follow-up calls of `check_token`, batched.
    fn debugged(&mut self, j: usize, mut report: TokenReport) {
        if self.jobs[j].finished || self.jobs[j].whole {
            return;
        }
        report.checked_at = Some(Utc::now());
        let valid = report.is_valid == Some(true);
        let kind = self.jobs[j].item.kind;
        let mut follow = Vec::new();
        if valid && kind == ChannelKind::Instagram {
            follow.push(Op::Instagram);
        }
        if valid && kind.needs_webhook() {
            follow.push(Op::Webhook);
        }
        if self.expansion && follow == [Op::Instagram, Op::Webhook] {
            follow = vec![Op::Both];
        }
        let job = &mut self.jobs[j];
        job.report = Some(report);
        job.waiting = follow.len() as u8;
        if follow.is_empty() {
            let report = job.report.take();
            if let Some(r) = report {
                self.finish(j, Ok(r));
            }
            return;
        }
        // First in the queue: a channel half done is finished before new ones start.
        for op in follow.into_iter().rev() {
            self.queue.push_front((j, op));
        }
    }

    fn follow_up_done(&mut self, j: usize) {
        let job = &mut self.jobs[j];
        job.waiting = job.waiting.saturating_sub(1);
        if job.waiting == 0
            && let Some(r) = job.report.take()
        {
            self.finish(j, Ok(r));
        }
    }

    fn follow_up_failed(&mut self, j: usize, op: Op, e: &GraphError) {
        if e.is_rate_limit() {
            self.limited(j, op, e);
        } else {
            // A fault inside the batch: the single check retries it with backoff.
            self.check_alone(j, Single::Whole);
        }
    }

    /// A limit answer: its scope waits for Meta's time to regain access when that is short,
    /// else its channels end as rate-limited, as a single check reports it.
    fn limited(&mut self, j: usize, op: Op, e: &GraphError) {
        let code = e.graph_error().map_or(4, |g| g.code);
        let scope = self.jobs[j].scope_of_limit(code);
        let minutes = match e {
            GraphError::Api {
                retry_after_minutes,
                ..
            } => *retry_after_minutes,
            _ => None,
        };
        let wait = regain(minutes);
        let job = &mut self.jobs[j];
        if minutes.is_some() && wait <= MAX_WAIT && job.retries < 3 {
            job.retries += 1;
            self.scopes
                .insert(scope, ScopeState::Paused(Instant::now() + wait));
            self.queue.push_back((j, op));
        } else {
            let failure = e.to_failure(Utc::now());
            self.scopes
                .insert(scope, ScopeState::Ended(failure.clone()));
            self.finish(j, Err(failure));
        }
    }
}

/// Graph does not take this call inside a batch, or ignored the op's body (so the token to look
/// at never arrived): a refusal of the way of asking, not an answer about the token.
fn refused_in_batch(e: &GraphError) -> bool {
    crate::graph::debug_call::is_refusal(e)
        || e.graph_error()
            .is_some_and(|g| g.message.contains("parameter input_token is required"))
}

#[cfg(test)]
mod tests {
    use super::super::{BatchCheck, Finished, Gate};
    use super::*;
    use crate::graph::{AppCredentials, GraphClient, GraphConfig};
    use crate::model::{FailureKind, GraphErrorInfo, Secret};
    use tokio::sync::mpsc;

    fn limit(code: i64, minutes: Option<i64>) -> GraphError {
        GraphError::Api {
            status: 400,
            error: Box::new(GraphErrorInfo {
                code,
                subcode: None,
                message: format!("(#{code}) request limit reached"),
                user_title: None,
                user_message: None,
                fbtrace_id: None,
            }),
            retry_after_minutes: minutes,
        }
    }

    fn run_of(pages: &[&str]) -> (Run, mpsc::UnboundedReceiver<Finished>) {
        let client = GraphClient::new(GraphConfig::default()).unwrap();
        let app = AppCredentials {
            id: "1".into(),
            secret: Some(Secret::new("s")),
        };
        let items = pages
            .iter()
            .map(|p| BatchCheck {
                token: Secret::new("t"),
                kind: ChannelKind::Messenger,
                app: app.clone(),
                page_id: Some(p.to_string()),
                user_id: None,
            })
            .collect();
        let (tx, rx) = mpsc::unbounded_channel();
        (Run::new(&client, items, tx), rx)
    }

    #[tokio::test]
    async fn a_short_wait_pauses_the_scope_and_asks_again_a_long_one_ends_it() {
        let (mut run, mut rx) = run_of(&["501", "502", "503"]);
        run.queue.clear();
        // Page 501: Meta says one minute: paused, and the call is asked again after it.
        run.limited(0, Op::Webhook, &limit(80001, Some(1)));
        assert!(matches!(
            run.scopes.get(&Scope::Page("501".into())),
            Some(ScopeState::Paused(_))
        ));
        assert_eq!(run.queue, [(0, Op::Webhook)]);
        assert!(rx.try_recv().is_err());
        // Page 502: an hour, longer than a run waits: that channel ends rate-limited.
        run.limited(1, Op::Webhook, &limit(32, Some(60)));
        let (j, result) = rx.try_recv().unwrap();
        let failure = result.unwrap_err();
        assert_eq!(j, 1);
        assert_eq!(failure.kind, FailureKind::RateLimited);
        assert_eq!(failure.retry_after_minutes, Some(60));
        // Page 503 carries on; 501 waits.
        let now = Instant::now();
        assert!(matches!(run.gate(2, now), Gate::Go));
        assert!(matches!(run.gate(0, now), Gate::Wait(_)));
        // The app's limit without a time stops every channel of the app.
        run.limited(2, Op::Debug, &limit(4, None));
        assert!(matches!(run.gate(0, now), Gate::End(_)));
    }
}
