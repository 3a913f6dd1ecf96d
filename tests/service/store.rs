//! The profile folder, the catalog file and the secret stores against real files, real age
//! encryption and (where one is running) the real OS keychain.
//!
//! Some tests re-run this test binary as a child process (see `run_child`): separate processes
//! prove the file locks work across programs, and let a child see a changed environment.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use tokenwarden::model::{Channel, ChannelKind, Secret, SecretRef, StoredToken};
use tokenwarden::store::{
    CATALOG_SCHEMA, Catalog, CatalogFile, Profile, SecretBackend, SecretError, SecretStore,
    SecretStoreKind, Store, StoreError, VaultStore,
};

/// Set in a child process: the profile folder it works on.
const CHILD_DIR: &str = "TOKENWARDEN_TEST_CHILD_DIR";
/// Set in a child process: distinguishes what the children add.
const CHILD_TAG: &str = "TOKENWARDEN_TEST_CHILD_TAG";
/// Fast scrypt for tests; the real default (18) takes about a second per write.
const TEST_WORK_FACTOR: u8 = 12;

fn new_profile() -> (tempfile::TempDir, Profile) {
    let base = tempfile::tempdir().unwrap();
    let profile = Profile::resolve(Some(base.path().join("profile"))).unwrap();
    (base, profile)
}

fn channel(name: &str) -> Channel {
    Channel {
        id: Channel::new_id(),
        name: name.to_string(),
        kind: ChannelKind::FacebookPage,
        app_id: None,
        page_id: None,
        page_name: None,
        token: StoredToken {
            secret: SecretRef::new_token(),
            fingerprint: "sha256:000000000000".into(),
            saved_at: Utc::now(),
        },
        previous_token: None,
        previous_report: None,
        last_report: None,
        last_failure: None,
        added_at: Utc::now(),
    }
}

