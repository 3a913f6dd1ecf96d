//! The HTTP side: the axum router, request parsing (version prefix, query + form params, the
//! `method` override), recording, fault injection, Meta's response headers, and dispatch to the
//! Graph endpoints (a batch is dispatched op by op in `batch.rs`).

use std::collections::BTreeMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};
use tokio_util::sync::CancellationToken;

use super::auth::{self, Caller, Proof};
use super::control::{AppState, SimControl};
use super::errors::GraphError;
use super::faults::{self, Fault};
use super::request::{GraphRequest, is_version, set_header};
use super::request_log::record;
use super::world::World;
use super::{api_pages, api_tokens, api_webhooks, batch, http_control, ids};

/// The version Meta uses for unversioned calls (the app's default).
const DEFAULT_VERSION: &str = "v26.0";
pub(crate) fn router(state: AppState) -> Router {
    Router::new()
        .route("/__sim/tokens", get(http_control::tokens))
        .route("/__sim/requests", get(http_control::requests))
        .route("/__sim/event", post(http_control::event))
        .fallback(graph)
        .with_state(state)
}

fn parse_params(uri: &Uri, headers: &HeaderMap, body: &[u8]) -> BTreeMap<String, String> {
    let mut params: BTreeMap<String, String> =
        url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
            .into_owned()
            .collect();
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.contains("json"));
    if is_json {
        if let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) {
            for (k, v) in map {
                let text = match v {
                    Value::String(s) => s,
                    other => other.to_string(),
                };
                params.insert(k, text);
            }
        }
    } else if !body.is_empty() {
        params.extend(url::form_urlencoded::parse(body).into_owned());
    }
    params
}

fn bearer(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, token) = value.split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") || scheme.eq_ignore_ascii_case("oauth"))
        .then(|| token.trim().to_string())
}

/// Everything decided under the lock before the request is answered.
struct Admission {
    fault: Option<Fault>,
    proof: Proof,
    app_usage: Option<u64>,
    business_object: String,
}

/// `followed_redirect`: the request came to a `Fault::Redirect` target, which faults skip so
/// that following the redirect would "work".
fn admit(w: &mut World, req: &GraphRequest, followed_redirect: bool) -> Admission {
    let proof = record(w, req);
    let caller = req.token.as_deref().and_then(|t| w.resolve_caller(t).ok());
    let app_usage = caller.as_ref().filter(|c| c.is_app_token()).map(|c| {
        let n = w.app_calls.entry(c.app_id().to_string()).or_default();
        *n += 1;
        // Grows slowly and stays well under the 100 % where Meta throttles: only the
        // RateLimited fault should make a client back off.
        (*n / 10).min(60)
    });
    let business_object = match &caller {
        Some(Caller::Token(t)) => t.page_id.clone().unwrap_or_else(|| t.app_id.clone()),
        _ => req
            .segments
            .first()
            .filter(|s| w.pages.contains_key(*s) || w.wabas.contains_key(*s))
            .cloned()
            .unwrap_or_else(|| {
                caller
                    .as_ref()
                    .map_or("0".into(), |c| c.app_id().to_string())
            }),
    };
    Admission {
        fault: if followed_redirect {
            None
        } else {
            w.faults.take()
        },
        proof,
        app_usage,
        business_object,
    }
}

fn meta_headers(version: &str) -> HeaderMap {
    let mut h = HeaderMap::new();
    set_header(&mut h, "facebook-api-version", version);
    set_header(&mut h, "x-fb-trace-id", &ids::random_trace_id());
    set_header(&mut h, "x-fb-rev", "1029384756");
    set_header(&mut h, "x-fb-debug", &ids::random_hex(64));
    h
}

fn json_response(status: StatusCode, mut headers: HeaderMap, body: String) -> Response {
    set_header(
        &mut headers,
        "content-type",
        "application/json; charset=UTF-8",
    );
    (status, headers, body).into_response()
}

fn error_response(e: &GraphError, mut headers: HeaderMap) -> Response {
    if e.is_token_error() {
        let auth = format!(
            "OAuth \"Facebook Platform\" \"invalid_token\" \"{}\"",
            e.message.replace('"', "'")
        );
        set_header(&mut headers, "www-authenticate", &auth);
    }
    json_response(e.status, headers, e.body().to_string())
}

