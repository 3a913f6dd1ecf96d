//! GUI test support shared by the modules of `tests/gui/`:
//! a profile on the Graph simulator with channels saved the way an earlier session left them,
//! the window on it driven by its labels, and a pinned clock for the snapshots.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use tokenwarden::graph::GraphConfig;
use tokenwarden::gui::platform::browser::RecordingBrowser;
use tokenwarden::gui::platform::clipboard::MemoryClipboard;
use tokenwarden::gui::platform::dialogs::QueuedDialogs;
use tokenwarden::gui::{DesktopOptions, GuiOptions, Startup, TokenwardenApp};
use tokenwarden::model::{
    Channel, ChannelKind, CheckMethod, GraphErrorInfo, MetaApp, Secret, SecretRef, StoredToken,
    TokenReport, TokenType, WebhookState,
};
use tokenwarden::service::{RecordingNotifier, Service};
use tokenwarden::sim::scenario::{
    ACME_APP_ID, ACME_APP_NAME, ACME_APP_SECRET, BOOKS_PAGE_ID, SHOES_PAGE_ID, TOYS_PAGE_ID,
    TRAVEL_PAGE_ID,
};
use tokenwarden::sim::{Scenario, SimControl, SimHandle, Simulator};
use tokenwarden::store::{Catalog, CatalogFile, Profile, SecretBackend, Store, StoreError};
use tokio_util::sync::CancellationToken;

pub type App = Harness<'static, TokenwardenApp>;

/// How long `step_until` waits unless a test binary asks for less.
pub const WAIT: Duration = Duration::from_secs(25);
/// A dialog that grows (a validation result appears) needs a few frames to settle: a grid's
/// sizing pass, the scroll area, then the dialog re-centres.
pub const MAX_STEPS: u64 = 16;

