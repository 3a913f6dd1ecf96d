//! The worker: a tokio runtime on its own thread that owns the `Service`. The window sends it
//! `Command`s and reads `Event`s back; every network, keychain and disk operation happens here,
//! never inside a frame. After each event the worker asks egui for a repaint.
//!
//! The worker also looks at the catalog file about once a second, so changes made by another
//! process (the CLI, a scheduled check) show up in the open window without a restart. On a team
//! workspace it listens to the server instead (`Workspace::listen`): a change any member
//! commits reloads the list as soon as it is told.

pub mod demo;
pub mod desktop_jobs;
pub mod job_steps;
pub mod jobs;
pub mod lifecycle_jobs;
pub mod login_jobs;
pub mod messages;

use eframe::egui;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::graph::GraphConfig;
pub use crate::gui::worker::messages::{
    CheckDone, Command, Event, Failure, Sink, Startup, Unlock, UnlockNeed,
};
use crate::service::{Service, ServiceError};
use crate::store::{CatalogFile, Profile, SecretBackend, SecretError, Store, StoreError};

/// The window's end of the worker.
pub struct Worker {
    tx: mpsc::UnboundedSender<Command>,
    rx: std::sync::mpsc::Receiver<Event>,
}

impl Worker {
    pub fn start(startup: Startup, ctx: egui::Context) -> Worker {
        let (tx, commands) = mpsc::unbounded_channel();
        let (events_tx, rx) = std::sync::mpsc::channel();
        let sink = Sink::new(events_tx, ctx);
        let spawned = std::thread::Builder::new()
            .name("tokenwarden-worker".into())
            .spawn(move || run_thread(startup, commands, sink.clone()));
        if let Err(e) = spawned {
            // The window notices the closed channel and says the worker is gone.
            let detail = e.to_string();
            let words =
                crate::words::t_args("worker-could-not-start", &[("detail", detail.into())]);
            eprintln!("{}", crate::words::errors::prefixed(&words));
        }
        Worker { tx, rx }
    }

    pub fn send(&self, command: Command) {
        // Fails only after the worker thread ended; `try_recv` then reports it.
        let _ = self.tx.send(command);
    }

    pub fn try_recv(&self) -> Result<Event, std::sync::mpsc::TryRecvError> {
        self.rx.try_recv()
    }
}

fn run_thread(startup: Startup, commands: mpsc::UnboundedReceiver<Command>, sink: Sink) {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("tokenwarden-io")
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            sink.send(Event::StartFailed(Failure::new(crate::words::t_args(
                "worker-could-not-start",
                &[("detail", e.to_string().into())],
            ))));
            return;
        }
    };
    let (changes, changed) = mpsc::unbounded_channel();
    runtime.block_on(WorkerLoop::new(sink, changes).run(startup, commands, changed));
    // Do not let a slow request keep the closing app alive.
    runtime.shutdown_timeout(Duration::from_secs(2));
}

struct WorkerLoop {
    sink: Sink,
    profile: Option<Profile>,
    service: Option<Arc<Service>>,
    checks: CancellationToken,
    /// Keeps the demo's simulator and temporary profile alive as long as the window.
    _demo: Option<Box<dyn Send>>,
    /// The reminder schedule and the desktop jobs (reports, backup, history).
    desktop: crate::gui::worker::desktop_jobs::DesktopWorker,
    /// On a workspace: where the listener tells of changes, and the listener (stops on drop).
    changes: mpsc::UnboundedSender<()>,
    listening: Option<crate::store::workspace::Listening>,
}

impl WorkerLoop {
    fn new(sink: Sink, changes: mpsc::UnboundedSender<()>) -> Self {
        WorkerLoop {
            changes,
            listening: None,
            sink,
            profile: None,
            service: None,
            checks: CancellationToken::new(),
            _demo: None,
            desktop: Default::default(),
        }
    }

    async fn run(
        mut self,
        startup: Startup,
        mut commands: mpsc::UnboundedReceiver<Command>,
        mut changed: mpsc::UnboundedReceiver<()>,
    ) {
        self.start(startup).await;
        let mut tick = tokio::time::interval(WATCH_EVERY);
        // After a long job, one look is enough; a burst of catch-up looks would only cost.
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut seen = None;
        loop {
            tokio::select! {
                command = commands.recv() => match command {
                    Some(command) => self.handle(command).await,
                    None => break,
                },
                _ = tick.tick() => self.watch_catalog(&mut seen).await,
                Some(()) = changed.recv() => {
                    // A check-all tells of many rows at once: one reload covers them all.
                    while changed.try_recv().is_ok() {}
                    self.reload().await;
                    self.send_team().await;
                }
            }
        }
        self.checks.cancel();
        self.desktop.stop();
    }

