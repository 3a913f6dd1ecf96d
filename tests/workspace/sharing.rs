//! What one member saves, the other sees and can use; the database holds no secret in clear.

use std::process::Command;

use crate::{Team, fingerprint, listed};

#[test]
fn a_channel_added_by_one_member_is_listed_checked_and_renewed_for_the_other() {
    let team = Team::new(Some("renewer"));
    team.alice_adds_shoes();
    let first = fingerprint(&team.env.list_json(), "Acme Shoes");
    let bobs = listed(&team.bob(&["list", "--json"], ""));
    assert_eq!(fingerprint(&bobs, "Acme Shoes"), first);

    // Bob opens the token sealed to him and checks it with Facebook.
    let out = team.bob(&["check", "Acme Shoes", "--json"], "");
    assert_eq!(out.code, 0, "Bob's check: {}", out.stderr);

    // Alice renews; Bob sees the new token, and that Alice did it.
    let out = team.alice(&["renew", "Acme Shoes"], &team.shoes_token());
    assert_eq!(out.code, 0, "Alice's renewal: {}", out.stderr);
    let renewed = fingerprint(&team.env.list_json(), "Acme Shoes");
    assert_ne!(renewed, first);
    let bobs = listed(&team.bob(&["list", "--json"], ""));
    assert_eq!(fingerprint(&bobs, "Acme Shoes"), renewed);
    let history = team.bob(&["history", "Acme Shoes", "--json"], "");
    // The renewal is in Bob's history under Alice's name.
    crate::assert_renewal_in_history(&history, "alice", &renewed);
    // Bob renews in turn with a token of his own; Alice sees it.
    let out = team.bob(&["renew", "Acme Shoes"], &team.shoes_token());
    assert_eq!(out.code, 0, "Bob's renewal: {}", out.stderr);
    let bobs_token = fingerprint(&listed(&team.bob(&["list", "--json"], "")), "Acme Shoes");
    assert_eq!(fingerprint(&team.env.list_json(), "Acme Shoes"), bobs_token);

    // A dump of the database, as its administrator or a backup holds it.
    let dump = Command::new("pg_dump")
        .args(["--no-owner", "-d", &team.database])
        .output()
        .expect("pg_dump runs (postgresql-client)");
    assert!(
        dump.status.success(),
        "pg_dump: {}",
        String::from_utf8_lossy(&dump.stderr)
    );
    let dump = String::from_utf8_lossy(&dump.stdout);
    assert!(
        dump.contains("sealed_secrets") && dump.contains("Acme Shoes") && dump.contains(&renewed),
        "the dump holds the workspace (names, fingerprints)"
    );
    for token in team.env.tokens_used.borrow().iter() {
        assert!(
            !dump.contains(token.as_str()),
            "a token is in clear in the dump"
        );
    }
    assert!(
        !dump.contains(tokenwarden::sim::scenario::ACME_APP_SECRET),
        "the app secret is in clear in the dump"
    );
    team.env.assert_no_secret_leaked();
    crate::assert_no_token_in(&team, team.bob_dir());
}

#[test]
fn a_channel_and_an_app_removed_by_one_member_are_gone_for_the_other_and_a_stale_removal_is_refused()
 {
    let team = Team::new(Some("renewer"));
    team.alice_adds_shoes();
    let app_id = tokenwarden::sim::scenario::ACME_APP_ID;
    // Bob renames while Alice's removal waits at its write: hers read the old row, so it is
    // refused, naming Bob, and the channel stays.
    let (alice, paused) = team.alice_paused_before_write(&["remove", "Acme Shoes", "--yes"], "");
    let out = team.bob(&["rename", "Acme Shoes", "Acme Shoes Outlet"], "");
    assert_eq!(out.code, 0, "Bob's rename: {}", out.stderr);
    crate::go_on(&paused);
    let out = crate::support::wait_output(alice);
    assert_eq!(out.code, 3, "a stale removal is a conflict: {}", out.stderr);
    assert!(
        out.stderr.contains("bob"),
        "names who changed it: {}",
        out.stderr
    );
    let names = |list: &serde_json::Value| -> Vec<String> {
        list["channels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names(&team.env.list_json()), ["Acme Shoes Outlet"]);

    // Read afresh, the removal goes through; Bob no longer sees the channel.
    let out = team.alice(&["remove", "Acme Shoes Outlet", "--yes"], "");
    assert_eq!(out.code, 0, "remove: {}", out.stderr);
    assert!(names(&listed(&team.bob(&["list", "--json"], ""))).is_empty());

    // Bob removes the app, now unused; Alice no longer has it.
    let out = team.bob(&["app", "remove", app_id, "--yes"], "");
    assert_eq!(out.code, 0, "app remove: {}", out.stderr);
    let out = team.alice(&["app", "rename", app_id, "Acme Two"], "");
    assert_ne!(out.code, 0, "Alice still has the app: {}", out.stdout);
}
