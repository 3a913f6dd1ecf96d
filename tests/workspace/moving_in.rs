//! `workspace import`: a local profile's channels and apps move in, sealed to the renewers.

use crate::{Team, fingerprint, listed};

#[test]
fn a_local_profile_moves_in_with_its_tokens_sealed_to_every_renewer() {
    let team = Team::new(Some("renewer"));
    let local = tempfile::tempdir().unwrap();
    team.env.add_acme_app_in(local.path());
    team.env
        .add_channel_in(local.path(), "Acme Shoes", "messenger", "shoes_messenger");
    let local_fingerprint = fingerprint(
        &listed(&team.env.run_in(local.path(), &["list", "--json"], "", &[])),
        "Acme Shoes",
    );

    let from = local.path().to_str().unwrap();
    let out = team.alice(&["workspace", "import", "--from", from], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("one channel and one app"),
        "{}",
        out.stdout
    );

    // Bob, who never saw the local profile, lists and checks it with the token sealed to him.
    let bobs = listed(&team.bob(&["list", "--json"], ""));
    assert_eq!(fingerprint(&bobs, "Acme Shoes"), local_fingerprint);
    let out = team.bob(&["check", "Acme Shoes"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    for row in team
        .db()
        .query("SELECT sealed_for FROM sealed_secrets", &[])
        .unwrap()
    {
        let recipients: Vec<String> = row.get(0);
        assert_eq!(recipients.len(), 2, "sealed to Alice and Bob");
    }

    // A second import leaves what is there alone; the local profile is unchanged.
    let out = team.alice(&["workspace", "import", "--from", from], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("Left out") && out.stdout.contains("Acme Shoes"),
        "{}",
        out.stdout
    );
    // The same for a script: nothing moved in, Acme Shoes left out by name.
    let out = team.alice(&["workspace", "import", "--from", from, "--json"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let said: serde_json::Value = serde_json::from_str(&out.stdout).expect(&out.stdout);
    assert_eq!(said["channels"], serde_json::json!([]), "{said}");
    assert_eq!(said["skipped"], serde_json::json!(["Acme Shoes"]), "{said}");
    assert_eq!(
        team.env.list_json()["channels"].as_array().unwrap().len(),
        1
    );
    let still = listed(&team.env.run_in(local.path(), &["list", "--json"], "", &[]));
    assert_eq!(fingerprint(&still, "Acme Shoes"), local_fingerprint);
    team.env.assert_no_secret_leaked();
}
