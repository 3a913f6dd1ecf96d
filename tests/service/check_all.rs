//! Check-all at agency scale over loopback: calls go in Graph batch requests of at most 50 with
//! every secret in the POST body, Meta's usage headers pace the run below the limit, a limit
//! stops only its scope, and a call Graph refuses inside a batch is made on its own.

use std::time::Duration;

use tokenwarden::model::{ChannelKind, FailureKind, Health, Secret};
use tokenwarden::service::demo::{agency_service, seed_agency};
use tokenwarden::service::{CheckSummary, Service};
use tokenwarden::sim::scenario::*;
use tokenwarden::sim::{RecordedRequest, Scenario, Scope, SimControl, Simulator};
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
    let service = agency_service(&dir.path().join("profile"), &sim.base_url())
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

#[tokio::test]
async fn a_batched_check_finds_what_a_single_check_finds_with_one_call_for_instagrams_two_questions()
 {
    let a = agency(10).await;
    let mut ids = Vec::new();
    for (name, kind, token) in [
        ("Shoes IG", ChannelKind::Instagram, "ig_ok"),
        ("Shoes", ChannelKind::Messenger, "shoes_messenger"),
        ("Toys", ChannelKind::Messenger, "webhook_off"),
        ("Books", ChannelKind::Messenger, "books_expiring"),
        ("WhatsApp", ChannelKind::Whatsapp, "whatsapp_system"),
    ] {
        let token = Secret::new(a.control.token(token));
        let view = a
            .service
            .add_channel(name, kind, Some(ACME_APP_ID), &token)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        ids.push(view.channel.id);
    }
    a.control.revoke("books_expiring");
    a.control.clear_requests();
    let summary = a.check_all().await;
    let reqs = a.control.requests();
    // The Instagram channel asked its Page once, for both facts.
    let page_ops: Vec<_> = reqs
        .iter()
        .filter(|r| r.in_batch && r.path == format!("/{SHOES_PAGE_ID}"))
        .collect();
    assert_eq!(page_ops.len(), 1, "{page_ops:#?}");
    assert_eq!(
        page_ops[0].params["fields"],
        "instagram_business_account,subscribed_apps"
    );
    // Only the Messenger channel on the same Page asks its subscribed_apps edge.
    assert_eq!(
        calls(&reqs, &format!("{SHOES_PAGE_ID}/subscribed_apps"), true),
        1
    );
    assert_eq!(
        calls(&reqs, "/subscribed_apps", true),
        13,
        "10 Pages, Shoes, Toys, the WABA"
    );
    assert_eq!(
        reqs.len(),
        batches(&reqs) + 15 + 13 + 1,
        "nothing else was asked"
    );

    for id in ids {
        let batched = summary.views.iter().find(|v| v.channel.id == id).unwrap();
        let single = a.service.recheck(&id).await.unwrap();
        let facts = |v: &tokenwarden::service::ChannelView| {
            let mut report = v.channel.last_report.clone().unwrap();
            report.checked_at = None;
            let codes: Vec<_> = v.diagnosis.reasons.iter().map(|r| r.code).collect();
            (v.diagnosis.health, codes, report)
        };
        assert_eq!(facts(batched), facts(&single), "{}", single.channel.name);
    }
}

#[tokio::test]
async fn an_app_limit_stops_that_apps_channels_without_more_calls_and_a_user_limit_that_users() {
    let a = agency(20).await;
    // Bob's Page, outside the agency's user (Alice).
    let bikes = Secret::new(a.control.token("bikes_page"));
    a.service
        .add_channel("Bikes", ChannelKind::Messenger, Some(ACME_APP_ID), &bikes)
        .await
        .unwrap();
    a.control
        .set_budget(Scope::User(ALICE_ID.into()), 0, Duration::from_secs(3600));
    a.control.clear_requests();
    let summary = a.check_all().await;
    assert_eq!(summary.failed, 20);
    let bikes = summary
        .views
        .iter()
        .find(|v| v.channel.name == "Bikes")
        .unwrap();
    assert_eq!(
        bikes.diagnosis.health,
        Health::Healthy,
        "another user's channel is checked"
    );
    for v in summary.views.iter().filter(|v| v.channel.name != "Bikes") {
        let failure = v.channel.last_failure.as_ref().unwrap();
        assert_eq!(failure.kind, FailureKind::RateLimited);
        assert_eq!(failure.graph_error.as_ref().unwrap().code, 17);
    }

    // The app's limit (code 4 on the batch request itself): the first batch only, then nothing.
    a.control
        .set_fault(tokenwarden::sim::Fault::RateLimited { code: 4 });
    a.control.clear_requests();
    let summary = a.check_all().await;
    assert_eq!(summary.failed, 21);
    assert_eq!(summary.exit_code(), 3);
    assert!(
        summary
            .views
            .iter()
            .all(|v| v.diagnosis.health != Health::Broken)
    );
    assert_eq!(batches(&a.control.requests()), 1);
}

#[tokio::test]
async fn a_channel_without_its_apps_secret_is_checked_on_its_own_beside_the_batches() {
    let a = agency(12).await;
    // Another app, saved without its secret, and a Page token of it.
    a.service
        .add_app(OTHER_APP_ID, OTHER_APP_NAME, None, None)
        .await
        .unwrap();
    let token = Secret::new(a.control.token("wrong_app"));
    a.service
        .add_channel("Other", ChannelKind::Messenger, Some(OTHER_APP_ID), &token)
        .await
        .unwrap();
    a.control.clear_requests();
    let summary = a.check_all().await;
    assert_eq!(summary.views.len(), 13);
    assert_eq!(summary.failed, 0);
    let other = summary
        .views
        .iter()
        .find(|v| v.channel.name == "Other")
        .unwrap();
    let report = other.channel.last_report.as_ref().unwrap();
    assert_eq!(report.profile_id.as_deref(), Some(SHOES_PAGE_ID));
    let reqs = a.control.requests();
    assert_eq!(calls(&reqs, "/debug_token", true), 12);
    // Its own token asked about itself, outside any batch.
    assert!(calls(&reqs, "/debug_token", false) + calls(&reqs, "/me", false) >= 1);
}
