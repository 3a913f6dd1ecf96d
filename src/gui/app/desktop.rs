//! The window's side of living on the desktop: what it knows about reminders, the history of
//! the selected channel, an opened support report, the backup and restore dialogs and the clock
//! guard; the `DesktopAction`s their widgets push; and how the worker's answers change them.

use chrono::{DateTime, Duration, Utc};
use std::path::{Path, PathBuf};

use crate::gui::app::state::{AppState, NoticeKind, UiCommand};
use crate::gui::platform::dialogs::{FileDialogs, FileKind};
use crate::gui::views::backup::{BackupDialog, RestoreDialog};
use crate::gui::views::report_view::OpenReport;
use crate::gui::worker::Worker;
use crate::gui::worker::desktop_jobs::{DesktopCommand, DesktopEvent};
use crate::gui::worker::messages::{Command, Event};
use crate::service::clock_warning;
use crate::store::{LocalState, ReminderSettings};

/// The history lines of one channel, newest first.
#[derive(Default)]
pub struct HistoryView {
    /// The channel the lines are (or are being read) for.
    pub channel: Option<String>,
    pub lines: Option<Result<Vec<String>, String>>,
    in_flight: bool,
    stale: bool,
}

#[derive(Default)]
pub struct DesktopState {
    /// Reminder settings, snoozes and the server clock, as saved in the profile.
    pub local: LocalState,
    /// The settings page's copy of the reminder settings, saved with "Save".
    pub reminder_form: Option<ReminderSettings>,
    pub saving_reminders: bool,
    pub history: HistoryView,
    pub report: Option<OpenReport>,
    pub backup: Option<BackupDialog>,
    pub restore: Option<RestoreDialog>,
    pub clock_warning: Option<String>,
    /// A file dialog is open.
    pub picking: Option<FileKind>,
    state_stale: bool,
}

impl DesktopState {
    /// When the snooze of `channel` ends, if it is snoozed at `now`.
    pub fn snoozed_until(&self, channel: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let until = self.local.channels.get(channel)?.snoozed_until?;
        (until > now).then_some(until)
    }

    /// Notes what an event of the worker makes out of date (before the state applies it).
    pub fn note(&mut self, event: &Event) {
        match event {
            Event::Renewed { .. }
            | Event::RolledBack { .. }
            | Event::Catalog { .. }
            | Event::ChannelAdded { .. }
            | Event::PagesAdded { .. } => self.history.stale = true,
            Event::CheckFinished { .. } => {
                self.history.stale = true;
                self.state_stale = true;
            }
            _ => {}
        }
    }
}

/// What the widgets of this part of the window ask for.
#[derive(Debug)]
pub enum DesktopAction {
    Pick(FileKind),
    CloseReport,
    SelectInReport(String),
    /// Snooze for this many days; `None` turns the snooze off.
    Snooze {
        channel: String,
        days: Option<i64>,
    },
    SaveReminders(ReminderSettings),
    OpenBackup,
    CloseBackup,
    CloseRestore,
    PlanRestore,
    ApplyRestore {
        overwrite_newer: bool,
    },
}

fn send(worker: &Worker, command: DesktopCommand) {
    worker.send(Command::Desktop(command));
}

/// Carries out one action at the window's clock `now`.
pub fn handle(
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
            let folder = last.parent().map(Path::to_path_buf);
            let pick = files.pick(kind, folder);
            send(worker, DesktopCommand::Pick { kind, pick });
        }
        DesktopAction::CloseReport => d.report = None,
        DesktopAction::SelectInReport(id) => {
            if let Some(r) = &mut d.report {
                r.selected = Some(id);
            }
        }
        DesktopAction::Snooze { channel, days } => {
            let until = days.map(|n| now + Duration::days(n));
            send(worker, DesktopCommand::Snooze { channel, until });
        }
        DesktopAction::SaveReminders(settings) => {
            d.saving_reminders = true;
            send(worker, DesktopCommand::SaveReminderSettings(settings));
        }
        DesktopAction::OpenBackup => d.backup = Some(BackupDialog::default()),
        DesktopAction::CloseBackup => d.backup = None,
        DesktopAction::CloseRestore => d.restore = None,
        DesktopAction::PlanRestore => {
            if let Some(r) = &mut d.restore
                && let Some(passphrase) = r.take_passphrase()
            {
                let path = r.path.clone();
                send(worker, DesktopCommand::PlanRestore { path, passphrase });
            }
        }
        DesktopAction::ApplyRestore { overwrite_newer } => {
            if let Some(r) = &mut d.restore
                && let Some(plan) = r.start_applying()
            {
                let command = DesktopCommand::ApplyRestore {
                    plan,
                    overwrite_newer,
                };
                send(worker, command);
            }
        }
    }
}

