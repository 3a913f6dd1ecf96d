//! The pure domain: channels, apps, tokens, reports, health and reasons. No I/O here, so all of
//! it is tested with plain unit tests.

pub mod channel;
pub mod health;
pub mod paste;
pub mod reason;
pub mod report;
pub mod secret;
pub mod status;
pub mod text;
pub mod time;
pub mod timestamp;

pub use channel::{Channel, ChannelKind, MetaApp, Requirements, SecretRef, StoredToken};
pub use health::{Diagnosis, Health, Reason, Thresholds, classify};
pub use paste::{PasteError, PasteSource, PastedToken, parse_pasted_token};
pub use reason::{Fact, ReasonCode, Remedy};
pub use report::{
    CheckFailure, CheckMethod, FailureCause, FailureKind, GraphErrorInfo, TokenReport, TokenType,
    WebhookState,
};
pub use secret::Secret;
