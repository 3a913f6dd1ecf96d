//! A check-all and a renewal at once: the check's results are facts about the tokens it
//! checked, so they land per channel; the channel renewed meanwhile keeps its new token and is
//! not marked with the old token's result.

use std::time::{Duration, Instant};

use crate::support::{Env, base_command, spawn, wait_output};
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

    // Alice's check-all stops after checking, before it writes (test-only pause point).
    let paused = team.env.profile_dir().join("paused-before-write");
    let mut alice = base_command(team.env.profile_dir(), &team.env.base_url, &["check"]);
    alice.env(
        "TOKENWARDEN_TEST_PAUSE",
        format!("before_workspace_write={}", paused.display()),
    );
    let check = spawn(alice, "");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !paused.exists() {
        assert!(
            Instant::now() < deadline,
            "Alice's check never got to its write"
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    // Meanwhile Bob renews Acme Shoes.
    let out = team.bob(&["renew", "Acme Shoes"], &team.shoes_token());
    assert_eq!(out.code, 0, "Bob's renewal: {}", out.stderr);
    let bobs = listed(&team.bob(&["list", "--json"], ""));
    let new_shoes = fingerprint(&bobs, "Acme Shoes");
    assert_ne!(new_shoes, old_shoes);
    let renewed_checked_at = checked_at(&bobs, "Acme Shoes");

    std::fs::remove_file(&paused).expect("let Alice's check go on");
    let out = wait_output(check);
    assert!(out.code <= 1, "Alice's check-all: {}", out.stderr);
    assert!(
        out.stderr
            .contains("One channel was changed by someone else"),
        "the check says one result was not saved: {}",
        out.stderr
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
