//! The device codes the simulator has handed out and where each login stands (see `device`).
//! A leaf, so that the world can hold them.

use std::time::{Duration, Instant};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Status {
    Pending,
    Approved {
        user_id: String,
    },
    Declined,
    Expired,
    /// The token was handed out; further polls get the same answer.
    Issued {
        token: String,
    },
}

#[derive(Debug, Clone)]
pub(super) struct DeviceRequest {
    pub(super) code: String,
    pub(super) user_code: String,
    pub(super) app_id: String,
    pub(super) scopes: Vec<String>,
    pub(super) created: Instant,
    pub(super) last_poll: Option<Instant>,
    pub(super) polls: u32,
    pub(super) status: Status,
}

#[derive(Debug)]
pub(crate) struct Devices {
    /// Seconds between polls that the simulator asks for (and enforces with "slow down").
    pub interval: u64,
    /// The address the answer sends the user to; `None`: Facebook's real one.
    pub verification_uri: Option<String>,
    /// The demo's stand-in for the person on the phone: this user approves every login that
    /// has waited this long.
    pub auto_approve: Option<(String, Duration)>,
    pub(super) requests: Vec<DeviceRequest>,
}

impl Default for Devices {
    fn default() -> Self {
        Devices {
            interval: 5,
            verification_uri: None,
            auto_approve: None,
            requests: Vec::new(),
        }
    }
}

fn same_user_code(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_uppercase())
            .collect::<String>()
    };
    norm(a) == norm(b)
}

impl Devices {
    pub(super) fn by_user_code(&mut self, user_code: &str) -> Result<&mut DeviceRequest, String> {
        self.requests
            .iter_mut()
            .rev()
            .find(|r| same_user_code(&r.user_code, user_code))
            .ok_or_else(|| format!("no device login with user code {user_code:?}"))
    }

    pub fn decline(&mut self, user_code: &str) -> Result<(), String> {
        self.by_user_code(user_code)?.status = Status::Declined;
        Ok(())
    }

    pub fn expire(&mut self, user_code: &str) -> Result<(), String> {
        self.by_user_code(user_code)?.status = Status::Expired;
        Ok(())
    }

    pub fn polls(&mut self, user_code: &str) -> Result<u32, String> {
        Ok(self.by_user_code(user_code)?.polls)
    }
}
