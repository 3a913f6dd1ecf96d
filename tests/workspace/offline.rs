//! With the server away, a member reads the last synced copy, told so, and changes nothing.

use crate::{Team, fingerprint, listed};

#[test]
fn with_the_server_unreachable_list_reads_the_copy_and_changes_are_refused() {
    let team = Team::new(Some("renewer"));
    team.alice_adds_shoes();
    let before = fingerprint(&listed(&team.bob(&["list", "--json"], "")), "Acme Shoes");

    // A closed port stands for a stopped server (connection refused, as after a shutdown).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let away = format!("postgres://bob@127.0.0.1:{port}/gone?sslmode=disable");
    let vars = [("TOKENWARDEN_WORKSPACE_URL", away.as_str())];
    let bob = |args: &[&str], stdin: &str| team.env.run_in(team.bob_dir(), args, stdin, &vars);

    let out = bob(&["list", "--json"], "");
    let list = listed(&out);
    assert_eq!(fingerprint(&list, "Acme Shoes"), before);
    assert!(
        out.stderr.contains("Offline") && out.stderr.contains("copy as of"),
        "says it is the offline copy: {}",
        out.stderr
    );
    let out = bob(&["list"], "");
    assert!(out.stdout.contains("Acme Shoes"), "{}", out.stdout);

    let out = bob(&["rename", "Acme Shoes", "Shoes Two"], "");
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(out.stderr.contains("cannot be reached"), "{}", out.stderr);
    let out = bob(&["renew", "Acme Shoes"], &team.shoes_token());
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(out.stderr.contains("Nothing was changed"), "{}", out.stderr);

    // Nothing of either reached the workspace.
    let list = team.env.list_json();
    assert_eq!(fingerprint(&list, "Acme Shoes"), before);
    let names: Vec<&str> = list["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Acme Shoes"]);
    crate::assert_no_token_in(&team, team.bob_dir());
}
