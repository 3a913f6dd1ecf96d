//! Helpers of `tests/gui_desktop.rs`: a profile on the Graph simulator with channels saved the
//! way an earlier session left them, the window on it with a recording notifier and queued file
//! dialogs, and a fixed catalog with a pinned clock for the snapshots.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use tokenwarden::graph::GraphConfig;
use tokenwarden::gui::browser::RecordingBrowser;
use tokenwarden::gui::clipboard::MemoryClipboard;
use tokenwarden::gui::dialogs::QueuedDialogs;
use tokenwarden::gui::{DesktopOptions, GuiOptions, Startup, TokenwardenApp};
use tokenwarden::model::{Channel, ChannelKind, Secret, SecretRef, StoredToken};
use tokenwarden::service::{Notifier, RecordingNotifier, Service};
use tokenwarden::sim::scenario::{ACME_APP_ID, ACME_APP_NAME, ACME_APP_SECRET};
use tokenwarden::sim::{Scenario, SimControl, SimHandle, Simulator};
use tokenwarden::store::{Catalog, Profile, SecretBackend, Store, StoreError};
use tokio_util::sync::CancellationToken;

pub type App = Harness<'static, TokenwardenApp>;

const WAIT: Duration = Duration::from_secs(25);
const MAX_STEPS: u64 = 16;

