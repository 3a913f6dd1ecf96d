//! How the views' intents become state changes and worker commands: `TokenwardenApp::handle`
//! for every `UiCommand`, with one function per family (login, desktop, remove/rename, rollback).

use eframe::egui;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};

use crate::graph::links;
use crate::gui::app::TokenwardenApp;
use crate::gui::app::state::{AppState, CheckRun};
use crate::gui::data::desktop::PathEntry;
use crate::gui::data::lock::Lock;
use crate::gui::data::notices::NoticeKind;
use crate::gui::intents::{DesktopAction, LifecycleUi, LoginUi, Page, RollbackUi, UiCommand};
use crate::gui::platform::clipboard::Clipboard;
use crate::gui::platform::dialogs::{FileDialogs, FileKind, documents_dir};
use crate::gui::views::backup::{BackupDialog, RestoreDialog};
use crate::gui::views::groups::GroupDialog;
use crate::gui::views::lifecycle::{LifecycleDialog, Target};
use crate::gui::views::rollback::RollbackDialog;
use crate::gui::views::{add, renew};
use crate::gui::widgets::unopened_link;
use crate::gui::worker::desktop_jobs::DesktopCommand;
use crate::gui::worker::login_jobs::LoginCommand;
use crate::gui::worker::{Command, Worker};
use crate::model::{ReasonCode, Remedy};