/// Applies one answer of the worker at the window's clock `now`.
pub fn apply(event: DesktopEvent, state: &mut AppState, worker: &Worker, now: DateTime<Utc>) {
    let th = state.thresholds;
    let d = &mut state.desktop;
    match event {
        DesktopEvent::Picked { kind, path } => {
            d.picking = None;
            match (kind, path) {
                (FileKind::SaveBackup, None) => {
                    if let Some(b) = &mut d.backup {
                        b.busy = false;
                    }
                }
                (_, None) => {}
                (kind, Some(path)) => picked(kind, path, state, worker),
            }
        }
        DesktopEvent::ReportRead { result } => match result {
            Ok(report) => {
                d.report = Some(OpenReport::new(*report, now, &th));
            }
            Err(e) => state.notify(NoticeKind::Error, e),
        },
        DesktopEvent::History { channel, result } => {
            let h = &mut d.history;
            h.in_flight = false;
            if h.channel.as_deref() == Some(channel.as_str()) {
                h.lines = Some(result);
            }
        }
        DesktopEvent::ReminderState(local) => {
            d.local = *local;
            d.saving_reminders = false;
        }
        DesktopEvent::Snoozed { result } => {
            if let Err(e) = result {
                state.notify(NoticeKind::Error, e);
            }
        }
        DesktopEvent::SettingsSaved { result } => {
            d.saving_reminders = false;
            match result {
                Ok(_) => {
                    d.reminder_form = None;
                    state.notify(NoticeKind::Success, "Reminder settings saved.");
                }
                Err(e) => state.notify(NoticeKind::Error, e),
            }
        }
        DesktopEvent::BackedUp { result } => match result {
            Ok((path, summary)) => {
                d.backup = None;
                state.notify(
                    NoticeKind::Success,
                    crate::gui::views::backup::backed_up_words(&path, &summary),
                );
            }
            Err(e) => match &mut d.backup {
                Some(b) => b.failed(e),
                None => state.notify(NoticeKind::Error, e),
            },
        },
        DesktopEvent::RestorePlanned { result } => {
            if let Some(r) = &mut d.restore {
                r.planned(result);
            }
        }
        DesktopEvent::Restored { result } => match result {
            Ok(outcome) => {
                d.restore = None;
                d.history.stale = true;
                state.notify(
                    NoticeKind::Success,
                    crate::gui::views::backup::restored_words(&outcome),
                );
            }
            Err(e) => match &mut d.restore {
                Some(r) => r.failed(e),
                None => state.notify(NoticeKind::Error, e),
            },
        },
    }
}

/// A file dialog gave a path: go on with what it was for.
fn picked(kind: FileKind, path: PathBuf, state: &mut AppState, worker: &Worker) {
    let d = &mut state.desktop;
    match kind {
        FileKind::SaveReport => {
            state.prefs.export_path = path.display().to_string();
            state.exporting = true;
            worker.send(Command::Export { path });
        }
        FileKind::OpenReport => send(worker, DesktopCommand::ReadReport { path }),
        FileKind::SaveBackup => {
            if let Some(b) = &mut d.backup
                && let Some(passphrase) = b.take_passphrase()
            {
                send(worker, DesktopCommand::Backup { path, passphrase });
            }
        }
        FileKind::OpenBackup => d.restore = Some(RestoreDialog::new(path)),
    }
}

/// Once per frame: keeps the history of the selected channel and the clock guard current.
pub fn tend(state: &mut AppState, worker: &Worker, now: DateTime<Utc>) {
    let d = &mut state.desktop;
    d.clock_warning = clock_warning(state.last_check_at, d.local.server_clock, now);
    if d.state_stale {
        d.state_stale = false;
        send(worker, DesktopCommand::LoadReminderState);
    }
    let h = &mut d.history;
    let selected = state.selected.clone();
    if selected != h.channel {
        h.channel = selected.clone();
        h.lines = None;
        h.stale = true;
    }
    if h.stale && !h.in_flight {
        h.stale = false;
        if let Some(channel) = selected {
            h.in_flight = true;
            send(worker, DesktopCommand::History { channel });
        }
    }
}

/// Wraps an action for the widgets' command list.
pub fn ui(action: DesktopAction) -> UiCommand {
    UiCommand::Desktop(action)
}
