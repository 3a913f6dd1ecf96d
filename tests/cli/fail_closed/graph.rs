//! Fail-closed tests: graph. Secrets never ride in a URL (the simulator records every request's
//! raw URI), `debug_token` falls back from Graph's method override to a batch and never to a
//! query string, redirects are not followed, answers are read with a size cap, and an id that is
//! not an id stops a request before it is sent.

use std::time::{Duration, Instant};

use serde_json::Value;
use tokenwarden::sim::scenario::*;
use tokenwarden::sim::{Fault, RecordedRequest};

use crate::support::Env;

/// Query parameters that would be a secret in a URL.
const SECRET_KEYS: &[&str] = &[
    "access_token=",
    "input_token=",
    "client_secret=",
    "fb_exchange_token=",
    "code=",
    "batch=",
];

/// Every recorded URI is free of tokens, the app secret and secret parameter names.
fn assert_no_secret_in_any_uri(env: &Env, reqs: &[RecordedRequest]) {
    assert!(!reqs.is_empty(), "nothing was recorded");
    let app_token = format!("{ACME_APP_ID}|{ACME_APP_SECRET}");
    let tokens = env.tokens_used.borrow();
    for r in reqs {
        let uri = r.uri.to_ascii_lowercase();
        for key in SECRET_KEYS {
            assert!(!uri.contains(key), "{key} in the URL {}", r.uri);
        }
        assert!(
            !r.uri.contains(ACME_APP_SECRET),
            "the app secret in {}",
            r.uri
        );
        assert!(
            !r.uri.contains(&app_token) && !r.uri.contains(&app_token.replace('|', "%7C")),
            "the app token in {}",
            r.uri
        );
        for t in tokens.iter() {
            assert!(!r.uri.contains(t.as_str()), "a token in {}", r.uri);
        }
    }
}

/// The one channel of a `check --json` / `list --json`.
fn only_channel(out: &Value) -> &Value {
    let channels = out["channels"].as_array().expect("channels");
    assert_eq!(channels.len(), 1, "{out:#}");
    &channels[0]
}

fn debug_token_ops(reqs: &[RecordedRequest]) -> (usize, usize) {
    let direct = reqs
        .iter()
        .filter(|r| r.path == "/debug_token" && !r.in_batch)
        .count();
    let batched = reqs
        .iter()
        .filter(|r| r.path == "/debug_token" && r.in_batch)
        .count();
    (direct, batched)
}

