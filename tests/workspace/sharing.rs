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
    assert_eq!(history.code, 0, "{}", history.stderr);
    let entries = history.json()["entries"].as_array().cloned().unwrap();
    assert!(
        entries.iter().any(|e| e["event"] == "replaced"
            && e["os_user"] == "alice"
            && e["new_fingerprint"] == renewed.as_str()),
        "the renewal is in Bob's history under Alice's name: {entries:#?}"
    );
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
