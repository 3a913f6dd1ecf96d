//! Facebook Login for Devices (§4): `/device/login`, `/device/login_status` and the test hooks
//! that play the user on the other device (approve, decline, let the code expire).

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::device_codes::{DeviceRequest, Status};
use super::errors::GraphError;
use super::ids::{self, LONG_LIVED_SECS};
use super::world::World;

/// How long a device code lives, as Meta answers it.
const CODE_LIFETIME_SECS: u64 = 420;
/// Polls this much early still count as on time: client timers jitter.
const POLL_TOLERANCE: Duration = Duration::from_millis(250);

fn poll_error(subcode: i64, message: &str, title: &str, user_msg: &str) -> GraphError {
    GraphError::new(31, message)
        .with_subcode(subcode)
        .with_user(title, user_msg)
}

impl World {
    /// `POST /device/login` for `app_id` (the caller's client token was already checked).
    pub fn device_login(&mut self, app_id: &str, scope: &str) -> Value {
        let scopes = scope
            .split([',', ' '])
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let req = DeviceRequest {
            code: ids::random_hex(32),
            user_code: ids::random_user_code(),
            app_id: app_id.into(),
            scopes,
            created: Instant::now(),
            last_poll: None,
            polls: 0,
            status: Status::Pending,
        };
        let body = json!({
            "code": req.code,
            "user_code": req.user_code,
            "verification_uri": self
                .devices
                .verification_uri
                .as_deref()
                .unwrap_or("https://www.facebook.com/device"),
            "expires_in": CODE_LIFETIME_SECS,
            "interval": self.devices.interval,
        });
        self.devices.requests.push(req);
        body
    }

    /// `POST /device/login_status`.
    pub fn device_status(&mut self, app_id: &str, code: &str) -> Result<Value, GraphError> {
        let interval = Duration::from_secs(self.devices.interval);
        let now = Instant::now();
        let Some(idx) = self
            .devices
            .requests
            .iter()
            .position(|r| r.code == code && r.app_id == app_id)
        else {
            return Err(GraphError::new(100, "(#100) The device code is invalid."));
        };
        let auto = self.devices.auto_approve.clone();
        let req = &mut self.devices.requests[idx];
        req.polls += 1;
        if let Some((user_id, after)) = auto
            && req.status == Status::Pending
            && now.duration_since(req.created) >= after
        {
            req.status = Status::Approved { user_id };
        }
        if now.duration_since(req.created) > Duration::from_secs(CODE_LIFETIME_SECS) {
            req.status = Status::Expired;
        }
        let too_fast = req
            .last_poll
            .is_some_and(|last| now.duration_since(last) + POLL_TOLERANCE < interval);
        let waiting = matches!(req.status, Status::Pending | Status::Approved { .. });
        req.last_poll = Some(now);
        if waiting && too_fast {
            return Err(poll_error(
                1349172,
                "Slow down",
                "Polling Too Frequently",
                "You are polling too frequently. Wait the interval before polling again.",
            ));
        }
        let (user_id, scopes) = match req.status.clone() {
            Status::Pending => {
                return Err(poll_error(
                    1349174,
                    "User request still pending",
                    "Device Login Authorization Pending",
                    "Please complete the authorization on your other device.",
                ));
            }
            Status::Declined => {
                return Err(poll_error(
                    1349173,
                    "User declined the authorization request",
                    "Authorization Declined",
                    "The person declined to log in on the other device.",
                ));
            }
            Status::Expired => {
                return Err(poll_error(
                    1349152,
                    "The device login code has expired",
                    "Code Expired",
                    "The code has expired. Start the login again to get a new code.",
                ));
            }
            Status::Issued { token } => return Ok(self.device_token_body(&token)),
            Status::Approved { user_id } => (user_id, req.scopes.clone()),
        };
        let token = self
            .mint_user(&user_id, app_id, true, scopes, None)
            .map_err(|e| GraphError::new(1, format!("An unknown error has occurred: {e}")))?;
        self.devices.requests[idx].status = Status::Issued {
            token: token.clone(),
        };
        Ok(self.device_token_body(&token))
    }

    fn device_token_body(&self, token: &str) -> Value {
        let rec = self.tokens.get(token);
        // The lifetime as issued (not what is left), so the answer does not depend on when
        // within a second it was computed.
        let expires_in = rec
            .and_then(|r| r.expires_at.map(|e| e - r.issued_at))
            .unwrap_or(LONG_LIVED_SECS);
        let data_access = rec.and_then(|r| r.data_access_expires_at).unwrap_or(0);
        json!({
            "access_token": token,
            "expires_in": expires_in,
            "data_access_expiration_time": data_access,
        })
    }

    /// The user on the other device approves: the next poll returns a user token of `user_id`.
    pub fn approve_device(&mut self, user_code: &str, user_id: &str) -> Result<(), String> {
        self.user(user_id)?;
        let req = self.devices.by_user_code(user_code)?;
        match req.status {
            Status::Pending => {
                req.status = Status::Approved {
                    user_id: user_id.into(),
                };
                Ok(())
            }
            ref other => Err(format!(
                "device login {user_code} cannot be approved: it is {other:?}"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn world() -> (World, String, String) {
        let mut w = World::default();
        w.add_app("1", "App", "s", "c");
        w.add_user("u", "U");
        w.devices.interval = 1;
        let body = w.device_login("1", "pages_show_list,pages_messaging");
        let code = body["code"].as_str().unwrap().to_string();
        let user_code = body["user_code"].as_str().unwrap().to_string();
        (w, code, user_code)
    }

    fn subcode(r: Result<Value, GraphError>) -> Option<i64> {
        r.err().and_then(|e| e.subcode)
    }

    #[test]
    fn pending_slow_down_then_approved() {
        let (mut w, code, user_code) = world();
        assert_eq!(subcode(w.device_status("1", &code)), Some(1349174));
        assert_eq!(subcode(w.device_status("1", &code)), Some(1349172));
        w.approve_device(&user_code.to_lowercase(), "u").unwrap();
        std::thread::sleep(Duration::from_millis(1000));
        let ok = w.device_status("1", &code).unwrap();
        let token = ok["access_token"].as_str().unwrap();
        assert_eq!(
            w.tokens[token].scopes,
            vec!["pages_show_list", "pages_messaging"]
        );
        assert!(w.tokens[token].long_lived);
        assert_eq!(w.devices.polls(&user_code).unwrap(), 3);
    }

    #[test]
    fn the_demo_user_approves_a_login_once_it_has_waited() {
        let (mut w, code, _) = world();
        w.devices.interval = 0;
        w.devices.auto_approve = Some(("u".into(), Duration::from_millis(300)));
        assert_eq!(subcode(w.device_status("1", &code)), Some(1349174));
        std::thread::sleep(Duration::from_millis(350));
        let ok = w.device_status("1", &code).unwrap();
        let token = ok["access_token"].as_str().unwrap();
        assert_eq!(w.tokens[token].user_id.as_deref(), Some("u"));
    }

    #[test]
    fn declined_and_expired() {
        let (mut w, code, user_code) = world();
        w.devices.decline(&user_code).unwrap();
        assert_eq!(subcode(w.device_status("1", &code)), Some(1349173));
        w.devices.expire(&user_code).unwrap();
        assert_eq!(subcode(w.device_status("1", &code)), Some(1349152));
        assert!(w.approve_device(&user_code, "u").is_err());
        assert!(w.device_status("2", &code).is_err());
    }
}
