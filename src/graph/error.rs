//! What can go wrong talking to Graph, kept apart so that a network fault is never mistaken for
//! an invalid token: a real Graph error (code, subcode, fbtrace_id), an HTML error page, a
//! truncated body, a timeout, a refused connection, a request refused before it was sent.

use chrono::{DateTime, Utc};

use crate::model::reason::reason_for_graph_error;
use crate::model::{CheckFailure, FailureCause, FailureKind, GraphErrorInfo, ReasonCode};

#[derive(Debug, Clone, thiserror::Error)]
pub enum GraphError {
    /// Meta answered with its error object.
    #[error("Facebook said: {} (code {}{})", .error.message, .error.code, .error.subcode.map(|s| format!("/{s}")).unwrap_or_default())]
    Api {
        status: u16,
        // Boxed: errors travel through every `Result`, and this one is large.
        error: Box<GraphErrorInfo>,
        /// From `X-Business-Use-Case-Usage` when Meta said how long to wait.
        retry_after_minutes: Option<i64>,
    },
    #[error("no answer within {0} seconds")]
    Timeout(u64),
    #[error("could not connect: {0}")]
    Network(String),
    /// An answer that is not Graph JSON: a 5xx/4xx HTML page from a proxy or Meta's front end.
    #[error("the server answered HTTP {status} with {detail}")]
    Http { status: u16, detail: String },
    /// JSON that ends early or is not what Graph sends.
    #[error("the answer was cut off or malformed ({0})")]
    BadBody(String),
    /// A request not sent because it would have exposed a secret or gone somewhere else (an id
    /// that is not an id, a token that could only travel in a URL). Never worth a retry.
    #[error("{0}")]
    Unsafe(UnsafeRequest),
}

/// Why a request was not sent, as facts for the words layer; the English here is for logs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnsafeRequest {
    /// An id from a file or the network that is not a Graph id (shown shortened and cleaned).
    #[error(
        "the id {shown} is not a Facebook id (those are only digits), so nothing was sent with it. Check the channel's Page id, or add the channel again"
    )]
    NotAnId { shown: String },
    #[error(
        "the address {shown} is not one Tokenwarden calls (an id in it is not a Facebook id), so nothing was sent. Check the channel's Page id, or add the channel again"
    )]
    NotOurAddress { shown: String },
    /// A bug guard: a secret parameter would have gone into a URL.
    #[error(
        "Tokenwarden would have put a secret ({name}) in a web address, so the request was not sent. This is a bug; please report it"
    )]
    SecretInAddress { name: String },
    #[error(
        "Facebook accepted neither safe way to check a token (both keep it out of web addresses), and Tokenwarden never puts a token in a web address, where proxies and server logs keep it. If this lasts, tell Tokenwarden's developers"
    )]
    NoSafeDebug,
    #[error("the Graph address cannot carry a path")]
    BadBaseUrl,
    #[error("no Page to ask about")]
    NoTarget,
}

impl GraphError {
    /// The token reason this error proves, when it is about the token at all.
    pub fn token_reason(&self) -> Option<ReasonCode> {
        match self {
            GraphError::Api { error, .. } => {
                reason_for_graph_error(error.code, error.subcode, &error.message)
                    .filter(|r| !r.is_check_failure())
            }
            _ => None,
        }
    }

    pub fn is_rate_limit(&self) -> bool {
        matches!(self, GraphError::Api { error, .. }
            if reason_for_graph_error(error.code, error.subcode, &error.message) == Some(ReasonCode::RateLimited))
    }

    /// Worth trying again after a pause: the fault was on the way or on Meta's side.
    pub fn is_transient(&self) -> bool {
        match self {
            GraphError::Timeout(_) | GraphError::Network(_) | GraphError::BadBody(_) => true,
            GraphError::Unsafe(_) => false,
            GraphError::Http { status, .. } => *status >= 500 || *status == 429,
            GraphError::Api { error, status, .. } => {
                // Code 1 is also how Meta refuses a wrong client secret: that is final.
                let refused_secret = error.message.to_ascii_lowercase().contains("client secret");
                (matches!(error.code, 1 | 2) && !refused_secret)
                    || (*status >= 500 && error.code != 190)
            }
        }
    }

    pub fn graph_error(&self) -> Option<&GraphErrorInfo> {
        match self {
            GraphError::Api { error, .. } => Some(error.as_ref()),
            _ => None,
        }
    }

    /// The check could not be made: what kind of failure that is, for the user.
    pub fn to_failure(&self, at: DateTime<Utc>) -> CheckFailure {
        let kind = match self {
            _ if self.is_rate_limit() => FailureKind::RateLimited,
            GraphError::Timeout(_) | GraphError::Network(_) => FailureKind::Network,
            _ => FailureKind::Service,
        };
        let retry_after_minutes = match self {
            GraphError::Api {
                retry_after_minutes,
                ..
            } => *retry_after_minutes,
            _ => None,
        };
        let cause = match self {
            GraphError::Api { .. } => Some(FailureCause::Api),
            GraphError::Timeout(seconds) => Some(FailureCause::Timeout { seconds: *seconds }),
            GraphError::Network(detail) => Some(FailureCause::Network {
                detail: detail.clone(),
            }),
            GraphError::Http { status, detail } => Some(FailureCause::Http {
                status: *status,
                detail: detail.clone(),
            }),
            GraphError::BadBody(detail) => Some(FailureCause::BadBody {
                detail: detail.clone(),
            }),
            GraphError::Unsafe(_) => None,
        };
        CheckFailure {
            kind,
            at,
            detail: self.to_string(),
            cause,
            graph_error: self.graph_error().cloned(),
            retry_after_minutes,
        }
    }
}
