//! `TokenwardenApp`: the eframe app. `logic` applies the worker's events and keeps countdowns
//! moving; `ui` lays out the pages and dialogs; widgets push `UiCommand`s that
//! `handle_commands` carries out once per frame.

pub mod desktop;
pub mod layout;
pub mod login;
pub mod state;

use eframe::egui;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::graph::links;
use crate::gui::app::state::{AppState, Copied, Lock, NoticeKind, Prefs, UiCommand};
use crate::gui::platform::browser::{Browser, SystemBrowser};
use crate::gui::platform::clipboard::{CLEAR_AFTER, Clipboard, SystemClipboard};
use crate::gui::theme;
use crate::gui::views::add;
use crate::gui::views::renew;
use crate::gui::worker::{Command, Event, Startup, Worker};
use crate::model::{ReasonCode, Remedy};

/// The window's idea of "now"; tests pin it so texts like "checked 3 hours ago" stay put.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// How often countdowns ("expires in 5 days") are recomputed while the window is idle.
pub const TICK: Duration = Duration::from_secs(30);

/// What the app talks to besides the worker; tests swap each for a recording fake.
pub struct GuiOptions {
    pub clock: Clock,
    pub browser: Box<dyn Browser>,
    pub clipboard: Box<dyn Clipboard>,
}

/// The desktop side's seams, beside `GuiOptions`: tests hand in a recording notifier and
/// queued file paths (`TokenwardenApp::with_desktop`).
pub struct DesktopOptions {
    /// Where reminders go while the window is open; `None` runs no reminder schedule.
    pub notifier: Option<Arc<dyn crate::service::Notifier>>,
    /// "Export report…", "Open report…", backup and restore ask for files through this.
    pub files: Box<dyn crate::gui::platform::dialogs::FileDialogs>,
}

impl DesktopOptions {
    /// Desktop notifications and the system's file dialogs.
    pub fn system() -> Self {
        DesktopOptions {
            notifier: Some(Arc::new(crate::service::DesktopNotifier)),
            files: Box::new(crate::gui::platform::dialogs::SystemDialogs),
        }
    }

    /// No reminder schedule; the system's file dialogs.
    pub fn quiet() -> Self {
        DesktopOptions {
            notifier: None,
            files: Box::new(crate::gui::platform::dialogs::SystemDialogs),
        }
    }
}

impl GuiOptions {
    pub fn system() -> Self {
        GuiOptions {
            clock: Arc::new(Utc::now),
            browser: Box::new(SystemBrowser),
            clipboard: Box::new(SystemClipboard::default()),
        }
    }
}

pub struct TokenwardenApp {
    worker: Worker,
    options: GuiOptions,
    files: Box<dyn crate::gui::platform::dialogs::FileDialogs>,
    state: AppState,
    commands: Vec<UiCommand>,
    last_tick: Instant,
    worker_gone: bool,
    focus: FocusReturn,
}

/// Gives the keyboard focus back to what had it (the button that opened a dialog) when the
/// dialog closes, so a keyboard user goes on where they were.
#[derive(Default)]
struct FocusReturn {
    /// What had the focus in the last frame without a dialog.
    last: Option<egui::Id>,
    /// What had it when the open dialog appeared.
    opener: Option<egui::Id>,
    dialog_open: bool,
}

impl FocusReturn {
    fn tend(&mut self, ctx: &egui::Context) {
        // This frame's dialogs (egui's own modal record lags a frame behind).
        let open = crate::gui::theme::dialog_shown();
        match (self.dialog_open, open) {
            (false, true) => self.opener = self.last,
            (true, false) => {
                if let Some(id) = self.opener.take() {
                    ctx.memory_mut(|m| m.request_focus(id));
                }
            }
            _ => {}
        }
        if !open {
            self.last = ctx.memory(|m| m.focused()).or(self.last);
        }
        self.dialog_open = open;
    }
}

