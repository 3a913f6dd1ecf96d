//! The guided walk-through for support staff: the renewal guide users follow by hand today
//! (debugger → app → Messenger settings → new token → validate "True" → replace → only this
//! channel), written for the selected channel's own app and Page, each step with its state when
//! Tokenwarden can tell. The whole text can be sent to a customer: it never holds a token.

use crate::graph::links::{self, PortalLink};
use crate::model::{Channel, Diagnosis, Health, MetaApp, ReasonCode};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepState {
    Done,
    ToDo,
    /// Something must be fixed before this step can work; says what.
    Blocked(String),
}

#[derive(Debug, Clone)]
pub struct GuideStep {
    pub title: String,
    pub detail: String,
    pub link: Option<PortalLink>,
    pub state: StepState,
}

fn step(
    title: impl Into<String>,
    detail: impl Into<String>,
    link: Option<PortalLink>,
    state: StepState,
) -> GuideStep {
    GuideStep {
        title: title.into(),
        detail: detail.into(),
        link,
        state,
    }
}

/// The steps for renewing `channel`, given its app (if saved) and its current diagnosis.
pub fn guide_for(
    channel: &Channel,
    app: Option<&MetaApp>,
    diagnosis: &Diagnosis,
) -> Vec<GuideStep> {
    let page = channel
        .page_name
        .clone()
        .or_else(|| {
            channel
                .page_id
                .clone()
                .map(|id| format!("the Page with id {id}"))
        })
        .unwrap_or_else(|| "the channel's Page".into());
    let app_name = app
        .map(|a| format!("{} ({})", a.name, a.id))
        .or_else(|| channel.app_id.clone());
    let main = diagnosis.main_reason();
    let mut steps = Vec::new();

    steps.push(step(
        "See what is wrong",
        match main {
            Some(r) => format!(
                "Tokenwarden checked the token of {}: {}",
                channel.name, r.message
            ),
            None => format!(
                "Tokenwarden checked the token of {}: it works.",
                channel.name
            ),
        },
        Some(links::token_debugger()),
        if diagnosis.health == Health::Unknown {
            StepState::ToDo
        } else {
            StepState::Done
        },
    ));

    if let Some(r) = main.filter(|r| {
        matches!(
            r.code,
            ReasonCode::Checkpointed | ReasonCode::UnconfirmedUser
        )
    }) {
        steps.push(step(
            "Clear the account's security check",
            format!(
                "{} Until that is done, no new token can be made.",
                r.message
            ),
            links::help_for(r.code),
            StepState::Blocked("the account must be cleared at facebook.com first".into()),
        ));
    }
    if let Some(r) = main.filter(|r| r.code == ReasonCode::PageRoleLost) {
        steps.push(step(
            "Give the Page role back",
            format!(
                "{} A Page admin does this in the Page's settings.",
                r.message
            ),
            channel.page_id.as_deref().map(links::page_settings),
            StepState::Blocked("someone with a role on the Page must connect it".into()),
        ));
    }

    let settings = channel
        .app_id
        .as_deref()
        .map(|id| links::channel_settings(channel.kind, id));
    steps.push(step(
        format!("Open the app's {} settings", channel.kind.label()),
        match &app_name {
            Some(name) => format!(
                "Log in at developers.facebook.com with an account that manages {page}, open the app {name} and go to its {} settings.",
                channel.kind.label()
            ),
            None => format!("Log in at developers.facebook.com with an account that manages {page} and open the app this channel uses."),
        },
        settings.clone(),
        if channel.app_id.is_some() { StepState::ToDo } else { StepState::Blocked("the channel's app is not known: add it under Apps".into()) },
    ));
    steps.push(step(
        format!("Generate a new token for {page}"),
        format!(
            "Under Access Tokens, find {page} and click Generate token, then copy it.{}",
            if channel.kind.needs_webhook() {
                " Make sure the webhook fields messages and messaging_postbacks are selected for the Page."
            } else {
                ""
            }
        ),
        settings,
        StepState::ToDo,
    ));
    steps.push(step(
        format!("Paste it in Tokenwarden: Renew on {}", channel.name),
        "Tokenwarden also takes the whole address shown after logging in, or a login's User token, and turns it into the Page's token.",
        None,
        StepState::ToDo,
    ));
    steps.push(step(
        "Validate",
        format!(
            "The new token must show Valid: True, Page {page}{}. Tokenwarden refuses a dead token, another Page's or another app's.",
            app_name.as_ref().map(|a| format!(", app {a}")).unwrap_or_default()
        ),
        None,
        StepState::ToDo,
    ));
    steps.push(step(
        "Save: only this channel is updated",
        "The old token is kept; Roll back in the channel's details puts it back.",
        None,
        StepState::ToDo,
    ));
    if channel.kind.needs_webhook() {
        let webhook = channel
            .last_report
            .as_ref()
            .and_then(|r| r.webhook.as_ref());
        steps.push(step(
            "Check that messages arrive",
            "The Page must be subscribed to the app's webhook with the messages field, or Messenger stays silent after the renewal.",
            None,
            match webhook {
                Some(w) if w.app_subscribed && w.fields.iter().any(|f| f == "messages") => StepState::Done,
                Some(_) => StepState::Blocked("the Page is not subscribed: use Subscribe webhook after saving".into()),
                None => StepState::ToDo,
            },
        ));
    }
    steps
}

/// The walk-through as plain text, to copy into a message to a customer.
pub fn guide_text(channel: &Channel, steps: &[GuideStep]) -> String {
    let mut out = format!(
        "Renewing the token of {} ({})\n\n",
        channel.name,
        channel.kind.label()
    );
    for (i, s) in steps.iter().enumerate() {
        let mark = match &s.state {
            StepState::Done => "[done] ",
            StepState::ToDo => "",
            StepState::Blocked(_) => "[first fix] ",
        };
        out.push_str(&format!("{}. {mark}{}\n   {}\n", i + 1, s.title, s.detail));
        if let Some(l) = &s.link {
            out.push_str(&format!("   {}: {}\n", l.label, l.url));
        }
        if let StepState::Blocked(why) = &s.state {
            out.push_str(&format!("   Before this: {why}.\n"));
        }
    }
    out
}
