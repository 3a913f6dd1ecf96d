//! One reqwest client for Graph: builds versioned URLs from checked path segments, sends the
//! caller's token in the `Authorization` header and every other secret in a POST body (never in
//! a URL), signs calls with `appsecret_proof`, follows no redirect, reads answers with a size
//! cap, reads Graph's error object, and retries transient faults with backoff.

use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;
use std::sync::Arc;
use std::time::Duration;

use super::config::GraphConfig;
use super::error::{GraphError, UnsafeRequest};
use crate::model::{GraphErrorInfo, Secret};

/// The largest answer read. Graph's answers here are a few KiB (a user with hundreds of Pages
/// stays far below); a bigger one is not Graph, and reading it would only cost memory.
pub const MAX_ANSWER_BYTES: usize = 4 * 1024 * 1024;

/// Parameters that are secrets: they travel only in a POST body, never in a query string
/// (proxies and server logs keep URLs). `batch` carries other calls' parameters.
const SECRET_PARAMS: &[&str] = &[
    "access_token",
    "input_token",
    "client_secret",
    "fb_exchange_token",
    "code",
    "batch",
];

#[derive(Clone)]
pub struct GraphClient {
    http: reqwest::Client,
    cfg: GraphConfig,
    /// Facebook's clock from the last answer's `Date` header (shared by clones).
    clock: super::clock::ServerClock,
    /// How `debug_token` was last asked successfully (see `debug_call`), shared by clones so
    /// that only the first check of a process probes.
    debug_route: Arc<super::debug_route::RouteMemory>,
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
            // A redirect would carry our request (its token header and body included) to an
            // address we did not choose: a 3xx is reported as a fault instead of followed.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Tokenwarden/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| GraphError::Network(e.without_url().to_string()))?;
        Ok(GraphClient {
            http,
            cfg,
            clock: Default::default(),
            debug_route: Default::default(),
        })
    }

    /// The server clock as last seen (for the clock guard).
    pub fn server_clock(&self) -> &super::clock::ServerClock {
        &self.clock
    }

    pub fn config(&self) -> &GraphConfig {
        &self.cfg
    }

    pub(crate) fn debug_route(&self) -> &super::debug_route::RouteMemory {
        &self.debug_route
    }

    /// A call with `token` as the caller, sent in the `Authorization` header; signed when the
    /// app secret is known (the proof is an HMAC, not a credential, so a GET may carry it).
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
        if let Some(p) = proof.as_deref() {
            all.push(("appsecret_proof", p));
        }
        self.send(method, path, &all, Some(token)).await
    }

    /// A call with exactly these parameters (tokens among them, e.g. OAuth, device login). Any
    /// secret among them must go in a POST: a GET or DELETE carrying one is refused unsent.
    pub async fn call_raw(
        &self,
        method: Method,
        path: &str,
        params: &[(&str, &str)],
    ) -> Result<Value, GraphError> {
        self.send(method, path, params, None).await
    }

    async fn send(
        &self,
        method: Method,
        path: &str,
        params: &[(&str, &str)],
        bearer: Option<&Secret>,
    ) -> Result<Value, GraphError> {
        self.send_for_usage(method, path, params, bearer)
            .await
            .map(|(v, _)| v)
    }

    /// A batch request (`POST /` with `batch` and the caller in the form body): its answer and
    /// Meta's usage headers, which pace the calls that follow (see `pacing`).
    pub(crate) async fn post_batch(
        &self,
        caller: &Secret,
        batch: &Secret,
    ) -> Result<(Value, super::usage::Usage), GraphError> {
        let params = [
            ("access_token", caller.expose()),
            ("batch", batch.expose()),
            ("include_headers", "true"),
        ];
        self.send_for_usage(Method::Post, "", &params, None).await
    }

    async fn send_for_usage(
        &self,
        method: Method,
        path: &str,
        params: &[(&str, &str)],
        bearer: Option<&Secret>,
    ) -> Result<(Value, super::usage::Usage), GraphError> {
        if method != Method::Post
            && let Some((name, _)) = params.iter().find(|(k, _)| SECRET_PARAMS.contains(k))
        {
            return Err(GraphError::Unsafe(UnsafeRequest::SecretInAddress {
                name: name.to_string(),
            }));
        }
        let url = self.url(path)?;
        let mut delay = self.cfg.backoff;
        let mut attempt = 1;
        loop {
            match self.once(method, url.clone(), params, bearer).await {
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

    /// `{base}/{version}/{segments…}`, each segment percent-encoded (ids are digits anyway).
    fn url(&self, path: &str) -> Result<reqwest::Url, GraphError> {
        let segments = super::ids::checked_segments(path)?;
        let mut url = self.cfg.base_url.clone();
        url.set_query(None);
        url.set_fragment(None);
        url.path_segments_mut()
            .map_err(|()| GraphError::Unsafe(UnsafeRequest::BadBaseUrl))?
            .pop_if_empty()
            .push(&self.cfg.version)
            .extend(segments);
        Ok(url)
    }

    async fn once(
        &self,
        method: Method,
        url: reqwest::Url,
        params: &[(&str, &str)],
        bearer: Option<&Secret>,
    ) -> Result<(Value, super::usage::Usage), GraphError> {
        let mut req = match method {
            Method::Get => self.http.get(url).query(params),
            Method::Post => self.http.post(url).form(params),
            Method::Delete => self.http.delete(url).query(params),
        };
        if let Some(token) = bearer {
            // reqwest marks this header sensitive, so it is never printed in its debug output.
            req = req.bearer_auth(token.expose());
        }
        let mut resp = req.send().await.map_err(|e| self.transport_error(e))?;
        let status = resp.status().as_u16();
        self.clock.observe(resp.headers());
        if resp.status().is_redirection() {
            return Err(GraphError::Http {
                status,
                detail: "a redirect to another address, which Tokenwarden does not follow".into(),
            });
        }
        let usage = super::usage::Usage::from_headers(resp.headers());
        let retry_after = usage.regain_minutes();
        let is_json = resp
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("json") || v.contains("javascript"));
        let too_big = || GraphError::Http {
            status,
            detail: format!(
                "an answer larger than {} MiB, which Tokenwarden did not read to the end",
                MAX_ANSWER_BYTES >> 20
            ),
        };
        // Refuse early when the server says how big it is; else the cap stops the reading.
        if resp
            .content_length()
            .is_some_and(|n| n > MAX_ANSWER_BYTES as u64)
        {
            return Err(too_big());
        }
        let body = match read_capped(&mut resp, MAX_ANSWER_BYTES).await {
            Ok(body) => body,
            Err(Capped::TooLarge) => return Err(too_big()),
            Err(Capped::Failed(e)) => return Err(self.transport_error(e)),
        };
        parse_body(status, is_json, &body, retry_after).map(|v| (v, usage))
    }

    fn transport_error(&self, e: reqwest::Error) -> GraphError {
        // Never keep the URL: no secret should be in it, but the error text needs none of it.
        if e.is_timeout() {
            GraphError::Timeout(self.cfg.timeout.as_secs())
        } else if e.is_decode() || e.is_body() {
            GraphError::BadBody(e.without_url().to_string())
        } else {
            GraphError::Network(describe_transport(&e.without_url()))
        }
    }
}

/// Where an answer's body comes from, one chunk at a time (a response, or a test's generator).
pub(crate) trait ChunkSource {
    type Chunk: AsRef<[u8]>;
    type Error;
    async fn next_chunk(&mut self) -> Result<Option<Self::Chunk>, Self::Error>;
}

impl ChunkSource for reqwest::Response {
    type Chunk = bytes::Bytes;
    type Error = reqwest::Error;
    async fn next_chunk(&mut self) -> Result<Option<Self::Chunk>, reqwest::Error> {
        self.chunk().await
    }
}

#[derive(Debug)]
pub(crate) enum Capped<E> {
    TooLarge,
    Failed(E),
}

/// Reads the whole body, or stops as soon as it passes `cap` bytes: an endless or huge answer
/// costs at most `cap` plus one chunk of memory.
pub(crate) async fn read_capped<S: ChunkSource>(
    src: &mut S,
    cap: usize,
) -> Result<Vec<u8>, Capped<S::Error>> {
    let mut body = Vec::new();
    while let Some(chunk) = src.next_chunk().await.map_err(Capped::Failed)? {
        let chunk = chunk.as_ref();
        if body.len() + chunk.len() > cap {
            return Err(Capped::TooLarge);
        }
        body.extend_from_slice(chunk);
    }
    Ok(body)
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

pub(crate) fn parse_body(
    status: u16,
    is_json: bool,
    body: &[u8],
    retry_after_minutes: Option<i64>,
) -> Result<Value, GraphError> {
    let parsed: Result<Value, _> = serde_json::from_slice(body);
    match parsed {
        Ok(mut v) => {
            // Names and messages from the network are printed and logged: make them inert.
            // Tokens are kept exactly; a batch item's `body` is parsed (and cleaned) on its own.
            crate::model::text::inert_json(&mut v, &["access_token", "code", "body"], 2000);
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

    /// An endless source that counts what it handed out.
    struct Endless {
        handed_out: usize,
    }

    impl ChunkSource for Endless {
        type Chunk = Vec<u8>;
        type Error = std::convert::Infallible;
        async fn next_chunk(&mut self) -> Result<Option<Vec<u8>>, Self::Error> {
            self.handed_out += 1000;
            Ok(Some(vec![b' '; 1000]))
        }
    }

    #[tokio::test]
    async fn reading_an_endless_answer_stops_at_the_cap() {
        let mut src = Endless { handed_out: 0 };
        let got = read_capped(&mut src, 10_000).await;
        assert!(matches!(got, Err(Capped::TooLarge)));
        assert!(src.handed_out <= 11_000, "read {} bytes", src.handed_out);
    }

    mod against_the_simulator {
        use super::super::*;
        use crate::sim::scenario::SHOES_PAGE_ID;
        use crate::sim::{Fault, Scenario, Simulator};

        async fn setup() -> (Simulator, GraphClient) {
            let sim = Simulator::start(0, Scenario::demo()).await.unwrap();
            let mut cfg = GraphConfig::default()
                .with_base_url(&sim.base_url())
                .unwrap();
            cfg.timeout = Duration::from_secs(10);
            cfg.backoff = Duration::from_millis(10);
            (sim, GraphClient::new(cfg).unwrap())
        }

        #[tokio::test]
        async fn the_token_travels_in_the_authorization_header() {
            let (sim, client) = setup().await;
            let token = Secret::new(sim.control().token("shoes_messenger"));
            let me = client
                .call(Method::Get, "me", &[("fields", "id,name")], &token, None)
                .await
                .unwrap();
            assert_eq!(me["id"], SHOES_PAGE_ID);
            let req = sim.control().requests().pop().unwrap();
            assert!(!req.uri.contains(token.expose()) && !req.uri.contains("access_token"));
            assert!(req.uri.starts_with("/v26.0/me?"), "{}", req.uri);
        }

        #[tokio::test]
        async fn a_secret_in_a_get_or_an_odd_path_is_never_sent() {
            let (sim, client) = setup().await;
            let token = Secret::new(sim.control().token("shoes_messenger"));
            let e = client
                .call_raw(
                    Method::Get,
                    "debug_token",
                    &[("input_token", token.expose())],
                )
                .await
                .unwrap_err();
            assert!(matches!(e, GraphError::Unsafe(_)), "{e:?}");
            for path in [
                "500001/accounts/subscribed_apps",
                "me?x=1",
                "../me",
                "5001#x",
            ] {
                let e = client
                    .call(Method::Get, path, &[], &token, None)
                    .await
                    .unwrap_err();
                assert!(matches!(e, GraphError::Unsafe(_)), "{path}: {e:?}");
            }
            assert!(sim.control().requests().is_empty());
        }

        #[tokio::test]
        async fn a_redirect_is_not_followed() {
            let (sim, client) = setup().await;
            let token = Secret::new(sim.control().token("shoes_messenger"));
            sim.control().fail_next(1, Fault::Redirect);
            let e = client
                .call(Method::Get, "me", &[], &token, None)
                .await
                .unwrap_err();
            assert!(
                matches!(&e, GraphError::Http { status: 302, detail } if detail.contains("redirect")),
                "{e:?}"
            );
            assert!(!e.is_transient() && e.token_reason().is_none());
            let reqs = sim.control().requests();
            assert_eq!(reqs.len(), 1, "{reqs:?}");
        }

        #[tokio::test]
        async fn huge_and_endless_answers_are_refused_at_the_cap() {
            let (sim, client) = setup().await;
            // The huge one says its size up front (refused unread); the endless one cannot.
            sim.control().fail_next(2, Fault::HugeBody);
            let url = format!("{}/v26.0/me", sim.base_url());
            let raw = reqwest::get(&url).await.unwrap();
            assert_eq!(raw.content_length(), Some(300 * 1024 * 1024));
            drop(raw);
            let e = client
                .call(Method::Get, "me", &[], &Secret::new("x"), None)
                .await;
            assert!(
                matches!(e, Err(GraphError::Http { status: 200, .. })),
                "{e:?}"
            );
            sim.control().clear_requests();
            let token = Secret::new(sim.control().token("shoes_messenger"));
            for fault in [Fault::HugeBody, Fault::EndlessBody] {
                sim.control().set_fault(fault.clone());
                let started = std::time::Instant::now();
                let e = client
                    .call(Method::Get, "me", &[], &token, None)
                    .await
                    .unwrap_err();
                assert!(
                    matches!(&e, GraphError::Http { status: 200, detail } if detail.contains("4 MiB")),
                    "{fault:?}: {e:?}"
                );
                // Not retried: one request, and far quicker than the 10 s timeout.
                assert!(started.elapsed() < Duration::from_secs(8), "{fault:?}");
                assert_eq!(sim.control().requests().len(), 1, "{fault:?}");
                sim.control().clear_requests();
            }
        }
    }
}