    async fn start(&mut self, startup: Startup) {
        match startup {
            Startup::Service(service) => self.use_service(service).await,
            Startup::Demo => match crate::gui::worker::demo::start().await {
                Ok((service, keep)) => {
                    self._demo = Some(keep);
                    self.use_service(service).await;
                }
                Err(message) => self.sink.send(Event::StartFailed(Failure::new(message))),
            },
            Startup::Profile(dir) => {
                let profile = match blocking(move || Profile::resolve(dir)).await {
                    Ok(p) => p,
                    Err(e) => {
                        self.sink.send(Event::StartFailed(e));
                        return;
                    }
                };
                self.sink.send(Event::Profile {
                    dir: profile.dir.clone(),
                });
                self.profile = Some(profile.clone());
                // The catalog needs no secret: show the saved facts before anything is unlocked.
                self.send_offline_catalog(&profile).await;
                self.choose_secret_store(&profile).await;
            }
        }
    }

    async fn use_service(&mut self, service: Arc<Service>) {
        self.profile = Some(service.store.profile.clone());
        self.sink.send(Event::Profile {
            dir: service.store.profile.dir.clone(),
        });
        self.sink.send(Event::Unlocked {
            store: service.secrets().kind(),
        });
        self.desktop.service_opened(&service, &self.sink);
        self.listen(&service);
        self.service = Some(service);
        self.reload().await;
        self.send_team().await;
    }

    /// On a workspace: the workspace, this member and the members, for Settings.
    async fn send_team(&self) {
        let Some(ws) = self
            .service
            .as_ref()
            .and_then(|s| s.store.catalog.workspace().cloned())
        else {
            return;
        };
        if let Ok(Some(team)) = tokio::task::spawn_blocking(move || team_view(&ws)).await {
            self.sink.send(Event::Team(team));
        }
    }

    /// On a workspace, follows the changes other members commit (a local profile has its file
    /// watched instead). Not listening is logged, never an error: the list still reloads after
    /// this window's own changes.
    fn listen(&mut self, service: &Service) {
        let Some(ws) = service.store.catalog.workspace() else {
            return;
        };
        let changes = self.changes.clone();
        match ws.listen(move |_| {
            let _ = changes.send(());
        }) {
            Ok(listening) => self.listening = Some(listening),
            Err(e) => tracing::warn!(error = %e, "not following the workspace's changes"),
        }
    }

    async fn send_offline_catalog(&self, profile: &Profile) {
        let file = CatalogFile::new(profile);
        let reader = file.clone();
        match blocking(move || reader.load()).await {
            Ok(catalog) => self.sink.send(Event::catalog(&file, catalog)),
            Err(e) => self.sink.send(Event::StartFailed(e)),
        }
    }

    /// `SecretBackend::from_env`, made interactive: the keychain by default, the vault when it
    /// is chosen or already exists, and a clear question when the keychain is not there.
    async fn choose_secret_store(&mut self, profile: &Profile) {
        let vault_exists = profile.vault_path().exists();
        match SecretBackend::from_env(|| None) {
            Ok(SecretBackend::Vault { passphrase }) => {
                self.unlock(Unlock::Vault { passphrase }).await
            }
            Ok(_) if vault_exists => self.ask(UnlockNeed::VaultPassphrase { exists: true }, None),
            Ok(_) => self.unlock(Unlock::Keyring).await,
            Err(SecretError::NoPassphrase) => self.ask(
                UnlockNeed::VaultPassphrase {
                    exists: vault_exists,
                },
                None,
            ),
            Err(e) => self.ask(
                UnlockNeed::KeychainUnavailable {
                    detail: String::new(),
                },
                Some(e.to_string()),
            ),
        }
    }

    fn ask(&self, need: UnlockNeed, problem: Option<String>) {
        self.sink.send(Event::NeedsUnlock { need, problem });
    }

    async fn unlock(&mut self, choice: Unlock) {
        let Some(profile) = self.profile.clone() else {
            return;
        };
        let exists = profile.vault_path().exists();
        let backend = match choice {
            Unlock::Keyring => SecretBackend::Keyring,
            Unlock::Vault { passphrase } => SecretBackend::Vault { passphrase },
        };
        let is_vault = matches!(backend, SecretBackend::Vault { .. });
        let opened = tokio::task::spawn_blocking(move || Store::open(profile, backend)).await;
        let store = match opened {
            Ok(Ok(store)) => store,
            Ok(Err(StoreError::Secret(SecretError::WrongPassphrase))) => {
                return self.ask(
                    UnlockNeed::VaultPassphrase { exists: true },
                    Some(crate::words::t("worker-wrong-passphrase")),
                );
            }
            Ok(Err(StoreError::Secret(SecretError::Unavailable { detail }))) => {
                return self.ask(UnlockNeed::KeychainUnavailable { detail }, None);
            }
            Ok(Err(e)) if is_vault => {
                let why = crate::words::errors::store(&e);
                return self.ask(UnlockNeed::VaultPassphrase { exists }, Some(why));
            }
            Ok(Err(e)) => {
                return self.ask(
                    UnlockNeed::KeychainUnavailable {
                        detail: String::new(),
                    },
                    Some(crate::words::errors::store(&e)),
                );
            }
            Err(e) => {
                return self.sink.send(Event::StartFailed(Failure::task_failed(e)));
            }
        };
        let graph = match GraphConfig::from_env() {
            Ok(graph) => graph,
            Err(e) => {
                return self.sink.send(Event::StartFailed(Failure::new(
                    crate::words::errors::config(&e),
                )));
            }
        };
        match Service::new(store, graph) {
            Ok(service) => self.use_service(Arc::new(service)).await,
            Err(e) => self.sink.send(Event::StartFailed(Failure::from(e))),
        }
    }

