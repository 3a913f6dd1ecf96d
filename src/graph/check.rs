//! The check procedure of design.md: `debug_token` with the app's credentials, else with the
//! token itself, else a self-probe; then, for messaging channels, the Page's webhook subscription.
//! (How `debug_token` is sent without a token in its URL: `debug_call`.)

use chrono::{DateTime, TimeZone, Utc};
use serde_json::Value;

use super::client::{GraphClient, Method};
use super::error::GraphError;
use crate::model::{
    ChannelKind, CheckMethod, GraphErrorInfo, Secret, TokenReport, TokenType, WebhookState,
    report::GranularScope,
};

/// The app a channel belongs to, with its secret when the user saved one.
#[derive(Debug, Clone)]
pub struct AppCredentials {
    pub id: String,
    pub secret: Option<Secret>,
}

impl AppCredentials {
    pub(crate) fn app_token(&self) -> Option<Secret> {
        self.secret
            .as_ref()
            .map(|s| Secret::new(format!("{}|{}", self.id, s.expose())))
    }
}

pub struct CheckRequest<'a> {
    pub token: &'a Secret,
    pub kind: ChannelKind,
    pub app: Option<&'a AppCredentials>,
    /// The channel's Page (or WABA) when known; else the token's own Page is used.
    pub page_id: Option<&'a str>,
}

/// Checks a token. `Ok` carries the facts (valid or not); `Err` means the check itself failed.
pub async fn check_token(
    client: &GraphClient,
    req: &CheckRequest<'_>,
) -> Result<TokenReport, GraphError> {
    // A Page id that is not an id stops the check before any token is sent anywhere.
    if let Some(page) = req.page_id {
        super::ids::node_id(page)?;
    }
    let mut report = debugger_facts(client, req).await?;
    report.checked_at = Some(Utc::now());
    if report.is_valid == Some(true) && req.kind == ChannelKind::Instagram {
        report.instagram_account_id = instagram_account(client, req, &report).await?;
    }
    if report.is_valid == Some(true) && req.kind.needs_webhook() {
        report.webhook = webhook_state(client, req, &report).await?;
    }
    Ok(report)
}

/// The Instagram account linked to the Page: `instagram_*` grants name it, not the Page.
async fn instagram_account(
    client: &GraphClient,
    req: &CheckRequest<'_>,
    report: &TokenReport,
) -> Result<Option<String>, GraphError> {
    let Some(page) = page_of(req, report) else {
        return Ok(None);
    };
    let secret = req.app.and_then(|a| a.secret.as_ref());
    let answer = client
        .call(
            Method::Get,
            super::ids::node_id(page)?,
            &[("fields", INSTAGRAM_FIELD)],
            req.token,
            secret,
        )
        .await;
    instagram_from(answer)
}

pub(crate) const INSTAGRAM_FIELD: &str = "instagram_business_account";

/// The channel's Page (or WABA): the one saved with it, else the token's own.
pub(crate) fn page_of<'a>(req: &CheckRequest<'a>, report: &'a TokenReport) -> Option<&'a str> {
    req.page_id.or(report.profile_id.as_deref())
}

/// The linked Instagram account from the Page's `instagram_business_account` answer; an error
/// other than a fault or a limit means "could not look".
pub(crate) fn instagram_from(
    answer: Result<Value, GraphError>,
) -> Result<Option<String>, GraphError> {
    match answer {
        Ok(v) => Ok(string_of(v.pointer("/instagram_business_account/id"))),
        Err(e) if e.is_transient() || e.is_rate_limit() => Err(e),
        Err(_) => Ok(None),
    }
}

