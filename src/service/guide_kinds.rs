//! The "by hand" part of the guide, written for each kind of channel, because each kind gets its
//! token in a different corner of Meta's portal: a Facebook Page in the Graph API Explorer,
//! Messenger in the app's Messenger settings, Instagram through the linked Instagram professional
//! account, WhatsApp as a system user's token in Business settings (no Page, no Messenger).

use super::guide_step::{Block, GuideStep, Say, StepState, step};
use crate::graph::links;
use crate::model::{Channel, ChannelKind};

/// Names the guide's text uses, worked out once from the channel and its app.
pub struct Names {
    /// The Page (or, for WhatsApp, the WhatsApp Business account) in words.
    pub page: String,
    /// "Acme Support (123)", or the bare app id, when known.
    pub app: Option<String>,
}

/// Where the new token is made, step by step, for `channel`'s kind.
pub fn by_hand(channel: &Channel, names: &Names) -> Vec<GuideStep> {
    let page = &names.page;
    let app_known = channel.app_id.is_some();
    let app_state = || {
        if app_known {
            StepState::ToDo
        } else {
            StepState::Blocked("the channel's app is not known: add it under Apps".into())
        }
    };
    let app_words = names
        .app
        .as_ref()
        .map(|a| format!("the app {a}"))
        .unwrap_or_else(|| "the app this channel uses".into());
    let perms = channel.kind.required_permissions().join(", ");
    let settings = channel
        .app_id
        .as_deref()
        .map(|id| links::channel_settings(channel.kind, id));
    match channel.kind {
        ChannelKind::FacebookPage => vec![
            step(
                "Open the Graph API Explorer",
                format!(
                    "Log in at developers.facebook.com with an account that manages {page} and \
                     open the Graph API Explorer. On the right, choose {app_words}."
                ),
                Some(links::graph_explorer()),
                app_state(),
            )
            .says(Say::OpenExplorer)
            .blocked_by(Block::AppUnknown),
            step(
                format!("Generate a new token for {page}"),
                format!(
                    "Under \"User or Page\", choose Get Page Access Token, tick the permissions \
                     {perms}, click Generate Access Token and allow it. Then pick {page} in the \
                     same list and copy the token shown."
                ),
                None,
                StepState::ToDo,
            )
            .says(Say::GeneratePageToken),
        ],
        ChannelKind::Messenger => vec![
            step(
                "Open the app's Messenger settings",
                format!(
                    "Log in at developers.facebook.com with an account that manages {page}, open \
                     {app_words} and go to Messenger, then Settings."
                ),
                settings.clone(),
                app_state(),
            )
            .says(Say::OpenMessengerSettings)
            .blocked_by(Block::AppUnknown),
            step(
                format!("Generate a new token for {page}"),
                format!(
                    "Under Access Tokens, find {page} and click Generate token, allow the \
                     permissions it asks for ({perms}), then copy the token. Make sure the \
                     webhook fields messages and messaging_postbacks are selected for the Page."
                ),
                settings,
                StepState::ToDo,
            )
            .says(Say::GenerateMessengerToken),
        ],
        ChannelKind::Instagram => vec![
            step(
                "Open the app's Instagram settings",
                format!(
                    "Log in at developers.facebook.com with an account that manages {page} and \
                     its linked Instagram professional account, open {app_words} and go to \
                     Instagram, then API setup."
                ),
                settings.clone(),
                app_state(),
            )
            .says(Say::OpenInstagramSettings)
            .blocked_by(Block::AppUnknown),
            step(
                "Generate a new token for the Instagram account",
                format!(
                    "Find the Instagram professional account linked to {page} and click Generate \
                     token. Allow the permissions it asks for ({perms}) and copy the token. If \
                     the account is not listed, link it to {page} in the Page's settings first."
                ),
                settings,
                StepState::ToDo,
            )
            .says(Say::GenerateInstagramToken),
        ],
        ChannelKind::Whatsapp => vec![
            step(
                "Open System users in Business settings",
                "Log in at business.facebook.com with an admin of the business that owns the \
                 WhatsApp account, open Business settings, then Users, then System users."
                    .to_string(),
                Some(links::system_users()),
                StepState::ToDo,
            )
            .says(Say::OpenSystemUsers),
            step(
                "Generate a system user token",
                format!(
                    "Choose the system user this channel uses and click Generate new token. Pick \
                     {app_words}, set the token to never expire, tick {perms} and click Generate, \
                     then copy the token. The system user must have {page} assigned \
                     (Assign assets)."
                ),
                Some(links::system_users()),
                app_state(),
            )
            .says(Say::GenerateSystemUserToken)
            .blocked_by(Block::AppUnknown),
        ],
    }
}

/// What the new token must show in the debugger for this kind of channel.
pub fn validate_detail(kind: ChannelKind, names: &Names) -> String {
    let app = names
        .app
        .as_ref()
        .map(|a| format!(", app {a}"))
        .unwrap_or_default();
    let page = &names.page;
    match kind {
        ChannelKind::Whatsapp => format!(
            "The new token must show Valid: True, Expires: Never{app}, with \
             whatsapp_business_messaging and whatsapp_business_management. Tokenwarden refuses \
             a dead token, another business's or another app's."
        ),
        _ => format!(
            "The new token must show Valid: True, Page {page}{app}. Tokenwarden refuses a dead \
             token, another Page's or another app's."
        ),
    }
}

/// What "messages arrive" means for this kind, to say in the last step.
pub fn webhook_detail(kind: ChannelKind, page: &str) -> String {
    match kind {
        ChannelKind::Whatsapp => format!(
            "{page} must list the app among its subscribed apps, or WhatsApp messages stop \
             reaching it."
        ),
        ChannelKind::Instagram => format!(
            "{page} must be subscribed to the app's webhook with the messages field, or \
             Instagram messages stop reaching it after the renewal."
        ),
        _ => format!(
            "{page} must be subscribed to the app's webhook with the messages field, or \
             Messenger stays silent after the renewal."
        ),
    }
}
