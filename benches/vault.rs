//! Bulk work on the encrypted vault at its real work factor (scrypt log2 N = 18): `import` of
//! 1,000 channels (each token validated against the Graph simulator on loopback, then one
//! vault write) and restore of a 1,000-channel backup into an empty profile. Adding one channel
//! is timed too, for scale.
//!
//! `cargo bench --bench vault` prints the time of each step.

use std::time::Instant;

use tokenwarden::graph::GraphConfig;
use tokenwarden::model::{ChannelKind, Secret};
use tokenwarden::service::Service;
use tokenwarden::service::import::ImportItem;
use tokenwarden::sim::Simulator;
use tokenwarden::sim::scenario::{ACME_APP_ID, ACME_APP_SECRET, Scenario};
use tokenwarden::store::{Profile, SecretBackend, Store};

const CHANNELS: usize = 1_000;

fn service(dir: &std::path::Path, base_url: &str) -> Service {
    let profile = Profile::resolve(Some(dir.into())).expect("profile");
    let backend = SecretBackend::Vault {
        passphrase: Secret::new("correct horse battery staple"),
    };
    let store = Store::open(profile, backend).expect("vault opens");
    let graph = GraphConfig::default()
        .with_base_url(base_url)
        .expect("loopback URL");
    Service::new(store, graph).expect("service")
}

fn secs(t: Instant) -> f64 {
    t.elapsed().as_secs_f64()
}

fn main() {
    // SAFETY (set_var): single-threaded here, before any runtime or thread starts.
    unsafe { std::env::remove_var(tokenwarden::store::WORK_FACTOR_ENV) };
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let sim = Simulator::start_background(Scenario::demo()).expect("simulator");
    let pages = sim.control().add_managed_pages(CHANNELS + 1);
    let dir = tempfile::tempdir().expect("temp dir");
    let first = dir.path().join("first");

    rt.block_on(async {
        let t = Instant::now();
        let s = service(&first, &sim.base_url());
        s.add_app(ACME_APP_ID, "Acme", Some(Secret::new(ACME_APP_SECRET)), None)
            .await
            .expect("app saved");
        println!("create the vault and save the app secret: {:.2} s", secs(t));

        let t = Instant::now();
        let s = service(&first, &sim.base_url());
        let (_, token) = &pages[CHANNELS];
        s.add_channel("One", ChannelKind::Messenger, Some(ACME_APP_ID), &Secret::new(token.as_str()))
            .await
            .expect("added");
        println!("add 1 channel (a new process: open the vault, validate, save): {:.2} s", secs(t));

        let items: Vec<ImportItem> = pages[..CHANNELS]
            .iter()
            .enumerate()
            .map(|(i, (_, token))| ImportItem {
                line: i + 1,
                name: format!("Bulk {i:04}"),
                kind: ChannelKind::Messenger,
                app: Some(ACME_APP_ID.into()),
                page: None,
                token: Secret::new(token.as_str()),
            })
            .collect();
        let t = Instant::now();
        let s = service(&first, &sim.base_url());
        let outcome = s.import_channels(items).await.expect("import runs");
        assert_eq!(outcome.saved.len(), CHANNELS, "{:?}", outcome.refused.first());
        println!(
            "import {CHANNELS} channels (a new process: open the vault, validate each, save): {:.2} s",
            secs(t)
        );

        let backup = dir.path().join("all.twbackup");
        let pw = Secret::new("backup passphrase");
        s.backup_to(&backup, &pw).await.expect("backup written");
        let t = Instant::now();
        let fresh = service(&dir.path().join("second"), &sim.base_url());
        let plan = fresh.plan_restore(&backup, &pw).await.expect("backup read");
        let outcome = fresh.apply_restore(&plan, false).await.expect("restored");
        let added = outcome.channels.len();
        println!(
            "restore {added} channels into an empty profile (open both, decrypt the backup, one vault write): {:.2} s",
            secs(t)
        );
    });
}