fn add_channels(profile: &Profile, tag: &str, count: usize) {
    for i in 0..count {
        // A fresh CatalogFile each time: its own lock handle, like another program.
        let file = CatalogFile::new(profile);
        file.update(|c| {
            c.channels.push(channel(&format!("{tag}-{i}")));
            Ok::<_, StoreError>(())
        })
        .unwrap();
    }
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Re-runs this test binary for exactly `test` of this module, with `envs` set.
fn run_child(test: &str, envs: &[(&str, &str)]) -> std::process::Child {
    // The harness names a test by its path below the binary's crate ("store::child_…").
    let module = module_path!().split_once("::").map_or("", |(_, m)| m);
    let test = format!("{module}::{test}");
    Command::new(std::env::current_exe().unwrap())
        .args([test.as_str(), "--exact", "--nocapture", "--test-threads=1"])
        .envs(envs.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn wait_ok(child: std::process::Child) {
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "the child process failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

// ---------------------------------------------------------------------------------------------
// Catalog

#[test]
fn a_missing_catalog_loads_empty_and_writes_nothing() {
    let (_base, profile) = new_profile();
    let catalog = CatalogFile::new(&profile).load().unwrap();
    assert!(catalog.channels.is_empty() && catalog.apps.is_empty());
    assert!(files_in(&profile.dir).is_empty());
}

#[test]
fn the_first_update_assigns_a_profile_id_and_the_schema() {
    let (_base, profile) = new_profile();
    let file = CatalogFile::new(&profile);
    let id = file
        .update(|c| Ok::<_, StoreError>(c.profile_id.clone()))
        .unwrap();
    assert!(!id.is_empty());
    let saved = file.load().unwrap();
    assert_eq!(saved.profile_id, id);
    assert_eq!(saved.schema, CATALOG_SCHEMA);
}

/// A catalog as earlier versions wrote it: indented, every unknown fact as `null`.
const OLD_STYLE_CATALOG: &str = r#"{
  "schema": 1,
  "profile_id": "0b7c6a54-3f0e-4a43-9d0e-8c1f5e2a7d10",
  "apps": [
    {
      "id": "1000000000001",
      "name": "Acme Support",
      "has_secret": true,
      "client_token": null
    }
  ],
  "channels": [
    {
      "id": "c1",
      "name": "Acme Shoes",
      "kind": "messenger",
      "app_id": "1000000000001",
      "page_id": "500001",
      "page_name": null,
      "token": {
        "secret": "token-1",
        "fingerprint": "sha256:000000000001",
        "saved_at": "2026-11-20T10:00:00Z"
      },
      "previous_token": null,
      "previous_report": null,
      "last_report": {
        "checked_at": "2026-11-23T11:00:00Z",
        "check_method": "debug_token",
        "is_valid": false,
        "type": "PAGE",
        "app_id": "1000000000001",
        "application": null,
        "user_id": null,
        "user_name": null,
        "profile_id": "500001",
        "profile_name": null,
        "issued_at": null,
        "expires_at": null,
        "never_expires": true,
        "data_access_expires_at": null,
        "scopes": ["pages_messaging"],
        "granular_scopes": null,
        "error": {
          "code": 190,
          "subcode": 460,
          "message": "password changed",
          "user_title": null,
          "user_message": null,
          "fbtrace_id": null
        },
        "webhook": null,
        "instagram_account_id": null
      },
      "last_failure": null,
      "added_at": "2026-11-20T10:00:00Z"
    }
  ],
  "last_check_at": "2026-11-23T11:00:00Z"
}
"#;

#[test]
fn an_old_style_catalog_loads_and_is_rewritten_smaller_with_the_same_content() {
    let (_base, profile) = new_profile();
    std::fs::write(profile.catalog_path(), OLD_STYLE_CATALOG).unwrap();
    let file = CatalogFile::new(&profile);
    let old = file.load().unwrap();
    let shoes = old.channel("Acme Shoes").expect("the channel loads");
    let report = shoes.last_report.as_ref().expect("its last report");
    assert_eq!(report.is_valid, Some(false));
    assert_eq!(report.error.as_ref().map(|e| e.subcode), Some(Some(460)));
    assert_eq!(report.expires_at, None);
    assert_eq!(shoes.page_name, None);

    // Any change rewrites the file in the lean shape: no indentation, no nulls.
    file.update(|c| {
        c.apps[0].name = "Acme Helpdesk".into();
        Ok::<_, StoreError>(())
    })
    .unwrap();
    let text = std::fs::read_to_string(profile.catalog_path()).unwrap();
    assert!(!text.contains("null") && !text.contains("\n  "), "{text}");
    assert!(text.len() < OLD_STYLE_CATALOG.len() / 2, "{text}");
    let new = file.load().unwrap();
    assert_eq!(new.channels, old.channels, "the same channels");
    assert_eq!(new.apps[0].name, "Acme Helpdesk");
    assert_eq!(new.apps[0].client_token, None);
    assert_eq!(new.last_check_at, old.last_check_at);
}

#[test]
fn a_channel_is_found_by_id_before_its_exact_name() {
    let (first, mut second) = (channel("Shop"), channel("Other"));
    // A channel whose name is another channel's id: the id wins.
    second.name = first.id.clone();
    let mut catalog = Catalog {
        channels: vec![second.clone(), first.clone()],
        ..Catalog::default()
    };
    assert_eq!(catalog.channel(&first.id).unwrap().name, "Shop");
    assert_eq!(catalog.channel("Shop").unwrap().id, first.id);
    assert_eq!(catalog.channel(&second.id).unwrap().id, second.id);
    assert!(catalog.channel("shop").is_none(), "names match exactly");

    catalog.channel_mut("Shop").unwrap().page_id = Some("42".into());
    assert_eq!(catalog.channels[1].page_id.as_deref(), Some("42"));
}

#[test]
fn two_threads_adding_30_channels_each_keep_all_60() {
    let (_base, profile) = new_profile();
    std::thread::scope(|s| {
        for tag in ["left", "right"] {
            let profile = profile.clone();
            s.spawn(move || add_channels(&profile, tag, 30));
        }
    });
    assert_all_60(&profile, ["left", "right"]);
}

#[test]
fn two_processes_adding_30_channels_each_keep_all_60() {
    let (_base, profile) = new_profile();
    let dir = profile.dir.to_string_lossy().into_owned();
    let children: Vec<_> = ["one", "two"]
        .into_iter()
        .map(|tag| {
            run_child(
                "child_adds_30_channels",
                &[(CHILD_DIR, &dir), (CHILD_TAG, tag)],
            )
        })
        .collect();
    children.into_iter().for_each(wait_ok);
    assert_all_60(&profile, ["one", "two"]);
}

/// Runs only as a child of `two_processes_adding_30_channels_each_keep_all_60`.
#[test]
fn child_adds_30_channels() {
    let (Ok(dir), Ok(tag)) = (std::env::var(CHILD_DIR), std::env::var(CHILD_TAG)) else {
        return;
    };
    add_channels(&Profile { dir: dir.into() }, &tag, 30);
}

fn assert_all_60(profile: &Profile, tags: [&str; 2]) {
    let catalog = CatalogFile::new(profile).load().unwrap();
    assert_eq!(catalog.channels.len(), 60);
    for tag in tags {
        for i in 0..30 {
            let name = format!("{tag}-{i}");
            assert!(catalog.channel(&name).is_some(), "{name} was lost");
        }
    }
    assert_eq!(files_in(&profile.dir), ["catalog.json", "catalog.lock"]);
}

#[test]
fn an_update_whose_closure_fails_writes_nothing() {
    let (_base, profile) = new_profile();
    let file = CatalogFile::new(&profile);

    // On a fresh profile: no catalog appears.
    let err = file
        .update(|c| {
            c.channels.push(channel("never saved"));
            Err::<(), _>(StoreError::NoProfileDir)
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::NoProfileDir));
    assert!(!profile.catalog_path().exists());

    // On an existing catalog: not a byte changes, and no temp file is left behind.
    add_channels(&profile, "kept", 1);
    let before = std::fs::read(profile.catalog_path()).unwrap();
    let _ = file.update(|c| {
        c.channels.clear();
        Err::<(), _>(StoreError::NoProfileDir)
    });
    assert_eq!(std::fs::read(profile.catalog_path()).unwrap(), before);
    assert_eq!(files_in(&profile.dir), ["catalog.json", "catalog.lock"]);
}

#[test]
fn a_catalog_from_a_newer_tokenwarden_is_refused_and_left_alone() {
    let (_base, profile) = new_profile();
    let newer = br#"{"schema": 99, "profile_id": "p", "channels": "a shape we do not know"}"#;
    std::fs::write(profile.catalog_path(), newer).unwrap();
    let file = CatalogFile::new(&profile);

    let err = file.load().unwrap_err();
    assert!(
        matches!(err, StoreError::NewerSchema { found: 99, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("newer Tokenwarden"), "{err}");

    let err = file.update(|_| Ok::<_, StoreError>(())).unwrap_err();
    assert!(matches!(err, StoreError::NewerSchema { .. }));
    assert_eq!(std::fs::read(profile.catalog_path()).unwrap(), newer);
}

#[test]
fn a_corrupt_catalog_is_a_clear_error_naming_the_file_and_is_never_reset() {
    let (_base, profile) = new_profile();
    let file = CatalogFile::new(&profile);
    for bad in [
        &br#"{"schema": 1, "profile_id": "p", "channels": [{"id": "#[..],
        b"",
        br#"{"profile_id": "no schema"}"#,
        br#"{"schema": 1, "profile_id": "p", "channels": [{"id": 5}]}"#,
    ] {
        std::fs::write(profile.catalog_path(), bad).unwrap();
        let err = file.load().unwrap_err();
        assert!(matches!(err, StoreError::CorruptCatalog { .. }), "{err:?}");
        let msg = err.to_string();
        assert!(
            msg.contains("catalog.json") && msg.contains("damaged"),
            "{msg}"
        );

        let err = file
            .update(|c| {
                *c = Catalog::default();
                Ok::<_, StoreError>(())
            })
            .unwrap_err();
        assert!(matches!(err, StoreError::CorruptCatalog { .. }));
        assert_eq!(std::fs::read(profile.catalog_path()).unwrap(), bad);
    }
}

// ---------------------------------------------------------------------------------------------
// Vault

fn open_vault(profile: &Profile, passphrase: &str) -> Result<VaultStore, SecretError> {
    VaultStore::open_with_work_factor(profile, Secret::new(passphrase), TEST_WORK_FACTOR)
}

/// Creates the vault (or adds to it) with one secret.
fn save_one_secret(profile: &Profile, passphrase: &str) {
    let vault = open_vault(profile, passphrase).unwrap();
    vault
        .set(&SecretRef::new_token(), &Secret::new("t"))
        .unwrap();
}

/// Every file under `dir`, recursively.
fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(all_files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// The log2 N written in the vault's scrypt stanza (`-> scrypt SALT N`).
fn stanza_work_factor(profile: &Profile) -> u8 {
    let bytes = std::fs::read(profile.vault_path()).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let line = text
        .lines()
        .find(|l| l.starts_with("-> scrypt "))
        .expect("a scrypt stanza");
    line.rsplit(' ').next().unwrap().parse().unwrap()
}

#[test]
fn vault_round_trip_keeps_secrets_encrypted_on_disk() {
    let (_base, profile) = new_profile();
    let vault = open_vault(&profile, "correct horse").unwrap();
    assert_eq!(vault.kind(), SecretStoreKind::Vault);
    assert!(!profile.vault_path().exists(), "created on the first set");

    let token = "EAABsecretTOKENthatMustNeverBeOnDiskInClear";
    let r = SecretRef::new_token();
    vault.set(&r, &Secret::new(token)).unwrap();
    vault
        .set(
            &SecretRef::app_secret("1234"),
            &Secret::new("app-secret-value"),
        )
        .unwrap();
    assert_eq!(vault.get(&r).unwrap().expose(), token);

    // A catalog beside it, as the app would write.
    CatalogFile::new(&profile)
        .update(|c| {
            let mut ch = channel("Shop");
            ch.token.secret = r.clone();
            c.channels.push(ch);
            Ok::<_, StoreError>(())
        })
        .unwrap();

    let bytes = std::fs::read(profile.vault_path()).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"));
    for path in all_files(&profile.dir) {
        let content = std::fs::read(&path).unwrap();
        for secret in [token, "app-secret-value"] {
            assert!(
                !content
                    .windows(secret.len())
                    .any(|w| w == secret.as_bytes()),
                "{} holds a secret in clear",
                path.display()
            );
        }
    }

    // Another handle (as another process would) reads the same secrets.
    let again = open_vault(&profile, "correct horse").unwrap();
    assert_eq!(again.get(&r).unwrap().expose(), token);

    again.delete(&r).unwrap();
    again.delete(&r).unwrap();
    assert!(matches!(vault.get(&r), Err(SecretError::Missing(_))));
    assert_eq!(
        vault.get(&SecretRef::app_secret("1234")).unwrap().expose(),
        "app-secret-value"
    );
}

#[test]
fn vault_with_the_wrong_passphrase_fails_at_open_and_changes_nothing() {
    let (_base, profile) = new_profile();
    save_one_secret(&profile, "right");
    let before = std::fs::read(profile.vault_path()).unwrap();

    let err = open_vault(&profile, "wrong").expect_err("must fail");
    assert!(matches!(err, SecretError::WrongPassphrase), "{err:?}");
    assert_eq!(
        err.to_string(),
        "The vault passphrase is wrong. Nothing was changed."
    );

    let err = Store::open(
        profile.clone(),
        SecretBackend::Vault {
            passphrase: Secret::new("wrong"),
        },
    )
    .expect_err("must fail");
    assert!(
        matches!(err, StoreError::Secret(SecretError::WrongPassphrase)),
        "{err:?}"
    );
    assert_eq!(std::fs::read(profile.vault_path()).unwrap(), before);
}

#[test]
fn vault_created_meanwhile_with_another_passphrase_refuses_writes() {
    let (_base, profile) = new_profile();
    let mine = open_vault(&profile, "right").unwrap();
    let other = open_vault(&profile, "wrong").unwrap(); // no file yet: nothing to check
    mine.set(&SecretRef::new_token(), &Secret::new("t"))
        .unwrap();
    let before = std::fs::read(profile.vault_path()).unwrap();

    let err = other
        .set(&SecretRef::new_token(), &Secret::new("u"))
        .unwrap_err();
    assert!(matches!(err, SecretError::WrongPassphrase), "{err:?}");
    assert_eq!(std::fs::read(profile.vault_path()).unwrap(), before);
}

#[test]
fn a_truncated_or_garbage_vault_is_reported_damaged_and_left_alone() {
    let (_base, profile) = new_profile();
    let vault = open_vault(&profile, "pw").unwrap();
    let r = SecretRef::new_token();
    vault.set(&r, &Secret::new("a-token-long-enough")).unwrap();
    let whole = std::fs::read(profile.vault_path()).unwrap();

    let cut_in_header = whole[..40].to_vec();
    let cut_in_payload = whole[..whole.len() - 10].to_vec();
    let mut flipped = whole.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x55;
    let garbage = b"this is not an age file at all".to_vec();

    for damaged in [cut_in_header, cut_in_payload, flipped, garbage] {
        std::fs::write(profile.vault_path(), &damaged).unwrap();
        let err = open_vault(&profile, "pw").expect_err("must fail");
        assert!(matches!(err, SecretError::VaultDamaged { .. }), "{err:?}");
        assert!(err.to_string().contains("Nothing was changed"), "{err}");

        // The handle opened before also notices, and a write does not overwrite the file.
        assert!(matches!(
            vault.get(&r),
            Err(SecretError::VaultDamaged { .. })
        ));
        let err = vault.set(&r, &Secret::new("x")).unwrap_err();
        assert!(matches!(err, SecretError::VaultDamaged { .. }), "{err:?}");
        assert_eq!(std::fs::read(profile.vault_path()).unwrap(), damaged);
    }
}

#[test]
fn vault_writes_use_the_requested_work_factor() {
    let (_base, profile) = new_profile();
    save_one_secret(&profile, "pw");
    assert_eq!(stanza_work_factor(&profile), TEST_WORK_FACTOR);
}

#[test]
fn vault_work_factor_comes_from_the_environment() {
    let (_base, profile) = new_profile();
    let dir = profile.dir.to_string_lossy().into_owned();
    wait_ok(run_child(
        "child_writes_a_vault_through_store_open",
        &[(CHILD_DIR, &dir), ("TOKENWARDEN_VAULT_WORK_FACTOR", "11")],
    ));
    assert_eq!(stanza_work_factor(&profile), 11);

    wait_ok(run_child(
        "child_writes_a_vault_through_store_open",
        &[
            (CHILD_DIR, &dir),
            (CHILD_TAG, "expect-error"),
            ("TOKENWARDEN_VAULT_WORK_FACTOR", "30"),
        ],
    ));
}

/// Runs only as a child of `vault_work_factor_comes_from_the_environment`.
#[test]
fn child_writes_a_vault_through_store_open() {
    let Ok(dir) = std::env::var(CHILD_DIR) else {
        return;
    };
    let backend = SecretBackend::Vault {
        passphrase: Secret::new("pw"),
    };
    let opened = Store::open(Profile { dir: dir.into() }, backend);
    if std::env::var(CHILD_TAG).as_deref() == Ok("expect-error") {
        let err = opened.expect_err("an out-of-range work factor is refused");
        assert!(err.to_string().contains("10 to 20"), "{err}");
        return;
    }
    let store = opened.unwrap();
    assert_eq!(store.secrets.kind(), SecretStoreKind::Vault);
    store
        .secrets
        .set(&SecretRef::new_token(), &Secret::new("t"))
        .unwrap();
}

// ---------------------------------------------------------------------------------------------
// Memory

#[test]
fn memory_store_round_trip() {
    let (_base, profile) = new_profile();
    let store = Store::open(profile, SecretBackend::Memory).unwrap();
    assert_eq!(store.secrets.kind().label(), "Memory (demo)");
    let r = SecretRef::new_token();
    store.secrets.set(&r, &Secret::new("EAAB")).unwrap();
    assert_eq!(store.secrets.get(&r).unwrap().expose(), "EAAB");
}

// ---------------------------------------------------------------------------------------------
// Keyring

/// Opens a keyring-backed store that can also save (a keyring that opens but cannot create its
/// collection, e.g. gnome-keyring activated without a login keyring, dismisses the prompt), or
/// says why the test is skipped. With `TOKENWARDEN_TEST_KEYRING=required` an unavailable
/// keychain fails the test instead.
fn keyring_store_or_skip(profile: Profile) -> Option<Store> {
    let probe = |store: &Store| {
        let r = SecretRef::new_token();
        store.secrets.set(&r, &Secret::new("probe"))?;
        store.secrets.delete(&r)
    };
    let unavailable = match Store::open(profile, SecretBackend::Keyring) {
        Ok(store) => match probe(&store) {
            Ok(()) => return Some(store),
            Err(e) if e.is_unavailable() => e,
            Err(e) => panic!("unexpected error saving to the keyring: {e}"),
        },
        Err(StoreError::Secret(e)) if e.is_unavailable() => e,
        Err(e) => panic!("unexpected error opening the keyring store: {e}"),
    };
    if std::env::var("TOKENWARDEN_TEST_KEYRING").as_deref() == Ok("required") {
        panic!("TOKENWARDEN_TEST_KEYRING=required but the keychain is unavailable: {unavailable}");
    }
    println!("skipped: no Secret Service ({unavailable})");
    None
}

#[test]
fn keyring_round_trip_from_a_thread_and_from_tokio() {
    let (_base, profile) = new_profile();
    let Some(store) = keyring_store_or_skip(profile.clone()) else {
        return;
    };
    assert_eq!(store.secrets.kind().label(), "System keychain");
    let secrets = Arc::clone(&store.secrets);
    let r = SecretRef::new_token();

    // A plain thread.
    let (s, r2) = (Arc::clone(&secrets), r.clone());
    std::thread::spawn(move || {
        assert!(matches!(s.get(&r2), Err(SecretError::Missing(_))));
        s.set(&r2, &Secret::new("EAAB-from-a-thread")).unwrap();
        assert_eq!(s.get(&r2).unwrap().expose(), "EAAB-from-a-thread");
    })
    .join()
    .unwrap();

    // spawn_blocking on a multi-thread runtime, and straight from an async task.
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let (s, r2) = (Arc::clone(&secrets), r.clone());
        tokio::task::spawn_blocking(move || {
            assert_eq!(s.get(&r2).unwrap().expose(), "EAAB-from-a-thread");
            s.set(&r2, &Secret::new("EAAB-from-tokio")).unwrap();
        })
        .await
        .unwrap();
        let (s, r2) = (Arc::clone(&secrets), r.clone());
        tokio::spawn(async move { s.get(&r2).unwrap() })
            .await
            .unwrap()
    });
    assert_eq!(secrets.get(&r).unwrap().expose(), "EAAB-from-tokio");

    // Another profile has its own namespace.
    let (_other_base, other_profile) = new_profile();
    let other = keyring_store_or_skip(other_profile).expect("the keychain was just available");
    assert!(matches!(
        other.secrets.get(&r),
        Err(SecretError::Missing(_))
    ));

    // Reopening the same profile finds the secret again.
    let reopened = keyring_store_or_skip(profile).expect("the keychain was just available");
    assert_eq!(
        reopened.secrets.get(&r).unwrap().expose(),
        "EAAB-from-tokio"
    );

    secrets.delete(&r).unwrap();
    secrets.delete(&r).unwrap();
    assert!(matches!(secrets.get(&r), Err(SecretError::Missing(_))));
}

#[cfg(target_os = "linux")]
#[test]
fn keyring_without_a_session_bus_is_unavailable_and_names_the_vault() {
    let (_base, profile) = new_profile();
    let dir = profile.dir.to_string_lossy().into_owned();
    wait_ok(run_child(
        "child_opens_the_keyring_without_a_bus",
        &[
            (CHILD_DIR, &dir),
            ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus"),
        ],
    ));
}

/// Runs only as a child of `keyring_without_a_session_bus_is_unavailable_and_names_the_vault`.
#[test]
fn child_opens_the_keyring_without_a_bus() {
    let Ok(dir) = std::env::var(CHILD_DIR) else {
        return;
    };
    let started = Instant::now();
    let err = Store::open(Profile { dir: dir.into() }, SecretBackend::Keyring)
        .expect_err("no session bus, so no keychain");
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "it must not hang"
    );
    let StoreError::Secret(secret_err) = &err else {
        panic!("expected a secret store error, got {err:?}");
    };
    assert!(secret_err.is_unavailable(), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains("system keychain is not available"), "{msg}");
    assert!(msg.contains("TOKENWARDEN_SECRETS=vault"), "{msg}");
    assert!(msg.contains("never stores tokens in clear text"), "{msg}");
    assert!(!msg.to_lowercase().contains("token is"), "{msg}");
}
