//! Errors of the use cases: facts that `words::errors` phrases in the user's language. The
//! English `Display` is what the logs say.

use super::refusal::{AppInUse, Conflict, Usage};
use crate::graph::{ConfigError, GraphError};
use crate::model::{Fact, PasteError, Reason, ReasonCode};
use crate::store::{SecretError, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// Validation said no; nothing was changed.
    #[error("{}", refusal_text(.reasons))]
    Refused { reasons: Vec<Reason> },
    #[error("{0}")]
    Paste(#[from] PasteError),
    #[error(
        "No channel is called or has the id {0:?}. `tokenwarden list` shows the saved channels."
    )]
    NotFound(String),
    #[error("{0}")]
    Usage(Usage),
    /// Someone else (another window, another copy of the app) changed the same channel a
    /// moment ago; nothing was changed here. A failure to retry, not a usage error.
    #[error("{0}")]
    Conflict(Conflict),
    /// Still needed by something else (an app its channels use); nothing was changed.
    #[error("{0}")]
    InUse(AppInUse),
    #[error(
        "The check could not be made: {0}. Nothing was changed; check the internet connection and try again."
    )]
    Graph(#[from] GraphError),
    #[error("{0}")]
    Config(#[from] ConfigError),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Secret(#[from] SecretError),
    #[error("{0}")]
    Backup(#[from] crate::store::BackupError),
    #[error("Internal error: {0}")]
    Internal(String),
}

fn refusal_text(reasons: &[Reason]) -> String {
    let lines: Vec<&str> = reasons.iter().map(|r| r.message.as_str()).collect();
    format!("Not saved: {}", lines.join(" "))
}

impl ServiceError {
    /// A usage error a front end phrased itself, in the user's language.
    pub fn said(sentence: impl Into<String>) -> Self {
        ServiceError::Usage(Usage::Said(sentence.into()))
    }

    pub fn refused_one(code: ReasonCode, message: impl Into<String>) -> Self {
        ServiceError::Refused {
            reasons: vec![Reason::new(code, message)],
        }
    }

    /// Refused for one reason that names its refusal (`which`, a code the words layer knows)
    /// and carries its facts, so it reads in the user's language; `message` is for logs.
    pub fn refused_for(
        code: ReasonCode,
        message: impl Into<String>,
        which: &str,
        facts: Vec<(&'static str, Fact)>,
    ) -> Self {
        let mut reason = Reason::new(code, message).with("refusal", Fact::Text(which.into()));
        for (name, fact) in facts {
            reason = reason.with(name, fact);
        }
        ServiceError::Refused {
            reasons: vec![reason],
        }
    }

    /// Exit code for commands that change something (design.md): 1 refused by validation,
    /// 2 usage error, 3 failure (a conflict with someone else's change included); nothing
    /// changed in any of them.
    pub fn exit_code(&self) -> i32 {
        match self {
            ServiceError::Refused { .. } | ServiceError::Paste(_) | ServiceError::InUse(_) => 1,
            ServiceError::NotFound(_) | ServiceError::Usage(_) | ServiceError::Config(_) => 2,
            _ => 3,
        }
    }
}
