//! A Graph request as the simulator parses it and as it records it, and small HTTP helpers.
//! A leaf: the world keeps the log and every endpoint reads requests, so neither may sit above it.

use std::collections::BTreeMap;

use axum::http::{HeaderMap, HeaderValue, Method};
use serde::Serialize;

use super::errors::GraphError;

/// One parsed Graph request.
#[derive(Debug, Clone)]
pub(crate) struct GraphRequest {
    /// After a `method=` override (Meta lets a GET or POST stand for another method).
    pub method: Method,
    pub segments: Vec<String>,
    pub params: BTreeMap<String, String>,
    /// From `access_token` or an `Authorization: Bearer|OAuth` header.
    pub token: Option<String>,
    pub base_url: String,
    /// The URI as received (for a batch op: the batch's).
    pub uri: String,
    /// A `method` parameter replaced the HTTP method (a POST standing for a GET).
    pub method_override: bool,
    /// An op of a batch.
    pub in_batch: bool,
    /// An op's `relative_url` as received.
    pub relative_url: Option<String>,
}

impl GraphRequest {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .get(name)
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    }

    pub fn require(&self, name: &str) -> Result<&str, GraphError> {
        self.param(name)
            .ok_or_else(|| GraphError::missing_param(name))
    }

    pub fn path(&self) -> String {
        format!("/{}", self.segments.join("/"))
    }

    /// A batch request itself (its ops are calls; the batch is not).
    pub fn is_batch(&self) -> bool {
        self.segments.is_empty()
            && self.method == Method::POST
            && self.params.contains_key("batch")
            && !self.in_batch
    }
}

/// Sets a header, skipping values that are not valid header text (never the case for ours).
pub(crate) fn set_header(h: &mut HeaderMap, name: &'static str, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        h.insert(name, v);
    }
}

pub(crate) fn is_version(seg: &str) -> bool {
    let rest = seg.strip_prefix('v').unwrap_or("");
    !rest.is_empty()
        && rest
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// One Graph request as the simulator saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedRequest {
    pub method: String,
    /// Without the version prefix, e.g. "/debug_token", "/me/accounts", "/500001/subscribed_apps".
    pub path: String,
    /// Query and form parameters; secrets (`access_token`, `input_token`, `fb_exchange_token`,
    /// `client_secret`, `code`, and a batch's `batch` text) are replaced by "<redacted>".
    pub params: BTreeMap<String, String>,
    /// None when no `appsecret_proof` was sent.
    pub appsecret_proof_valid: Option<bool>,
    /// The request's URI exactly as received (path and query, unredacted), so tests can prove
    /// no secret rode in a URL. An op of a batch has the URI of the batch that carried it.
    pub uri: String,
    /// An op of a batch request (the batch itself is recorded too, as `POST /`).
    pub in_batch: bool,
    /// An op's `relative_url` exactly as received (unredacted), so tests can prove that no
    /// secret rode in it either.
    pub relative_url: Option<String>,
}
