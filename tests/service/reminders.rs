//! Reminders and the clock guard, in process: the real service on a real profile folder against
//! the Graph simulator over loopback, with a recording notifier in place of the desktop's.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{Duration, Utc};
use tokenwarden::graph::GraphConfig;
use tokenwarden::model::{ChannelKind, Secret};
use tokenwarden::service::{ClockProblem, Notifier, RecordingNotifier, Reminders, Service};
use tokenwarden::sim::scenario::*;
use tokenwarden::sim::{Scenario, SimHandle, Simulator};
use tokenwarden::store::{Profile, SecretBackend, Store};
use tokio_util::sync::CancellationToken;

struct Fixture {
    sim: SimHandle,
    service: Arc<Service>,
    _dir: tempfile::TempDir,
}

async fn fixture() -> Fixture {
    // What `main` does at start: the service's reminders are phrased by the words layer.
    tokenwarden::words::install();
    let sim = Simulator::start_background(Scenario::demo()).expect("simulator starts");
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(
        Profile {
            dir: dir.path().into(),
        },
        SecretBackend::Memory,
    )
    .expect("store opens");
    let graph = GraphConfig::default()
        .with_base_url(&sim.base_url())
        .expect("loopback url");
    let service = Arc::new(Service::new(store, graph).expect("service"));
    service
        .add_app(
            ACME_APP_ID,
            "Acme Support",
            Some(Secret::new(ACME_APP_SECRET)),
            None,
        )
        .await
        .expect("app saved");
    Fixture {
        sim,
        service,
        _dir: dir,
    }
}

impl Fixture {
    async fn add(&self, name: &str, token_name: &str) {
        let token = Secret::new(self.sim.control().token(token_name));
        self.service
            .add_channel(name, ChannelKind::Messenger, Some(ACME_APP_ID), &token)
            .await
            .unwrap_or_else(|e| panic!("add {name}: {e}"));
    }

