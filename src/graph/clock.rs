//! Facebook's clock, as its answers' `Date` header tells it: countdowns are computed with the
//! computer's clock, so a clock that is far off makes them wrong. This only observes; what to
//! tell the user is the service's business (`Service::clock_warning`).

use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Duration, NaiveDateTime, Utc};

/// An HTTP date (RFC 9110 §5.6.7): the preferred `Sun, 06 Nov 1994 08:49:37 GMT`, and the two
/// obsolete forms servers may still send (RFC 850 and C's asctime).
pub fn parse_http_date(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc2822(text) {
        return Some(t.with_timezone(&Utc));
    }
    ["%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .map(|t| t.and_utc())
}

/// One look at the server's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerClockSample {
    /// The server's time minus ours: positive when our clock is behind.
    pub skew: Duration,
    pub observed_at: DateTime<Utc>,
}

/// The latest sample, shared by every clone of the Graph client.
#[derive(Debug, Clone, Default)]
pub struct ServerClock(Arc<Mutex<Option<ServerClockSample>>>);

impl ServerClock {
    /// Notes the `Date` header of an answer, if it has a readable one.
    pub fn observe(&self, headers: &reqwest::header::HeaderMap) {
        if let Some(date) = headers
            .get(reqwest::header::DATE)
            .and_then(|v| v.to_str().ok())
        {
            self.observe_date(date, Utc::now());
        }
    }

    pub fn observe_date(&self, date: &str, local_now: DateTime<Utc>) {
        if let Some(server) = parse_http_date(date) {
            let sample = ServerClockSample {
                skew: server - local_now,
                observed_at: local_now,
            };
            // Only ever replaced whole: a panic elsewhere cannot leave it torn.
            *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(sample);
        }
    }

    /// The latest sample; none before the first answer with a `Date` header.
    pub fn latest(&self) -> Option<ServerClockSample> {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn reads_all_three_http_date_forms() {
        let want = Utc.with_ymd_and_hms(1994, 11, 6, 8, 49, 37).unwrap();
        assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(want));
        assert_eq!(
            parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"),
            Some(want)
        );
        assert_eq!(parse_http_date("Sun Nov  6 08:49:37 1994"), Some(want));
        assert_eq!(parse_http_date("yesterday"), None);
    }

    #[test]
    fn skew_is_server_minus_local() {
        let clock = ServerClock::default();
        assert_eq!(clock.latest(), None);
        let local = Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap();
        clock.observe_date("Sun, 01 Mar 2026 12:10:00 GMT", local);
        let s = clock.latest().unwrap();
        assert_eq!(s.skew, Duration::minutes(10));
        assert_eq!(s.observed_at, local);
        clock.observe_date("garbage", local);
        assert_eq!(
            clock.latest(),
            Some(s),
            "an unreadable date keeps the last sample"
        );
    }
}
