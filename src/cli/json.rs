//! The `--json` contract of design.md: one object for `list`/`check`, one channel object for
//! `debug`, `add`, `renew`, `rollback`. Field names are stable; change them only with the design.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::model::{Diagnosis, TokenReport};
use crate::service::ChannelView;

#[derive(Serialize)]
pub struct ListJson {
    pub checked_at: Option<DateTime<Utc>>,
    pub channels: Vec<ChannelJson>,
}

#[derive(Serialize)]
pub struct ReasonJson {
    pub code: &'static str,
    pub message: String,
    pub remedy: &'static str,
}

#[derive(Serialize)]
pub struct TokenJson {
    pub fingerprint: Option<String>,
    #[serde(rename = "type")]
    pub token_type: Option<String>,
    pub app_id: Option<String>,
    pub user_id: Option<String>,
    pub profile_id: Option<String>,
    pub is_valid: Option<bool>,
    pub issued_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub never_expires: Option<bool>,
    pub data_access_expires_at: Option<DateTime<Utc>>,
    pub scopes: Option<Vec<String>>,
    pub check_method: Option<&'static str>,
}

#[derive(Serialize)]
pub struct ChannelJson {
    pub id: Option<String>,
    pub name: Option<String>,
    pub kind: Option<&'static str>,
    pub health: &'static str,
    pub reasons: Vec<ReasonJson>,
    pub checked_at: Option<DateTime<Utc>>,
    pub token: TokenJson,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<&'static str>,
    /// With `"replaced": false`: why not (the channel above is as it stands, unchanged).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refusal: Option<RefusalJson>,
}

/// `app add|remove|rename --json`: the app as saved (or as it was, when removed).
#[derive(Serialize)]
pub struct AppJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// Whether its secret is in the secret store (after `remove`: whether it was deleted).
    pub has_secret: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<&'a str>,
}

impl<'a> AppJson<'a> {
    pub fn of(app: &'a crate::model::MetaApp) -> Self {
        AppJson {
            id: &app.id,
            name: &app.name,
            has_secret: app.has_secret,
            removed: None,
            renamed_from: None,
        }
    }
}

/// Why a change was not made.
#[derive(Serialize)]
pub struct RefusalJson {
    /// The exit code it gives: 1 refused by validation, 2 a usage error, 3 a failure (the check
    /// could not be made, or someone else changed the channel meanwhile).
    pub exit_code: i32,
    pub message: String,
    /// Meta's facts that refused it, when validation did (else empty).
    pub reasons: Vec<ReasonJson>,
}

pub fn refusal_json(e: &crate::service::ServiceError) -> RefusalJson {
    let reasons = match e {
        crate::service::ServiceError::Refused { reasons } => reason_list(reasons),
        _ => Vec::new(),
    };
    RefusalJson {
        exit_code: e.exit_code(),
        message: crate::words::errors::error(e),
        reasons,
    }
}

pub fn reasons_json(d: &Diagnosis) -> Vec<ReasonJson> {
    reason_list(&d.reasons)
}

fn reason_list(reasons: &[crate::model::Reason]) -> Vec<ReasonJson> {
    reasons
        .iter()
        .map(|r| ReasonJson {
            code: r.code.code(),
            message: crate::words::reasons::sentence(r, Utc::now()),
            remedy: r.remedy.code(),
        })
        .collect()
}

pub fn token_json(fingerprint: Option<String>, r: Option<&TokenReport>) -> TokenJson {
    TokenJson {
        fingerprint,
        token_type: r
            .and_then(|r| r.token_type.as_ref())
            .map(|t| t.code().to_string()),
        app_id: r.and_then(|r| r.app_id.clone()),
        user_id: r.and_then(|r| r.user_id.clone()),
        profile_id: r.and_then(|r| r.profile_id.clone()),
        is_valid: r.and_then(|r| r.is_valid),
        issued_at: r.and_then(|r| r.issued_at),
        expires_at: r.and_then(|r| r.expires_at),
        never_expires: r.and_then(|r| r.never_expires),
        data_access_expires_at: r.and_then(|r| r.data_access_expires_at),
        scopes: r.and_then(|r| r.scopes.clone()),
        check_method: r.and_then(|r| r.check_method).map(|m| match m {
            crate::model::CheckMethod::DebugToken => "debug_token",
            crate::model::CheckMethod::SelfProbe => "self_probe",
        }),
    }
}

pub fn channel_json(v: &ChannelView) -> ChannelJson {
    let c = &v.channel;
    ChannelJson {
        id: Some(c.id.clone()),
        name: Some(c.name.clone()),
        kind: Some(c.kind.code()),
        health: v.diagnosis.health.code(),
        reasons: reasons_json(&v.diagnosis),
        checked_at: c.last_report.as_ref().and_then(|r| r.checked_at),
        token: token_json(Some(c.token.fingerprint.clone()), c.last_report.as_deref()),
        replaced: None,
        derived_from: None,
        refusal: None,
    }
}

pub fn print<T: Serialize>(value: &T) {
    match serde_json::to_string_pretty(value) {
        Ok(s) => println!("{s}"),
        Err(e) => eprintln!("tokenwarden: could not write JSON: {e}"),
    }
}