#[test]
fn adding_checking_renewing_and_exchanging_put_no_secret_in_any_url() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let out = env.run(&["check", "--json"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = env.run(
        &["debug", "--app", ACME_APP_ID, "--json"],
        &env.token("ig_ok"),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    // A short login: exchanged for a long-lived one with the app secret, then the Page's token.
    let out = env.run(
        &["renew", "Acme Shoes", "--json"],
        &env.token("alice_user_short"),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()["derived_from"], "user_token");
    let out = env.run(&["rollback", "Acme Shoes"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);

    let reqs = env.control.requests();
    assert_no_secret_in_any_uri(&env, &reqs);
    let has = |method: &str, path: &str| reqs.iter().any(|r| r.method == method && r.path == path);
    assert!(
        has("POST", "/oauth/access_token"),
        "secret and exchange by form POST"
    );
    assert!(has("GET", "/me/accounts") && has("GET", "/debug_token"));
    // Calls made with the channel's token are still signed.
    assert!(reqs.iter().any(|r| r.appsecret_proof_valid == Some(true)));
    env.assert_no_secret_leaked();
}

#[test]
fn when_graph_refuses_the_method_override_the_check_uses_a_batch_and_still_works() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.add_channel("Acme Books", "messenger", "books_expiring");
    env.control.refuse_debug_token_method_override(true);
    env.control.clear_requests();

    let out = env.run(&["check", "--json"], "");
    assert_eq!(out.code, 1, "Books expires soon: {}", out.stderr);
    let list = out.json();
    let shoes = Env::channel(&list, "Acme Shoes");
    assert_eq!(shoes["health"], "healthy", "{shoes:#}");
    assert_eq!(shoes["token"]["check_method"], "debug_token");
    assert_eq!(shoes["token"]["profile_id"], SHOES_PAGE_ID);
    let books = Env::channel(&list, "Acme Books");
    assert_eq!(Env::reason_codes(books), vec!["expires_soon"]);

    let reqs = env.control.requests();
    assert_no_secret_in_any_uri(&env, &reqs);
    // One refused probe for the whole run, then every check straight through a batch.
    assert_eq!(debug_token_ops(&reqs), (1, 2), "{reqs:#?}");
    assert_eq!(
        reqs.iter()
            .filter(|r| r.method == "POST" && r.path == "/")
            .count(),
        2
    );
    env.assert_no_secret_leaked();
}

#[test]
fn when_graph_refuses_both_safe_ways_the_check_fails_and_nothing_changes() {
    let env = Env::new();
    env.add_acme_app();
    let added = env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.control.refuse_debug_token_method_override(true);
    env.control.refuse_debug_token_in_batch(true);
    env.control.clear_requests();

    let out = env.run(&["check", "--json"], "");
    assert_eq!(out.code, 3, "{}", out.stderr);
    let j = out.json();
    let shoes = only_channel(&j);
    assert_eq!(Env::reason_codes(shoes), vec!["service_error"], "{shoes:#}");
    assert_eq!(shoes["health"], "healthy", "the last known health stays");
    assert_eq!(shoes["token"]["fingerprint"], added["token"]["fingerprint"]);
    let message = shoes["reasons"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("web address"), "{message}");
    let out = env.run(&["check"], "");
    assert_eq!(out.code, 3);
    assert!(
        format!("{}{}", out.stdout, out.stderr).contains("web address"),
        "{}\n{}",
        out.stdout,
        out.stderr
    );

    // A renewal cannot be validated, so the old token stays.
    let catalog = std::fs::read(env.profile_dir().join("catalog.json")).unwrap();
    let fresh = env.mint_page(SHOES_PAGE_ID, true);
    let out = env.run(&["renew", "Acme Shoes"], &fresh);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(out.stderr.contains("web address"), "{}", out.stderr);
    let out = env.run(
        &["add", "--name", "Books", "--kind", "messenger"],
        &env.token("books_expiring"),
    );
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert_eq!(
        std::fs::read(env.profile_dir().join("catalog.json")).unwrap(),
        catalog,
        "nothing saved"
    );
    let reqs = env.control.requests();
    assert_no_secret_in_any_uri(&env, &reqs);
    assert!(
        reqs.iter().all(|r| !r.uri.contains('?')),
        "every try was a POST: {reqs:#?}"
    );
    env.assert_no_secret_leaked();
}

#[test]
fn a_redirect_is_not_followed_and_the_channel_stays_as_it_was() {
    let env = Env::new();
    env.add_acme_app();
    let added = env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.control.set_fault(Fault::Redirect);

    let out = env.run(&["check", "--json"], "");
    assert_eq!(out.code, 3, "{}", out.stderr);
    let j = out.json();
    let shoes = only_channel(&j);
    assert_eq!(Env::reason_codes(shoes), vec!["service_error"], "{shoes:#}");
    assert_eq!(shoes["health"], "healthy");
    assert_eq!(shoes["token"]["fingerprint"], added["token"]["fingerprint"]);

    let fresh = env.mint_page(SHOES_PAGE_ID, true);
    let out = env.run(&["renew", "Acme Shoes", "--json"], &fresh);
    assert_eq!(out.code, 3, "{}", out.stderr);
    env.control.clear_faults();
    let list = env.list_json();
    assert_eq!(
        only_channel(&list)["token"]["fingerprint"],
        added["token"]["fingerprint"],
        "the old token is still in use"
    );
    let reqs = env.control.requests();
    assert!(
        reqs.iter().all(|r| !r.uri.starts_with("/__sim/redirected")),
        "the redirect target was never asked: {reqs:#?}"
    );
    env.assert_no_secret_leaked();
}

#[test]
fn a_huge_or_endless_answer_is_a_service_error_not_a_long_wait() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    for fault in [Fault::HugeBody, Fault::EndlessBody] {
        env.control.set_fault(fault.clone());
        env.control.clear_requests();
        let started = Instant::now();
        let out = env.run(&["check", "--json"], "");
        let took = started.elapsed();
        env.control.clear_faults();
        assert_eq!(out.code, 3, "{fault:?}: {}", out.stderr);
        let j = out.json();
        let shoes = only_channel(&j);
        // Not a timeout (network_error): the client stopped at the cap, and did not retry.
        assert_eq!(
            Env::reason_codes(shoes),
            vec!["service_error"],
            "{fault:?}: {shoes:#}"
        );
        assert_eq!(shoes["health"], "healthy");
        assert_eq!(env.control.requests().len(), 1, "{fault:?}");
        assert!(took < Duration::from_secs(20), "{fault:?} took {took:?}");
    }
}

#[test]
fn a_page_id_that_is_not_an_id_stops_the_check_before_anything_is_sent() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    // An edited catalog (or a restored old backup) with a Page "id" that would steer the call.
    let path = env.profile_dir().join("catalog.json");
    let mut catalog: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    for odd in ["500001/subscribed_apps?x=", "../me/accounts", "500001#x"] {
        catalog["channels"][0]["page_id"] = Value::from(odd);
        std::fs::write(&path, serde_json::to_vec_pretty(&catalog).unwrap()).unwrap();
        env.control.clear_requests();
        let out = env.run(&["check", "--json"], "");
        assert!(out.code >= 2, "{odd}: {}", out.stderr);
        let j = out.json();
        let shoes = only_channel(&j);
        assert!(
            Env::reason_codes(shoes).contains(&"service_error".to_string()),
            "{odd}: {shoes:#}"
        );
        assert!(
            shoes.to_string().contains("not a Facebook id"),
            "{odd}: {shoes:#}"
        );
        assert_eq!(env.control.requests(), vec![], "{odd}: nothing was sent");
    }
}

