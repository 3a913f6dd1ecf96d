//! The `tokenwarden` command line against the Graph simulator over real HTTP on loopback, with
//! real profile files and the real age vault. Each test reads like what a support person sees.

use crate::support;

use support::{Env, base_command, run_command};
use tokenwarden::sim::Fault;
use tokenwarden::sim::scenario::*;

fn fingerprint_of(list: &serde_json::Value, name: &str) -> String {
    Env::channel(list, name)["token"]["fingerprint"]
        .as_str()
        .expect("fingerprint")
        .to_string()
}

#[test]
fn a_support_person_adds_checks_and_reads_why_in_words() {
    let env = Env::new();
    env.add_acme_app();
    let added = env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    assert_eq!(added["health"], "healthy");
    assert_eq!(added["kind"], "messenger");
    assert_eq!(added["token"]["profile_id"], SHOES_PAGE_ID);
    assert_eq!(added["token"]["check_method"], "debug_token");
    env.add_channel("Carol Cafe", "messenger", "carol_cafe");

    // Carol changes her Facebook password: her Page's token dies.
    env.control.change_password(CAROL_ID);
    let out = env.run(&["check"], "");
    assert_eq!(
        out.code, 2,
        "a broken channel makes check exit 2: {}",
        out.stderr
    );
    assert!(out.stdout.contains("✖ Broken"), "{}", out.stdout);
    assert!(
        out.stdout.contains("password"),
        "the reason is in words: {}",
        out.stdout
    );
    assert!(out.stdout.contains("✔ Healthy"), "{}", out.stdout);
    assert!(out.stdout.contains("1 broken, 1 healthy"), "{}", out.stdout);

    let list = env.list_json();
    let cafe = Env::channel(&list, "Carol Cafe");
    assert_eq!(cafe["health"], "broken");
    assert_eq!(cafe["reasons"][0]["code"], "password_changed");
    assert_eq!(cafe["reasons"][0]["remedy"], "relogin");
    assert_eq!(cafe["token"]["is_valid"], false);
    env.assert_no_secret_leaked();
}

#[test]
fn list_json_follows_the_contract() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let list = env.list_json();
    assert!(list["checked_at"].is_null() || list["checked_at"].is_string());
    let c = Env::channel(&list, "Acme Shoes");
    for key in [
        "id",
        "name",
        "kind",
        "health",
        "reasons",
        "checked_at",
        "token",
    ] {
        assert!(c.get(key).is_some(), "missing {key}: {c:#}");
    }
    for key in [
        "fingerprint",
        "type",
        "app_id",
        "user_id",
        "profile_id",
        "is_valid",
        "issued_at",
        "expires_at",
        "never_expires",
        "data_access_expires_at",
        "scopes",
        "check_method",
    ] {
        assert!(c["token"].get(key).is_some(), "missing token.{key}: {c:#}");
    }
    let fp = c["token"]["fingerprint"].as_str().unwrap();
    assert!(
        fp.starts_with("sha256:") && fp.len() == "sha256:".len() + 12,
        "{fp}"
    );
    assert_eq!(c["token"]["type"], "PAGE");
    assert_eq!(c["token"]["never_expires"], true);
    assert!(
        c["checked_at"].as_str().unwrap().ends_with('Z')
            || c["checked_at"].as_str().unwrap().contains("+00:00")
    );
}

/// Each named simulator token, as the debugger sees it for a channel of `kind`.
fn debug_codes(env: &Env, token_name: &str, kind: &str) -> (i32, Vec<String>) {
    let token = env.token(token_name);
    let out = env.run(
        &["debug", "--app", ACME_APP_ID, "--kind", kind, "--json"],
        &token,
    );
    assert!(out.code != 3, "debug {token_name} failed: {}", out.stderr);
    (out.code, Env::reason_codes(&out.json()))
}

