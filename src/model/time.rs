//! Relative times in words ("in 5 days", "2 hours ago"), computed from an explicit `now` so that
//! countdowns are pure and testable.

use chrono::{DateTime, Utc};

/// "in 5 days" / "2 days ago" / "in 3 hours" / "just now".
// English, for logs and `Reason.message`; people read `words::time`.
pub fn describe_in(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (at - now).num_seconds();
    let span = human_span(secs.unsigned_abs());
    match span {
        None => "just now".into(),
        Some(s) if secs > 0 => format!("in {s}"),
        Some(s) => format!("{s} ago"),
    }
}

/// Like `describe_in` for a moment in the past ("3 hours ago").
pub fn describe_at(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    describe_in(at, now)
}

fn human_span(secs: u64) -> Option<String> {
    let plural = |n: u64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    Some(match secs {
        0..60 => return None,
        60..3600 => plural(secs / 60, "minute"),
        3600..86_400 => plural(secs / 3600, "hour"),
        _ => plural(secs / 86_400, "day"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn words_for_spans() {
        let now = Utc::now();
        assert_eq!(
            describe_in(now + Duration::days(5) + Duration::minutes(1), now),
            "in 5 days"
        );
        assert_eq!(describe_in(now - Duration::hours(3), now), "3 hours ago");
        assert_eq!(describe_in(now - Duration::seconds(10), now), "just now");
        assert_eq!(describe_in(now + Duration::minutes(1), now), "in 1 minute");
    }
}
