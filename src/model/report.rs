//! What a check learnt about a token: the facts Meta's Access Token Debugger shows, plus the
//! messaging readiness (webhook subscription), or why the check could not be made.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckMethod {
    /// `debug_token`: the same facts the Access Token Debugger shows.
    DebugToken,
    /// `/me`, `/me/permissions` and Page fields, when `debug_token` was not allowed.
    SelfProbe,
}

impl CheckMethod {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TokenType {
    User,
    Page,
    App,
    SystemUser,
    #[serde(untagged)]
    Other(String),
}

impl TokenType {
    pub fn from_graph(s: &str) -> Self {
        match s {
            "USER" => TokenType::User,
            "PAGE" => TokenType::Page,
            "APP" => TokenType::App,
            "SYSTEM_USER" => TokenType::SystemUser,
            other => TokenType::Other(other.to_string()),
        }
    }
    pub fn code(&self) -> &str {
        match self {
            TokenType::User => "USER",
            TokenType::Page => "PAGE",
            TokenType::App => "APP",
            TokenType::SystemUser => "SYSTEM_USER",
            TokenType::Other(s) => s,
        }
    }
    /// English, for logs and `Reason.message`; people read the words layer's name.
    pub fn label(&self) -> &str {
        match self {
            TokenType::User => "User",
            TokenType::Page => "Page",
            TokenType::App => "App",
            TokenType::SystemUser => "System user",
            TokenType::Other(s) => s,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GranularScope {
    pub scope: String,
    /// `None` when the grant covers every target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_ids: Option<Vec<String>>,
}

/// A Graph error as Meta sent it; kept for the "details" view and support reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphErrorInfo {
    pub code: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcode: Option<i64>,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fbtrace_id: Option<String>,
}

/// The Page's `subscribed_apps` as seen for this channel's app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookState {
    /// The channel's app is in the Page's `subscribed_apps`.
    pub app_subscribed: bool,
    pub fields: Vec<String>,
}

/// The debugger facts of one token at one moment. `None` = not learnt (shown as unknown).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct TokenReport {
    #[serde(default, deserialize_with = "super::timestamp::utc_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checked_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_method: Option<CheckMethod>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_valid: Option<bool>,
    #[serde(rename = "type")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_type: Option<TokenType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_name: Option<String>,
    #[serde(default, deserialize_with = "super::timestamp::utc_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "super::timestamp::utc_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<DateTime<Utc>>,
    /// `expires_at: 0` in Graph: the Debugger shows "Never".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub never_expires: Option<bool>,
    #[serde(default, deserialize_with = "super::timestamp::utc_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_access_expires_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub granular_scopes: Option<Vec<GranularScope>>,
    /// Why `is_valid` is false, as Meta said it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<GraphErrorInfo>,
    /// `None` when not checked (not a messaging channel, or not allowed to look).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook: Option<WebhookState>,
    /// The Instagram account linked to the Page (Instagram channels); `instagram_*` grants
    /// name this account as their target, not the Page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instagram_account_id: Option<String>,
}

impl TokenReport {
    pub fn has_scope(&self, scope: &str) -> Option<bool> {
        self.scopes.as_ref().map(|s| s.iter().any(|x| x == scope))
    }

    /// Whether `scope` may be used on the channel's Page `page`: granted, and its target listed
    /// where targets are. `instagram_*` grants target the linked Instagram account instead
    /// (unknown until looked up: then only the grant itself is judged).
    pub fn scope_covers(&self, scope: &str, page: Option<&str>) -> Option<bool> {
        let target = if scope.starts_with("instagram_") {
            self.instagram_account_id.as_deref()
        } else {
            page
        };
        let granted = self.has_scope(scope)?;
        if !granted {
            return Some(false);
        }
        let (Some(target), Some(granular)) = (target, self.granular_scopes.as_ref()) else {
            return Some(true);
        };
        Some(match granular.iter().find(|g| g.scope == scope) {
            Some(GranularScope {
                target_ids: Some(ids),
                ..
            }) => ids.iter().any(|id| id == target),
            _ => true,
        })
    }
}

/// Why a check could not be made. The last report stays as the last known facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureKind {
    /// No answer: refused, reset, timed out, DNS.
    Network,
    /// Meta answered with a server error, an HTML page or a broken body.
    Service,
    /// Meta said to slow down.
    RateLimited,
}

/// Why a check was not made, as facts the words layer phrases (`detail` keeps the English).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "code")]
pub enum FailureCause {
    /// Not sent: Facebook had asked another check of the same run to slow down.
    SlowedDown,
    /// Not sent: Facebook reported this share of its rate limit used.
    NearRateLimit { percent: u8 },
    /// The run could not schedule the check.
    NotScheduled,
    /// No answer within this many seconds.
    Timeout { seconds: u64 },
    /// No connection; `detail` is the system's own words.
    Network { detail: String },
    /// An answer that is not Graph JSON (an HTML error page).
    Http { status: u16, detail: String },
    /// An answer cut off or malformed.
    BadBody { detail: String },
    /// Facebook's own error (the failure's `graph_error` holds it).
    Api,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckFailure {
    pub kind: FailureKind,
    #[serde(deserialize_with = "super::timestamp::utc")]
    pub at: DateTime<Utc>,
    /// What happened, in English (logs, older versions); no token in it.
    pub detail: String,
    /// The same as facts, for the user's language (absent in catalogs of earlier versions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<FailureCause>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graph_error: Option<GraphErrorInfo>,
    /// For rate limits: when Meta said access comes back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_minutes: Option<i64>,
}
