//! Batch requests (reference §7): `POST /` or `POST /{version}` with a form field `batch`, a
//! JSON array of at most 50 ops, and a top-level `access_token` (always required; an op without
//! its own token uses it). Each op is dispatched like a request of its own and answered as
//! `{code, headers:[{name,value}], body:"<JSON text>"}`, in order.

use std::collections::BTreeMap;

use axum::http::Method;
use serde_json::{Value, json};

use super::auth::{self, Caller, Proof};
use super::errors::GraphError;
use super::ids;
use super::request::{GraphRequest, is_version};
use super::request_log::record;
use super::world::World;

/// Meta's limit per batch.
const MAX_OPS: usize = 50;

/// The router that answers each op: `routes::dispatch`, passed in because the router also sends
/// batches here (a parameter keeps this module below the router instead of in a cycle with it).
pub(crate) type Dispatch = fn(&mut World, &GraphRequest) -> Result<Value, GraphError>;

pub(crate) fn run(
    w: &mut World,
    r: &GraphRequest,
    dispatch: Dispatch,
) -> Result<Value, GraphError> {
    let token = r.token.as_deref().ok_or_else(GraphError::token_required)?;
    if let Caller::Token(t) = w.resolve_caller(token)? {
        w.validity(&t, ids::now()).map_err(|e| e.graph_error())?;
    }
    let ops: Vec<Value> = serde_json::from_str(r.require("batch")?)
        .map_err(|_| GraphError::new(100, "(#100) The parameter batch must be a JSON array"))?;
    if ops.is_empty() || ops.len() > MAX_OPS {
        return Err(GraphError::new(
            100,
            format!("(#100) A batch must hold between 1 and {MAX_OPS} requests"),
        ));
    }
    let with_headers = r.param("include_headers") != Some("false");
    let items = ops
        .iter()
        .map(|op| match op_request(r, op) {
            Ok(op) => {
                let answer = answer(w, &op, dispatch);
                let page = auth::charge_of(w, &op).page;
                let usage = page.and_then(|p| w.budgets.page_usage(&p));
                item(answer, with_headers, usage)
            }
            Err(e) => item(Err(e), with_headers, None),
        })
        .collect();
    Ok(Value::Array(items))
}

/// One op as a request of its own: its method, `relative_url` (path and query) and form `body`.
fn op_request(batch: &GraphRequest, op: &Value) -> Result<GraphRequest, GraphError> {
    let method = op
        .get("method")
        .and_then(Value::as_str)
        .unwrap_or("GET")
        .to_ascii_uppercase();
    let method = Method::from_bytes(method.as_bytes())
        .map_err(|_| GraphError::new(100, "(#100) Unsupported method in batch"))?;
    let relative = op
        .get("relative_url")
        .and_then(Value::as_str)
        .ok_or_else(|| GraphError::missing_param("relative_url"))?;
    let (path, query) = relative.split_once('?').unwrap_or((relative, ""));
    let mut segments: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if segments.first().is_some_and(|s| is_version(s)) {
        segments.remove(0);
    }
    let mut params: BTreeMap<String, String> = url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    if let Some(body) = op.get("body").and_then(Value::as_str) {
        params.extend(url::form_urlencoded::parse(body.as_bytes()).into_owned());
    }
    let token = params
        .get("access_token")
        .cloned()
        .filter(|t| !t.is_empty())
        .or_else(|| batch.token.clone());
    Ok(GraphRequest {
        method,
        segments,
        params,
        token,
        base_url: batch.base_url.clone(),
        uri: batch.uri.clone(),
        method_override: false,
        in_batch: true,
        relative_url: Some(relative.to_string()),
    })
}

fn answer(w: &mut World, op: &GraphRequest, dispatch: Dispatch) -> Result<Value, GraphError> {
    let proof = record(w, op);
    let known = op
        .token
        .as_deref()
        .is_some_and(|t| w.resolve_caller(t).is_ok());
    if proof == Proof::Invalid && known {
        return Err(GraphError::bad_proof());
    }
    // Whether Graph runs debug_token inside a batch is unconfirmed (§13).
    if w.refuse_debug_token_in_batch && op.segments.first().is_some_and(|s| s == "debug_token") {
        return Err(GraphError::unsupported("GET", "debug_token"));
    }
    // Each op is a call of its own for the rate limits (§7).
    w.budgets.charge(&auth::charge_of(w, op))?;
    dispatch(w, op)
}

/// One answer of the batch; `page_usage` is the op's Page's `X-Business-Use-Case-Usage`.
fn item(answer: Result<Value, GraphError>, with_headers: bool, page_usage: Option<Value>) -> Value {
    let (code, body, token_error) = match answer {
        Ok(v) => (200, v.to_string(), None),
        Err(e) => (
            e.status.as_u16(),
            e.body().to_string(),
            e.is_token_error().then_some(e),
        ),
    };
    let mut item = json!({"code": code, "body": body});
    if with_headers {
        let mut headers =
            vec![json!({"name": "Content-Type", "value": "text/javascript; charset=UTF-8"})];
        if let Some(e) = token_error {
            headers.push(json!({
                "name": "WWW-Authenticate",
                "value": format!("OAuth \"Facebook Platform\" \"invalid_token\" \"{}\"", e.message.replace('"', "'")),
            }));
        }
        if let Some(usage) = page_usage {
            headers.push(json!({"name": "X-Business-Use-Case-Usage", "value": usage.to_string()}));
        }
        item["headers"] = json!(headers);
    }
    item
}
