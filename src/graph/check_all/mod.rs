//! Checking many channels at once with Graph batch requests (reference §7): the same check as
//! `check::check_token`, its calls carried up to 50 to a request, several requests in flight,
//! paced by Meta's usage headers (`pacing`). A rate limit stops only its scope: code 4 the app's
//! channels, 17 the user's, 32 and the 800xx codes the Page's; the others go on. A channel whose
//! answer is anything but plain (a caller error, an odd answer, a fault) is checked again on its
//! own with `check_token`, so its result is exactly what a single check gives. When Graph refuses
//! `debug_token` inside a batch, those calls go singly (POST with `method=GET`) and the rest stay
//! batched.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use chrono::Utc;
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

mod answers;

use super::batch::{self, BatchAnswer, BatchOp, MAX_OPS};
use super::check::{AppCredentials, CheckRequest, INSTAGRAM_FIELD, check_token, debug_token};
use super::client::{GraphClient, appsecret_proof};
use super::error::GraphError;
use super::pacing::{Allowance, IN_FLIGHT, Pacer, STOP_AT};
use crate::model::{ChannelKind, CheckFailure, FailureCause, FailureKind, Secret, TokenReport};

/// One channel to check; its app's secret must be known (the app token is every batch's caller).
pub struct BatchCheck {
    pub token: Secret,
    pub kind: ChannelKind,
    pub app: AppCredentials,
    pub page_id: Option<String>,
    /// The token's user when an earlier check learnt it (for user-level limits).
    pub user_id: Option<String>,
}

/// A finished channel: its index in the list given, and its report or why it was not checked.
pub type Finished = (usize, Result<TokenReport, CheckFailure>);

/// What a run sent (for benchmarks and logs).
#[derive(Debug, Clone, Default)]
pub struct RunStats {
    pub batch_requests: usize,
    pub batched_calls: usize,
    /// Channels (or their `debug_token` calls) checked on their own.
    pub single_checks: usize,
    /// The highest `X-App-Usage` percentage seen.
    pub peak_app_usage: u32,
}

/// The longest a run waits for a limit to pass; a longer wait ends those channels' checks as
/// rate-limited, with Meta's time to try again.
pub const MAX_WAIT: Duration = Duration::from_secs(120);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Debug,
    Instagram,
    Webhook,
    /// Both of an Instagram channel's questions in one call: the Page's linked account and, by
    /// field expansion, its `subscribed_apps` edge.
    Both,
}

/// `Op::Both`'s fields.
const BOTH_FIELDS: &str = "instagram_business_account,subscribed_apps";

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Scope {
    App(String),
    User(String),
    Page(String),
}

enum ScopeState {
    Paused(Instant),
    Ended(CheckFailure),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Single {
    /// Only `debug_token` (refused inside a batch); the other calls stay batched.
    Debug,
    /// The whole check, as `check_token` makes it.
    Whole,
}

enum Done {
    Batch {
        app: String,
        mark: u64,
        ops: Vec<(usize, Op)>,
        answer: Result<BatchAnswer, GraphError>,
    },
    Single {
        job: usize,
        kind: Single,
        // Boxed: a report is much larger than a batch's answer handle.
        result: Box<Result<TokenReport, GraphError>>,
    },
}

struct Job {
    item: BatchCheck,
    app_token: Secret,
    report: Option<TokenReport>,
    /// Follow-up calls still out.
    waiting: u8,
    whole: bool,
    finished: bool,
    retries: u8,
}

impl Job {
    fn page(&self) -> Option<&str> {
        self.item
            .page_id
            .as_deref()
            .or_else(|| self.report.as_ref()?.profile_id.as_deref())
    }

