//! Times for people: absolute times in the computer's time zone with the zone shown, and
//! relative times ("in 2 days", "hace 3 horas") in the user's language. Machines (JSON, reports,
//! backups) keep RFC 3339 UTC and never come through here.

use chrono::{DateTime, FixedOffset, Local, Offset, TimeZone, Utc};

use super::bundle::{t, t_args};
use super::locale::{Lang, lang};

/// `at` as a wall-clock time in `tz` with its offset: "2026-04-04 23:30 UTC-03:00", or
/// "2026-04-04 23:30 UTC" where the zone is UTC. Generic so a test can pin the zone.
pub fn local_time<Tz: TimeZone>(at: DateTime<Utc>, tz: &Tz) -> String {
    let here = at.with_timezone(tz);
    let offset = here.offset().fix();
    let zone = if offset.local_minus_utc() == 0 {
        "UTC".to_string()
    } else {
        format!("UTC{offset}")
    };
    format!("{} {zone}", here.naive_local().format("%Y-%m-%d %H:%M"))
}

/// The calendar day of `at` in `tz`.
pub fn local_date<Tz: TimeZone>(at: DateTime<Utc>, tz: &Tz) -> String {
    at.with_timezone(tz)
        .naive_local()
        .format("%Y-%m-%d")
        .to_string()
}

/// `at` in this computer's time zone (`TZ` where set), or this thread's (`set_thread_zone`).
pub fn at(at: DateTime<Utc>) -> String {
    match THREAD_ZONE.get() {
        Some(zone) => local_time(at, &zone),
        None => local_time(at, &Local),
    }
}

/// The day of `at` in this computer's time zone, or this thread's.
pub fn date(at: DateTime<Utc>) -> String {
    match THREAD_ZONE.get() {
        Some(zone) => local_date(at, &zone),
        None => local_date(at, &Local),
    }
}

thread_local! {
    static THREAD_ZONE: std::cell::Cell<Option<FixedOffset>> = const { std::cell::Cell::new(None) };
}

/// Times on this thread read in `zone` (`None`: the computer's again). For tests: a window's
/// snapshot shows the same times on every machine, without touching the process's `TZ`.
pub fn set_thread_zone(zone: Option<FixedOffset>) {
    THREAD_ZONE.set(zone);
}