/// Sleeps unless the simulator is stopping; false when it was cut short.
async fn pause(cancel: &CancellationToken, d: std::time::Duration) -> bool {
    tokio::select! {
        _ = tokio::time::sleep(d) => true,
        _ = cancel.cancelled() => false,
    }
}

/// Every request that is not a `/__sim/` control call (the target of `Fault::Redirect` included).
async fn graph(
    State(state): State<AppState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (path, followed_redirect) = match uri.path().strip_prefix(faults::REDIRECT_TARGET) {
        Some(rest) => (rest, true),
        None => (uri.path(), false),
    };
    let mut segments: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let version = match segments.first() {
        Some(v) if is_version(v) => segments.remove(0),
        _ => DEFAULT_VERSION.to_string(),
    };
    let params = parse_params(&uri, &headers, &body);
    let overridden = params
        .get("method")
        .and_then(|m| Method::from_bytes(m.to_ascii_uppercase().as_bytes()).ok());
    let method_override = overridden.as_ref().is_some_and(|m| *m != method);
    let method = overridden.unwrap_or(method);
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let req = GraphRequest {
        method,
        segments,
        token: params
            .get("access_token")
            .cloned()
            .filter(|t| !t.is_empty())
            .or_else(|| bearer(&headers)),
        params,
        base_url: format!("http://{host}/{version}"),
        uri: uri.to_string(),
        method_override,
        in_batch: false,
        relative_url: None,
    };
    let adm = state.control.with(|w| admit(w, &req, followed_redirect));
    let mut headers = meta_headers(&version);
    let mut truncate = false;
    match adm.fault {
        Some(Fault::Hang) => {
            pause(&state.cancel, faults::HANG).await;
            return (StatusCode::SERVICE_UNAVAILABLE, "simulator stopped").into_response();
        }
        Some(Fault::Latency(d)) => {
            let finished = pause(&state.cancel, d).await;
            if !finished {
                return (StatusCode::SERVICE_UNAVAILABLE, "simulator stopped").into_response();
            }
        }
        Some(Fault::ServerErrorHtml) => {
            let status = if uuid::Uuid::new_v4().as_bytes()[0].is_multiple_of(2) {
                StatusCode::BAD_GATEWAY
            } else {
                StatusCode::SERVICE_UNAVAILABLE
            };
            set_header(&mut headers, "content-type", "text/html; charset=utf-8");
            return (status, headers, faults::server_error_html(status)).into_response();
        }
        Some(Fault::RateLimited { code }) => {
            headers.extend(faults::rate_limit_headers(code, &adm.business_object));
            return error_response(&faults::rate_limit_error(code), headers);
        }
        Some(Fault::TruncatedJson) => truncate = true,
        // Whole path segments only: "me" must not catch ".../name".
        Some(Fault::Answer { path, status, body })
            if req
                .path()
                .ends_with(&format!("/{}", path.trim_start_matches('/'))) =>
        {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
            return json_response(status, headers, body);
        }
        // Another path: answered normally.
        Some(Fault::Answer { .. }) => {}
        None => {}
        Some(Fault::Redirect) => return faults::redirect(&uri, headers),
        Some(Fault::HugeBody) => return faults::huge_body(headers),
        Some(Fault::EndlessBody) => return faults::endless_body(headers, state.cancel.clone()),
    }
    let result = if adm.proof == Proof::Invalid && known_caller(&state.control, &req) {
        Err(GraphError::bad_proof())
    } else {
        state.control.with(|w| {
            if !req.is_batch() {
                w.budgets.charge(&auth::charge_of(w, &req))?;
            }
            dispatch(w, &req)
        })
    };
    // After the call: a batch's ops are counted by now.
    state
        .control
        .with(|w| usage_headers(w, &req, adm.app_usage, &mut headers));
    match result {
        Ok(body) if truncate => json_response(
            StatusCode::OK,
            headers,
            faults::truncate_json(&body.to_string()),
        ),
        Ok(body) => json_response(StatusCode::OK, headers, body.to_string()),
        Err(e) if truncate => json_response(
            StatusCode::OK,
            headers,
            faults::truncate_json(&e.body().to_string()),
        ),
        Err(e) => error_response(&e, headers),
    }
}

