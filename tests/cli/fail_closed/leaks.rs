//! The leak test: known tokens, app secrets and passphrases go through a whole command-line walk
//! (app add, add, check, renew, rollback, a device login, export, inspect, backup, restore, all
//! with `--verbose`) and none of them comes out in the profile, the logs, anything printed, the
//! simulator's request URLs or the environment of the browser we start.

use std::path::Path;

use crate::support::login::LoginRun;
use crate::support::{self, Env, collect_files};
use tokenwarden::sim::scenario::*;

const BACKUP_PW: &str = "backup passphrase of the leak walk";

/// Runs `tokenwarden ARGS --verbose`, keeps everything it printed, and returns its exit code.
fn walk_step(env: &Env, printed: &mut Vec<String>, args: &[&str], stdin: &str) -> i32 {
    let mut all: Vec<&str> = args.to_vec();
    all.push("--verbose");
    let mut c = env.command(&all);
    c.env("TOKENWARDEN_BACKUP_PASSPHRASE", BACKUP_PW);
    let out = support::run_command(c, stdin);
    printed.push(out.stdout.clone());
    printed.push(out.stderr.clone());
    out.code
}

/// A browser stand-in that writes its environment to `dir/env.txt`.
fn fake_browser(dir: &Path) -> std::path::PathBuf {
    let d = dir.display();
    let path = dir.join("browser.sh");
    std::fs::write(
        &path,
        format!("#!/bin/sh\nenv > '{d}/env.part'\nmv '{d}/env.part' '{d}/env.txt'\n"),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    path
}

/// `login --channel` with the stand-in browser, approved as Alice; returns (exit, stdout, stderr).
fn device_login(env: &Env, browser: &Path) -> (i32, String, String) {
    let mut c = env.command(&[
        "login",
        "--app",
        ACME_APP_ID,
        "--channel",
        "Acme Shoes",
        "--verbose",
    ]);
    c.env("TOKENWARDEN_TEST_BROWSER", browser);
    let mut run = LoginRun::spawn(c);
    let code = run.user_code();
    env.control.approve_device(&code, ALICE_ID);
    run.finish()
}

#[test]
fn a_whole_command_line_walk_leaks_no_secret_anywhere() {
    let env = Env::new();
    let mut printed = vec![];
    env.control.set_device_interval(1);
    let app_add = [
        "app",
        "add",
        "--id",
        ACME_APP_ID,
        "--name",
        "Acme Support",
        "--secret-stdin",
        "--client-token",
        ACME_CLIENT_TOKEN,
    ];
    assert_eq!(walk_step(&env, &mut printed, &app_add, ACME_APP_SECRET), 0);
    let first = env.token("shoes_messenger");
    let add = [
        "add",
        "--name",
        "Acme Shoes",
        "--kind",
        "messenger",
        "--app",
        ACME_APP_ID,
    ];
    assert_eq!(
        walk_step(&env, &mut printed, &add, &first),
        0,
        "{printed:?}"
    );
    assert_eq!(walk_step(&env, &mut printed, &["check"], ""), 0);
    let renewal = env.mint_page(SHOES_PAGE_ID, true);
    let renew = ["renew", "Acme Shoes"];
    assert_eq!(walk_step(&env, &mut printed, &renew, &renewal), 0);
    let rollback = ["rollback", "Acme Shoes"];
    assert_eq!(walk_step(&env, &mut printed, &rollback, ""), 0);
    // A User token turned into the Page's token (the long-lived exchange uses the app secret).
    let user = env.token("alice_user_short");
    assert_eq!(walk_step(&env, &mut printed, &renew, &user), 0);

    let work = tempfile::tempdir().unwrap();
    let browser = fake_browser(work.path());
    let (exit, out, err) = device_login(&env, &browser);
    assert_eq!(exit, 0, "{err}");
    printed.push(out);
    printed.push(err);
    let child_env = std::fs::read_to_string(work.path().join("env.txt")).unwrap_or_default();
    assert!(!child_env.is_empty(), "the browser was started");

    let report = work.path().join("report.json");
    let report = report.to_str().unwrap();
    let export = ["export", "--redacted", report];
    assert_eq!(walk_step(&env, &mut printed, &export, ""), 0);
    assert_eq!(walk_step(&env, &mut printed, &["inspect", report], ""), 0);
    let backup = work.path().join("tokens.twbackup");
    let backup = backup.to_str().unwrap();
    assert_eq!(walk_step(&env, &mut printed, &["backup", backup], ""), 0);

    let other = tempfile::tempdir().unwrap();
    let mut c = support::base_command(
        other.path(),
        &env.base_url,
        &["restore", backup, "--yes", "--verbose"],
    );
    c.env("TOKENWARDEN_BACKUP_PASSPHRASE", BACKUP_PW);
    let out = support::run_command(c, "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    printed.push(out.stdout);
    printed.push(out.stderr);

    let mut secrets: Vec<String> = env.tokens_used.borrow().clone();
    secrets.extend(
        [
            ACME_APP_SECRET,
            // The app token is the app id and secret joined; the secret alone is enough to find.
            support::PASSPHRASE,
            BACKUP_PW,
        ]
        .map(str::to_string),
    );
    // Tokens the app got from Facebook itself (exchanges, Page tokens, the device login).
    secrets.extend(env.control.tokens().into_values());
    let logs = env.profile_dir().join("logs");
    assert!(
        std::fs::read_dir(&logs).is_ok_and(|mut d| d.next().is_some()),
        "--verbose also wrote the log"
    );

    let mut files = vec![];
    collect_files(env.profile_dir(), &mut files);
    collect_files(other.path(), &mut files);
    collect_files(work.path(), &mut files);
    let mut places: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            let bytes = std::fs::read(f).unwrap_or_default();
            (
                f.display().to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            )
        })
        .collect();
    places.extend(
        printed
            .into_iter()
            .map(|p| ("what was printed".to_string(), p)),
    );
    places.push(("the browser's environment".into(), child_env));
    for r in env.control.requests() {
        places.push((format!("the URL of {} {}", r.method, r.path), r.uri));
    }
    for secret in &secrets {
        for (place, text) in &places {
            assert!(
                !text.contains(secret.as_str()),
                "a secret ({}…) is in {place}",
                &secret[..6.min(secret.len())]
            );
        }
    }
}

#[test]
fn a_workspace_address_with_a_password_is_refused_on_the_command_line() {
    // Refused before any connection: nothing listens at this address, and nothing is saved.
    let env = Env::new();
    for args in [
        [
            "workspace",
            "init",
            "postgres://alice:s3cret@127.0.0.1:9/team",
        ],
        ["workspace", "join", "host=127.0.0.1 port=9 password=s3cret"],
    ] {
        let out = env.run(&args, "");
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(
            out.stderr.contains("holds a password") && out.stderr.contains("--url-stdin"),
            "{}",
            out.stderr
        );
        assert!(!out.stderr.contains("s3cret"), "{}", out.stderr);
        assert!(
            !env.profile_dir().join("workspace.json").exists(),
            "the profile stays local"
        );
    }
}
