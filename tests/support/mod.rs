//! Test support: a simulated Meta on loopback plus a throw-away profile, and a way to run the
//! real `tokenwarden` binary against them, collecting everything it prints for the secret scan.

#![allow(dead_code)] // each test binary uses a different part of this

pub mod gui;
pub mod login;

use std::cell::RefCell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use tokenwarden::sim::{Scenario, SimControl, SimHandle, Simulator};

pub const PASSPHRASE: &str = "correct horse battery staple";

/// What a Messenger channel's token needs.
pub const MESSENGER_SCOPES: [&str; 4] = [
    "pages_messaging",
    "pages_manage_metadata",
    "pages_read_engagement",
    "pages_show_list",
];

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\nstderr: {}", self.stdout, self.stderr))
    }
}

pub struct Env {
    pub sim: Option<SimHandle>,
    pub control: SimControl,
    pub base_url: String,
    pub profile: tempfile::TempDir,
    /// Every token string handed to the app, for the leak scan.
    pub tokens_used: RefCell<Vec<String>>,
    /// Everything printed on stdout by list/export and on stderr by any command.
    pub printed: RefCell<Vec<String>>,
    pub extra_env: Vec<(String, String)>,
}

impl Env {
    pub fn new() -> Env {
        let sim = Simulator::start_background(Scenario::demo()).expect("simulator starts");
        Env {
            control: sim.control(),
            base_url: sim.base_url(),
            sim: Some(sim),
            profile: tempfile::tempdir().expect("temp dir"),
            tokens_used: RefCell::new(vec![]),
            printed: RefCell::new(vec![]),
            extra_env: vec![],
        }
    }

    pub fn profile_dir(&self) -> &Path {
        self.profile.path()
    }

    /// A scenario token by name, remembered for the leak scan.
    pub fn token(&self, name: &str) -> String {
        let t = self.control.token(name);
        self.tokens_used.borrow_mut().push(t.clone());
        t
    }

    /// A fresh Page token of Alice's for `page` with the Messenger permissions, remembered.
    pub fn mint_page(&self, page: &str, never_expires: bool) -> String {
        let t = self.control.mint_page_token(
            tokenwarden::sim::scenario::ALICE_ID,
            page,
            tokenwarden::sim::scenario::ACME_APP_ID,
            never_expires,
            &MESSENGER_SCOPES,
        );
        self.remember(&t)
    }

    pub fn remember(&self, token: &str) -> String {
        self.tokens_used.borrow_mut().push(token.to_string());
        token.to_string()
    }

    /// Stops the simulator: Graph is unreachable (connection refused) from now on.
    pub fn go_offline(&mut self) {
        if let Some(sim) = self.sim.take() {
            sim.stop();
        }
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = base_command(self.profile_dir(), &self.base_url, args);
        for (k, v) in &self.extra_env {
            c.env(k, v);
        }
        c
    }

    /// Runs `tokenwarden ARGS` with `stdin` and returns what it did.
    pub fn run(&self, args: &[&str], stdin: &str) -> Output {
        let out = run_command(self.command(args), stdin);
        let mut printed = self.printed.borrow_mut();
        printed.push(out.stderr.clone());
        if matches!(
            args.first(),
            Some(&"list") | Some(&"export") | Some(&"inspect") | Some(&"check")
        ) {
            printed.push(out.stdout.clone());
        }
        out
    }

    /// Runs `tokenwarden ARGS` on another profile folder against the same simulator, with extra
    /// environment variables; what it prints joins the leak scan like `run`.
    pub fn run_in(
        &self,
        profile: &Path,
        args: &[&str],
        stdin: &str,
        vars: &[(&str, &str)],
    ) -> Output {
        let mut c = base_command(profile, &self.base_url, args);
        for (k, v) in &self.extra_env {
            c.env(k, v);
        }
        for (k, v) in vars {
            c.env(k, v);
        }
        let out = run_command(c, stdin);
        let mut printed = self.printed.borrow_mut();
        printed.push(out.stderr.clone());
        printed.push(out.stdout.clone());
        out
    }

    /// Saves the Acme Support app with its secret (as a user would from the app's settings).
    pub fn add_acme_app(&self) {
        self.save_acme_app(&[]);
    }

    /// As `add_acme_app`, with the client token that device login needs.
    pub fn add_acme_app_with_client_token(&self) {
        self.save_acme_app(&[
            "--client-token",
            tokenwarden::sim::scenario::ACME_CLIENT_TOKEN,
        ]);
    }

    fn save_acme_app(&self, extra: &[&str]) {
        self.save_acme_app_in(self.profile_dir(), extra);
    }

    /// As `add_acme_app`, on another profile folder against the same simulator.
    pub fn add_acme_app_in(&self, profile: &Path) {
        self.save_acme_app_in(profile, &[]);
    }

