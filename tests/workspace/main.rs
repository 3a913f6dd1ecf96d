//! The team workspace against a real, throw-away PostgreSQL: two profiles stand for two members,
//! each running the real `tokenwarden` binary against the Graph simulator. Each test makes its
//! own database, so they run in parallel.
//!
//! Needs a PostgreSQL server in the PG* variables: run through `scripts/test`, or
//! `pg_virtualenv cargo test --test workspace` (postgresql-common). Without them every test
//! fails and says so: a workspace test that silently skips proves nothing.

#[path = "../support/mod.rs"]
mod support;

mod check_race;
mod concurrency;
mod exporting;
mod live;
mod members;
mod moving_in;
mod offline;
mod sharing;
mod sweeping;
mod tls;
mod window;

use std::path::{Path, PathBuf};
use std::process::Child;
use std::time::{Duration, Instant};

use support::{Env, Output, base_command, spawn};

/// The PG* connection settings `pg_virtualenv` exports.
pub struct Pg {
    host: String,
    port: String,
    user: String,
    password: String,
}

impl Pg {
    pub fn from_env() -> Pg {
        let var = |name: &str| {
            std::env::var(name).unwrap_or_else(|_| {
                panic!(
                    "{name} is not set: the workspace tests need a PostgreSQL server. Run them \
                     through scripts/test, or as `pg_virtualenv cargo test --test workspace`."
                )
            })
        };
        Pg {
            host: var("PGHOST"),
            port: var("PGPORT"),
            user: var("PGUSER"),
            password: var("PGPASSWORD"),
        }
    }

    pub fn url(&self, database: &str) -> String {
        format!(
            "postgres://{}:{}@{}:{}/{database}?sslmode=disable",
            self.user, self.password, self.host, self.port
        )
    }

    /// A new, empty database with a unique name.
    pub fn new_database(&self) -> String {
        let name = format!("tw_{}", uuid::Uuid::new_v4().simple());
        let admin = std::env::var("PGDATABASE").unwrap_or_else(|_| "postgres".into());
        let mut client = postgres::Client::connect(&self.url(&admin), postgres::NoTls)
            .expect("the test PostgreSQL answers");
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create the test database");
        name
    }

    pub fn client(&self, database: &str) -> postgres::Client {
        postgres::Client::connect(&self.url(database), postgres::NoTls)
            .expect("the test database answers")
    }
}

/// Two members on one workspace: Alice (the Env's profile, who started it) and Bob.
pub struct Team {
    pub env: Env,
    pub pg: Pg,
    pub database: String,
    pub bob: tempfile::TempDir,
    pub bob_key: String,
}

impl Team {
    /// Alice starts a workspace; Bob joins it; Alice invites him with `bob_role` (none: not yet).
    pub fn new(bob_role: Option<&str>) -> Team {
        let pg = Pg::from_env();
        let database = pg.new_database();
        let env = Env::new();
        let url = pg.url(&database);
        let out = env.run(
            &["workspace", "init", "--url-stdin", "--name", "alice"],
            &url,
        );
        assert_eq!(out.code, 0, "init: {}", out.stderr);
        let bob = tempfile::tempdir().expect("temp dir");
        let out = env.run_in(
            bob.path(),
            &[
                "workspace",
                "join",
                "--url-stdin",
                "--name",
                "bob",
                "--json",
            ],
            &url,
            &[],
        );
        assert_eq!(out.code, 0, "join: {}", out.stderr);
        let bob_key = out.json()["public_key"].as_str().unwrap().to_string();
        assert!(bob_key.starts_with("age1"), "{bob_key}");
        let team = Team {
            env,
            pg,
            database,
            bob,
            bob_key,
        };
        if let Some(role) = bob_role {
            team.invite_bob(role);
        }
        team
    }

    pub fn invite_bob(&self, role: &str) {
        let key = self.bob_key.clone();
        let out = self.alice(
            &["workspace", "invite", "bob", "--key", &key, "--role", role],
            "",
        );
        assert_eq!(out.code, 0, "invite: {}", out.stderr);
    }

    pub fn alice(&self, args: &[&str], stdin: &str) -> Output {
        self.env.run(args, stdin)
    }

    pub fn bob(&self, args: &[&str], stdin: &str) -> Output {
        self.env.run_in(self.bob.path(), args, stdin, &[])
    }

    pub fn bob_dir(&self) -> &Path {
        self.bob.path()
    }

    /// Alice saves the Acme app and the "Acme Shoes" Messenger channel.
    pub fn alice_adds_shoes(&self) {
        self.env.add_acme_app();
        self.env
            .add_channel("Acme Shoes", "messenger", "shoes_messenger");
    }

    /// A fresh, valid token for Acme Shoes (remembered for the leak scans).
    pub fn shoes_token(&self) -> String {
        self.env
            .mint_page(tokenwarden::sim::scenario::SHOES_PAGE_ID, true)
    }

    /// Starts Alice's `args` and waits until it stands just before its workspace write; removing
    /// the returned file lets it go on.
    pub fn alice_paused_before_write(&self, args: &[&str], stdin: &str) -> (Child, PathBuf) {
        let paused = self.env.profile_dir().join("paused-before-write");
        let mut alice = base_command(self.env.profile_dir(), &self.env.base_url, args);
        alice.env(
            "TOKENWARDEN_TEST_PAUSE",
            format!("before_workspace_write={}", paused.display()),
        );
        let child = spawn(alice, stdin);
        let deadline = Instant::now() + Duration::from_secs(60);
        while !paused.exists() {
            assert!(
                Instant::now() < deadline,
                "Alice's {args:?} never got to its write"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        (child, paused)
    }

    pub fn db(&self) -> postgres::Client {
        self.pg.client(&self.database)
    }
}

/// Lets a command `alice_paused_before_write` stopped go on.
pub fn go_on(paused: &Path) {
    std::fs::remove_file(paused).expect("let Alice's command go on");
}

/// A `history --json` that holds the renewal to `fingerprint` under `member`'s name.
pub fn assert_renewal_in_history(history: &Output, member: &str, fingerprint: &str) {
    assert_eq!(history.code, 0, "{}", history.stderr);
    let entries = history.json()["entries"].as_array().cloned().unwrap();
    assert!(
        entries.iter().any(|e| e["event"] == "replaced"
            && e["os_user"] == member
            && e["new_fingerprint"] == fingerprint),
        "no renewal to {fingerprint} by {member} in the history: {entries:#?}"
    );
}

/// The fingerprint of `name`'s token in a `list --json`.
pub fn fingerprint(list: &serde_json::Value, name: &str) -> String {
    Env::channel(list, name)["token"]["fingerprint"]
        .as_str()
        .expect("a fingerprint")
        .to_string()
}

/// `list --json` of a member's output (exit 0..=3: the health decides).
pub fn listed(out: &Output) -> serde_json::Value {
    assert!(
        out.code <= 3 && !out.stdout.is_empty(),
        "list: {}",
        out.stderr
    );
    out.json()
}

/// No token handed to the app is in clear in any file under `dir` (Bob's profile folder).
pub fn assert_no_token_in(team: &Team, dir: &Path) {
    let mut files = vec![];
    support::collect_files(dir, &mut files);
    assert!(!files.is_empty());
    for f in &files {
        let text = String::from_utf8_lossy(&std::fs::read(f).unwrap_or_default()).into_owned();
        for t in team.env.tokens_used.borrow().iter() {
            assert!(
                !text.contains(t.as_str()),
                "a token is in clear in {}",
                f.display()
            );
        }
    }
}
