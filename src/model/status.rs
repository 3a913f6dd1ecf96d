//! What one line about a channel says in a list (the CLI table, the window's rows): the problem
//! when it is broken rather than a countdown that no longer matters, and a failed last check
//! with when it happened rather than a silent "healthy".

use chrono::{DateTime, Utc};

use super::channel::Channel;
use super::health::{Diagnosis, Health, Reason};
use super::reason::ReasonCode;

/// What the expiry column of a row shows, as facts: a broken channel shows what is wrong
/// ("password changed"), since "expires in 2 days" beside a dead token misleads; otherwise the
/// countdown from the saved facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpiryColumn {
    Problem(ReasonCode),
    /// "expires in 2 days", "expired 3 hours ago" (the problem and when), "never expires".
    Countdown {
        expires_at: Option<DateTime<Utc>>,
        never: Option<bool>,
    },
    Unknown,
}

pub fn expiry_column(channel: &Channel, diagnosis: &Diagnosis) -> ExpiryColumn {
    let report = channel.last_report.as_ref();
    if diagnosis.health == Health::Broken
        && let Some(main) = diagnosis.main_reason()
    {
        return match (main.code, report) {
            (ReasonCode::Expired, Some(r)) if r.expires_at.is_some() => ExpiryColumn::Countdown {
                expires_at: r.expires_at,
                never: Some(false),
            },
            (code, _) => ExpiryColumn::Problem(code),
        };
    }
    match report {
        Some(r) if r.is_valid == Some(false) => ExpiryColumn::Problem(ReasonCode::InvalidToken),
        Some(r) => ExpiryColumn::Countdown {
            expires_at: r.expires_at,
            never: r.never_expires,
        },
        None => ExpiryColumn::Unknown,
    }
}

/// The reason a row leads with. A broken channel leads with what broke it; otherwise a failed
/// last check comes first, because it means the other facts may be out of date.
pub fn headline(diagnosis: &Diagnosis) -> Option<&Reason> {
    if diagnosis.health != Health::Broken
        && let Some(failed) = diagnosis.reasons.iter().find(|r| r.code.is_check_failure())
    {
        return Some(failed);
    }
    diagnosis.main_reason()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::channel::sample_channel;
    use crate::model::{Thresholds, TokenReport, classify};
    use chrono::Duration;

    fn channel(report: TokenReport, failed: bool) -> Channel {
        sample_channel(
            Some(report),
            failed.then(|| Utc::now() - Duration::minutes(5)),
        )
    }

    fn diagnosis(c: &Channel) -> Diagnosis {
        classify(
            c.last_report.as_deref(),
            c.last_failure.as_deref(),
            &c.requirements(),
            Utc::now(),
            &Thresholds::default(),
        )
    }

    fn report(valid: bool, scopes: &[&str]) -> TokenReport {
        TokenReport {
            is_valid: Some(valid),
            expires_at: Some(Utc::now() + Duration::days(2) + Duration::hours(1)),
            never_expires: Some(false),
            scopes: Some(scopes.iter().map(|s| s.to_string()).collect()),
            ..Default::default()
        }
    }

    #[test]
    fn a_broken_row_says_what_is_wrong_not_when_it_expires() {
        let now = Utc::now();
        let dead = channel(report(false, &[]), false);
        assert_eq!(
            expiry_column(&dead, &diagnosis(&dead)),
            ExpiryColumn::Problem(ReasonCode::InvalidToken)
        );
        let lacking = channel(report(true, &["pages_show_list"]), false);
        assert_eq!(
            expiry_column(&lacking, &diagnosis(&lacking)),
            ExpiryColumn::Problem(ReasonCode::MissingPermission)
        );
        let fine = channel(
            report(true, &["pages_show_list", "pages_read_engagement"]),
            false,
        );
        assert!(matches!(
            expiry_column(&fine, &diagnosis(&fine)),
            ExpiryColumn::Countdown { expires_at: Some(at), never: Some(false) } if at > now
        ));
    }

    #[test]
    fn a_failed_check_leads_the_row_and_says_when() {
        let c = channel(
            report(true, &["pages_show_list", "pages_read_engagement"]),
            true,
        );
        let d = diagnosis(&c);
        assert_eq!(d.health, Health::NeedsAttention, "expires in 2 days");
        assert_eq!(headline(&d).map(|r| r.code), Some(ReasonCode::NetworkError));
        let dead = channel(report(false, &[]), true);
        assert_eq!(
            headline(&diagnosis(&dead)).map(|r| r.code),
            Some(ReasonCode::InvalidToken),
            "broken stays the news"
        );
    }
}