async fn debugger_facts(
    client: &GraphClient,
    req: &CheckRequest<'_>,
) -> Result<TokenReport, GraphError> {
    // Calls made with the token are signed with the app secret, unless the token turns out to
    // be another app's: then our secret would only make Meta reject the proof.
    let mut sign = true;
    if let Some(app_token) = req.app.and_then(AppCredentials::app_token) {
        match debug_token(client, req.token, &app_token).await {
            Ok(r) => return Ok(r),
            // The app token was refused (e.g. a Native/Desktop app, or the token is another app's):
            // the token itself may still tell us.
            Err(GraphError::Api { error, .. }) if is_caller_error(&error) => {
                sign = !is_app_mismatch(&error);
            }
            Err(e) => return Err(e),
        }
    }
    match debug_token(client, req.token, req.token).await {
        Ok(r) => Ok(r),
        Err(GraphError::Api { error, .. }) if is_caller_error(&error) => {
            self_probe(client, req, sign).await
        }
        // Used as the caller, a dead token is refused with its own 190 error: that is the answer.
        Err(e @ GraphError::Api { .. }) if e.token_reason().is_some() => {
            Ok(invalid_from(&e, CheckMethod::DebugToken))
        }
        Err(e) => Err(e),
    }
}

/// `(#100)` "must provide an app access token…" or "App_id … did not match": not about the token.
fn is_caller_error(e: &GraphErrorInfo) -> bool {
    e.code == 100
}

/// "(#100) The App_id in the input_token did not match the Viewing App".
fn is_app_mismatch(e: &GraphErrorInfo) -> bool {
    e.message.to_ascii_lowercase().contains("did not match")
}

fn invalid_from(e: &GraphError, method: CheckMethod) -> TokenReport {
    TokenReport {
        check_method: Some(method),
        is_valid: Some(false),
        scopes: None,
        error: e.graph_error().cloned(),
        ..Default::default()
    }
}

pub async fn debug_token(
    client: &GraphClient,
    input: &Secret,
    caller: &Secret,
) -> Result<TokenReport, GraphError> {
    let data = super::debug_call::debug_token_data(client, input, caller).await?;
    Ok(parse_debug_data(&data))
}

fn unix(v: Option<&Value>) -> Option<DateTime<Utc>> {
    let n = v?.as_i64().or_else(|| v?.as_str()?.parse().ok())?;
    Utc.timestamp_opt(n, 0).single()
}

/// A JSON array of strings (`scopes`, `tasks`, `subscribed_fields`…); non-strings are skipped.
pub(crate) fn string_list(v: Option<&Value>) -> Option<Vec<String>> {
    v?.as_array().map(|a| {
        a.iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect()
    })
}

pub(crate) fn string_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// `debug_token`'s `data` (reference §1): ids as strings or numbers, `expires_at: 0` = never.
pub fn parse_debug_data(d: &Value) -> TokenReport {
    let expires_raw = d
        .get("expires_at")
        .and_then(|v| v.as_i64().or_else(|| v.as_str()?.parse().ok()));
    let error = d
        .get("error")
        .filter(|e| e.is_object())
        .map(|e| GraphErrorInfo {
            code: e.get("code").and_then(Value::as_i64).unwrap_or(190),
            subcode: e
                .get("subcode")
                .or_else(|| e.get("error_subcode"))
                .and_then(Value::as_i64),
            message: e
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            user_title: None,
            user_message: None,
            fbtrace_id: None,
        });
    let granular = d.get("granular_scopes").and_then(Value::as_array).map(|a| {
        a.iter()
            .filter_map(|g| {
                Some(GranularScope {
                    scope: g.get("scope")?.as_str()?.to_string(),
                    target_ids: g
                        .get("target_ids")
                        .and_then(Value::as_array)
                        .map(|ids| ids.iter().filter_map(|i| string_of(Some(i))).collect()),
                })
            })
            .collect()
    });
    TokenReport {
        checked_at: None,
        check_method: Some(CheckMethod::DebugToken),
        is_valid: d.get("is_valid").and_then(Value::as_bool),
        token_type: d
            .get("type")
            .and_then(Value::as_str)
            .map(TokenType::from_graph),
        app_id: string_of(d.get("app_id")),
        application: d
            .get("application")
            .and_then(Value::as_str)
            .map(str::to_string),
        user_id: string_of(d.get("user_id")),
        user_name: None,
        profile_id: string_of(d.get("profile_id")),
        profile_name: None,
        issued_at: unix(d.get("issued_at")),
        expires_at: expires_raw
            .filter(|n| *n > 0)
            .and_then(|n| Utc.timestamp_opt(n, 0).single()),
        never_expires: expires_raw.map(|n| n == 0),
        data_access_expires_at: unix(d.get("data_access_expires_at")).filter(|t| t.timestamp() > 0),
        scopes: string_list(d.get("scopes")),
        granular_scopes: granular,
        error,
        webhook: None,
        instagram_account_id: None,
    }
}

