//! `check --notify` (one reminder round, for cron, launchd or Task Scheduler), `snooze`, and the
//! clock warning that `list` prints on standard error.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use super::json::{self, ListJson};
use super::{fail, open_service, output};
use crate::service::{DesktopNotifier, clock_warning};
use crate::store::{Profile, StateFile};

/// Checks every channel like `check`, then raises the desktop notifications that are due.
/// Exit codes are those of `check`.
pub async fn check_notify(profile: Option<PathBuf>, as_json: bool, lead_days: Option<u32>) -> i32 {
    let run = async {
        let service = open_service(profile)?;
        let lead_days = match lead_days {
            Some(d) => d,
            None => service.reminder_state().await?.reminders.lead_days,
        };
        service
            .check_and_notify(
                Arc::new(DesktopNotifier),
                Duration::days(i64::from(lead_days)),
            )
            .await
    };
    let outcome = match run.await {
        Ok(o) => o,
        Err(e) => {
            eprintln!("tokenwarden: {e}");
            return 3;
        }
    };
    let summary = &outcome.summary;
    if as_json {
        json::print(&ListJson {
            checked_at: Some(Utc::now()),
            channels: summary.views.iter().map(json::channel_json).collect(),
        });
    } else {
        output::print_table(&summary.views, Utc::now());
    }
    // Undelivered ones (no notification service here) are only logged: cron mails every line
    // on standard error, and the next run tries again anyway.
    for n in outcome.notices.iter().filter(|n| n.delivered) {
        eprintln!("tokenwarden: notified: {} — {}", n.title, n.body);
    }
    summary.exit_code()
}

pub async fn snooze(profile: Option<PathBuf>, channel: String, days: u32, off: bool) -> i32 {
    let until = (!off).then(|| Utc::now() + Duration::days(i64::from(days.max(1))));
    let run = async {
        let service = open_service(profile)?;
        service.snooze(&channel, until).await
    };
    match run.await {
        Ok(c) => {
            match until {
                Some(t) => println!(
                    "No reminders for {:?} until {}.",
                    c.name,
                    t.format("%Y-%m-%d %H:%M UTC")
                ),
                None => println!("Reminders for {:?} are on again.", c.name),
            }
            0
        }
        Err(e) => fail(&e),
    }
}

/// Prints the clock warning on standard error, if there is one; never fails the command.
/// `list` hands over the catalog's last check time, so the catalog is read once, not twice.
pub fn warn_about_clock(profile: &Profile, last_check_at: Option<DateTime<Utc>>) {
    let Ok(state) = StateFile::new(profile).load() else {
        return;
    };
    if let Some(w) = clock_warning(last_check_at, state.server_clock, Utc::now()) {
        eprintln!("tokenwarden: {w}");
    }
}
