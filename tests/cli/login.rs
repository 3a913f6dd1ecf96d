//! Getting the right token from a login, through the real binary against the simulator:
//! User token → Page token (with the long-lived exchange), the identity guard, device login,
//! webhook re-subscription, one login renewing a whole root-cause group, and the walk-through.

use crate::support;

use support::Env;
use support::login::{LoginRun, wait_for_polls};
use tokenwarden::graph::GraphConfig;
use tokenwarden::model::{Secret, SecretRef};
use tokenwarden::service::login::RenewOptions;
use tokenwarden::service::{Service, ServiceError};
use tokenwarden::sim::scenario::*;
use tokenwarden::store::{Profile, SecretBackend, SecretError, Store};

#[test]
fn a_short_login_becomes_a_never_expiring_page_token() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.control.clear_requests();
    let user = env.token("alice_user_short");
    let out = env.run(&["renew", "Acme Shoes", "--json"], &user);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let j = out.json();
    assert_eq!(j["derived_from"], "user_token");
    assert_eq!(j["replaced"], true);
    assert_eq!(j["token"]["type"], "PAGE");
    assert_eq!(j["token"]["never_expires"], true, "{j:#}");
    assert_eq!(j["token"]["profile_id"], SHOES_PAGE_ID);
    assert_eq!(j["health"], "healthy");

    let reqs = env.control.requests();
    assert!(
        reqs.iter().any(|r| r.path.ends_with("/oauth/access_token")
            && r.params.get("grant_type").map(String::as_str) == Some("fb_exchange_token")),
        "the exchange reached Graph: {reqs:?}"
    );
    let accounts: Vec<_> = reqs
        .iter()
        .filter(|r| r.path.ends_with("/accounts"))
        .collect();
    assert!(!accounts.is_empty(), "{reqs:?}");
    assert!(
        accounts
            .iter()
            .all(|r| r.appsecret_proof_valid == Some(true)),
        "{accounts:?}"
    );
    env.assert_no_secret_leaked();
}

#[test]
fn without_the_app_secret_it_says_the_token_ends_with_the_login() {
    let env = Env::new();
    let out = env.run(
        &["app", "add", "--id", ACME_APP_ID, "--name", "Acme Support"],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let user = env.token("alice_user_short");
    let out = env.run(&["renew", "Acme Shoes"], &user);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("short login") && out.stderr.contains("secret"),
        "{}",
        out.stderr
    );
    let out = env.run(
        &["renew", "Acme Shoes", "--accept-warnings", "--json"],
        &user,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let j = out.json();
    assert_eq!(j["derived_from"], "user_token");
    assert_eq!(j["token"]["never_expires"], false, "{j:#}");
    assert!(
        j["token"]["expires_at"].is_string(),
        "it ends with the login: {j:#}"
    );
    assert_eq!(j["health"], "attention", "and says so: {j:#}");
}

#[test]
fn a_login_of_someone_who_does_not_manage_the_page_is_refused_with_both_names() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let catalog = std::fs::read(env.profile_dir().join("catalog.json")).unwrap();
    let out = env.run(&["renew", "Acme Shoes"], &env.token("bob_user"));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("You logged in as Bob Builder"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("Page Acme Shoes"), "{}", out.stderr);
    assert_eq!(
        std::fs::read(env.profile_dir().join("catalog.json")).unwrap(),
        catalog,
        "nothing saved"
    );
}

#[test]
fn a_pasted_login_address_works_like_a_token() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let url = format!(
        "https://www.facebook.com/connect/login_success.html#access_token={}&expires_in=5183944&data_access_expiration_time=1799999999",
        env.token("alice_user_long")
    );
    let out = env.run(&["renew", "Acme Shoes", "--json"], &url);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()["derived_from"], "user_token");
    // And a new channel from a login needs its Page.
    let out = env.run(
        &[
            "add",
            "--name",
            "Books",
            "--kind",
            "messenger",
            "--app",
            ACME_APP_ID,
        ],
        &url,
    );
    assert_eq!(out.code, 1);
    // Not a bare flag name: the Pages this login manages, with the id to give.
    assert!(
        out.stderr.contains(&format!("--page {BOOKS_PAGE_ID}"))
            && out.stderr.contains(&format!("--page {SHOES_PAGE_ID}")),
        "{}",
        out.stderr
    );
    let names: Vec<String> = env.list_json()["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(names, ["Acme Shoes"], "nothing was added");
    let out = env.run(
        &[
            "add",
            "--name",
            "Books",
            "--kind",
            "messenger",
            "--app",
            ACME_APP_ID,
            "--page",
            BOOKS_PAGE_ID,
            "--json",
        ],
        &url,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()["token"]["profile_id"], BOOKS_PAGE_ID);
}

