//! History, logs, the support report's last error and the clock warning, with the real binary
//! against the Graph simulator over loopback: what a support person reads when a customer calls.

use crate::support;

use support::{Env, collect_files};
use tokenwarden::sim::Fault;
use tokenwarden::sim::scenario::*;

fn fingerprint(env: &Env, name: &str) -> String {
    Env::channel(&env.list_json(), name)["token"]["fingerprint"]
        .as_str()
        .expect("fingerprint")
        .to_string()
}

#[test]
fn history_lists_a_replacement_and_its_rollback() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let old = fingerprint(&env, "Acme Shoes");
    let renewal = env.token("shoes_renewal");
    assert_eq!(env.run(&["renew", "Acme Shoes"], &renewal).code, 0);
    let new = fingerprint(&env, "Acme Shoes");
    assert_eq!(env.run(&["rollback", "Acme Shoes"], "").code, 0);

    let out = env.run(&["history", "Acme Shoes", "--json"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let entries = out.json()["entries"].as_array().unwrap().clone();
    let events: Vec<&str> = entries
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(events, vec!["added", "replaced", "rolled_back"]);
    assert_eq!(entries[1]["old_fingerprint"], old.as_str());
    assert_eq!(entries[1]["new_fingerprint"], new.as_str());
    assert_eq!(entries[2]["from_fingerprint"], new.as_str());
    assert_eq!(entries[2]["to_fingerprint"], old.as_str());
    for e in &entries {
        assert_eq!(e["channel_name"], "Acme Shoes");
        assert!(
            e["at"].as_str().is_some() && e["os_user"].as_str().is_some(),
            "{e}"
        );
    }

    let out = env.run(&["history", "Acme Shoes"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains(&format!("replaced token {old} with {new}")),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("went back from token"),
        "{}",
        out.stdout
    );
    let out = env.run(&["history", "No Such Channel"], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    env.assert_no_secret_leaked();
}

#[test]
fn a_check_that_changes_the_health_is_history_and_one_that_does_not_is_not() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Carol Cafe", "messenger", "carol_cafe");
    assert_eq!(env.run(&["check"], "").code, 0);
    env.control.change_password(CAROL_ID);
    assert_eq!(env.run(&["check"], "").code, 2);
    assert_eq!(env.run(&["check"], "").code, 2);
    let out = env.run(&["history", "Carol Cafe", "--json"], "");
    let entries = out.json()["entries"].as_array().unwrap().clone();
    let events: Vec<&str> = entries
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(events, vec!["added", "health_changed"]);
    assert_eq!(entries[1]["from"], "healthy");
    assert_eq!(entries[1]["to"], "broken");
    assert_eq!(entries[1]["reason_code"], "password_changed");
}

#[test]
fn verbose_logs_say_what_support_needs_and_never_a_token() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.add_channel("Carol Cafe", "messenger", "carol_cafe");
    env.control.change_password(CAROL_ID);
    let out = env.run(&["--verbose", "check"], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("checked"),
        "--verbose logs on stderr: {}",
        out.stderr
    );
    let renewal = env.token("shoes_renewal");
    assert_eq!(
        env.run(&["renew", "--verbose", "Acme Shoes"], &renewal)
            .code,
        0
    );
    // A refused renewal and a bad paste are logged as errors, without the pasted text.
    let garbage_token = env.remember("EAAB-not-a-real-token-but-secret-looking-0123456789");
    let out = env.run(&["renew", "Carol Cafe", "--verbose"], &garbage_token);
    assert_ne!(out.code, 0);
    env.control.set_fault(Fault::RateLimited { code: 4 });
    // Carol's broken Page is still the news (2) although the checks could not be made.
    assert_eq!(env.run(&["check", "-v"], "").code, 2);
    env.control.clear_faults();

    let mut logs = vec![];
    collect_files(&env.profile_dir().join("logs"), &mut logs);
    assert!(!logs.is_empty(), "a log file in the profile's logs/ folder");
    let text: String = logs
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let shoes = fingerprint(&env, "Acme Shoes");
    assert!(text.contains("command=\"check\""), "{text}");
    assert!(text.contains(&shoes), "fingerprints are logged: {text}");
    assert!(
        text.contains("password_changed"),
        "reason codes are logged: {text}"
    );
    assert!(
        text.contains("fbtrace_id="),
        "Meta's trace id of an error is logged: {text}"
    );
    env.assert_no_secret_leaked();
}

#[test]
fn the_support_report_carries_the_last_errors_trace_id_and_no_secret() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.control.set_fault(Fault::RateLimited { code: 4 });
    assert_eq!(env.run(&["check"], "").code, 3);
    env.control.clear_faults();
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let out = env.run(&["export", "--redacted", report.to_str().unwrap()], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(&report).unwrap();
    let saved: serde_json::Value = serde_json::from_str(&text).unwrap();
    let trace = saved["channels"][0]["last_failure"]["graph_error"]["fbtrace_id"]
        .as_str()
        .expect("the last error's fbtrace_id is in the report")
        .to_string();
    for t in env.tokens_used.borrow().iter() {
        assert!(!text.contains(t.as_str()), "the report has no token");
    }
    assert!(
        !text.contains(ACME_APP_SECRET),
        "the report has no app secret"
    );

    let out = env.run(&["inspect", report.to_str().unwrap()], "");
    assert!(
        out.stdout.contains(&trace),
        "inspect shows the trace id: {}",
        out.stdout
    );
    assert!(
        out.stdout.contains(&fingerprint(&env, "Acme Shoes")),
        "{}",
        out.stdout
    );
    let list = env.list_json();
    let out = env.run(&["inspect", report.to_str().unwrap(), "--json"], "");
    let shown = Env::channel(&out.json(), "Acme Shoes").clone();
    let here = Env::channel(&list, "Acme Shoes");
    for key in ["health", "reasons", "checked_at", "token"] {
        assert_eq!(shown[key], here[key], "{key} is the same in the report");
    }
    env.assert_no_secret_leaked();
}

#[test]
fn list_warns_when_the_clock_is_behind_the_last_check() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    assert_eq!(env.run(&["check"], "").code, 0);
    let out = env.run(&["list"], "");
    assert!(!out.stderr.contains("clock"), "{}", out.stderr);
    // As if the computer's clock had been set back by two days since the last check.
    let path = env.profile_dir().join("catalog.json");
    let mut catalog: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let later = chrono::Utc::now() + chrono::Duration::days(2);
    catalog["last_check_at"] = serde_json::json!(later.to_rfc3339());
    std::fs::write(&path, serde_json::to_vec(&catalog).unwrap()).unwrap();
    let out = env.run(&["list"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("before the last check"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("Countdowns"), "{}", out.stderr);
}
