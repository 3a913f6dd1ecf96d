//! Facebook Login for Devices (reference §4): a code the user types at facebook.com/device,
//! polled until they approve, decline, or it expires. The app's client token is enough.

use serde_json::Value;

use super::client::{GraphClient, Method};
use super::error::GraphError;
use crate::model::Secret;

/// A started device login. `code` is what we poll with; only `user_code` is shown.
#[derive(Debug, Clone)]
pub struct DeviceCode {
    pub code: Secret,
    pub user_code: String,
    /// Always an https Meta address (see `is_meta_address`), safe to open.
    pub verification_uri: String,
    pub expires_in: u64,
    pub interval: u64,
}

#[derive(Debug, Clone)]
pub enum DevicePoll {
    Pending,
    /// Polled too fast: wait longer between polls.
    SlowDown,
    Declined,
    Expired,
    Approved {
        token: Secret,
        expires_in: Option<i64>,
    },
}

/// Facebook's own page for entering a device code: shown (and opened) whenever the address
/// that came with the code is not plainly Facebook's.
pub const DEVICE_LOGIN_PAGE: &str = "https://www.facebook.com/device";

/// True for an https address on facebook.com or meta.com (or one of their subdomains), with no
/// user name, password or port: the only addresses from the network we open in a browser.
pub fn is_meta_address(address: &str) -> bool {
    let Ok(url) = url::Url::parse(address) else {
        return false;
    };
    let host = match url.host() {
        Some(url::Host::Domain(d)) => d.to_ascii_lowercase(),
        _ => return false,
    };
    url.scheme() == "https"
        && url.username().is_empty()
        && url.password().is_none()
        && url.port().is_none()
        && (host == "facebook.com"
            || host.ends_with(".facebook.com")
            || host.ends_with(".meta.com"))
}

/// The address to show for entering the code: Facebook's answer when it is a Meta https
/// address, else the known page (an address from the network could lead anywhere).
fn trusted_login_page(offered: Option<String>) -> String {
    match offered {
        Some(address) if is_meta_address(&address) => address,
        Some(_) => {
            tracing::warn!(
                "the device login offered an address that is not an https Facebook address; \
                 showing {DEVICE_LOGIN_PAGE} instead"
            );
            DEVICE_LOGIN_PAGE.into()
        }
        None => DEVICE_LOGIN_PAGE.into(),
    }
}

fn client_access(app_id: &str, client_token: &str) -> Secret {
    Secret::new(format!("{app_id}|{client_token}"))
}

fn number(v: Option<&Value>) -> Option<u64> {
    v.and_then(|x| x.as_u64().or_else(|| x.as_str()?.parse().ok()))
}

pub async fn start(
    client: &GraphClient,
    app_id: &str,
    client_token: &str,
    scopes: &[&str],
) -> Result<DeviceCode, GraphError> {
    let access = client_access(app_id, client_token);
    let scope = scopes.join(",");
    let v = client
        .call_raw(
            Method::Post,
            "device/login",
            &[("access_token", access.expose()), ("scope", scope.as_str())],
        )
        .await?;
    let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let (Some(code), Some(user_code)) = (text("code"), text("user_code")) else {
        return Err(GraphError::BadBody(
            "device login answer without a code".into(),
        ));
    };
    Ok(DeviceCode {
        code: Secret::new(code),
        user_code,
        verification_uri: trusted_login_page(text("verification_uri")),
        expires_in: number(v.get("expires_in")).unwrap_or(420),
        interval: number(v.get("interval")).unwrap_or(5).max(1),
    })
}

pub async fn poll(
    client: &GraphClient,
    app_id: &str,
    client_token: &str,
    device: &DeviceCode,
) -> Result<DevicePoll, GraphError> {
    let access = client_access(app_id, client_token);
    let result = client
        .call_raw(
            Method::Post,
            "device/login_status",
            &[
                ("access_token", access.expose()),
                ("code", device.code.expose()),
            ],
        )
        .await;
    match result {
        Ok(v) => {
            let token = v
                .get("access_token")
                .and_then(Value::as_str)
                .ok_or_else(|| {
                    GraphError::BadBody("device login approved without a token".into())
                })?;
            Ok(DevicePoll::Approved {
                token: Secret::new(token),
                expires_in: v
                    .get("expires_in")
                    .and_then(|e| e.as_i64().or_else(|| e.as_str()?.parse().ok()))
                    .filter(|e| *e > 0),
            })
        }
        Err(GraphError::Api { error, .. }) if matches!(error.subcode, Some(1349174)) => {
            Ok(DevicePoll::Pending)
        }
        Err(GraphError::Api { error, .. }) if matches!(error.subcode, Some(1349172)) => {
            Ok(DevicePoll::SlowDown)
        }
        Err(GraphError::Api { error, .. }) if matches!(error.subcode, Some(1349173)) => {
            Ok(DevicePoll::Declined)
        }
        Err(GraphError::Api { error, .. }) if matches!(error.subcode, Some(1349152)) => {
            Ok(DevicePoll::Expired)
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_meta_addresses_are_trusted() {
        for good in [
            "https://www.facebook.com/device",
            "https://facebook.com/device",
            "https://m.facebook.com/device?x=1",
            "https://login.meta.com/device",
        ] {
            assert!(is_meta_address(good), "{good}");
        }
        for bad in [
            "http://www.facebook.com/device",
            "https://facebook.com.evil.example/device",
            "https://evilfacebook.com/device",
            "https://meta.com.evil.example/",
            "https://user@www.facebook.com/device",
            "https://www.facebook.com:8443/device",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "not an address",
        ] {
            assert!(!is_meta_address(bad), "{bad}");
        }
        assert_eq!(
            trusted_login_page(Some("http://127.0.0.1/x".into())),
            DEVICE_LOGIN_PAGE
        );
        assert_eq!(trusted_login_page(None), DEVICE_LOGIN_PAGE);
    }
}
