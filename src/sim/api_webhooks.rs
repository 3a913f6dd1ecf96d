//! Webhook and WhatsApp endpoints: `/{page-id}/subscribed_apps` (GET/POST/DELETE),
//! `/{waba-id}/subscribed_apps` and `/{waba-id}/phone_numbers`.

use serde_json::{Value, json};

use super::errors::GraphError;
use super::request::GraphRequest;
use super::world::{TokenKind, TokenRecord, World};

/// Webhook fields a Page subscription accepts (a wrong name is refused like Meta does).
const PAGE_FIELDS: &[&str] = &[
    "feed",
    "mention",
    "name",
    "picture",
    "category",
    "description",
    "conversations",
    "email",
    "website",
    "phone",
    "messages",
    "messaging_postbacks",
    "messaging_optins",
    "message_deliveries",
    "message_reads",
    "messaging_referrals",
    "message_echoes",
    "message_reactions",
    "messaging_handovers",
    "messaging_policy_enforcement",
    "messaging_account_linking",
    "messaging_checkout_updates",
    "messaging_payments",
    "messaging_pre_checkouts",
    "messaging_game_plays",
    "standby",
    "message_edits",
    "inbox_labels",
    "messaging_feedback",
    "messaging_customer_information",
    "messaging_optouts",
    "response_feedback",
    "send_cart",
    "group_feed",
    "calls",
    "ratings",
    "leadgen",
    "live_videos",
    "messaging_seen",
    "merchant_review",
    "page_about_story",
    "page_change_proposal",
    "page_upcoming_change",
    "product_review",
    "videos",
    "invoice_access_bank_slip_events",
];

/// `subscribed_fields=a,b` or `subscribed_fields=["a","b"]`.
fn parse_fields(raw: &str) -> Vec<String> {
    if let Ok(list) = serde_json::from_str::<Vec<String>>(raw) {
        return list;
    }
    raw.split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// `GET|POST|DELETE /{page-id}/subscribed_apps` (Page token of that Page) and the WABA variant.
pub(crate) fn subscribed_apps(
    w: &mut World,
    r: &GraphRequest,
    id: &str,
) -> Result<Value, GraphError> {
    let t = w.valid_token(r.token.as_deref())?;
    if w.wabas.contains_key(id) {
        return waba_subscribed_apps(w, r, id, &t);
    }
    let page_id = if id == "me" {
        t.page_id.clone().unwrap_or_default()
    } else {
        id.to_string()
    };
    if !w.pages.contains_key(&page_id) {
        return Err(GraphError::unsupported(r.method.as_str(), id));
    }
    if t.kind != TokenKind::Page || t.page_id.as_deref() != Some(page_id.as_str()) {
        return Err(GraphError::page_token_required());
    }
    if !t.scopes.iter().any(|s| s == "pages_manage_metadata") {
        return Err(GraphError::requires_permission("pages_manage_metadata"));
    }
    let app = w
        .app(&t.app_id)
        .map_err(|_| GraphError::cannot_parse())?
        .clone();
    let current = w
        .pages
        .get(&page_id)
        .and_then(|p| p.subscriptions.get(&app.id))
        .cloned();
    match r.method.as_str() {
        "GET" => {
            let data: Vec<Value> = current
                .map(|fields| {
                    json!({
                        "category": "Business",
                        "link": format!("https://www.acme.example/apps/{}", app.id),
                        "name": app.name,
                        "id": app.id,
                        "subscribed_fields": fields,
                    })
                })
                .into_iter()
                .collect();
            Ok(json!({ "data": data }))
        }
        "POST" => {
            let fields = parse_fields(r.require("subscribed_fields")?);
            if let Some((i, bad)) = fields
                .iter()
                .enumerate()
                .find(|(_, f)| !PAGE_FIELDS.contains(&f.as_str()))
            {
                return Err(GraphError::new(
                    100,
                    format!(
                        "(#100) Param subscribed_fields[{i}] must be one of {{{}}} - got \"{bad}\"",
                        PAGE_FIELDS.join(", ")
                    ),
                ));
            }
            if fields.is_empty() {
                return Err(GraphError::missing_param("subscribed_fields"));
            }
            w.set_subscribed_fields(&page_id, &app.id, fields)
                .map_err(|e| GraphError::new(1, e))?;
            Ok(json!({ "success": true }))
        }
        "DELETE" => {
            w.set_subscribed_fields(&page_id, &app.id, vec![])
                .map_err(|e| GraphError::new(1, e))?;
            Ok(json!({ "success": true }))
        }
        other => Err(GraphError::unsupported(other, id)),
    }
}

fn require_whatsapp(t: &TokenRecord) -> Result<(), GraphError> {
    if t.scopes.iter().any(|s| s == "whatsapp_business_management") {
        Ok(())
    } else {
        Err(GraphError::requires_permission(
            "whatsapp_business_management",
        ))
    }
}

fn waba_subscribed_apps(
    w: &mut World,
    r: &GraphRequest,
    id: &str,
    t: &TokenRecord,
) -> Result<Value, GraphError> {
    require_whatsapp(t)?;
    let apps = w.apps.clone();
    let Some(waba) = w.wabas.get_mut(id) else {
        return Err(GraphError::unsupported("get", id));
    };
    match r.method.as_str() {
        "GET" => {
            let data: Vec<Value> = waba
                .subscribed_apps
                .iter()
                .filter_map(|a| apps.get(a))
                .map(|a| json!({"whatsapp_business_api_data": {
                    "id": a.id, "link": format!("https://www.acme.example/apps/{}", a.id), "name": a.name,
                }}))
                .collect();
            Ok(json!({ "data": data }))
        }
        "POST" => {
            if !waba.subscribed_apps.contains(&t.app_id) {
                waba.subscribed_apps.push(t.app_id.clone());
            }
            Ok(json!({ "success": true }))
        }
        "DELETE" => {
            waba.subscribed_apps.retain(|a| *a != t.app_id);
            Ok(json!({ "success": true }))
        }
        other => Err(GraphError::unsupported(other, id)),
    }
}

/// `GET /{waba-id}/phone_numbers`.
pub(crate) fn phone_numbers(
    w: &mut World,
    r: &GraphRequest,
    id: &str,
) -> Result<Value, GraphError> {
    let t = w.valid_token(r.token.as_deref())?;
    let Some(waba) = w.wabas.get(id) else {
        return Err(GraphError::unsupported("get", id));
    };
    require_whatsapp(&t)?;
    Ok(json!({ "data": [{
        "verified_name": waba.name,
        "code_verification_status": "VERIFIED",
        "display_phone_number": waba.display_phone_number,
        "quality_rating": "GREEN",
        "platform_type": "CLOUD_API",
        "throughput": {"level": "STANDARD"},
        "id": waba.phone_number_id,
    }]}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscribed_fields_as_list_or_json() {
        assert_eq!(
            parse_fields(r#"["messages","feed"]"#),
            vec!["messages", "feed"]
        );
        assert_eq!(parse_fields("messages, feed"), vec!["messages", "feed"]);
    }
}