impl TokenwardenApp {
    /// The window without a reminder schedule (see `with_desktop`).
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup, options: GuiOptions) -> Self {
        Self::with_desktop(cc, startup, options, DesktopOptions::quiet())
    }

    /// The window with reminders going to `desktop.notifier` and files asked through
    /// `desktop.files`.
    pub fn with_desktop(
        cc: &eframe::CreationContext<'_>,
        startup: Startup,
        options: GuiOptions,
        desktop: DesktopOptions,
    ) -> Self {
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        theme::apply(&cc.egui_ctx);
        if prefs.theme != crate::gui::app::state::ThemeChoice::System {
            cc.egui_ctx.set_theme(prefs.theme.preference());
        }
        let worker = Worker::start(startup, cc.egui_ctx.clone());
        if let Some(notifier) = desktop.notifier {
            let command = crate::gui::worker::desktop_jobs::DesktopCommand::UseNotifier(notifier);
            worker.send(Command::Desktop(command));
        }
        TokenwardenApp {
            worker,
            options,
            files: desktop.files,
            state: AppState::new(prefs),
            commands: Vec::new(),
            last_tick: Instant::now(),
            focus: FocusReturn::default(),
            worker_gone: false,
        }
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub fn state_mut(&mut self) -> &mut AppState {
        &mut self.state
    }

    fn now(&self) -> DateTime<Utc> {
        (self.options.clock)()
    }

    fn drain_events(&mut self, ctx: &egui::Context) {
        let now = self.now();
        loop {
            match self.worker.try_recv() {
                Ok(Event::TokenRevealed { channel, result }) => match result {
                    Ok(token) => self.put_on_clipboard(channel, &token),
                    Err(f) => self.state.notify(NoticeKind::Error, f.message),
                },
                Ok(Event::Desktop(event)) => {
                    crate::gui::app::desktop::apply(event, &mut self.state, &self.worker, now)
                }
                Ok(event) => {
                    self.state.desktop.note(&event);
                    self.state.apply(event, now, ctx)
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    if !self.worker_gone {
                        self.worker_gone = true;
                        self.state.notify(
                            NoticeKind::Error,
                            "Tokenwarden's background work stopped. Close and reopen the window; \
                             your saved channels are not affected.",
                        );
                    }
                    break;
                }
            }
        }
    }

    fn put_on_clipboard(&mut self, channel: String, token: &crate::model::Secret) {
        match self.options.clipboard.put_secret(token.expose()) {
            Ok(()) => {
                self.state.copied = Some(Copied {
                    channel,
                    fingerprint: token.fingerprint(),
                    until: Instant::now() + CLEAR_AFTER,
                });
            }
            Err(e) => self.state.notify(NoticeKind::Error, e),
        }
    }

    /// Clears a copied token when its time is up; keeps the countdown text moving meanwhile.
    fn tend_clipboard(&mut self, ctx: &egui::Context) {
        let Some(copied) = &self.state.copied else {
            return;
        };
        let left = copied.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            self.options.clipboard.clear_if_holds(&copied.fingerprint);
            self.state.copied = None;
        } else {
            ctx.request_repaint_after(left.min(Duration::from_secs(1)));
        }
    }

    fn handle_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            self.handle(command, ctx);
        }
    }

    fn handle(&mut self, command: UiCommand, ctx: &egui::Context) {
        let now = self.now();
        let s = &mut self.state;
        match command {
            UiCommand::ShowPage(page) => s.page = page,
            UiCommand::Select(id) => s.selected = Some(id),
            UiCommand::CheckAll => {
                // Shown at once; the worker's first event confirms the total.
                s.check_all = Some(crate::gui::app::state::CheckRun {
                    done: 0,
                    total: s.table.len(),
                    cancelling: false,
                });
                self.worker.send(Command::Check { channel: None });
            }
            UiCommand::CheckOne(id) => {
                s.checking.insert(id.clone());
                self.worker.send(Command::Check { channel: Some(id) });
            }
            UiCommand::CancelCheck => {
                if let Some(run) = &mut s.check_all {
                    run.cancelling = true;
                }
                self.worker.send(Command::CancelCheck);
            }
            UiCommand::OpenRenew(id) => self.open_renew(id, None, ctx),
            UiCommand::CloseRenew => {
                if let Some(mut d) = s.renew.take() {
                    d.wipe(ctx);
                }
            }
            UiCommand::OpenAdd => {
                s.add = Some(add::AddDialog::new(&s.apps));
            }
            UiCommand::CloseAdd => {
                if let Some(mut d) = s.add.take() {
                    d.wipe(ctx);
                }
            }
            UiCommand::Remedy {
                channel,
                remedy,
                reason,
            } => self.remedy(channel, remedy, reason, ctx),
            UiCommand::Rollback(command) => {
                crate::gui::views::rollback::handle(s, command, &self.worker)
            }
            UiCommand::CopyToken(id) => self.worker.send(Command::RevealToken { channel: id }),
            UiCommand::OpenUrl(url) => self.open_url(&url),
            UiCommand::Unlock(choice) => {
                if let Lock::Locked { busy, .. } = &mut s.lock {
                    *busy = true;
                }
                self.worker.send(Command::Unlock(choice));
            }
            UiCommand::DismissUnlock => {
                if let Lock::Locked { dismissed, .. } = &mut s.lock {
                    *dismissed = true;
                }
            }
            UiCommand::ShowUnlock => {
                if let Lock::Locked { dismissed, .. } = &mut s.lock {
                    *dismissed = false;
                }
            }
            UiCommand::Dismiss(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
            }
            UiCommand::SetTheme(choice) => {
                s.prefs.theme = choice;
                ctx.set_theme(choice.preference());
            }
            UiCommand::Worker(command) => {
                if matches!(command, Command::Export { .. }) {
                    s.exporting = true;
                }
                self.worker.send(command);
            }
            UiCommand::Desktop(action) => {
                crate::gui::app::desktop::handle(action, s, &self.worker, self.files.as_mut(), now)
            }
            UiCommand::Lifecycle(command) => {
                crate::gui::views::lifecycle::handle(s, command, &self.worker)
            }
            UiCommand::Login(command) => crate::gui::app::login::handle(
                s,
                command,
                &self.worker,
                self.options.clipboard.as_mut(),
                ctx,
            ),
        }
    }

    fn open_renew(&mut self, id: String, remedy: Option<Remedy>, ctx: &egui::Context) {
        if let Some(mut old) = self.state.renew.take() {
            old.wipe(ctx);
        }
        self.state.renew = Some(renew::RenewDialog::new(id, remedy));
    }

    /// The one primary button of the details panel: what it does for each remedy.
    fn remedy(&mut self, id: String, remedy: Remedy, reason: ReasonCode, ctx: &egui::Context) {
        let Some(view) = self.state.table.get(&id) else {
            return;
        };
        let channel = &view.channel;
        let app_id = channel
            .app_id
            .clone()
            .or_else(|| channel.last_report.as_ref()?.app_id.clone());
        let settings = app_id
            .as_deref()
            .map(|app| links::channel_settings(channel.kind, app))
            .unwrap_or_else(links::token_debugger);
        let page = channel.page_id.clone();
        match remedy {
            Remedy::Renew => self.open_renew(id, Some(remedy), ctx),
            Remedy::Relogin => {
                self.open_url(&settings.url);
                self.open_renew(id, Some(remedy), ctx);
            }
            Remedy::GrantPermission => {
                let url = app_id
                    .as_deref()
                    .map_or(settings.url, |app| links::app_permissions(app).url);
                self.open_url(&url);
                self.open_renew(id, Some(remedy), ctx);
            }
            Remedy::SubscribeWebhook => {
                let command = crate::gui::app::login::LoginUi::SubscribeWebhook(id);
                self.handle(UiCommand::Login(command), ctx);
            }
            Remedy::ClearCheckpoint => {
                let help = links::help_for(reason).unwrap_or_else(links::business_integrations);
                self.open_url(&help.url);
            }
            Remedy::RestorePageRole => {
                let link = match page {
                    Some(p) => links::page_settings(&p),
                    None => links::help_for(reason).unwrap_or_else(links::business_integrations),
                };
                self.open_url(&link.url);
            }
            Remedy::WaitRetry | Remedy::CheckConnection | Remedy::None => {
                self.handle(UiCommand::CheckOne(id), ctx);
            }
        }
    }

    fn open_url(&mut self, url: &str) {
        if let Err(e) = self.options.browser.open(url) {
            self.state.notify(NoticeKind::Error, e);
        }
    }
}

