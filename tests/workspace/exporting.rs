//! `workspace export` and `backup` on a workspace: the workspace copied out to a new local
//! profile (or a backup file) with its tokens opened by a renewer's key, refused to a viewer,
//! never written over anything, and never left half-made.

use std::path::Path;

use crate::{Team, fingerprint, listed};
use tokenwarden::sim::scenario::ACME_APP_SECRET;

const BACKUP_PASSPHRASE: &str = "backup passphrase 42";

/// The names in `dir`, sorted (to prove nothing else was made next to it).
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Alice saves Acme Shoes and renews it once, so it has a previous token; returns the
/// fingerprints (first, renewed).
fn shoes_renewed_once(team: &Team) -> (String, String) {
    team.alice_adds_shoes();
    let first = fingerprint(&team.env.list_json(), "Acme Shoes");
    let out = team.alice(&["renew", "Acme Shoes"], &team.shoes_token());
    assert_eq!(out.code, 0, "renew: {}", out.stderr);
    let renewed = fingerprint(&team.env.list_json(), "Acme Shoes");
    assert_ne!(first, renewed);
    (first, renewed)
}

fn assert_no_secret_in(team: &Team, dir: &Path) {
    crate::assert_no_token_in(team, dir);
    let mut files = vec![];
    crate::support::collect_files(dir, &mut files);
    for f in &files {
        let text = String::from_utf8_lossy(&std::fs::read(f).unwrap()).into_owned();
        assert!(
            !text.contains(ACME_APP_SECRET),
            "the app secret is in clear in {}",
            f.display()
        );
    }
}

#[test]
fn a_renewer_exports_the_workspace_to_a_new_local_profile_that_works_on_its_own() {
    let team = Team::new(Some("renewer"));
    let (first, renewed) = shoes_renewed_once(&team);
    let out = team.alice(&["check"], "");
    assert_eq!(out.code, 0, "check all: {}", out.stderr);
    let checked_at = team.env.list_json()["checked_at"].clone();
    assert!(checked_at.is_string(), "{checked_at}");
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("exported");
    let to = dir.to_str().unwrap();

    // Bob, who never saved anything himself, exports with the key the tokens are sealed to.
    let out = team.bob(&["workspace", "export", "--to", to], "");
    assert_eq!(out.code, 0, "export: {}", out.stderr);
    assert!(
        out.stdout.contains("one channel and one app")
            && out.stdout.contains("one previous token (for rollback)")
            && out
                .stdout
                .contains(&format!("tokenwarden --profile {to} list")),
        "{}",
        out.stdout
    );
    assert_eq!(names_in(parent.path()), ["exported"], "no staging left");
    assert!(
        !dir.join("workspace.json").exists(),
        "the new profile is a local one"
    );

    // The new profile lists the same channel and token, and checks it with the simulator
    // using the exported token and app secret (the proof is made from both).
    let list = listed(&team.env.run_in(&dir, &["list", "--json"], "", &[]));
    assert_eq!(list["channels"].as_array().unwrap().len(), 1);
    assert_eq!(fingerprint(&list, "Acme Shoes"), renewed);
    assert_eq!(list["checked_at"], checked_at, "when all was last checked");
    team.env.control.clear_requests();
    let out = team
        .env
        .run_in(&dir, &["check", "Acme Shoes", "--json"], "", &[]);
    assert_eq!(out.code, 0, "check in the exported profile: {}", out.stderr);
    assert_eq!(
        out.json()["channels"][0]["health"],
        "healthy",
        "{}",
        out.stdout
    );
    let proofs: Vec<_> = team
        .env
        .control
        .requests()
        .into_iter()
        .filter_map(|r| r.appsecret_proof_valid)
        .collect();
    assert!(
        !proofs.is_empty() && proofs.iter().all(|ok| *ok),
        "the simulator saw the exported token signed with the exported app secret: {proofs:?}"
    );

    // Who did what came along, under the members' names.
    let history = team
        .env
        .run_in(&dir, &["history", "Acme Shoes", "--json"], "", &[]);
    crate::assert_renewal_in_history(&history, "alice", &renewed);

    // The previous token came too: rollback works there, and leaves the workspace alone.
    let out = team
        .env
        .run_in(&dir, &["rollback", "Acme Shoes", "--json"], "", &[]);
    assert_eq!(
        out.code, 0,
        "rollback in the exported profile: {}",
        out.stderr
    );
    let list = listed(&team.env.run_in(&dir, &["list", "--json"], "", &[]));
    assert_eq!(fingerprint(&list, "Acme Shoes"), first);
    assert_eq!(fingerprint(&team.env.list_json(), "Acme Shoes"), renewed);

    assert_no_secret_in(&team, &dir);
    team.env.assert_no_secret_leaked();
}

#[test]
fn the_export_says_what_it_copied_in_json() {
    let team = Team::new(Some("renewer"));
    shoes_renewed_once(&team);
    let parent = tempfile::tempdir().unwrap();
    // An empty folder is as good as a new one.
    let out = team.alice(
        &[
            "workspace",
            "export",
            "--to",
            parent.path().to_str().unwrap(),
            "--json",
        ],
        "",
    );
    assert_eq!(out.code, 0, "export: {}", out.stderr);
    let json = out.json();
    assert_eq!(json["channels"], serde_json::json!(["Acme Shoes"]));
    assert_eq!(json["apps"], serde_json::json!(["Acme Support"]));
    assert_eq!(json["previous_tokens"], 1);
    assert_eq!(json["secret_store"], "vault");
    // Added, then replaced: both lines.
    assert!(json["history_lines"].as_u64().unwrap() >= 2, "{json}");
    assert!(parent.path().join("catalog.json").is_file());
}

