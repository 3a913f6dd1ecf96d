//! What the window knows and what its widgets ask for: `AppState` (channels, selection, dialogs,
//! banners), the `UiCommand`s widgets push instead of changing state inside closures, and how
//! the worker's `Event`s change the state.

use eframe::egui;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::Instant;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::gui::data::table::{ChannelTable, Filter};
use crate::gui::views::add::AddDialog;
use crate::gui::views::apps::AppForm;
use crate::gui::views::renew::RenewDialog;
use crate::gui::views::unlock::UnlockForm;
use crate::gui::worker::{Command, Event, Failure, Unlock, UnlockNeed};
use crate::model::{MetaApp, ReasonCode, Remedy, Thresholds};
use crate::store::SecretStoreKind;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Remembered between runs (eframe storage). `serde(default)` lets older files load.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub theme: ThemeChoice,
    pub filter: Filter,
    pub export_path: String,
}

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
    Rollback(crate::gui::views::rollback::RollbackUi),
    CopyToken(String),
    OpenUrl(String),
    Unlock(Unlock),
    DismissUnlock,
    ShowUnlock,
    Dismiss(usize),
    SetTheme(ThemeChoice),
    Worker(Command),
    /// Logging in, root-cause groups, the walk-through, the webhook offer.
    Login(crate::gui::app::login::LoginUi),
    /// Reminders, reports, backup and restore, history.
    Desktop(crate::gui::app::desktop::DesktopAction),
    /// Removing and renaming channels and apps.
    Lifecycle(crate::gui::views::lifecycle::LifecycleUi),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Success,
    Error,
}

#[derive(Debug, Clone)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    pub shown_at: std::time::Instant,
}

/// A success banner says "done" and then gets out of the way; errors and information stay
/// until dismissed, since they ask for something.
pub const SUCCESS_SHOWN: std::time::Duration = std::time::Duration::from_secs(6);
/// The last part of that time, in which the banner fades out.
pub const SUCCESS_FADE: std::time::Duration = std::time::Duration::from_secs(1);

impl Notice {
    /// How opaque the banner is now: 1 until it starts to fade, then down to 0.
    pub fn opacity(&self, now: std::time::Instant) -> f32 {
        if self.kind != NoticeKind::Success {
            return 1.0;
        }
        let left = SUCCESS_SHOWN.saturating_sub(now.saturating_duration_since(self.shown_at));
        (left.as_secs_f32() / SUCCESS_FADE.as_secs_f32()).min(1.0)
    }
}

/// Where the secret store stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lock {
    Opening,
    Locked {
        need: UnlockNeed,
        problem: Option<String>,
        /// The user chose to look at the saved facts only; a banner offers to unlock later.
        dismissed: bool,
        busy: bool,
    },
    Open(SecretStoreKind),
    Failed(String),
}

/// A "check all" in progress.
#[derive(Debug, Clone, Copy)]
pub struct CheckRun {
    pub done: usize,
    pub total: usize,
    pub cancelling: bool,
}

/// A token on the clipboard, to clear at `until`.
#[derive(Debug, Clone)]
pub struct Copied {
    pub channel: String,
    pub fingerprint: String,
    pub until: Instant,
}

pub struct AppState {
    pub prefs: Prefs,
    pub page: Page,
    pub table: ChannelTable,
    pub selected: Option<String>,
    pub apps: Vec<MetaApp>,
    pub last_check_at: Option<DateTime<Utc>>,
    pub profile_dir: Option<PathBuf>,
    pub lock: Lock,
    pub unlock_form: UnlockForm,
    pub check_all: Option<CheckRun>,
    pub checking: HashSet<String>,
    pub rolling_back: HashSet<String>,
    pub renew: Option<RenewDialog>,
    pub add: Option<AddDialog>,
    pub app_form: AppForm,
    pub notices: Vec<Notice>,
    pub copied: Option<Copied>,
    pub exporting: bool,
    pub thresholds: Thresholds,
    pub flows: crate::gui::app::login::Flows,
    pub desktop: crate::gui::app::desktop::DesktopState,
    /// The open remove or rename dialog.
    pub lifecycle: Option<crate::gui::views::lifecycle::LifecycleDialog>,
    /// The open "Roll back" confirmation.
    pub rollback: Option<crate::gui::views::rollback::RollbackDialog>,
    /// Previous tokens refused on a rollback this session: channel id → (fingerprint, why).
    pub dead_previous: HashMap<String, (String, String)>,
}

