//! Changes that race another member's, made to meet at one point: Alice's command stops just
//! before it writes (a test-only pause point) while Bob renews. A check-all's results are facts
//! about the tokens it checked, so they land per channel, and the channel renewed meanwhile
//! keeps its new token; a renewal that lost leaves nothing, not even a history line.

use crate::support::{Env, wait_output};
use crate::{Team, fingerprint, listed};

fn checked_at(list: &serde_json::Value, name: &str) -> Option<String> {
    Env::channel(list, name)["checked_at"]
        .as_str()
        .map(str::to_string)
}

#[test]
fn a_check_all_racing_a_renewal_saves_the_other_results_and_keeps_the_new_token() {
    let team = Team::new(Some("renewer"));
    team.alice_adds_shoes();
    team.env
        .add_channel("Carol Cafe", "messenger", "carol_cafe");
    team.env
        .add_channel("Carol Crafts", "messenger", "carol_crafts");
    let before = team.env.list_json();
    let old_shoes = fingerprint(&before, "Acme Shoes");

    // Alice's check-all stops after checking, before it writes.
    let (check, paused) = team.alice_paused_before_write(&["check", "--json"], "");

    // Meanwhile Bob renews Acme Shoes.
    let out = team.bob(&["renew", "Acme Shoes"], &team.shoes_token());
    assert_eq!(out.code, 0, "Bob's renewal: {}", out.stderr);
    let bobs = listed(&team.bob(&["list", "--json"], ""));
    let new_shoes = fingerprint(&bobs, "Acme Shoes");
    assert_ne!(new_shoes, old_shoes);
    let renewed_checked_at = checked_at(&bobs, "Acme Shoes");

    crate::go_on(&paused);
    let out = wait_output(check);
    assert!(out.code <= 1, "Alice's check-all: {}", out.stderr);
    assert!(
        out.stderr
            .contains("One channel was changed by someone else"),
        "the check says one result was not saved: {}",
        out.stderr
    );

    assert_eq!(
        fingerprint(&out.json(), "Acme Shoes"),
        new_shoes,
        "the check's answer shows the renewed channel as it is now"
    );
    let after = team.env.list_json();
    assert_eq!(
        fingerprint(&after, "Acme Shoes"),
        new_shoes,
        "the renewed channel keeps Bob's new token"
    );
    assert_eq!(
        checked_at(&after, "Acme Shoes"),
        renewed_checked_at,
        "the renewed channel is not marked with the old token's check"
    );
    for name in ["Carol Cafe", "Carol Crafts"] {
        assert_ne!(
            checked_at(&after, name),
            checked_at(&before, name),
            "{name}'s check result landed"
        );
    }
    // The history has Bob's renewal and no line of the old token's check.
    let out = team.alice(&["history", "Acme Shoes", "--json"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let entries = out.json()["entries"].as_array().cloned().unwrap();
    let last = entries.last().expect("a history");
    assert_eq!(last["event"], "replaced", "{entries:#?}");
    assert_eq!(last["new_fingerprint"], new_shoes.as_str());
    team.env.assert_no_secret_leaked();
}

#[test]
fn a_renewal_that_lost_its_race_leaves_no_history_line() {
    let team = Team::new(Some("renewer"));
    team.alice_adds_shoes();
    let alices_token = team.shoes_token();
    let (renewal, paused) = team.alice_paused_before_write(&["renew", "Acme Shoes"], &alices_token);

    let out = team.bob(&["renew", "Acme Shoes"], &team.shoes_token());
    assert_eq!(out.code, 0, "Bob's renewal: {}", out.stderr);
    let bobs = fingerprint(&listed(&team.bob(&["list", "--json"], "")), "Acme Shoes");

    crate::go_on(&paused);
    let out = wait_output(renewal);
    assert_eq!(out.code, 3, "Alice's renewal lost: {}", out.stderr);
    assert!(
        out.stderr.contains("was changed by bob"),
        "Alice is told who changed it: {}",
        out.stderr
    );
    assert_eq!(fingerprint(&team.env.list_json(), "Acme Shoes"), bobs);
    let alices = tokenwarden::model::Secret::new(alices_token.as_str()).fingerprint();
    let out = team.bob(&["history", "Acme Shoes", "--json"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let entries = out.json()["entries"].as_array().cloned().unwrap();
    let replaced: Vec<_> = entries
        .iter()
        .filter(|e| e["event"] == "replaced")
        .collect();
    assert_eq!(
        replaced.len(),
        1,
        "only Bob's renewal is in the history: {entries:#?}"
    );
    assert_eq!(replaced[0]["new_fingerprint"], bobs.as_str());
    assert!(
        !out.stdout.contains(alices.as_str()),
        "no line names the token of the renewal that lost"
    );
}
