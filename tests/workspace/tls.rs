//! TLS to the workspace's server, as `sslmode` asks. The `pg_virtualenv` cluster runs with
//! `ssl = on` and Debian's self-signed "snakeoil" certificate (CN and SAN `localhost`, not a CA).
//! A trigger notes whether the session that renames a channel is encrypted: the server's own view
//! of Bob's connection.

use std::path::PathBuf;

use crate::{Pg, Team};

const SNAKEOIL: &str = "/etc/ssl/certs/ssl-cert-snakeoil.pem";

fn url(pg: &Pg, host: &str, database: &str, query: &str) -> String {
    format!(
        "postgres://{}:{}@{host}:{}/{database}{query}",
        pg.user, pg.password, pg.port
    )
}

/// Alice and Bob (renewer) share Acme Shoes; the server notes each rename's TLS.
fn watched_workspace() -> Team {
    let team = Team::new(Some("renewer"));
    team.alice_adds_shoes();
    team.db()
        .batch_execute(
            "CREATE TABLE tls_seen (name text, ssl boolean);
             CREATE FUNCTION note_tls() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
                 INSERT INTO tls_seen
                 SELECT NEW.name, coalesce((SELECT ssl FROM pg_stat_ssl
                                            WHERE pid = pg_backend_pid()), false);
                 RETURN NEW;
             END $$;
             CREATE TRIGGER note_tls BEFORE INSERT OR UPDATE ON channels
                 FOR EACH ROW EXECUTE FUNCTION note_tls();",
        )
        .expect("the TLS watch");
    team
}

/// Bob renames a channel over `address` (his saved address is not used), with `vars` set.
fn bob_renames(
    team: &Team,
    from: &str,
    to: &str,
    address: &str,
    vars: &[(&str, &str)],
) -> (i32, String) {
    let mut all = vec![("TOKENWARDEN_WORKSPACE_URL", address)];
    all.extend_from_slice(vars);
    let out = team
        .env
        .run_in(team.bob_dir(), &["rename", from, to], "", &all);
    (out.code, out.stderr)
}

fn seen(team: &Team, name: &str) -> Option<bool> {
    team.db()
        .query_opt("SELECT ssl FROM tls_seen WHERE name = $1", &[&name])
        .expect("read the TLS watch")
        .map(|row| row.get(0))
}

fn channel_names(team: &Team) -> Vec<String> {
    team.db()
        .query("SELECT name FROM channels", &[])
        .expect("read the channels")
        .iter()
        .map(|row| row.get(0))
        .collect()
}

/// The public roots as shipped (Mozilla's), without this machine's local additions: Debian's
/// `/etc/ssl/certs` (folder and bundle) may trust the snakeoil, as it does on the test machine.
fn public_roots() -> (tempfile::TempDir, PathBuf) {
    let shipped = std::fs::read_dir("/usr/share/ca-certificates/mozilla")
        .expect("the ca-certificates package's roots");
    let mut bundle = String::new();
    for entry in shipped.flatten() {
        bundle.push_str(&std::fs::read_to_string(entry.path()).expect("a root certificate"));
        bundle.push('\n');
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("public.pem");
    std::fs::write(&file, bundle).unwrap();
    (dir, file)
}

#[test]
fn require_and_prefer_encrypt_the_session_and_disable_does_not() {
    let team = watched_workspace();
    let host = team.pg.host.clone();
    let mut name = "Acme Shoes".to_string();
    for (new, query, encrypted) in [
        ("Shoes required", "?sslmode=require", true),
        ("Shoes default", "", true),
        ("Shoes preferred", "?sslmode=prefer", true),
        ("Shoes plain", "?sslmode=disable", false),
    ] {
        let address = url(&team.pg, &host, &team.database, query);
        let (code, stderr) = bob_renames(&team, &name, new, &address, &[]);
        assert_eq!(code, 0, "{new}: {stderr}");
        assert_eq!(seen(&team, new), Some(encrypted), "{new} ({query})");
        name = new.to_string();
    }
}

#[test]
fn verify_full_refuses_a_certificate_no_trusted_root_vouches_for() {
    let team = watched_workspace();
    let (roots_dir, roots) = public_roots();
    let empty = tempfile::tempdir().unwrap();
    let system = [
        ("SSL_CERT_FILE", roots.to_str().unwrap()),
        ("SSL_CERT_DIR", empty.path().to_str().unwrap()),
    ];
    let address = url(
        &team.pg,
        "localhost",
        &team.database,
        "?sslmode=verify-full",
    );
    let (code, stderr) = bob_renames(&team, "Acme Shoes", "Shoes verified", &address, &system);
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("TLS was not accepted"), "{stderr}");
    assert!(stderr.contains("Nothing was sent"), "{stderr}");
    assert!(!stderr.contains(&team.pg.password), "{stderr}");
    assert_eq!(channel_names(&team), ["Acme Shoes"], "nothing changed");
    assert_eq!(seen(&team, "Shoes verified"), None);

    // The same address with the server's certificate named as the root: it connects.
    let trusted = format!("{address}&sslrootcert={SNAKEOIL}");
    let (code, stderr) = bob_renames(&team, "Acme Shoes", "Shoes verified", &trusted, &system);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(seen(&team, "Shoes verified"), Some(true));
    drop(roots_dir);
}

#[test]
fn verify_ca_ignores_the_host_name_and_verify_full_does_not() {
    let team = watched_workspace();
    // The certificate names localhost; 127.0.0.1 is the same server under another name.
    let root = format!("&sslrootcert={SNAKEOIL}");
    let query = |mode: &str| format!("?sslmode={mode}{root}");
    let full = url(&team.pg, "127.0.0.1", &team.database, &query("verify-full"));
    let (code, stderr) = bob_renames(&team, "Acme Shoes", "Shoes by address", &full, &[]);
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("not valid for name"), "{stderr}");
    assert_eq!(channel_names(&team), ["Acme Shoes"], "nothing changed");

    let ca = url(&team.pg, "127.0.0.1", &team.database, &query("verify-ca"));
    let (code, stderr) = bob_renames(&team, "Acme Shoes", "Shoes by address", &ca, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(seen(&team, "Shoes by address"), Some(true));
}
