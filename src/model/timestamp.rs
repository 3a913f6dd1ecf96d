//! Reading saved times (`"2026-11-23T12:00:00.123Z"`) quickly. chrono's general RFC 3339
//! reader took 1,500 instructions a time, an eighth of loading 10,000 channels; the exact shape
//! chrono writes for a UTC time is read here directly, and anything else (another offset, a
//! leap second, a lowercase `t`) still goes through chrono, so every file that loaded before
//! loads the same. Writing is chrono's own, unchanged.
//!
//! Use with `#[serde(deserialize_with = "...")]`: `utc` for a `DateTime<Utc>`, `utc_opt` for an
//! `Option<DateTime<Utc>>` (with `#[serde(default)]`, so a missing field stays `None`).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Deserializer, de};

/// `YYYY-MM-DDTHH:MM:SS`, then an optional fraction of 1 to 9 digits, then `Z` or `+00:00`;
/// `None` for any other shape or an impossible date or time.
fn parse_written(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let date = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    let (hour, min, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
    // 60 is a leap second: chrono's reader knows what to make of it.
    if sec > 59 {
        return None;
    }
    let mut rest = &b[19..];
    let mut nano = 0u32;
    if let [b'.', digits @ ..] = rest {
        let n = digits.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || n > 9 {
            return None;
        }
        nano = digits[..n]
            .iter()
            .fold(0u32, |v, &c| v * 10 + u32::from(c - b'0'))
            * 10u32.pow(9 - n as u32);
        rest = &digits[n..];
    }
    if rest != b"Z" && rest != b"+00:00" {
        return None;
    }
    let time = NaiveTime::from_hms_nano_opt(hour, min, sec, nano)?;
    Some(date.and_time(time).and_utc())
}

/// As chrono's own `Deserialize` for `DateTime<Utc>`: the same accepted texts, values and
/// error messages.
struct UtcVisitor;

impl de::Visitor<'_> for UtcVisitor {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<DateTime<Utc>, E> {
        match parse_written(s) {
            Some(at) => Ok(at),
            None => s
                .parse::<DateTime<FixedOffset>>()
                .map(|at| at.with_timezone(&Utc))
                .map_err(E::custom),
        }
    }
}

pub fn utc<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(UtcVisitor)
}

pub fn utc_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    struct Utc3339(DateTime<Utc>);
    impl<'de> Deserialize<'de> for Utc3339 {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            utc(d).map(Utc3339)
        }
    }
    Ok(Option::<Utc3339>::deserialize(d)?.map(|at| at.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Both {
        #[serde(deserialize_with = "utc")]
        at: DateTime<Utc>,
        #[serde(default, deserialize_with = "utc_opt")]
        maybe: Option<DateTime<Utc>>,
    }

    /// What chrono makes of `s`, and whether it takes it at all.
    fn chrono_reads(s: &str) -> Result<DateTime<Utc>, String> {
        serde_json::from_value::<DateTime<Utc>>(serde_json::Value::String(s.into()))
            .map_err(|e| e.to_string())
    }

    fn ours_reads(s: &str) -> Result<DateTime<Utc>, String> {
        serde_json::from_value::<Both>(serde_json::json!({ "at": s }))
            .map(|b| b.at)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn reads_every_time_as_chrono_does() {
        for s in [
            "2026-11-23T12:00:00Z",
            "2026-11-23T12:00:00.5Z",
            "2026-11-23T12:00:00.123Z",
            "2026-11-23T12:00:00.123456Z",
            "2026-11-23T12:00:00.123456789Z",
            "2026-11-23T12:00:00+00:00",
            "2024-02-29T23:59:59.999999999+00:00",
            // Through chrono: other offsets, lowercase, a space, a leap second.
            "2026-11-23T12:00:00+02:00",
            "2026-11-23T12:00:00-03:30",
            "2026-11-23t12:00:00z",
            "2026-11-23 12:00:00Z",
            "2016-12-31T23:59:60Z",
            "2026-11-23T12:00:00.1234567891Z",
            // Refused by both, with the same words.
            "2026-02-30T12:00:00Z",
            "2026-11-23T24:00:00Z",
            "2026-11-23T12:60:00Z",
            "2026-11-23T12:00:00",
            "2026-11-23T12:00:00.Z",
            "2026-11-23T12:00:00Zjunk",
            "+2026-11-23T12:00:00Z",
            "2026-1-23T12:00:00Z",
            "",
        ] {
            assert_eq!(ours_reads(s), chrono_reads(s), "{s:?}");
        }
        // A chrono-written time comes back as it was, to the nanosecond.
        let now = Utc::now();
        let written = serde_json::to_value(now).unwrap();
        assert_eq!(ours_reads(written.as_str().unwrap()), Ok(now));
    }

    #[test]
    fn an_optional_time_may_be_missing_null_or_given() {
        let read = |v: serde_json::Value| serde_json::from_value::<Both>(v).map(|b| b.maybe);
        let at = "2026-11-23T12:00:00Z";
        assert_eq!(read(serde_json::json!({ "at": at })).unwrap(), None);
        let null = serde_json::json!({ "at": at, "maybe": null });
        assert_eq!(read(null).unwrap(), None);
        let given = serde_json::json!({ "at": at, "maybe": at });
        assert_eq!(read(given).unwrap(), Some(chrono_reads(at).unwrap()));
        let number = serde_json::json!({ "at": at, "maybe": 5 });
        let chrono_number = serde_json::from_value::<DateTime<Utc>>(5.into()).unwrap_err();
        assert_eq!(
            read(number).unwrap_err().to_string(),
            chrono_number.to_string()
        );
    }
}
