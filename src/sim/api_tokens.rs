//! Token endpoints: `debug_token`, `/me`, `/app`, `/me/permissions`, `/oauth/access_token`,
//! `/oauth/client_code` and the device-login pair.

use serde_json::{Map, Value, json};

use super::api_pages;
use super::auth::Caller;
use super::errors::GraphError;
use super::ids::{self, LONG_LIVED_SECS};
use super::request::GraphRequest;
use super::world::{Expiry, TokenKind, TokenRecord, TokenSpec, World};

/// `GET /debug_token?input_token&access_token` (§1).
pub(crate) fn debug_token(w: &mut World, r: &GraphRequest) -> Result<Value, GraphError> {
    let caller = r
        .token
        .as_deref()
        .ok_or_else(GraphError::debug_token_caller)?;
    let viewing_app = match w.resolve_caller(caller)? {
        Caller::App(app) => app,
        Caller::Token(t) if t.kind == TokenKind::App => {
            w.validity(&t, ids::now()).map_err(|e| e.graph_error())?;
            t.app_id
        }
        Caller::Token(t) if t.kind == TokenKind::User => {
            w.validity(&t, ids::now()).map_err(|e| e.graph_error())?;
            let developer = w
                .apps
                .get(&t.app_id)
                .zip(t.user_id.as_ref())
                .is_some_and(|(app, user)| app.developers.contains(user));
            if !developer {
                return Err(GraphError::debug_token_caller());
            }
            t.app_id
        }
        // Client tokens, Page and system-user tokens cannot inspect tokens (§1, §13).
        Caller::Token(_) | Caller::Client(_) => return Err(GraphError::debug_token_caller()),
    };
    let input = r.require("input_token")?;
    let data = match w.resolve_caller(input) {
        Ok(Caller::App(app)) => {
            if app != viewing_app {
                return Err(GraphError::app_mismatch());
            }
            app_token_data(w, &app)
        }
        Ok(Caller::Token(t)) => {
            if t.app_id != viewing_app {
                return Err(GraphError::app_mismatch());
            }
            token_data(w, &t)
        }
        Ok(Caller::Client(_)) | Err(_) => json!({
            "error": {"code": 190, "message": "Invalid OAuth access token - Cannot parse access token"},
            "is_valid": false,
            "scopes": [],
        }),
    };
    Ok(json!({ "data": data }))
}

fn app_name(w: &World, app_id: &str) -> String {
    w.apps
        .get(app_id)
        .map(|a| a.name.clone())
        .unwrap_or_default()
}

fn app_token_data(w: &World, app_id: &str) -> Value {
    json!({"app_id": app_id, "type": "APP", "application": app_name(w, app_id), "is_valid": true, "scopes": []})
}

/// The `data` object for a token this simulator issued.
fn token_data(w: &World, t: &TokenRecord) -> Value {
    if t.kind == TokenKind::App {
        let mut d = app_token_data(w, &t.app_id);
        if t.revoked {
            d["is_valid"] = json!(false);
            d["error"] = json!({"code": 190, "message": "Error validating access token: The session is invalid because the user logged out."});
        }
        return d;
    }
    let mut d = Map::new();
    d.insert("app_id".into(), json!(t.app_id));
    d.insert("type".into(), json!(t.kind.graph_name()));
    d.insert("application".into(), json!(app_name(w, &t.app_id)));
    d.insert("expires_at".into(), json!(t.expires_at.unwrap_or(0)));
    d.insert("issued_at".into(), json!(t.issued_at));
    d.insert("scopes".into(), json!(t.scopes));
    if let Some(user) = &t.user_id {
        d.insert("user_id".into(), json!(user));
    }
    if let Some(page) = &t.page_id {
        d.insert("profile_id".into(), json!(page));
    }
    match w.validity(t, ids::now()) {
        Ok(()) => {
            d.insert("is_valid".into(), json!(true));
            d.insert(
                "data_access_expires_at".into(),
                json!(t.data_access_expires_at.unwrap_or(0)),
            );
            let granular: Vec<Value> = t
                .granular
                .iter()
                .map(|g| match &g.target_ids {
                    Some(ids) => json!({"scope": g.scope, "target_ids": ids}),
                    None => json!({"scope": g.scope}),
                })
                .collect();
            d.insert("granular_scopes".into(), json!(granular));
        }
        Err(invalid) => {
            d.insert("is_valid".into(), json!(false));
            d.insert("error".into(), invalid.debug_json());
        }
    }
    Value::Object(d)
}