impl eframe::App for TokenwardenApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.drain_events(ctx);
        if self.last_tick.elapsed() >= TICK {
            self.last_tick = Instant::now();
            let now = self.now();
            let th = self.state.thresholds;
            if self.state.check_all.is_none() {
                self.state.table.reclassify(now, &th);
            }
        }
        self.tend_clipboard(ctx);
        let now = self.now();
        crate::gui::app::desktop::tend(&mut self.state, &self.worker, now);
        // Countdowns move without a busy loop: one quiet repaint per tick.
        ctx.request_repaint_after(TICK);
        if let Some(next) = self.state.expire_notices(Instant::now()) {
            ctx.request_repaint_after(next);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let now = self.now();
        let copied_left = self.state.copied.as_ref().map(|c| {
            (
                c.channel.clone(),
                c.until.saturating_duration_since(Instant::now()).as_secs() + 1,
            )
        });
        layout::show(ui, &mut self.state, now, copied_left, &mut self.commands);
        self.handle_commands(&ui.ctx().clone());
        self.focus.tend(ui.ctx());
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state.prefs);
    }

    fn on_exit(&mut self) {
        // The clipboard must not keep a token after the window closes.
        if let Some(copied) = self.state.copied.take() {
            self.options.clipboard.clear_if_holds(&copied.fingerprint);
        }
        // Dropping the dialogs wipes their pasted text.
        self.state.renew = None;
        self.state.add = None;
        self.state.desktop.backup = None;
        self.state.desktop.restore = None;
    }
}