/// When `debug_token` is not allowed: learn what the token itself can show. Expiry stays unknown.
async fn self_probe(
    client: &GraphClient,
    req: &CheckRequest<'_>,
    sign: bool,
) -> Result<TokenReport, GraphError> {
    let secret = req.app.and_then(|a| a.secret.as_ref()).filter(|_| sign);
    let me = match client
        .call(
            Method::Get,
            "me",
            &[("fields", "id,name"), ("metadata", "1")],
            req.token,
            secret,
        )
        .await
    {
        Ok(v) => v,
        Err(e) if e.token_reason().is_some() => {
            return Ok(invalid_from(&e, CheckMethod::SelfProbe));
        }
        Err(e) => return Err(e),
    };
    let mut report = TokenReport {
        check_method: Some(CheckMethod::SelfProbe),
        is_valid: Some(true),
        ..Default::default()
    };
    let id = string_of(me.get("id"));
    // An answer that names no one confirms nothing: the token's validity stays unknown.
    if id.is_none() {
        report.is_valid = None;
    }
    let name = me.get("name").and_then(Value::as_str).map(str::to_string);
    let kind = me
        .pointer("/metadata/type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if kind == "page" {
        report.token_type = Some(TokenType::Page);
        report.profile_id = id;
        report.profile_name = name;
    } else {
        report.token_type = (kind == "user").then_some(TokenType::User);
        report.user_id = id;
        report.user_name = name;
    }
    if let Ok(app) = client
        .call(
            Method::Get,
            "app",
            &[("fields", "id,name")],
            req.token,
            secret,
        )
        .await
    {
        report.app_id = string_of(app.get("id"));
        report.application = app.get("name").and_then(Value::as_str).map(str::to_string);
    }
    match client
        .call(Method::Get, "me/permissions", &[], req.token, secret)
        .await
    {
        Ok(p) => {
            report.scopes = p.get("data").and_then(Value::as_array).map(|a| {
                a.iter()
                    .filter(|x| x.get("status").and_then(Value::as_str) == Some("granted"))
                    .filter_map(|x| x.get("permission")?.as_str().map(str::to_string))
                    .collect()
            });
        }
        Err(e) if !e.is_transient() && !e.is_rate_limit() => {} // not allowed to look: unknown
        Err(e) => return Err(e),
    }
    Ok(report)
}

/// The Page's (or WABA's) `subscribed_apps` entry for the channel's app. `None` = could not look.
async fn webhook_state(
    client: &GraphClient,
    req: &CheckRequest<'_>,
    report: &TokenReport,
) -> Result<Option<WebhookState>, GraphError> {
    let Some(target) = page_of(req, report) else {
        return Ok(None);
    };
    let Some(app_id) = req.app.map(|a| a.id.as_str()).or(report.app_id.as_deref()) else {
        return Ok(None);
    };
    let secret = req.app.and_then(|a| a.secret.as_ref());
    let answer = client
        .call(
            Method::Get,
            &super::ids::node_path(target, "subscribed_apps")?,
            &[],
            req.token,
            secret,
        )
        .await;
    webhook_from(answer, app_id)
}

