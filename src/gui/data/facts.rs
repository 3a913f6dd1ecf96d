//! A token's facts in words, as Meta's Access Token Debugger lists them, plus what a messaging
//! channel needs. Shared by the details panel and the side-by-side view of the renew dialog, so
//! both say the same thing the same way. Anything not learnt reads "unknown".

use chrono::{DateTime, Utc};
use eframe::egui;
use egui::{Grid, RichText, Ui};

use crate::gui::theme;
use crate::model::time::describe_in;
use crate::model::{ChannelKind, TokenReport};

pub const UNKNOWN: &str = "unknown";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub label: &'static str,
    pub value: String,
}

fn fact(label: &'static str, value: impl Into<String>) -> Fact {
    Fact {
        label,
        value: value.into(),
    }
}

/// "2026-11-28 12:00 UTC (in 5 days)".
pub fn when(at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> String {
    match at {
        Some(at) => format!(
            "{} ({})",
            at.format("%Y-%m-%d %H:%M UTC"),
            describe_in(at, now)
        ),
        None => UNKNOWN.into(),
    }
}

fn yes_no(v: Option<bool>) -> String {
    match v {
        Some(true) => "Yes".into(),
        Some(false) => "No".into(),
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
        (Some(true), _) => "Never".to_string(),
        (_, at @ Some(_)) => when(at, now),
        _ => UNKNOWN.into(),
    };
    vec![
        fact("Valid", yes_no(r.is_valid)),
        fact(
            "Type",
            r.token_type
                .as_ref()
                .map_or(UNKNOWN.into(), |t| t.label().to_string()),
        ),
        fact("App", named(r.application.as_deref(), r.app_id.as_deref())),
        fact(
            "Page",
            named(r.profile_name.as_deref(), r.profile_id.as_deref()),
        ),
        fact("User", named(r.user_name.as_deref(), r.user_id.as_deref())),
        fact("Issued", when(r.issued_at, now)),
        fact("Expires", expires),
        fact("Data access expires", when(r.data_access_expires_at, now)),
        fact(
            "Permissions",
            r.scopes.as_ref().map_or(UNKNOWN.into(), |s| {
                if s.is_empty() {
                    "none".into()
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
                None => format!("{}: all", g.scope),
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
        return "not needed for this kind of channel".into();
    }
    match r.and_then(|r| r.webhook.as_ref()) {
        None => UNKNOWN.into(),
        Some(w) if !w.app_subscribed => "the app is not subscribed to the Page".into(),
        Some(w) if w.fields.is_empty() => "subscribed, no fields".into(),
        Some(w) => format!("subscribed: {}", w.fields.join(", ")),
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
                ui.label(theme::weak(ui, f.label));
                let text = if f.value == UNKNOWN {
                    theme::weak(ui, UNKNOWN).italics()
                } else {
                    RichText::new(&f.value)
                };
                ui.add(egui::Label::new(text).wrap());
                ui.end_row();
            }
        });
}