    fn scopes(&self) -> Vec<Scope> {
        let user = self
            .report
            .as_ref()
            .and_then(|r| r.user_id.clone())
            .or_else(|| self.item.user_id.clone());
        [
            Some(Scope::App(self.item.app.id.clone())),
            user.map(Scope::User),
            self.page().map(|p| Scope::Page(p.to_string())),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// The scope a limit code stops (reference §2); an unknown user or Page falls back to the app.
    fn scope_of_limit(&self, code: i64) -> Scope {
        let user = self.report.as_ref().and_then(|r| r.user_id.clone());
        match code {
            17 => user.or_else(|| self.item.user_id.clone()).map(Scope::User),
            32 | 80000..=80999 => self.page().map(|p| Scope::Page(p.to_string())),
            _ => None,
        }
        .unwrap_or_else(|| Scope::App(self.item.app.id.clone()))
    }
}

/// Checks every item and sends each result to `done` as it is known.
pub async fn check_all(
    client: &GraphClient,
    items: Vec<BatchCheck>,
    done: mpsc::UnboundedSender<Finished>,
    cancel: CancellationToken,
) -> RunStats {
    let mut run = Run::new(client, items, done);
    loop {
        let wake = run.start_what_may_go();
        if run.tasks.is_empty() {
            if run.queue.is_empty() && run.singles.is_empty() {
                break;
            }
            if wake.is_none() {
                // Nothing can go and nothing will change: never wait forever.
                run.end_the_rest("Tokenwarden could not schedule this check; try again");
                break;
            }
        }
        let sleep = async {
            match wake {
                Some(at) => tokio::time::sleep_until(at.into()).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            Some(joined) = run.tasks.join_next() => {
                if let Ok(finished) = joined {
                    run.handle(finished);
                }
            }
            _ = sleep => {}
            _ = cancel.cancelled() => break,
        }
    }
    run.stats.peak_app_usage = run.pacers.values().map(|p| p.peak).max().unwrap_or(0);
    run.stats
}

struct Run {
    client: GraphClient,
    jobs: Vec<Job>,
    queue: VecDeque<(usize, Op)>,
    singles: VecDeque<(usize, Single)>,
    scopes: HashMap<Scope, ScopeState>,
    pacers: HashMap<String, Pacer>,
    in_flight: HashMap<String, usize>,
    singles_in_flight: usize,
    debug_in_batch: bool,
    /// Graph answers an edge asked as a field (until it shows it does not).
    expansion: bool,
    tasks: JoinSet<Done>,
    done: mpsc::UnboundedSender<Finished>,
    stats: RunStats,
}

/// What may happen to a queued call now.
enum Gate {
    Go,
    Wait(Instant),
    End(CheckFailure),
}

impl Run {
    fn new(
        client: &GraphClient,
        items: Vec<BatchCheck>,
        done: mpsc::UnboundedSender<Finished>,
    ) -> Run {
        let jobs = items
            .into_iter()
            .map(|item| Job {
                app_token: item.app.app_token().unwrap_or_else(|| Secret::new("")),
                item,
                report: None,
                waiting: 0,
                whole: false,
                finished: false,
                retries: 0,
            })
            .collect::<Vec<_>>();
        let mut run = Run {
            client: client.clone(),
            queue: (0..jobs.len()).map(|j| (j, Op::Debug)).collect(),
            jobs,
            singles: VecDeque::new(),
            scopes: HashMap::new(),
            pacers: HashMap::new(),
            in_flight: HashMap::new(),
            singles_in_flight: 0,
            debug_in_batch: true,
            expansion: true,
            tasks: JoinSet::new(),
            done,
            stats: RunStats::default(),
        };
        // A channel without the app's secret cannot be a batch's caller: checked on its own.
        let jobs = &run.jobs;
        run.queue.retain(|(j, _)| !jobs[*j].app_token.is_empty());
        for j in 0..run.jobs.len() {
            if run.jobs[j].app_token.is_empty() {
                run.check_alone(j, Single::Whole);
            }
        }
        run
    }

    fn finish(&mut self, j: usize, result: Result<TokenReport, CheckFailure>) {
        let job = &mut self.jobs[j];
        if job.finished {
            return;
        }
        job.finished = true;
        let _ = self.done.send((j, result));
    }

    fn check_alone(&mut self, j: usize, kind: Single) {
        let job = &mut self.jobs[j];
        if job.finished || job.whole {
            return;
        }
        if kind == Single::Whole {
            job.whole = true;
            job.report = None;
        }
        self.singles.push_back((j, kind));
    }

    fn end_the_rest(&mut self, detail: &str) {
        let failure = CheckFailure {
            kind: FailureKind::Service,
            at: Utc::now(),
            detail: detail.into(),
            cause: Some(FailureCause::NotScheduled),
            graph_error: None,
            retry_after_minutes: None,
        };
        for j in 0..self.jobs.len() {
            self.finish(j, Err(failure.clone()));
        }
    }

    fn gate(&self, j: usize, now: Instant) -> Gate {
        let mut wait = None;
        for scope in self.jobs[j].scopes() {
            match self.scopes.get(&scope) {
                Some(ScopeState::Ended(f)) => return Gate::End(f.clone()),
                Some(ScopeState::Paused(until)) if *until > now => {
                    wait = wait.max(Some(*until));
                }
                _ => {}
            }
        }
        wait.map_or(Gate::Go, Gate::Wait)
    }

    /// Starts every single check and batch that may go now; returns when to look again.
    fn start_what_may_go(&mut self) -> Option<Instant> {
        let now = Instant::now();
        let mut wake: Option<Instant> = None;
        let mut soonest = |at: Instant, wake: &mut Option<Instant>| {
            *wake = Some(wake.map_or(at, |w| w.min(at)));
        };
        // Calls on a closed job, or of a scope that ended, leave the queue first.
        let mut kept = VecDeque::with_capacity(self.queue.len());
        while let Some((j, op)) = self.queue.pop_front() {
            let job = &self.jobs[j];
            if job.finished || job.whole {
                continue;
            }
            match self.gate(j, now) {
                Gate::End(f) => self.finish(j, Err(f)),
                Gate::Wait(at) => {
                    soonest(at, &mut wake);
                    kept.push_back((j, op));
                }
                Gate::Go if op == Op::Debug && !self.debug_in_batch => {
                    self.check_alone(j, Single::Debug)
                }
                Gate::Go => kept.push_back((j, op)),
            }
        }
        self.queue = kept;
        self.start_singles(now, &mut wake, &mut soonest);

        let mut apps: Vec<String> = Vec::new();
        for (j, _) in &self.queue {
            let app = &self.jobs[*j].item.app.id;
            if !apps.contains(app) {
                apps.push(app.clone());
            }
        }
        for app in apps {
            loop {
                let pacer = self.pacers.entry(app.clone()).or_default();
                if pacer.stopped_for(now) > MAX_WAIT {
                    let pct = pacer.predicted().unwrap_or(f64::from(STOP_AT));
                    self.scopes.insert(
                        Scope::App(app.clone()),
                        ScopeState::Ended(usage_failure(pct)),
                    );
                    // Its queued calls end at the next look, which is now.
                    soonest(now, &mut wake);
                    break;
                }
                let in_flight = self.in_flight.get(&app).copied().unwrap_or(0);
                match pacer.allowance(in_flight, now) {
                    Allowance::Send(n) => {
                        if !self.start_batch(&app, n, now) {
                            break;
                        }
                    }
                    Allowance::AwaitAnswer => break,
                    Allowance::Until(at) => {
                        soonest(at, &mut wake);
                        break;
                    }
                }
            }
        }
        wake
    }

    fn start_singles(
        &mut self,
        now: Instant,
        wake: &mut Option<Instant>,
        soonest: &mut impl FnMut(Instant, &mut Option<Instant>),
    ) {
        let mut waiting = VecDeque::new();
        while self.singles_in_flight < IN_FLIGHT
            && let Some((j, kind)) = self.singles.pop_front()
        {
            if self.jobs[j].finished {
                continue;
            }
            match self.gate(j, now) {
                Gate::End(f) => self.finish(j, Err(f)),
                Gate::Wait(at) => {
                    soonest(at, wake);
                    waiting.push_back((j, kind));
                }
                Gate::Go => self.spawn_single(j, kind),
            }
        }
        self.singles.extend(waiting);
    }

    fn spawn_single(&mut self, j: usize, kind: Single) {
        let job = &self.jobs[j];
        let client = self.client.clone();
        let (token, app, app_token) = (
            job.item.token.clone(),
            job.item.app.clone(),
            job.app_token.clone(),
        );
        let (item_kind, page_id) = (job.item.kind, job.item.page_id.clone());
        self.singles_in_flight += 1;
        self.stats.single_checks += 1;
        self.tasks.spawn(async move {
            let result = match kind {
                Single::Debug => debug_token(&client, &token, &app_token).await,
                Single::Whole => {
                    let req = CheckRequest {
                        token: &token,
                        kind: item_kind,
                        app: Some(&app),
                        page_id: page_id.as_deref(),
                    };
                    check_token(&client, &req).await
                }
            };
            Done::Single {
                job: j,
                kind,
                result: Box::new(result),
            }
        });
    }

    /// Starts one batch of at most `allowed` calls of `app`; false when none could be taken.
    fn start_batch(&mut self, app: &str, allowed: usize, now: Instant) -> bool {
        let size = allowed.clamp(1, MAX_OPS);
        let mut taken = Vec::with_capacity(size);
        let mut kept = VecDeque::with_capacity(self.queue.len());
        while let Some((j, op)) = self.queue.pop_front() {
            if taken.len() < size
                && self.jobs[j].item.app.id == app
                && matches!(self.gate(j, now), Gate::Go)
            {
                taken.push((j, op));
            } else {
                kept.push_back((j, op));
            }
        }
        self.queue = kept;
        if taken.is_empty() {
            return false;
        }
        let mut ops = Vec::with_capacity(taken.len());
        let mut sent = Vec::with_capacity(taken.len());
        for (j, op) in taken {
            match self.op(j, op) {
                Ok(Some(built)) => {
                    ops.push(built);
                    sent.push((j, op));
                }
                // Nothing to ask (no Page known): the check says "could not look", as it does alone.
                Ok(None) => self.op_answer(j, op, Err(no_target())),
                Err(e) => self.finish(j, Err(e.to_failure(Utc::now()))),
            }
        }
        if ops.is_empty() {
            // Every call taken was answered without asking: look at the queue again.
            return true;
        }
        let caller = self.jobs[sent[0].0].app_token.clone();
        let mark = self
            .pacers
            .entry(app.to_string())
            .or_default()
            .sent(ops.len());
        *self.in_flight.entry(app.to_string()).or_default() += 1;
        let client = self.client.clone();
        let app = app.to_string();
        self.tasks.spawn(async move {
            let answer = batch::send(&client, &caller, &ops).await;
            Done::Batch {
                app,
                mark,
                ops: sent,
                answer,
            }
        });
        true
    }

    /// The batch op for a call; None when the check would not make it (no Page to ask about).
    fn op(&self, j: usize, op: Op) -> Result<Option<BatchOp>, GraphError> {
        let job = &self.jobs[j];
        let token = job.item.token.expose();
        if op == Op::Debug {
            // The app token is the batch's caller; only the token looked at rides in the op.
            return BatchOp::get("debug_token", &[], &[("input_token", token)]).map(Some);
        }
        let Some(page) = job.page() else {
            return Ok(None);
        };
        let proof = job
            .item
            .app
            .secret
            .as_ref()
            .map(|s| appsecret_proof(s, &job.item.token));
        let mut secrets = vec![("access_token", token)];
        if let Some(p) = proof.as_deref() {
            secrets.push(("appsecret_proof", p));
        }
        match op {
            Op::Instagram => BatchOp::get(
                super::ids::node_id(page)?,
                &[("fields", INSTAGRAM_FIELD)],
                &secrets,
            ),
            Op::Both => BatchOp::get(
                super::ids::node_id(page)?,
                &[("fields", BOTH_FIELDS)],
                &secrets,
            ),
            _ => BatchOp::get(
                &super::ids::node_path(page, "subscribed_apps")?,
                &[],
                &secrets,
            ),
        }
        .map(Some)
    }
}

/// Meta's wait in minutes; "0" (or none) still pauses a moment.
fn regain(minutes: Option<i64>) -> Duration {
    let secs = minutes.unwrap_or(0).clamp(0, 24 * 60) as u64 * 60;
    Duration::from_secs(secs.max(1))
}

fn usage_failure(pct: f64) -> CheckFailure {
    CheckFailure {
        kind: FailureKind::RateLimited,
        at: Utc::now(),
        detail: format!(
            "not checked: Facebook reported {:.0} % of its rate limit used, so Tokenwarden stopped before reaching it",
            pct.min(100.0)
        ),
        cause: Some(FailureCause::NearRateLimit {
            percent: pct.clamp(0.0, 100.0).round() as u8,
        }),
        graph_error: None,
        retry_after_minutes: None,
    }
}

/// No Page to ask about: the single check's "could not look" (`Ok(None)`) for the follow-up.
fn no_target() -> GraphError {
    GraphError::Unsafe(crate::graph::error::UnsafeRequest::NoTarget)
}
