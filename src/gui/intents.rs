//! What the views ask for: the intents a widget pushes during a frame instead of changing state
//! inside a closure. `app::handle` carries each out once per frame. A leaf: it names model, data
//! and worker-protocol types only, so every view can push intents without knowing the app.

use crate::gui::data::prefs::ThemeChoice;
use crate::gui::platform::dialogs::FileKind;
use crate::gui::worker::{Command, Unlock};
use crate::model::{ReasonCode, Remedy};
use crate::service::groups::RootCauseGroup;
use crate::store::ReminderSettings;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Page {
    #[default]
    Channels,
    Apps,
    Settings,
}

/// Intents pushed by widgets during a frame, carried out once in `handle_commands`.
#[derive(Debug)]
pub enum UiCommand {
    ShowPage(Page),
    Select(String),
    CheckAll,
    CheckOne(String),
    CancelCheck,
    OpenRenew(String),
    CloseRenew,
    OpenAdd,
    CloseAdd,
    Remedy {
        channel: String,
        remedy: Remedy,
        reason: ReasonCode,
    },
    Rollback(RollbackUi),
    CopyToken(String),
    OpenUrl(String),
    /// The profile folder, in the file manager.
    OpenFolder(std::path::PathBuf),
    Unlock(Unlock),
    DismissUnlock,
    /// The first-run checklist is done with.
    HideFirstRun,
    ShowUnlock,
    Dismiss(usize),
    SetTheme(ThemeChoice),
    Worker(Command),
    /// Logging in, root-cause groups, the walk-through, the webhook offer.
    Login(LoginUi),
    /// Reminders, reports, backup and restore, history.
    Desktop(DesktopAction),
    /// Removing and renaming channels and apps.
    Lifecycle(LifecycleUi),
}

/// Intents of the login, group, guide and webhook widgets.
#[derive(Debug)]
pub enum LoginUi {
    OpenGroup(RootCauseGroup),
    CloseGroup,
    OpenGuide(String),
    CloseGuide,
    SubscribeWebhook(String),
    DismissWebhookOffer,
    /// Plain text with no secret in it (a login code, the walk-through).
    CopyText(String),
    /// The client token is missing: go where it is saved.
    OpenApps,
}

/// What the widgets of this part of the window ask for.
#[derive(Debug)]
pub enum DesktopAction {
    Pick(FileKind),
    /// The typed path (no file dialog here) is the answer.
    UseTypedPath,
    CancelTypedPath,
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

/// Wraps an action for the widgets' command list.
pub fn desktop(action: DesktopAction) -> UiCommand {
    UiCommand::Desktop(action)
}

/// What the widgets of the remove and rename dialogs ask for.
#[derive(Debug, Clone)]
pub enum LifecycleUi {
    AskRemoveChannel(String),
    AskRenameChannel(String),
    AskRemoveApp(String),
    AskRenameApp(String),
    Confirm,
    Close,
}

/// What the widgets of the rollback confirmation ask for.
#[derive(Debug, Clone)]
pub enum RollbackUi {
    /// Open the confirmation for this channel.
    Ask(String),
    Confirm,
    Close,
}
