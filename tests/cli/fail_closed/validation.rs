//! Fail-closed tests: validation. A replacement (renew, add, restore, rollback) is saved only on
//! Meta's positive facts; an answer that confirms nothing, a backup that cannot be believed, a
//! previous token that no longer works or is gone, and a change made meanwhile by someone else
//! all leave the channel exactly as it was.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokenwarden::model::{Secret, SecretRef};
use tokenwarden::sim::Fault;
use tokenwarden::sim::scenario::*;
use tokenwarden::store::{CatalogFile, Profile, SecretStore, VaultStore};

use crate::support::{self, Env, MESSENGER_SCOPES, Output, PASSPHRASE};

const BACKUP_PW: &str = "a long backup passphrase";

fn fingerprint(env: &Env, name: &str) -> String {
    fingerprint_in(&env.list_json(), name)
}

fn fingerprint_in(list: &Value, name: &str) -> String {
    Env::channel(list, name)["token"]["fingerprint"]
        .as_str()
        .expect("fingerprint")
        .to_string()
}

fn events(env: &Env, profile: &Path, name: &str) -> Vec<String> {
    let out = env.run_in(profile, &["history", name, "--json"], "", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.json()["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["event"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// A debugger answer for the Shoes Page token of the Acme app, as Meta sends it, with `edit`
/// applied: a fact taken away or sent in a shape we do not understand.
fn shoes_answer(edit: impl Fn(&mut serde_json::Map<String, Value>)) -> String {
    let mut data = json!({
        "app_id": ACME_APP_ID,
        "type": "PAGE",
        "application": ACME_APP_NAME,
        "expires_at": 0,
        "is_valid": true,
        "profile_id": SHOES_PAGE_ID,
        "user_id": ALICE_ID,
        "scopes": MESSENGER_SCOPES,
        "granular_scopes": MESSENGER_SCOPES
            .iter()
            .map(|s| json!({"scope": s, "target_ids": [SHOES_PAGE_ID]}))
            .collect::<Vec<_>>(),
    });
    if let Some(map) = data.as_object_mut() {
        edit(map);
    }
    json!({ "data": data }).to_string()
}

/// Answers that do not confirm the token: nothing, no app, the app in a wrong shape, no Page,
/// validity as text.
fn unconfirming_answers() -> Vec<(&'static str, String)> {
    vec![
        ("empty data", r#"{"data":{}}"#.to_string()),
        (
            "no app_id",
            shoes_answer(|d| {
                d.remove("app_id");
            }),
        ),
        (
            "app_id as an object",
            shoes_answer(|d| {
                d.insert("app_id".into(), json!({}));
            }),
        ),
        (
            "no profile_id",
            shoes_answer(|d| {
                d.remove("profile_id");
            }),
        ),
        (
            "is_valid as text",
            shoes_answer(|d| {
                d.insert("is_valid".into(), json!("true"));
            }),
        ),
    ]
}

fn answer_debug_token_with(env: &Env, body: &str) {
    env.control.set_fault(Fault::Answer {
        path: "debug_token".into(),
        status: 200,
        body: body.to_string(),
    });
}

#[test]
fn renew_with_an_answer_that_confirms_nothing_keeps_the_old_token() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let before = fingerprint(&env, "Acme Shoes");
    let renewal = env.token("shoes_renewal");
    // The real answer for this token passes, so only the odd answer can refuse it.
    let control = shoes_answer(|_| {});
    answer_debug_token_with(&env, &control);
    let out = env.run(&["renew", "Acme Shoes", "--accept-warnings"], &renewal);
    env.control.clear_faults();
    assert_eq!(out.code, 0, "a complete answer confirms: {}", out.stderr);
    let out = env.run(&["rollback", "Acme Shoes"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(fingerprint(&env, "Acme Shoes"), before);
    let history_before = events(&env, env.profile_dir(), "Acme Shoes");

    for (what, body) in unconfirming_answers() {
        answer_debug_token_with(&env, &body);
        let out = env.run(&["renew", "Acme Shoes", "--accept-warnings"], &renewal);
        env.control.clear_faults();
        assert_eq!(out.code, 1, "{what}: {}", out.stderr);
        assert!(
            out.stderr.contains("did not confirm"),
            "{what}: {}",
            out.stderr
        );
        assert_eq!(fingerprint(&env, "Acme Shoes"), before, "{what}");
    }
    assert_eq!(
        events(&env, env.profile_dir(), "Acme Shoes"),
        history_before,
        "no replacement in the history"
    );
    env.assert_no_secret_leaked();
}

#[test]
fn add_with_an_answer_that_confirms_nothing_saves_nothing() {
    let env = Env::new();
    env.add_acme_app();
    let token = env.token("shoes_messenger");
    for (what, body) in unconfirming_answers() {
        answer_debug_token_with(&env, &body);
        let out = env.run(
            &[
                "add",
                "--name",
                "Acme Shoes",
                "--kind",
                "messenger",
                "--app",
                ACME_APP_ID,
            ],
            &token,
        );
        env.control.clear_faults();
        assert_eq!(out.code, 1, "{what}: {}", out.stderr);
        assert!(
            out.stderr.contains("did not confirm"),
            "{what}: {}",
            out.stderr
        );
        let list = env.list_json();
        assert!(
            list["channels"].as_array().is_some_and(|c| c.is_empty()),
            "{what}: nothing saved: {list:#}"
        );
    }
    env.assert_no_secret_leaked();
}

#[test]
fn a_self_probe_that_cannot_learn_the_app_is_refused() {
    let env = Env::new();
    // No app secret saved: a Page token cannot call debug_token, so the token is probed.
    let token = env.token("shoes_messenger");
    let add = [
        "add",
        "--name",
        "Acme Shoes",
        "--kind",
        "messenger",
        "--json",
    ];
    let out = env.run(&add, &token);
    assert_eq!(out.code, 0, "the probe learns the app: {}", out.stderr);
    assert_eq!(out.json()["token"]["check_method"], "self_probe");
    let before = fingerprint(&env, "Acme Shoes");

    // `/app` answers without the app's id: the probe cannot confirm the app.
    env.control.set_fault(Fault::Answer {
        path: "app".into(),
        status: 200,
        body: r#"{"name":"Acme Support"}"#.into(),
    });
    let renewal = env.token("shoes_renewal");
    let out = env.run(&["renew", "Acme Shoes", "--accept-warnings"], &renewal);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("did not confirm"), "{}", out.stderr);
    assert_eq!(fingerprint(&env, "Acme Shoes"), before);

    let add_again = ["add", "--name", "Acme Shoes 2", "--kind", "messenger"];
    let out = env.run(&add_again, &renewal);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        env.list_json()["channels"].as_array().map(Vec::len),
        Some(1),
        "nothing added"
    );
    env.control.clear_faults();
    env.assert_no_secret_leaked();
}

// ---------------------------------------------------------------------------------------------
// Restore

fn backup_of(env: &Env, profile: &Path, dir: &Path) -> PathBuf {
    let file = dir.join("tokens.twbackup");
    let out = env.run_in(
        profile,
        &["backup", file.to_str().expect("utf-8 path")],
        "",
        &[("TOKENWARDEN_BACKUP_PASSPHRASE", BACKUP_PW)],
    );
    assert_eq!(out.code, 0, "backup failed: {}", out.stderr);
    file
}

fn restore_into(env: &Env, profile: &Path, file: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["restore", file.to_str().expect("utf-8 path"), "--yes"];
    args.extend_from_slice(extra);
    env.run_in(
        profile,
        &args,
        "",
        &[("TOKENWARDEN_BACKUP_PASSPHRASE", BACKUP_PW)],
    )
}

/// Edits the first channel of a profile's catalog file, as a damaged or edited file would be.
fn edit_first_channel(profile: &Path, edit: impl Fn(&mut Value)) {
    let path = profile.join("catalog.json");
    let mut catalog: Value =
        serde_json::from_slice(&std::fs::read(&path).expect("catalog")).expect("catalog JSON");
    edit(&mut catalog["channels"][0]);
    std::fs::write(&path, serde_json::to_vec(&catalog).expect("JSON")).expect("catalog written");
}

/// A second profile with the app and "Acme Shoes" holding `token`.
fn other_profile(env: &Env, token: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = [
        "app",
        "add",
        "--id",
        ACME_APP_ID,
        "--name",
        "Acme Support",
        "--secret-stdin",
    ];
    let out = env.run_in(dir.path(), &app, ACME_APP_SECRET, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let add = [
        "add",
        "--name",
        "Acme Shoes",
        "--kind",
        "messenger",
        "--app",
        ACME_APP_ID,
    ];
    let out = env.run_in(dir.path(), &add, token, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    dir
}

#[test]
fn a_backup_dated_in_the_future_does_not_beat_a_newer_profile_token() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    edit_first_channel(env.profile_dir(), |c| {
        c["token"]["saved_at"] = json!("2099-01-01T00:00:00Z");
    });
    let outside = tempfile::tempdir().expect("temp dir");
    let file = backup_of(&env, env.profile_dir(), outside.path());
    // Renewed after the backup was made: this profile's token is the newer one.
    let renewal = env.token("shoes_renewal");
    let out = env.run(&["renew", "Acme Shoes"], &renewal);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let newer = fingerprint(&env, "Acme Shoes");

    let out = restore_into(&env, env.profile_dir(), &file, &[]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("kept"), "{}", out.stdout);
    assert_eq!(fingerprint(&env, "Acme Shoes"), newer, "not overwritten");
    env.assert_no_secret_leaked();
}

#[test]
fn a_backup_with_an_id_that_is_not_a_facebook_id_is_refused_for_that_channel() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.add_channel("Carol Cafe", "messenger", "carol_cafe");
    edit_first_channel(env.profile_dir(), |c| {
        c["page_id"] = json!("500001/../me");
    });
    let outside = tempfile::tempdir().expect("temp dir");
    let file = backup_of(&env, env.profile_dir(), outside.path());
    let fresh = tempfile::tempdir().expect("temp dir");

    let out = restore_into(&env, fresh.path(), &file, &[]);
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    let said = format!("{}{}", out.stdout, out.stderr);
    assert!(said.contains("not a Facebook id"), "{said}");
    let out = env.run_in(fresh.path(), &["list", "--json"], "", &[]);
    let list = out.json();
    let names: Vec<&str> = list["channels"]
        .as_array()
        .expect("channels")
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert_eq!(
        names,
        ["Carol Cafe"],
        "only the trustworthy channel came back"
    );
    env.assert_no_secret_leaked();
}

/// This profile: "Acme Shoes" works with its token. The backup (in the returned folder): a
/// newer, other token for it.
fn working_channel_and_newer_backup(
    env: &Env,
    backup_token: &str,
) -> (tempfile::TempDir, PathBuf, String) {
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let working = fingerprint(env, "Acme Shoes");
    // Saved after this profile's token, so the backup's counts as the newer one.
    std::thread::sleep(Duration::from_millis(20));
    let other = other_profile(env, backup_token);
    let outside = tempfile::tempdir().expect("temp dir");
    let file = backup_of(env, other.path(), outside.path());
    (outside, file, working)
}

#[test]
fn a_restore_over_a_working_channel_with_a_dead_token_is_refused() {
    let env = Env::new();
    let dead = env.token("shoes_renewal");
    let (_outside, file, working) = working_channel_and_newer_backup(&env, &dead);
    env.control.revoke(&dead);

    let out = restore_into(&env, env.profile_dir(), &file, &[]);
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("Not restored"), "{}", out.stderr);
    assert_eq!(fingerprint(&env, "Acme Shoes"), working, "still working");
    // The same refusal in Spanish, with the reason Meta gave, and the same exit code.
    let out = env.run_in(
        env.profile_dir(),
        &["restore", file.to_str().expect("utf-8 path"), "--yes"],
        "",
        &[
            ("TOKENWARDEN_BACKUP_PASSPHRASE", BACKUP_PW),
            ("TOKENWARDEN_LANG", "es"),
        ],
    );
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    assert!(
        out.stderr
            .contains("No se restauró: puede que el token actual de este canal aún funcione")
            && out.stderr.contains("El canal conserva su token actual."),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("Not restored"), "{}", out.stderr);
    assert_eq!(fingerprint(&env, "Acme Shoes"), working, "still working");
    assert_eq!(
        events(&env, env.profile_dir(), "Acme Shoes"),
        ["added"],
        "no replacement in the history"
    );
    env.assert_no_secret_leaked();
}

#[test]
fn a_restore_over_a_channel_never_checked_is_checked_first() {
    // Not knowing whether the current token works is no licence to replace it unchecked.
    let env = Env::new();
    let dead = env.token("shoes_renewal");
    let (_outside, file, current) = working_channel_and_newer_backup(&env, &dead);
    edit_first_channel(env.profile_dir(), |c| {
        c.as_object_mut().expect("channel").remove("last_report");
    });
    assert_eq!(
        env.list_json()["channels"][0]["health"],
        "unknown",
        "never checked"
    );
    env.control.revoke(&dead);

    let out = restore_into(&env, env.profile_dir(), &file, &[]);
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("Not restored"), "{}", out.stderr);
    assert_eq!(fingerprint(&env, "Acme Shoes"), current, "kept");
    env.assert_no_secret_leaked();
}

#[test]
fn a_restore_over_a_working_channel_offline_is_skipped_and_said() {
    let mut env = Env::new();
    let newer = env.token("shoes_renewal");
    let (_outside, file, working) = working_channel_and_newer_backup(&env, &newer);
    env.go_offline();

    let out = restore_into(&env, env.profile_dir(), &file, &[]);
    assert_eq!(out.code, 3, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("Skipped"), "{}", out.stderr);
    assert!(
        out.stderr.contains("could not be checked"),
        "{}",
        out.stderr
    );
    assert_eq!(fingerprint(&env, "Acme Shoes"), working);

    // Asked to overwrite, the user takes the risk: no check, it is restored.
    let out = restore_into(&env, env.profile_dir(), &file, &["--overwrite-newer"]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert_ne!(fingerprint(&env, "Acme Shoes"), working);
    env.assert_no_secret_leaked();
}

// ---------------------------------------------------------------------------------------------
// Rollback

/// "Acme Shoes" renewed once: (fingerprint of its first token, of the current one).
fn renewed_once(env: &Env) -> (String, String) {
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let first = fingerprint(env, "Acme Shoes");
    let renewal = env.token("shoes_renewal");
    let out = env.run(&["renew", "Acme Shoes"], &renewal);
    assert_eq!(out.code, 0, "{}", out.stderr);
    (first, fingerprint(env, "Acme Shoes"))
}

#[test]
fn rollback_to_a_dead_token_is_refused_unless_forced() {
    let env = Env::new();
    let (first, current) = renewed_once(&env);
    let dead = env.token("shoes_messenger");
    env.control.revoke(&dead);

    let out = env.run(&["rollback", "Acme Shoes"], "");
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("--force"), "{}", out.stderr);
    assert_eq!(fingerprint(&env, "Acme Shoes"), current, "nothing changed");
    assert_eq!(
        events(&env, env.profile_dir(), "Acme Shoes"),
        ["added", "replaced"]
    );
    // What the refusal learnt is kept, so every window shows the previous token as dead.
    let catalog: Value =
        serde_json::from_slice(&std::fs::read(env.profile_dir().join("catalog.json")).unwrap())
            .unwrap();
    assert_eq!(catalog["channels"][0]["previous_report"]["is_valid"], false);

    let out = env.run(&["rollback", "Acme Shoes", "--force", "--json"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()["token"]["fingerprint"], first.as_str());
    assert_eq!(
        out.json()["health"],
        "broken",
        "checked after the forced rollback"
    );
    env.assert_no_secret_leaked();
}

#[test]
fn rollback_to_another_pages_token_is_refused() {
    let env = Env::new();
    let (_, current) = renewed_once(&env);
    env.add_channel("Carol Cafe", "messenger", "carol_cafe");
    // A damaged catalog: the previous token of Acme Shoes is Carol Cafe's token.
    let path = env.profile_dir().join("catalog.json");
    let mut catalog: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let cafe = catalog["channels"][1]["token"].clone();
    catalog["channels"][0]["previous_token"] = cafe;
    std::fs::write(&path, serde_json::to_vec(&catalog).unwrap()).unwrap();

    let out = env.run(&["rollback", "Acme Shoes"], "");
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("another Page"), "{}", out.stderr);
    assert_eq!(fingerprint(&env, "Acme Shoes"), current, "nothing changed");
    env.assert_no_secret_leaked();
}

#[test]
fn rollback_with_the_previous_token_gone_from_the_store_changes_nothing() {
    let env = Env::new();
    let (_, current) = renewed_once(&env);
    let profile = Profile::resolve(Some(env.profile_dir().to_path_buf())).unwrap();
    let catalog = CatalogFile::new(&profile).load().unwrap();
    let previous: SecretRef = catalog.channels[0]
        .previous_token
        .as_ref()
        .expect("a previous token")
        .secret
        .clone();
    let vault = VaultStore::open_with_work_factor(&profile, Secret::new(PASSPHRASE), 12).unwrap();
    vault.delete(&previous).unwrap();
    let catalog_before = std::fs::read(profile.catalog_path()).unwrap();

    for args in [
        &["rollback", "Acme Shoes"][..],
        &["rollback", "Acme Shoes", "--force"][..],
    ] {
        let out = env.run(args, "");
        assert_eq!(out.code, 1, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains("missing"), "{}", out.stderr);
        assert!(out.stderr.contains("Nothing was changed"), "{}", out.stderr);
        assert_eq!(
            std::fs::read(profile.catalog_path()).unwrap(),
            catalog_before
        );
    }
    assert_eq!(fingerprint(&env, "Acme Shoes"), current);
    env.assert_no_secret_leaked();
}

// ---------------------------------------------------------------------------------------------
// Someone else's change meanwhile

/// Starts `tokenwarden ARGS` while Graph holds its first call for a while, and returns once
/// that call has arrived: the command is then between reading the channel and saving.
fn start_held(env: &Env, args: &[&str], stdin: &str) -> std::process::Child {
    env.control.clear_requests();
    env.control
        .fail_next(1, Fault::Latency(Duration::from_secs(4)));
    let child = support::spawn(env.command(args), stdin);
    let start = Instant::now();
    while env.control.requests().is_empty() {
        assert!(start.elapsed() < Duration::from_secs(20), "no Graph call");
        std::thread::sleep(Duration::from_millis(20));
    }
    child
}

/// Runs `tokenwarden ARGS` held at its first Graph call while a colleague renews "Acme Shoes";
/// it must then fail with exit 3 and leave the colleague's token in place.
fn loses_to_a_colleagues_renewal(env: &Env, args: &[&str], stdin: &str) {
    let held = start_held(env, args, stdin);
    let theirs = env.mint_page(SHOES_PAGE_ID, true);
    let out = env.run(&["renew", "Acme Shoes"], &theirs);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let theirs_fp = fingerprint(env, "Acme Shoes");

    let out = support::wait_output(held);
    assert_eq!(out.code, 3, "{args:?}: {}", out.stderr);
    assert!(out.stderr.contains("someone else"), "{}", out.stderr);
    assert_eq!(fingerprint(env, "Acme Shoes"), theirs_fp, "theirs stays");
    env.assert_no_secret_leaked();
}

#[test]
fn a_renewal_that_meets_someone_elses_change_fails_with_exit_3() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let renewal = env.token("shoes_renewal");
    loses_to_a_colleagues_renewal(&env, &["renew", "Acme Shoes"], &renewal);
}