    async fn reload(&self) {
        let Some(service) = self.service.clone() else {
            return;
        };
        if let Ok(catalog) = service.catalog().await {
            self.sink
                .send(Event::catalog(&service.store.catalog, catalog));
        }
    }

    /// Reloads the list when the catalog file changed since the last look (its time or size).
    /// Only a change sends an event, so an idle window is not woken up.
    async fn watch_catalog(&self, seen: &mut Option<FileStamp>) {
        let Some(profile) = self.profile.clone() else {
            return;
        };
        let path = profile.catalog_path();
        let Ok(Ok(stamp)) = tokio::task::spawn_blocking(move || FileStamp::of(&path)).await else {
            return;
        };
        let changed = seen.as_ref().is_some_and(|s| *s != stamp);
        *seen = Some(stamp);
        if !changed {
            return;
        }
        if self.service.is_some() {
            self.reload().await;
        } else {
            // Still locked: the saved facts need no secret. A file caught half-written by a
            // tool that does not write atomically is read again on the next look.
            let file = CatalogFile::new(&profile);
            let reader = file.clone();
            if let Ok(catalog) = blocking(move || reader.load()).await {
                self.sink.send(Event::catalog(&file, catalog));
            }
        }
    }

    async fn handle(&mut self, command: Command) {
        if let Command::Unlock(choice) = command {
            return self.unlock(choice).await;
        }
        if let Command::CancelCheck = command {
            self.checks.cancel();
            self.checks = CancellationToken::new();
            return;
        }
        if let Command::Desktop(command) = command {
            let (service, profile) = (self.service.clone(), self.profile.clone());
            return self.desktop.handle(service, profile, &self.sink, command);
        }
        let Some(service) = self.service.clone() else {
            if let Some(profile) = self.profile.clone() {
                self.send_offline_catalog(&profile).await;
            }
            return;
        };
        let sink = self.sink.clone();
        let cancel = self.checks.clone();
        // Everything below may take a while: it runs beside the loop, so Cancel stays quick.
        tokio::spawn(async move { jobs::run(&service, &sink, cancel, command).await });
    }
}

/// What Settings shows of a workspace; `None` when its membership file is damaged (the
/// window's errors say so elsewhere). A server away is shown as offline, not as an error.
fn team_view(ws: &crate::store::workspace::Workspace) -> Option<crate::gui::data::team::TeamView> {
    use crate::store::workspace::WorkspaceError;
    let me = ws.membership().ok()?.member.clone();
    let server = ws.server().unwrap_or_default();
    let members = ws.members();
    let offline = matches!(members, Err(WorkspaceError::Offline(_)));
    let members: Vec<_> = members
        .unwrap_or_default()
        .into_iter()
        .map(|m| (m.name, m.role))
        .collect();
    let my_role = members.iter().find(|(n, _)| *n == me).map(|(_, r)| *r);
    Some(crate::gui::data::team::TeamView {
        server,
        me,
        my_role,
        members,
        offline,
    })
}

/// How often the worker looks at the catalog file for changes made by other processes.
const WATCH_EVERY: Duration = Duration::from_secs(1);

/// What identifies one version of a file without reading it: when it was written and its size
/// (a missing file is a version too, so its creation is noticed).
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileStamp(Option<(std::time::SystemTime, u64)>);

impl FileStamp {
    fn of(path: &std::path::Path) -> Result<FileStamp, std::io::Error> {
        match std::fs::metadata(path) {
            Ok(m) => Ok(FileStamp(Some((m.modified()?, m.len())))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(FileStamp(None)),
            Err(e) => Err(e),
        }
    }
}

/// Runs blocking work (file locks, keychain, scrypt) off the async threads.
/// Its failure keeps the facts, so the window phrases it in its own language.
async fn blocking<T: Send + 'static, E: Send + 'static + Into<ServiceError>>(
    f: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> Result<T, Failure> {
    match tokio::task::spawn_blocking(f).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(Failure::from(e.into())),
        Err(e) => Err(Failure::task_failed(e)),
    }
}
