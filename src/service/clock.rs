//! The clock guard: countdowns ("expires in 3 days") are computed from the computer's clock, so
//! when that clock is behind the last check, or far from Facebook's, say so in words instead of
//! showing confident nonsense. Works offline from what the last online check saved.

use chrono::{DateTime, Duration, Utc};

use super::{Service, ServiceError, blocking};
use crate::store::{ServerClockReading, StateFile};

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

impl Service {
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

impl Service {
    /// What is wrong with the clock now, from the catalog's last check and the saved server
    /// clock (see `clock_problem`); facts for the words layer.
    pub async fn clock_problem(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Option<ClockProblem>, ServiceError> {
        let profile = self.store.profile.clone();
        let (last_check, state) = blocking(move || {
            let last = crate::store::CatalogFile::new(&profile)
                .load()?
                .last_check_at;
            Ok::<_, crate::store::StoreError>((last, StateFile::new(&profile).load()?))
        })
        .await??;
        Ok(clock_problem(last_check, state.server_clock, now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_that_went_back_or_is_far_off_is_a_problem() {
        let now = Utc::now();
        assert_eq!(clock_problem(None, None, now), None);
        let earlier = Some(now - Duration::hours(1));
        assert_eq!(clock_problem(earlier, None, now), None);
        let later = now + Duration::days(2);
        assert_eq!(
            clock_problem(Some(later), None, now),
            Some(ClockProblem::BeforeLastCheck {
                now,
                last_check: later
            })
        );
        let reading = |s| {
            Some(ServerClockReading {
                skew_seconds: s,
                observed_at: now,
            })
        };
        assert_eq!(clock_problem(None, reading(120), now), None, "within 5 min");
        for skew in [2 * 3600, -600] {
            assert_eq!(
                clock_problem(None, reading(skew), now),
                Some(ClockProblem::FarFromFacebook {
                    skew_seconds: skew,
                    seen: now
                })
            );
        }
    }
}
