//! The guided walk-through for support staff: the renewal guide users follow by hand today
//! (debugger → where the token is made → new token → validate "True" → replace → only this
//! channel), written for the selected channel's kind, app and Page, each step with its state when
//! Tokenwarden can tell; a login code comes first where a person's login can renew the channel.
//! The whole text can be sent to a customer: it never holds a token.

use super::guide_kinds::{self, Names};
use super::guide_step::step;
pub use super::guide_step::{Block, GuideStep, Say, StepState};
use crate::graph::links;
use crate::model::{Channel, ChannelKind, Diagnosis, Health, MetaApp, ReasonCode};

/// The steps for renewing `channel`, given its app (if saved) and its current diagnosis. Every
/// step is written for the channel's kind and agrees with its health: a channel that works says
/// so, and only what is really wrong is marked "first fix".
pub fn guide_for(
    channel: &Channel,
    app: Option<&MetaApp>,
    diagnosis: &Diagnosis,
) -> Vec<GuideStep> {
    let kind = channel.kind;
    let owner = if kind == ChannelKind::Whatsapp {
        "WhatsApp Business account"
    } else {
        "Page"
    };
    let page = channel
        .page_name
        .clone()
        .or_else(|| {
            channel
                .page_id
                .clone()
                .map(|id| format!("the {owner} with id {id}"))
        })
        .unwrap_or_else(|| format!("the channel's {owner}"));
    let names = Names {
        page,
        app: app
            .map(|a| format!("{} ({})", a.name, a.id))
            .or_else(|| channel.app_id.clone()),
    };
    let page = names.page.as_str();
    let main = diagnosis.main_reason();
    let mut steps = vec![first_step(channel, diagnosis)];

    if let Some(r) = main.filter(|r| {
        matches!(
            r.code,
            ReasonCode::Checkpointed | ReasonCode::UnconfirmedUser
        )
    }) {
        steps.push(
            step(
                "Clear the account's security check",
                format!(
                    "{} Until that is done, no new token can be made.",
                    r.message
                ),
                links::help_for(r.code),
                StepState::Blocked("the account must be cleared at facebook.com first".into()),
            )
            .says(Say::ClearCheck(r.clone()))
            .blocked_by(Block::AccountCheck),
        );
    }
    if let Some(r) =
        main.filter(|r| r.code == ReasonCode::PageRoleLost && kind.expects_page_token())
    {
        steps.push(
            step(
                "Give the Page role back",
                format!(
                    "{} A Page admin does this in the Page's settings.",
                    r.message
                ),
                channel.page_id.as_deref().map(links::page_settings),
                StepState::Blocked("someone with a role on the Page must connect it".into()),
            )
            .says(Say::GiveRoleBack(r.clone()))
            .blocked_by(Block::PageRole),
        );
    }

    // A login code is the easiest way for a customer who cannot find their way in the developer
    // portal. WhatsApp's system-user tokens are not made by a person's login, so not there.
    if kind.expects_page_token() {
        let app_id = channel
            .app_id
            .clone()
            .or_else(|| channel.last_report.as_ref()?.app_id.clone());
        let terminal = app_id
            .as_ref()
            .map(|a| {
                format!(
                    " Support staff can also run: tokenwarden login --app {a} --channel \"{}\"",
                    channel.name
                )
            })
            .unwrap_or_default();
        steps.push(
            step(
                "Easiest: renew with a login code",
                format!(
                    "In Tokenwarden choose Renew on {name}, then Log in with Facebook. Tokenwarden \
                 shows a code and a message ready to read out or send to the person who manages \
                 {page}: they open facebook.com/device on their phone, enter the code and log in. \
                 Tokenwarden makes the Page's token and checks it before saving. If this works, \
                 you are done; the next steps are the way by hand.{terminal}",
                    name = channel.name
                ),
                Some(links::device_login()),
                if app_id.is_some() {
                    StepState::ToDo
                } else {
                    StepState::Blocked("the channel's app is not known: add it under Apps".into())
                },
            )
            .says(Say::LoginCode(app_id.clone()))
            .blocked_by(Block::AppUnknown),
        );
    }

    steps.extend(guide_kinds::by_hand(channel, &names));
    steps.push(step(
        format!("Paste it in Tokenwarden: Renew on {}", channel.name),
        if kind.expects_page_token() {
            "Tokenwarden also takes the whole address shown after logging in, or a login's User \
             token, and turns it into the Page's token."
        } else {
            "Paste the system user's token; Tokenwarden checks it before anything is saved."
        },
        None,
        StepState::ToDo,
    )
    .says(Say::Paste));
    steps.push(
        step(
            "Validate",
            guide_kinds::validate_detail(kind, &names),
            None,
            StepState::ToDo,
        )
        .says(Say::Validate),
    );
    steps.push(
        step(
            "Save: only this channel is updated",
            "The old token is kept; Roll back in the channel's details puts it back.",
            None,
            StepState::ToDo,
        )
        .says(Say::Save),
    );
    if kind.needs_webhook() {
        steps.push(
            step(
                "Check that messages arrive",
                guide_kinds::webhook_detail(kind, page),
                None,
                webhook_state(channel, diagnosis),
            )
            .says(Say::MessagesArrive)
            .blocked_by(if kind == ChannelKind::Whatsapp {
                Block::WhatsappNotSubscribed
            } else {
                Block::PageNotSubscribed
            }),
        );
    }
    steps
}

