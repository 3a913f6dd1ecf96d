//! The login part of the worker protocol: what the window asks of a device login and what the
//! worker answers (the code, the waiting, the approval, and the validation or group renewal).

use tokio_util::sync::CancellationToken;

use super::Failure;
use crate::model::{Channel, ChannelKind};
use crate::service::Validation;

/// What to do with the login once the person approved it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterLogin {
    /// Make the channel's Page token from it and validate that (nothing is saved).
    Validate,
    /// Renew every channel of the channel's root-cause group with it.
    RenewGroup,
    /// List the Pages the login manages, for adding channels (no channel yet; nothing saved).
    ListPages,
}

pub enum LoginCommand {
    /// Starts a device login. Answered by `Code`, `Waiting` while the person has not approved,
    /// then `Approved` and (per `after`) `Validated` (its Pages listed for `ListPages`) or
    /// `GroupRenewed`; or `Failed`.
    DeviceLogin {
        ticket: u64,
        app_id: String,
        kind: ChannelKind,
        channel: String,
        after: AfterLogin,
        cancel: CancellationToken,
    },
    /// Saves a validation made from a login (its Page token is inside), then checks the channel.
    /// Answered by `Event::Renewed`, like a pasted renewal.
    SaveValidated {
        channel: String,
        validation: Box<Validation>,
        accept_warnings: bool,
    },
    /// Answered by `Subscribed`.
    SubscribeWebhook { channel: String },
}

/// One channel of a group renewal.
pub struct GroupItem {
    pub name: String,
    pub result: Result<Box<Channel>, Failure>,
}

pub enum LoginEvent {
    Code {
        ticket: u64,
        user_code: String,
        verification_uri: String,
        interval: u64,
    },
    /// Still waiting; `interval` grows when Facebook asks to check less often.
    Waiting { ticket: u64, interval: u64 },
    /// The person approved; the Page tokens are being made.
    Approved { ticket: u64 },
    /// The login ended without a token (declined, expired, cancelled, no client token).
    Failed {
        ticket: u64,
        failure: Failure,
        missing_client_token: bool,
    },
    Validated {
        ticket: u64,
        result: Result<Box<Validation>, Failure>,
    },
    GroupRenewed {
        ticket: u64,
        result: Result<Vec<GroupItem>, Failure>,
    },
    Subscribed {
        channel: String,
        result: Result<Box<Channel>, Failure>,
    },
}