#[test]
fn every_token_state_has_its_reason_and_remedy() {
    let env = Env::new();
    env.add_acme_app();
    let cases = [
        ("travel_expired", "messenger", "expired", 2),
        ("books_expiring", "messenger", "expires_soon", 1),
        ("garden_password", "messenger", "password_changed", 2),
        ("app_removed", "messenger", "app_not_installed", 2),
        ("checkpointed", "messenger", "checkpointed", 2),
        ("unconfirmed", "messenger", "unconfirmed_user", 2),
        ("session_invalidated", "messenger", "session_invalidated", 2),
        ("role_lost", "messenger", "page_role_lost", 2),
        ("revoked", "messenger", "invalid_token", 2),
        ("missing_permission", "messenger", "missing_permission", 2),
        ("webhook_off", "messenger", "webhook_not_subscribed", 1),
        ("ig_data_expired", "instagram", "data_access_expired", 2),
        ("ig_data_soon", "instagram", "data_access_expires_soon", 1),
        ("wrong_app", "messenger", "wrong_app", 2),
        ("shoes_messenger", "messenger", "", 0),
        ("whatsapp_system", "whatsapp", "", 0),
        ("ig_ok", "instagram", "", 0),
    ];
    for (token, kind, code, exit) in cases {
        let (got_exit, codes) = debug_codes(&env, token, kind);
        if code.is_empty() {
            assert!(codes.is_empty(), "{token}: expected healthy, got {codes:?}");
        } else {
            assert_eq!(
                codes.first().map(String::as_str),
                Some(code),
                "{token}: {codes:?}"
            );
        }
        assert_eq!(got_exit, exit, "{token}: exit code");
    }
    // A garbage token is invalid, not a network problem.
    let out = env.run(&["debug", "--json"], &format!("EAA{}", "x".repeat(60)));
    assert_eq!(Env::reason_codes(&out.json()), vec!["invalid_token"]);

    // The plain-words text names what to do.
    let token = env.token("role_lost");
    let out = env.run(
        &["debug", "--app", ACME_APP_ID, "--kind", "messenger"],
        &token,
    );
    assert!(
        out.stdout.contains("no longer has a role"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Valid                False"),
        "{}",
        out.stdout
    );
    env.assert_no_secret_leaked();
}

#[test]
fn another_page_for_the_channel_is_wrong_page() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let before = fingerprint_of(&env.list_json(), "Acme Shoes");
    let bikes = env.token("bikes_page");
    let out = env.run(&["renew", "Acme Shoes", "--json"], &bikes);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("another Page"), "{}", out.stderr);
    // A script reads the same: the channel as it stands, not replaced, and Meta's reason.
    let said = out.json();
    assert_eq!(said["replaced"], false, "{said}");
    assert_eq!(said["token"]["fingerprint"], before.as_str(), "{said}");
    assert_eq!(said["refusal"]["exit_code"], 1, "{said}");
    assert_eq!(
        said["refusal"]["reasons"][0]["code"], "wrong_page",
        "{said}"
    );
}

#[test]
fn renew_refuses_dead_foreign_and_wrong_app_tokens_and_keeps_the_old_one() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let before = fingerprint_of(&env.list_json(), "Acme Shoes");
    let catalog_before = std::fs::read(env.profile_dir().join("catalog.json")).unwrap();

    for (name, words) in [
        ("travel_expired", "expired"),
        ("bikes_page", "another Page"),
        ("wrong_app", "another app"),
        ("missing_permission", "pages_messaging"),
    ] {
        let token = env.token(name);
        let out = env.run(&["renew", "Acme Shoes"], &token);
        assert_eq!(out.code, 1, "{name} must be refused: {}", out.stderr);
        assert!(out.stderr.contains(words), "{name}: {}", out.stderr);
        assert!(out.stderr.contains("Not saved"), "{name}: {}", out.stderr);
    }
    assert_eq!(
        std::fs::read(env.profile_dir().join("catalog.json")).unwrap(),
        catalog_before,
        "a refused renewal changes nothing"
    );
    let out = env.run(&["check", "Acme Shoes", "--json"], "");
    assert_eq!(
        out.code, 0,
        "the channel still works with its old token: {}",
        out.stderr
    );
    assert_eq!(fingerprint_of(&out.json(), "Acme Shoes"), before);
    env.assert_no_secret_leaked();
}

#[test]
fn a_good_token_replaces_and_rollback_restores() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let old = fingerprint_of(&env.list_json(), "Acme Shoes");

    let renewal = env.token("shoes_renewal");
    let out = env.run(
        &["renew", "Acme Shoes", "--json"],
        &format!("  \"{renewal}\"\n"),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let j = out.json();
    assert_eq!(j["replaced"], true);
    assert_eq!(j["health"], "healthy");
    let new = j["token"]["fingerprint"].as_str().unwrap().to_string();
    assert_ne!(new, old);

    // The same token again is refused: nothing to renew.
    let out = env.run(&["renew", "Acme Shoes"], &renewal);
    assert_eq!(out.code, 1, "{}", out.stderr);

    let out = env.run(&["rollback", "Acme Shoes", "--json"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()["token"]["fingerprint"], old.as_str());
    assert_eq!(
        out.json()["health"],
        "healthy",
        "rolled back and checked again"
    );
    // Rollback of a rollback goes forward again.
    let out = env.run(&["rollback", "Acme Shoes", "--json"], "");
    assert_eq!(out.json()["token"]["fingerprint"], new.as_str());
    env.assert_no_secret_leaked();
}

#[test]
fn warnings_need_accept_warnings() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Books", "messenger", "books_expiring");
    let fresh = env.mint_page(BOOKS_PAGE_ID, false);
    env.control
        .set_expires_at(&fresh, Some(chrono::Utc::now().timestamp() + 2 * 86_400));
    let out = env.run(&["renew", "Acme Books"], &fresh);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("--accept-warnings"), "{}", out.stderr);
    let out = env.run(
        &["renew", "Acme Books", "--accept-warnings", "--json"],
        &fresh,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()["health"], "attention");
}