/// What Tokenwarden knows now: what is wrong, that the channel works, or that it was never checked.
fn first_step(channel: &Channel, diagnosis: &Diagnosis) -> GuideStep {
    match (diagnosis.health, diagnosis.main_reason()) {
        (Health::Unknown, _) => step(
            "Check the token",
            format!(
                "Tokenwarden has not checked {} yet. Choose Check to see whether it needs \
                 renewing.",
                channel.name
            ),
            Some(links::token_debugger()),
            StepState::ToDo,
        )
        .says(Say::CheckToken),
        (_, Some(r)) => step(
            "See what is wrong",
            format!(
                "Tokenwarden checked the token of {}: {}",
                channel.name, r.message
            ),
            Some(links::token_debugger()),
            StepState::Done,
        )
        .says(Say::SeeWhatIsWrong(r.clone())),
        (_, None) => step(
            "It works",
            format!(
                "Tokenwarden checked the token of {}: it works, and nothing needs doing now. \
                 If it ever needs renewing, these are the steps.",
                channel.name
            ),
            Some(links::token_debugger()),
            StepState::Done,
        )
        .says(Say::ItWorks),
    }
}

/// Done when the last check saw the subscription the kind needs; "first fix" only when the
/// check found it missing; to do when it was never seen.
fn webhook_state(channel: &Channel, diagnosis: &Diagnosis) -> StepState {
    let needed = channel.kind.required_webhook_fields();
    let webhook = channel
        .last_report
        .as_ref()
        .and_then(|r| r.webhook.as_ref());
    let missing = if channel.kind == ChannelKind::Whatsapp {
        "the app is not among the WhatsApp account's subscribed apps: subscribe it in the app's \
         WhatsApp settings"
    } else {
        "the Page is not subscribed: use Subscribe webhook after saving"
    };
    if diagnosis.has(ReasonCode::WebhookNotSubscribed) {
        return StepState::Blocked(missing.into());
    }
    match webhook {
        Some(w) if w.app_subscribed && needed.iter().all(|f| w.fields.iter().any(|g| g == f)) => {
            StepState::Done
        }
        Some(_) => StepState::Blocked(missing.into()),
        None => StepState::ToDo,
    }
}

/// Test-only English rendering of the steps, so tests can read what a guide says; people read
/// `words::guide::text`.
#[cfg(test)]
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

#[cfg(test)]
#[path = "guide_tests.rs"]
mod tests;