/// The app's entry in a `subscribed_apps` answer (`{"data":[…]}`). An error other than a fault
/// or a limit means "could not look" (`None`).
pub(crate) fn webhook_from(
    answer: Result<Value, GraphError>,
    app_id: &str,
) -> Result<Option<WebhookState>, GraphError> {
    let v = match answer {
        Ok(v) => v,
        Err(e) if e.is_transient() || e.is_rate_limit() => return Err(e),
        // Not allowed to look (a missing task or permission): unknown, and said elsewhere.
        Err(_) => return Ok(None),
    };
    let entries = v
        .get("data")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let entry = entries.iter().find(|e| {
        string_of(e.get("id")).as_deref() == Some(app_id)
            || string_of(e.pointer("/whatsapp_business_api_data/id")).as_deref() == Some(app_id)
    });
    Ok(Some(match entry {
        Some(e) => WebhookState {
            app_subscribed: true,
            fields: string_list(e.get("subscribed_fields")).unwrap_or_default(),
        },
        None => WebhookState {
            app_subscribed: false,
            fields: vec![],
        },
    }))
}

/// Subscribes the Page to the app's webhook with the given fields.
pub async fn subscribe_webhook(
    client: &GraphClient,
    page_id: &str,
    fields: &[&str],
    page_token: &Secret,
    app_secret: Option<&Secret>,
) -> Result<(), GraphError> {
    let joined = fields.join(",");
    client
        .call(
            Method::Post,
            &super::ids::node_path(page_id, "subscribed_apps")?,
            &[("subscribed_fields", joined.as_str())],
            page_token,
            app_secret,
        )
        .await
        .map(|_| ())
}

/// The name of the Page (or user) a token speaks for.
pub async fn name_of_me(
    client: &GraphClient,
    token: &Secret,
    app_secret: Option<&Secret>,
) -> Result<Option<String>, GraphError> {
    let v = client
        .call(
            Method::Get,
            "me",
            &[("fields", "id,name")],
            token,
            app_secret,
        )
        .await?;
    Ok(v.get("name").and_then(Value::as_str).map(str::to_string))
}

/// Confirms an app secret by asking for an app token with it (a form POST: the secret stays out
/// of the URL).
pub async fn verify_app_secret(
    client: &GraphClient,
    app_id: &str,
    secret: &Secret,
) -> Result<(), GraphError> {
    client
        .call_raw(
            Method::Post,
            "oauth/access_token",
            &[
                ("client_id", app_id),
                ("client_secret", secret.expose()),
                ("grant_type", "client_credentials"),
            ],
        )
        .await
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_debuggers_shapes() {
        let v: Value = serde_json::from_str(r#"{"app_id":"2574","type":"PAGE","application":"demo","data_access_expires_at":1676858291,
            "expires_at":0,"is_valid":true,"profile_id":1034,"scopes":["pages_show_list"],
            "granular_scopes":[{"scope":"pages_show_list","target_ids":["1034"]},{"scope":"x"}],"user_id":"123"}"#).unwrap();
        let r = parse_debug_data(&v);
        assert_eq!(r.token_type, Some(TokenType::Page));
        assert_eq!(r.never_expires, Some(true));
        assert_eq!(r.expires_at, None);
        assert_eq!(r.profile_id.as_deref(), Some("1034"));
        assert_eq!(r.granular_scopes.as_ref().unwrap()[1].target_ids, None);

        let v: Value = serde_json::from_str(r#"{"app_id":"1","type":"USER","error":{"code":190,"message":"Session has expired","subcode":463},
            "expires_at":1668613551,"is_valid":false,"issued_at":1663429551,"scopes":["email"],"user_id":"123"}"#).unwrap();
        let r = parse_debug_data(&v);
        assert_eq!(r.is_valid, Some(false));
        assert_eq!(r.error.as_ref().unwrap().subcode, Some(463));
        assert_eq!(r.never_expires, Some(false));
        assert!(r.expires_at.is_some());

        let app: Value = serde_json::from_str(
            r#"{"app_id":"2574","type":"APP","application":"demo","is_valid":true,"scopes":[]}"#,
        )
        .unwrap();
        assert_eq!(parse_debug_data(&app).never_expires, None);
    }
}
