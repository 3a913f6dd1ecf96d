//! Check-all of 1,000 channels against the Graph simulator answering every HTTP request after
//! 50 ms (on its own thread, like a distant server): HTTP requests, Graph calls, wall time, peak
//! reported usage, and the ratio to checking one channel after another (measured on a sample of
//! 50 channels and extrapolated, since a full run one by one takes minutes); then reading the
//! run's 1,000 tokens from the encrypted vault one by one and with one `get_all`.
//!
//! `cargo bench --bench check_all`

use std::time::{Duration, Instant};

use tokenwarden::graph::check_all::{BatchCheck, check_all};
use tokenwarden::graph::{AppCredentials, CheckRequest, GraphClient, check_token};
use tokenwarden::model::{ChannelKind, Secret, SecretRef};
use tokenwarden::service::Service;
use tokenwarden::service::demo::{agency_service, seed_agency};
use tokenwarden::sim::scenario::*;
use tokenwarden::sim::{RecordedRequest, Scenario, Scope, SimControl, Simulator};
use tokenwarden::store::{Profile, SecretStore, VaultStore};
use tokio_util::sync::CancellationToken;

const CHANNELS: usize = 1_000;
const LATENCY: Duration = Duration::from_millis(50);
const SAMPLE: usize = 50;

/// (HTTP requests, Graph calls): a batch is one request carrying its ops as calls.
fn counted(reqs: &[RecordedRequest]) -> (usize, usize) {
    let http = reqs.iter().filter(|r| !r.in_batch).count();
    let envelopes = reqs
        .iter()
        .filter(|r| r.method == "POST" && r.path == "/" && !r.in_batch)
        .count();
    (http, reqs.len() - envelopes)
}

async fn batched_run(service: &Service, control: &SimControl, budget: (u64, Duration)) {
    control.set_budget(Scope::App(ACME_APP_ID.into()), budget.0, budget.1);
    control.clear_requests();
    let started = Instant::now();
    let summary = service
        .check(None, None, CancellationToken::new())
        .await
        .expect("check-all");
    let wall = started.elapsed();
    let (http, calls) = counted(&control.requests());
    println!(
        "  app budget {} calls per {} s: {http} HTTP requests, {calls} Graph calls, {:.2} s wall, peak reported usage {} %, {} limit answers, {} channels not checked",
        budget.0,
        budget.1.as_secs(),
        wall.as_secs_f64(),
        control.peak_usage_percent(),
        control.calls_refused_for_limits(),
        summary.failed,
    );
}

#[tokio::main]
async fn main() {
    let sim = Simulator::start_background(Scenario::demo()).expect("simulator");
    let control = sim.control();
    let dir = tempfile::tempdir().expect("temp dir");
    let service = agency_service(&dir.path().join("profile"), &sim.base_url())
        .await
        .expect("service");
    let pages = seed_agency(&service, &control, CHANNELS)
        .await
        .expect("channels");
    control.set_latency(LATENCY);

    println!(
        "check-all of {CHANNELS} Messenger channels, every HTTP request answered after {} ms:",
        LATENCY.as_millis()
    );
    // Roomy: an app with ~50 daily users (Meta: 200 calls per user per hour).
    let started = Instant::now();
    batched_run(&service, &control, (10_000, Duration::from_secs(3600))).await;
    let batched = started.elapsed();
    // Tight: the run needs twice what the app may make in 2 s, so pacing has to wait.
    batched_run(&service, &control, (1_000, Duration::from_secs(2))).await;

    // The Graph part alone: the batched checks without the catalog (reading, saving, history).
    let client = GraphClient::new(service.graph().config().clone()).expect("client");
    let app = AppCredentials {
        id: ACME_APP_ID.into(),
        secret: Some(Secret::new(ACME_APP_SECRET)),
    };
    control.set_budget(
        Scope::App(ACME_APP_ID.into()),
        10_000,
        Duration::from_secs(3600),
    );
    let items = pages
        .iter()
        .map(|(page, token)| BatchCheck {
            token: token.clone(),
            kind: ChannelKind::Messenger,
            app: app.clone(),
            page_id: Some(page.clone()),
            user_id: None,
        })
        .collect();
    let (done, mut finished) = tokio::sync::mpsc::unbounded_channel();
    let started = Instant::now();
    let stats = check_all(&client, items, done, CancellationToken::new()).await;
    let graph_part = started.elapsed();
    let mut checked = 0;
    while let Ok((_, result)) = finished.try_recv() {
        checked += usize::from(result.is_ok());
    }
    println!(
        "  of which Graph (check_all alone, no catalog): {:.2} s, {} batch requests, {checked} channels checked",
        graph_part.as_secs_f64(),
        stats.batch_requests
    );

    // One by one: the same check (`check_token`) for one channel after another.
    control.set_budget(
        Scope::App(ACME_APP_ID.into()),
        10_000,
        Duration::from_secs(3600),
    );
    control.clear_requests();
    let started = Instant::now();
    for (page, token) in pages.iter().take(SAMPLE) {
        let req = CheckRequest {
            token,
            kind: ChannelKind::Messenger,
            app: Some(&app),
            page_id: Some(page),
        };
        check_token(&client, &req).await.expect("single check");
    }
    let per_channel = started.elapsed() / SAMPLE as u32;
    let (http, calls) = counted(&control.requests());
    let one_by_one = per_channel * CHANNELS as u32;
    println!(
        "  one by one: {:.1} HTTP requests and {:.1} Graph calls a channel, {:.0} ms a channel (sample of {SAMPLE}) → {:.1} s for {CHANNELS} (extrapolated)",
        http as f64 / SAMPLE as f64,
        calls as f64 / SAMPLE as f64,
        per_channel.as_secs_f64() * 1000.0,
        one_by_one.as_secs_f64(),
    );
    println!(
        "  ratio (roomy budget): {:.0}× faster than one by one",
        one_by_one.as_secs_f64() / batched.as_secs_f64()
    );
    vault_reads(&dir.path().join("vault"), &pages);
}

/// Reading the run's tokens from the encrypted vault: one `get` per channel (each looks at the
/// file again) against one `get_all`. The OS keychain has no bulk read: one lookup per entry.
fn vault_reads(dir: &std::path::Path, pages: &[(String, Secret)]) {
    let profile = Profile::resolve(Some(dir.to_path_buf())).expect("profile");
    let vault = VaultStore::open_with_work_factor(&profile, Secret::new("bench passphrase"), 10)
        .expect("vault");
    let entries: Vec<(SecretRef, Secret)> = pages
        .iter()
        .map(|(_, token)| (SecretRef::new_token(), token.clone()))
        .collect();
    vault.set_all(&entries).expect("tokens saved");
    let refs: Vec<SecretRef> = entries.into_iter().map(|(r, _)| r).collect();
    let started = Instant::now();
    for r in &refs {
        vault.get(r).expect("token read");
    }
    let one_by_one = started.elapsed();
    let started = Instant::now();
    let all = vault.get_all(&refs).expect("tokens read");
    let at_once = started.elapsed();
    assert_eq!(all.len(), refs.len());
    println!(
        "  reading {} tokens from the vault: one by one {:.1} ms, all at once {:.1} ms",
        refs.len(),
        one_by_one.as_secs_f64() * 1000.0,
        at_once.as_secs_f64() * 1000.0
    );
}