#[test]
fn a_viewer_cannot_export_nor_back_up_and_nothing_is_made() {
    let team = Team::new(Some("viewer"));
    team.alice_adds_shoes();
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("exported");
    std::fs::create_dir(&dir).unwrap();
    let out = team.bob(&["workspace", "export", "--to", dir.to_str().unwrap()], "");
    assert_ne!(out.code, 0);
    assert!(
        out.stderr.contains("bob is a viewer") && out.stderr.contains("Nothing was changed"),
        "{}",
        out.stderr
    );
    assert!(names_in(&dir).is_empty(), "DIR is left empty");
    assert_eq!(
        names_in(parent.path()),
        ["exported"],
        "nothing made next to it"
    );

    let file = parent.path().join("team.twbackup");
    let out = team.env.run_in(
        team.bob_dir(),
        &["backup", file.to_str().unwrap()],
        "",
        &[("TOKENWARDEN_BACKUP_PASSPHRASE", BACKUP_PASSPHRASE)],
    );
    assert_ne!(out.code, 0);
    assert!(out.stderr.contains("bob is a viewer"), "{}", out.stderr);
    assert!(!file.exists(), "no backup file is written");
}

#[test]
fn an_export_never_writes_over_a_folder_with_anything_in_it() {
    let team = Team::new(None);
    team.alice_adds_shoes();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let out = team.alice(
        &["workspace", "export", "--to", dir.path().to_str().unwrap()],
        "",
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("is not empty"), "{}", out.stderr);
    assert_eq!(names_in(dir.path()), ["notes.txt"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "mine"
    );

    // Nor over another profile: its channel stays as it was, alone.
    let local = tempfile::tempdir().unwrap();
    team.env.add_acme_app_in(local.path());
    team.env
        .add_channel_in(local.path(), "Acme Hats", "messenger", "shoes_messenger");
    let before = names_in(local.path());
    let out = team.alice(
        &[
            "workspace",
            "export",
            "--to",
            local.path().to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(names_in(local.path()), before);
    let list = listed(&team.env.run_in(local.path(), &["list", "--json"], "", &[]));
    let names: Vec<_> = list["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].clone())
        .collect();
    assert_eq!(names, ["Acme Hats"]);
}

#[test]
fn a_secret_not_sealed_to_the_member_stops_the_export_and_leaves_nothing() {
    let team = Team::new(Some("renewer"));
    team.alice_adds_shoes();
    // As if the channel's token had been sealed before Bob became a renewer.
    let changed = team
        .db()
        .execute(
            "UPDATE sealed_secrets SET sealed_for = array_remove(sealed_for, $1) \
             WHERE ref NOT LIKE 'app-secret-%'",
            &[&team.bob_key],
        )
        .unwrap();
    assert_eq!(changed, 1);
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("exported");
    let out = team.bob(&["workspace", "export", "--to", dir.to_str().unwrap()], "");
    assert_ne!(out.code, 0);
    assert!(
        out.stderr.contains("not sealed to bob's key"),
        "{}",
        out.stderr
    );
    assert!(!dir.exists());
    assert!(
        names_in(parent.path()).is_empty(),
        "the half-made profile is removed: {:?}",
        names_in(parent.path())
    );
}

#[test]
fn a_backup_of_the_workspace_restores_into_a_fresh_local_profile() {
    let team = Team::new(Some("renewer"));
    let (first, renewed) = shoes_renewed_once(&team);
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("team.twbackup");
    let file_arg = file.to_str().unwrap();
    let pass = [("TOKENWARDEN_BACKUP_PASSPHRASE", BACKUP_PASSPHRASE)];
    let out = team
        .env
        .run_in(team.bob_dir(), &["backup", file_arg], "", &pass);
    assert_eq!(out.code, 0, "backup: {}", out.stderr);
    assert!(out.stdout.contains("1 channel"), "{}", out.stdout);
    let bytes = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
    for t in team.env.tokens_used.borrow().iter() {
        assert!(
            !bytes.contains(t.as_str()),
            "a token is in clear in the backup"
        );
    }

    let fresh = tempfile::tempdir().unwrap();
    let out = team
        .env
        .run_in(fresh.path(), &["restore", file_arg, "--yes"], "", &pass);
    assert_eq!(out.code, 0, "restore: {}\n{}", out.stdout, out.stderr);
    let list = listed(&team.env.run_in(fresh.path(), &["list", "--json"], "", &[]));
    assert_eq!(fingerprint(&list, "Acme Shoes"), renewed);
    let out = team
        .env
        .run_in(fresh.path(), &["check", "Acme Shoes"], "", &[]);
    assert_eq!(out.code, 0, "check after restore: {}", out.stderr);
    let out = team
        .env
        .run_in(fresh.path(), &["rollback", "Acme Shoes"], "", &[]);
    assert_eq!(out.code, 0, "rollback after restore: {}", out.stderr);
    let list = listed(&team.env.run_in(fresh.path(), &["list", "--json"], "", &[]));
    assert_eq!(fingerprint(&list, "Acme Shoes"), first);
    assert_no_secret_in(&team, fresh.path());
}
