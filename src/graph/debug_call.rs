//! How `debug_token` is asked without its token in a URL (reference §7). Its `input_token` is a
//! GET parameter with no header form, so: first a POST with Graph's method override
//! (`method=GET`), else a one-op batch (a POST whose ops travel in the body), else the check is
//! not made. A query string is never the fallback. Which way worked is remembered per process.

use serde_json::{Value, json};

use super::client::{GraphClient, Method, parse_body};
use super::debug_route::DebugRoute;
use super::error::{GraphError, UnsafeRequest};
use crate::model::Secret;

/// What one way of asking gave: an answer (good or a real Graph error), or a refusal of the way
/// itself, which says nothing about the token.
enum Asked {
    Answer(Result<Value, GraphError>),
    Refused,
}

/// `debug_token`'s `data` object for `input`, asked with `caller`.
pub(crate) async fn debug_token_data(
    client: &GraphClient,
    input: &Secret,
    caller: &Secret,
) -> Result<Value, GraphError> {
    let memory = client.debug_route();
    let _probing = match memory.known() {
        Some(_) => None,
        None => Some(memory.probing.lock().await),
    };
    let order = match memory.known() {
        Some(DebugRoute::Batch) => [DebugRoute::Batch, DebugRoute::MethodOverride],
        _ => [DebugRoute::MethodOverride, DebugRoute::Batch],
    };
    for route in order {
        let asked = match route {
            DebugRoute::MethodOverride => by_method_override(client, input, caller).await,
            DebugRoute::Batch => by_batch(client, input, caller).await,
        };
        match asked {
            Asked::Answer(Ok(data)) => {
                memory.remember(route);
                return Ok(data);
            }
            Asked::Answer(Err(e)) => return Err(e),
            Asked::Refused => {}
        }
    }
    Err(GraphError::Unsafe(UnsafeRequest::NoSafeDebug))
}

/// `POST debug_token` with `method=GET`, `input_token` and `access_token` in the form body.
async fn by_method_override(client: &GraphClient, input: &Secret, caller: &Secret) -> Asked {
    let answer = client
        .call_raw(
            Method::Post,
            "debug_token",
            &[
                ("method", "GET"),
                ("input_token", input.expose()),
                ("access_token", caller.expose()),
            ],
        )
        .await;
    match answer {
        Err(e) if is_refusal(&e) => Asked::Refused,
        Err(e) => Asked::Answer(Err(e)),
        Ok(v) => match data_of(&v) {
            Some(d) => Asked::Answer(Ok(d)),
            // A POST answered with something else (e.g. `{"success":true}`): the override was
            // not honoured, and this answer is not about the token.
            None => Asked::Refused,
        },
    }
}

/// A batch with one op, `GET debug_token?input_token=…`, and the caller as the top-level token.
/// The op's URL is part of the POST body, so neither token is in the request's URL.
async fn by_batch(client: &GraphClient, input: &Secret, caller: &Secret) -> Asked {
    // Both texts hold the token: kept in Secrets, they are zeroized when dropped.
    let relative_url = Secret::new(format!(
        "debug_token?{}",
        url::form_urlencoded::Serializer::new(String::new())
            .append_pair("input_token", input.expose())
            .finish()
    ));
    let batch =
        Secret::new(json!([{"method": "GET", "relative_url": relative_url.expose()}]).to_string());
    let answer = client
        .call_raw(
            Method::Post,
            "",
            &[
                ("access_token", caller.expose()),
                ("batch", batch.expose()),
                ("include_headers", "false"),
            ],
        )
        .await;
    let items = match answer {
        Err(e) if is_refusal(&e) => return Asked::Refused,
        Err(e) => return Asked::Answer(Err(e)),
        Ok(v) => v,
    };
    let Some(item) = items.as_array().and_then(|a| a.first()) else {
        // Not a batch answer: Graph took the POST for something else.
        return Asked::Refused;
    };
    if item.is_null() {
        // Meta's "this op did not finish in time".
        return Asked::Answer(Err(GraphError::Timeout(client.config().timeout.as_secs())));
    }
    let status = item
        .get("code")
        .and_then(Value::as_u64)
        .and_then(|c| u16::try_from(c).ok());
    let (Some(status), Some(body)) = (status, item.get("body").and_then(Value::as_str)) else {
        return Asked::Answer(Err(GraphError::BadBody(
            "a batch answer without code or body".into(),
        )));
    };
    match parse_body(status, true, body.as_bytes(), None) {
        Err(e) if is_refusal(&e) => Asked::Refused,
        Err(e) => Asked::Answer(Err(e)),
        Ok(v) => Asked::Answer(
            data_of(&v)
                .ok_or_else(|| GraphError::BadBody("debug_token answer without data".into())),
        ),
    }
}

fn data_of(v: &Value) -> Option<Value> {
    v.get("data").filter(|d| d.is_object()).cloned()
}