/// `X-App-Usage` (from the app's budget, else a slowly growing share for app-token calls) and,
/// for a call on a Page with a budget, `X-Business-Use-Case-Usage`.
fn usage_headers(w: &mut World, req: &GraphRequest, app_calls: Option<u64>, h: &mut HeaderMap) {
    let charge = auth::charge_of(w, req);
    let from_budget = charge.app.as_deref().and_then(|a| w.budgets.app_usage(a));
    let app = from_budget.or_else(|| {
        app_calls
            .map(|pct| json!({"call_count": pct, "total_cputime": pct / 2, "total_time": pct / 2}))
    });
    if let Some(usage) = app {
        set_header(h, "x-app-usage", &usage.to_string());
    }
    if let Some(page) = charge.page.filter(|_| !req.is_batch())
        && let Some(usage) = w.budgets.page_usage(&page)
    {
        set_header(h, "x-business-use-case-usage", &usage.to_string());
    }
}

/// A wrong proof on an unknown token is reported as the unknown token (Meta looks at the token
/// first).
fn known_caller(control: &SimControl, req: &GraphRequest) -> bool {
    let Some(token) = req.token.as_deref() else {
        return false;
    };
    control.with(|w| w.resolve_caller(token).is_ok())
}

/// Routes a Graph call to its endpoint.
pub(crate) fn dispatch(w: &mut World, r: &GraphRequest) -> Result<Value, GraphError> {
    let segs: Vec<&str> = r.segments.iter().map(String::as_str).collect();
    let m = &r.method;
    match segs.as_slice() {
        // Whether Graph takes debug_token as a POST with `method=GET` is unconfirmed (§13).
        ["debug_token"] if r.method_override && w.refuse_debug_token_override => {
            Err(GraphError::unsupported("POST", "debug_token"))
        }
        ["debug_token"] if m == Method::GET => api_tokens::debug_token(w, r),
        ["me"] if m == Method::GET => api_tokens::me(w, r),
        ["app"] if m == Method::GET => api_tokens::app(w, r),
        ["me", "permissions"] if m == Method::GET => api_tokens::permissions(w, r),
        ["oauth", "access_token"] if m == Method::GET || m == Method::POST => {
            api_tokens::oauth_access_token(w, r)
        }
        ["oauth", "client_code"] if m == Method::GET || m == Method::POST => {
            api_tokens::client_code(w, r)
        }
        ["device", "login"] if m == Method::POST => api_tokens::device_login(w, r),
        ["device", "login_status"] if m == Method::POST => api_tokens::device_login_status(w, r),
        [id, "accounts"] if m == Method::GET => api_pages::accounts(w, r, id),
        [id, "subscribed_apps"] => api_webhooks::subscribed_apps(w, r, id),
        [id, "phone_numbers"] if m == Method::GET => api_webhooks::phone_numbers(w, r, id),
        [id] if m == Method::GET => api_pages::node(w, r, id),
        [] if m == Method::POST && r.params.contains_key("batch") && !r.in_batch => {
            batch::run(w, r, dispatch)
        }
        [] => Err(GraphError::new(100, "(#100) Missing object id or path")),
        [id, ..] if w.pages.contains_key(*id) || w.users.contains_key(*id) || *id == "me" => {
            Err(GraphError::unsupported(m.as_str(), id))
        }
        [first, ..] if first.bytes().all(|b| b.is_ascii_digit()) => {
            Err(GraphError::unsupported(m.as_str(), first))
        }
        _ => Err(GraphError::unknown_path(&r.path())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn version_prefixes() {
        assert!(is_version("v26.0"));
        assert!(is_version("v2"));
        assert!(!is_version("v"));
        assert!(!is_version("v1."));
        assert!(!is_version("me"));
        assert!(!is_version("vacation"));
    }

    #[test]
    fn params_from_query_form_and_json() {
        let uri: Uri = "/me?a=1&b=x%20y".parse().unwrap();
        let p = parse_params(&uri, &HeaderMap::new(), b"c=3&a=2");
        assert_eq!(p["a"], "2");
        assert_eq!(p["b"], "x y");
        assert_eq!(p["c"], "3");
        let mut h = HeaderMap::new();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        let p = parse_params(&uri, &h, br#"{"scope":"a,b","n":5}"#);
        assert_eq!(p["scope"], "a,b");
        assert_eq!(p["n"], "5");
    }
}
