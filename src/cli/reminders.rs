//! `check --notify` (one reminder round, for cron, launchd or Task Scheduler), `snooze`, and the
//! clock warning that `list` prints on standard error.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use super::json::{self, ListJson};
use super::{fail, open_service, output};
use crate::service::{DesktopNotifier, clock_problem};
use crate::store::{Profile, StateFile};
use crate::words::t_args;

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
            output::eprint_error(&crate::words::errors::error(&e));
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
    // on standard error, and the next run tries again anyway. The desktop showed the same words.
    for n in outcome.notices.iter().filter(|n| n.delivered) {
        output::eprint_error(&t_args(
            "cli-notified",
            &[
                ("title", n.title.as_str().into()),
                ("body", n.body.as_str().into()),
            ],
        ));
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
                Some(until) => println!(
                    "{}",
                    t_args(
                        "cli-snoozed",
                        &[
                            ("name", format!("{:?}", c.name).into()),
                            ("until", crate::words::time::at(until).into()),
                        ],
                    )
                ),
                None => println!(
                    "{}",
                    t_args(
                        "cli-reminders-on",
                        &[("name", format!("{:?}", c.name).into())]
                    )
                ),
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
    if let Some(w) = clock_problem(last_check_at, state.server_clock, Utc::now()) {
        output::eprint_error(&crate::words::clock::warning(&w));
    }
}
