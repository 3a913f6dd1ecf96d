//! The clock guard's warning in words: countdowns come from this computer's clock, so say when
//! that clock cannot be trusted.

use super::bundle::t_args;
use super::time;
use crate::service::ClockProblem;

pub fn warning(problem: &ClockProblem) -> String {
    match *problem {
        ClockProblem::BeforeLastCheck { now, last_check } => t_args(
            "clock-before-last-check",
            &[
                ("now", time::at(now).into()),
                ("last", time::at(last_check).into()),
            ],
        ),
        ClockProblem::FarFromFacebook { skew_seconds, seen } => {
            // Only a skew of more than `MAX_SKEW` (minutes) is a problem: never under a minute.
            let span = time::span(skew_seconds.unsigned_abs()).unwrap_or_default();
            t_args(
                if skew_seconds > 0 {
                    "clock-behind-facebook"
                } else {
                    "clock-ahead-of-facebook"
                },
                &[("span", span.into()), ("seen", time::at(seen).into())],
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::locale::{Lang, with_lang};
    use super::*;
    use crate::store::ServerClockReading;
    use chrono::{Duration, Utc};

    #[test]
    fn the_warning_says_how_far_and_which_way_in_both_languages() {
        let now = Utc::now();
        let reading = ServerClockReading {
            skew_seconds: 3 * 3600 + 5,
            observed_at: now,
        };
        let problem = crate::service::clock_problem(None, Some(reading), now).unwrap();
        let es = with_lang(Lang::Es, || warning(&problem));
        assert!(es.contains("3 horas") && es.contains("atrasado"), "{es}");
        let en = with_lang(Lang::En, || warning(&problem));
        assert!(en.contains("3 hours behind Facebook's"), "{en}");
        let behind = crate::service::clock_problem(Some(now + Duration::hours(1)), None, now);
        let es = with_lang(Lang::Es, || warning(&behind.unwrap()));
        assert!(es.contains("antes de la última revisión"), "{es}");
    }
}
