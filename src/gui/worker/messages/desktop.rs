//! The desktop part of the worker protocol: reminders, file dialogs, reports, history, snoozes,
//! backup and restore, and the worker's answers.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::gui::platform::dialogs::{FileKind, PathPick};
use crate::gui::worker::messages::Failure;
use crate::model::Secret;
use crate::service::report_file::SupportReport;
use crate::service::{BackupSummary, Notifier, RestoreOutcome, RestorePlan};
use crate::store::{LocalState, ReminderSettings};

pub enum DesktopCommand {
    /// Where reminders go; the schedule starts once the service is open too. No answer; each
    /// reminder round is followed by `Event::Catalog` and `ReminderState`.
    UseNotifier(Arc<dyn Notifier>),
    /// A file dialog built by the window, to await here. Answered by `Picked`.
    Pick { kind: FileKind, pick: PathPick },
    /// Answered by `ReportRead`.
    ReadReport { path: PathBuf },
    /// Answered by `History`.
    History { channel: String },
    /// Answered by `ReminderState`.
    LoadReminderState,
    /// Answered by `Snoozed`, then `ReminderState`.
    Snooze {
        channel: String,
        until: Option<DateTime<Utc>>,
    },
    /// Answered by `SettingsSaved`, then `ReminderState`.
    SaveReminderSettings(ReminderSettings),
    /// Answered by `BackedUp`.
    Backup { path: PathBuf, passphrase: Secret },
    /// Reads and decrypts a backup without changing anything. Answered by `RestorePlanned`.
    PlanRestore { path: PathBuf, passphrase: Secret },
    /// Answered by `Restored`, then `Event::Catalog`.
    ApplyRestore {
        plan: Box<RestorePlan>,
        overwrite_newer: bool,
    },
}

pub enum DesktopEvent {
    Picked {
        kind: FileKind,
        path: Option<PathBuf>,
    },
    ReportRead {
        result: Result<Box<SupportReport>, Failure>,
    },
    History {
        channel: String,
        result: Result<Vec<crate::store::HistoryEntry>, Failure>,
    },
    ReminderState(Box<LocalState>),
    Snoozed {
        result: Result<(), Failure>,
    },
    SettingsSaved {
        result: Result<ReminderSettings, Failure>,
    },
    BackedUp {
        result: Result<(PathBuf, BackupSummary), Failure>,
    },
    RestorePlanned {
        result: Result<Box<RestorePlan>, Failure>,
    },
    Restored {
        result: Result<RestoreOutcome, Failure>,
    },
}
