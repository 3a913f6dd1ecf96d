//! Orphan sealed secrets: what a change left when it stopped between sealing a new token and
//! writing its channel is removed by a later change, once old enough; nothing in use is touched.

use crate::Team;

fn refs(team: &Team) -> Vec<String> {
    let mut refs: Vec<String> = team
        .db()
        .query("SELECT ref FROM sealed_secrets", &[])
        .unwrap()
        .into_iter()
        .map(|r| r.get(0))
        .collect();
    refs.sort();
    refs
}

fn orphan(team: &Team, name: &str, age: &str) {
    team.db()
        .execute(
            "INSERT INTO sealed_secrets (ref, ciphertext, fingerprint, sealed_for, sealed_by, \
             sealed_at) VALUES ($1, '\\x00', 'sha256:000000000000', ARRAY[]::text[], 'alice', \
             now() - $2::text::interval)",
            &[&name, &age],
        )
        .unwrap();
}

#[test]
fn an_orphan_sealed_secret_is_swept_and_nothing_in_use_is() {
    let team = Team::new(Some("renewer"));
    team.alice_adds_shoes();
    let out = team.alice(&["renew", "Acme Shoes"], &team.shoes_token());
    assert_eq!(out.code, 0, "renew: {}", out.stderr);
    // In use: the app secret, the token and the previous one (rollback).
    let in_use = refs(&team);
    assert_eq!(in_use.len(), 3, "{in_use:?}");

    // Two leftovers of interrupted changes, one old, one that may still be in flight; and
    // everything in use made old too, so only references can save it.
    orphan(&team, "token-left-an-hour-ago", "1 hour");
    orphan(&team, "token-left-just-now", "0 seconds");
    team.db()
        .execute(
            "UPDATE sealed_secrets SET sealed_at = now() - interval '1 hour' \
             WHERE ref <> 'token-left-just-now'",
            &[],
        )
        .unwrap();

    // Bob's next change sweeps.
    let out = team.env.run_in(
        team.bob_dir(),
        &[
            "add",
            "--name",
            "Carol Cafe",
            "--kind",
            "messenger",
            "--app",
            tokenwarden::sim::scenario::ACME_APP_ID,
        ],
        &team.env.token("carol_cafe"),
        &[],
    );
    assert_eq!(out.code, 0, "Bob's add: {}", out.stderr);
    let after = refs(&team);
    assert!(
        !after.contains(&"token-left-an-hour-ago".to_string()),
        "the old orphan is swept: {after:?}"
    );
    assert!(
        after.contains(&"token-left-just-now".to_string()),
        "a young one may belong to a change in flight: {after:?}"
    );
    for r in &in_use {
        assert!(after.contains(r), "{r} is in use and stays: {after:?}");
    }
    assert_eq!(after.len(), 5, "in use, Carol Cafe's token, the young one");

    // And they still open: Bob checks with the app secret, Alice rolls back.
    let out = team.bob(&["check", "Acme Shoes"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = team.alice(&["rollback", "Acme Shoes"], "");
    assert_eq!(out.code, 0, "rollback: {}", out.stderr);
}