/// A Messenger channel: (channel name, simulator token name, Page id); the Page is named
/// after the channel.
pub type Seed = (&'static str, &'static str, &'static str);

/// Any channel: (channel name, kind, simulator token name, Page id, Page name).
pub type KindSeed = (
    &'static str,
    ChannelKind,
    &'static str,
    &'static str,
    &'static str,
);

/// What a channel saved by `Env::seed` is made of.
pub trait ChannelSeed {
    /// (channel name, kind, simulator token name, Page id, Page name)
    fn parts(&self) -> (&str, ChannelKind, &str, &str, &str);
}

impl ChannelSeed for (&str, &str, &str) {
    fn parts(&self) -> (&str, ChannelKind, &str, &str, &str) {
        let &(name, token, page_id) = self;
        (name, ChannelKind::Messenger, token, page_id, name)
    }
}

impl ChannelSeed for (&str, ChannelKind, &str, &str, &str) {
    fn parts(&self) -> (&str, ChannelKind, &str, &str, &str) {
        let &(name, kind, token, page_id, page_name) = self;
        (name, kind, token, page_id, page_name)
    }
}

/// A profile on the simulator with a few channels saved the way an earlier session left them.
pub struct Env {
    pub sim: Option<SimHandle>,
    pub control: SimControl,
    pub service: Arc<Service>,
    pub rt: tokio::runtime::Runtime,
    pub profile: Profile,
    pub browser: RecordingBrowser,
    pub clipboard: MemoryClipboard,
    pub dialogs: QueuedDialogs,
    pub notifier: Arc<RecordingNotifier>,
    pub dir: tempfile::TempDir,
    /// How long `harness`-style waits on this profile's window may take.
    pub wait: Duration,
}

impl Env {
    /// A new simulator and profile with `seeds` as channels; the Acme app is saved with its
    /// secret.
    pub fn new(seeds: &[impl ChannelSeed]) -> Env {
        Env::start(seeds, None, WAIT)
    }

    /// A new simulator and profile; the Acme app is saved with its secret and, when given, its
    /// client token; then `seeds` are saved as channels.
    pub fn start(seeds: &[impl ChannelSeed], client_token: Option<&str>, wait: Duration) -> Env {
        let sim = Simulator::start_background(Scenario::demo()).expect("the simulator starts");
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
            client_token.map(Into::into),
        ))
        .unwrap();
        let env = Env {
            control: sim.control(),
            sim: Some(sim),
            service,
            rt,
            profile,
            browser: RecordingBrowser::default(),
            clipboard: MemoryClipboard::default(),
            dialogs: QueuedDialogs::default(),
            notifier: Arc::new(RecordingNotifier::new()),
            dir,
            wait,
        };
        for seed in seeds {
            env.seed(seed);
        }
        env
    }

    /// Saves a channel directly (a broken token could never be added through validation).
    pub fn seed(&self, seed: &impl ChannelSeed) {
        let (name, kind, token, page_id, page_name) = seed.parts();
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
            kind,
            app_id: Some(ACME_APP_ID.into()),
            page_id: Some(page_id.into()),
            page_name: Some(page_name.into()),
            token: stored,
            previous_token: None,
            previous_report: None,
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

    pub fn fingerprint(&self, name: &str) -> String {
        let catalog = CatalogFile::new(&self.profile).load().unwrap();
        catalog.channel(name).unwrap().token.fingerprint.clone()
    }

    /// Graph is unreachable from now on (connection refused).
    pub fn go_offline(&mut self) {
        drop(self.sim.take());
    }

    /// The window on this profile with the real clock, the recording browser and the memory
    /// clipboard; returns as soon as it is built.
    pub fn window(&self, size: [f32; 2], desktop: DesktopOptions) -> App {
        let service = self.service.clone();
        let options = GuiOptions {
            clock: Arc::new(Utc::now),
            browser: Box::new(self.browser.clone()),
            clipboard: Box::new(self.clipboard.clone()),
        };
        Harness::builder()
            .with_size(size)
            .with_max_steps(MAX_STEPS)
            .build_eframe(move |cc| {
                TokenwardenApp::with_desktop(cc, Startup::Service(service), options, desktop)
            })
    }

    /// The window on this profile (no reminders, the system's file dialogs), once its channels
    /// are listed.
    pub fn loaded_window(&self, size: [f32; 2]) -> App {
        let mut h = self.window(size, DesktopOptions::quiet());
        step_until_within(&mut h, self.wait, "the channels to load", |h| {
            h.state().state().is_open() && !h.state().state().table.is_empty()
        });
        h
    }
}

/// A throw-away profile whose catalog holds `channels` and `apps` as an earlier session saved
/// them (the snapshots' fixed catalogs); the folder lives as long as the `TempDir`.
pub fn fixed_profile(channels: Vec<Channel>, apps: Vec<MetaApp>) -> (Profile, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let profile = Profile::resolve(Some(dir.path().join("profile"))).unwrap();
    CatalogFile::new(&profile)
        .update(|c: &mut Catalog| {
            c.channels = channels;
            c.apps = apps;
            Ok::<_, StoreError>(())
        })
        .unwrap();
    (profile, dir)
}

/// The snapshots' clock.
pub fn pinned() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

/// The pinned clock, a recording browser and a memory clipboard. Times on this (the window's)
/// thread read in UTC, so snapshots show the same times on every machine.
pub fn pinned_options() -> GuiOptions {
    tokenwarden::words::time::set_thread_zone(Some(chrono::FixedOffset::east_opt(0).unwrap()));
    let now = pinned();
    GuiOptions {
        clock: Arc::new(move || now),
        browser: Box::new(RecordingBrowser::default()),
        clipboard: Box::new(MemoryClipboard::default()),
    }
}

/// The window on `profile` whose Graph is `base_url`, with the pinned clock, at the snapshots'
/// size in `theme`, once its channels are listed (waiting at most `wait`).
pub fn pinned_window(
    profile: Profile,
    base_url: &str,
    theme: egui::Theme,
    desktop: DesktopOptions,
    wait: Duration,
) -> App {
    pinned_window_until(profile, base_url, theme, desktop, wait, |h| {
        !h.state().state().table.is_empty()
    })
}

