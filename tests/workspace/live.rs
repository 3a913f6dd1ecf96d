//! Live: a change one member commits reaches another member's open window within seconds. Bob's
//! side is what his window's worker runs (`Workspace::listen`, then a reload of the catalog);
//! Alice renews with the real `tokenwarden` binary.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use postgres::fallible_iterator::FallibleIterator;
use tokenwarden::model::Secret;
use tokenwarden::store::workspace::{self, Notice};
use tokenwarden::store::{CatalogFile, Profile, SecretBackend};

use crate::support::{Env, PASSPHRASE};
use crate::{Team, fingerprint};

/// The next notice `wanted` accepts, waiting until `deadline`.
fn wait_for(rx: &mpsc::Receiver<Notice>, deadline: Instant, wanted: impl Fn(&Notice) -> bool) {
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(n) if wanted(&n) => return,
            Ok(_) => {}
            Err(e) => panic!("no such notice before the deadline: {e}"),
        }
    }
}

#[test]
fn a_renewal_by_one_member_reaches_the_others_listener_and_reload() {
    let team = Team::new(Some("viewer"));
    team.alice_adds_shoes();
    let list = team.env.list_json();
    let old = fingerprint(&list, "Acme Shoes");
    let id = Env::channel(&list, "Acme Shoes")["id"]
        .as_str()
        .expect("an id")
        .to_string();

    // Bob's window: his workspace, connected with the address in his own vault, listening.
    let bob = Profile {
        dir: team.bob_dir().to_path_buf(),
    };
    let ws = workspace::of(&bob).expect("Bob's profile is on the workspace");
    let passphrase = Secret::new(PASSPHRASE);
    workspace::open_member(&bob, &ws, SecretBackend::Vault { passphrase }).expect("Bob's key");
    let (tx, rx) = mpsc::channel();
    let _listening = ws
        .listen(move |n| {
            let _ = tx.send(n);
        })
        .expect("listening");
    // Told once when it starts listening ("reload all"); from then on nothing is missed.
    wait_for(&rx, Instant::now() + Duration::from_secs(20), |n| {
        *n == Notice::default()
    });
    // What anyone who can LISTEN on the server reads: no secret.
    let workspace_id = ws.membership().expect("membership").workspace_id.clone();
    let mut db = team.db();
    db.batch_execute(&format!("LISTEN \"tokenwarden_{workspace_id}\""))
        .expect("listen");

    let out = team.alice(&["renew", "Acme Shoes"], &team.shoes_token());
    assert_eq!(out.code, 0, "Alice's renewal: {}", out.stderr);
    let renewed = fingerprint(&team.env.list_json(), "Acme Shoes");
    assert_ne!(renewed, old);

    wait_for(&rx, Instant::now() + Duration::from_secs(10), |n| {
        n.channel.as_deref() == Some(id.as_str()) && n.row_version.is_some()
    });
    let reloaded = CatalogFile::new(&bob).load().expect("Bob's reload");
    let shoes = reloaded.channel("Acme Shoes").expect("Acme Shoes");
    assert_eq!(
        shoes.token.fingerprint, renewed,
        "Bob's window shows the new token"
    );

    let mut payloads = Vec::new();
    let mut notes = db.notifications();
    let mut it = notes.timeout_iter(Duration::from_secs(2));
    while let Ok(Some(n)) = it.next() {
        payloads.push(n.payload().to_string());
    }
    assert!(
        payloads.iter().any(|p| p.contains(id.as_str())),
        "the renewal was told on the server: {payloads:?}"
    );
    for p in &payloads {
        for t in team.env.tokens_used.borrow().iter() {
            assert!(!p.contains(t.as_str()), "a token is in a notice: {p}");
        }
    }
}