/// (channel name, simulator token name, Page id)
pub type Seed = (&'static str, &'static str, &'static str);

pub struct Env {
    pub _sim: SimHandle,
    pub control: SimControl,
    pub service: Arc<Service>,
    pub rt: tokio::runtime::Runtime,
    pub dialogs: QueuedDialogs,
    pub notifier: Arc<RecordingNotifier>,
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new(seeds: &[Seed]) -> Env {
        let sim = Simulator::start_background(Scenario::demo()).expect("the simulator starts");
        Env::on(sim, seeds)
    }

    /// Another profile on the same simulator (a new computer).
    pub fn beside(&self) -> Env {
        let sim = Simulator::start_background(Scenario::demo()).expect("the simulator starts");
        Env::on(sim, &[])
    }

    fn on(sim: SimHandle, seeds: &[Seed]) -> Env {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let profile = Profile::resolve(Some(dir.path().join("profile"))).unwrap();
        let store = Store::open(profile.clone(), SecretBackend::Memory).unwrap();
        let mut graph = GraphConfig::default()
            .with_base_url(&sim.base_url())
            .unwrap();
        graph.timeout = Duration::from_secs(3);
        graph.attempts = 1;
        let service = Arc::new(Service::new(store, graph).unwrap());
        rt.block_on(service.add_app(
            ACME_APP_ID,
            ACME_APP_NAME,
            Some(Secret::new(ACME_APP_SECRET)),
            None,
        ))
        .unwrap();
        let env = Env {
            control: sim.control(),
            _sim: sim,
            service,
            rt,
            dialogs: QueuedDialogs::default(),
            notifier: Arc::new(RecordingNotifier::new()),
            dir,
        };
        for seed in seeds {
            env.seed(seed);
        }
        env
    }

    /// Saves a channel directly, as an earlier session would have.
    pub fn seed(&self, &(name, token, page_id): &Seed) {
        let token = Secret::new(self.control.token(token));
        let stored = StoredToken {
            secret: SecretRef::new_token(),
            fingerprint: token.fingerprint(),
            saved_at: Utc::now(),
        };
        self.service.secrets().set(&stored.secret, &token).unwrap();
        let channel = Channel {
            id: Channel::new_id(),
            name: name.into(),
            kind: ChannelKind::Messenger,
            app_id: Some(ACME_APP_ID.into()),
            page_id: Some(page_id.into()),
            page_name: Some(name.into()),
            token: stored,
            previous_token: None,
            last_report: None,
            last_failure: None,
            added_at: Utc::now(),
        };
        self.update(|c| c.channels.push(channel));
    }

    pub fn update(&self, f: impl FnOnce(&mut Catalog)) {
        self.service
            .store
            .catalog
            .update(|c: &mut Catalog| {
                f(c);
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }

    pub fn check_all_now(&self) {
        self.rt
            .block_on(self.service.check(None, None, CancellationToken::new()))
            .unwrap();
    }

    /// The window on this profile; `reminders` runs the schedule with the recording notifier.
    pub fn harness(&self, reminders: bool) -> App {
        let service = self.service.clone();
        let options = GuiOptions {
            clock: Arc::new(Utc::now),
            browser: Box::new(RecordingBrowser::default()),
            clipboard: Box::new(MemoryClipboard::default()),
        };
        let notifier: Arc<dyn Notifier> = self.notifier.clone();
        let desktop = DesktopOptions {
            notifier: reminders.then_some(notifier),
            files: Box::new(self.dialogs.clone()),
        };
        let mut h = Harness::builder()
            .with_size([1280.0, 860.0])
            .with_max_steps(MAX_STEPS)
            .build_eframe(move |cc| {
                TokenwardenApp::with_desktop(cc, Startup::Service(service), options, desktop)
            });
        step_until(&mut h, "the store to open", |h| h.state().state().is_open());
        h
    }
}

pub fn pinned() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

/// The window on `profile` with a pinned clock and queued dialogs, for snapshots.
pub fn pinned_harness(profile: Profile, theme: egui::Theme, dialogs: &QueuedDialogs) -> App {
    let store = Store::open(profile, SecretBackend::Memory).unwrap();
    let graph = GraphConfig::default()
        .with_base_url("http://127.0.0.1:9")
        .unwrap();
    let service = Arc::new(Service::new(store, graph).unwrap());
    let now = pinned();
    let options = GuiOptions {
        clock: Arc::new(move || now),
        browser: Box::new(RecordingBrowser::default()),
        clipboard: Box::new(MemoryClipboard::default()),
    };
    let desktop = DesktopOptions {
        notifier: None,
        files: Box::new(dialogs.clone()),
    };
    let mut h = Harness::builder()
        .with_size([1200.0, 760.0])
        .with_max_steps(MAX_STEPS)
        .with_theme(theme)
        .wgpu()
        .build_eframe(move |cc| {
            TokenwardenApp::with_desktop(cc, Startup::Service(service), options, desktop)
        });
    step_until(&mut h, "the channels to load", |h| {
        !h.state().state().table.is_empty()
    });
    let state = h.state_mut().state_mut();
    state.profile_dir = Some(Path::new("/home/you/.local/share/tokenwarden").into());
    h.run_ok();
    h
}

/// Steps the window until `done` holds, letting the worker answer; fails after `WAIT`.
pub fn step_until(h: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    loop {
        h.step();
        if done(h) {
            h.run_ok();
            return;
        }
        assert!(
            start.elapsed() < WAIT,
            "waited {WAIT:?} for {what}; the window shows:\n{}",
            shown(h)
        );
        std::thread::sleep(Duration::from_millis(15));
    }
}

pub fn shown(h: &App) -> String {
    h.root()
        .children_recursive()
        .filter_map(|n| {
            let a = n.accesskit_node();
            let text = a.label().or_else(|| a.value())?;
            (a.role() != Role::TextRun && !text.is_empty())
                .then(|| format!("  {:?}: {text}", a.role()))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn has_label(h: &App, label: &str) -> bool {
    h.query_by_label(label).is_some()
}

pub fn has_text(h: &App, part: &str) -> bool {
    h.query_all_by_label_contains(part).next().is_some()
}

/// The rows of the list, top to bottom, with their status words.
pub fn rows(h: &App) -> Vec<(String, String)> {
    h.get_all_by_role(Role::ListItem)
        .filter_map(|n| n.accesskit_node().label())
        .map(|name| {
            let status = status_of(h, &name);
            (name, status)
        })
        .collect()
}

pub fn status_of(h: &App, channel: &str) -> String {
    let row = h.get_by_role_and_label(Role::ListItem, channel);
    ["Healthy", "Needs attention", "Broken", "Not checked"]
        .into_iter()
        .find(|s| row.query_by_label(s).is_some())
        .unwrap_or_else(|| panic!("the row of {channel} has no status icon"))
        .to_string()
}

pub fn press(h: &mut App, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run_ok();
    h.get_by_label(label).click();
    h.run_ok();
}

pub fn select(h: &mut App, channel: &str) {
    h.get_by_role_and_label(Role::ListItem, channel).click();
    h.run_ok();
}

pub fn paste(h: &mut App, field: &str, text: &str) {
    h.get_by_label(field).click();
    h.run_ok();
    h.event(egui::Event::Paste(text.to_string()));
    h.run_ok();
}

pub fn snapshot(h: &mut App, name: &str) {
    h.remove_cursor();
    h.run_ok();
    h.snapshot(name);
}
