//! Integration tests of the Graph API simulator over real HTTP (reqwest), through its public API.

use std::time::{Duration, Instant};

use hmac::{Hmac, Mac};
use reqwest::header::HeaderMap;
use serde_json::Value;
use sha2::Sha256;
use tokenwarden::sim::scenario::*;
use tokenwarden::sim::{Fault, Scenario, Scope, SimControl, SimHandle, Simulator};

struct Env {
    sim: SimHandle,
    http: reqwest::Client,
}

struct Answer {
    status: u16,
    headers: HeaderMap,
    text: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }
    fn code(&self) -> (i64, Option<i64>) {
        let v = self.json();
        (
            v["error"]["code"].as_i64().unwrap(),
            v["error"]["error_subcode"].as_i64(),
        )
    }
}

fn client(timeout: Duration) -> reqwest::Client {
    // Already installed by another test is fine.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder().timeout(timeout).build().unwrap()
}

fn app_token() -> String {
    format!("{ACME_APP_ID}|{ACME_APP_SECRET}")
}

fn proof(secret: &str, msg: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(msg.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

impl Env {
    fn new() -> Env {
        Env {
            sim: Simulator::start_background(Scenario::demo()).unwrap(),
            http: client(Duration::from_secs(10)),
        }
    }
    fn c(&self) -> SimControl {
        self.sim.control()
    }
    fn t(&self, name: &str) -> String {
        self.sim.control().token(name)
    }
    async fn send(&self, method: &str, path: &str, params: &[(&str, &str)]) -> Answer {
        let url = format!("{}/v26.0{path}", self.sim.base_url());
        let req = match method {
            "GET" => self.http.get(url).query(params),
            "POST" => self.http.post(url).form(params),
            "DELETE" => self.http.delete(url).query(params),
            _ => unreachable!(),
        };
        let resp = req.send().await.unwrap();
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        Answer {
            status,
            headers,
            text: resp.text().await.unwrap(),
        }
    }
    async fn get(&self, path: &str, params: &[(&str, &str)]) -> Answer {
        self.send("GET", path, params).await
    }
    async fn debug(&self, input: &str) -> Value {
        let a = self
            .get(
                "/debug_token",
                &[("input_token", input), ("access_token", &app_token())],
            )
            .await;
        assert_eq!(a.status, 200, "{}", a.text);
        a.json()["data"].clone()
    }
}

#[tokio::test]
async fn debug_token_for_a_valid_page_token() {
    let env = Env::new();
    let a = env
        .get(
            "/debug_token",
            &[
                ("input_token", &env.t("shoes_messenger")),
                ("access_token", &app_token()),
            ],
        )
        .await;
    assert_eq!(a.status, 200);
    assert_eq!(a.headers["facebook-api-version"], "v26.0");
    assert!(a.headers.contains_key("x-fb-trace-id"));
    let usage: Value = serde_json::from_str(a.headers["x-app-usage"].to_str().unwrap()).unwrap();
    assert!(usage["call_count"].as_i64().unwrap() < 100);
    let d = &a.json()["data"];
    assert_eq!(d["app_id"], ACME_APP_ID);
    assert_eq!(d["type"], "PAGE");
    assert_eq!(d["application"], ACME_APP_NAME);
    assert_eq!(d["is_valid"], true);
    assert_eq!(d["expires_at"], 0);
    assert_eq!(d["profile_id"], SHOES_PAGE_ID);
    assert_eq!(d["user_id"], ALICE_ID);
    assert!(d["data_access_expires_at"].as_i64().unwrap() > chrono::Utc::now().timestamp());
    assert!(d["issued_at"].as_i64().is_some());
    assert!(
        d["scopes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "pages_messaging")
    );
    let g = d["granular_scopes"].as_array().unwrap();
    let messaging = g.iter().find(|g| g["scope"] == "pages_messaging").unwrap();
    assert_eq!(messaging["target_ids"][0], SHOES_PAGE_ID);
    // The IG token targets the IG account for instagram_* scopes.
    let ig = env.debug(&env.t("ig_ok")).await;
    let igs = ig["granular_scopes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["scope"] == "instagram_basic")
        .cloned();
    assert_eq!(igs.unwrap()["target_ids"][0], SHOES_IG_ID);
    // System user token.
    let wa = env.debug(&env.t("whatsapp_system")).await;
    assert_eq!(wa["type"], "SYSTEM_USER");
    assert_eq!(wa["expires_at"], 0);
    // App token input.
    let app = env.debug(&app_token()).await;
    assert_eq!(app["type"], "APP");
    assert!(app.get("expires_at").is_none());
}

#[tokio::test]
async fn debug_token_for_broken_and_garbage_tokens() {
    let env = Env::new();
    let d = env.debug(&env.t("garden_password")).await;
    assert_eq!(d["is_valid"], false);
    assert_eq!(d["error"]["code"], 190);
    assert_eq!(d["error"]["subcode"], 460);
    assert!(
        d["error"]["message"]
            .as_str()
            .unwrap()
            .contains("changed their password")
    );
    assert_eq!(d["user_id"], DANA_ID);
    assert_eq!(d["app_id"], ACME_APP_ID);
    for (name, sub) in [
        ("travel_expired", Some(463)),
        ("role_lost", Some(492)),
        ("checkpointed", Some(459)),
        ("app_removed", Some(458)),
        ("unconfirmed", Some(464)),
        ("session_invalidated", Some(466)),
        ("revoked", None),
    ] {
        let d = env.debug(&env.t(name)).await;
        assert_eq!(d["is_valid"], false, "{name}");
        assert_eq!(d["error"]["subcode"].as_i64(), sub, "{name}");
    }
    let g = env.debug("EAAthisisnotatoken").await;
    assert_eq!(g["is_valid"], false);
    assert_eq!(g["scopes"], serde_json::json!([]));
    assert_eq!(
        g["error"]["message"],
        "Invalid OAuth access token - Cannot parse access token"
    );
}

#[tokio::test]
async fn debug_token_callers() {
    let env = Env::new();
    let input = env.t("shoes_messenger");
    let call = |caller: String| {
        let input = input.clone();
        let env = &env;
        async move {
            env.get(
                "/debug_token",
                &[("input_token", &input), ("access_token", &caller)],
            )
            .await
        }
    };
    // Bob is no developer of Acme Support.
    let a = call(env.t("bob_user")).await;
    assert_eq!((a.status, a.code()), (400, (100, None)));
    assert!(
        a.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("owner or developer")
    );
    // A Page token is not accepted as the caller.
    assert_eq!(call(input.clone()).await.code().0, 100);
    // Another app's token.
    let a = call(format!("{OTHER_APP_ID}|{OTHER_APP_SECRET}")).await;
    assert_eq!(a.code().0, 100);
    assert!(
        a.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("did not match the Viewing App")
    );
    // Alice is a developer: her own user token works.
    let a = call(env.t("alice_user_long")).await;
    assert_eq!(a.status, 200);
    assert_eq!(a.json()["data"]["is_valid"], true);
    // An app token from client_credentials works too.
    let a = env
        .get(
            "/oauth/access_token",
            &[
                ("grant_type", "client_credentials"),
                ("client_id", ACME_APP_ID),
                ("client_secret", ACME_APP_SECRET),
            ],
        )
        .await;
    let app_token = a.json()["access_token"].as_str().unwrap().to_string();
    assert!(app_token.starts_with(&format!("{ACME_APP_ID}|")));
    assert_eq!(call(app_token).await.json()["data"]["is_valid"], true);
    // Wrong secret in an app token.
    assert_eq!(call(format!("{ACME_APP_ID}|nope")).await.code().0, 190);
}

#[tokio::test]
async fn password_change_breaks_all_of_carols_pages() {
    let env = Env::new();
    let names = ["carol_cafe", "carol_crafts", "carol_cakes", "carol_candles"];
    for n in names {
        assert_eq!(env.debug(&env.t(n)).await["is_valid"], true);
    }
    env.c().change_password(CAROL_ID);
    for n in names {
        let d = env.debug(&env.t(n)).await;
        assert_eq!(
            (d["is_valid"].clone(), d["error"]["subcode"].clone()),
            (false.into(), 460.into()),
            "{n}"
        );
    }
    let a = env
        .get("/me", &[("access_token", &env.t("carol_cafe"))])
        .await;
    assert_eq!((a.status, a.code()), (400, (190, Some(460))));
    assert_eq!(a.json()["error"]["type"], "OAuthException");
    assert!(a.json()["error"]["fbtrace_id"].is_string());
    assert!(a.headers.contains_key("www-authenticate"));
    // A token minted after the change works.
    let fresh = env.c().mint_page_token(
        CAROL_ID,
        CAROL_PAGES[0],
        ACME_APP_ID,
        true,
        &["pages_show_list"],
    );
    assert_eq!(env.debug(&fresh).await["is_valid"], true);
}

#[tokio::test]
async fn me_app_permissions_and_messages() {
    let env = Env::new();
    let a = env
        .get(
            "/me",
            &[
                ("access_token", &env.t("shoes_messenger")),
                ("fields", "id,name"),
                ("metadata", "1"),
            ],
        )
        .await;
    let v = a.json();
    assert_eq!(
        (v["id"].as_str(), v["name"].as_str()),
        (Some(SHOES_PAGE_ID), Some("Acme Shoes"))
    );
    assert_eq!(v["metadata"]["type"], "page");
    let v = env
        .get(
            "/me",
            &[
                ("access_token", &env.t("alice_user_long")),
                ("metadata", "1"),
            ],
        )
        .await
        .json();
    assert_eq!(
        (
            v["id"].as_str(),
            v["name"].as_str(),
            v["metadata"]["type"].as_str()
        ),
        (Some(ALICE_ID), Some("Alice Admin"), Some("user"))
    );
    let v = env
        .get("/app", &[("access_token", &env.t("wrong_app"))])
        .await
        .json();
    assert_eq!(
        (v["id"].as_str(), v["name"].as_str()),
        (Some(OTHER_APP_ID), Some(OTHER_APP_NAME))
    );
    let a = env
        .get("/me", &[("access_token", &env.t("travel_expired"))])
        .await;
    assert_eq!(a.code(), (190, Some(463)));
    assert!(
        a.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Session has expired on")
    );
    let a = env
        .get("/me", &[("access_token", &env.t("role_lost"))])
        .await;
    assert_eq!(a.code(), (190, Some(492)));
    let t = env.t("missing_permission");
    env.c().remove_scope(&t, "pages_read_engagement");
    let v = env
        .get("/me/permissions", &[("access_token", &t)])
        .await
        .json();
    let perms = v["data"].as_array().unwrap();
    assert!(perms.iter().all(|p| p["permission"] != "pages_messaging"));
    assert!(
        perms
            .iter()
            .any(|p| p["permission"] == "pages_read_engagement" && p["status"] == "declined")
    );
    // Page fields: IG account and access_token (only with a role).
    let v = env
        .get(
            &format!("/{SHOES_PAGE_ID}"),
            &[
                ("access_token", &env.t("alice_user_long")),
                ("fields", "access_token,name,instagram_business_account"),
            ],
        )
        .await
        .json();
    assert_eq!(v["instagram_business_account"]["id"], SHOES_IG_ID);
    assert!(v["access_token"].as_str().unwrap().starts_with("EAA"));
    let v = env
        .get(
            &format!("/{SHOES_PAGE_ID}"),
            &[
                ("access_token", &env.t("bob_user")),
                ("fields", "access_token,name"),
            ],
        )
        .await
        .json();
    assert!(v.get("access_token").is_none());
    let a = env
        .get(
            &format!("/{SHOES_PAGE_ID}"),
            &[("access_token", &env.t("bob_user")), ("fields", "bogus")],
        )
        .await;
    assert_eq!(a.code().0, 100);
    // No token at all; unknown token.
    assert_eq!(env.get("/me", &[]).await.code().0, 104);
    assert_eq!(
        env.get("/me", &[("access_token", "EAAxyz")]).await.code(),
        (190, None)
    );
}

#[tokio::test]
async fn fb_exchange_token_and_its_errors() {
    let env = Env::new();
    let short = env.t("alice_user_short");
    let params = |secret: &'static str, token: String| {
        vec![
            ("grant_type", "fb_exchange_token".to_string()),
            ("client_id", ACME_APP_ID.into()),
            ("client_secret", secret.into()),
            ("fb_exchange_token", token),
        ]
    };
    let p = params(ACME_APP_SECRET, short.clone());
    let p: Vec<(&str, &str)> = p.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let v = env.get("/oauth/access_token", &p).await.json();
    assert_eq!(v["token_type"], "bearer");
    assert_eq!(v["expires_in"], 5183944);
    let long = v["access_token"].as_str().unwrap().to_string();
    assert_ne!(long, short);
    let d = env.debug(&long).await;
    assert_eq!(
        (d["type"].as_str(), d["user_id"].as_str()),
        (Some("USER"), Some(ALICE_ID))
    );
    assert!(d["expires_at"].as_i64().unwrap() > chrono::Utc::now().timestamp() + 59 * 86400);
    let p = params(OTHER_APP_SECRET, short.clone());
    let p: Vec<(&str, &str)> = p.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let a = env.get("/oauth/access_token", &p).await;
    assert_eq!(a.code(), (1, None));
    assert_eq!(
        a.json()["error"]["message"],
        "Error validating client secret."
    );
    env.c().expire(&short);
    let p = params(ACME_APP_SECRET, short.clone());
    let p: Vec<(&str, &str)> = p.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        env.get("/oauth/access_token", &p).await.code(),
        (190, Some(463))
    );
    // Secrets are redacted in the request log.
    let last = env.c().requests().pop().unwrap();
    assert_eq!(last.path, "/oauth/access_token");
    assert_eq!(last.params["client_secret"], "<redacted>");
    assert_eq!(last.params["fb_exchange_token"], "<redacted>");
    assert_eq!(last.params["grant_type"], "fb_exchange_token");
}

#[tokio::test]
async fn me_accounts_gives_page_tokens() {
    let env = Env::new();
    let long = env.t("alice_user_long");
    let v = env
        .get("/me/accounts", &[("access_token", &long)])
        .await
        .json();
    let data = v["data"].as_array().unwrap();
    let names: Vec<&str> = data.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "Acme Shoes",
            "Acme Books",
            "Acme Travel",
            "Acme Garden",
            "Acme Toys"
        ]
    );
    assert!(
        data[0]["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "MESSAGING")
    );
    assert!(data[0]["category_list"][0]["name"].is_string());
    assert!(v["paging"]["cursors"]["after"].is_string());
    let page_token = data[0]["access_token"].as_str().unwrap().to_string();
    let d = env.debug(&page_token).await;
    assert_eq!(
        (
            d["type"].as_str(),
            d["profile_id"].as_str(),
            d["expires_at"].as_i64()
        ),
        (Some("PAGE"), Some(SHOES_PAGE_ID), Some(0))
    );
    // Same token on a second call; paging with limit.
    let v2 = env
        .get(
            &format!("/{ALICE_ID}/accounts"),
            &[("access_token", &long), ("limit", "2")],
        )
        .await
        .json();
    assert_eq!(
        v2["data"][0]["access_token"].as_str(),
        Some(page_token.as_str())
    );
    assert_eq!(v2["data"].as_array().unwrap().len(), 2);
    let after = v2["paging"]["cursors"]["after"].as_str().unwrap();
    assert!(v2["paging"]["next"].as_str().unwrap().contains("after="));
    let v3 = env
        .get(
            "/me/accounts",
            &[("access_token", &long), ("limit", "2"), ("after", after)],
        )
        .await
        .json();
    assert_eq!(v3["data"][0]["id"], TRAVEL_PAGE_ID);
    // From a short-lived user token, Page tokens expire with it.
    let short = env.t("alice_user_short");
    let v = env
        .get("/me/accounts", &[("access_token", &short)])
        .await
        .json();
    let pt = v["data"][0]["access_token"].as_str().unwrap().to_string();
    let user_exp = env.debug(&short).await["expires_at"].as_i64().unwrap();
    assert_eq!(env.debug(&pt).await["expires_at"].as_i64(), Some(user_exp));
    // Page tokens cannot list accounts.
    assert_eq!(
        env.get("/me/accounts", &[("access_token", &page_token)])
            .await
            .code()
            .0,
        100
    );
}

#[tokio::test]
async fn subscribed_apps_read_and_write() {
    let env = Env::new();
    let shoes = env.t("shoes_messenger");
    let v = env
        .get(
            &format!("/{SHOES_PAGE_ID}/subscribed_apps"),
            &[("access_token", &shoes)],
        )
        .await
        .json();
    assert_eq!(v["data"][0]["id"], ACME_APP_ID);
    assert_eq!(
        v["data"][0]["subscribed_fields"],
        serde_json::json!(["messages", "messaging_postbacks"])
    );
    let toys = env.t("webhook_off");
    let path = format!("/{TOYS_PAGE_ID}/subscribed_apps");
    let v = env.get(&path, &[("access_token", &toys)]).await.json();
    assert_eq!(
        v["data"][0]["subscribed_fields"],
        serde_json::json!(["feed"])
    );
    let a = env
        .send(
            "POST",
            &path,
            &[
                ("access_token", &toys),
                ("subscribed_fields", "messages,messaging_postbacks"),
            ],
        )
        .await;
    assert_eq!(a.json(), serde_json::json!({"success": true}));
    assert_eq!(
        env.c().subscribed_fields(TOYS_PAGE_ID, ACME_APP_ID),
        Some(vec!["messages".into(), "messaging_postbacks".into()])
    );
    let a = env
        .send(
            "POST",
            &path,
            &[("access_token", &toys), ("subscribed_fields", "nonsense")],
        )
        .await;
    assert_eq!(a.code().0, 100);
    env.send("DELETE", &path, &[("access_token", &toys)]).await;
    assert_eq!(
        env.get(&path, &[("access_token", &toys)]).await.json()["data"],
        serde_json::json!([])
    );
    assert_eq!(env.c().subscribed_fields(TOYS_PAGE_ID, ACME_APP_ID), None);
    // A token of another Page, a user token.
    assert_eq!(
        env.get(&path, &[("access_token", &shoes)]).await.code().0,
        210
    );
    assert_eq!(
        env.get(&path, &[("access_token", &env.t("alice_user_long"))])
            .await
            .code()
            .0,
        210
    );
    // WhatsApp.
    let v = env
        .get(
            &format!("/{WABA_ID}/subscribed_apps"),
            &[("access_token", &env.t("whatsapp_system"))],
        )
        .await
        .json();
    assert_eq!(
        v["data"][0]["whatsapp_business_api_data"]["id"],
        ACME_APP_ID
    );
    env.c()
        .set_subscribed_fields(SHOES_PAGE_ID, ACME_APP_ID, vec![]);
    assert_eq!(
        env.get(
            &format!("/{SHOES_PAGE_ID}/subscribed_apps"),
            &[("access_token", &shoes)]
        )
        .await
        .json()["data"],
        serde_json::json!([])
    );
}

#[tokio::test]
async fn device_login_pending_slow_down_approve() {
    let env = Env::new();
    env.c().set_device_interval(1);
    let client = format!("{ACME_APP_ID}|{ACME_CLIENT_TOKEN}");
    let v = env
        .send(
            "POST",
            "/device/login",
            &[
                ("access_token", &client),
                ("scope", "pages_show_list,pages_messaging"),
            ],
        )
        .await
        .json();
    assert_eq!(v["verification_uri"], "https://www.facebook.com/device");
    assert_eq!(
        (v["expires_in"].as_i64(), v["interval"].as_i64()),
        (Some(420), Some(1))
    );
    let user_code = v["user_code"].as_str().unwrap().to_string();
    assert_eq!(user_code.len(), 8);
    let code = v["code"].as_str().unwrap().to_string();
    let status_params = [("access_token", client.as_str()), ("code", code.as_str())];
    let poll = || env.send("POST", "/device/login_status", &status_params);
    assert_eq!(poll().await.code(), (31, Some(1349174)));
    assert_eq!(poll().await.code(), (31, Some(1349172)));
    env.c().approve_device(&user_code, ALICE_ID);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let v = poll().await.json();
    let token = v["access_token"].as_str().unwrap().to_string();
    assert_eq!(v["expires_in"], 5183944);
    assert!(v["data_access_expiration_time"].as_i64().unwrap() > 0);
    let d = env.debug(&token).await;
    assert_eq!(
        (d["user_id"].as_str(), d["type"].as_str()),
        (Some(ALICE_ID), Some("USER"))
    );
    assert_eq!(
        d["scopes"],
        serde_json::json!(["pages_show_list", "pages_messaging"])
    );
    assert_eq!(env.c().device_polls(&user_code), 3);
    // Declined and expired codes.
    let v = env
        .send("POST", "/device/login", &[("access_token", &client)])
        .await
        .json();
    let (uc, c2) = (
        v["user_code"].as_str().unwrap().to_string(),
        v["code"].as_str().unwrap().to_string(),
    );
    env.c().decline_device(&uc);
    let a = env
        .send(
            "POST",
            "/device/login_status",
            &[("access_token", &client), ("code", &c2)],
        )
        .await;
    assert_eq!(a.code().1, Some(1349173));
    env.c().expire_device(&uc);
    let a = env
        .send(
            "POST",
            "/device/login_status",
            &[("access_token", &client), ("code", &c2)],
        )
        .await;
    assert_eq!(a.code().1, Some(1349152));
}

#[tokio::test]
async fn faults() {
    let env = Env::new();
    let me = [("access_token", env.t("shoes_messenger"))];
    let me: Vec<(&str, &str)> = me.iter().map(|(k, v)| (*k, v.as_str())).collect();

    env.c().set_fault(Fault::ServerErrorHtml);
    let a = env.get("/me", &me).await;
    assert!(a.status == 502 || a.status == 503);
    assert!(
        a.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(a.text.contains("Sorry, something went wrong"));
    // Control routes are never faulted.
    let tokens: Value = env
        .http
        .get(format!("{}/__sim/tokens", env.sim.base_url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(tokens["shoes_messenger"].as_str(), Some(me[0].1));

    env.c().set_fault(Fault::TruncatedJson);
    let a = env.get("/me", &me).await;
    assert_eq!(a.status, 200);
    assert!(
        a.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    assert!(serde_json::from_str::<Value>(&a.text).is_err());

    env.c().set_fault(Fault::RateLimited { code: 80006 });
    let a = env.get("/me", &me).await;
    assert_eq!((a.status, a.code().0), (400, 80006));
    let buc: Value =
        serde_json::from_str(a.headers["x-business-use-case-usage"].to_str().unwrap()).unwrap();
    assert_eq!(buc[SHOES_PAGE_ID][0]["estimated_time_to_regain_access"], 7);
    assert_eq!(buc[SHOES_PAGE_ID][0]["type"], "messenger");
    env.c().set_fault(Fault::RateLimited { code: 4 });
    let a = env.get("/me", &me).await;
    let usage: Value = serde_json::from_str(a.headers["x-app-usage"].to_str().unwrap()).unwrap();
    assert_eq!((a.code().0, usage["call_count"].as_i64()), (4, Some(100)));

    env.c()
        .set_fault(Fault::Latency(Duration::from_millis(300)));
    let started = Instant::now();
    assert_eq!(env.get("/me", &me).await.status, 200);
    assert!(started.elapsed() >= Duration::from_millis(300));

    env.c().clear_faults();
    env.c().fail_next(1, Fault::Hang);
    let quick = client(Duration::from_millis(400));
    let err = quick
        .get(format!("{}/v26.0/me", env.sim.base_url()))
        .query(&me)
        .send()
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err}");
    // Only the next one: now it answers again.
    assert_eq!(env.get("/me", &me).await.json()["id"], SHOES_PAGE_ID);
}

#[tokio::test]
async fn appsecret_proof_is_checked_and_recorded() {
    let env = Env::new();
    let t = env.t("shoes_messenger");
    env.c().clear_requests();
    let good = proof(ACME_APP_SECRET, &t);
    assert_eq!(
        env.get("/me", &[("access_token", &t), ("appsecret_proof", &good)])
            .await
            .status,
        200
    );
    let now = chrono::Utc::now().timestamp().to_string();
    let timed = proof(ACME_APP_SECRET, &format!("{t}|{now}"));
    let a = env
        .get(
            "/me",
            &[
                ("access_token", &t),
                ("appsecret_proof", &timed),
                ("appsecret_time", &now),
            ],
        )
        .await;
    assert_eq!(a.status, 200);
    let a = env
        .get(
            "/me",
            &[
                ("access_token", &t),
                ("appsecret_proof", &proof(OTHER_APP_SECRET, &t)),
            ],
        )
        .await;
    assert_eq!(a.code().0, 100);
    assert_eq!(
        a.json()["error"]["message"],
        "Invalid appsecret_proof provided in the API argument"
    );
    env.get("/me", &[("access_token", &t)]).await;
    let reqs = env.c().requests();
    let valid: Vec<Option<bool>> = reqs.iter().map(|r| r.appsecret_proof_valid).collect();
    assert_eq!(valid, [Some(true), Some(true), Some(false), None]);
    assert_eq!(reqs[0].path, "/me");
    assert_eq!(reqs[0].method, "GET");
    assert_eq!(reqs[0].params["access_token"], "<redacted>");
    let params: Vec<_> = reqs.iter().map(|r| &r.params).collect();
    assert!(!format!("{params:?}").contains(&t));
    // The URI is kept as received, so a client that puts a token in a URL is caught.
    assert!(reqs[0].uri.starts_with("/v26.0/me?") && reqs[0].uri.contains(t.as_str()));
    assert!(!reqs[0].in_batch);
}

/// Reference §7: POST with `method=GET`, and a batch whose ops carry their own parameters.
#[tokio::test]
async fn debug_token_by_post_override_and_in_a_batch() {
    let env = Env::new();
    let t = env.t("shoes_messenger");
    env.c().clear_requests();
    let form = [
        ("method", "GET"),
        ("input_token", t.as_str()),
        ("access_token", &app_token()),
    ];
    let a = env.send("POST", "/debug_token", &form).await;
    assert_eq!(a.json()["data"]["profile_id"], SHOES_PAGE_ID);
    env.c().refuse_debug_token_method_override(true);
    let a = env.send("POST", "/debug_token", &form).await;
    assert_eq!(a.code(), (100, Some(33)), "{}", a.text);
    assert!(
        a.json()["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("Unsupported post request")
    );

    let op = |input: &str| {
        serde_json::json!([
            {"method": "GET", "relative_url": format!("debug_token?input_token={input}")},
            {"method": "GET", "relative_url": "v26.0/me?fields=id", "body": ""},
        ])
        .to_string()
    };
    let batch = op(&t);
    let a = env
        .send(
            "POST",
            "",
            &[("access_token", &app_token()), ("batch", &batch)],
        )
        .await;
    assert_eq!(a.status, 200, "{}", a.text);
    let items = a.json();
    assert_eq!(items[0]["code"], 200);
    assert_eq!(items[0]["headers"][0]["name"], "Content-Type");
    let body: Value = serde_json::from_str(items[0]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["data"]["profile_id"], SHOES_PAGE_ID);
    // The app token has no user behind it: the second op fails on its own.
    assert_eq!(items[1]["code"], 400);

    env.c().refuse_debug_token_in_batch(true);
    let a = env
        .send(
            "POST",
            "",
            &[
                ("access_token", &app_token()),
                ("batch", &batch),
                ("include_headers", "false"),
            ],
        )
        .await;
    let items = a.json();
    assert_eq!(items[0]["code"], 400);
    assert!(items[0].get("headers").is_none());
    assert!(
        items[0]["body"]
            .as_str()
            .unwrap()
            .contains("Unsupported get request")
    );

    // The top-level token is required; at most 50 ops.
    let a = env.send("POST", "", &[("batch", &batch)]).await;
    assert_eq!(a.code().0, 104);
    let many = serde_json::json!(vec![serde_json::json!({"relative_url": "me"}); 51]).to_string();
    let a = env
        .send(
            "POST",
            "",
            &[("access_token", &app_token()), ("batch", &many)],
        )
        .await;
    assert_eq!(a.code().0, 100);

    let reqs = env.c().requests();
    let params: Vec<_> = reqs.iter().map(|r| &r.params).collect();
    assert!(!format!("{params:?}").contains(&t));
    assert!(reqs.iter().all(|r| !r.uri.contains(t.as_str())));
    assert!(
        reqs.iter()
            .any(|r| r.in_batch && r.path == "/debug_token" && r.uri == "/v26.0")
    );
}

#[tokio::test]
async fn budgets_report_usage_per_request_and_per_batch_op_and_refuse_with_the_scopes_code() {
    let env = Env::new();
    let page = env.t("shoes_messenger");
    env.c()
        .set_budget(Scope::App(ACME_APP_ID.into()), 4, Duration::from_secs(3600));
    env.c().set_budget(
        Scope::Page(SHOES_PAGE_ID.into()),
        2,
        Duration::from_secs(3600),
    );
    env.c().set_latency(Duration::from_millis(200));
    let started = Instant::now();
    let a = env
        .get("/me", &[("fields", "id"), ("access_token", &page)])
        .await;
    assert!(
        started.elapsed() >= Duration::from_millis(200),
        "latency applies"
    );
    env.c().clear_faults();
    assert_eq!(a.status, 200, "{}", a.text);
    let app: Value = serde_json::from_str(a.headers["x-app-usage"].to_str().unwrap()).unwrap();
    assert_eq!(app["call_count"], 25);
    let buc: Value =
        serde_json::from_str(a.headers["x-business-use-case-usage"].to_str().unwrap()).unwrap();
    assert_eq!(buc[SHOES_PAGE_ID][0]["call_count"], 50);

    // A batch: each op is a call, with its Page's usage in its own headers; the third call on
    // the Page is refused with the Page-token code 80001 and a wait, the batch itself is not.
    let op = serde_json::json!({"relative_url": format!("{SHOES_PAGE_ID}/subscribed_apps"),
        "body": format!("access_token={page}")});
    let batch = serde_json::json!([op, op]).to_string();
    let a = env
        .send(
            "POST",
            "",
            &[("access_token", &app_token()), ("batch", &batch)],
        )
        .await;
    assert_eq!(a.status, 200, "{}", a.text);
    let items = a.json();
    assert_eq!(items[0]["code"], 200);
    assert_eq!(items[1]["code"], 400);
    let body: Value = serde_json::from_str(items[1]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["error"]["code"], 80001);
    let usage = items[1]["headers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["name"] == "X-Business-Use-Case-Usage")
        .unwrap();
    let usage: Value = serde_json::from_str(usage["value"].as_str().unwrap()).unwrap();
    assert_eq!(
        usage[SHOES_PAGE_ID][0]["estimated_time_to_regain_access"],
        60
    );
    let app: Value = serde_json::from_str(a.headers["x-app-usage"].to_str().unwrap()).unwrap();
    assert_eq!(app["call_count"], 50, "two calls of four: one was refused");
    // The app's budget: two more calls, then code 4 for anything of the app.
    for _ in 0..2 {
        let a = env.debug(&page).await;
        assert_eq!(a["is_valid"], true);
    }
    let a = env
        .get(
            "/debug_token",
            &[("input_token", &page), ("access_token", &app_token())],
        )
        .await;
    assert_eq!(a.code().0, 4, "{}", a.text);
    assert_eq!(env.c().peak_usage_percent(), 100);
    assert_eq!(env.c().calls_refused_for_limits(), 2);
}

#[tokio::test]
async fn http_control_api() {
    let env = Env::new();
    let base = env.sim.base_url();
    let post = |body: Value| {
        env.http
            .post(format!("{base}/__sim/event"))
            .json(&body)
            .send()
    };
    let r = post(serde_json::json!({"event": "password_changed", "user_id": CAROL_ID}))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        env.debug(&env.t("carol_candles")).await["error"]["subcode"],
        460
    );
    post(serde_json::json!({"event": "page_role_lost", "user_id": ALICE_ID, "page_id": SHOES_PAGE_ID})).await.unwrap();
    assert_eq!(
        env.debug(&env.t("shoes_messenger")).await["error"]["subcode"],
        492
    );
    post(serde_json::json!({"event": "revoke", "token_name": "bikes_page"}))
        .await
        .unwrap();
    assert_eq!(env.debug(&env.t("bikes_page")).await["is_valid"], false);
    post(serde_json::json!({"event": "fault", "fault": "server_error_html"}))
        .await
        .unwrap();
    assert!(env.get("/me", &[]).await.status >= 500);
    post(serde_json::json!({"event": "fault", "fault": "none"}))
        .await
        .unwrap();
    assert_eq!(env.get("/me", &[]).await.status, 400);
    let r = post(serde_json::json!({"event": "password_changed", "user_id": "nobody"}))
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
}

#[tokio::test]
async fn start_on_the_current_runtime_and_stop_frees_the_port() {
    let sim = Simulator::start(0, Scenario::demo()).await.unwrap();
    let base = sim.base_url();
    assert!(base.starts_with("http://127.0.0.1:") && !base.ends_with('/'));
    let http = client(Duration::from_secs(5));
    let token = sim.control().token("bikes_page");
    // Unversioned paths work too.
    let v: Value = http
        .get(format!("{base}/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["name"], "Bob's Bikes");
    drop(sim);

    let handle = Simulator::start_background(Scenario::demo()).unwrap();
    let port: u16 = handle
        .base_url()
        .rsplit(':')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    handle.control().set_fault(Fault::Hang);
    // A request left hanging must not keep the simulator from stopping.
    let pending = tokio::spawn(
        client(Duration::from_secs(30))
            .get(format!("{}/me", handle.base_url()))
            .send(),
    );
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = Instant::now();
    handle.stop();
    assert!(started.elapsed() < Duration::from_secs(5));
    std::net::TcpListener::bind(("127.0.0.1", port)).expect("port is free after stop");
    let _ = pending.await;
}

#[test]
#[should_panic(expected = "no token named")]
fn unknown_token_names_panic_helpfully() {
    let sim = Simulator::start_background(Scenario::demo()).unwrap();
    sim.control().token("nope");
}

#[tokio::test]
async fn run_standalone_serves_until_stopped() {
    let task = tokio::spawn(tokenwarden::sim::run_standalone(0));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!task.is_finished(), "it should serve until Ctrl-C");
    task.abort();
}