    /// One `check --notify` round; returns the titles raised in it.
    async fn round(&self, notifier: &Arc<RecordingNotifier>, lead_days: i64) -> Vec<String> {
        let before = notifier.sent().len();
        let n: Arc<dyn Notifier> = notifier.clone();
        self.service
            .check_and_notify(n, Duration::days(lead_days))
            .await
            .expect("round runs");
        notifier.sent()[before..]
            .iter()
            .map(|s| s.title.clone())
            .collect()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_channel_that_breaks_is_notified_once_and_again_only_after_it_recovers() {
    let f = fixture().await;
    f.add("Acme Shoes", "shoes_messenger").await;
    f.add("Carol Cafe", "carol_cafe").await;
    let notifier = Arc::new(RecordingNotifier::new());
    assert!(f.round(&notifier, 7).await.is_empty(), "all healthy: quiet");

    f.sim.control().change_password(CAROL_ID);
    let raised = f.round(&notifier, 7).await;
    assert_eq!(raised, vec!["Carol Cafe: broken".to_string()]);
    let body = &notifier.sent()[0].body;
    assert!(body.contains("password"), "the reason in words: {body}");
    assert!(
        f.round(&notifier, 7).await.is_empty(),
        "same state: no repeat"
    );
    assert!(f.round(&notifier, 7).await.is_empty(), "still no repeat");
    assert_eq!(notifier.sent().len(), 1);

    // Alice loses her role on the Shoes Page, gets it back, loses it again: two problems, two
    // reminders; the recovery in between is not one.
    f.sim.control().remove_page_role(ALICE_ID, SHOES_PAGE_ID);
    assert_eq!(f.round(&notifier, 7).await, vec!["Acme Shoes: broken"]);
    f.sim.control().restore_page_role(ALICE_ID, SHOES_PAGE_ID);
    assert!(
        f.round(&notifier, 7).await.is_empty(),
        "healthy again: quiet"
    );
    f.sim.control().remove_page_role(ALICE_ID, SHOES_PAGE_ID);
    assert_eq!(f.round(&notifier, 7).await, vec!["Acme Shoes: broken"]);
    assert_eq!(notifier.sent().len(), 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reminder_speaks_the_language_of_the_moment() {
    // This test's thread only: parallel tests stay in English.
    tokenwarden::words::set_thread_lang(Some(tokenwarden::words::Lang::Es));
    let f = fixture().await;
    f.add("Carol Cafe", "carol_cafe").await;
    let notifier = Arc::new(RecordingNotifier::new());
    f.sim.control().change_password(CAROL_ID);
    assert_eq!(f.round(&notifier, 7).await, vec!["Carol Cafe: no funciona"]);
    let body = &notifier.sent()[0].body;
    assert!(body.contains("contraseña"), "the reason in Spanish: {body}");
    assert!(!body.contains("password"), "{body}");
    tokenwarden::words::set_thread_lang(None);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_snoozed_channel_stays_quiet_until_the_snooze_is_lifted() {
    let f = fixture().await;
    f.add("Carol Cafe", "carol_cafe").await;
    let notifier = Arc::new(RecordingNotifier::new());
    f.service
        .snooze("Carol Cafe", Some(Utc::now() + Duration::days(3)))
        .await
        .expect("snoozed");
    f.sim.control().change_password(CAROL_ID);
    assert!(f.round(&notifier, 7).await.is_empty(), "snoozed: quiet");
    let state = f.service.reminder_state().await.unwrap();
    assert!(state.channels.values().any(|c| c.snoozed_until.is_some()));

    f.service
        .snooze("Carol Cafe", None)
        .await
        .expect("unsnoozed");
    assert_eq!(f.round(&notifier, 7).await, vec!["Carol Cafe: broken"]);
    assert!(f.round(&notifier, 7).await.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_lead_time_turns_an_expiring_token_into_one_reminder() {
    let f = fixture().await;
    // Expires in 3 days.
    f.add("Acme Books", "books_expiring").await;
    let notifier = Arc::new(RecordingNotifier::new());
    assert!(
        f.round(&notifier, 1).await.is_empty(),
        "1 day of lead time: not yet"
    );
    assert_eq!(
        f.round(&notifier, 7).await,
        vec!["Acme Books: needs attention"]
    );
    assert!(notifier.sent()[0].body.contains("expires in"));
    assert!(f.round(&notifier, 7).await.is_empty(), "told once");
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_notification_service_the_round_still_succeeds_and_retries_later() {
    let f = fixture().await;
    f.add("Carol Cafe", "carol_cafe").await;
    f.sim.control().change_password(CAROL_ID);
    let missing: Arc<dyn Notifier> = Arc::new(RecordingNotifier::failing());
    let outcome = f
        .service
        .check_and_notify(missing, Duration::days(7))
        .await
        .expect("a missing daemon is not an error");
    assert_eq!(outcome.notices.len(), 1);
    assert!(!outcome.notices[0].delivered);
    let notifier = Arc::new(RecordingNotifier::new());
    assert_eq!(
        f.round(&notifier, 7).await,
        vec!["Carol Cafe: broken"],
        "not shown before, so shown now"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_scheduler_checks_on_its_interval_and_tells_each_change_once() {
    let f = fixture().await;
    f.add("Acme Shoes", "shoes_messenger").await;
    f.add("Carol Cafe", "carol_cafe").await;
    let notifier = Arc::new(RecordingNotifier::new());
    let (tx, mut rounds) = tokio::sync::mpsc::unbounded_channel();
    let cancel = CancellationToken::new();
    let schedule = Reminders {
        interval: StdDuration::from_millis(50),
        lead_time: Duration::days(7),
    };
    let task = tokio::spawn(schedule.run(
        f.service.clone(),
        notifier.clone(),
        cancel.clone(),
        Some(tx),
    ));
    let next = async |rounds: &mut tokio::sync::mpsc::UnboundedReceiver<_>| {
        let r: Result<_, _> = tokio::time::timeout(StdDuration::from_secs(20), rounds.recv())
            .await
            .expect("a round within 20 s")
            .expect("scheduler running");
        r.expect("round succeeds")
    };
    next(&mut rounds).await;
    assert!(notifier.sent().is_empty());
    f.sim.control().change_password(CAROL_ID);
    for _ in 0..3 {
        next(&mut rounds).await;
    }
    cancel.cancel();
    tokio::time::timeout(StdDuration::from_secs(20), task)
        .await
        .expect("stops when cancelled")
        .expect("no panic");
    let titles: Vec<String> = notifier.sent().into_iter().map(|s| s.title).collect();
    assert_eq!(titles, vec!["Carol Cafe: broken"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_clock_guard_speaks_when_the_clock_went_back() {
    let f = fixture().await;
    f.add("Acme Shoes", "shoes_messenger").await;
    f.service
        .check(None, None, CancellationToken::new())
        .await
        .expect("check");
    let now = Utc::now();
    assert_eq!(
        f.service.clock_problem(now).await.unwrap(),
        None,
        "the simulator's Date agrees with ours"
    );
    let state = f.service.reminder_state().await.unwrap();
    let seen = state.server_clock.expect("the server clock was saved");
    assert!(seen.skew_seconds.abs() <= 2, "{seen:?}");
    let problem = f
        .service
        .clock_problem(now - Duration::days(1))
        .await
        .unwrap();
    assert!(
        matches!(problem, Some(ClockProblem::BeforeLastCheck { .. })),
        "a clock before the last check is suspicious: {problem:?}"
    );
}
