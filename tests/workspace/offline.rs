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

#[test]
fn a_connection_the_server_ends_reads_as_offline_not_as_a_database_error() {
    use tokenwarden::model::Secret;
    use tokenwarden::store::workspace;
    use tokenwarden::store::{CatalogFile, Profile, SecretBackend};

    let team = Team::new(Some("viewer"));
    team.alice_adds_shoes();
    // Bob's process, connected and read once (which keeps the copy).
    let bob = Profile {
        dir: team.bob_dir().to_path_buf(),
    };
    let ws = workspace::of(&bob).expect("Bob's profile is on the workspace");
    let passphrase = Secret::new(crate::support::PASSPHRASE);
    workspace::open_member(&bob, &ws, SecretBackend::Vault { passphrase }).expect("Bob's key");
    let catalog = CatalogFile::new(&bob).load().expect("online read");
    assert!(ws.offline_as_of().is_none());
    assert_eq!(catalog.channels.len(), 1);

    // The server ends his session, as a shutdown or an administrator does (SQLSTATE 57P01).
    let ended: i64 = team
        .db()
        .query_one(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity \
             WHERE application_name = 'tokenwarden' AND datname = current_database()",
            &[],
        )
        .expect("terminate")
        .get(0);
    assert!(ended >= 1, "Bob's session was found");

    // His next read is told the server went away: the copy, marked offline, not an error.
    let catalog = CatalogFile::new(&bob)
        .load()
        .expect("the copy, not an error");
    assert_eq!(catalog.channels.len(), 1);
    assert!(ws.offline_as_of().is_some(), "marked offline");
}

#[test]
fn without_the_vault_passphrase_list_reads_the_copy_and_says_why() {
    let team = Team::new(Some("renewer"));
    team.alice_adds_shoes();
    let before = fingerprint(&listed(&team.bob(&["list", "--json"], "")), "Acme Shoes");
    // Bob's address is in his vault; a `list` without its passphrase cannot read it.
    let bob = |args: &[&str]| {
        let mut c = crate::support::base_command(team.bob_dir(), &team.env.base_url, args);
        c.env_remove("TOKENWARDEN_VAULT_PASSPHRASE")
            .env_remove("TOKENWARDEN_WORKSPACE_URL");
        crate::support::run_command(c, "")
    };

    let out = bob(&["list", "--json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(fingerprint(&listed(&out), "Acme Shoes"), before);
    assert!(
        out.stderr.contains("was not asked") && out.stderr.contains("TOKENWARDEN_VAULT_PASSPHRASE"),
        "says it is the copy, and why: {}",
        out.stderr
    );
    assert!(!out.stderr.contains("Offline"), "{}", out.stderr);
    // A change still needs the passphrase (and the server): refused, nothing changed.
    let out = bob(&["rename", "Acme Shoes", "Shoes Two"]);
    assert_ne!(out.code, 0, "{}", out.stderr);
    let list = team.env.list_json();
    assert_eq!(fingerprint(&list, "Acme Shoes"), before, "unchanged");
    assert_eq!(list["channels"][0]["name"], "Acme Shoes", "not renamed");
}