/// `pinned_window`, waiting (at most `wait`) until `ready` holds instead.
pub fn pinned_window_until(
    profile: Profile,
    base_url: &str,
    theme: egui::Theme,
    desktop: DesktopOptions,
    wait: Duration,
    ready: impl Fn(&App) -> bool,
) -> App {
    let store = Store::open(profile, SecretBackend::Memory).unwrap();
    let graph = GraphConfig::default().with_base_url(base_url).unwrap();
    let service = Arc::new(Service::new(store, graph).unwrap());
    let options = pinned_options();
    let mut h = Harness::builder()
        .with_size([1200.0, 760.0])
        .with_max_steps(MAX_STEPS)
        .with_theme(theme)
        .wgpu()
        .build_eframe(move |cc| {
            TokenwardenApp::with_desktop(cc, Startup::Service(service), options, desktop)
        });
    step_until_within(&mut h, wait, "the window to be ready", ready);
    h
}

// ---- the fixed catalog of the main window's snapshots ----

fn fixed_report(valid: bool, page: (&str, &str), hours_ago: i64) -> TokenReport {
    let now = pinned();
    TokenReport {
        checked_at: Some(now - chrono::Duration::hours(hours_ago)),
        check_method: Some(CheckMethod::DebugToken),
        is_valid: Some(valid),
        token_type: Some(TokenType::Page),
        app_id: Some(ACME_APP_ID.into()),
        application: Some(ACME_APP_NAME.into()),
        user_id: Some("100000000000001".into()),
        user_name: Some("Alice Admin".into()),
        profile_id: Some(page.0.into()),
        profile_name: Some(page.1.into()),
        issued_at: Some(now - chrono::Duration::days(40)),
        expires_at: None,
        never_expires: Some(true),
        data_access_expires_at: Some(now + chrono::Duration::days(80)),
        scopes: Some(messenger_scopes()),
        granular_scopes: None,
        error: None,
        webhook: Some(WebhookState {
            app_subscribed: true,
            fields: vec!["messages".into(), "messaging_postbacks".into()],
        }),
        // Facts added to the report later stay unknown here.
        ..Default::default()
    }
}

fn fixed_token(tag: &str, days_ago: i64) -> StoredToken {
    StoredToken {
        secret: SecretRef(format!("token-{tag}")),
        fingerprint: Secret::new(format!("EAA-{tag}")).fingerprint(),
        saved_at: pinned() - chrono::Duration::days(days_ago),
    }
}

fn fixed_channel(name: &str, page: (&str, &str), report: Option<TokenReport>) -> Channel {
    Channel {
        id: format!("id-{}", name.to_lowercase().replace(' ', "-")),
        name: name.into(),
        kind: ChannelKind::Messenger,
        app_id: Some(ACME_APP_ID.into()),
        page_id: Some(page.0.into()),
        page_name: Some(page.1.into()),
        token: fixed_token(name, 40),
        previous_token: None,
        previous_report: None,
        last_report: report.map(Box::new),
        last_failure: None,
        added_at: pinned() - chrono::Duration::days(90),
    }
}

/// A channel in every state, with fixed times: the main window's snapshots, in each language.
pub fn fixture() -> Vec<Channel> {
    let now = pinned();
    let shoes = (SHOES_PAGE_ID, "Acme Shoes");
    let mut healthy = fixed_channel("Acme Shoes", shoes, Some(fixed_report(true, shoes, 3)));
    healthy.previous_token = Some(fixed_token("shoes-old", 120));
    let books = (BOOKS_PAGE_ID, "Acme Books");
    let mut expiring = fixed_report(true, books, 3);
    expiring.never_expires = Some(false);
    expiring.expires_at = Some(now + chrono::Duration::days(5) + chrono::Duration::hours(2));
    let travel = (TRAVEL_PAGE_ID, "Acme Travel");
    let mut expired = fixed_report(false, travel, 3);
    expired.never_expires = Some(false);
    expired.expires_at = Some(now - chrono::Duration::days(2));
    expired.scopes = None;
    expired.webhook = None;
    expired.error = Some(session_expired());
    let toys = (TOYS_PAGE_ID, "Acme Toys");
    let mut webhook = fixed_report(true, toys, 26);
    webhook.webhook = Some(WebhookState {
        app_subscribed: true,
        fields: vec!["feed".into()],
    });
    let mut whatsapp = fixed_channel(
        "Acme WhatsApp",
        ("800000000000001", "Acme WhatsApp Business"),
        None,
    );
    whatsapp.kind = ChannelKind::Whatsapp;
    vec![
        healthy,
        fixed_channel("Acme Books", books, Some(expiring)),
        fixed_channel("Acme Travel", travel, Some(expired)),
        fixed_channel("Acme Toys", toys, Some(webhook)),
        whatsapp,
    ]
}

