//! Where reminders go: a `Notifier` trait, the desktop one (notify-rust) and a recording fake for
//! tests. A desktop without a notification service is normal (servers, minimal sessions), so the
//! real notifier's failure is reported back as text for a log line, never as an error to the user.

use std::sync::{Mutex, PoisonError};

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
