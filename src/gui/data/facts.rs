//! A token's facts in words, as Meta's Access Token Debugger lists them, plus what a messaging
//! channel needs. Shared by the details panel and the side-by-side view of the renew dialog, so
//! both say the same thing the same way. Anything not learnt reads "unknown".
//!
//! A fact's `key` says which fact it is (the dialogs compare keys, never words); its label and
//! value are phrased on the window's thread in the user's language.

use chrono::{DateTime, Utc};
use eframe::egui;
use egui::{Grid, RichText, Ui};

use crate::gui::theme;
use crate::model::{ChannelKind, TokenReport};
use crate::words::{t, t_args};

/// The value of a fact that was not learnt; `grid` shows it as "unknown" in the user's language.
pub const UNKNOWN: &str = "unknown";

/// Which fact a row holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKey {
    Valid,
    Type,
    App,
    Page,
    User,
    Issued,
    Expires,
    DataAccessExpires,
    Permissions,
    NeededPermissions,
    Webhook,
    Fingerprint,
}

impl FactKey {
    /// The row's label in the user's language.
    pub fn words(self) -> String {
        t(match self {
            FactKey::Valid => "facts-valid",
            FactKey::Type => "facts-type",
            FactKey::App => "fact-app",
            FactKey::Page => "fact-page",
            FactKey::User => "fact-user",
            FactKey::Issued => "facts-issued",
            FactKey::Expires => "facts-expires",
            FactKey::DataAccessExpires => "facts-data-access-expires",
            FactKey::Permissions => "fact-permissions",
            FactKey::NeededPermissions => "renew-needed-permissions",
            FactKey::Webhook => "facts-webhook",
            FactKey::Fingerprint => "facts-fingerprint",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub key: FactKey,
    pub value: String,
}

pub fn fact(key: FactKey, value: impl Into<String>) -> Fact {
    Fact {
        key,
        value: value.into(),
    }
}

/// "2026-11-28 09:00 UTC-03:00 (in 5 days)" in this computer's zone, or `UNKNOWN`.
fn when(at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> String {
    match at {
        Some(_) => crate::words::time::when(at, now),
        None => UNKNOWN.into(),
    }
}

fn yes_no(v: Option<bool>) -> String {
    match v {
        Some(true) => t("fact-yes"),
        Some(false) => t("fact-no"),
        None => UNKNOWN.into(),
    }
}

fn named(name: Option<&str>, id: Option<&str>) -> String {
    match (name.filter(|n| !n.is_empty()), id) {
        (Some(n), Some(id)) => format!("{n} ({id})"),
        (Some(n), None) => n.into(),
        (None, Some(id)) => id.into(),
        (None, None) => UNKNOWN.into(),
    }
}

/// The debugger's facts, in its order.
pub fn debugger_facts(r: &TokenReport, now: DateTime<Utc>) -> Vec<Fact> {
    let expires = match (r.never_expires, r.expires_at) {
        (Some(true), _) => t("facts-never"),
        (_, at @ Some(_)) => when(at, now),
        _ => UNKNOWN.into(),
    };
    vec![
        fact(FactKey::Valid, yes_no(r.is_valid)),
        fact(
            FactKey::Type,
            r.token_type
                .as_ref()
                .map_or(UNKNOWN.into(), crate::words::reasons::token_type),
        ),
        fact(
            FactKey::App,
            named(r.application.as_deref(), r.app_id.as_deref()),
        ),
        fact(
            FactKey::Page,
            named(r.profile_name.as_deref(), r.profile_id.as_deref()),
        ),
        fact(
            FactKey::User,
            named(r.user_name.as_deref(), r.user_id.as_deref()),
        ),
        fact(FactKey::Issued, when(r.issued_at, now)),
        fact(FactKey::Expires, expires),
        fact(
            FactKey::DataAccessExpires,
            when(r.data_access_expires_at, now),
        ),
        fact(
            FactKey::Permissions,
            r.scopes.as_ref().map_or(UNKNOWN.into(), |s| {
                if s.is_empty() {
                    t("fact-none")
                } else {
                    s.join(", ")
                }
            }),
        ),
    ]
}

/// Granular permissions with the Pages (or accounts) they cover.
pub fn granular_lines(r: &TokenReport) -> Option<Vec<String>> {
    let granular = r.granular_scopes.as_ref()?;
    Some(
        granular
            .iter()
            .map(|g| match &g.target_ids {
                Some(ids) => format!("{}: {}", g.scope, ids.join(", ")),
                None => format!("{}: {}", g.scope, t("facts-all")),
            })
            .collect(),
    )
}

/// Each required permission and whether the token has it for the channel's Page.
pub fn required_permissions(
    r: Option<&TokenReport>,
    kind: ChannelKind,
    page_id: Option<&str>,
) -> Vec<(&'static str, Option<bool>)> {
    kind.required_permissions()
        .iter()
        .map(|p| (*p, r.and_then(|r| r.scope_covers(p, page_id))))
        .collect()
}

/// Whether messages reach the app: the webhook fields this kind needs, and what is subscribed.
pub fn webhook_summary(r: Option<&TokenReport>, kind: ChannelKind) -> String {
    if !kind.needs_webhook() {
        return t("webhook-not-needed");
    }
    match r.and_then(|r| r.webhook.as_ref()) {
        None => UNKNOWN.into(),
        Some(w) if !w.app_subscribed => t("webhook-app-not-subscribed"),
        Some(w) if w.fields.is_empty() => t("webhook-no-fields"),
        Some(w) => t_args(
            "facts-webhook-subscribed",
            &[("fields", w.fields.join(", ").into())],
        ),
    }
}

/// A two-column grid of facts.
pub fn grid(ui: &mut Ui, id: &str, facts: &[Fact]) {
    Grid::new(id)
        .num_columns(2)
        .spacing([theme::GAP * 1.5, 4.0])
        .striped(false)
        .show(ui, |ui| {
            for f in facts {
                ui.label(theme::weak(ui, f.key.words()));
                let text = if f.value == UNKNOWN {
                    theme::weak(ui, t("unknown")).italics()
                } else {
                    RichText::new(&f.value)
                };
                ui.add(egui::Label::new(text).wrap());
                ui.end_row();
            }
        });
}