impl AppState {
    pub fn new(prefs: Prefs) -> Self {
        AppState {
            prefs,
            page: Page::Channels,
            table: ChannelTable::default(),
            selected: None,
            apps: Vec::new(),
            last_check_at: None,
            profile_dir: None,
            lock: Lock::Opening,
            unlock_form: UnlockForm::default(),
            check_all: None,
            checking: HashSet::new(),
            rolling_back: HashSet::new(),
            renew: None,
            add: None,
            app_form: AppForm::default(),
            notices: Vec::new(),
            copied: None,
            exporting: false,
            thresholds: Thresholds::default(),
            flows: crate::gui::app::login::Flows::default(),
            desktop: crate::gui::app::desktop::DesktopState::default(),
            lifecycle: None,
            rollback: None,
            dead_previous: HashMap::new(),
        }
    }

    pub fn is_open(&self) -> bool {
        matches!(self.lock, Lock::Open(_))
    }

    pub fn notify(&mut self, kind: NoticeKind, text: impl Into<String>) {
        let text = text.into();
        self.notices.retain(|n| n.text != text);
        self.notices.push(Notice {
            kind,
            text,
            shown_at: std::time::Instant::now(),
        });
        // A few at a time: older ones have been read or are superseded.
        if self.notices.len() > 3 {
            self.notices.remove(0);
        }
    }

    /// Drops success banners whose time is up; how soon the window must look again.
    pub fn expire_notices(&mut self, now: std::time::Instant) -> Option<std::time::Duration> {
        self.notices.retain(|n| n.opacity(now) > 0.0);
        self.notices
            .iter()
            .filter(|n| n.kind == NoticeKind::Success)
            .map(|n| {
                let fade_from = n.shown_at + (SUCCESS_SHOWN - SUCCESS_FADE);
                // While fading, a few frames a second; before, one look when the fade starts.
                fade_from
                    .saturating_duration_since(now)
                    .max(std::time::Duration::from_millis(100))
            })
            .min()
    }

    fn fail(&mut self, failure: &Failure) {
        self.notify(NoticeKind::Error, failure.message.clone());
    }

