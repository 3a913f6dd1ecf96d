//! `backup` and `restore` with the real binary, real age files and the real vault, against the
//! Graph simulator over loopback: moving to a new computer, a newer token that must not be
//! overwritten, and a wrong passphrase or a damaged file that must change nothing.

use crate::support;

use std::path::{Path, PathBuf};

use support::{Env, Output, collect_files};

const BACKUP_PW: &str = "a long backup passphrase";

fn pw(p: &str) -> [(&str, &str); 1] {
    [("TOKENWARDEN_BACKUP_PASSPHRASE", p)]
}

fn fingerprint(list: &serde_json::Value, name: &str) -> String {
    Env::channel(list, name)["token"]["fingerprint"]
        .as_str()
        .expect("fingerprint")
        .to_string()
}

/// A profile with the app, two channels, and one of them renewed (so it has a previous token).
fn profile_with_channels(env: &Env) -> (String, String) {
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.add_channel("Carol Cafe", "messenger", "carol_cafe");
    let old = fingerprint(&env.list_json(), "Acme Shoes");
    let renewal = env.token("shoes_renewal");
    let out = env.run(&["renew", "Acme Shoes"], &renewal);
    assert_eq!(out.code, 0, "{}", out.stderr);
    (old, fingerprint(&env.list_json(), "Acme Shoes"))
}

fn backup(env: &Env, dir: &Path) -> PathBuf {
    let file = dir.join("tokens.twbackup");
    let out = env.run_in(
        env.profile_dir(),
        &["backup", file.to_str().unwrap()],
        "",
        &pw(BACKUP_PW),
    );
    assert_eq!(out.code, 0, "backup failed: {}", out.stderr);
    assert!(out.stdout.contains("2 channels"), "{}", out.stdout);
    file
}

fn restore(env: &Env, profile: &Path, file: &Path, extra: &[&str], pass: &str) -> Output {
    let mut args = vec!["restore", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    env.run_in(profile, &args, "", &pw(pass))
}

fn assert_no_token_in(env: &Env, dir: &Path) {
    let mut files = vec![];
    collect_files(dir, &mut files);
    for f in files {
        let text = String::from_utf8_lossy(&std::fs::read(&f).unwrap_or_default()).into_owned();
        for t in env.tokens_used.borrow().iter() {
            assert!(
                !text.contains(t.as_str()),
                "a token is in clear in {}",
                f.display()
            );
        }
    }
}

#[test]
fn a_restore_into_a_fresh_profile_brings_every_channel_back_working() {
    let env = Env::new();
    let (old, new) = profile_with_channels(&env);
    let cafe = fingerprint(&env.list_json(), "Carol Cafe");
    let outside = tempfile::tempdir().unwrap();
    let file = backup(&env, outside.path());
    let fresh = tempfile::tempdir().unwrap();

    // Without --yes (and no terminal to ask on) the plan is shown and nothing happens.
    let out = restore(&env, fresh.path(), &file, &[], BACKUP_PW);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stdout.contains("add:") && out.stdout.contains("Acme Shoes"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("--yes"), "{}", out.stdout);
    assert!(
        !fresh.path().join("catalog.json").exists(),
        "nothing written"
    );

    let out = restore(&env, fresh.path(), &file, &["--yes"], BACKUP_PW);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("2 added"), "{}", out.stdout);

    let out = env.run_in(fresh.path(), &["check", "--json"], "", &[]);
    assert_eq!(
        out.code, 0,
        "restored channels work: {}\n{}",
        out.stderr, out.stdout
    );
    let list = out.json();
    assert_eq!(fingerprint(&list, "Acme Shoes"), new);
    assert_eq!(fingerprint(&list, "Carol Cafe"), cafe);
    for name in ["Acme Shoes", "Carol Cafe"] {
        assert_eq!(Env::channel(&list, name)["health"], "healthy", "{name}");
    }
    // The previous token came along: rollback works on the new computer too.
    let out = env.run_in(fresh.path(), &["rollback", "Acme Shoes", "--json"], "", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()["token"]["fingerprint"], old.as_str());

    // Restoring the same backup again finds nothing to do.
    let out = restore(&env, env.profile_dir(), &file, &["--yes"], BACKUP_PW);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Nothing to restore"), "{}", out.stdout);

    assert_no_token_in(&env, fresh.path());
    assert_no_token_in(&env, outside.path());
    env.assert_no_secret_leaked();
}

