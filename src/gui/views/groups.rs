//! Above the channel list: one card per root-cause group ("4 channels stopped working for one
//! reason…") with one action, "Log in once and renew all 4", and the offer to subscribe a Page
//! to the webhook right after its token was renewed. The group dialog runs the login and then
//! shows each channel's result: renewed, or refused with the reason. `Flows` holds what these
//! login flows have open.

use eframe::egui;
use egui::{RichText, Ui};

use std::collections::HashSet;

use crate::gui::data::table::ChannelTable;
use crate::gui::intents::LoginUi;
use crate::gui::intents::UiCommand;
use crate::gui::theme;
use crate::gui::views::login::{DeviceLogin, LoginTarget};
use crate::gui::widgets::dialog::Dialog;
use crate::gui::worker::login_jobs::{AfterLogin, GroupItem, LoginEvent};
use crate::gui::worker::{Command, Failure};
use crate::model::{ChannelKind, ReasonCode};
use crate::service::groups::{RootCauseGroup, root_cause_groups};

/// The cards above the list; nothing when there is nothing to say.
pub fn cards(
    ui: &mut Ui,
    table: &ChannelTable,
    flows: &Flows,
    can_act: bool,
    out: &mut Vec<UiCommand>,
) {
    let groups = root_cause_groups(table.views());
    for group in groups {
        theme::callout(ui, theme::Tone::Error, |ui| {
            ui.add(egui::Label::new(RichText::new(&group.message).strong()).wrap());
            let n = group.channel_ids.len();
            let busy = flows.group.is_some();
            let button = theme::primary(ui, format!("Log in once and renew all {n}"));
            if ui.add_enabled(can_act && !busy, button).clicked() {
                out.push(UiCommand::Login(LoginUi::OpenGroup(group.clone())));
            }
        });
        ui.add_space(theme::SMALL_GAP);
    }
    if let Some(id) = &flows.webhook_offer
        && let Some(view) = table.get(id)
        && view.diagnosis.has(ReasonCode::WebhookNotSubscribed)
    {
        theme::callout(ui, theme::Tone::Warning, |ui| {
            ui.add(
                egui::Label::new(format!(
                    "The new token of \"{}\" is saved, but messages will not arrive yet: its \
                     Page is not subscribed to the app's webhook.",
                    view.channel.name
                ))
                .wrap(),
            );
            ui.horizontal(|ui| {
                let busy = flows.subscribing.contains(id);
                let subscribe = theme::primary(ui, "Subscribe the Page to the webhook");
                if ui.add_enabled(can_act && !busy, subscribe).clicked() {
                    out.push(UiCommand::Login(LoginUi::SubscribeWebhook(id.clone())));
                }
                if ui
                    .add_enabled(!busy, egui::Button::new("Not now"))
                    .clicked()
                {
                    out.push(UiCommand::Login(LoginUi::DismissWebhookOffer));
                }
                if busy {
                    crate::gui::theme::spinner::spinner(ui);
                    ui.label("Subscribing…");
                }
            });
        });
        ui.add_space(theme::SMALL_GAP);
    }
}

pub struct GroupDialog {
    group: RootCauseGroup,
    login: DeviceLogin,
    results: Option<Result<Vec<GroupItem>, Failure>>,
}

impl GroupDialog {
    /// Opens the dialog and starts the login at once: that is what the card's button said.
    pub fn start(group: RootCauseGroup, app_id: String, kind: ChannelKind) -> (Self, Command) {
        let target = LoginTarget {
            app_id,
            kind,
            channel: group.channel_ids[0].clone(),
            manages: group.channel_names.join(", "),
            after: AfterLogin::RenewGroup,
        };
        let (login, command) = DeviceLogin::start(target);
        let dialog = GroupDialog {
            group,
            login,
            results: None,
        };
        (dialog, command)
    }

    pub fn on_login(&mut self, event: &LoginEvent) {
        if !self.login.on_event(event) {
            return;
        }
        if let LoginEvent::GroupRenewed { result, .. } = event {
            self.results = Some(match result {
                Ok(items) => Ok(items
                    .iter()
                    .map(|i| GroupItem {
                        name: i.name.clone(),
                        result: i.result.clone(),
                    })
                    .collect()),
                Err(f) => Err(f.clone()),
            });
        }
    }

    pub fn show(&mut self, ui: &mut Ui, out: &mut Vec<UiCommand>) {
        let n = self.group.channel_ids.len();
        let title = format!("Renew {n} channels with one login");
        let words = if self.login.is_busy() {
            "Cancel"
        } else {
            "Close"
        };
        let dialog = Dialog::new("group", title).dismiss(words).show(ui, |d| {
            d.body(|ui| {
                ui.add(egui::Label::new(&self.group.message).wrap());
                ui.add_space(theme::GAP);
                let making = format!("Logged in. Renewing the {n} channels…");
                self.login.ui(ui, &making, out);
                match &self.results {
                    Some(Ok(items)) => results(ui, items),
                    Some(Err(f)) => crate::gui::widgets::token_box::failure(ui, f),
                    None => {}
                }
            });
            d.buttons(|_| ());
        });
        if dialog.close {
            self.login.stop();
            out.push(UiCommand::Login(LoginUi::CloseGroup));
        }
    }
}

fn results(ui: &mut Ui, items: &[GroupItem]) {
    let renewed = items.iter().filter(|i| i.result.is_ok()).count();
    let tone = if renewed == items.len() {
        theme::Tone::Success
    } else {
        theme::Tone::Warning
    };
    theme::callout(ui, tone, |ui| {
        ui.label(RichText::new(format!("{renewed} of {} renewed", items.len())).strong());
        for item in items {
            ui.horizontal_wrapped(|ui| {
                theme::requirement_mark(ui, Some(item.result.is_ok()));
                match &item.result {
                    Ok(_) => ui.label(format!("{}: renewed", item.name)),
                    Err(f) => {
                        let why = f
                            .reasons
                            .first()
                            .map_or(f.message.as_str(), |r| r.message.as_str());
                        ui.add(
                            egui::Label::new(format!("{}: not renewed. {why}", item.name)).wrap(),
                        )
                    }
                };
            });
        }
    });
}

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
