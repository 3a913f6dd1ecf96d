//! Above the channel list: one card per root-cause group ("4 channels stopped working for one
//! reason…") with one action, "Log in once and renew all 4", and the offer to subscribe a Page
//! to the webhook right after its token was renewed. The group dialog runs the login and then
//! shows each channel's result: renewed, or refused with the reason. `Flows` holds what these
//! login flows have open.

use chrono::{DateTime, Utc};
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
use crate::words::reasons::{group as group_words, sentence};
use crate::words::{t, t_args, t_static};

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
            let message = group_words(&group);
            ui.add(egui::Label::new(RichText::new(message).strong()).wrap());
            let n = group.channel_ids.len();
            let busy = flows.group.is_some();
            let button = theme::primary(ui, t_args("group-renew-all", &[("count", n.into())]));
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
            let name = view.channel.name.as_str();
            let words = t_args("group-webhook-offer", &[("name", name.into())]);
            ui.add(egui::Label::new(words).wrap());
            ui.horizontal(|ui| {
                let busy = flows.subscribing.contains(id);
                let subscribe = theme::primary(ui, t("group-subscribe"));
                if ui.add_enabled(can_act && !busy, subscribe).clicked() {
                    out.push(UiCommand::Login(LoginUi::SubscribeWebhook(id.clone())));
                }
                if ui
                    .add_enabled(!busy, egui::Button::new(t("group-not-now")))
                    .clicked()
                {
                    out.push(UiCommand::Login(LoginUi::DismissWebhookOffer));
                }
                if busy {
                    crate::gui::theme::spinner::spinner(ui);
                    ui.label(t("group-subscribing"));
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

    pub fn show(&mut self, ui: &mut Ui, now: DateTime<Utc>, out: &mut Vec<UiCommand>) {
        let n = self.group.channel_ids.len();
        let title = t_args("group-title", &[("count", n.into())]);
        let words = t_static(if self.login.is_busy() {
            "dialog-cancel"
        } else {
            "dialog-close"
        });
        let dialog = Dialog::new("group", title).dismiss(words).show(ui, |d| {
            d.body(|ui| {
                ui.add(egui::Label::new(group_words(&self.group)).wrap());
                ui.add_space(theme::GAP);
                let making = t_args("group-making", &[("count", n.into())]);
                self.login.ui(ui, &making, out);
                match &self.results {
                    Some(Ok(items)) => results(ui, items, now),
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

fn results(ui: &mut Ui, items: &[GroupItem], now: DateTime<Utc>) {
    let renewed = items.iter().filter(|i| i.result.is_ok()).count();
    let tone = if renewed == items.len() {
        theme::Tone::Success
    } else {
        theme::Tone::Warning
    };
    theme::callout(ui, tone, |ui| {
        let count = t_args(
            "group-renewed-count",
            &[("renewed", renewed.into()), ("total", items.len().into())],
        );
        ui.label(RichText::new(count).strong());
        for item in items {
            ui.horizontal_wrapped(|ui| {
                theme::requirement_mark(ui, Some(item.result.is_ok()));
                let name = item.name.as_str();
                match &item.result {
                    Ok(_) => ui.label(t_args("group-item-renewed", &[("name", name.into())])),
                    Err(f) => {
                        let why = f
                            .reasons
                            .first()
                            .map_or_else(|| f.phrase(), |r| sentence(r, now));
                        let words = t_args(
                            "group-item-not-renewed",
                            &[("name", name.into()), ("why", why.into())],
                        );
                        ui.add(egui::Label::new(words).wrap())
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

#[cfg(test)]
mod tests {
    //! The group dialog by its labels (no window, no worker): one login, then each channel's
    //! own result.

    use super::*;
    use chrono::Utc;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use crate::gui::worker::login_jobs::LoginCommand;
    use crate::model::{Channel, Reason, Secret, SecretRef, StoredToken};

    struct Open {
        dialog: GroupDialog,
        out: Vec<UiCommand>,
    }

    fn channel(id: &str, name: &str) -> Channel {
        Channel {
            id: id.into(),
            name: name.into(),
            kind: ChannelKind::Messenger,
            app_id: Some("1000000000001".into()),
            page_id: None,
            page_name: None,
            token: StoredToken {
                secret: SecretRef::new_token(),
                fingerprint: Secret::new(format!("EAA{id}")).fingerprint(),
                saved_at: Utc::now(),
            },
            previous_token: None,
            previous_report: None,
            last_report: None,
            last_failure: None,
            added_at: Utc::now(),
        }
    }

    /// The dialog for Shoes, Books and Toys, broken by one password change; and its ticket.
    fn opened() -> (Harness<'static, Open>, u64) {
        let group = RootCauseGroup {
            reason: ReasonCode::PasswordChanged,
            user_id: "100".into(),
            app_id: Some("1000000000001".into()),
            channel_ids: vec!["shoes".into(), "books".into(), "toys".into()],
            channel_names: vec!["Acme Shoes".into(), "Acme Books".into(), "Acme Toys".into()],
        };
        let (dialog, command) =
            GroupDialog::start(group, "1000000000001".into(), ChannelKind::Messenger);
        let ticket = match command {
            Command::Login(LoginCommand::DeviceLogin { ticket, after, .. }) => {
                assert!(matches!(after, AfterLogin::RenewGroup));
                ticket
            }
            other => panic!("the login starts at once, not {other:?}"),
        };
        let open = Open {
            dialog,
            out: vec![],
        };
        let mut h = Harness::builder()
            .with_size([1000.0, 900.0])
            .build_ui_state(
                |ui, open: &mut Open| open.dialog.show(ui, Utc::now(), &mut open.out),
                open,
            );
        h.run_ok();
        (h, ticket)
    }

    fn event(h: &mut Harness<'static, Open>, event: LoginEvent) {
        h.state_mut().dialog.on_login(&event);
        h.run_ok();
    }

    fn shows(h: &Harness<'static, Open>, text: &str) -> bool {
        h.query_all_by_label_contains(text).next().is_some()
    }

    #[test]
    fn each_channel_of_the_group_shows_its_own_result() {
        let (mut h, ticket) = opened();
        assert!(shows(&h, "Renew 3 channels with one login"));
        assert!(
            h.query_by_label("Cancel").is_some(),
            "busy: Cancel, not Close"
        );
        event(&mut h, LoginEvent::Approved { ticket });
        assert!(shows(&h, "Logged in. Renewing the 3 channels…"));

        let refused = Failure {
            message: "Not saved".into(),
            reasons: vec![Reason::new(
                ReasonCode::WrongPage,
                "This login does not manage Acme Toys.",
            )],
            trouble: None,
        };
        let items = vec![
            GroupItem {
                name: "Acme Shoes".into(),
                result: Ok(Box::new(channel("shoes", "Acme Shoes"))),
            },
            GroupItem {
                name: "Acme Books".into(),
                result: Ok(Box::new(channel("books", "Acme Books"))),
            },
            GroupItem {
                name: "Acme Toys".into(),
                result: Err(refused),
            },
        ];
        event(
            &mut h,
            LoginEvent::GroupRenewed {
                ticket,
                result: Ok(items),
            },
        );
        assert!(shows(&h, "2 of 3 renewed"));
        assert!(h.query_by_label("Acme Shoes: renewed").is_some());
        assert!(h.query_by_label("Acme Books: renewed").is_some());
        assert!(
            shows(
                &h,
                "Acme Toys: not renewed. This login does not manage Acme Toys."
            ),
            "the refusal's own reason, not a generic message"
        );
        h.get_by_label("Close").click();
        h.run_ok();
        assert!(matches!(
            h.state().out.last(),
            Some(UiCommand::Login(LoginUi::CloseGroup))
        ));
    }

    #[test]
    fn another_logins_results_are_not_shown() {
        let (mut h, ticket) = opened();
        event(
            &mut h,
            LoginEvent::GroupRenewed {
                ticket: ticket + 1000,
                result: Ok(vec![GroupItem {
                    name: "Acme Shoes".into(),
                    result: Ok(Box::new(channel("shoes", "Acme Shoes"))),
                }]),
            },
        );
        assert!(!shows(&h, "renewed"));
        assert!(
            h.query_by_label("Cancel").is_some(),
            "still waiting for its login"
        );
    }

    #[test]
    fn a_failed_group_renewal_says_why_and_nothing_is_listed_as_renewed() {
        let (mut h, ticket) = opened();
        event(&mut h, LoginEvent::Approved { ticket });
        event(
            &mut h,
            LoginEvent::GroupRenewed {
                ticket,
                result: Err(Failure::new(
                    "Facebook could not be reached. Nothing was changed.",
                )),
            },
        );
        assert!(shows(
            &h,
            "Facebook could not be reached. Nothing was changed."
        ));
        assert!(!shows(&h, "renewed"));
        assert!(h.query_by_label("Close").is_some());
    }
}
