//! What the window holds: `AppState` (channels, selection, the open dialogs, banners). Only the
//! app layer changes it: `handle` for the views' intents, `apply` for the worker's events.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::Instant;

use chrono::{DateTime, Utc};

use crate::gui::data::lock::Lock;
use crate::gui::data::notices::{Notice, NoticeKind, SUCCESS_FADE, SUCCESS_SHOWN};
use crate::gui::data::prefs::Prefs;
use crate::gui::data::table::ChannelTable;
use crate::gui::intents::Page;
use crate::gui::views::add::AddDialog;
use crate::gui::views::apps::AppForm;
use crate::gui::views::renew::RenewDialog;
use crate::gui::views::unlock::UnlockForm;
use crate::model::{MetaApp, Thresholds};

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
    /// On a team workspace: the workspace, this member and the members (see `TeamView`).
    pub team: Option<crate::gui::data::team::TeamView>,
    /// On a team workspace whose server cannot be reached: as of when the list's facts are.
    pub team_offline_since: Option<DateTime<Utc>>,
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
    pub flows: crate::gui::views::groups::Flows,
    pub desktop: crate::gui::data::desktop::DesktopState,
    /// An opened support report: it takes the whole window, read-only, until closed.
    pub report: Option<crate::gui::views::report_view::OpenReport>,
    pub backup: Option<crate::gui::views::backup::BackupDialog>,
    pub restore: Option<crate::gui::views::backup::RestoreDialog>,
    /// The open remove or rename dialog.
    pub lifecycle: Option<crate::gui::views::lifecycle::LifecycleDialog>,
    /// The open "Roll back" confirmation.
    pub rollback: Option<crate::gui::views::rollback::RollbackDialog>,
    /// Previous tokens refused on a rollback this session: channel id → (fingerprint, why).
    pub dead_previous: HashMap<String, (String, String)>,
    /// The first-run checklist, while it is shown (the profile was empty when first read).
    pub first_run: Option<crate::gui::data::first_run::FirstRun>,
    /// The catalog has been read once (the first reading decides on the checklist).
    pub catalog_seen: bool,
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
            team: None,
            team_offline_since: None,
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
            flows: crate::gui::views::groups::Flows::default(),
            desktop: crate::gui::data::desktop::DesktopState::default(),
            report: None,
            backup: None,
            restore: None,
            lifecycle: None,
            rollback: None,
            dead_previous: HashMap::new(),
            first_run: None,
            catalog_seen: false,
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
