//! What the window and the worker say to each other: `Command`s in, `Event`s out, and the
//! `Failure` that explains, in words, why something did not happen (the only error an event
//! carries). Each command says which event answers it; the worker knows nothing of the window.

pub mod desktop;
mod failure;
pub mod lifecycle;
pub mod login;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::model::{Channel, ChannelKind, MetaApp, Secret};
use crate::service::login_pages::PagePick;
use crate::service::{Service, Validation};
use crate::store::SecretStoreKind;

pub use failure::{Failure, Trouble};

/// What the window starts on.
pub enum Startup {
    /// Open this profile folder (the default one when `None`) and ask for the secret store.
    Profile(Option<PathBuf>),
    /// An already open service (tests, the demo).
    Service(Arc<Service>),
    /// A throw-away profile on the built-in simulator (`--demo`).
    Demo,
}

/// The secret store the user chose on the unlock screen.
pub enum Unlock {
    Keyring,
    Vault { passphrase: Secret },
}

pub enum Command {
    /// Opens the secret store. Answered by `Unlocked` (then `Catalog`), or `NeedsUnlock` with
    /// the problem.
    Unlock(Unlock),
    /// Answered by `Catalog`.
    Reload,
    /// One channel, or all when `None`. Answered by `CheckStarted`, a `Checked` per channel,
    /// then `CheckFinished`.
    Check { channel: Option<String> },
    /// Stops the running check; its `CheckFinished` says it was cancelled.
    CancelCheck,
    /// Asks Facebook about a token without saving it. Answered by `Validated` with the same
    /// ticket.
    Validate {
        ticket: u64,
        channel: Option<String>,
        kind: ChannelKind,
        app_id: Option<String>,
        token: Secret,
    },
    /// Validates and saves a new token. Answered by `Renewed`, then a check of that channel.
    Renew {
        channel: String,
        token: Secret,
        accept_warnings: bool,
    },
    /// Puts the previous token back after checking it. Answered by `RolledBack`.
    Rollback {
        channel: String,
        /// The fingerprint of the current token the confirmation showed.
        seen: String,
    },
    /// Answered by `ChannelAdded`.
    AddChannel {
        name: String,
        kind: ChannelKind,
        app_id: Option<String>,
        token: Secret,
    },
    /// One channel per picked Page of a login; answered by `PagesAdded`.
    AddPages {
        kind: ChannelKind,
        app_id: Option<String>,
        user_token: Secret,
        picks: Vec<PagePick>,
    },
    /// Answered by `AppAdded`.
    AddApp {
        id: String,
        name: String,
        secret: Option<Secret>,
        client_token: Option<String>,
    },
    /// Writes the support report. Answered by `Exported`.
    Export { path: PathBuf },
    /// Reads a token for "Copy token". Answered by `TokenRevealed`.
    RevealToken { channel: String },
    /// Logging in with Facebook, saving what a login made, re-subscribing the webhook.
    /// Answered by `Event::Login`.
    Login(login::LoginCommand),
    /// Reminders, file dialogs, reports, history, backup and restore. Answered by
    /// `Event::Desktop`.
    Desktop(desktop::DesktopCommand),
    /// Removing and renaming channels and apps. Answered by `Event::Lifecycle`, then `Catalog`.
    Lifecycle(lifecycle::LifecycleCommand),
}

impl std::fmt::Debug for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print a command's fields: several carry tokens or secrets.
        f.write_str("Command(..)")
    }
}

impl std::fmt::Debug for Unlock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Unlock(..)")
    }
}

/// What the unlock screen has to ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnlockNeed {
    /// The OS keychain cannot be reached: offer an encrypted vault instead.
    KeychainUnavailable { detail: String },
    /// The vault is in use: ask for its passphrase (twice when it is new).
    VaultPassphrase { exists: bool },
}

pub enum Event {
    Profile {
        dir: PathBuf,
    },
    /// The team workspace this profile is on (sent again when a member changes something).
    Team(crate::gui::data::team::TeamView),
    Catalog {
        channels: Vec<Channel>,
        apps: Vec<MetaApp>,
        last_check_at: Option<DateTime<Utc>>,
        /// On a team workspace whose server cannot be reached: the facts are the copy synced
        /// at this time, and nothing can be changed until the server is back.
        offline_since: Option<DateTime<Utc>>,
    },
    NeedsUnlock {
        need: UnlockNeed,
        problem: Option<String>,
    },
    Unlocked {
        store: SecretStoreKind,
    },
    /// The profile, the secret store or the worker itself could not be opened.
    StartFailed(Failure),
    CheckStarted {
        channel: Option<String>,
        total: usize,
    },
    Checked {
        channel: Box<Channel>,
        done: usize,
        total: usize,
    },
    CheckFinished {
        channel: Option<String>,
        result: Result<CheckDone, Failure>,
    },
    Validated {
        ticket: u64,
        result: Result<Box<Validation>, Failure>,
    },
    Renewed {
        channel: String,
        result: Result<Box<Channel>, Failure>,
    },
    RolledBack {
        channel: String,
        result: Result<Box<Channel>, Failure>,
    },
    ChannelAdded {
        result: Result<Box<Channel>, Failure>,
    },
    /// Each picked Page and what became of it, in pick order.
    PagesAdded {
        results: Vec<(PagePick, Result<Box<Channel>, Failure>)>,
    },
    AppAdded {
        result: Result<MetaApp, Failure>,
    },
    Exported {
        result: Result<PathBuf, Failure>,
    },
    TokenRevealed {
        channel: String,
        result: Result<Secret, Failure>,
    },
    Login(login::LoginEvent),
    Desktop(desktop::DesktopEvent),
    Lifecycle(lifecycle::LifecycleEvent),
}

impl Event {
    /// The list as `file` just loaded it, marked offline when it came from a workspace's copy.
    pub fn catalog(file: &crate::store::CatalogFile, catalog: crate::store::Catalog) -> Event {
        Event::Catalog {
            channels: catalog.channels,
            apps: catalog.apps,
            last_check_at: catalog.last_check_at,
            offline_since: file.workspace().and_then(|ws| ws.offline_as_of()),
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct CheckDone {
    pub failed: usize,
    pub cancelled: bool,
}

/// Hands events to the window and wakes it up: the worker's jobs answer through it.
#[derive(Clone)]
pub struct Sink {
    tx: std::sync::mpsc::Sender<Event>,
    ctx: eframe::egui::Context,
}

impl Sink {
    pub fn new(tx: std::sync::mpsc::Sender<Event>, ctx: eframe::egui::Context) -> Self {
        Sink { tx, ctx }
    }

    pub fn send(&self, event: Event) {
        // The window is gone when this fails; nothing is left to tell.
        let _ = self.tx.send(event);
        self.ctx.request_repaint();
    }
}