/// Graph saying it does not take the request in this form, as opposed to an answer about the
/// tokens: `debug_token`'s own errors (code 100 "You must provide an app access token…", "did not
/// match the Viewing App", code 190 for a dead caller) never use these words.
pub(crate) fn is_refusal(e: &GraphError) -> bool {
    const WORDS: &[&str] = &[
        "unsupported post request",
        "unsupported get request",
        "unsupported method",
        "unknown method",
        "unknown path components",
        "not supported in batch",
        "cannot be batched",
    ];
    match e {
        GraphError::Api { error, .. } => {
            let m = error.message.to_ascii_lowercase();
            WORDS.iter().any(|w| m.contains(w))
        }
        // No such route for this method, without Graph's error object.
        GraphError::Http { status, .. } => matches!(status, 404 | 405 | 501),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GraphErrorInfo;

    fn api(code: i64, message: &str) -> GraphError {
        GraphError::Api {
            status: 400,
            error: Box::new(GraphErrorInfo {
                code,
                subcode: None,
                message: message.into(),
                user_title: None,
                user_message: None,
                fbtrace_id: None,
            }),
            retry_after_minutes: None,
        }
    }

    #[test]
    fn refusals_are_told_apart_from_answers_about_the_token() {
        assert!(is_refusal(&api(
            100,
            "Unsupported post request. Object with ID 'debug_token' does not exist"
        )));
        assert!(is_refusal(&api(3, "(#3) Unknown method")));
        assert!(is_refusal(&GraphError::Http {
            status: 405,
            detail: String::new()
        }));
        assert!(!is_refusal(&api(
            100,
            "(#100) You must provide an app access token, or a user access token that is an owner or developer of the app"
        )));
        assert!(!is_refusal(&api(
            100,
            "(#100) The App_id in the input_token did not match the Viewing App"
        )));
        assert!(!is_refusal(&api(
            190,
            "Error validating access token: Session has expired"
        )));
        assert!(!is_refusal(&GraphError::Http {
            status: 502,
            detail: String::new()
        }));
        assert!(!is_refusal(&GraphError::Timeout(2)));
    }

    mod against_the_simulator {
        use super::super::*;
        use crate::graph::GraphConfig;
        use crate::sim::scenario::{ACME_APP_ID, ACME_APP_SECRET};
        use crate::sim::{Scenario, SimControl, Simulator};

        async fn setup() -> (Simulator, GraphClient, SimControl) {
            let sim = Simulator::start(0, Scenario::demo()).await.unwrap();
            let cfg = GraphConfig::default()
                .with_base_url(&sim.base_url())
                .unwrap();
            let control = sim.control();
            (sim, GraphClient::new(cfg).unwrap(), control)
        }

        fn app_token() -> Secret {
            Secret::new(format!("{ACME_APP_ID}|{ACME_APP_SECRET}"))
        }

        /// (method, path, in_batch) of each request, and that no secret was in any URI.
        fn seen(c: &SimControl, secrets: &[&Secret]) -> Vec<(String, String, bool)> {
            c.requests()
                .into_iter()
                .map(|r| {
                    for s in secrets {
                        assert!(!r.uri.contains(s.expose()), "a secret in {}", r.uri);
                    }
                    // Every way of asking is a POST: nothing at all in a query string.
                    assert!(!r.uri.contains('?'), "{}", r.uri);
                    (r.method, r.path, r.in_batch)
                })
                .collect()
        }

        fn req(m: &str, p: &str, b: bool) -> (String, String, bool) {
            (m.into(), p.into(), b)
        }

        #[tokio::test]
        async fn method_override_first_and_remembered() {
            let (_sim, client, c) = setup().await;
            let input = Secret::new(c.token("shoes_messenger"));
            let data = debug_token_data(&client, &input, &app_token())
                .await
                .unwrap();
            assert_eq!(data["is_valid"], true);
            assert_eq!(
                seen(&c, &[&input, &app_token()]),
                vec![req("GET", "/debug_token", false)]
            );
            assert_eq!(
                client.debug_route().known(),
                Some(DebugRoute::MethodOverride)
            );
        }

        #[tokio::test]
        async fn a_refused_override_falls_back_to_a_batch_and_later_checks_go_straight_there() {
            let (_sim, client, c) = setup().await;
            c.refuse_debug_token_method_override(true);
            let input = Secret::new(c.token("shoes_messenger"));
            let data = debug_token_data(&client, &input, &app_token())
                .await
                .unwrap();
            assert_eq!(data["is_valid"], true);
            assert_eq!(data["profile_id"], "500001");
            let dead = Secret::new(c.token("revoked"));
            let data = debug_token_data(&client, &dead, &app_token())
                .await
                .unwrap();
            assert_eq!(data["is_valid"], false);
            assert_eq!(
                seen(&c, &[&input, &dead, &app_token()]),
                vec![
                    req("GET", "/debug_token", false),
                    req("POST", "/", false),
                    req("GET", "/debug_token", true),
                    req("POST", "/", false),
                    req("GET", "/debug_token", true),
                ]
            );
        }

        #[tokio::test]
        async fn both_refused_is_an_error_and_never_a_query_string() {
            let (_sim, client, c) = setup().await;
            c.refuse_debug_token_method_override(true);
            c.refuse_debug_token_in_batch(true);
            let input = Secret::new(c.token("shoes_messenger"));
            let e = debug_token_data(&client, &input, &app_token())
                .await
                .unwrap_err();
            assert!(
                matches!(&e, GraphError::Unsafe(UnsafeRequest::NoSafeDebug)),
                "{e:?}"
            );
            assert!(!e.is_transient() && e.token_reason().is_none());
            assert_eq!(seen(&c, &[&input, &app_token()]).len(), 3);
        }

        #[tokio::test]
        async fn answers_about_the_caller_are_not_refusals() {
            let (_sim, client, c) = setup().await;
            // A Page token may not call debug_token: Graph's caller error, by either way.
            let page = Secret::new(c.token("shoes_messenger"));
            for batch_only in [false, true] {
                c.refuse_debug_token_method_override(batch_only);
                let e = debug_token_data(&client, &page, &page).await.unwrap_err();
                let info = e.graph_error().unwrap_or_else(|| panic!("{e:?}"));
                assert_eq!(info.code, 100);
                assert!(
                    info.message.contains("must provide an app access token"),
                    "{e:?}"
                );
            }
            // A dead token as its own caller: its 190 is the answer.
            let dead = Secret::new(c.token("revoked"));
            let e = debug_token_data(&client, &dead, &dead).await.unwrap_err();
            assert!(e.token_reason().is_some(), "{e:?}");
        }
    }
}
