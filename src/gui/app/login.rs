//! What logging in adds to the window's state: the group dialog, the guide, the offer to
//! subscribe a Page to the webhook after a renewal; the intents their buttons push
//! (`LoginUi`), and how the worker's `LoginEvent`s change the state.

use eframe::egui;
use std::collections::HashSet;

use chrono::{DateTime, Utc};

use crate::gui::app::state::{AppState, NoticeKind, Page};
use crate::gui::data::table::ChannelTable;
use crate::gui::platform::clipboard::Clipboard;
use crate::gui::views::groups::GroupDialog;
use crate::gui::worker::login_jobs::{LoginCommand, LoginEvent};
use crate::gui::worker::{Command, Worker};
use crate::model::ReasonCode;
use crate::service::groups::RootCauseGroup;

#[derive(Default)]
pub struct Flows {
    /// "Log in once and renew all N" in progress or showing its results.
    pub group: Option<GroupDialog>,
    /// The channel whose walk-through is open.
    pub guide: Option<String>,
    /// A channel saved a moment ago whose Page still misses the webhook.
    pub webhook_offer: Option<String>,
    /// Channels whose Page is being subscribed to the webhook.
    pub subscribing: HashSet<String>,
}

impl Flows {
    /// After a renewal: offer the webhook subscription when messages still cannot arrive.
    pub fn offer_webhook(&mut self, table: &ChannelTable, channel: &str) {
        let missing = table
            .get(channel)
            .is_some_and(|v| v.diagnosis.has(ReasonCode::WebhookNotSubscribed));
        if missing {
            self.webhook_offer = Some(channel.to_string());
        }
    }
}

/// Intents of the login, group, guide and webhook widgets.
#[derive(Debug)]
pub enum LoginUi {
    OpenGroup(RootCauseGroup),
    CloseGroup,
    OpenGuide(String),
    CloseGuide,
    SubscribeWebhook(String),
    DismissWebhookOffer,
    /// Plain text with no secret in it (a login code, the walk-through).
    CopyText(String),
    /// The client token is missing: go where it is saved.
    OpenApps,
}

/// Carries out one intent (called by the app, which owns the worker and the clipboard).
pub fn handle(
    state: &mut AppState,
    command: LoginUi,
    worker: &Worker,
    clipboard: &mut dyn Clipboard,
    ctx: &egui::Context,
) {
    let flows = &mut state.flows;
    match command {
        LoginUi::OpenGroup(group) => {
            let first = group.channel_ids.first().and_then(|id| state.table.get(id));
            let kind = first.map(|v| v.channel.kind);
            let app = group
                .app_id
                .clone()
                .or_else(|| first.and_then(|v| crate::gui::views::login::app_of(&v.channel)));
            match (kind, app) {
                (Some(kind), Some(app)) => {
                    let (dialog, command) = GroupDialog::start(group, app, kind);
                    flows.group = Some(dialog);
                    worker.send(command);
                }
                _ => state.notify(
                    NoticeKind::Error,
                    "The app these channels use is not known, so Tokenwarden cannot log in for \
                     them. Renew them one by one.",
                ),
            }
        }
        LoginUi::CloseGroup => flows.group = None,
        LoginUi::OpenGuide(id) => flows.guide = Some(id),
        LoginUi::CloseGuide => flows.guide = None,
        LoginUi::SubscribeWebhook(id) => {
            flows.subscribing.insert(id.clone());
            worker.send(Command::Login(LoginCommand::SubscribeWebhook {
                channel: id,
            }));
        }
        LoginUi::DismissWebhookOffer => flows.webhook_offer = None,
        LoginUi::CopyText(text) => match clipboard.put_text(&text) {
            Ok(()) => state.notify(NoticeKind::Info, "Copied."),
            Err(e) => state.notify(NoticeKind::Error, e),
        },
        LoginUi::OpenApps => {
            if let Some(mut d) = state.renew.take() {
                d.wipe(ctx);
            }
            flows.group = None;
            state.page = Page::Apps;
        }
    }
}

/// Applies one login event from the worker.
pub fn apply(state: &mut AppState, event: LoginEvent, now: DateTime<Utc>) {
    let th = state.thresholds;
    if let Some(d) = &mut state.renew {
        d.on_login(&event);
    }
    if let Some(d) = &mut state.flows.group {
        d.on_login(&event);
    }
    if let Some(d) = &mut state.add {
        d.on_login(&event);
    }
    match event {
        LoginEvent::GroupRenewed {
            result: Ok(items), ..
        } => {
            for item in items {
                if let Ok(channel) = item.result {
                    state.table.upsert(*channel, now, &th, true);
                }
            }
        }
        LoginEvent::Subscribed { channel, result } => {
            state.flows.subscribing.remove(&channel);
            match result {
                Ok(updated) => {
                    let name = updated.name.clone();
                    state.table.upsert(*updated, now, &th, true);
                    let still = state
                        .table
                        .get(&channel)
                        .is_some_and(|v| v.diagnosis.has(ReasonCode::WebhookNotSubscribed));
                    if still {
                        state.notify(
                            NoticeKind::Error,
                            format!(
                                "Facebook accepted the subscription of \"{name}\", but the Page \
                                 still lacks the messages field. Open the app's webhook settings \
                                 and check that the Page is selected there."
                            ),
                        );
                    } else {
                        state.flows.webhook_offer = None;
                        state.notify(
                            NoticeKind::Success,
                            format!(
                                "The Page of \"{name}\" is subscribed to the webhook: messages \
                                 arrive again."
                            ),
                        );
                    }
                }
                Err(f) => state.notify(NoticeKind::Error, f.message),
            }
        }
        _ => {}
    }
}
