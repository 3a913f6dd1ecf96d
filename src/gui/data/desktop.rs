//! What the window knows about living on the desktop: reminder settings and snoozes, the history
//! of the selected channel, the clock guard, an open file dialog.

use chrono::{DateTime, Utc};

use crate::gui::platform::dialogs::FileKind;
use crate::gui::worker::Event;
use crate::store::{LocalState, ReminderSettings};

/// The history of one channel, newest first; phrased when shown (`words::history`).
#[derive(Default)]
pub struct HistoryView {
    /// The channel the lines are (or are being read) for.
    pub channel: Option<String>,
    pub lines: Option<Result<Vec<crate::store::HistoryEntry>, String>>,
    pub in_flight: bool,
    /// Read again at the next frame (`app::apply::tend_desktop`).
    pub stale: bool,
}

/// A path typed in place of a file dialog, for this kind of file.
pub struct PathEntry {
    pub kind: FileKind,
    pub text: String,
}

/// The desktop facts the settings page, the details and the reminders read.
#[derive(Default)]
pub struct DesktopState {
    /// Reminder settings, snoozes and the server clock, as saved in the profile.
    pub local: LocalState,
    /// The settings page's copy of the reminder settings, saved with "Save".
    pub reminder_form: Option<ReminderSettings>,
    pub saving_reminders: bool,
    pub history: HistoryView,
    /// What is wrong with this computer's clock, phrased when shown (`words::clock`).
    pub clock_warning: Option<crate::service::ClockProblem>,
    /// A file dialog is open.
    pub picking: Option<FileKind>,
    /// No file dialog can open: the path is typed instead.
    pub typing: Option<PathEntry>,
    /// The reminder state is read again at the next frame.
    pub state_stale: bool,
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
