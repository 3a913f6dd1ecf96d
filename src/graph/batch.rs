//! Graph batch requests (reference §7) for checks: up to 50 GET ops in one POST, each op with
//! its own token. Every secret travels in the POST body: the caller as the top-level
//! `access_token`, an op's token, proof and `input_token` in the op's `body`; an op's
//! `relative_url` holds only the path and non-secret parameters.

use serde_json::{Value, json};

use super::client::{GraphClient, parse_body};
use super::error::GraphError;
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
            return Err(GraphError::Unsafe(format!(
                "Tokenwarden would have put a secret ({name}) in a batch request's address, so it was not sent. This is a bug; please report it"
            )));
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
    let list: Vec<Value> = ops
        .iter()
        .map(|op| {
            json!({"method": "GET", "relative_url": op.relative_url, "body": op.body.expose()})
        })
        .collect();
    // The text holds the ops' tokens: kept in a Secret, it is zeroized when dropped.
    let batch = Secret::new(Value::Array(list).to_string());
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
    }
}
