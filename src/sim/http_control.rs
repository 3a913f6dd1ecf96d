//! The small HTTP control API of the simulator (`/__sim/…`), for the standalone `tokenwarden sim`
//! used in training and manual walk-throughs. Faults never apply here.

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::control::{AppState, resolve};
use super::faults::Fault;
use super::world::World;

/// `POST /__sim/event` bodies, e.g. `{"event":"password_changed","user_id":"…"}`.
#[derive(Debug, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub(crate) enum Event {
    PasswordChanged {
        user_id: String,
    },
    PageRoleLost {
        user_id: String,
        page_id: String,
    },
    Checkpoint {
        user_id: String,
    },
    AppRemoved {
        user_id: String,
        app_id: String,
    },
    SessionInvalidated {
        user_id: String,
    },
    /// `token_name` (a scenario name) or `token` (the string).
    Revoke {
        token_name: Option<String>,
        token: Option<String>,
    },
    Expire {
        token_name: Option<String>,
        token: Option<String>,
    },
    /// `fault`: server_error_html | truncated_json | rate_limited (optional `code`, default 4) |
    /// hang | latency (optional `ms`, default 3000) | redirect | huge_body | endless_body | none;
    /// optional `count` = only the next n.
    Fault {
        fault: String,
        code: Option<i64>,
        ms: Option<u64>,
        count: Option<u32>,
    },
    ApproveDevice {
        user_code: String,
        user_id: String,
    },
    DeclineDevice {
        user_code: String,
    },
}

fn token_of(w: &World, name: Option<String>, token: Option<String>) -> Result<String, String> {
    match token.or(name) {
        Some(t) => resolve(w, &t),
        None => Err("give token_name or token".into()),
    }
}

fn apply(w: &mut World, event: Event) -> Result<(), String> {
    match event {
        Event::PasswordChanged { user_id } => w.change_password(&user_id),
        Event::PageRoleLost { user_id, page_id } => {
            w.user(&user_id)?;
            w.remove_page_role(&user_id, &page_id)
        }
        Event::Checkpoint { user_id } => w.checkpoint_user(&user_id),
        Event::AppRemoved { user_id, app_id } => w.remove_app(&user_id, &app_id),
        Event::SessionInvalidated { user_id } => w.invalidate_session(&user_id),
        Event::Revoke { token_name, token } => {
            let t = token_of(w, token_name, token)?;
            w.revoke(&t)
        }
        Event::Expire { token_name, token } => {
            let t = token_of(w, token_name, token)?;
            w.set_expires_at(&t, Some(super::ids::now() - super::ids::HOUR))
        }
        Event::Fault {
            fault,
            code,
            ms,
            count,
        } => {
            let f = match fault.as_str() {
                "none" => {
                    w.faults.clear();
                    return Ok(());
                }
                "server_error_html" => Fault::ServerErrorHtml,
                "truncated_json" => Fault::TruncatedJson,
                "rate_limited" => Fault::RateLimited {
                    code: code.unwrap_or(4),
                },
                "hang" => Fault::Hang,
                "latency" => Fault::Latency(Duration::from_millis(ms.unwrap_or(3000))),
                "redirect" => Fault::Redirect,
                "huge_body" => Fault::HugeBody,
                "endless_body" => Fault::EndlessBody,
                other => return Err(format!("unknown fault {other:?}")),
            };
            match count {
                Some(n) => w.faults.fail_next(n, f),
                None => w.faults.set(f),
            }
            Ok(())
        }
        Event::ApproveDevice { user_code, user_id } => w.approve_device(&user_code, &user_id),
        Event::DeclineDevice { user_code } => w.devices.decline(&user_code),
    }
}

/// `GET /__sim/tokens` → `{name: token}`.
pub(crate) async fn tokens(State(state): State<AppState>) -> Response {
    Json(state.control.tokens()).into_response()
}

/// `GET /__sim/requests` → the recorded Graph requests (secrets redacted).
pub(crate) async fn requests(State(state): State<AppState>) -> Response {
    Json(state.control.requests()).into_response()
}

/// `POST /__sim/event`.
pub(crate) async fn event(State(state): State<AppState>, body: axum::body::Bytes) -> Response {
    let event: Event = match serde_json::from_slice(&body) {
        Ok(e) => e,
        Err(e) => {
            return (
                StatusCode::BAD_REQUEST,
                Json(json!({"ok": false, "error": e.to_string()})),
            )
                .into_response();
        }
    };
    match state.control.with(|w| apply(w, event)) {
        Ok(()) => Json(json!({"ok": true})).into_response(),
        Err(e) => (
            StatusCode::BAD_REQUEST,
            Json(json!({"ok": false, "error": e})),
        )
            .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_parse_and_apply() {
        let mut w = crate::sim::Scenario::demo().world;
        let e: Event =
            serde_json::from_str(r#"{"event":"revoke","token_name":"shoes_messenger"}"#).unwrap();
        apply(&mut w, e).unwrap();
        assert!(w.tokens[&w.names["shoes_messenger"]].revoked);
        let e: Event = serde_json::from_str(
            r#"{"event":"fault","fault":"rate_limited","code":80001,"count":1}"#,
        )
        .unwrap();
        apply(&mut w, e).unwrap();
        assert_eq!(w.faults.take(), Some(Fault::RateLimited { code: 80001 }));
        let e: Event =
            serde_json::from_str(r#"{"event":"password_changed","user_id":"nobody"}"#).unwrap();
        assert!(apply(&mut w, e).is_err());
        assert!(serde_json::from_str::<Event>(r#"{"event":"bogus"}"#).is_err());
    }
}
