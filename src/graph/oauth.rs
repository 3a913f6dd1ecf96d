//! User-token calls that lead to a Page token (reference §3): who the user is, which Pages they
//! manage (with each Page's token), and the exchange of a short-lived login for a long-lived one.

use serde_json::Value;

use super::check::string_list;
use super::client::{GraphClient, Method};
use super::error::GraphError;
use crate::model::Secret;

#[derive(Debug, Clone)]
pub struct Person {
    pub id: String,
    pub name: String,
}

/// One entry of `/me/accounts`: a Page the user has a role on, with its Page token.
#[derive(Debug, Clone)]
pub struct ManagedPage {
    pub id: String,
    pub name: String,
    pub token: Secret,
    pub tasks: Vec<String>,
}

pub async fn me(
    client: &GraphClient,
    token: &Secret,
    app_secret: Option<&Secret>,
) -> Result<Person, GraphError> {
    let v = client
        .call(
            Method::Get,
            "me",
            &[("fields", "id,name")],
            token,
            app_secret,
        )
        .await?;
    Ok(Person {
        id: v
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        name: v
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("someone")
            .to_string(),
    })
}

/// Every Page the user manages, following the paging cursors.
pub async fn managed_pages(
    client: &GraphClient,
    user_token: &Secret,
    app_secret: Option<&Secret>,
) -> Result<Vec<ManagedPage>, GraphError> {
    let mut pages = Vec::new();
    let mut after: Option<String> = None;
    // A user manages at most a few hundred Pages; the bound only guards against a looping cursor.
    for _ in 0..50 {
        let mut params = vec![("fields", "id,name,access_token,tasks"), ("limit", "100")];
        if let Some(a) = after.as_deref() {
            params.push(("after", a));
        }
        let v = client
            .call(Method::Get, "me/accounts", &params, user_token, app_secret)
            .await?;
        for p in v
            .get("data")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let (Some(id), Some(token)) = (
                p.get("id").and_then(Value::as_str),
                p.get("access_token").and_then(Value::as_str),
            ) else {
                continue;
            };
            pages.push(ManagedPage {
                id: id.to_string(),
                name: p
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or(id)
                    .to_string(),
                token: Secret::new(token),
                tasks: string_list(p.get("tasks")).unwrap_or_default(),
            });
        }
        let next = v.pointer("/paging/next").is_some();
        after = v
            .pointer("/paging/cursors/after")
            .and_then(Value::as_str)
            .map(str::to_string);
        if !next || after.is_none() {
            break;
        }
    }
    Ok(pages)
}

/// Exchanges a short-lived user token for a long-lived one (about 60 days). Needs the app
/// secret; the result is a new token string. A form POST, so neither the secret nor the token
/// is in the URL.
pub async fn exchange_long_lived(
    client: &GraphClient,
    app_id: &str,
    app_secret: &Secret,
    user_token: &Secret,
) -> Result<(Secret, Option<i64>), GraphError> {
    let v = client
        .call_raw(
            Method::Post,
            "oauth/access_token",
            &[
                ("grant_type", "fb_exchange_token"),
                ("client_id", app_id),
                ("client_secret", app_secret.expose()),
                ("fb_exchange_token", user_token.expose()),
            ],
        )
        .await?;
    let token = v
        .get("access_token")
        .and_then(Value::as_str)
        .ok_or_else(|| GraphError::BadBody("token exchange answer without access_token".into()))?;
    let expires_in = v
        .get("expires_in")
        .and_then(|e| e.as_i64().or_else(|| e.as_str()?.parse().ok()));
    Ok((Secret::new(token), expires_in))
}
