//! Where Graph lives and how long to wait for it: base URL and API version (overridable for the
//! simulator), plain http only for loopback hosts.

use std::time::Duration;
use url::{Host, Url};

pub const DEFAULT_BASE_URL: &str = "https://graph.facebook.com";
pub const DEFAULT_VERSION: &str = "v26.0";

#[derive(Debug, Clone)]
pub struct GraphConfig {
    pub base_url: Url,
    pub version: String,
    /// Per-request limit for connect + answer.
    pub timeout: Duration,
    /// Attempts for faults worth retrying (5xx, HTML pages, broken bodies, refused connections).
    pub attempts: u32,
    /// First backoff delay; doubles per attempt.
    pub backoff: Duration,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "TOKENWARDEN_GRAPH_URL is not a valid address ({0}). Use e.g. https://graph.facebook.com"
    )]
    BadUrl(String),
    #[error(
        "TOKENWARDEN_GRAPH_URL uses plain http for {0}, which would send tokens unencrypted. Plain http is allowed only for this computer (127.0.0.1, ::1, localhost); use https otherwise."
    )]
    InsecureHost(String),
    #[error("TOKENWARDEN_GRAPH_VERSION must look like v26.0, not {0:?}")]
    BadVersion(String),
    #[error("TOKENWARDEN_GRAPH_TIMEOUT must be a number of seconds between 1 and 300, not {0:?}")]
    BadTimeout(String),
}

impl Default for GraphConfig {
    fn default() -> Self {
        GraphConfig {
            base_url: Url::parse(DEFAULT_BASE_URL).expect("constant URL parses"),
            version: DEFAULT_VERSION.into(),
            timeout: Duration::from_secs(20),
            attempts: 3,
            backoff: Duration::from_millis(300),
        }
    }
}

impl GraphConfig {
    /// Reads `TOKENWARDEN_GRAPH_URL`, `TOKENWARDEN_GRAPH_VERSION` and `TOKENWARDEN_GRAPH_TIMEOUT`.
    pub fn from_env() -> Result<GraphConfig, ConfigError> {
        let var = |k: &str| crate::env::var(k).filter(|v| !v.trim().is_empty());
        let mut cfg = GraphConfig::default();
        if let Some(url) = var("TOKENWARDEN_GRAPH_URL") {
            cfg.base_url = parse_base_url(&url)?;
        }
        if let Some(v) = var("TOKENWARDEN_GRAPH_VERSION") {
            cfg.version = parse_version(&v)?;
        }
        if let Some(t) = var("TOKENWARDEN_GRAPH_TIMEOUT") {
            let secs: u64 = t
                .trim()
                .parse()
                .ok()
                .filter(|s| (1..=300).contains(s))
                .ok_or_else(|| ConfigError::BadTimeout(t.clone()))?;
            cfg.timeout = Duration::from_secs(secs);
        }
        Ok(cfg)
    }

    pub fn with_base_url(mut self, url: &str) -> Result<Self, ConfigError> {
        self.base_url = parse_base_url(url)?;
        Ok(self)
    }
}

pub fn parse_base_url(text: &str) -> Result<Url, ConfigError> {
    let url = Url::parse(text.trim()).map_err(|e| ConfigError::BadUrl(e.to_string()))?;
    let host = url
        .host()
        .ok_or_else(|| ConfigError::BadUrl("no host".into()))?;
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&host) => Ok(url),
        "http" => Err(ConfigError::InsecureHost(host.to_string())),
        other => Err(ConfigError::BadUrl(format!("unsupported scheme {other}"))),
    }
}

fn is_loopback(host: &Host<&str>) -> bool {
    match host {
        Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
        Host::Ipv4(ip) => ip.is_loopback(),
        Host::Ipv6(ip) => ip.is_loopback(),
    }
}

fn parse_version(v: &str) -> Result<String, ConfigError> {
    let v = v.trim();
    let ok = v
        .strip_prefix('v')
        .and_then(|rest| rest.split_once('.'))
        .is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && a.chars().all(|c| c.is_ascii_digit())
                && b.chars().all(|c| c.is_ascii_digit())
        });
    if ok {
        Ok(v.to_string())
    } else {
        Err(ConfigError::BadVersion(v.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_only_for_loopback() {
        assert!(parse_base_url("http://127.0.0.1:8080").is_ok());
        assert!(parse_base_url("http://127.5.0.1").is_ok());
        assert!(parse_base_url("http://[::1]:9").is_ok());
        assert!(parse_base_url("http://localhost:9").is_ok());
        assert!(parse_base_url("https://graph.facebook.com").is_ok());
        assert!(matches!(
            parse_base_url("http://graph.facebook.com"),
            Err(ConfigError::InsecureHost(_))
        ));
        assert!(matches!(
            parse_base_url("http://10.0.0.5"),
            Err(ConfigError::InsecureHost(_))
        ));
        assert!(parse_base_url("ftp://x").is_err());
        assert!(parse_base_url("not a url").is_err());
    }

    #[test]
    fn versions_look_like_v26() {
        assert!(parse_version("v26.0").is_ok());
        assert!(parse_version("26.0").is_err());
        assert!(parse_version("v26").is_err());
    }
}
