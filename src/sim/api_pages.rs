//! Node endpoints: `/{id}` (users, Pages, IG accounts, WABAs, apps) with Meta's `fields=`
//! handling, and `/me/accounts` (Page tokens of the user's Pages).

use serde_json::{Map, Value, json};

use super::auth::Caller;
use super::errors::GraphError;
use super::ids;
use super::request::GraphRequest;
use super::world::{Expiry, TokenKind, TokenRecord, TokenSpec, World};

/// Splits `a,b{c,d},e` into `a`, `b`, `e` (sub-field lists are accepted and ignored).
fn field_names(list: &str) -> Vec<String> {
    let (mut out, mut cur, mut depth) = (Vec::new(), String::new(), 0u32);
    for c in list.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => out.push(std::mem::take(&mut cur)),
            c if depth == 0 => cur.push(c),
            _ => {}
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Meta's `fields=` handling: the default set when absent, an error for fields the node type
/// does not have, silence for fields it has but the caller may not see (value None).
pub(crate) fn select_fields(
    node: &str,
    all: Vec<(&str, Option<Value>)>,
    requested: Option<&str>,
    default: &[&str],
) -> Result<Value, GraphError> {
    let wanted: Vec<String> = match requested {
        Some(list) => field_names(list),
        None => default.iter().map(|s| s.to_string()).collect(),
    };
    let mut out = Map::new();
    for name in wanted.iter().map(String::as_str).chain(["id"]) {
        let Some((_, value)) = all.iter().find(|(n, _)| *n == name) else {
            return Err(GraphError::no_such_field(name, node));
        };
        if let Some(v) = value {
            out.insert(name.to_string(), v.clone());
        }
    }
    Ok(Value::Object(out))
}

/// Whether `field` is asked for (explicitly, or by default when there is no `fields=`).
fn wants(r: &GraphRequest, field: &str, by_default: bool) -> bool {
    r.param("fields").map_or(by_default, |list| {
        field_names(list).iter().any(|f| f == field)
    })
}

fn with_metadata(r: &GraphRequest, mut v: Value, kind: &str) -> Value {
    if r.param("metadata") == Some("1") {
        v["metadata"] = json!({ "type": kind });
    }
    v
}

pub(crate) fn user_node(w: &World, r: &GraphRequest, user_id: &str) -> Result<Value, GraphError> {
    let user = w
        .user(user_id)
        .map_err(|_| GraphError::unsupported("get", user_id))?;
    let first = user.name.split(' ').next().unwrap_or_default().to_string();
    let fields = vec![
        ("id", Some(json!(user.id))),
        ("name", Some(json!(user.name))),
        ("first_name", Some(json!(first))),
    ];
    let v = select_fields("User", fields, r.param("fields"), &["name", "id"])?;
    Ok(with_metadata(r, v, "user"))
}

/// The Page token `caller` may have for `page_id`, minting one for user tokens (`/me/accounts`
/// and `?fields=access_token`). None when the caller has no role on the Page.
fn page_token_for(w: &mut World, caller: &TokenRecord, page_id: &str) -> Option<String> {
    if caller.kind == TokenKind::Page {
        return (caller.page_id.as_deref() == Some(page_id)).then(|| caller.token.clone());
    }
    let user = caller.user_id.as_deref()?;
    if caller.kind != TokenKind::User || !w.pages.get(page_id)?.roles.contains_key(user) {
        return None;
    }
    let key = (caller.token.clone(), page_id.to_string());
    if let Some(existing) = w.derived.get(&key)
        && w.tokens
            .get(existing)
            .is_some_and(|t| w.validity(t, ids::now()).is_ok())
    {
        return Some(existing.clone());
    }
    // Long-lived user token → Page token without expiry; short-lived → dies with the user token.
    let token = w.mint(TokenSpec {
        kind: TokenKind::Page,
        app_id: caller.app_id.clone(),
        user_id: Some(user.to_string()),
        page_id: Some(page_id.to_string()),
        scopes: caller.scopes.clone(),
        expires: match caller.expires_at {
            Some(t) if !caller.long_lived => Expiry::At(t),
            _ => Expiry::Never,
        },
        long_lived: caller.long_lived,
        seed: None,
    });
    if let Some(rec) = w.tokens.get_mut(&token) {
        rec.data_access_expires_at = caller.data_access_expires_at;
    }
    w.derived.insert(key, token.clone());
    Some(token)
}

fn category_list(category: &str) -> Value {
    // A stable fake category id derived from the name.
    let id = category
        .bytes()
        .fold(2200u32, |acc, b| (acc * 31 + u32::from(b)) % 9000 + 1000);
    json!([{ "id": id.to_string(), "name": category }])
}

/// The fields of a Page node as `caller` sees them.
fn page_fields(
    w: &mut World,
    caller: &TokenRecord,
    page_id: &str,
    want_token: bool,
) -> Vec<(&'static str, Option<Value>)> {
    // Only mint a Page token when the caller asked for one.
    let token = want_token
        .then(|| page_token_for(w, caller, page_id))
        .flatten();
    let Some(page) = w.pages.get(page_id) else {
        return vec![];
    };
    let ig = page.ig_id.as_ref().map(|id| json!({ "id": id }));
    let tasks = caller
        .user_id
        .as_ref()
        .and_then(|u| page.roles.get(u))
        .map(|t| json!(t));
    vec![
        ("id", Some(json!(page.id))),
        ("name", Some(json!(page.name))),
        ("category", Some(json!(page.category))),
        ("category_list", Some(category_list(&page.category))),
        (
            "link",
            Some(json!(format!("https://www.facebook.com/{}", page.id))),
        ),
        ("access_token", token.map(|t| json!(t))),
        ("tasks", tasks),
        ("instagram_business_account", ig.clone()),
        ("connected_instagram_account", ig),
    ]
}

pub(crate) fn page_node(
    w: &mut World,
    r: &GraphRequest,
    page_id: &str,
    caller: &TokenRecord,
) -> Result<Value, GraphError> {
    let want = wants(r, "access_token", false);
    let mut fields = page_fields(w, caller, page_id, want);
    // An edge asked as a field (field expansion) answers as the edge would, its errors included.
    let edge = if wants(r, "subscribed_apps", false) {
        Some(super::api_webhooks::subscribed_apps(w, r, page_id)?)
    } else {
        None
    };
    fields.push(("subscribed_apps", edge));
    let v = select_fields("Page", fields, r.param("fields"), &["name", "id"])?;
    Ok(with_metadata(r, v, "page"))
}

/// `GET /{id}` for any node id.
pub(crate) fn node(w: &mut World, r: &GraphRequest, id: &str) -> Result<Value, GraphError> {
    let token = r.token.as_deref().ok_or_else(GraphError::token_required)?;
    let caller = match w.resolve_caller(token)? {
        Caller::Token(t) => {
            w.validity(&t, ids::now()).map_err(|e| e.graph_error())?;
            *t
        }
        // App tokens read public nodes; give them a stand-in record with no user or Page.
        Caller::App(app) | Caller::Client(app) => TokenRecord {
            token: String::new(),
            app_id: app,
            kind: TokenKind::App,
            user_id: None,
            page_id: None,
            issued_at: 0,
            expires_at: None,
            data_access_expires_at: None,
            scopes: vec![],
            declined: vec![],
            granular: vec![],
            long_lived: true,
            revoked: false,
            seq: 0,
        },
    };
    if w.pages.contains_key(id) {
        return page_node(w, r, id, &caller);
    }
    if w.users.contains_key(id) {
        return user_node(w, r, id);
    }
    if let Some(ig) = w.igs.get(id) {
        let fields = vec![
            ("id", Some(json!(ig.id))),
            ("username", Some(json!(ig.username))),
        ];
        return select_fields("IGUser", fields, r.param("fields"), &["id"]);
    }
    if let Some(waba) = w.wabas.get(id) {
        let fields = vec![
            ("id", Some(json!(waba.id))),
            ("name", Some(json!(waba.name))),
            ("currency", Some(json!("USD"))),
        ];
        return select_fields(
            "WhatsAppBusinessAccount",
            fields,
            r.param("fields"),
            &["id", "name"],
        );
    }
    if let Some(app) = w.apps.get(id) {
        let fields = vec![("id", Some(json!(app.id))), ("name", Some(json!(app.name)))];
        return select_fields("Application", fields, r.param("fields"), &["name", "id"]);
    }
    Err(GraphError::unsupported("get", id))
}

/// `GET /me/accounts` and `GET /{user-id}/accounts` with cursor paging (`limit`, `after`).
pub(crate) fn accounts(w: &mut World, r: &GraphRequest, id: &str) -> Result<Value, GraphError> {
    let t = w.valid_token(r.token.as_deref())?;
    if t.kind == TokenKind::Page {
        return Err(GraphError::no_such_field("accounts", "Page"));
    }
    let user = t
        .user_id
        .clone()
        .ok_or_else(GraphError::active_token_required)?;
    if id != "me" && id != user {
        return Err(GraphError::unsupported("get", id));
    }
    // Without pages_show_list the list is simply empty.
    let page_ids: Vec<String> = if t.scopes.iter().any(|s| s == "pages_show_list") {
        w.pages_of(&user).iter().map(|p| p.id.clone()).collect()
    } else {
        vec![]
    };
    let limit = r
        .param("limit")
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(25)
        .clamp(1, 100);
    let after = r
        .param("after")
        .and_then(|c| hex::decode(c).ok())
        .and_then(|b| String::from_utf8(b).ok());
    let start = after
        .and_then(|a| page_ids.iter().position(|p| *p == a).map(|i| i + 1))
        .unwrap_or(0);
    let chunk: Vec<String> = page_ids.iter().skip(start).take(limit).cloned().collect();
    let default = [
        "access_token",
        "category",
        "category_list",
        "name",
        "id",
        "tasks",
    ];
    let mut data = Vec::new();
    for page in &chunk {
        let fields = page_fields(w, &t, page, wants(r, "access_token", true));
        data.push(select_fields("Page", fields, r.param("fields"), &default)?);
    }
    let mut out = json!({ "data": data });
    if let (Some(first), Some(last)) = (chunk.first(), chunk.last()) {
        out["paging"] =
            json!({"cursors": {"before": hex::encode(first), "after": hex::encode(last)}});
        if start + chunk.len() < page_ids.len() {
            let next = format!(
                "{}/{}/accounts?limit={limit}&after={}",
                r.base_url,
                id,
                hex::encode(last)
            );
            out["paging"]["next"] = json!(next);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_lists_with_subfields() {
        assert_eq!(
            field_names("id, name,instagram_business_account{id,username},tasks"),
            vec!["id", "name", "instagram_business_account", "tasks"]
        );
        let all = vec![
            ("id", Some(json!("1"))),
            ("name", Some(json!("n"))),
            ("secret", None),
        ];
        let v = select_fields("Page", all.clone(), Some("name,secret"), &["id"]).unwrap();
        assert_eq!(v, json!({"id": "1", "name": "n"}));
        assert_eq!(
            select_fields("Page", all, Some("nope"), &["id"])
                .unwrap_err()
                .code,
            100
        );
    }
}