    fn save_acme_app_in(&self, profile: &Path, extra: &[&str]) {
        let mut args = vec![
            "app",
            "add",
            "--id",
            tokenwarden::sim::scenario::ACME_APP_ID,
            "--name",
            "Acme Support",
            "--secret-stdin",
        ];
        args.extend_from_slice(extra);
        let out = self.run_in(
            profile,
            &args,
            tokenwarden::sim::scenario::ACME_APP_SECRET,
            &[],
        );
        assert_eq!(out.code, 0, "app add failed: {}", out.stderr);
    }

    /// Adds a channel with a scenario token; asserts it worked.
    pub fn add_channel(&self, name: &str, kind: &str, token_name: &str) -> serde_json::Value {
        self.add_channel_in(self.profile_dir(), name, kind, token_name)
    }

    /// As `add_channel`, on another profile folder against the same simulator.
    pub fn add_channel_in(
        &self,
        profile: &Path,
        name: &str,
        kind: &str,
        token_name: &str,
    ) -> serde_json::Value {
        let token = self.token(token_name);
        let out = self.run_in(
            profile,
            &[
                "add",
                "--name",
                name,
                "--kind",
                kind,
                "--app",
                tokenwarden::sim::scenario::ACME_APP_ID,
                "--json",
            ],
            &token,
            &[],
        );
        assert_eq!(out.code, 0, "add {name} failed: {}", out.stderr);
        out.json()
    }

    pub fn list_json(&self) -> serde_json::Value {
        let out = self.run(&["list", "--json"], "");
        // 3 is also "the last check of some channel failed"; the JSON tells the rest.
        assert!(
            out.code <= 3 && !out.stdout.is_empty(),
            "list failed: {}",
            out.stderr
        );
        out.json()
    }

    pub fn channel<'a>(list: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
        list["channels"]
            .as_array()
            .and_then(|a| a.iter().find(|c| c["name"] == name))
            .unwrap_or_else(|| panic!("no channel {name} in {list:#}"))
    }

    pub fn reason_codes(channel: &serde_json::Value) -> Vec<String> {
        channel["reasons"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|r| r["code"].as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// No token handed to the app appears in any file of the profile or in anything printed.
    pub fn assert_no_secret_leaked(&self) {
        let tokens = self.tokens_used.borrow();
        assert!(!tokens.is_empty(), "the scan must have tokens to look for");
        let mut files = vec![];
        collect_files(self.profile_dir(), &mut files);
        for f in &files {
            let bytes = std::fs::read(f).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes);
            for t in tokens.iter() {
                assert!(
                    !text.contains(t.as_str()),
                    "a token is in clear in {}",
                    f.display()
                );
            }
        }
        for p in self.printed.borrow().iter() {
            for t in tokens.iter() {
                assert!(!p.contains(t.as_str()), "a token was printed:\n{p}");
            }
            assert!(
                !p.contains(tokenwarden::sim::scenario::ACME_APP_SECRET),
                "the app secret was printed"
            );
        }
        let vault = self.profile_dir().join("vault.age");
        if vault.exists() {
            let head = std::fs::read(&vault).expect("vault readable");
            assert!(
                head.starts_with(b"age-encryption.org/v1"),
                "vault is not an age file"
            );
        }
    }
}

/// `tokenwarden ARGS` on `profile` against the simulator at `base_url`, with the vault.
pub fn base_command(profile: &Path, base_url: &str, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tokenwarden"));
    c.args(args)
        .env("TOKENWARDEN_PROFILE", profile)
        .env("TOKENWARDEN_GRAPH_URL", base_url)
        .env("TOKENWARDEN_GRAPH_TIMEOUT", "2")
        .env("TOKENWARDEN_SECRETS", "vault")
        .env("TOKENWARDEN_VAULT_PASSPHRASE", PASSPHRASE)
        .env("TOKENWARDEN_VAULT_WORK_FACTOR", "12")
        .env("NO_COLOR", "1")
        // The tests read English whatever the machine's locale (tests/words.rs reads Spanish).
        .env("TOKENWARDEN_LANG", "en")
        .env_remove("TOKENWARDEN_GRAPH_VERSION");
    c
}

pub fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            collect_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

pub fn run_command(c: Command, stdin: &str) -> Output {
    wait_output(spawn(c, stdin))
}

/// Starts `c` with `stdin` written and closed, and its output piped.
pub fn spawn(mut c: Command, stdin: &str) -> Child {
    let mut child = c
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tokenwarden starts");
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(stdin.as_bytes())
        .expect("stdin written");
    child
}

/// Waits for a child started by `spawn` and returns what it did.
pub fn wait_output(child: Child) -> Output {
    let out = child.wait_with_output().expect("tokenwarden ends");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
