//! Fail-closed tests: profile. The profile folder is the user's own (owner, permissions, no
//! symbolic links, files 0600 and folders 0700), the catalog keeps its profile id, nothing
//! piles up after a crash, standard input is capped, and passphrases and work factors follow
//! the desktop app's rules.

// The folder checks are Unix-only; their helpers are unused elsewhere.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime};

use crate::support::{self, Env, PASSPHRASE};
use tokenwarden::model::{Secret, SecretRef};
use tokenwarden::store::{Profile, SecretStore, VaultStore};

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = vec![];
    support::collect_files(dir, &mut files);
    files.sort();
    files
}

const BACKUP_PW: &str = "a long backup passphrase";

/// Runs `args` in the test's profile with `passphrase` as the backup passphrase.
fn with_backup_passphrase(env: &Env, args: &[&str], passphrase: &str) -> support::Output {
    env.run_in(
        env.profile_dir(),
        args,
        "",
        &[("TOKENWARDEN_BACKUP_PASSPHRASE", passphrase)],
    )
}

/// A scrypt age header asking for `log_n`, with a body that would never decrypt.
fn age_file_asking_for(log_n: u8) -> Vec<u8> {
    let b64 = "A".repeat(43);
    format!(
        "age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA {log_n}\n{b64}\n--- {b64}\n\
         ciphertext that is never reached"
    )
    .into_bytes()
}