#[test]
fn pasted_variants_are_accepted_and_garbage_changes_nothing() {
    let env = Env::new();
    env.add_acme_app();
    let t = env.token("shoes_messenger");
    let variants = [
        format!("{t}\n"),
        format!("   '{t}'  "),
        format!("Bearer {t}"),
        format!(
            "https://www.facebook.com/connect/login_success.html#access_token={t}&expires_in=0"
        ),
        format!("https://example.com/cb?access_token={t}&state=x"),
        format!("{{\"access_token\":\"{t}\",\"token_type\":\"bearer\"}}"),
    ];
    // The first is saved; the Page can be saved only once, so the others are read by `debug`.
    let out = env.run(
        &[
            "add",
            "--name",
            "Shoes 0",
            "--kind",
            "messenger",
            "--app",
            ACME_APP_ID,
        ],
        &variants[0],
    );
    assert_eq!(out.code, 0, "variant 0 refused: {}", out.stderr);
    for (i, v) in variants.iter().enumerate().skip(1) {
        let out = env.run(&["debug", "--app", ACME_APP_ID, "--kind", "messenger"], v);
        assert_eq!(out.code, 0, "variant {i} refused: {}", out.stderr);
    }
    let catalog = env.profile_dir().join("catalog.json");
    let before = std::fs::read(&catalog).unwrap();
    for garbage in [
        "",
        "   \n",
        "hello world",
        "<html><title>502</title></html>",
        "{\"error\":1}",
        "EAAshort",
    ] {
        let out = env.run(&["add", "--name", "Bad", "--kind", "messenger"], garbage);
        assert!(
            out.code == 1 || out.code == 2,
            "{garbage:?}: exit {}",
            out.code
        );
        assert!(
            out.stderr.len() > 20,
            "{garbage:?} gets a message: {}",
            out.stderr
        );
        let out = env.run(&["renew", "Shoes 0"], garbage);
        assert!(
            out.code == 1 || out.code == 2,
            "{garbage:?}: exit {}",
            out.code
        );
    }
    assert_eq!(
        std::fs::read(&catalog).unwrap(),
        before,
        "bad input changes nothing"
    );
    let out = env.run(&["add", "--name", "X", "--kind", "myspace"], &t);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("messenger"),
        "lists the kinds: {}",
        out.stderr
    );
    env.assert_no_secret_leaked();
}

#[test]
fn network_faults_are_never_called_a_bad_token() {
    let mut env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let faults = [
        (Fault::ServerErrorHtml, "service_error"),
        (Fault::TruncatedJson, "service_error"),
        (Fault::RateLimited { code: 4 }, "rate_limited"),
        (Fault::RateLimited { code: 80006 }, "rate_limited"),
        (Fault::Hang, "network_error"),
    ];
    for (fault, code) in faults {
        env.control.set_fault(fault.clone());
        let out = env.run(&["check", "--json"], "");
        env.control.clear_faults();
        assert_eq!(out.code, 3, "{fault:?}: {}", out.stderr);
        let shoes = Env::channel(&out.json(), "Acme Shoes").clone();
        let codes = Env::reason_codes(&shoes);
        assert!(codes.contains(&code.to_string()), "{fault:?}: {codes:?}");
        assert!(
            !codes.contains(&"invalid_token".to_string()),
            "{fault:?}: {codes:?}"
        );
        assert_eq!(
            shoes["health"], "healthy",
            "{fault:?} keeps the last known health"
        );
    }
    // A fault on the first try only is retried away.
    env.control.fail_next(1, Fault::ServerErrorHtml);
    assert_eq!(env.run(&["check"], "").code, 0);

    env.go_offline();
    let out = env.run(&["check", "--json"], "");
    assert_eq!(out.code, 3);
    let shoes = Env::channel(&out.json(), "Acme Shoes").clone();
    assert_eq!(Env::reason_codes(&shoes), vec!["network_error"]);
    assert_ne!(shoes["health"], "broken");
    let out = env.run(&["check"], "");
    assert!(
        out.stdout.contains("Could not reach Facebook"),
        "{}",
        out.stdout
    );
    env.assert_no_secret_leaked();
}

