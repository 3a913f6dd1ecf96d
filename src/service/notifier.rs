//! Where reminders go: a `Notifier` trait, the desktop one (notify-rust) and a recording fake for
//! tests. A desktop without a notification service is normal (servers, minimal sessions), so the
//! real notifier's failure is reported back as text for a log line, never as an error to the user.

use std::sync::{Mutex, OnceLock, PoisonError};

use chrono::{DateTime, Utc};

use crate::model::{Health, Reason};

/// How a reminder is put in words: its title and text from the channel's name, its health and
/// the reason, in the language of the moment. The words layer sits above the service (it phrases
/// the service's facts), so it hands its phrasing down here once at start (`words::install`).
pub type NoticeWords = fn(&str, Health, Option<&Reason>, DateTime<Utc>) -> (String, String);

static NOTICE_WORDS: OnceLock<NoticeWords> = OnceLock::new();

/// Sets how reminders are phrased; the first call wins (there is one words layer).
pub fn phrase_notices_with(words: NoticeWords) {
    let _ = NOTICE_WORDS.set(words);
}

/// A reminder's title and text. Without the words layer (a test of the service alone) the
/// facts are said plainly: the name, the health's code and the reason's log sentence.
pub(super) fn notice_words(
    name: &str,
    health: Health,
    reason: Option<&Reason>,
    now: DateTime<Utc>,
) -> (String, String) {
    match NOTICE_WORDS.get() {
        Some(words) => words(name, health, reason, now),
        None => (
            format!("{name}: {}", health.code()),
            reason.map(|r| r.message.clone()).unwrap_or_default(),
        ),
    }
}

/// Raises one desktop notification. May block (D-Bus round trip): call it from `spawn_blocking`.
pub trait Notifier: Send + Sync {
    fn notify(&self, title: &str, body: &str) -> Result<(), String>;
}

/// The system's notifications: D-Bus on Linux, Notification Center on macOS, toasts on Windows.
#[derive(Debug, Clone, Copy, Default)]
pub struct DesktopNotifier;

/// The app id the desktop entry, the icon and the window share (dist/linux).
const APP_ID: &str = "io.github.tokenwarden.Tokenwarden";

impl Notifier for DesktopNotifier {
    fn notify(&self, title: &str, body: &str) -> Result<(), String> {
        notify_rust::Notification::new()
            .appname("Tokenwarden")
            .summary(title)
            .body(body)
            .icon(APP_ID)
            .show()
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// One notification as the user would have seen it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentNotification {
    pub title: String,
    pub body: String,
}

/// Keeps every notification instead of showing it; `failing` imitates a missing daemon.
#[derive(Debug, Default)]
pub struct RecordingNotifier {
    sent: Mutex<Vec<SentNotification>>,
    failing: bool,
}

impl RecordingNotifier {
    pub fn new() -> RecordingNotifier {
        RecordingNotifier::default()
    }

    /// A notifier whose every attempt fails, like a session without a notification service.
    pub fn failing() -> RecordingNotifier {
        RecordingNotifier {
            sent: Mutex::default(),
            failing: true,
        }
    }

    pub fn sent(&self) -> Vec<SentNotification> {
        // Only ever pushed to whole: a panic elsewhere cannot leave it torn.
        self.sent
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl Notifier for RecordingNotifier {
    fn notify(&self, title: &str, body: &str) -> Result<(), String> {
        if self.failing {
            return Err("no notification service on this session".into());
        }
        self.sent
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(SentNotification {
                title: title.to_string(),
                body: body.to_string(),
            });
        Ok(())
    }
}