#[test]
fn device_login_adds_a_channel_after_pending_polls_and_slows_down_when_told() {
    let env = Env::new();
    env.add_acme_app_with_client_token();
    env.control.set_device_interval(1);
    let mut run = LoginRun::start(
        &env,
        &[
            "login",
            "--app",
            ACME_APP_ID,
            "--name",
            "Shoes via login",
            "--kind",
            "messenger",
            "--page",
            SHOES_PAGE_ID,
            "--no-browser",
            "--json",
        ],
    );
    let code = run.user_code();
    wait_for_polls(&env, &code, 1);
    // Meta now wants slower polling than the app was told: it must back off, not give up.
    env.control.set_device_interval(3);
    wait_for_polls(&env, &code, 4);
    env.control.approve_device(&code, ALICE_ID);
    let (exit, stdout, stderr) = run.finish();
    assert_eq!(exit, 0, "{stderr}");
    assert!(stderr.contains("check less often"), "{stderr}");
    let j: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON object");
    assert_eq!(j["name"], "Shoes via login");
    assert_eq!(j["derived_from"], "user_token");
    assert_eq!(j["health"], "healthy");
    assert_eq!(j["token"]["never_expires"], true);
    assert_eq!(
        Env::channel(&env.list_json(), "Shoes via login")["token"]["profile_id"],
        SHOES_PAGE_ID
    );
}

#[test]
fn a_device_login_prints_a_message_ready_for_the_customer() {
    let env = Env::new();
    env.add_acme_app_with_client_token();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.control.set_device_interval(1);
    let mut run = LoginRun::start(
        &env,
        &[
            "login",
            "--app",
            ACME_APP_ID,
            "--channel",
            "Acme Shoes",
            "--no-browser",
            "--json",
        ],
    );
    let code = run.user_code();
    wait_for_polls(&env, &code, 1);
    env.control.approve_device(&code, ALICE_ID);
    let (exit, stdout, stderr) = run.finish();
    assert_eq!(exit, 0, "{stderr}");
    let message = stderr
        .lines()
        .find(|l| l.starts_with("Open ") && l.contains("on your phone"))
        .unwrap_or_else(|| panic!("no message for the customer: {stderr}"));
    assert!(
        message.contains(&format!("enter the code {code}")),
        "{message}"
    );
    assert!(
        message.contains("the Facebook account that manages Acme Shoes"),
        "{message}"
    );
    // The JSON on stdout is the same one object as before: the message went to stderr.
    let j: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON object");
    assert!(!stdout.contains("on your phone"), "{stdout}");
    let j = if j.is_array() { j[0].clone() } else { j };
    assert_eq!(j["name"], "Acme Shoes", "{j:#}");
    assert_eq!(j["replaced"], true, "{j:#}");
    env.assert_no_secret_leaked();
}

#[test]
fn a_declined_or_expired_device_login_ends_cleanly_and_changes_nothing() {
    let env = Env::new();
    env.add_acme_app_with_client_token();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.control.set_device_interval(1);
    let catalog = std::fs::read(env.profile_dir().join("catalog.json")).unwrap();
    for (act, words) in [("decline", "declined"), ("expire", "expired")] {
        let mut run = LoginRun::start(
            &env,
            &[
                "login",
                "--app",
                ACME_APP_ID,
                "--channel",
                "Acme Shoes",
                "--no-browser",
            ],
        );
        let code = run.user_code();
        wait_for_polls(&env, &code, 1);
        match act {
            "decline" => env.control.decline_device(&code),
            _ => env.control.expire_device(&code),
        }
        let (exit, _, stderr) = run.finish();
        assert_eq!(exit, 1, "{act}: {stderr}");
        assert!(
            stderr.contains(words) && stderr.contains("Nothing was changed"),
            "{act}: {stderr}"
        );
    }
    assert_eq!(
        std::fs::read(env.profile_dir().join("catalog.json")).unwrap(),
        catalog
    );
    let out = env.run(
        &[
            "login",
            "--app",
            OTHER_APP_ID,
            "--channel",
            "Acme Shoes",
            "--no-browser",
        ],
        "",
    );
    assert_eq!(out.code, 2, "an app without a client token: {}", out.stderr);
    assert!(out.stderr.contains("client token"), "{}", out.stderr);
}