/// A window on the fixed catalog (`fixture`) with the pinned clock, at 1200×760; the Graph
/// address leads nowhere, and nothing asks it. Files are asked through `desktop`.
pub fn fixed_window(theme: egui::Theme, desktop: DesktopOptions) -> (App, tempfile::TempDir) {
    let acme = MetaApp {
        id: ACME_APP_ID.into(),
        name: ACME_APP_NAME.into(),
        client_token: None,
        has_secret: true,
    };
    let (profile, dir) = fixed_profile(fixture(), vec![acme]);
    let mut h = pinned_window(profile, "http://127.0.0.1:9", theme, desktop, WAIT);
    // Paths differ per machine; show the same ones in every snapshot.
    let state = h.state_mut().state_mut();
    state.profile_dir = Some(std::path::Path::new("/home/you/.local/share/tokenwarden").into());
    state.prefs.export_path = "/home/you/Documents/tokenwarden-report.json".into();
    h.run_ok();
    (h, dir)
}

/// Writes into `dir` the support report Ann made of `channels` three days before the pinned
/// clock (the Acme app with its secret); returns its path.
pub fn write_report(dir: &std::path::Path, channels: Vec<Channel>) -> std::path::PathBuf {
    use tokenwarden::service::report_file::{
        REPORT_FORMAT, REPORT_VERSION, ReportApp, SupportReport,
    };
    let report = SupportReport {
        format: REPORT_FORMAT.into(),
        version: REPORT_VERSION,
        made_at: pinned() - chrono::Duration::days(3),
        made_by: "ann on support-laptop".into(),
        tokenwarden_version: "0.1.0".into(),
        apps: vec![ReportApp {
            id: ACME_APP_ID.into(),
            name: ACME_APP_NAME.into(),
            has_secret: true,
        }],
        channels,
    };
    let path = dir.join("report.json");
    std::fs::write(&path, serde_json::to_vec(&report).unwrap()).unwrap();
    path
}

/// The error Graph gives for a token whose session expired.
pub fn session_expired() -> GraphErrorInfo {
    GraphErrorInfo {
        code: 190,
        subcode: Some(463),
        message: "Error validating access token: Session has expired".into(),
        user_title: None,
        user_message: None,
        fbtrace_id: Some("AbCdEfGhIjK".into()),
    }
}

/// What a Messenger channel's token is granted, as a report lists it.
pub fn messenger_scopes() -> Vec<String> {
    [
        "pages_messaging",
        "pages_manage_metadata",
        "pages_read_engagement",
        "pages_show_list",
    ]
    .map(String::from)
    .to_vec()
}

/// Steps the window until `done` holds, letting the worker answer; fails after `WAIT`.
pub fn step_until(h: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    step_until_within(h, WAIT, what, done);
}

/// Steps the window until `done` holds, sleeping a little between frames so the worker can
/// answer; fails with `what` after `wait`.
pub fn step_until_within(h: &mut App, wait: Duration, what: &str, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    loop {
        h.step();
        if done(h) {
            // Settle, which also runs the accessibility check on what is now shown.
            h.run_ok();
            return;
        }
        assert!(
            start.elapsed() < wait,
            "waited {wait:?} for {what}; the window never got there. It shows:\n{}",
            shown(h)
        );
        std::thread::sleep(Duration::from_millis(15));
    }
}

