//! Check-all at agency scale over loopback: calls go in Graph batch requests of at most 50 with
//! every secret in the POST body, Meta's usage headers pace the run below the limit, a limit
//! stops only its scope, and a call Graph refuses inside a batch is made on its own.

use std::time::Duration;

use tokenwarden::graph::GraphConfig;
use tokenwarden::model::{FailureKind, Health, Secret};
use tokenwarden::service::demo::seed_agency;
use tokenwarden::service::{CheckSummary, Service};
use tokenwarden::sim::scenario::*;
use tokenwarden::sim::{RecordedRequest, Scenario, Scope, SimControl, Simulator};
use tokenwarden::store::{Profile, SecretBackend, Store};
use tokio_util::sync::CancellationToken;

struct Agency {
    _sim: Simulator,
    control: SimControl,
    service: Service,
    /// (Page id, token) of each channel.
    pages: Vec<(String, Secret)>,
    _dir: tempfile::TempDir,
}

async fn agency(channels: usize) -> Agency {
    let sim = Simulator::start(0, Scenario::demo()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let profile = Profile::resolve(Some(dir.path().join("profile"))).unwrap();
    let store = Store::open(profile, SecretBackend::Memory).unwrap();
    let mut cfg = GraphConfig::default()
        .with_base_url(&sim.base_url())
        .unwrap();
    cfg.timeout = Duration::from_secs(10);
    cfg.backoff = Duration::from_millis(10);
    let service = Service::new(store, cfg).unwrap();
    service
        .add_app(
            ACME_APP_ID,
            ACME_APP_NAME,
            Some(Secret::new(ACME_APP_SECRET)),
            None,
        )
        .await
        .unwrap();
    let control = sim.control();
    let pages = seed_agency(&service, &control, channels).await.unwrap();
    control.clear_requests();
    Agency {
        _sim: sim,
        control,
        service,
        pages,
        _dir: dir,
    }
}

impl Agency {
    async fn check_all(&self) -> CheckSummary {
        self.service
            .check(None, None, CancellationToken::new())
            .await
            .unwrap()
    }

    fn healthy(summary: &CheckSummary) -> usize {
        summary
            .views
            .iter()
            .filter(|v| v.diagnosis.health == Health::Healthy && v.channel.last_failure.is_none())
            .count()
    }
}

fn batches(reqs: &[RecordedRequest]) -> usize {
    reqs.iter()
        .filter(|r| r.method == "POST" && r.path == "/" && !r.in_batch)
        .count()
}

fn calls(reqs: &[RecordedRequest], path_ends: &str, in_batch: bool) -> usize {
    reqs.iter()
        .filter(|r| r.path.ends_with(path_ends) && r.in_batch == in_batch)
        .count()
}

#[tokio::test]
async fn an_agency_is_checked_in_batches_of_at_most_50_with_secrets_only_in_bodies() {
    let a = agency(130).await;
    let summary = a.check_all().await;
    assert_eq!(summary.failed, 0);
    assert_eq!(Agency::healthy(&summary), 130);
    assert_eq!(summary.exit_code(), 0);

    let reqs = a.control.requests();
    // Every call rode in a batch; Graph (and the simulator) refuses a batch of more than 50, so
    // all answered means none was larger.
    assert_eq!(calls(&reqs, "/debug_token", true), 130);
    assert_eq!(calls(&reqs, "/subscribed_apps", true), 130);
    assert_eq!(reqs.iter().filter(|r| !r.in_batch).count(), batches(&reqs));
    assert!(
        batches(&reqs) * 50 >= 260 && batches(&reqs) <= 20,
        "{} batches",
        batches(&reqs)
    );
    // The webhook calls are still signed with the app secret.
    assert!(
        reqs.iter()
            .filter(|r| r.path.ends_with("/subscribed_apps"))
            .all(|r| r.appsecret_proof_valid == Some(true))
    );

    let app_token = format!("{ACME_APP_ID}|{ACME_APP_SECRET}");
    for r in &reqs {
        assert!(!r.uri.contains('?'), "a query string: {}", r.uri);
        let op_url = r.relative_url.as_deref().unwrap_or_default();
        for text in [r.uri.as_str(), op_url] {
            for key in ["access_token", "input_token", "appsecret_proof"] {
                assert!(!text.contains(key), "{key} in {text}");
            }
            assert!(!text.contains(ACME_APP_SECRET) && !text.contains(&app_token));
            for (_, token) in &a.pages {
                assert!(!text.contains(token.expose()), "a token in {text}");
            }
        }
    }
}

#[tokio::test]
async fn a_page_at_its_limit_stops_only_its_channel_and_the_others_are_checked() {
    let a = agency(30).await;
    let (limited_page, _) = a.pages[7].clone();
    // Used up for the next hour: Meta answers that Page's calls with 80001 and a 60-minute wait.
    a.control.set_budget(
        Scope::Page(limited_page.clone()),
        0,
        Duration::from_secs(3600),
    );
    let summary = a.check_all().await;
    assert_eq!(summary.failed, 1);
    assert_eq!(Agency::healthy(&summary), 29);
    let limited = summary
        .views
        .iter()
        .find(|v| v.channel.page_id.as_deref() == Some(limited_page.as_str()))
        .unwrap();
    let failure = limited.channel.last_failure.as_ref().unwrap();
    assert_eq!(failure.kind, FailureKind::RateLimited);
    assert_eq!(failure.graph_error.as_ref().unwrap().code, 80001);
    assert_eq!(failure.retry_after_minutes, Some(60));
    assert_ne!(
        limited.diagnosis.health,
        Health::Broken,
        "a limit is not a broken token"
    );
    assert_eq!(summary.exit_code(), 3);
    // Asked once, not hammered.
    let reqs = a.control.requests();
    let page_calls = reqs
        .iter()
        .filter(|r| r.path.starts_with(&format!("/{limited_page}")))
        .count();
    assert_eq!(page_calls, 1);
    assert_eq!(a.control.calls_refused_for_limits(), 1);
}

#[tokio::test]
async fn pacing_keeps_reported_usage_under_100_percent_where_full_speed_would_pass_it() {
    let a = agency(300).await;
    // 400 calls per 2 s for the app; the run needs 600, which at full speed come within
    // a fraction of a second.
    a.control
        .set_budget(Scope::App(ACME_APP_ID.into()), 400, Duration::from_secs(2));
    let summary = a.check_all().await;
    assert_eq!(summary.failed, 0, "no channel ended rate-limited");
    assert_eq!(Agency::healthy(&summary), 300);
    let reqs = a.control.requests();
    assert_eq!(reqs.iter().filter(|r| r.in_batch).count(), 600);
    assert_eq!(a.control.calls_refused_for_limits(), 0);
    let peak = a.control.peak_usage_percent();
    assert!((75..100).contains(&peak), "peak usage reported: {peak} %");
}

#[tokio::test]
async fn when_graph_refuses_debug_token_in_a_batch_those_calls_go_singly_and_the_rest_stay_batched()
{
    let a = agency(80).await;
    a.control.refuse_debug_token_in_batch(true);
    let summary = a.check_all().await;
    assert_eq!(summary.failed, 0);
    assert_eq!(Agency::healthy(&summary), 80);
    let reqs = a.control.requests();
    // Refused in the first batch (50 calls), then never tried in a batch again: every
    // debug_token on its own, as a POST.
    assert_eq!(calls(&reqs, "/debug_token", true), 50);
    assert_eq!(calls(&reqs, "/debug_token", false), 80);
    assert!(reqs.iter().all(|r| !r.uri.contains('?')));
    assert_eq!(calls(&reqs, "/subscribed_apps", true), 80);
    assert_eq!(calls(&reqs, "/subscribed_apps", false), 0);
}