#[test]
fn renewing_with_subscribe_webhook_restores_the_missing_fields() {
    let env = Env::new();
    env.add_acme_app();
    let added = env.add_channel("Acme Toys", "messenger", "webhook_off");
    assert_eq!(added["health"], "attention");
    let fresh = env.mint_page(TOYS_PAGE_ID, true);
    let out = env.run(&["renew", "Acme Toys"], &fresh);
    assert_eq!(
        out.code, 1,
        "the webhook warning needs a decision: {}",
        out.stderr
    );
    let out = env.run(
        &["renew", "Acme Toys", "--subscribe-webhook", "--json"],
        &fresh,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()["health"], "healthy");
    let fields = env
        .control
        .subscribed_fields(TOYS_PAGE_ID, ACME_APP_ID)
        .expect("subscribed");
    assert!(fields.contains(&"messages".to_string()), "{fields:?}");
    assert!(
        fields.contains(&"feed".to_string()),
        "the fields it had are kept: {fields:?}"
    );
}

#[test]
fn one_login_renews_all_four_pages_broken_by_one_password_change() {
    let env = Env::new();
    env.add_acme_app_with_client_token();
    let names = add_carols_four_pages(&env);
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.control.change_password(CAROL_ID);
    let out = env.run(&["check"], "");
    assert_eq!(out.code, 2);
    assert!(
        out.stdout
            .contains("4 channels stopped working for one reason: the password"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("--group"), "{}", out.stdout);

    env.control.set_device_interval(1);
    let mut run = LoginRun::start(
        &env,
        &[
            "login",
            "--app",
            ACME_APP_ID,
            "--channel",
            "Carol Cakes",
            "--group",
            "--no-browser",
            "--json",
        ],
    );
    let code = run.user_code();
    env.control.approve_device(&code, CAROL_ID);
    let (exit, stdout, stderr) = run.finish();
    assert_eq!(exit, 0, "{stderr}");
    let renewed: serde_json::Value = serde_json::from_str(&stdout).expect("a JSON array");
    assert_eq!(renewed.as_array().map(Vec::len), Some(4), "{renewed:#}");
    let list = env.list_json();
    for name in names {
        let c = Env::channel(&list, name);
        assert_eq!(c["health"], "healthy", "{name}: {c:#}");
    }
    assert_eq!(Env::channel(&list, "Acme Shoes")["health"], "healthy");
    env.assert_no_secret_leaked();
}

#[test]
fn the_walk_through_names_the_channels_app_and_page_and_holds_no_token() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.control.change_password(ALICE_ID);
    assert_eq!(env.run(&["check"], "").code, 2);
    let out = env.run(&["guide", "Acme Shoes"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = &out.stdout;
    assert!(
        text.contains(&format!(
            "https://developers.facebook.com/apps/{ACME_APP_ID}/messenger/settings/"
        )),
        "{text}"
    );
    assert!(
        text.contains("Generate a new token for Acme Shoes"),
        "{text}"
    );
    assert!(text.contains("Valid: True"), "{text}");
    assert!(
        text.contains("[done] See what is wrong") && text.contains("password"),
        "{text}"
    );
    for t in env.tokens_used.borrow().iter() {
        assert!(!text.contains(t.as_str()));
    }
}

/// The real secret store of a profile, counting the calls that change it: with the vault each
/// is one rewrite of `vault.age`.
struct CountingWrites {
    inner: std::sync::Arc<dyn tokenwarden::store::SecretStore>,
    writes: std::sync::atomic::AtomicUsize,
}

impl CountingWrites {
    fn wrote(&self) {
        self.writes
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }
}

impl tokenwarden::store::SecretStore for CountingWrites {
    fn kind(&self) -> tokenwarden::store::SecretStoreKind {
        self.inner.kind()
    }
    fn get(&self, r: &SecretRef) -> Result<Secret, SecretError> {
        self.inner.get(r)
    }
    fn get_all(&self, refs: &[SecretRef]) -> Result<Vec<Secret>, SecretError> {
        self.inner.get_all(refs)
    }
    fn set(&self, r: &SecretRef, value: &Secret) -> Result<(), SecretError> {
        self.wrote();
        self.inner.set(r, value)
    }
    fn set_all(&self, entries: &[(SecretRef, Secret)]) -> Result<(), SecretError> {
        self.wrote();
        self.inner.set_all(entries)
    }
    fn delete(&self, r: &SecretRef) -> Result<(), SecretError> {
        self.wrote();
        self.inner.delete(r)
    }
    fn delete_all(&self, refs: &[SecretRef]) -> Result<(), SecretError> {
        self.wrote();
        self.inner.delete_all(refs)
    }
}

#[test]
fn a_group_renewal_writes_the_vault_once_and_a_refused_member_keeps_its_token() {
    let env = Env::new();
    env.add_acme_app();
    let names = add_carols_four_pages(&env);
    env.control.change_password(CAROL_ID);
    assert_eq!(env.run(&["check"], "").code, 2);
    // Carol no longer manages the Candles Page: her new login cannot renew that one.
    env.control.remove_page_role(CAROL_ID, CAROL_PAGES[3]);
    let before = env.list_json();
    let user = env.remember(&env.control.mint_user_token(
        CAROL_ID,
        ACME_APP_ID,
        true,
        &support::MESSENGER_SCOPES,
    ));

    // In process, on the same vault profile, to count the writes of the vault.
    let profile = Profile::resolve(Some(env.profile_dir().into())).expect("profile");
    let backend = SecretBackend::Vault {
        passphrase: Secret::new(support::PASSPHRASE),
    };
    let mut store = Store::open(profile, backend).expect("vault opens");
    let counting = std::sync::Arc::new(CountingWrites {
        inner: store.secrets.clone(),
        writes: Default::default(),
    });
    store.secrets = counting.clone();
    let graph = GraphConfig::default()
        .with_base_url(&env.base_url)
        .expect("loopback URL");
    let service = Service::new(store, graph).expect("service");
    let opts = RenewOptions {
        group: true,
        ..Default::default()
    };
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let results = rt
        .block_on(service.renew_with("Carol Cakes", &Secret::new(user), opts))
        .expect("the group renewal runs");

    assert_eq!(results.len(), 4);
    for (channel, result) in &results {
        match (channel.name.as_str(), result) {
            ("Carol Candles", Err(ServiceError::Refused { reasons })) => {
                assert!(
                    reasons[0].message.contains("does not manage"),
                    "{reasons:?}"
                )
            }
            ("Carol Candles", other) => panic!("Candles must be refused: {other:?}"),
            (name, r) => assert!(r.is_ok(), "{name}: {r:?}"),
        }
    }
    assert_eq!(
        counting.writes.load(std::sync::atomic::Ordering::SeqCst),
        1,
        "three new tokens, one write of the vault"
    );
    let after = env.list_json();
    for name in &names[..3] {
        assert_eq!(Env::channel(&after, name)["health"], "healthy", "{name}");
    }
    let candles = |list| {
        let c = Env::channel(list, "Carol Candles");
        (c["health"].clone(), c["token"]["fingerprint"].clone())
    };
    assert_eq!(
        candles(&after),
        candles(&before),
        "the refused one is as it was"
    );
    assert_eq!(candles(&after).0, "broken");
    env.assert_no_secret_leaked();
}

/// Carol's four Pages as Messenger channels (one password change breaks them all); their names.
fn add_carols_four_pages(env: &Env) -> [&'static str; 4] {
    let names = ["Carol Cafe", "Carol Crafts", "Carol Cakes", "Carol Candles"];
    for (name, token) in
        names
            .iter()
            .zip(["carol_cafe", "carol_crafts", "carol_cakes", "carol_candles"])
    {
        env.add_channel(name, "messenger", token);
    }
    names
}
