//! The clock guard: countdowns ("expires in 3 days") are computed from the computer's clock, so
//! when that clock is behind the last check, or far from Facebook's, say so in words instead of
//! showing confident nonsense. Works offline from what the last online check saved.

use chrono::{DateTime, Duration, Utc};

use super::{Service, ServiceError, blocking};
use crate::store::{CatalogFile, Profile, ServerClockReading, StateFile, StoreError};

/// Beyond this, countdowns and expiry warnings are noticeably off.
pub const MAX_SKEW: Duration = Duration::minutes(5);
/// Files written a moment ago by another process may carry a slightly later time.
const BACKWARDS_SLACK: Duration = Duration::minutes(2);

/// What is wrong with the computer's clock, as facts for the words layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockProblem {
    /// The clock says `now`, before the last check at `last_check`.
    BeforeLastCheck {
        now: DateTime<Utc>,
        last_check: DateTime<Utc>,
    },
    /// The clock is `skew_seconds` behind Facebook's (ahead when negative), seen at `seen`.
    FarFromFacebook {
        skew_seconds: i64,
        seen: DateTime<Utc>,
    },
}

/// What is wrong with the clock, if anything. Pure.
pub fn clock_problem(
    last_check_at: Option<DateTime<Utc>>,
    server: Option<ServerClockReading>,
    now: DateTime<Utc>,
) -> Option<ClockProblem> {
    if let Some(last) = last_check_at
        && last - now > BACKWARDS_SLACK
    {
        return Some(ClockProblem::BeforeLastCheck {
            now,
            last_check: last,
        });
    }
    let reading = server?;
    let off = reading.skew_seconds.unsigned_abs();
    (off > MAX_SKEW.num_seconds().unsigned_abs()).then_some(ClockProblem::FarFromFacebook {
        skew_seconds: reading.skew_seconds,
        seen: reading.observed_at,
    })
}

/// What to tell the user about the clock, if anything. Pure, for the GUI and tests.
// TODO(issue 11): GUI moves to words (`words::clock::warning` of `clock_problem`)
pub fn clock_warning(
    last_check_at: Option<DateTime<Utc>>,
    server: Option<ServerClockReading>,
    now: DateTime<Utc>,
) -> Option<String> {
    Some(match clock_problem(last_check_at, server, now)? {
        ClockProblem::BeforeLastCheck { now, last_check } => format!(
            "This computer's clock says {}, which is before the last check ({}). Countdowns \
             and expiry warnings may be wrong until the clock is set right (turn on automatic \
             date and time).",
            now.format("%Y-%m-%d %H:%M UTC"),
            last_check.format("%Y-%m-%d %H:%M UTC")
        ),
        ClockProblem::FarFromFacebook { skew_seconds, seen } => {
            let direction = if skew_seconds > 0 {
                "behind"
            } else {
                "ahead of"
            };
            format!(
                "This computer's clock is {} {direction} Facebook's (seen {}). Countdowns and \
                 expiry warnings may be wrong by that much; turn on automatic date and time.",
                span_words(skew_seconds.unsigned_abs()),
                seen.format("%Y-%m-%d %H:%M UTC")
            )
        }
    })
}

fn span_words(secs: u64) -> String {
    let plural = |n: u64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    match secs {
        0..3600 => plural(secs / 60, "minute"),
        3600..86_400 => plural(secs / 3600, "hour"),
        _ => plural(secs / 86_400, "day"),
    }
}

/// The warning for a profile from its files alone: no secret store, no network.
pub fn clock_warning_for(
    profile: &Profile,
    now: DateTime<Utc>,
) -> Result<Option<String>, StoreError> {
    let last_check = CatalogFile::new(profile).load()?.last_check_at;
    let server = StateFile::new(profile).load()?.server_clock;
    Ok(clock_warning(last_check, server, now))
}

impl Service {
    /// See `clock_warning`; reads the catalog and the saved server clock.
    pub async fn clock_warning(&self, now: DateTime<Utc>) -> Result<Option<String>, ServiceError> {
        let profile = self.store.profile.clone();
        Ok(blocking(move || clock_warning_for(&profile, now)).await??)
    }

    /// Saves the server clock seen by this session's Graph answers, so `list` can warn offline.
    /// Best effort: only a warning depends on it.
    pub(crate) async fn remember_server_clock(&self) {
        let Some(sample) = self.graph().server_clock().latest() else {
            return;
        };
        let reading = ServerClockReading {
            skew_seconds: sample.skew.num_seconds(),
            observed_at: sample.observed_at,
        };
        if reading.skew_seconds.unsigned_abs() > MAX_SKEW.num_seconds().unsigned_abs() {
            tracing::warn!(
                skew_seconds = reading.skew_seconds,
                "clock far from Facebook's"
            );
        }
        let file = StateFile::new(&self.store.profile);
        if let Ok(Err(e)) | Err(e) =
            blocking(move || file.update(|s| s.server_clock = Some(reading)))
                .await
                .map(|r| r.map_err(ServiceError::from))
        {
            tracing::warn!(error = %e, "could not save the server clock");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_when_the_clock_went_back_or_is_far_off() {
        let now = Utc::now();
        assert_eq!(clock_warning(None, None, now), None);
        assert_eq!(
            clock_warning(Some(now - Duration::hours(1)), None, now),
            None
        );
        let back = clock_warning(Some(now + Duration::days(2)), None, now).unwrap();
        assert!(back.contains("before the last check"), "{back}");
        let reading = |s| {
            Some(ServerClockReading {
                skew_seconds: s,
                observed_at: now,
            })
        };
        assert_eq!(clock_warning(None, reading(120), now), None);
        let behind = clock_warning(None, reading(2 * 3600), now).unwrap();
        assert!(behind.contains("2 hours behind"), "{behind}");
        let ahead = clock_warning(None, reading(-600), now).unwrap();
        assert!(ahead.contains("10 minutes ahead of"), "{ahead}");
    }
}
