//! Who may open what: a member not yet invited and a viewer open no token; a removed member
//! is no recipient of anything sealed after.

use crate::{Team, fingerprint, listed};

/// The recipient lists of every sealed secret, and how many recipient stanzas each age header
/// carries (one per key it can be opened with).
fn sealed(team: &Team) -> Vec<(Vec<String>, usize)> {
    team.db()
        .query("SELECT sealed_for, ciphertext FROM sealed_secrets", &[])
        .unwrap()
        .into_iter()
        .map(|r| {
            let ciphertext: Vec<u8> = r.get(1);
            let stanzas = String::from_utf8_lossy(&ciphertext)
                .lines()
                .take_while(|l| !l.starts_with("---"))
                .filter(|l| l.starts_with("-> X25519 "))
                .count();
            (r.get(0), stanzas)
        })
        .collect()
}

#[test]
fn a_member_not_yet_invited_and_a_viewer_list_but_never_open_a_token() {
    let team = Team::new(None);
    team.alice_adds_shoes();
    let before = fingerprint(&team.env.list_json(), "Acme Shoes");

    // Joined, not invited: reads the facts, opens nothing, changes nothing.
    let list = listed(&team.bob(&["list", "--json"], ""));
    assert_eq!(fingerprint(&list, "Acme Shoes"), before);
    let out = team.bob(&["renew", "Acme Shoes"], &team.shoes_token());
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(out.stderr.contains("not a member"), "{}", out.stderr);

    team.invite_bob("viewer");
    let out = team.bob(&["check", "Acme Shoes"], "");
    assert_ne!(out.code, 0, "a viewer's check cannot open the token");
    assert!(
        out.stderr.contains("viewer"),
        "says why: {}{}",
        out.stdout,
        out.stderr
    );
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    let out = team.bob(&["renew", "Acme Shoes"], &team.shoes_token());
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(out.stderr.contains("viewer"), "{}", out.stderr);
    let out = team.bob(
        &[
            "workspace",
            "invite",
            "carol",
            "--key",
            &team.bob_key,
            "--role",
            "renewer",
        ],
        "",
    );
    assert_ne!(out.code, 0, "a viewer invites nobody");
    assert!(out.stderr.contains("viewer"), "{}", out.stderr);

    assert_eq!(fingerprint(&team.env.list_json(), "Acme Shoes"), before);
    let sealed = sealed(&team);
    assert!(!sealed.is_empty());
    for (recipients, stanzas) in &sealed {
        assert!(!recipients.contains(&team.bob_key), "sealed to a viewer");
        assert_eq!(*stanzas, 1, "one recipient: Alice");
    }
    team.env.assert_no_secret_leaked();
}

#[test]
fn a_removed_member_is_told_to_renew_and_cannot_open_what_is_sealed_after() {
    let team = Team::new(Some("renewer"));
    team.alice_adds_shoes();
    let out = team.bob(&["check", "Acme Shoes"], "");
    assert_eq!(
        out.code, 0,
        "Bob opens the token while a member: {}",
        out.stderr
    );
    for (recipients, stanzas) in sealed(&team) {
        assert!(recipients.contains(&team.bob_key));
        assert_eq!(stanzas, 2);
    }

    let out = team.alice(&["workspace", "remove", "bob"], "");
    assert_eq!(out.code, 2, "no terminal to ask on: {}", out.stderr);
    assert!(out.stderr.contains("--yes"), "{}", out.stderr);
    let out = team.alice(&["workspace", "remove", "bob", "--yes"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("renew") && out.stdout.contains("\"Acme Shoes\""),
        "names the channels Bob could read: {}",
        out.stdout
    );
    let out = team.alice(&["renew", "Acme Shoes"], &team.shoes_token());
    assert_eq!(out.code, 0, "{}", out.stderr);

    for (recipients, stanzas) in sealed(&team) {
        assert!(!recipients.contains(&team.bob_key), "still sealed to Bob");
        assert_eq!(stanzas, 1);
    }
    let out = team.bob(&["check", "Acme Shoes"], "");
    assert_ne!(out.code, 0);
    assert!(
        out.stderr.contains("not a member"),
        "{}{}",
        out.stdout,
        out.stderr
    );
    let members = team.alice(&["workspace", "members", "--json"], "");
    let names: Vec<String> = members.json()["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["alice"]);
    let out = team.alice(&["workspace", "remove", "alice", "--yes"], "");
    assert_eq!(out.code, 2, "the last renewer stays: {}", out.stderr);

    // For a script: Bob back as a viewer, then removed again; a viewer could read no token, so
    // there is nothing to renew.
    let invite = [
        "workspace",
        "invite",
        "bob",
        "--key",
        &team.bob_key,
        "--role",
        "viewer",
        "--json",
    ];
    let out = team.alice(&invite, "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let said = out.json();
    assert_eq!(said["member"], "bob", "{said}");
    assert_eq!(said["role"], "viewer", "{said}");
    assert_eq!(said["removed"], false, "{said}");
    let out = team.alice(&["workspace", "remove", "bob", "--yes", "--json"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let said = out.json();
    assert_eq!(said["removed"], true, "{said}");
    assert_eq!(said["to_renew"], serde_json::json!([]), "{said}");
}