/// `GET /me`: the user (user and system-user tokens) or the Page (Page tokens).
pub(crate) fn me(w: &mut World, r: &GraphRequest) -> Result<Value, GraphError> {
    let t = w.valid_token(r.token.as_deref())?;
    match (t.kind, &t.page_id, &t.user_id) {
        (TokenKind::Page, Some(page), _) => api_pages::page_node(w, r, page, &t),
        (TokenKind::User | TokenKind::SystemUser, _, Some(user)) => {
            api_pages::user_node(w, r, user)
        }
        _ => Err(GraphError::active_token_required()),
    }
}

/// `GET /app`: the app of whatever token is used.
pub(crate) fn app(w: &mut World, r: &GraphRequest) -> Result<Value, GraphError> {
    let token = r.token.as_deref().ok_or_else(GraphError::token_required)?;
    let caller = w.resolve_caller(token)?;
    if let Caller::Token(t) = &caller {
        w.validity(t, ids::now()).map_err(|e| e.graph_error())?;
    }
    let app = w
        .app(caller.app_id())
        .map_err(|_| GraphError::cannot_parse())?;
    let fields = vec![
        ("id", Some(json!(app.id))),
        ("name", Some(json!(app.name))),
        (
            "link",
            Some(json!(format!(
                "https://www.facebook.com/games/?app_id={}",
                app.id
            ))),
        ),
        ("category", Some(json!("Business"))),
    ];
    api_pages::select_fields(
        "Application",
        fields,
        r.param("fields"),
        &["link", "name", "id"],
    )
}

/// `GET /me/permissions`: the token's scopes as granted, removed ones as declined.
pub(crate) fn permissions(w: &mut World, r: &GraphRequest) -> Result<Value, GraphError> {
    let t = w.valid_token(r.token.as_deref())?;
    if t.kind == TokenKind::App {
        return Err(GraphError::active_token_required());
    }
    let granted = t
        .scopes
        .iter()
        .map(|s| json!({"permission": s, "status": "granted"}));
    let declined = t
        .declined
        .iter()
        .map(|s| json!({"permission": s, "status": "declined"}));
    Ok(json!({ "data": granted.chain(declined).collect::<Vec<_>>() }))
}

/// Checks `client_id` + `client_secret`; returns the app id.
fn app_credentials(w: &World, r: &GraphRequest) -> Result<String, GraphError> {
    let id = r.require("client_id")?;
    let app = w
        .apps
        .get(id)
        .ok_or_else(|| GraphError::invalid_app_id(id))?;
    if r.param("client_secret") != Some(app.secret.as_str()) {
        return Err(GraphError::bad_client_secret());
    }
    Ok(app.id.clone())
}

fn bearer(token: &str, expires_in: Option<i64>) -> Value {
    let mut v = json!({"access_token": token, "token_type": "bearer"});
    if let Some(e) = expires_in {
        v["expires_in"] = json!(e);
    }
    v
}

