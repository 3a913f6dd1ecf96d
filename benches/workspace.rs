//! A team workspace on PostgreSQL with 1,000 channels: reading the catalog (`list`'s work),
//! check-all against the Graph simulator answering every request after 50 ms, and one renewal
//! (read, validate, seal, write the row), each as wall time; then how long a renewal takes to
//! reach a second member's window (told by LISTEN/NOTIFY, then the catalog read again). Compare
//! with `check_all` and `catalog` for the local profile.
//!
//! Needs a PostgreSQL server in the PG* variables:
//! `pg_virtualenv cargo bench --bench workspace` (prints how, and stops, without them).

use std::time::{Duration, Instant};

use tokenwarden::graph::GraphConfig;
use tokenwarden::model::Secret;
use tokenwarden::service::Service;
use tokenwarden::service::demo::seed_agency;
use tokenwarden::sim::scenario::*;
use tokenwarden::sim::{Scenario, Scope, Simulator};
use tokenwarden::store::{Profile, SecretBackend, Store, workspace};
use tokio_util::sync::CancellationToken;

const CHANNELS: usize = 1_000;
const LATENCY: Duration = Duration::from_millis(50);
const PASSPHRASE: &str = "benchmark passphrase";

fn main() {
    let Ok(host) = std::env::var("PGHOST") else {
        println!("no PGHOST: run as `pg_virtualenv cargo bench --bench workspace`");
        return;
    };
    let var = |n: &str| std::env::var(n).unwrap_or_default();
    let admin = format!(
        "postgres://{}:{}@{host}:{}/postgres?sslmode=disable",
        var("PGUSER"),
        var("PGPASSWORD"),
        var("PGPORT")
    );
    let database = format!("tw_bench_{}", uuid::Uuid::new_v4().simple());
    postgres::Client::connect(&admin, postgres::NoTls)
        .and_then(|mut c| c.batch_execute(&format!("CREATE DATABASE {database}")))
        .expect("create the database");
    let url = Secret::new(admin.replace("/postgres?", &format!("/{database}?")));
    // The vault keeps this member's key; its work factor is not what is measured here.
    // SAFETY: set before any other thread exists (the runtime is built after).
    unsafe { std::env::set_var("TOKENWARDEN_VAULT_WORK_FACTOR", "10") };
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(run(url));
}

async fn run(url: Secret) {
    let sim = Simulator::start_background(Scenario::demo()).expect("simulator");
    let control = sim.control();
    let dir = tempfile::tempdir().expect("temp dir");
    let profile = Profile::resolve(Some(dir.path().join("profile"))).expect("profile");
    let vault = || SecretBackend::Vault {
        passphrase: Secret::new(PASSPHRASE),
    };
    workspace::init(&profile, vault(), &url, "bench").expect("workspace init");
    let store = Store::open(profile, vault()).expect("store");
    let mut cfg = GraphConfig::default()
        .with_base_url(&sim.base_url())
        .expect("config");
    cfg.timeout = Duration::from_secs(10);
    cfg.backoff = Duration::from_millis(10);
    let service = Service::new(store, cfg).expect("service");
    service
        .add_app(
            ACME_APP_ID,
            ACME_APP_NAME,
            Some(Secret::new(ACME_APP_SECRET)),
            None,
        )
        .await
        .expect("app");
    let started = Instant::now();
    let pages = seed_agency(&service, &control, CHANNELS)
        .await
        .expect("channels");
    println!(
        "workspace with {CHANNELS} channels: seeding (1,000 tokens sealed one by one, one catalog write) {:.2} s",
        started.elapsed().as_secs_f64()
    );

    let mut reads = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let listed = service.list().await.expect("list");
        assert_eq!(listed.len(), CHANNELS);
        reads.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    reads.sort_by(f64::total_cmp);
    println!(
        "  reading the catalog (list's work), 5 runs: median {:.0} ms, min {:.0} ms",
        reads[2], reads[0]
    );

    control.set_latency(LATENCY);
    control.set_budget(
        Scope::App(ACME_APP_ID.into()),
        10_000,
        Duration::from_secs(3600),
    );
    let started = Instant::now();
    let summary = service
        .check(None, None, CancellationToken::new())
        .await
        .expect("check-all");
    println!(
        "  check-all, every HTTP request answered after {} ms: {:.2} s wall, {} channels not checked",
        LATENCY.as_millis(),
        started.elapsed().as_secs_f64(),
        summary.failed
    );

    let (page, _) = &pages[0];
    let fresh = Secret::new(control.mint_managed_page_token(page));
    let name = format!("Agency {page}");
    let started = Instant::now();
    service.renew(&name, &fresh, false).await.expect("renewal");
    println!(
        "  one renewal (50 ms Graph latency included): {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );

    reach_a_second_window(&service, &control, &url, dir.path(), &name, page).await;
}

/// A second member's window listens; the first renews a few times. For each renewal: when the
/// notice arrived and when the reload was read, counted from when `renew` returned (its commit
/// is just before; a notice may arrive before `renew` has returned, hence signed figures).
async fn reach_a_second_window(
    service: &Service,
    control: &tokenwarden::sim::SimControl,
    url: &Secret,
    dir: &std::path::Path,
    name: &str,
    page: &str,
) {
    const ROUNDS: usize = 5;
    let bob = Profile::resolve(Some(dir.join("bob"))).expect("profile");
    let vault = || SecretBackend::Vault {
        passphrase: Secret::new(PASSPHRASE),
    };
    workspace::join(&bob, vault(), url, "bob").expect("join");
    let ws = workspace::of(&bob).expect("bob's workspace");
    workspace::open_member(&bob, &ws, vault()).expect("bob's key");
    let (tx, rx) = std::sync::mpsc::channel::<(Instant, Instant, String)>();
    let reload = bob.clone();
    let _listening = ws
        .listen(move |notice| {
            let told = Instant::now();
            if notice.channel.is_none() {
                return;
            }
            // What the window's worker does on a notice: read the catalog again.
            let catalog = tokenwarden::store::CatalogFile::new(&reload)
                .load()
                .expect("reload");
            let fingerprint = catalog
                .channels
                .iter()
                .find(|c| Some(&c.id) == notice.channel.as_ref())
                .map(|c| c.token.fingerprint.clone())
                .unwrap_or_default();
            let _ = tx.send((told, Instant::now(), fingerprint));
        })
        .expect("listen");
    std::thread::sleep(Duration::from_millis(500));
    let (mut told, mut shown) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let fresh = Secret::new(control.mint_managed_page_token(page));
        let outcome = service.renew(name, &fresh, false).await.expect("renewal");
        let returned = Instant::now();
        let (at, read, fingerprint) = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("the second window is told");
        assert_eq!(fingerprint, outcome.view.channel.token.fingerprint);
        let ms = |t: Instant| match t.checked_duration_since(returned) {
            Some(d) => d.as_secs_f64() * 1000.0,
            None => -(returned.duration_since(t).as_secs_f64() * 1000.0),
        };
        told.push(ms(at));
        shown.push(ms(read));
    }
    told.sort_by(f64::total_cmp);
    shown.sort_by(f64::total_cmp);
    println!(
        "  a renewal reaching a second member's window, {ROUNDS} renewals, from `renew` returning: \
         told (NOTIFY) median {:+.0} ms, max {:+.0} ms; new token read in its reload median {:+.0} ms, max {:+.0} ms",
        told[ROUNDS / 2],
        told[ROUNDS - 1],
        shown[ROUNDS / 2],
        shown[ROUNDS - 1]
    );
}