#[test]
fn list_and_inspect_work_offline_with_countdowns_from_the_clock() {
    let mut env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Books", "messenger", "books_expiring");
    let short = env.mint_page(SHOES_PAGE_ID, false);
    // Long enough for `add` to validate it on a busy machine, short enough to wait out.
    let expires_at = chrono::Utc::now().timestamp() + 10;
    env.control.set_expires_at(&short, Some(expires_at));
    let out = env.run(
        &[
            "add",
            "--name",
            "Soon Gone",
            "--kind",
            "messenger",
            "--app",
            ACME_APP_ID,
        ],
        &short,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report = env
        .profile_dir()
        .join("..")
        .join(format!("report-{}.json", std::process::id()));
    let out = env.run(&["export", "--redacted", report.to_str().unwrap()], "");
    assert_eq!(out.code, 0, "{}", out.stderr);

    env.go_offline();
    // Offline now; wait until the saved expiry has passed by the clock.
    while chrono::Utc::now().timestamp() <= expires_at {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let out = env.run(&["list"], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stdout.contains("expires in 2 days"), "{}", out.stdout);
    let list = env.list_json();
    let gone = Env::channel(&list, "Soon Gone");
    assert_eq!(
        gone["health"], "broken",
        "expired since the last check, by the clock"
    );
    assert_eq!(gone["reasons"][0]["code"], "expired");
    assert_eq!(Env::channel(&list, "Acme Books")["health"], "attention");

    let out = env.run(&["inspect", report.to_str().unwrap()], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stdout.contains("Report from"), "{}", out.stdout);
    assert!(
        out.stdout.contains("expired") && out.stdout.contains("Soon Gone"),
        "{}",
        out.stdout
    );
    let text = std::fs::read_to_string(&report).unwrap();
    for t in env.tokens_used.borrow().iter() {
        assert!(!text.contains(t.as_str()), "the report has no token");
    }
    assert!(!text.contains(ACME_APP_SECRET));
    assert!(text.contains("sha256:"), "fingerprints are in the report");
    let _ = std::fs::remove_file(&report);
    env.assert_no_secret_leaked();
}

#[test]
fn two_processes_adding_and_renewing_lose_no_change() {
    let env = Env::new();
    env.add_acme_app();
    // Every channel watches its own Page (or its own kind on a Page): twins are refused.
    let mut targets = vec![];
    for page in CAROL_PAGES {
        targets.push((CAROL_ID, page, "facebook_page"));
    }
    for page in [SHOES_PAGE_ID, BOOKS_PAGE_ID, GARDEN_PAGE_ID] {
        targets.push((ALICE_ID, page, "facebook_page"));
        targets.push((ALICE_ID, page, "messenger"));
    }
    targets.push((BOB_ID, BIKES_PAGE_ID, "facebook_page"));
    targets.push((BOB_ID, BIKES_PAGE_ID, "messenger"));
    let each = targets.len() / 2;
    let mint = |user: &str, page: &str| {
        let t =
            env.control
                .mint_page_token(user, page, ACME_APP_ID, true, &support::MESSENGER_SCOPES);
        env.remember(&t)
    };
    let mut expected = vec![];
    let mut plans = vec![];
    for (side, half) in ["a", "b"].into_iter().zip(targets.chunks(each)) {
        let mut plan = vec![];
        for (i, &(user, page, kind)) in half.iter().enumerate() {
            let first = mint(user, page);
            let second = mint(user, page);
            let name = format!("{side}-{i}");
            expected.push((
                name.clone(),
                tokenwarden::model::secret::fingerprint_of(&second),
            ));
            plan.push((name, kind, first, second));
        }
        plans.push(plan);
    }
    let (profile, url) = (env.profile_dir().to_path_buf(), env.base_url.clone());
    std::thread::scope(|s| {
        for plan in &plans {
            let (profile, url) = (&profile, &url);
            let cmd = move |args: &[&str]| base_command(profile, url, args);
            s.spawn(move || {
                for (name, kind, first, second) in plan {
                    let out = run_command(
                        cmd(&["add", "--name", name, "--kind", kind, "--app", ACME_APP_ID]),
                        first,
                    );
                    assert_eq!(out.code, 0, "add {name}: {}", out.stderr);
                    let out = run_command(cmd(&["renew", name]), second);
                    assert_eq!(out.code, 0, "renew {name}: {}", out.stderr);
                }
            });
        }
    });
    let list = env.list_json();
    assert_eq!(list["channels"].as_array().unwrap().len(), 2 * each);
    for (name, fp) in expected {
        assert_eq!(
            fingerprint_of(&list, &name),
            fp,
            "{name} has its last token"
        );
    }
    env.assert_no_secret_leaked();
}

#[test]
fn without_the_app_secret_the_check_falls_back_to_a_self_probe() {
    let env = Env::new();
    let t = env.token("shoes_messenger");
    let out = env.run(
        &["add", "--name", "Shoes", "--kind", "messenger", "--json"],
        &t,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let j = out.json();
    assert_eq!(j["token"]["check_method"], "self_probe");
    assert_eq!(
        j["token"]["expires_at"],
        serde_json::Value::Null,
        "unknown, not invented"
    );
    assert_eq!(j["token"]["profile_id"], SHOES_PAGE_ID);
    assert_eq!(j["health"], "healthy");
}

#[test]
fn calls_with_a_known_secret_carry_a_valid_appsecret_proof() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.control.clear_requests();
    assert_eq!(env.run(&["check"], "").code, 0);
    let reqs = env.control.requests();
    let signed: Vec<_> = reqs
        .iter()
        .filter(|r| r.path.ends_with("/subscribed_apps"))
        .collect();
    assert!(!signed.is_empty(), "the webhook was checked: {reqs:?}");
    assert!(
        signed.iter().all(|r| r.appsecret_proof_valid == Some(true)),
        "{signed:?}"
    );
}

#[test]
fn a_wrong_app_secret_is_refused_and_not_saved() {
    let env = Env::new();
    let out = env.run(
        &[
            "app",
            "add",
            "--id",
            ACME_APP_ID,
            "--name",
            "Acme",
            "--secret-stdin",
        ],
        "0123456789abcdef0123456789abcdef",
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("did not accept this app secret"),
        "{}",
        out.stderr
    );
    assert!(!env.profile_dir().join("vault.age").exists());
}

#[test]
fn a_wrong_vault_passphrase_changes_nothing() {
    let mut env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let vault = std::fs::read(env.profile_dir().join("vault.age")).unwrap();
    let catalog = std::fs::read(env.profile_dir().join("catalog.json")).unwrap();
    env.extra_env.push((
        "TOKENWARDEN_VAULT_PASSPHRASE".into(),
        "not the passphrase".into(),
    ));
    let t = env.token("shoes_renewal");
    let out = env.run(&["renew", "Acme Shoes"], &t);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.stderr.to_lowercase().contains("passphrase"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read(env.profile_dir().join("vault.age")).unwrap(),
        vault
    );
    assert_eq!(
        std::fs::read(env.profile_dir().join("catalog.json")).unwrap(),
        catalog
    );
}

#[test]
fn an_unreachable_keychain_says_so_and_names_the_vault() {
    let env = Env::new();
    let t = env.token("shoes_messenger");
    let mut cmd = env.command(&["add", "--name", "Shoes", "--kind", "messenger"]);
    cmd.env("TOKENWARDEN_SECRETS", "keyring").env(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/tokenwarden-test-bus",
    );
    let out = run_command(cmd, &t);
    if out.code == 0 {
        // macOS / Windows: the native store does not use D-Bus; nothing to prove here.
        return;
    }
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.stderr.contains("TOKENWARDEN_SECRETS=vault"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("invalid"), "{}", out.stderr);
    let catalog =
        std::fs::read_to_string(env.profile_dir().join("catalog.json")).unwrap_or_default();
    assert!(!catalog.contains(&t), "never falls back to clear text");
    assert!(!catalog.contains("Shoes"), "nothing was saved");
}

#[test]
fn plain_http_to_another_host_is_refused() {
    let mut env = Env::new();
    env.add_acme_app();
    env.extra_env.push((
        "TOKENWARDEN_GRAPH_URL".into(),
        "http://graph.example.com".into(),
    ));
    let out = env.run(&["check"], "");
    assert_eq!(out.code, 3);
    assert!(
        out.stderr.contains("only for this computer"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_system_keychain_holds_the_tokens_and_the_profile_holds_none() {
    let required = std::env::var("TOKENWARDEN_TEST_KEYRING").as_deref() == Ok("required");
    let mut env = Env::new();
    env.extra_env
        .push(("TOKENWARDEN_SECRETS".into(), "keyring".into()));
    let out = env.run(
        &[
            "app",
            "add",
            "--id",
            ACME_APP_ID,
            "--name",
            "Acme Support",
            "--secret-stdin",
        ],
        ACME_APP_SECRET,
    );
    if out.code == 3 && out.stderr.contains("not available") && !required {
        eprintln!("skipped: no system keychain here ({})", out.stderr.trim());
        return;
    }
    assert_eq!(out.code, 0, "{}", out.stderr);
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let renewal = env.token("shoes_renewal");
    assert_eq!(env.run(&["renew", "Acme Shoes"], &renewal).code, 0);
    let out = env.run(&["check", "--json"], "");
    assert_eq!(
        out.code, 0,
        "the token read back from the keychain works: {}",
        out.stderr
    );
    assert_eq!(env.run(&["rollback", "Acme Shoes"], "").code, 0);
    assert!(
        !env.profile_dir().join("vault.age").exists(),
        "the keychain, not the vault, was used"
    );
    env.assert_no_secret_leaked();
}

#[test]
fn a_reader_that_goes_away_ends_list_quietly() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let mut child = env
        .command(&["list"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("list starts");
    // Like `tokenwarden list | head -0`: the reader is gone before anything is printed.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("list ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

// ---- The everyday lifecycle (issue 10): exit codes, honest rows, twins, remove and rename ----

#[test]
fn a_broken_channel_is_the_news_even_when_other_checks_fail() {
    let mut env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.add_channel("Acme Books", "messenger", "books_expiring");
    // Only attention (Books expires in 2 days) and healthy: 1.
    assert_eq!(env.run(&["check"], "").code, 1);
    env.add_channel("Carol Cafe", "messenger", "carol_cafe");
    env.control.change_password(CAROL_ID);
    assert_eq!(env.run(&["check"], "").code, 2);

    // Facebook unreachable: every check fails, but Carol's broken Page is still the news.
    env.go_offline();
    let out = env.run(&["check"], "");
    assert_eq!(
        out.code, 2,
        "broken wins over a failed check: {}",
        out.stderr
    );
    let out = env.run(&["list"], "");
    assert_eq!(out.code, 2, "list agrees with check: {}", out.stdout);
}

#[test]
fn a_failed_check_outranks_needs_attention_and_list_remembers_it() {
    let mut env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Books", "messenger", "books_expiring");
    assert_eq!(env.run(&["list"], "").code, 1, "needs attention");
    env.go_offline();
    let out = env.run(&["check"], "");
    assert_eq!(out.code, 3, "the check could not be made: {}", out.stderr);
    let out = env.run(&["list"], "");
    assert_eq!(out.code, 3, "the last check failed: {}", out.stdout);
}

#[test]
fn a_broken_row_says_what_is_wrong_instead_of_a_countdown() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Books", "messenger", "books_expiring");
    let out = env.run(&["list"], "");
    assert!(out.stdout.contains("expires in 2 days"), "{}", out.stdout);

    // The Page lost a permission: the token still "expires in 2 days", but that is not the news.
    env.control
        .remove_scope(&env.token("books_expiring"), "pages_messaging");
    let out = env.run(&["check"], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    let row = out
        .stdout
        .lines()
        .find(|l| l.contains("Acme Books"))
        .unwrap_or_else(|| panic!("no row for Acme Books:\n{}", out.stdout))
        .to_string();
    assert!(row.contains("✖ Broken"), "{row}");
    assert!(row.contains("permission missing"), "{row}");
    assert!(!row.contains("expires in"), "{row}");
}

#[test]
fn a_channel_whose_last_check_failed_says_so_and_when() {
    let mut env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.go_offline();
    assert_eq!(env.run(&["check"], "").code, 3);
    let out = env.run(&["list"], "");
    let row = out
        .stdout
        .lines()
        .find(|l| l.contains("Acme Shoes"))
        .unwrap_or_else(|| panic!("no row for Acme Shoes:\n{}", out.stdout))
        .to_string();
    assert!(row.contains("failed just now"), "{row}");
    assert!(row.contains("Could not reach Facebook"), "{row}");
}

#[test]
fn adding_a_page_that_is_already_saved_is_refused_and_names_the_channel_to_renew() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let vault = std::fs::read(env.profile_dir().join("vault.age")).unwrap();

    // The same Page's newer token, added under another name: surely meant as a renewal.
    let newer = env.token("shoes_renewal");
    let out = env.run(
        &[
            "add",
            "--name",
            "Shoes Messenger",
            "--kind",
            "messenger",
            "--app",
            ACME_APP_ID,
        ],
        &newer,
    );
    assert_eq!(out.code, 1, "refused: {}", out.stderr);
    assert!(out.stderr.contains("\"Acme Shoes\""), "{}", out.stderr);
    assert!(
        out.stderr.contains("tokenwarden renew \"Acme Shoes\""),
        "{}",
        out.stderr
    );
    let list = env.list_json();
    assert_eq!(list["channels"].as_array().unwrap().len(), 1);
    assert_eq!(
        std::fs::read(env.profile_dir().join("vault.age")).unwrap(),
        vault,
        "no token was stored for the refused twin"
    );

    // Another kind of channel on the same Page is not a twin.
    let out = env.run(
        &[
            "add",
            "--name",
            "Acme Shoes Page",
            "--kind",
            "facebook_page",
            "--app",
            ACME_APP_ID,
        ],
        &newer,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    env.assert_no_secret_leaked();
}

/// The names of the secret-store entries of a channel's current and previous tokens.
fn secret_entries(env: &Env, name: &str) -> Vec<tokenwarden::model::SecretRef> {
    let profile = tokenwarden::store::Profile::resolve(Some(env.profile_dir().into())).unwrap();
    let catalog = tokenwarden::store::CatalogFile::new(&profile)
        .load()
        .unwrap();
    let c = catalog.channel(name).expect("the channel is saved");
    std::iter::once(&c.token)
        .chain(c.previous_token.as_ref())
        .map(|t| t.secret.clone())
        .collect()
}

/// Whether the profile's vault still holds an entry (opened with the test passphrase).
fn vault_holds(env: &Env, entry: &tokenwarden::model::SecretRef) -> bool {
    use tokenwarden::store::SecretStore;
    let profile = tokenwarden::store::Profile::resolve(Some(env.profile_dir().into())).unwrap();
    let vault = tokenwarden::store::VaultStore::open(
        &profile,
        tokenwarden::model::Secret::new(support::PASSPHRASE),
    )
    .unwrap();
    vault.get(entry).is_ok()
}

#[test]
fn removing_a_channel_deletes_its_tokens_but_keeps_its_history() {
    let env = Env::new();
    env.add_acme_app();
    let added = env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let id = added["id"].as_str().unwrap().to_string();
    let renewal = env.token("shoes_renewal");
    assert_eq!(env.run(&["renew", "Acme Shoes"], &renewal).code, 0);
    let entries = secret_entries(&env, "Acme Shoes");
    assert_eq!(entries.len(), 2, "the current and the previous token");
    assert!(entries.iter().all(|e| vault_holds(&env, e)));

    // A script (no terminal) must say --yes: nothing is removed without it.
    let out = env.run(&["remove", "Acme Shoes"], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("--yes"), "{}", out.stderr);
    assert_eq!(env.list_json()["channels"].as_array().unwrap().len(), 1);

    let out = env.run(&["remove", "Acme Shoes", "--yes", "--json"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let removed = out.json();
    assert_eq!(removed["removed"], true);
    assert_eq!(removed["id"], id.as_str());
    assert_eq!(removed["tokens_deleted"].as_array().unwrap().len(), 2);
    assert!(env.list_json()["channels"].as_array().unwrap().is_empty());
    for e in &entries {
        assert!(!vault_holds(&env, e), "{e:?} is still in the vault");
    }
    // Nothing to roll back to any more.
    assert_eq!(env.run(&["rollback", "Acme Shoes"], "").code, 2);

    // The history still answers, by name and by id, and ends with the removal.
    for selector in ["Acme Shoes", id.as_str()] {
        let out = env.run(&["history", selector], "");
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(out.stdout.contains("added the channel"), "{}", out.stdout);
        let last = out.stdout.lines().last().unwrap_or_default();
        assert!(last.contains("removed the channel"), "{}", out.stdout);
    }
    let out = env.run(&["history", &id, "--json"], "");
    let entries = out.json()["entries"].as_array().unwrap().clone();
    assert_eq!(entries.last().unwrap()["event"], "removed");
    env.assert_no_secret_leaked();
}

#[test]
fn removing_an_unknown_channel_says_so_and_changes_nothing() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let out = env.run(&["remove", "Acme Boots", "--yes"], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("tokenwarden list"), "{}", out.stderr);
    assert_eq!(env.list_json()["channels"].as_array().unwrap().len(), 1);
}

#[test]
fn renaming_a_channel_keeps_its_token_and_history_and_refuses_a_taken_name() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.add_channel("Acme Books", "messenger", "books_expiring");
    let before = fingerprint_of(&env.list_json(), "Acme Shoes");

    let out = env.run(&["rename", "Acme Shoes", "Acme Books"], "");
    assert_eq!(out.code, 2, "a taken name is refused: {}", out.stderr);
    assert!(out.stderr.contains("Acme Books"), "{}", out.stderr);
    let out = env.run(&["rename", "Acme Shoes", "   "], "");
    assert_eq!(out.code, 2, "an empty name is refused: {}", out.stderr);

    let out = env.run(&["rename", "Acme Shoes", "Shoes Messenger", "--json"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()["renamed_from"], "Acme Shoes");
    let list = env.list_json();
    assert_eq!(fingerprint_of(&list, "Shoes Messenger"), before);
    assert!(
        list["channels"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["name"] != "Acme Shoes")
    );
    let out = env.run(&["history", "Shoes Messenger"], "");
    assert!(out.stdout.contains("added the channel"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("renamed the channel from \"Acme Shoes\" to \"Shoes Messenger\""),
        "{}",
        out.stdout
    );
    // The new name works everywhere a channel is named.
    assert_eq!(env.run(&["check", "Shoes Messenger"], "").code, 0);
}

#[test]
fn an_app_in_use_cannot_be_removed_and_a_free_one_takes_its_secret_along() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");

    let out = env.run(&["app", "remove", ACME_APP_ID, "--yes"], "");
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("\"Acme Shoes\""), "{}", out.stderr);
    let secret = tokenwarden::model::SecretRef::app_secret(ACME_APP_ID);
    assert!(vault_holds(&env, &secret));

    let out = env.run(&["app", "rename", ACME_APP_ID, "Acme Helpdesk"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Acme Helpdesk"), "{}", out.stdout);
    let catalog = std::fs::read_to_string(env.profile_dir().join("catalog.json")).unwrap();
    assert!(catalog.contains("Acme Helpdesk"), "{catalog}");

    assert_eq!(env.run(&["remove", "Acme Shoes", "--yes"], "").code, 0);
    let out = env.run(&["app", "remove", ACME_APP_ID], "");
    assert_eq!(out.code, 2, "no terminal, no --yes: {}", out.stderr);
    assert!(vault_holds(&env, &secret));
    let out = env.run(&["app", "remove", ACME_APP_ID, "--yes"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!vault_holds(&env, &secret), "the app secret left the vault");
    let catalog = std::fs::read_to_string(env.profile_dir().join("catalog.json")).unwrap();
    assert!(!catalog.contains(ACME_APP_ID), "{catalog}");
    env.assert_no_secret_leaked();
}

/// Runs `tokenwarden ARGS` on a pseudo-terminal (util-linux `script`), typing `typed`.
#[cfg(target_os = "linux")]
fn run_on_terminal(env: &Env, args: &str, typed: &str) -> Option<support::Output> {
    let bin = env!("CARGO_BIN_EXE_tokenwarden");
    let mut c = std::process::Command::new("script");
    c.args(["-qec", &format!("'{bin}' {args}"), "/dev/null"])
        .env("TOKENWARDEN_PROFILE", env.profile_dir())
        .env("TOKENWARDEN_GRAPH_URL", &env.base_url)
        .env("TOKENWARDEN_SECRETS", "vault")
        .env("TOKENWARDEN_VAULT_PASSPHRASE", support::PASSPHRASE)
        .env("TOKENWARDEN_VAULT_WORK_FACTOR", "12")
        .env("TOKENWARDEN_LANG", "en")
        .env("NO_COLOR", "1");
    // No `script` here: nothing to prove on this machine.
    std::process::Command::new("script")
        .arg("--version")
        .output()
        .ok()?;
    Some(run_command(c, typed))
}

#[cfg(target_os = "linux")]
#[test]
fn removing_on_a_terminal_asks_and_only_yes_removes() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let Some(out) = run_on_terminal(&env, "remove 'Acme Shoes'", "n\n") else {
        return;
    };
    assert!(
        out.stdout
            .contains("Remove \"Acme Shoes\" (Messenger)? Its token is deleted from this computer; its history stays. [y/N]"),
        "{}",
        out.stdout
    );
    assert_eq!(out.code, 1, "a no changes nothing: {}", out.stdout);
    assert_eq!(env.list_json()["channels"].as_array().unwrap().len(), 1);

    let out = run_on_terminal(&env, "remove 'Acme Shoes'", "y\n").unwrap();
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout.contains("Removed \"Acme Shoes\""),
        "{}",
        out.stdout
    );
    assert!(env.list_json()["channels"].as_array().unwrap().is_empty());
}

#[test]
fn a_script_reads_what_app_add_rename_and_remove_did() {
    let env = Env::new();
    let add = [
        "app",
        "add",
        "--id",
        ACME_APP_ID,
        "--name",
        "Acme Support",
        "--secret-stdin",
        "--json",
    ];
    let out = env.run(&add, ACME_APP_SECRET);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let said = out.json();
    assert_eq!(said["id"], ACME_APP_ID, "{said}");
    assert_eq!(said["has_secret"], true, "{said}");
    assert!(!out.stdout.contains(ACME_APP_SECRET), "{}", out.stdout);

    let out = env.run(
        &["app", "rename", ACME_APP_ID, "Acme Helpdesk", "--json"],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let said = out.json();
    assert_eq!(said["name"], "Acme Helpdesk", "{said}");
    assert_eq!(said["renamed_from"], "Acme Support", "{said}");

    let out = env.run(&["app", "remove", ACME_APP_ID, "--yes", "--json"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let said = out.json();
    assert_eq!(said["removed"], true, "{said}");
    assert_eq!(said["name"], "Acme Helpdesk", "{said}");
}