/// `GET|POST /oauth/access_token`: fb_exchange_token, client_credentials, or a login code.
pub(crate) fn oauth_access_token(w: &mut World, r: &GraphRequest) -> Result<Value, GraphError> {
    match r.param("grant_type") {
        Some("fb_exchange_token") => {
            let app_id = app_credentials(w, r)?;
            let old = r.require("fb_exchange_token")?;
            let Caller::Token(t) = w.resolve_caller(old)? else {
                return Err(GraphError::cannot_parse());
            };
            w.validity(&t, ids::now()).map_err(|e| e.graph_error())?;
            if t.app_id != app_id {
                return Err(GraphError::app_mismatch());
            }
            exchange(w, &t)
        }
        Some("client_credentials") => {
            let app_id = app_credentials(w, r)?;
            let token = format!("{app_id}|{}", ids::random_base62(27));
            let spec = spec_like(&app_id, TokenKind::App, None, None, vec![]);
            let token = w.mint_as(spec, token);
            Ok(bearer(&token, None))
        }
        None if r.param("code").is_some() => {
            let app_id = app_credentials(w, r)?;
            r.require("redirect_uri")?;
            let code = r.require("code")?;
            let Some(source) = w.codes.remove(code) else {
                return Err(
                    GraphError::new(100, "Invalid verification code format.").with_subcode(36008)
                );
            };
            let t = w.valid_token(Some(&source))?;
            if t.app_id != app_id {
                return Err(GraphError::app_mismatch());
            }
            let mut v = exchange(w, &t)?;
            if let Some(machine) = r.param("machine_id") {
                v["machine_id"] = json!(machine);
            }
            Ok(v)
        }
        Some(other) => Err(GraphError::new(
            100,
            format!("(#100) Unsupported grant_type: {other}"),
        )),
        None => Err(GraphError::missing_param("grant_type")),
    }
}

fn spec_like(
    app: &str,
    kind: TokenKind,
    user: Option<String>,
    page: Option<String>,
    scopes: Vec<String>,
) -> TokenSpec {
    TokenSpec {
        kind,
        app_id: app.into(),
        user_id: user,
        page_id: page,
        scopes,
        expires: Expiry::Never,
        long_lived: true,
        seed: None,
    }
}

/// A long-lived user token for a user token; a never-expiring Page token for a Page token.
fn exchange(w: &mut World, t: &TokenRecord) -> Result<Value, GraphError> {
    match t.kind {
        TokenKind::User => {
            let mut spec = spec_like(
                &t.app_id,
                TokenKind::User,
                t.user_id.clone(),
                None,
                t.scopes.clone(),
            );
            spec.expires = Expiry::After(LONG_LIVED_SECS);
            Ok(bearer(&w.mint(spec), Some(LONG_LIVED_SECS)))
        }
        TokenKind::Page => {
            let spec = spec_like(
                &t.app_id,
                TokenKind::Page,
                t.user_id.clone(),
                t.page_id.clone(),
                t.scopes.clone(),
            );
            Ok(bearer(&w.mint(spec), None))
        }
        TokenKind::App | TokenKind::SystemUser => Err(GraphError::new(
            100,
            "(#100) fb_exchange_token must be a user or Page access token",
        )),
    }
}

/// `GET /oauth/client_code`: a one-time code standing for a long-lived user token (§3).
pub(crate) fn client_code(w: &mut World, r: &GraphRequest) -> Result<Value, GraphError> {
    let app_id = app_credentials(w, r)?;
    r.require("redirect_uri")?;
    let t = w.valid_token(r.token.as_deref())?;
    if t.app_id != app_id {
        return Err(GraphError::app_mismatch());
    }
    if t.kind != TokenKind::User || !t.long_lived {
        return Err(GraphError::new(
            100,
            "(#100) A long-lived user access token is required",
        ));
    }
    let code = format!("AQ{}", ids::random_base62(190));
    w.codes.insert(code.clone(), t.token);
    Ok(json!({ "code": code }))
}

/// Device login takes `{app-id}|{client-token}` (an app token works too).
fn device_app(w: &World, r: &GraphRequest) -> Result<String, GraphError> {
    let token = r.token.as_deref().ok_or_else(GraphError::token_required)?;
    match w.resolve_caller(token)? {
        Caller::Client(app) | Caller::App(app) => Ok(app),
        Caller::Token(_) => Err(GraphError::new(
            190,
            "Invalid OAuth access token - a client token ({app-id}|{client-token}) is required",
        )),
    }
}

/// `POST /device/login`.
pub(crate) fn device_login(w: &mut World, r: &GraphRequest) -> Result<Value, GraphError> {
    let app = device_app(w, r)?;
    let scope = r.param("scope").unwrap_or("public_profile").to_string();
    Ok(w.device_login(&app, &scope))
}

/// `POST /device/login_status`.
pub(crate) fn device_login_status(w: &mut World, r: &GraphRequest) -> Result<Value, GraphError> {
    let app = device_app(w, r)?;
    let code = r.require("code")?.to_string();
    w.device_status(&app, &code)
}
