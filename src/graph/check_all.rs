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
use serde_json::Value;
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use super::batch::{self, BatchAnswer, BatchOp, MAX_OPS};
use super::check::{
    AppCredentials, CheckRequest, INSTAGRAM_FIELD, check_token, debug_token, instagram_from,
    parse_debug_data, webhook_from,
};
use super::client::{GraphClient, appsecret_proof};
use super::error::GraphError;
use super::pacing::{Allowance, IN_FLIGHT, Pacer, STOP_AT};
use super::usage::Usage;
use crate::model::{ChannelKind, CheckFailure, FailureKind, Secret, TokenReport};

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
            .or(self.report.as_ref()?.profile_id.as_deref())
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
    for j in 0..run.jobs.len() {
        if run.jobs[j].app_token.is_empty() {
            run.queue.retain(|(job, _)| *job != j);
            run.check_alone(j, Single::Whole);
        }
    }
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

    fn handle(&mut self, finished: Done) {
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

    fn op_answer(&mut self, j: usize, op: Op, result: Result<Value, GraphError>) {
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
        graph_error: None,
        retry_after_minutes: None,
    }
}

/// No Page to ask about: the single check's "could not look" (`Ok(None)`) for the follow-up.
fn no_target() -> GraphError {
    GraphError::Unsafe("no Page to ask about".into())
}

/// Graph does not take this call inside a batch, or ignored the op's body (so the token to look
/// at never arrived): a refusal of the way of asking, not an answer about the token.
fn refused_in_batch(e: &GraphError) -> bool {
    super::debug_call::is_refusal(e)
        || e.graph_error()
            .is_some_and(|g| g.message.contains("parameter input_token is required"))
}