/// "2026-04-04 23:30 UTC-03:00 (in 2 days)", or "unknown".
pub fn when(at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> String {
    match at {
        Some(at) => format!("{} ({})", self::at(at), relative(at, now)),
        None => t("unknown"),
    }
}

/// "in 5 days" / "2 hours ago" / "just now"; whole units, rounded down.
pub fn relative(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    relative_in("", at, now)
}

/// The message `outer` with `relative(at, now)` as its `$when` ("expired 2 days ago"); just
/// `relative` when `outer` is empty.
pub fn relative_in(outer: &'static str, at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (at - now).num_seconds();
    let wrap = |when: String| match outer {
        "" => when,
        _ => t_args(outer, &[("when", when.into())]),
    };
    let Some((unit, n)) = span_unit(secs.unsigned_abs()) else {
        return wrap(t("time-just-now"));
    };
    let key = (lang(), outer, unit, n, secs > 0);
    if let Some(said) = RELATIVE.with_borrow(|memo| memo.get(&key).cloned()) {
        return said;
    }
    let span = t_args(unit, &[("count", n.into())]);
    let said = wrap(if secs > 0 {
        t_args("time-in", &[("span", span.into())])
    } else {
        t_args("time-ago", &[("span", span.into())])
    });
    RELATIVE.with_borrow_mut(|memo| {
        // A bound for the long-running window; a list meets a few hundred at most.
        if memo.len() >= 4096 {
            memo.clear();
        }
        memo.insert(key, said.clone());
    });
    said
}

type RelativeKey = (Lang, &'static str, &'static str, u64, bool);

thread_local! {
    /// `relative_in`'s phrases by language, message, unit, count and direction. A list of
    /// 10,000 channels asks for the same few hundred ("3 hours ago") thousands of times, and
    /// Fluent takes several microseconds for each (plural rules on a formatted number).
    static RELATIVE: std::cell::RefCell<std::collections::HashMap<RelativeKey, String>> =
        std::cell::RefCell::default();
}

/// "expires in 5 days", "expired 2 days ago", "never expires", "expiry unknown".
pub fn expiry(
    expires_at: Option<DateTime<Utc>>,
    never: Option<bool>,
    now: DateTime<Utc>,
) -> String {
    match (never, expires_at) {
        (Some(true), _) => t("expiry-never"),
        (_, Some(at)) if at > now => relative_in("expiry-in", at, now),
        (_, Some(at)) => relative_in("expiry-ago", at, now),
        _ => t("expiry-unknown"),
    }
}

/// "5 minutes", "1 hour", "3 días"; `None` under a minute.
pub fn span(secs: u64) -> Option<String> {
    let (id, n) = span_unit(secs)?;
    Some(t_args(id, &[("count", n.into())]))
}

/// The message and count of `span`: whole minutes, hours or days, rounded down.
fn span_unit(secs: u64) -> Option<(&'static str, u64)> {
    Some(match secs {
        0..60 => return None,
        60..3600 => ("span-minutes", secs / 60),
        3600..86_400 => ("span-hours", secs / 3600),
        _ => ("span-days", secs / 86_400),
    })
}

/// A count of days ("1 day", "7 días").
pub fn days(n: u64) -> String {
    t_args("span-days", &[("count", n.into())])
}

#[cfg(test)]
mod tests {
    use super::super::locale::{Lang, with_lang};
    use super::*;
    use chrono::Duration;

    #[test]
    fn relative_times_in_both_languages() {
        let now = Utc::now();
        let both = |at| [Lang::En, Lang::Es].map(|l| with_lang(l, || relative(at, now)));
        assert_eq!(both(now + Duration::days(2)), ["in 2 days", "en 2 días"]);
        assert_eq!(
            both(now - Duration::hours(3)),
            ["3 hours ago", "hace 3 horas"]
        );
        assert_eq!(
            both(now - Duration::hours(1)),
            ["1 hour ago", "hace 1 hora"]
        );
        assert_eq!(
            both(now + Duration::minutes(1)),
            ["in 1 minute", "en 1 minuto"]
        );
        assert_eq!(
            both(now - Duration::seconds(10)),
            ["just now", "ahora mismo"]
        );
        let expired = [Lang::En, Lang::Es]
            .map(|l| with_lang(l, || expiry(Some(now - Duration::days(2)), None, now)));
        assert_eq!(expired, ["expired 2 days ago", "venció hace 2 días"]);
    }

    /// Santiago de Chile leaves summer time on 2026-04-05 at 03:00 UTC: the same wall clock
    /// (23:30 on the 4th) happens twice, and only the zone tells them apart. `chrono::Local`
    /// reads `TZ` and the system's zoneinfo, so the check runs in a child with that `TZ`.
    #[test]
    fn local_time_across_a_dst_change_in_santiago() {
        const CHILD: &str = "TOKENWARDEN_TEST_TZ_CHILD";
        let utc = |s| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        if std::env::var_os(CHILD).is_some() {
            for (instant, wall_clock) in [
                ("2026-04-05T02:30:00Z", "2026-04-04 23:30 UTC-03:00"),
                ("2026-04-05T03:30:00Z", "2026-04-04 23:30 UTC-04:00"),
                // Summer time again from 2026-09-06 04:00 UTC: 00:00-00:59 never happens.
                ("2026-09-06T03:59:00Z", "2026-09-05 23:59 UTC-04:00"),
                ("2026-09-06T04:00:00Z", "2026-09-06 01:00 UTC-03:00"),
            ] {
                assert_eq!(at(utc(instant)), wall_clock, "{instant}");
            }
            return;
        }
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "words::time::tests::local_time_across_a_dst_change_in_santiago",
                "--test-threads=1",
            ])
            .env(CHILD, "1")
            .env("TZ", "America/Santiago")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains("1 passed"),
            "needs tzdata (/usr/share/zoneinfo): {stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    #[test]
    fn absolute_times_show_the_zone() {
        let at = DateTime::parse_from_rfc3339("2026-12-04T16:23:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let bogota = FixedOffset::west_opt(5 * 3600).unwrap();
        assert_eq!(local_time(at, &bogota), "2026-12-04 11:23 UTC-05:00");
        assert_eq!(local_time(at, &Utc), "2026-12-04 16:23 UTC");
        assert_eq!(local_date(at + Duration::hours(8), &bogota), "2026-12-04");
    }
}
