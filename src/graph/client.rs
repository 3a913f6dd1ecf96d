//! One reqwest client for Graph: builds versioned URLs, signs calls with `appsecret_proof`, reads
//! Graph's error object, and retries transient faults with backoff.

use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;
use std::time::Duration;

use super::config::GraphConfig;
use super::error::GraphError;
use crate::model::{GraphErrorInfo, Secret};

#[derive(Clone)]
pub struct GraphClient {
    http: reqwest::Client,
    cfg: GraphConfig,
    /// Facebook's clock from the last answer's `Date` header (shared by clones).
    clock: super::clock::ServerClock,
}

/// `hex(HMAC_SHA256(key = app secret, msg = access token))` (reference §6, classic form).
pub fn appsecret_proof(app_secret: &Secret, token: &Secret) -> String {
    // HMAC takes keys of any length, so this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(app_secret.expose().as_bytes())
        .expect("HMAC accepts any key length");
    mac.update(token.expose().as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Delete,
}

impl GraphClient {
    pub fn new(cfg: GraphConfig) -> Result<GraphClient, GraphError> {
        // reqwest is built without a default crypto provider; install ring once per process.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .connect_timeout(cfg.timeout.min(Duration::from_secs(10)))
            .timeout(cfg.timeout)
            .user_agent(concat!("Tokenwarden/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| GraphError::Network(e.without_url().to_string()))?;
        Ok(GraphClient {
            http,
            cfg,
            clock: Default::default(),
        })
    }

    /// The server clock as last seen (for the clock guard).
    pub fn server_clock(&self) -> &super::clock::ServerClock {
        &self.clock
    }

    pub fn config(&self) -> &GraphConfig {
        &self.cfg
    }

    /// A call with `token` as the access token, signed when the app secret is known.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        params: &[(&str, &str)],
        token: &Secret,
        app_secret: Option<&Secret>,
    ) -> Result<Value, GraphError> {
        let proof = app_secret.map(|s| appsecret_proof(s, token));
        let mut all: Vec<(&str, &str)> = params.to_vec();
        all.push(("access_token", token.expose()));
        if let Some(p) = proof.as_deref() {
            all.push(("appsecret_proof", p));
        }
        self.call_raw(method, path, &all).await
    }

    /// A call with exactly these parameters (tokens among them, e.g. `debug_token`, OAuth).
    pub async fn call_raw(
        &self,
        method: Method,
        path: &str,
        params: &[(&str, &str)],
    ) -> Result<Value, GraphError> {
        let mut delay = self.cfg.backoff;
        let mut attempt = 1;
        loop {
            match self.once(method, path, params).await {
                Err(e) if e.is_transient() && attempt < self.attempts_for(&e) => {
                    tokio::time::sleep(delay).await;
                    delay *= 2;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    fn attempts_for(&self, e: &GraphError) -> u32 {
        // A hang already cost a whole timeout; one more try is enough.
        match e {
            GraphError::Timeout(_) => self.cfg.attempts.min(2),
            _ => self.cfg.attempts,
        }
    }

    fn url(&self, path: &str) -> String {
        format!(
            "{}/{}/{}",
            self.cfg.base_url.as_str().trim_end_matches('/'),
            self.cfg.version,
            path.trim_start_matches('/')
        )
    }

    async fn once(
        &self,
        method: Method,
        path: &str,
        params: &[(&str, &str)],
    ) -> Result<Value, GraphError> {
        let url = self.url(path);
        let req = match method {
            Method::Get => self.http.get(&url).query(params),
            Method::Post => self.http.post(&url).form(params),
            Method::Delete => self.http.delete(&url).query(params),
        };
        let resp = req.send().await.map_err(|e| self.transport_error(e))?;
        let status = resp.status().as_u16();
        self.clock.observe(resp.headers());
        let retry_after = retry_after_minutes(resp.headers());
        let is_json = resp
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("json") || v.contains("javascript"));
        let body = resp.bytes().await.map_err(|e| self.transport_error(e))?;
        parse_body(status, is_json, &body, retry_after)
    }

    fn transport_error(&self, e: reqwest::Error) -> GraphError {
        // Never keep the URL: its query string carries tokens.
        if e.is_timeout() {
            GraphError::Timeout(self.cfg.timeout.as_secs())
        } else if e.is_decode() || e.is_body() {
            GraphError::BadBody(e.without_url().to_string())
        } else {
            GraphError::Network(describe_transport(&e.without_url()))
        }
    }
}

fn describe_transport(e: &reqwest::Error) -> String {
    use std::error::Error;
    // The innermost cause says "Connection refused" / "dns error"; the outer ones are generic.
    let mut cause: &dyn Error = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    let text = cause.to_string();
    if text.is_empty() { e.to_string() } else { text }
}

fn retry_after_minutes(headers: &reqwest::header::HeaderMap) -> Option<i64> {
    let usage = headers.get("x-business-use-case-usage")?.to_str().ok()?;
    let v: Value = serde_json::from_str(usage).ok()?;
    v.as_object()?
        .values()
        .filter_map(|list| list.as_array())
        .flatten()
        .filter_map(|u| u.get("estimated_time_to_regain_access")?.as_i64())
        .max()
}

fn parse_body(
    status: u16,
    is_json: bool,
    body: &[u8],
    retry_after_minutes: Option<i64>,
) -> Result<Value, GraphError> {
    let parsed: Result<Value, _> = serde_json::from_slice(body);
    match parsed {
        Ok(v) => {
            if let Some(err) = v.get("error").filter(|e| e.is_object()) {
                return Err(GraphError::Api {
                    status,
                    error: Box::new(parse_error_object(err)),
                    retry_after_minutes,
                });
            }
            if status >= 400 {
                return Err(GraphError::Http {
                    status,
                    detail: "an answer Graph never sends".into(),
                });
            }
            Ok(v)
        }
        Err(e) if is_json || looks_like_json(body) => {
            if status >= 500 {
                Err(GraphError::Http {
                    status,
                    detail: "a broken error body".into(),
                })
            } else {
                Err(GraphError::BadBody(format!(
                    "{} bytes, {}",
                    body.len(),
                    if e.is_eof() {
                        "ends early"
                    } else {
                        "not valid JSON"
                    }
                )))
            }
        }
        Err(_) => Err(GraphError::Http {
            status,
            detail: describe_non_json(body),
        }),
    }
}

fn looks_like_json(body: &[u8]) -> bool {
    body.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{' || *b == b'[')
}

/// "an HTML page titled “502 Bad Gateway”" — enough for a support person, no page dump.
fn describe_non_json(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(4096)]);
    let lower = text.to_ascii_lowercase();
    if let (Some(a), Some(b)) = (lower.find("<title>"), lower.find("</title>"))
        && b > a + 7
    {
        let title: String = text[a + 7..b].trim().chars().take(80).collect();
        return format!("an HTML page titled “{title}”");
    }
    if lower.contains("<html") {
        "an HTML page instead of data".into()
    } else if body.is_empty() {
        "an empty answer".into()
    } else {
        "something that is not Graph data".into()
    }
}

fn parse_error_object(err: &Value) -> GraphErrorInfo {
    let s = |k: &str| err.get(k).and_then(Value::as_str).map(str::to_string);
    let n = |k: &str| {
        err.get(k)
            .and_then(|v| v.as_i64().or_else(|| v.as_str()?.parse().ok()))
    };
    GraphErrorInfo {
        code: n("code").unwrap_or(0),
        subcode: n("error_subcode").or_else(|| n("subcode")),
        message: s("message").unwrap_or_default(),
        user_title: s("error_user_title"),
        user_message: s("error_user_msg"),
        fbtrace_id: s("fbtrace_id"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proof_is_hmac_sha256_hex() {
        // RFC 4231-style check with a known vector: HMAC-SHA256(key="key", "The quick brown fox jumps over the lazy dog").
        let p = appsecret_proof(
            &Secret::new("key"),
            &Secret::new("The quick brown fox jumps over the lazy dog"),
        );
        assert_eq!(
            p,
            "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
        );
    }

    #[test]
    fn tells_error_kinds_apart() {
        let api = parse_body(
            400,
            true,
            br#"{"error":{"message":"Error validating access token","type":"OAuthException","code":190,"error_subcode":460,"fbtrace_id":"AbC"}}"#,
            None,
        )
        .unwrap_err();
        assert!(
            matches!(&api, GraphError::Api { error, .. } if error.subcode == Some(460) && error.fbtrace_id.as_deref() == Some("AbC"))
        );
        assert!(api.token_reason().is_some());

        let html = parse_body(
            502,
            false,
            b"<html><head><title>502 Bad Gateway</title></head></html>",
            None,
        )
        .unwrap_err();
        assert!(
            matches!(&html, GraphError::Http { status: 502, detail } if detail.contains("502 Bad Gateway"))
        );
        assert!(html.is_transient() && html.token_reason().is_none());

        let cut = parse_body(200, true, br#"{"data":{"app_id":"10"#, None).unwrap_err();
        assert!(matches!(cut, GraphError::BadBody(_)));

        let limited = parse_body(
            400,
            true,
            br#"{"error":{"message":"(#4) Application request limit reached","code":4}}"#,
            None,
        )
        .unwrap_err();
        assert!(limited.is_rate_limit() && !limited.is_transient());
    }
}
