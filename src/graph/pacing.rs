//! Pacing batched calls by Meta's `X-App-Usage` (reference §8): full speed while usage is low,
//! one batch at a time and smaller batches above [`SLOW_FROM`], nothing sent that would take
//! usage past [`STOP_AT`], and when it is reached, a short wait and a one-call probe until usage
//! falls again. The share one call adds is learnt from the answers: the highest ratio of usage to
//! calls sent seen so far, which counts earlier usage as ours and so errs on the slow side.

use std::time::{Duration, Instant};

use super::batch::MAX_OPS;

/// Above this share of the limit, one batch at a time.
pub(crate) const SLOW_FROM: u32 = 75;
/// Calls that would take usage past this share are not sent (Meta throttles at 100).
pub(crate) const STOP_AT: u32 = 95;
/// Batches in flight at full speed.
pub(crate) const IN_FLIGHT: usize = 4;
/// First and longest pause before a probe while usage stays at [`STOP_AT`].
const FIRST_PAUSE: Duration = Duration::from_millis(250);
const LONGEST_PAUSE: Duration = Duration::from_secs(4);

/// What may be sent now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Allowance {
    /// A batch of at most this many calls.
    Send(usize),
    /// Nothing until an answer arrives.
    AwaitAnswer,
    /// Nothing before this moment.
    Until(Instant),
}

/// One app's pacing within a run.
#[derive(Debug)]
pub(crate) struct Pacer {
    /// Calls sent so far in this run.
    sent: u64,
    /// The newest usage reading: the percentage, and the calls sent up to the batch it answered.
    reading: Option<(u32, u64)>,
    /// Whether Meta reports usage at all (None until the first answer).
    reported: Option<bool>,
    /// Usage percent one call adds (estimate).
    cost: f64,
    pause: Duration,
    /// Since when usage has kept sending stopped (for the run's bounded wait).
    stopped_since: Option<Instant>,
    next_probe: Option<Instant>,
    /// The highest usage any answer reported.
    pub peak: u32,
}

impl Default for Pacer {
    fn default() -> Self {
        Pacer {
            sent: 0,
            reading: None,
            reported: None,
            cost: 0.0,
            pause: FIRST_PAUSE,
            stopped_since: None,
            next_probe: None,
            peak: 0,
        }
    }
}

impl Pacer {
    /// Usage now, as far as can be told: the newest reading plus the calls sent since.
    pub fn predicted(&self) -> Option<f64> {
        let (pct, mark) = self.reading?;
        Some(f64::from(pct) + self.cost * (self.sent - mark) as f64)
    }

    pub fn allowance(&mut self, in_flight: usize, now: Instant) -> Allowance {
        match self.reported {
            // The first batch goes alone: its answer tells what a call costs.
            None if in_flight > 0 => return Allowance::AwaitAnswer,
            None => return Allowance::Send(MAX_OPS),
            Some(false) if in_flight >= IN_FLIGHT => return Allowance::AwaitAnswer,
            Some(false) => return Allowance::Send(MAX_OPS),
            Some(true) => {}
        }
        let predicted = self.predicted().unwrap_or(0.0);
        let limit = if predicted < f64::from(SLOW_FROM) {
            IN_FLIGHT
        } else {
            1
        };
        if in_flight >= limit {
            return Allowance::AwaitAnswer;
        }
        let room = f64::from(STOP_AT) - predicted;
        let calls = if self.cost > 0.0 {
            (room / self.cost).floor()
        } else {
            MAX_OPS as f64
        };
        if calls >= 1.0 {
            self.stopped_since = None;
            self.next_probe = None;
            self.pause = FIRST_PAUSE;
            return Allowance::Send((calls as usize).min(MAX_OPS));
        }
        if in_flight > 0 {
            return Allowance::AwaitAnswer;
        }
        // At the stop line with nothing in flight: wait, then one call to read usage again.
        self.stopped_since.get_or_insert(now);
        match self.next_probe {
            Some(at) if at <= now => {
                self.next_probe = None;
                Allowance::Send(1)
            }
            Some(at) => Allowance::Until(at),
            None => {
                let at = now + self.pause;
                self.pause = (self.pause * 2).min(LONGEST_PAUSE);
                self.next_probe = Some(at);
                Allowance::Until(at)
            }
        }
    }

    /// How long sending has been stopped at [`STOP_AT`].
    pub fn stopped_for(&self, now: Instant) -> Duration {
        self.stopped_since
            .map_or(Duration::ZERO, |since| now.duration_since(since))
    }

    /// Records a batch of `calls` as sent; the mark goes back with its answer to [`Self::observe`].
    pub fn sent(&mut self, calls: usize) -> u64 {
        self.sent += calls as u64;
        self.sent
    }

    /// The usage an answer reported (None: no `X-App-Usage`) for the batch sent at `mark`.
    pub fn observe(&mut self, mark: u64, percent: Option<u32>) {
        let Some(pct) = percent else {
            self.reported.get_or_insert(false);
            return;
        };
        self.reported = Some(true);
        self.peak = self.peak.max(pct);
        if mark > 0 {
            self.cost = self.cost.max(f64::from(pct) / mark as f64);
        }
        // Answers can arrive out of order: the batch sent last tells the newest state.
        if self.reading.is_none_or(|(_, m)| mark >= m) {
            self.reading = Some((pct, mark));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_speed_while_low_then_slower_then_stops_before_the_limit() {
        let now = Instant::now();
        let mut p = Pacer::default();
        assert_eq!(p.allowance(0, now), Allowance::Send(50));
        let mark = p.sent(50);
        assert_eq!(p.allowance(1, now), Allowance::AwaitAnswer);
        // 50 calls made 10 %: 0.2 % a call.
        p.observe(mark, Some(10));
        assert_eq!(p.allowance(1, now), Allowance::Send(50));
        for _ in 0..3 {
            p.sent(50);
        }
        // 40 % predicted: still four at a time.
        assert_eq!(p.allowance(3, now), Allowance::Send(50));
        let mark = p.sent(100);
        p.observe(mark, Some(80));
        // Slow: one batch at a time, and only what fits under 95 %.
        assert_eq!(p.allowance(1, now), Allowance::AwaitAnswer);
        assert_eq!(p.allowance(0, now), Allowance::Send(50));
        let mark = p.sent(50);
        p.observe(mark, Some(94));
        // 1 % of room at about 0.27 % a call: three calls.
        assert_eq!(p.allowance(0, now), Allowance::Send(3));
        let mark = p.sent(3);
        p.observe(mark, Some(95));
        // Stopped: a pause, then a single probe call.
        let Allowance::Until(at) = p.allowance(0, now) else {
            panic!("should wait")
        };
        assert_eq!(p.allowance(0, at), Allowance::Send(1));
        let mark = p.sent(1);
        p.observe(mark, Some(40));
        assert!(matches!(p.allowance(0, at), Allowance::Send(n) if n > 1));
        assert_eq!(p.peak, 95);
    }

    #[test]
    fn without_usage_headers_it_runs_at_full_speed() {
        let now = Instant::now();
        let mut p = Pacer::default();
        let mark = p.sent(50);
        p.observe(mark, None);
        assert_eq!(p.allowance(3, now), Allowance::Send(50));
        assert_eq!(p.allowance(4, now), Allowance::AwaitAnswer);
    }
}