impl TokenwardenApp {
    pub(super) fn handle_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            self.handle(command, ctx);
        }
    }

    fn handle(&mut self, command: UiCommand, ctx: &egui::Context) {
        let now = self.now();
        // A link offered for copying belongs to the view that asked; moving on drops it.
        if matches!(
            command,
            UiCommand::ShowPage(_)
                | UiCommand::OpenRenew(_)
                | UiCommand::OpenAdd
                | UiCommand::Login(LoginUi::OpenGuide(_) | LoginUi::OpenGroup(_))
        ) {
            unopened_link::forget(ctx);
        }
        let s = &mut self.state;
        match command {
            UiCommand::ShowPage(page) => s.page = page,
            UiCommand::Select(id) => s.selected = Some(id),
            UiCommand::CheckAll => {
                // Shown at once; the worker's first event confirms the total.
                s.check_all = Some(CheckRun {
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
            UiCommand::Rollback(command) => rollback(s, command, &self.worker),
            UiCommand::CopyToken(id) => self.worker.send(Command::RevealToken { channel: id }),
            UiCommand::OpenUrl(url) => self.open_url(&url, ctx),
            UiCommand::OpenFolder(dir) => {
                if self
                    .options
                    .browser
                    .open(&dir.display().to_string())
                    .is_err()
                {
                    s.notify(NoticeKind::Error, crate::words::t("gui-folder-not-opened"));
                }
            }
            UiCommand::Unlock(choice) => {
                if let Lock::Locked { busy, .. } = &mut s.lock {
                    *busy = true;
                }
                self.worker.send(Command::Unlock(choice));
            }
            UiCommand::HideFirstRun => s.first_run = None,
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
                desktop(action, s, &self.worker, self.files.as_mut(), now)
            }
            UiCommand::Lifecycle(command) => lifecycle(s, command, &self.worker),
            UiCommand::Login(command) => login(
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
                self.open_url(&settings.url, ctx);
                self.open_renew(id, Some(remedy), ctx);
            }
            Remedy::GrantPermission => {
                let url = app_id
                    .as_deref()
                    .map_or(settings.url, |app| links::app_permissions(app).url);
                self.open_url(&url, ctx);
                self.open_renew(id, Some(remedy), ctx);
            }
            Remedy::SubscribeWebhook => {
                let command = LoginUi::SubscribeWebhook(id);
                self.handle(UiCommand::Login(command), ctx);
            }
            Remedy::ClearCheckpoint => {
                let help = links::help_for(reason).unwrap_or_else(links::business_integrations);
                self.open_url(&help.url, ctx);
            }
            Remedy::RestorePageRole => {
                let link = match page {
                    Some(p) => links::page_settings(&p),
                    None => links::help_for(reason).unwrap_or_else(links::business_integrations),
                };
                self.open_url(&link.url, ctx);
            }
            Remedy::WaitRetry | Remedy::CheckConnection | Remedy::None => {
                self.handle(UiCommand::CheckOne(id), ctx);
            }
        }
    }

    /// Opens `url`; when the browser does not start, the view that asked offers the link to
    /// copy instead (the launcher's own complaint means nothing to the user).
    pub(super) fn open_url(&mut self, url: &str, ctx: &egui::Context) {
        match self.options.browser.open(url) {
            Ok(()) => unopened_link::forget(ctx),
            Err(e) => {
                tracing::info!("the browser did not open a page: {e}");
                unopened_link::remember(ctx, url);
            }
        }
    }
}

/// Carries out a login, group, guide or webhook intent.
pub fn login(
    state: &mut AppState,
    command: LoginUi,
    worker: &Worker,
    clipboard: &mut dyn Clipboard,
    ctx: &egui::Context,
) {
    let flows = &mut state.flows;
    match command {
        LoginUi::OpenGroup(group) => {
            let first = group.channel_ids.first().and_then(|id| state.table.get(id));
            let kind = first.map(|v| v.channel.kind);
            let app = group
                .app_id
                .clone()
                .or_else(|| first.and_then(|v| crate::gui::views::login::app_of(&v.channel)));
            match (kind, app) {
                (Some(kind), Some(app)) => {
                    let (dialog, command) = GroupDialog::start(group, app, kind);
                    flows.group = Some(dialog);
                    worker.send(command);
                }
                _ => state.notify(
                    NoticeKind::Error,
                    crate::words::t("notice-group-app-unknown"),
                ),
            }
        }
        LoginUi::CloseGroup => flows.group = None,
        LoginUi::OpenGuide(id) => flows.guide = Some(id),
        LoginUi::CloseGuide => flows.guide = None,
        LoginUi::SubscribeWebhook(id) => {
            flows.subscribing.insert(id.clone());
            worker.send(Command::Login(LoginCommand::SubscribeWebhook {
                channel: id,
            }));
        }
        LoginUi::DismissWebhookOffer => flows.webhook_offer = None,
        LoginUi::CopyText(text) => match clipboard.put_text(&text) {
            Ok(()) => state.notify(NoticeKind::Info, crate::words::t("notice-copied")),
            Err(e) => state.notify(NoticeKind::Error, e),
        },
        LoginUi::OpenApps => {
            if let Some(mut d) = state.renew.take() {
                d.wipe(ctx);
            }
            flows.group = None;
            state.page = Page::Apps;
        }
    }
}

pub fn send_desktop(worker: &Worker, command: DesktopCommand) {
    worker.send(Command::Desktop(command));
}

/// Carries out a reminder, report, backup or restore intent at the window's clock `now`.
pub fn desktop(
    action: DesktopAction,
    state: &mut AppState,
    worker: &Worker,
    files: &mut dyn FileDialogs,
    now: DateTime<Utc>,
) {
    let d = &mut state.desktop;
    match action {
        DesktopAction::Pick(kind) => {
            if d.picking.is_some() {
                return;
            }
            d.picking = Some(kind);
            let last = state.prefs.export_path.trim();
            let last = match last.is_empty() {
                true => crate::gui::views::settings::default_report_path(),
                false => PathBuf::from(last),
            };
            if !files.available() {
                let path = match kind {
                    FileKind::SaveReport => last,
                    _ => documents_dir().join(kind.suggested_name()),
                };
                let text = path.display().to_string();
                d.typing = Some(PathEntry { kind, text });
                d.picking = None;
                return;
            }
            let folder = last.parent().map(Path::to_path_buf);
            let pick = files.pick(kind, folder);
            send_desktop(worker, DesktopCommand::Pick { kind, pick });
        }
        DesktopAction::UseTypedPath => {
            let Some(entry) = d.typing.take() else { return };
            let path = PathBuf::from(entry.text.trim());
            if path.as_os_str().is_empty() {
                d.typing = Some(entry);
                return;
            }
            picked(entry.kind, path, state, worker);
        }
        DesktopAction::CancelTypedPath => {
            if let Some(entry) = d.typing.take()
                && entry.kind == FileKind::SaveBackup
                && let Some(b) = &mut state.backup
            {
                b.busy = false;
            }
        }
        DesktopAction::CloseReport => state.report = None,
        DesktopAction::SelectInReport(id) => {
            if let Some(r) = &mut state.report {
                r.selected = Some(id);
            }
        }
        DesktopAction::Snooze { channel, days } => {
            let until = days.map(|n| now + Duration::days(n));
            send_desktop(worker, DesktopCommand::Snooze { channel, until });
        }
        DesktopAction::SaveReminders(settings) => {
            d.saving_reminders = true;
            send_desktop(worker, DesktopCommand::SaveReminderSettings(settings));
        }
        DesktopAction::OpenBackup => state.backup = Some(BackupDialog::default()),
        DesktopAction::CloseBackup => state.backup = None,
        DesktopAction::CloseRestore => state.restore = None,
        DesktopAction::PlanRestore => {
            if let Some(r) = &mut state.restore
                && let Some(passphrase) = r.take_passphrase()
            {
                let path = r.path.clone();
                send_desktop(worker, DesktopCommand::PlanRestore { path, passphrase });
            }
        }
        DesktopAction::ApplyRestore { overwrite_newer } => {
            if let Some(r) = &mut state.restore
                && let Some(plan) = r.start_applying()
            {
                let command = DesktopCommand::ApplyRestore {
                    plan,
                    overwrite_newer,
                };
                send_desktop(worker, command);
            }
        }
    }
}

/// The user chose `path` (in a file dialog, or typed where there is none).
pub fn picked(kind: FileKind, path: PathBuf, state: &mut AppState, worker: &Worker) {
    match kind {
        FileKind::SaveReport => {
            state.prefs.export_path = path.display().to_string();
            state.exporting = true;
            worker.send(Command::Export { path });
        }
        FileKind::OpenReport => send_desktop(worker, DesktopCommand::ReadReport { path }),
        FileKind::SaveBackup => {
            if let Some(b) = &mut state.backup
                && let Some(passphrase) = b.take_passphrase()
            {
                send_desktop(worker, DesktopCommand::Backup { path, passphrase });
            }
        }
        FileKind::OpenBackup => state.restore = Some(RestoreDialog::new(path)),
    }
}

fn channel_target(state: &AppState, id: &str) -> Option<Target> {
    let c = &state.table.get(id)?.channel;
    Some(Target::Channel {
        id: c.id.clone(),
        name: c.name.clone(),
        has_previous: c.previous_token.is_some(),
    })
}

fn app_target(state: &AppState, id: &str) -> Option<Target> {
    let app = state.apps.iter().find(|a| a.id == id)?;
    let used_by = state
        .table
        .views()
        .iter()
        .filter(|v| v.channel.app_id.as_deref() == Some(id))
        .map(|v| v.channel.name.clone())
        .collect();
    Some(Target::App {
        id: app.id.clone(),
        name: app.name.clone(),
        has_secret: app.has_secret,
        used_by,
    })
}

/// Opens, confirms or closes the remove or rename dialog.
pub fn lifecycle(state: &mut AppState, command: LifecycleUi, worker: &Worker) {
    let open = |target: Option<Target>, rename| target.map(|t| LifecycleDialog::open(t, rename));
    match command {
        LifecycleUi::AskRemoveChannel(id) => {
            state.lifecycle = open(channel_target(state, &id), false)
        }
        LifecycleUi::AskRenameChannel(id) => {
            state.lifecycle = open(channel_target(state, &id), true)
        }
        LifecycleUi::AskRemoveApp(id) => state.lifecycle = open(app_target(state, &id), false),
        LifecycleUi::AskRenameApp(id) => state.lifecycle = open(app_target(state, &id), true),
        LifecycleUi::Close => state.lifecycle = None,
        LifecycleUi::Confirm => {
            if let Some(d) = &mut state.lifecycle
                && !d.busy
            {
                d.busy = true;
                d.problem = None;
                worker.send(Command::Lifecycle(d.command()));
            }
        }
    }
}

/// Opens, confirms or closes the rollback confirmation.
pub fn rollback(state: &mut AppState, command: RollbackUi, worker: &Worker) {
    match command {
        RollbackUi::Ask(id) => {
            let Some(view) = state.table.get(&id) else {
                return;
            };
            let c = &view.channel;
            let Some(prev) = &c.previous_token else {
                return;
            };
            state.rollback = Some(RollbackDialog {
                channel_id: c.id.clone(),
                name: c.name.clone(),
                current: c.token.fingerprint.clone(),
                previous: prev.fingerprint.clone(),
                busy: false,
                problem: None,
            });
        }
        RollbackUi::Close => state.rollback = None,
        RollbackUi::Confirm => {
            if let Some(d) = &mut state.rollback
                && !d.busy
            {
                d.busy = true;
                d.problem = None;
                state.rolling_back.insert(d.channel_id.clone());
                worker.send(Command::Rollback {
                    channel: d.channel_id.clone(),
                    seen: d.current.clone(),
                });
            }
        }
    }
}
