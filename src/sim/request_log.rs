//! The simulator's request log: each request as Meta received it, its secrets redacted, with
//! whether its `appsecret_proof` was valid.

use super::auth::Proof;
use super::request::{GraphRequest, RecordedRequest};
use super::world::World;

/// Parameters whose values never go into the request log.
const REDACTED: &[&str] = &[
    "access_token",
    "input_token",
    "fb_exchange_token",
    "client_secret",
    "code",
    // A batch's ops carry their own parameters, tokens included.
    "batch",
];

/// Checks the request's `appsecret_proof` and adds the request to the log.
pub(crate) fn record(w: &mut World, req: &GraphRequest) -> Proof {
    let proof = w.check_proof(
        req.token.as_deref(),
        req.param("appsecret_proof"),
        req.param("appsecret_time"),
    );
    let mut params = req.params.clone();
    for (k, v) in params.iter_mut() {
        if REDACTED.contains(&k.as_str()) {
            *v = "<redacted>".into();
        }
    }
    w.requests.push(RecordedRequest {
        method: req.method.as_str().to_string(),
        path: req.path(),
        params,
        appsecret_proof_valid: match proof {
            Proof::NotSent => None,
            Proof::Valid => Some(true),
            Proof::Invalid => Some(false),
        },
        uri: req.uri.clone(),
        in_batch: req.in_batch,
        relative_url: req.relative_url.clone(),
    });
    proof
}