/// What the window says, for failure messages.
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

/// Whether some label contains `part` (the same words may be in a reason and in the history).
pub fn has_text(h: &App, part: &str) -> bool {
    h.query_all_by_label_contains(part).next().is_some()
}

/// Whether a label contains `part`; panics if more than one does.
pub fn has_one_text(h: &App, part: &str) -> bool {
    h.query_by_label_contains(part).is_some()
}

/// The words of a row's status icon ("Broken", "Healthy", …).
pub fn status_of(h: &App, channel: &str) -> String {
    let row = h.get_by_role_and_label(Role::ListItem, channel);
    ["Healthy", "Needs attention", "Broken", "Not checked"]
        .into_iter()
        .find(|s| row.query_by_label(s).is_some())
        .unwrap_or_else(|| panic!("the row of {channel} has no status icon"))
        .to_string()
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

/// Scrolls the only button with this label into view (as a user would) and clicks it.
pub fn press(h: &mut App, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run_ok();
    h.get_by_label(label).click();
    h.run_ok();
}

/// Scrolls the (first) button with this label into view and clicks it.
pub fn press_first(h: &mut App, label: &str) {
    h.get_all_by_label(label).next().unwrap().scroll_to_me();
    h.run_ok();
    h.get_all_by_label(label).next().unwrap().click();
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

/// Fails naming every piece of text a user would find cut or covered in the window as it is
/// now: a label, button or field whose box reaches past the window's left or right edge, or two
/// of them drawn over each other. Text scrolled out of sight above or below is not cut. With a
/// dialog open, only the dialog counts: the window behind it is covered on purpose.
pub fn assert_words_fit(h: &App) {
    use egui::accesskit::Rect;
    let size = h.ctx.content_rect();
    let (width, height) = (f64::from(size.width()), f64::from(size.height()));
    let visible = |r: &Rect| r.y1 > 0.0 && r.y0 < height;
    let mut boxes: Vec<(String, Rect)> = Vec::new();
    let root = h.root();
    let top = root
        .children_recursive()
        .filter(|n| n.accesskit_node().role() == Role::Dialog)
        .last()
        .unwrap_or(root);
    for node in top.children_recursive() {
        let n = node.accesskit_node();
        if n.is_hidden() || n.children().next().is_some() || n.role() == Role::Splitter {
            continue;
        }
        let text = n.label().or_else(|| n.value()).unwrap_or_default();
        let Some(mut r) = n.bounding_box() else {
            continue;
        };
        // Text scrolled past the edge of a scroll view, or a long token scrolled inside its
        // one-line field, is hidden there, not cut: only the part in sight counts.
        let mut up = n.parent();
        while let Some(p) = up {
            let clips = matches!(
                p.role(),
                Role::ScrollView | Role::TextInput | Role::MultilineTextInput | Role::PasswordInput
            );
            if clips && let Some(seen) = p.bounding_box() {
                r = r.intersect(seen);
            }
            up = p.parent();
        }
        if text.trim().is_empty() || !visible(&r) || r.width() < 1.0 || r.height() < 1.0 {
            continue;
        }
        boxes.push((text, r));
    }
    let mut problems = Vec::new();
    for (text, r) in &boxes {
        if r.x0 < -0.5 || r.x1 > width + 0.5 {
            problems.push(format!("{text:?} reaches past the window's side: {r:?}"));
        }
    }
    for (i, (a, ra)) in boxes.iter().enumerate() {
        for (b, rb) in &boxes[i + 1..] {
            let overlap_w = ra.x1.min(rb.x1) - ra.x0.max(rb.x0);
            let overlap_h = ra.y1.min(rb.y1) - ra.y0.max(rb.y0);
            if overlap_w > 2.0 && overlap_h > 2.0 {
                problems.push(format!("{a:?} and {b:?} overlap: {ra:?} / {rb:?}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} word(s) cut or covered at {width}×{height}:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
