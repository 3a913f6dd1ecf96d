//! Reason codes and remedies (a stable contract, see design.md) and what Graph error codes mean.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A fact a reason is made of (a name, a count, a time), kept beside the English sentence so the
/// words layer can phrase the same reason in the user's language (issue 11).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fact {
    Text(String),
    Number(i64),
    Time(DateTime<Utc>),
    List(Vec<String>),
    /// Why a check was not made.
    Failure(super::report::FailureCause),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonCode {
    InvalidToken,
    Expired,
    ExpiresSoon,
    PasswordChanged,
    AppNotInstalled,
    Checkpointed,
    UnconfirmedUser,
    SessionInvalidated,
    PageRoleLost,
    DataAccessExpired,
    DataAccessExpiresSoon,
    MissingPermission,
    WebhookNotSubscribed,
    WrongApp,
    WrongPage,
    RateLimited,
    NetworkError,
    ServiceError,
    Unchecked,
    /// Refusal of an add: the Page (account, number) is already saved as a channel of this kind.
    AlreadySaved,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Remedy {
    Renew,
    Relogin,
    GrantPermission,
    SubscribeWebhook,
    ClearCheckpoint,
    RestorePageRole,
    WaitRetry,
    CheckConnection,
    None,
}

impl ReasonCode {
    pub fn code(self) -> &'static str {
        match self {
            ReasonCode::InvalidToken => "invalid_token",
            ReasonCode::Expired => "expired",
            ReasonCode::ExpiresSoon => "expires_soon",
            ReasonCode::PasswordChanged => "password_changed",
            ReasonCode::AppNotInstalled => "app_not_installed",
            ReasonCode::Checkpointed => "checkpointed",
            ReasonCode::UnconfirmedUser => "unconfirmed_user",
            ReasonCode::SessionInvalidated => "session_invalidated",
            ReasonCode::PageRoleLost => "page_role_lost",
            ReasonCode::DataAccessExpired => "data_access_expired",
            ReasonCode::DataAccessExpiresSoon => "data_access_expires_soon",
            ReasonCode::MissingPermission => "missing_permission",
            ReasonCode::WebhookNotSubscribed => "webhook_not_subscribed",
            ReasonCode::WrongApp => "wrong_app",
            ReasonCode::WrongPage => "wrong_page",
            ReasonCode::RateLimited => "rate_limited",
            ReasonCode::NetworkError => "network_error",
            ReasonCode::ServiceError => "service_error",
            ReasonCode::Unchecked => "unchecked",
            ReasonCode::AlreadySaved => "already_saved",
        }
    }

    pub fn remedy(self) -> Remedy {
        match self {
            ReasonCode::InvalidToken
            | ReasonCode::Expired
            | ReasonCode::ExpiresSoon
            | ReasonCode::WrongApp
            | ReasonCode::WrongPage
            | ReasonCode::AlreadySaved => Remedy::Renew,
            ReasonCode::PasswordChanged
            | ReasonCode::AppNotInstalled
            | ReasonCode::SessionInvalidated
            | ReasonCode::DataAccessExpired
            | ReasonCode::DataAccessExpiresSoon => Remedy::Relogin,
            ReasonCode::Checkpointed | ReasonCode::UnconfirmedUser => Remedy::ClearCheckpoint,
            ReasonCode::PageRoleLost => Remedy::RestorePageRole,
            ReasonCode::MissingPermission => Remedy::GrantPermission,
            ReasonCode::WebhookNotSubscribed => Remedy::SubscribeWebhook,
            ReasonCode::RateLimited | ReasonCode::ServiceError => Remedy::WaitRetry,
            ReasonCode::NetworkError => Remedy::CheckConnection,
            ReasonCode::Unchecked => Remedy::None,
        }
    }

    /// A check that could not be made; it says nothing about the token itself.
    pub fn is_check_failure(self) -> bool {
        matches!(
            self,
            ReasonCode::RateLimited | ReasonCode::NetworkError | ReasonCode::ServiceError
        )
    }
}

impl Remedy {
    pub fn code(self) -> &'static str {
        match self {
            Remedy::Renew => "renew",
            Remedy::Relogin => "relogin",
            Remedy::GrantPermission => "grant_permission",
            Remedy::SubscribeWebhook => "subscribe_webhook",
            Remedy::ClearCheckpoint => "clear_checkpoint",
            Remedy::RestorePageRole => "restore_page_role",
            Remedy::WaitRetry => "wait_retry",
            Remedy::CheckConnection => "check_connection",
            Remedy::None => "none",
        }
    }
}

/// How a Graph error with this code/subcode/message affects the token (reference §2).
/// `None` means the error is not about the token (e.g. a bad parameter).
pub fn reason_for_graph_error(
    code: i64,
    subcode: Option<i64>,
    message: &str,
) -> Option<ReasonCode> {
    let m = message.to_ascii_lowercase();
    Some(match code {
        190 | 102 => match subcode {
            Some(458) => ReasonCode::AppNotInstalled,
            Some(459) => ReasonCode::Checkpointed,
            Some(460) => ReasonCode::PasswordChanged,
            Some(463) => ReasonCode::Expired,
            Some(464) => ReasonCode::UnconfirmedUser,
            Some(466) => ReasonCode::SessionInvalidated,
            Some(492) => ReasonCode::PageRoleLost,
            Some(_) => ReasonCode::InvalidToken,
            // The subcode is often missing: fall back to the words Meta uses.
            None if m.contains("has expired") => ReasonCode::Expired,
            None if m.contains("changed their password") || m.contains("changed the password") => {
                ReasonCode::PasswordChanged
            }
            None if m.contains("has not authorized application") => ReasonCode::AppNotInstalled,
            None if m.contains("checkpoint") => ReasonCode::Checkpointed,
            None if m.contains("invalidated") => ReasonCode::SessionInvalidated,
            None => ReasonCode::InvalidToken,
        },
        10 | 200..=299 => ReasonCode::MissingPermission,
        4 | 17 | 32 | 341 | 368 | 613 | 80000..=80014 => ReasonCode::RateLimited,
        1 | 2 => ReasonCode::ServiceError,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subcodes_map_to_plain_reasons() {
        let r = |c, s| reason_for_graph_error(c, s, "");
        assert_eq!(r(190, Some(460)), Some(ReasonCode::PasswordChanged));
        assert_eq!(r(190, Some(463)), Some(ReasonCode::Expired));
        assert_eq!(r(190, Some(492)), Some(ReasonCode::PageRoleLost));
        assert_eq!(r(190, Some(459)), Some(ReasonCode::Checkpointed));
        assert_eq!(r(190, None), Some(ReasonCode::InvalidToken));
        assert_eq!(r(4, None), Some(ReasonCode::RateLimited));
        assert_eq!(r(80006, None), Some(ReasonCode::RateLimited));
        assert_eq!(r(2, None), Some(ReasonCode::ServiceError));
        assert_eq!(r(200, None), Some(ReasonCode::MissingPermission));
        assert_eq!(r(100, None), None);
    }

    #[test]
    fn missing_subcode_falls_back_to_the_message() {
        let m = "Error validating access token: Session has expired on Tuesday";
        assert_eq!(
            reason_for_graph_error(190, None, m),
            Some(ReasonCode::Expired)
        );
    }

    #[test]
    fn codes_serialize_as_the_contract_names() {
        assert_eq!(
            serde_json::to_string(&ReasonCode::DataAccessExpiresSoon).unwrap(),
            "\"data_access_expires_soon\""
        );
        assert_eq!(
            ReasonCode::PageRoleLost.remedy().code(),
            "restore_page_role"
        );
    }
}