    /// Applies one event from the worker at the window's clock `now`.
    pub fn apply(&mut self, event: Event, now: DateTime<Utc>, ctx: &egui::Context) {
        let th = self.thresholds;
        match event {
            Event::Profile { dir } => self.profile_dir = Some(dir),
            Event::Catalog {
                channels,
                apps,
                last_check_at,
            } => {
                self.table.replace(channels, now, &th);
                crate::process::return_freed_memory();
                self.apps = apps;
                self.last_check_at = last_check_at;
                if let Some(id) = &self.selected
                    && self.table.get(id).is_none()
                {
                    self.selected = None;
                }
            }
            Event::NeedsUnlock { need, problem } => {
                self.lock = Lock::Locked {
                    need,
                    problem,
                    dismissed: false,
                    busy: false,
                };
            }
            Event::Unlocked { store } => {
                self.lock = Lock::Open(store);
                self.unlock_form.clear();
            }
            Event::StartFailed { message } => {
                if matches!(self.lock, Lock::Opening) {
                    self.lock = Lock::Failed(message.clone());
                }
                self.notify(NoticeKind::Error, message);
            }
            Event::CheckStarted { channel, total } => match channel {
                None => {
                    self.check_all = Some(CheckRun {
                        done: 0,
                        total,
                        cancelling: false,
                    })
                }
                Some(id) => {
                    self.checking.insert(id);
                }
            },
            Event::Checked {
                channel,
                done,
                total,
            } => {
                let during_all = self.check_all.is_some();
                self.table.upsert(*channel, now, &th, !during_all);
                if let Some(run) = &mut self.check_all {
                    run.done = done;
                    run.total = total;
                }
            }
            Event::CheckFinished { channel, result } => {
                match channel {
                    None => {
                        self.check_all = None;
                        self.table.resort();
                        self.last_check_at = Some(now);
                    }
                    Some(id) => {
                        self.checking.remove(&id);
                    }
                }
                match result {
                    Ok(done) if done.cancelled => self.notify(
                        NoticeKind::Info,
                        "The check was cancelled. Channels not reached keep their last known facts.",
                    ),
                    Ok(_) => {}
                    Err(f) => self.fail(&f),
                }
            }
            Event::Validated { ticket, result } => {
                if let Some(d) = &mut self.renew {
                    d.on_validated(ticket, &result);
                }
                if let Some(d) = &mut self.add {
                    d.on_validated(ticket, result);
                }
            }
            Event::Renewed { channel, result } => match result {
                Ok(updated) => {
                    let name = format!("\"{}\"", updated.name);
                    self.table.upsert(*updated, now, &th, true);
                    self.flows.offer_webhook(&self.table, &channel);
                    if let Some(mut d) = self.renew.take() {
                        d.wipe(ctx);
                    }
                    self.notify(
                        NoticeKind::Success,
                        format!(
                            "The new token of {name} is saved and being checked. The old one is \
                             kept: \"Roll back\" in the channel's details puts it back."
                        ),
                    );
                }
                Err(f) => match &mut self.renew {
                    Some(d) if d.channel_id == channel => d.on_save_failed(f),
                    _ => self.fail(&f),
                },
            },
            Event::RolledBack { channel, result } => {
                let result = result.map(|updated| {
                    let name = updated.name.clone();
                    self.table.upsert(*updated, now, &th, true);
                    name
                });
                crate::gui::views::rollback::apply(self, channel, result);
            }
            Event::ChannelAdded { result } => match result {
                Ok(channel) => {
                    let name = channel.name.clone();
                    self.selected = Some(channel.id.clone());
                    self.table.upsert(*channel, now, &th, true);
                    if let Some(mut d) = self.add.take() {
                        d.wipe(ctx);
                    }
                    self.notify(NoticeKind::Success, format!("\"{name}\" is saved."));
                }
                Err(f) => match &mut self.add {
                    Some(d) => d.on_save_failed(f),
                    None => self.fail(&f),
                },
            },
            Event::PagesAdded { results } => {
                let mut outcome = Vec::with_capacity(results.len());
                let mut saved = Vec::new();
                for (pick, result) in results {
                    let result = result.map(|channel| {
                        let name = channel.name.clone();
                        if saved.is_empty() {
                            self.selected = Some(channel.id.clone());
                        }
                        self.table.upsert(*channel, now, &th, true);
                        saved.push(format!("\"{name}\""));
                        name
                    });
                    outcome.push((pick, result));
                }
                let all = outcome.iter().all(|(_, r)| r.is_ok());
                if all && let Some(mut d) = self.add.take() {
                    d.wipe(ctx);
                } else if let Some(d) = &mut self.add {
                    d.on_pages_added(outcome);
                }
                if !saved.is_empty() {
                    let what = match saved.len() {
                        1 => format!("{} is saved.", saved[0]),
                        n => format!("{n} channels are saved: {}.", saved.join(", ")),
                    };
                    self.notify(NoticeKind::Success, what);
                }
            }
            Event::AppAdded { result } => match result {
                Ok(app) => {
                    self.app_form = AppForm::default();
                    self.notify(
                        NoticeKind::Success,
                        format!("The app \"{}\" is saved.", app.name),
                    );
                }
                Err(f) => self.app_form.on_failed(f),
            },
            Event::Exported { result } => {
                self.exporting = false;
                match result {
                    Ok(path) => self.notify(
                        NoticeKind::Success,
                        format!(
                            "Report saved to {}. It has no tokens or secrets in it.",
                            path.display()
                        ),
                    ),
                    Err(f) => self.fail(&f),
                }
            }
            // Handled by the app: it owns the clipboard.
            Event::TokenRevealed { .. } => {}
            Event::Login(event) => crate::gui::app::login::apply(self, event, now),
            // Handled by the app: it owns the file dialogs.
            Event::Desktop(_) => {}
            Event::Lifecycle(event) => crate::gui::views::lifecycle::apply(self, event),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_success_banner_fades_and_goes_while_an_error_stays() {
        let mut state = AppState::new(Prefs::default());
        state.notify(NoticeKind::Error, "Could not reach Facebook.");
        state.notify(NoticeKind::Success, "\"Acme Shoes\" is saved.");
        let t0 = state.notices[1].shown_at;
        assert_eq!(state.notices[1].opacity(t0 + Duration::from_secs(4)), 1.0);
        let fading = state.notices[1].opacity(t0 + Duration::from_millis(5500));
        assert!(fading > 0.3 && fading < 0.7, "{fading}");
        // The window is asked to look again when the fade starts.
        let next = state.expire_notices(t0 + Duration::from_secs(2)).unwrap();
        assert_eq!(next, Duration::from_secs(3));
        assert_eq!(state.expire_notices(t0 + SUCCESS_SHOWN), None);
        assert_eq!(state.notices.len(), 1);
        assert_eq!(state.notices[0].kind, NoticeKind::Error);
    }
}