#[test]
fn a_rollback_that_meets_someone_elses_change_fails_with_exit_3() {
    let env = Env::new();
    renewed_once(&env);
    loses_to_a_colleagues_renewal(&env, &["rollback", "Acme Shoes"], "");
}

#[test]
fn a_renewal_whose_channel_is_removed_meanwhile_saves_nothing_and_says_so() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let paused = env.profile_dir().join("paused-before-swap");
    let mut renew = env.command(&["renew", "Acme Shoes"]);
    renew.env(
        "TOKENWARDEN_TEST_PAUSE",
        format!("before_token_swap={}", paused.display()),
    );
    let renewing = support::spawn(renew, &env.token("shoes_renewal"));
    let deadline = Instant::now() + Duration::from_secs(60);
    while !paused.exists() {
        assert!(Instant::now() < deadline, "never got to its swap");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Validated, about to swap: someone else removes the channel now.
    let out = env.run(&["remove", "Acme Shoes", "--yes"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    std::fs::remove_file(&paused).expect("let the renewal go on");

    let out = support::wait_output(renewing);
    assert_eq!(out.code, 3, "a conflict, not a usage error: {}", out.stderr);
    assert!(
        out.stderr.contains("removed by someone else"),
        "{}",
        out.stderr
    );
    assert!(
        env.list_json()["channels"].as_array().unwrap().is_empty(),
        "nothing came back"
    );
    env.assert_no_secret_leaked();
}
