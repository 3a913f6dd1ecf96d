//! Graph batch requests (reference §7) for checks: up to 50 GET ops in one POST, each op with
//! its own token. Every secret travels in the POST body: the caller as the top-level
//! `access_token`, an op's token, proof and `input_token` in the op's `body`; an op's
//! `relative_url` holds only the path and non-secret parameters.

use serde_json::Value;

use super::client::{GraphClient, parse_body};
use super::error::{GraphError, UnsafeRequest};
use super::usage::Usage;
use crate::model::Secret;

/// Meta's limit of ops per batch.
pub(crate) const MAX_OPS: usize = 50;

/// Parameters that may never be in an op's `relative_url`.
const SECRET_PARAMS: &[&str] = &["access_token", "input_token", "appsecret_proof", "code"];

/// One GET of a batch.
pub(crate) struct BatchOp {
    relative_url: String,
    /// The op's form-encoded secrets; zeroized when dropped.
    body: Secret,
}

impl BatchOp {
    /// `GET path?query` with `secrets` in the op's body. A secret among `query`, or a path
    /// that is not made of ids and edge names, is refused before anything is sent.
    pub fn get(
        path: &str,
        query: &[(&str, &str)],
        secrets: &[(&str, &str)],
    ) -> Result<BatchOp, GraphError> {
        if let Some((name, _)) = query.iter().find(|(k, _)| SECRET_PARAMS.contains(k)) {
            return Err(GraphError::Unsafe(UnsafeRequest::SecretInAddress {
                name: name.to_string(),
            }));
        }
        let segments = super::ids::checked_segments(path)?;
        let mut relative_url = segments
            .iter()
            .map(|s| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>())
            .collect::<Vec<_>>()
            .join("/");
        if !query.is_empty() {
            let q = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(query)
                .finish();
            relative_url = format!("{relative_url}?{q}");
        }
        let body = Secret::new(
            url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(secrets)
                .finish(),
        );
        Ok(BatchOp { relative_url, body })
    }
}

/// A batch's answer: one result per op, in order, each with its own usage headers, and the
/// usage headers of the whole request.
pub(crate) struct BatchAnswer {
    pub items: Vec<(Result<Value, GraphError>, Usage)>,
    pub usage: Usage,
}

/// Sends `ops` (1 to 50) as one batch with `caller` as the top-level token.
pub(crate) async fn send(
    client: &GraphClient,
    caller: &Secret,
    ops: &[BatchOp],
) -> Result<BatchAnswer, GraphError> {
    debug_assert!(!ops.is_empty() && ops.len() <= MAX_OPS);
    let batch = batch_text(ops);
    let (answer, usage) = client.post_batch(caller, &batch).await?;
    let items = match answer.as_array() {
        Some(items) if items.len() == ops.len() => items,
        Some(items) => {
            return Err(GraphError::BadBody(format!(
                "a batch answer with {} items for {} requests",
                items.len(),
                ops.len()
            )));
        }
        None => {
            return Err(GraphError::BadBody(
                "a batch answer that is not a list".into(),
            ));
        }
    };
    let items = items
        .iter()
        .map(|item| (item_result(client, item), Usage::from_batch_item(item)))
        .collect();
    Ok(BatchAnswer { items, usage })
}

/// The `batch` JSON. It holds the ops' tokens, so every piece is a `Secret` and the text is
/// written into one buffer of its final size: no copy is left behind unzeroized.
fn batch_text(ops: &[BatchOp]) -> Secret {
    let pieces: Vec<(String, Secret)> = ops
        .iter()
        .map(|op| {
            // Serialising a string cannot fail.
            let url = serde_json::to_string(&op.relative_url).unwrap_or_default();
            let body = Secret::new(serde_json::to_string(op.body.expose()).unwrap_or_default());
            (url, body)
        })
        .collect();
    const OP_START: &str = r#"{"method":"GET","relative_url":"#;
    const OP_BODY: &str = r#","body":"#;
    let size = pieces
        .iter()
        .map(|(url, body)| OP_START.len() + url.len() + OP_BODY.len() + body.expose().len() + 2)
        .sum::<usize>()
        + 2;
    let mut text = String::with_capacity(size);
    text.push('[');
    for (i, (url, body)) in pieces.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(OP_START);
        text.push_str(url);
        text.push_str(OP_BODY);
        text.push_str(body.expose());
        text.push('}');
    }
    text.push(']');
    debug_assert!(text.len() <= size, "written in place");
    Secret::new(text)
}

/// One op's answer as if it had been a request of its own.
fn item_result(client: &GraphClient, item: &Value) -> Result<Value, GraphError> {
    if item.is_null() {
        // Meta's "this op did not finish in time".
        return Err(GraphError::Timeout(client.config().timeout.as_secs()));
    }
    let status = item
        .get("code")
        .and_then(Value::as_u64)
        .and_then(|c| u16::try_from(c).ok());
    let (Some(status), Some(body)) = (status, item.get("body").and_then(Value::as_str)) else {
        return Err(GraphError::BadBody(
            "a batch answer without code or body".into(),
        ));
    };
    let regain = Usage::from_batch_item(item).regain_minutes();
    parse_body(status, true, body.as_bytes(), regain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_go_in_the_body_and_never_in_the_relative_url() {
        let op = BatchOp::get(
            "500001",
            &[("fields", "instagram_business_account,subscribed_apps")],
            &[("access_token", "EAAB|x y"), ("appsecret_proof", "ab")],
        )
        .unwrap();
        assert_eq!(
            op.relative_url,
            "500001?fields=instagram_business_account%2Csubscribed_apps"
        );
        assert_eq!(
            op.body.expose(),
            "access_token=EAAB%7Cx+y&appsecret_proof=ab"
        );
        assert!(matches!(
            BatchOp::get("debug_token", &[("input_token", "t")], &[]),
            Err(GraphError::Unsafe(_))
        ));
        assert!(matches!(
            BatchOp::get("../me", &[], &[]),
            Err(GraphError::Unsafe(_))
        ));
        let text = batch_text(&[op, BatchOp::get("me", &[], &[]).unwrap()]);
        let parsed: Value = serde_json::from_str(text.expose()).unwrap();
        assert_eq!(
            parsed[0],
            serde_json::json!({"method": "GET",
                "relative_url": "500001?fields=instagram_business_account%2Csubscribed_apps",
                "body": "access_token=EAAB%7Cx+y&appsecret_proof=ab"})
        );
        assert_eq!(parsed[1]["relative_url"], "me");
    }
}