/// Text from Facebook or from a file reaches the terminal without control characters.
#[test]
fn names_and_messages_from_outside_cannot_drive_the_terminal() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    // Facebook (or something in between) answers with a terminal escape in its error message.
    env.control.set_fault(Fault::Answer {
        path: "debug_token".into(),
        status: 200,
        body: r#"{"data":{"is_valid":false,"scopes":[],"error":{"code":190,"message":"Session gone\u001b[2J\u001b]0;owned\u0007 log in"}}}"#.into(),
    });
    let out = env.run(&["check", "Acme Shoes"], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    let shown = format!("{}{}", out.stdout, out.stderr);
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "{shown:?}"
    );
    // The facts are saved with the message, made inert (shown later in the details).
    let catalog = std::fs::read_to_string(env.profile_dir().join("catalog.json")).unwrap();
    assert!(
        catalog.contains("Session gone[2J]0;owned log in"),
        "the message is kept, inert: {catalog}"
    );
    env.control.clear_faults();

    // A support report from another machine with a crafted channel name.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.json");
    let out = env.run(&["export", "--redacted", file.to_str().unwrap()], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(&file).unwrap();
    let crafted = text.replace("\"Acme Shoes\"", "\"Acme\\u001b[31m\\r\\nShoes\"");
    assert_ne!(text, crafted, "the name was in the report");
    std::fs::write(&file, crafted).unwrap();
    let out = env.run(&["inspect", file.to_str().unwrap()], "");
    let shown = format!("{}{}", out.stdout, out.stderr);
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\r'),
        "{shown:?}"
    );
    assert!(shown.contains("Acme[31m"), "{shown}");
}