#[test]
fn a_newer_token_in_the_profile_is_kept_unless_overwriting_is_asked_for() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let backed_up = fingerprint(&env.list_json(), "Acme Shoes");
    let outside = tempfile::tempdir().unwrap();
    let file = outside.path().join("tokens.twbackup");
    let out = env.run(&["backup", file.to_str().unwrap()], "");
    assert_eq!(out.code, 2, "no passphrase and no terminal: {}", out.stderr);
    assert!(
        out.stderr.contains("TOKENWARDEN_BACKUP_PASSPHRASE"),
        "{}",
        out.stderr
    );
    let out = env.run_in(
        env.profile_dir(),
        &["backup", file.to_str().unwrap()],
        "",
        &pw(BACKUP_PW),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    // After the backup the channel is renewed: the profile's token is newer.
    let renewal = env.token("shoes_renewal");
    assert_eq!(env.run(&["renew", "Acme Shoes"], &renewal).code, 0);
    let newer = fingerprint(&env.list_json(), "Acme Shoes");
    assert_ne!(newer, backed_up);

    let out = restore(&env, env.profile_dir(), &file, &["--yes"], BACKUP_PW);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("kept:") && out.stdout.contains("the profile's token is newer"),
        "{}",
        out.stdout
    );
    assert_eq!(
        fingerprint(&env.list_json(), "Acme Shoes"),
        newer,
        "not overwritten"
    );

    let out = restore(
        &env,
        env.profile_dir(),
        &file,
        &["--yes", "--overwrite-newer"],
        BACKUP_PW,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("1 replaced"), "{}", out.stdout);
    assert_eq!(fingerprint(&env.list_json(), "Acme Shoes"), backed_up);
    let out = env.run(&["history", "Acme Shoes", "--json"], "");
    let events: Vec<String> = out.json()["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        events.last().map(String::as_str),
        Some("restored"),
        "{events:?}"
    );
    env.assert_no_secret_leaked();
}

#[test]
fn a_wrong_passphrase_or_a_damaged_backup_changes_nothing() {
    let env = Env::new();
    profile_with_channels(&env);
    let outside = tempfile::tempdir().unwrap();
    let file = backup(&env, outside.path());
    // The target: a profile with a channel of its own, so there are files to protect.
    let target = tempfile::tempdir().unwrap();
    let token = env.token("books_expiring");
    let out = env.run_in(
        target.path(),
        &["add", "--name", "Acme Books", "--kind", "messenger"],
        &token,
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let snapshot =
        || ["catalog.json", "vault.age"].map(|f| std::fs::read(target.path().join(f)).unwrap());
    let before = snapshot();

    let out = restore(&env, target.path(), &file, &["--yes"], "not the passphrase");
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.stderr.contains("passphrase does not open"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("Nothing was changed"), "{}", out.stderr);

    let bytes = std::fs::read(&file).unwrap();
    let cut = outside.path().join("cut.twbackup");
    std::fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let out = restore(&env, target.path(), &cut, &["--yes"], BACKUP_PW);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.stderr.contains("damaged or incomplete"),
        "{}",
        out.stderr
    );

    let garbage = outside.path().join("notes.txt");
    std::fs::write(&garbage, "these are not tokens").unwrap();
    let out = restore(&env, target.path(), &garbage, &["--yes"], BACKUP_PW);
    assert_eq!(out.code, 3, "{}", out.stderr);

    assert_eq!(
        snapshot(),
        before,
        "catalog and vault are byte for byte the same"
    );
    let out = env.run_in(target.path(), &["list", "--json"], "", &[]);
    assert_eq!(out.json()["channels"].as_array().unwrap().len(), 1);
    env.assert_no_secret_leaked();
}

#[test]
fn a_backup_from_the_vault_restores_into_the_system_keychain() {
    let required = std::env::var("TOKENWARDEN_TEST_KEYRING").as_deref() == Ok("required");
    let env = Env::new();
    profile_with_channels(&env);
    let outside = tempfile::tempdir().unwrap();
    let file = backup(&env, outside.path());
    let target = tempfile::tempdir().unwrap();
    let keyring = [
        ("TOKENWARDEN_SECRETS", "keyring"),
        ("TOKENWARDEN_BACKUP_PASSPHRASE", BACKUP_PW),
    ];
    let out = env.run_in(
        target.path(),
        &["restore", file.to_str().unwrap(), "--yes"],
        "",
        &keyring,
    );
    if out.code == 3 && out.stderr.contains("not available") && !required {
        eprintln!("skipped: no system keychain here ({})", out.stderr.trim());
        return;
    }
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = env.run_in(target.path(), &["check", "--json"], "", &keyring);
    assert_eq!(
        out.code, 0,
        "tokens read back from the keychain work: {}",
        out.stderr
    );
    assert!(
        !target.path().join("vault.age").exists(),
        "the keychain was used"
    );
    assert_no_token_in(&env, target.path());
    env.assert_no_secret_leaked();
}
