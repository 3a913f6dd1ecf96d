//! The desktop part of the worker protocol: reminders, file dialogs, reports, history, snoozes,
//! backup and restore, and the worker's answers.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::gui::platform::dialogs::{FileKind, PathPick};
use crate::model::Secret;
use crate::service::report_file::SupportReport;
use crate::service::{BackupSummary, Notifier, RestoreOutcome, RestorePlan};
use crate::store::{LocalState, ReminderSettings};

pub enum DesktopCommand {
    /// Where reminders go; the schedule starts once the service is open too.
    UseNotifier(Arc<dyn Notifier>),
    /// A file dialog built by the window, to await here.
    Pick {
        kind: FileKind,
        pick: PathPick,
    },
    ReadReport {
        path: PathBuf,
    },
    History {
        channel: String,
    },
    LoadReminderState,
    Snooze {
        channel: String,
        until: Option<DateTime<Utc>>,
    },
    SaveReminderSettings(ReminderSettings),
    Backup {
        path: PathBuf,
        passphrase: Secret,
    },
    PlanRestore {
        path: PathBuf,
        passphrase: Secret,
    },
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
        result: Result<Box<SupportReport>, String>,
    },
    History {
        channel: String,
        result: Result<Vec<String>, String>,
    },
    ReminderState(Box<LocalState>),
    Snoozed {
        result: Result<(), String>,
    },
    SettingsSaved {
        result: Result<ReminderSettings, String>,
    },
    BackedUp {
        result: Result<(PathBuf, BackupSummary), String>,
    },
    RestorePlanned {
        result: Result<Box<RestorePlan>, String>,
    },
    Restored {
        result: Result<RestoreOutcome, String>,
    },
}
