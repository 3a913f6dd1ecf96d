//! Health classification: a pure function of (last report, last failure, requirements, now,
//! thresholds). Offline, the same function recomputes countdowns from the saved facts.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::channel::{DATA_ACCESS_EXEMPT, Requirements};
use super::reason::{Fact, ReasonCode, Remedy, reason_for_graph_error};
use super::report::{CheckFailure, FailureKind, TokenReport};
use super::time::{describe_at, describe_in};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Health {
    #[serde(rename = "healthy")]
    Healthy,
    #[serde(rename = "attention")]
    NeedsAttention,
    #[serde(rename = "broken")]
    Broken,
    #[serde(rename = "unknown")]
    Unknown,
}

impl Health {
    pub fn code(self) -> &'static str {
        match self {
            Health::Healthy => "healthy",
            Health::NeedsAttention => "attention",
            Health::Broken => "broken",
            Health::Unknown => "unknown",
        }
    }
    /// Most urgent first: broken, needs attention, not checked, healthy.
    pub fn urgency(self) -> u8 {
        match self {
            Health::Broken => 0,
            Health::NeedsAttention => 1,
            Health::Unknown => 2,
            Health::Healthy => 3,
        }
    }
    pub const ALL: [Health; 4] = [
        Health::Broken,
        Health::NeedsAttention,
        Health::Unknown,
        Health::Healthy,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    pub code: ReasonCode,
    /// English, for logs and `Display`; people read `words::reasons::sentence` of the facts.
    pub message: String,
    pub remedy: Remedy,
    /// The facts `message` was made of, by name; not saved (recomputed by `classify`).
    #[serde(skip)]
    pub facts: Vec<(&'static str, Fact)>,
}

impl Reason {
    pub fn new(code: ReasonCode, message: impl Into<String>) -> Self {
        Reason {
            code,
            message: message.into(),
            remedy: code.remedy(),
            facts: Vec::new(),
        }
    }

    /// This reason with one more fact.
    pub fn with(mut self, name: &'static str, fact: Fact) -> Self {
        self.facts.push((name, fact));
        self
    }

    pub fn fact(&self, name: &str) -> Option<&Fact> {
        self.facts.iter().find(|(k, _)| *k == name).map(|(_, f)| f)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnosis {
    pub health: Health,
    /// Most important first; empty when healthy.
    pub reasons: Vec<Reason>,
}

impl Diagnosis {
    pub fn main_reason(&self) -> Option<&Reason> {
        self.reasons.first()
    }
    pub fn has(&self, code: ReasonCode) -> bool {
        self.reasons.iter().any(|r| r.code == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    /// Needs attention this long before the token expires.
    pub expiry_warning: Duration,
    /// Needs attention this long before data access expires.
    pub data_access_warning: Duration,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            expiry_warning: Duration::days(7),
            data_access_warning: Duration::days(7),
        }
    }
}

/// What a token's invalidity means, in words a Page owner understands.
pub fn invalid_reason(report: &TokenReport) -> Reason {
    let code = report
        .error
        .as_ref()
        .and_then(|e| reason_for_graph_error(e.code, e.subcode, &e.message))
        .filter(|c| !c.is_check_failure())
        .unwrap_or(ReasonCode::InvalidToken);
    let mut reason =
        Reason::new(code, invalid_message(code, report)).with("said", Fact::Text("invalid".into()));
    if let Some(name) = &report.user_name {
        reason = reason.with("who", Fact::Text(name.clone()));
    }
    if let (ReasonCode::Expired, Some(at)) = (code, report.expires_at) {
        reason = reason.with("on", Fact::Time(at));
    }
    reason
}

fn invalid_message(code: ReasonCode, report: &TokenReport) -> String {
    let who = report
        .user_name
        .as_deref()
        .map(|n| format!("{n}'s account"))
        .unwrap_or_else(|| "the account that connected this channel".to_string());
    match code {
        ReasonCode::Expired => match report.expires_at {
            Some(at) => format!(
                "The token expired on {}. Get a new token to reconnect the channel.",
                at.format("%Y-%m-%d %H:%M UTC")
            ),
            None => "The token has expired. Get a new token to reconnect the channel.".into(),
        },
        ReasonCode::PasswordChanged => format!(
            "The password of {who} was changed (or Facebook ended its sessions for security), so this token stopped working. Log in again to get a new token."
        ),
        ReasonCode::AppNotInstalled => format!(
            "The app was removed from {who}, or was never allowed. Log in again and allow the app to get a new token."
        ),
        ReasonCode::Checkpointed => format!(
            "Facebook put a security check on {who}. Log in at facebook.com and complete the check, then get a new token."
        ),
        ReasonCode::UnconfirmedUser => format!(
            "{who} is not confirmed yet. Confirm it at facebook.com, then get a new token."
        ),
        ReasonCode::SessionInvalidated => format!(
            "The login session of {who} was ended (logged out or revoked). Log in again to get a new token."
        ),
        ReasonCode::PageRoleLost => {
            "The person who connected this Page no longer has a role on it. Give them their Page role back (or have a current Page admin connect it), then get a new Page token.".into()
        }
        _ => "Facebook no longer accepts this token (it was revoked, replaced or is not a real token). Get a new token to reconnect the channel.".into(),
    }
}

pub fn failure_reason(failure: &CheckFailure, now: DateTime<Utc>) -> Reason {
    let when = describe_at(failure.at, now);
    let mut reason = failure_reason_words(failure, &when)
        .with("at", Fact::Time(failure.at))
        .with("detail", Fact::Text(failure.detail.clone()));
    if let Some(cause) = &failure.cause {
        reason = reason.with("cause", Fact::Failure(cause.clone()));
    }
    if let Some(e) = &failure.graph_error {
        let code = match e.subcode {
            Some(s) => format!("{}/{s}", e.code),
            None => e.code.to_string(),
        };
        reason = reason
            .with("meta_message", Fact::Text(e.message.clone()))
            .with("meta_code", Fact::Text(code));
    }
    match failure.retry_after_minutes {
        Some(m) if m > 0 => reason.with("minutes", Fact::Number(m)),
        _ => reason,
    }
}

fn failure_reason_words(failure: &CheckFailure, when: &str) -> Reason {
    match failure.kind {
        FailureKind::Network => Reason::new(
            ReasonCode::NetworkError,
            format!(
                "Could not reach Facebook ({when}): {}. Check the internet connection and try again; the last known facts are shown.",
                failure.detail
            ),
        ),
        FailureKind::Service => Reason::new(
            ReasonCode::ServiceError,
            format!(
                "Facebook's servers had a problem ({when}): {}. This is not your token's fault; try again in a few minutes.",
                failure.detail
            ),
        ),
        FailureKind::RateLimited => {
            let wait = match failure.retry_after_minutes {
                Some(m) if m > 0 => format!("about {m} minutes"),
                _ => "a few minutes".into(),
            };
            Reason::new(
                ReasonCode::RateLimited,
                format!(
                    "Facebook asked us to slow down ({when}). Wait {wait} and check again; the token itself was not judged."
                ),
            )
        }
    }
}

/// Reasons computed from a *valid* report's facts at `now`.
fn reasons_for_valid(
    report: &TokenReport,
    req: &Requirements,
    now: DateTime<Utc>,
    th: &Thresholds,
) -> Vec<Reason> {
    let mut reasons = Vec::new();
    let never = report.never_expires == Some(true);

    // Offline the saved expiry is compared with the clock: a valid token can have run out since.
    if let (Some(at), false) = (report.expires_at, never) {
        if at <= now {
            reasons.push(
                Reason::new(
                    ReasonCode::Expired,
                    format!(
                        "The token expired {}. Get a new token to reconnect the channel.",
                        describe_in(at, now)
                    ),
                )
                .with("ago", Fact::Time(at)),
            );
        } else if at - now <= th.expiry_warning {
            reasons.push(Reason::new(
                ReasonCode::ExpiresSoon,
                format!(
                    "The token expires {} ({}). Renew it before then so the channel keeps working.",
                    describe_in(at, now),
                    at.format("%Y-%m-%d")
                ),
            )
            .with("at", Fact::Time(at)));
        }
    }

    if let (Some(want), Some(got)) = (req.app_id, report.app_id.as_deref())
        && want != got
    {
        reasons.push(Reason::new(
            ReasonCode::WrongApp,
            format!(
                "This token was made for another app ({}, id {got}) than the channel's app (id {want}). Get a token from the channel's app.",
                report.application.as_deref().unwrap_or("unknown name")
            ),
        )
        .with("got", Fact::Text(got.into()))
        .with("want", Fact::Text(want.into()))
        .with("app", Fact::Text(report.application.clone().unwrap_or_default())));
    }
    if let (Some(want), Some(got)) = (req.page_id, report.profile_id.as_deref())
        && want != got
    {
        reasons.push(Reason::new(
            ReasonCode::WrongPage,
            format!(
                "This token belongs to another Page ({}) than this channel's Page (id {want}). Get the token of the right Page.",
                report
                    .profile_name
                    .clone()
                    .unwrap_or_else(|| format!("id {got}"))
            ),
        )
        .with("got", Fact::Text(got.into()))
        .with("want", Fact::Text(want.into()))
        .with("page", Fact::Text(report.profile_name.clone().unwrap_or_default())));
    }

    let target = req.page_id.or(report.profile_id.as_deref());
    let missing: Vec<&str> = req
        .kind
        .required_permissions()
        .iter()
        .copied()
        .filter(|p| report.scope_covers(p, target) == Some(false))
        .collect();
    if !missing.is_empty() {
        reasons.push(
            Reason::new(
                ReasonCode::MissingPermission,
                format!(
                    "The token lacks {} {}, which a {} channel needs. Log in again and allow {}.",
                    if missing.len() == 1 {
                        "the permission"
                    } else {
                        "the permissions"
                    },
                    missing.join(", "),
                    req.kind.label(),
                    if missing.len() == 1 { "it" } else { "them" },
                ),
            )
            .with(
                "permissions",
                Fact::List(missing.iter().map(|p| p.to_string()).collect()),
            )
            .with("kind", Fact::Text(req.kind.code().into())),
        );
    }

    // Data access matters only for required permissions that are not exempt from the 90-day window.
    let needs_data_access = req
        .kind
        .required_permissions()
        .iter()
        .any(|p| !DATA_ACCESS_EXEMPT.contains(p));
    if let (Some(at), true) = (report.data_access_expires_at, needs_data_access) {
        if at <= now {
            reasons.push(Reason::new(
                ReasonCode::DataAccessExpired,
                format!(
                    "Facebook's 90-day data access for this token ended {}. Log in again to renew it.",
                    describe_in(at, now)
                ),
            )
            .with("ago", Fact::Time(at)));
        } else if at - now <= th.data_access_warning {
            reasons.push(Reason::new(
                ReasonCode::DataAccessExpiresSoon,
                format!(
                    "Facebook's 90-day data access for this token ends {}. Log in again before then.",
                    describe_in(at, now)
                ),
            )
            .with("at", Fact::Time(at)));
        }
    }

    if let (true, Some(webhook)) = (req.kind.needs_webhook(), report.webhook.as_ref()) {
        let missing_fields: Vec<&str> = req
            .kind
            .required_webhook_fields()
            .iter()
            .copied()
            .filter(|f| !webhook.fields.iter().any(|x| x == f))
            .collect();
        if !webhook.app_subscribed {
            reasons.push(Reason::new(
                ReasonCode::WebhookNotSubscribed,
                "The Page is not subscribed to the app's webhook, so new messages will not arrive. Subscribe the Page again.",
            ));
        } else if !missing_fields.is_empty() {
            reasons.push(Reason::new(
                ReasonCode::WebhookNotSubscribed,
                format!(
                    "The Page's webhook is missing the field {}, so new messages will not arrive. Subscribe it again.",
                    missing_fields.join(", ")
                ),
            )
            .with("fields", Fact::List(missing_fields.iter().map(|f| f.to_string()).collect())));
        }
    }
    reasons
}

fn health_of(code: ReasonCode) -> Health {
    match code {
        ReasonCode::ExpiresSoon
        | ReasonCode::DataAccessExpiresSoon
        | ReasonCode::WebhookNotSubscribed => Health::NeedsAttention,
        ReasonCode::Unchecked
        | ReasonCode::RateLimited
        | ReasonCode::NetworkError
        | ReasonCode::ServiceError => Health::Unknown,
        _ => Health::Broken,
    }
}

/// The channel's health at `now` from what is known. A failed check never makes a channel
/// broken: it adds its reason and leaves the health of the last known facts.
pub fn classify(
    report: Option<&TokenReport>,
    failure: Option<&CheckFailure>,
    req: &Requirements,
    now: DateTime<Utc>,
    th: &Thresholds,
) -> Diagnosis {
    let mut reasons = match report {
        None => Vec::new(),
        Some(r) if r.is_valid == Some(false) => vec![invalid_reason(r)],
        // Meta's answer did not say whether the token works: its other facts prove nothing.
        Some(r) if r.is_valid.is_none() => vec![Reason::new(
            ReasonCode::Unchecked,
            "Facebook's last answer did not say whether this token works. Check again in a few minutes.",
        )],
        Some(r) => reasons_for_valid(r, req, now, th),
    };
    let facts_health = match report {
        None => Health::Unknown,
        Some(r) if r.is_valid.is_none() => Health::Unknown,
        Some(_) => reasons
            .iter()
            .map(|r| health_of(r.code))
            .min_by_key(|h| h.urgency())
            .unwrap_or(Health::Healthy),
    };
    // Most severe first, stable otherwise.
    reasons.sort_by_key(|r| health_of(r.code).urgency());
    if let Some(f) = failure {
        reasons.push(failure_reason(f, now));
    }
    if report.is_none() && failure.is_none() {
        reasons.push(Reason::new(
            ReasonCode::Unchecked,
            "This channel has not been checked yet. Run a check to see whether its token works.",
        ));
    }
    Diagnosis {
        health: facts_health,
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::channel::ChannelKind;
    use crate::model::report::{GranularScope, GraphErrorInfo, WebhookState};

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-23T12:00:00Z")
            .unwrap()
            .into()
    }

    fn messenger() -> Requirements<'static> {
        Requirements {
            kind: ChannelKind::Messenger,
            app_id: Some("111"),
            page_id: Some("500"),
        }
    }

    fn good() -> TokenReport {
        TokenReport {
            is_valid: Some(true),
            app_id: Some("111".into()),
            profile_id: Some("500".into()),
            never_expires: Some(true),
            scopes: Some(
                ChannelKind::Messenger
                    .required_permissions()
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
            ),
            webhook: Some(WebhookState {
                app_subscribed: true,
                fields: vec!["messages".into()],
            }),
            ..Default::default()
        }
    }

    fn diag(r: &TokenReport) -> Diagnosis {
        classify(Some(r), None, &messenger(), now(), &Thresholds::default())
    }

    #[test]
    fn a_complete_valid_token_is_healthy() {
        let d = diag(&good());
        assert_eq!(d.health, Health::Healthy, "{d:?}");
        assert!(d.reasons.is_empty());
    }

    #[test]
    fn never_checked_is_unknown_with_unchecked_reason() {
        let d = classify(None, None, &messenger(), now(), &Thresholds::default());
        assert_eq!(d.health, Health::Unknown);
        assert_eq!(d.reasons[0].code, ReasonCode::Unchecked);
    }

    #[test]
    fn an_answer_without_validity_is_unknown_and_says_so() {
        // Say, `{"data":{}}` or `"is_valid":"true"`: the app and Page being there proves nothing.
        let r = TokenReport {
            is_valid: None,
            ..good()
        };
        let d = diag(&r);
        assert_eq!(d.health, Health::Unknown);
        assert_eq!(d.reasons.len(), 1);
        assert_eq!(d.reasons[0].code, ReasonCode::Unchecked);
    }

    #[test]
    fn password_change_is_broken_and_says_log_in_again() {
        let r = TokenReport {
            is_valid: Some(false),
            error: Some(GraphErrorInfo {
                code: 190,
                subcode: Some(460),
                message: "Error validating access token: The session has been invalidated because the user changed their password".into(),
                user_title: None,
                user_message: None,
                fbtrace_id: None,
            }),
            ..Default::default()
        };
        let d = diag(&r);
        assert_eq!(d.health, Health::Broken);
        assert_eq!(d.reasons[0].code, ReasonCode::PasswordChanged);
        assert_eq!(d.reasons[0].remedy, Remedy::Relogin);
        assert!(d.reasons[0].message.contains("password"));
    }

    #[test]
    fn countdown_is_recomputed_from_the_clock() {
        let mut r = good();
        r.never_expires = Some(false);
        r.expires_at = Some(now() + Duration::days(30));
        assert_eq!(diag(&r).health, Health::Healthy);
        r.expires_at = Some(now() + Duration::days(3));
        let d = diag(&r);
        assert_eq!(d.health, Health::NeedsAttention);
        assert!(
            d.reasons[0].message.contains("in 3 days"),
            "{}",
            d.reasons[0].message
        );
        // Saved as valid, but the clock has passed its expiry since.
        r.expires_at = Some(now() - Duration::hours(2));
        let d = diag(&r);
        assert_eq!(d.health, Health::Broken);
        assert_eq!(d.reasons[0].code, ReasonCode::Expired);
    }

    #[test]
    fn another_pages_or_apps_token_is_broken() {
        let mut r = good();
        r.profile_id = Some("999".into());
        assert!(diag(&r).has(ReasonCode::WrongPage));
        let mut r = good();
        r.app_id = Some("222".into());
        assert!(diag(&r).has(ReasonCode::WrongApp));
        assert_eq!(diag(&r).health, Health::Broken);
    }

    #[test]
    fn missing_permission_and_foreign_target_are_broken() {
        let mut r = good();
        r.scopes
            .as_mut()
            .unwrap()
            .retain(|s| s != "pages_messaging");
        let d = diag(&r);
        assert_eq!(d.health, Health::Broken);
        assert!(d.reasons[0].message.contains("pages_messaging"));

        let mut r = good();
        r.granular_scopes = Some(vec![GranularScope {
            scope: "pages_messaging".into(),
            target_ids: Some(vec!["777".into()]),
        }]);
        assert!(diag(&r).has(ReasonCode::MissingPermission));
    }

    #[test]
    fn instagram_grants_target_the_instagram_account_not_the_page() {
        let ig = Requirements {
            kind: ChannelKind::Instagram,
            ..messenger()
        };
        let scopes = ChannelKind::Instagram.required_permissions();
        let mut r = good();
        r.scopes = Some(scopes.iter().map(|s| s.to_string()).collect());
        r.instagram_account_id = Some("1784".into());
        r.granular_scopes = Some(vec![GranularScope {
            scope: "instagram_manage_messages".into(),
            target_ids: Some(vec!["1784".into()]),
        }]);
        let d = classify(Some(&r), None, &ig, now(), &Thresholds::default());
        assert_eq!(d.health, Health::Healthy, "{d:?}");
        r.instagram_account_id = Some("9999".into());
        let d = classify(Some(&r), None, &ig, now(), &Thresholds::default());
        assert!(
            d.has(ReasonCode::MissingPermission),
            "granted for another account only"
        );
    }

    #[test]
    fn unsubscribed_webhook_needs_attention() {
        let mut r = good();
        r.webhook = Some(WebhookState {
            app_subscribed: true,
            fields: vec!["feed".into()],
        });
        let d = diag(&r);
        assert_eq!(d.health, Health::NeedsAttention);
        assert_eq!(d.reasons[0].code, ReasonCode::WebhookNotSubscribed);
    }

    #[test]
    fn data_access_only_matters_for_non_exempt_permissions() {
        let mut r = good();
        r.data_access_expires_at = Some(now() - Duration::days(1));
        assert_eq!(
            diag(&r).health,
            Health::Healthy,
            "messenger permissions are exempt"
        );
        let ig = Requirements {
            kind: ChannelKind::Instagram,
            ..messenger()
        };
        r.scopes = Some(
            ChannelKind::Instagram
                .required_permissions()
                .iter()
                .map(|s| s.to_string())
                .collect(),
        );
        let d = classify(Some(&r), None, &ig, now(), &Thresholds::default());
        assert_eq!(d.health, Health::Broken);
        assert_eq!(d.reasons[0].code, ReasonCode::DataAccessExpired);
    }

    #[test]
    fn a_failed_check_keeps_the_last_health() {
        let failure = CheckFailure {
            kind: FailureKind::Network,
            at: now(),
            detail: "connection refused".into(),
            cause: None,
            graph_error: None,
            retry_after_minutes: None,
        };
        let d = classify(
            Some(&good()),
            Some(&failure),
            &messenger(),
            now(),
            &Thresholds::default(),
        );
        assert_eq!(d.health, Health::Healthy);
        assert_eq!(d.reasons[0].code, ReasonCode::NetworkError);
        let d = classify(
            None,
            Some(&failure),
            &messenger(),
            now(),
            &Thresholds::default(),
        );
        assert_eq!(d.health, Health::Unknown);
        assert_ne!(d.health, Health::Broken);
    }
}