/// The log2 N in an age file's scrypt stanza.
fn work_factor_of(path: &Path) -> u8 {
    let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
    let line = text
        .lines()
        .find(|l| l.starts_with("-> scrypt "))
        .expect("a scrypt stanza");
    line.rsplit(' ').next().unwrap().parse().unwrap()
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_profile_folder_others_may_write_to_is_refused_and_nothing_is_written() {
    let env = Env::new();
    set_mode(env.profile_dir(), 0o770);
    let token = env.token("shoes_messenger");
    let out = env.run(
        &["--verbose", "add", "--name", "Shoes", "--kind", "messenger"],
        &token,
    );
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(out.stderr.contains("chmod 700"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains(&env.profile_dir().display().to_string()),
        "names the folder: {}",
        out.stderr
    );
    assert!(
        std::fs::read_dir(env.profile_dir())
            .unwrap()
            .next()
            .is_none(),
        "nothing written: {:?}",
        files_under(env.profile_dir())
    );
    // Fixed as the message says, it works.
    set_mode(env.profile_dir(), 0o700);
    env.add_acme_app();
}

#[cfg(unix)]
#[test]
fn a_profile_folder_of_another_user_is_refused() {
    // Handing a folder to another user needs root; elsewhere there is nothing to try.
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: only root can give a folder to another user");
        return;
    }
    let env = Env::new();
    std::os::unix::fs::chown(env.profile_dir(), Some(65534), Some(65534)).unwrap();
    let out = env.run(&["list"], "");
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(out.stderr.contains("another user"), "{}", out.stderr);
    assert!(files_under(env.profile_dir()).is_empty());
}

#[cfg(unix)]
#[test]
fn a_symlinked_catalog_vault_or_lock_is_refused() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let elsewhere = tempfile::tempdir().unwrap();
    for name in ["catalog.json", "vault.age", "catalog.lock"] {
        let real = elsewhere.path().join(name);
        let link = env.profile_dir().join(name);
        std::fs::rename(&link, &real).unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let before = std::fs::read(&real).unwrap();
        let out = env.run(&["check", "Acme Shoes"], "");
        assert_eq!(out.code, 3, "{name}: {}", out.stderr);
        assert!(
            out.stderr.contains("symbolic link") && out.stderr.contains(name),
            "{name}: {}",
            out.stderr
        );
        assert_eq!(std::fs::read(&real).unwrap(), before, "{name} untouched");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        // Put back as the message says: the real file in place of the link.
        std::fs::remove_file(&link).unwrap();
        std::fs::rename(&real, &link).unwrap();
    }
    let out = env.run(&["check", "Acme Shoes"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[cfg(unix)]
#[test]
fn every_file_in_the_profile_is_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let out = env.run(&["--verbose", "check"], "");
    assert!(out.code <= 1, "{}", out.stderr);
    let backup = env.profile_dir().join("backups").join("all.age");
    std::fs::create_dir(env.profile_dir().join("backups")).unwrap();
    set_mode(&env.profile_dir().join("backups"), 0o700);
    let out = with_backup_passphrase(
        &env,
        &["--verbose", "backup", backup.to_str().unwrap()],
        BACKUP_PW,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let files = files_under(env.profile_dir());
    assert!(
        files.iter().any(|f| f.parent().unwrap().ends_with("logs")),
        "logs written: {files:?}"
    );
    assert!(files.iter().any(|f| f.ends_with("catalog.lock")));
    for f in &files {
        let mode = std::fs::metadata(f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{} is {mode:o}", f.display());
        let dir = f.parent().unwrap();
        let mode = std::fs::metadata(dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{} is {mode:o}", dir.display());
    }
}

#[test]
fn a_catalog_without_its_profile_id_is_damaged_not_given_a_new_one() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let path = env.profile_dir().join("catalog.json");
    let mut catalog: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    catalog["profile_id"] = "".into();
    let damaged = serde_json::to_vec_pretty(&catalog).unwrap();
    std::fs::write(&path, &damaged).unwrap();
    for args in [&["list"][..], &["check", "Acme Shoes"][..]] {
        let out = env.run(args, "");
        assert_eq!(out.code, 3, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains("profile id"), "{}", out.stderr);
        assert_eq!(std::fs::read(&path).unwrap(), damaged, "left as it was");
    }
}

/// The secret references the catalog uses.
fn referenced(env: &Env) -> Vec<String> {
    let catalog: serde_json::Value =
        serde_json::from_slice(&std::fs::read(env.profile_dir().join("catalog.json")).unwrap())
            .unwrap();
    let mut refs = vec![];
    for c in catalog["channels"].as_array().unwrap() {
        refs.push(c["token"]["secret"].as_str().unwrap().to_string());
        if let Some(p) = c["previous_token"]["secret"].as_str() {
            refs.push(p.to_string());
        }
    }
    refs
}

fn open_vault(env: &Env) -> VaultStore {
    let profile = Profile {
        dir: env.profile_dir().into(),
    };
    VaultStore::open_with_work_factor(&profile, Secret::new(PASSPHRASE), 12).unwrap()
}

#[test]
fn a_secret_orphaned_by_a_crash_is_swept_at_the_next_change() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let before = referenced(&env);

    // A crash between "store the new token" and "swap it in".
    let renewal = env.token("shoes_renewal");
    let mut c = env.command(&["renew", "Acme Shoes"]);
    c.env("TOKENWARDEN_TEST_PANIC", "after_secret_saved");
    let out = support::run_command(c, &renewal);
    assert_eq!(out.code, 101, "it crashed: {}", out.stderr);
    assert_eq!(
        referenced(&env),
        before,
        "the catalog still has the old token"
    );
    let state_path = env.profile_dir().join("state.json");
    let mut state: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&state_path).unwrap()).unwrap();
    let orphans: Vec<String> = state["secrets"]["created"]
        .as_object()
        .expect("a ledger of stored entries")
        .keys()
        .filter(|r| r.starts_with("token-") && !before.contains(r))
        .cloned()
        .collect();
    assert_eq!(orphans.len(), 1, "{state:#}");
    let orphan = SecretRef(orphans[0].clone());
    assert!(
        open_vault(&env).get(&orphan).is_ok(),
        "planted by the crash"
    );

    // The crash happened an hour ago, and left a temp file of a vault write behind too.
    state["secrets"]["created"][&orphan.0] = "2020-01-01T00:00:00Z".into();
    std::fs::write(&state_path, serde_json::to_vec(&state).unwrap()).unwrap();
    let stale = env
        .profile_dir()
        .join(".vault.age.0123456789abcdef0123456789abcdef.tmp");
    let fresh = env
        .profile_dir()
        .join(".vault.age.fedcba9876543210fedcba9876543210.tmp");
    for f in [&stale, &fresh] {
        std::fs::write(f, b"half a vault").unwrap();
    }
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();

    // The next change sweeps both; what the catalog uses stays.
    env.add_channel("Acme Books", "messenger", "books_expiring");
    let vault = open_vault(&env);
    assert!(vault.get(&orphan).is_err(), "the orphan is gone");
    for r in referenced(&env) {
        assert!(vault.get(&SecretRef(r.clone())).is_ok(), "{r} kept");
    }
    assert!(!stale.exists(), "the stale temp file is gone");
    assert!(
        fresh.exists(),
        "a young temp file may be a write in progress"
    );
    let out = env.run(&["check", "Acme Shoes"], "");
    assert_eq!(out.code, 0, "the channel still works: {}", out.stderr);
}

#[test]
fn standard_input_over_64_kib_is_refused_and_changes_nothing() {
    let env = Env::new();
    env.add_acme_app();
    let catalog = std::fs::read(env.profile_dir().join("catalog.json")).unwrap();
    // A good token followed by a lot of blank lines: only the size is wrong.
    let mut input = env.token("shoes_messenger").into_bytes();
    input.extend(std::iter::repeat_n(b'\n', 100 * 1024));
    let mut child = env
        .command(&["add", "--name", "Shoes", "--kind", "messenger"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The program may stop reading (and close the pipe) at the limit.
    let _ = stdin.write_all(&input);
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("64 KiB"), "{stderr}");
    assert_eq!(
        std::fs::read(env.profile_dir().join("catalog.json")).unwrap(),
        catalog,
        "nothing saved"
    );
}

#[test]
fn a_short_new_passphrase_is_refused_for_backups_and_new_vaults() {
    let env = Env::new();
    env.add_acme_app();
    let file = env.profile.path().join("short.age");
    let out = with_backup_passphrase(&env, &["backup", file.to_str().unwrap()], "short");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("at least 8"), "{}", out.stderr);
    assert!(!file.exists(), "no backup written");

    let fresh = tempfile::tempdir().unwrap();
    let token = env.token("shoes_messenger");
    let out = env.run_in(
        fresh.path(),
        &["add", "--name", "Shoes", "--kind", "messenger"],
        &token,
        &[("TOKENWARDEN_VAULT_PASSPHRASE", "short")],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("at least 8"), "{}", out.stderr);
    assert!(!fresh.path().join("vault.age").exists(), "no vault made");
    assert!(!fresh.path().join("catalog.json").exists());
}

#[test]
fn a_file_asking_for_too_much_scrypt_work_is_refused_at_once() {
    let env = Env::new();
    env.add_acme_app();
    let catalog = std::fs::read(env.profile_dir().join("catalog.json")).unwrap();
    let planted = env.profile.path().join("planted.age");
    std::fs::write(&planted, age_file_asking_for(30)).unwrap();
    let started = Instant::now();
    let out = with_backup_passphrase(
        &env,
        &["restore", planted.to_str().unwrap(), "--yes"],
        BACKUP_PW,
    );
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.stderr.contains("work factor 30") && out.stderr.contains("more than the 20"),
        "{}",
        out.stderr
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(
        std::fs::read(env.profile_dir().join("catalog.json")).unwrap(),
        catalog
    );

    // The same for a vault: refused before any work, left as it is.
    let vault = env.profile_dir().join("vault.age");
    std::fs::write(&vault, age_file_asking_for(21)).unwrap();
    let out = env.run(&["check"], "");
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(out.stderr.contains("work factor 21"), "{}", out.stderr);
    assert_eq!(std::fs::read(&vault).unwrap(), age_file_asking_for(21));
}

#[test]
fn a_backup_never_uses_less_than_the_default_work_factor() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    // Env writes its vault with work factor 12 (TOKENWARDEN_VAULT_WORK_FACTOR) for speed.
    assert_eq!(work_factor_of(&env.profile_dir().join("vault.age")), 12);
    let file = env.profile.path().join("all.age");
    let out = with_backup_passphrase(&env, &["backup", file.to_str().unwrap()], BACKUP_PW);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        work_factor_of(&file) >= tokenwarden::store::DEFAULT_WORK_FACTOR,
        "backup written with work factor {}",
        work_factor_of(&file)
    );
}
