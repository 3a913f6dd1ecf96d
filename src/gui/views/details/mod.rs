//! The details of the selected channel: the diagnosis in plain words with ONE primary button for
//! its remedy, the facts Meta's Access Token Debugger shows, messaging readiness, the token's
//! history with "Roll back", portal links, and (collapsed) the raw error codes for support.

pub mod history;
pub mod technical;

use chrono::{DateTime, Utc};
use eframe::egui;
use egui::{RichText, Ui};

use crate::graph::links;
use crate::gui::data::facts;
use crate::gui::intents::UiCommand;
use crate::gui::theme;
use crate::gui::widgets::unopened_link;
use crate::model::status;
use crate::model::{CheckMethod, Health, MetaApp, Remedy};
use crate::service::ChannelView;
use crate::words::reasons::{health as health_label, kind as kind_label, sentence};
use crate::words::{t, t_args};
use technical::technical;

pub struct DetailsInput<'a> {
    pub view: &'a ChannelView,
    pub apps: &'a [MetaApp],
    pub now: DateTime<Utc>,
    /// This channel is being checked now.
    pub checking: bool,
    /// A check of all channels runs.
    pub checking_all: bool,
    pub rolling_back: bool,
    /// The previous token's last known health (`None` without one, or in a report).
    pub previous: Option<crate::gui::views::rollback::PreviousHealth>,
    /// The secret store is open: checks and renewals are possible.
    pub can_act: bool,
    /// Seconds until the copied token is cleared, when this channel's token is on the clipboard.
    pub copied_for: Option<u64>,
    /// Snoozes and the history; `None` in a read-only report.
    pub desktop: Option<&'a crate::gui::data::desktop::DesktopState>,
}

/// The channel's icon, name, kind and Page, and its health in words; shared with the
/// read-only report view.
pub(super) fn header(ui: &mut Ui, view: &ChannelView, now: DateTime<Utc>) {
    let channel = &view.channel;
    let health = view.diagnosis.health;
    ui.horizontal(|ui| {
        theme::status_icon(ui, health, theme::LARGE_ICON_SIZE);
        ui.heading(&channel.name);
    });
    let page = match (&channel.page_name, &channel.page_id) {
        (Some(n), Some(id)) => format!(" · {n} ({id})"),
        (None, Some(id)) => format!(" · {id}"),
        _ => String::new(),
    };
    ui.label(theme::weak(
        ui,
        format!("{}{page}", kind_label(channel.kind)),
    ));
    ui.label(
        RichText::new(health_label(health))
            .strong()
            .color(theme::health_color(ui.visuals(), health)),
    );
    // The health above is the last known one; say plainly when it could not be confirmed.
    if health != Health::Broken
        && let Some(f) = &channel.last_failure
    {
        ui.label(
            RichText::new(t_args(
                "details-last-check-failed",
                &[("when", crate::words::time::relative(f.at, now).into())],
            ))
            .color(theme::health_color(ui.visuals(), Health::NeedsAttention)),
        );
    }
    ui.add_space(theme::GAP);
}

/// The diagnosis in words, coloured by health; shared with the read-only report view.
pub(super) fn diagnosis_callout(ui: &mut Ui, view: &ChannelView, now: DateTime<Utc>) {
    let check_failed = view.channel.last_failure.is_some();
    let tone = match view.diagnosis.health {
        Health::Healthy if check_failed => theme::Tone::Warning,
        Health::Healthy => theme::Tone::Success,
        Health::NeedsAttention => theme::Tone::Warning,
        Health::Broken => theme::Tone::Error,
        Health::Unknown => theme::Tone::Info,
    };
    theme::callout(ui, tone, |ui| match status::headline(&view.diagnosis) {
        None => {
            ui.label(t("details-works"));
        }
        Some(main) => {
            ui.add(egui::Label::new(RichText::new(sentence(main, now)).strong()).wrap());
            for r in view.diagnosis.reasons.iter().filter(|r| *r != main) {
                ui.add(egui::Label::new(format!("• {}", sentence(r, now))).wrap());
            }
        }
    });
}

pub fn show(ui: &mut Ui, input: &DetailsInput<'_>, out: &mut Vec<UiCommand>) {
    let view = input.view;
    let channel = &view.channel;
    header(ui, view, input.now);

    diagnosis(ui, input, out);
    if let Some(d) = input.desktop {
        crate::gui::views::reminders::snooze_row(ui, d, &channel.id, input.now, input.can_act, out);
    }
    ui.add_space(theme::SECTION_GAP);
    // The history is short and holds "Roll back", so it comes before the long lists of facts.
    history(ui, input, out);
    if let Some(d) = input.desktop {
        crate::gui::views::details::history::show(ui, d, &channel.id);
    }
    token_facts(ui, input);
    readiness(ui, input);
    portal(ui, input, out);
    technical(ui, input);
}

fn diagnosis(ui: &mut Ui, input: &DetailsInput<'_>, out: &mut Vec<UiCommand>) {
    let view = input.view;
    let id = &view.channel.id;
    diagnosis_callout(ui, view, input.now);
    ui.add_space(theme::GAP);
    let busy = input.checking || input.checking_all;
    let main = view.diagnosis.main_reason();
    // The remedy's button comes first and is the only emphasised one.
    let primary_checks = main.is_some_and(|r| {
        matches!(
            r.remedy,
            Remedy::WaitRetry | Remedy::CheckConnection | Remedy::None
        )
    });
    let primary_renews = main.is_some_and(|r| {
        matches!(
            r.remedy,
            Remedy::Renew | Remedy::Relogin | Remedy::GrantPermission
        )
    });
    ui.horizontal_wrapped(|ui| {
        if let Some(reason) = main {
            let words = match reason.remedy {
                Remedy::SubscribeWebhook => t("details-subscribe-webhook"),
                other => crate::words::reasons::remedy(other),
            };
            let primary = theme::primary(ui, &words);
            // Opening a portal page needs no secret; checking and renewing do.
            let only_opens_a_page = matches!(
                reason.remedy,
                Remedy::ClearCheckpoint | Remedy::RestorePageRole
            );
            let enabled = (only_opens_a_page || input.can_act) && !busy;
            if ui.add_enabled(enabled, primary).clicked() {
                out.push(UiCommand::Remedy {
                    channel: id.clone(),
                    remedy: reason.remedy,
                    reason: reason.code,
                });
            }
        }
        if !primary_checks
            && ui
                .add_enabled(
                    input.can_act && !busy,
                    egui::Button::new(t("remedy-check-now")),
                )
                .clicked()
        {
            out.push(UiCommand::CheckOne(id.clone()));
        }
        if !primary_renews
            && ui
                .add_enabled(input.can_act, egui::Button::new(t("details-renew")))
                .clicked()
        {
            out.push(UiCommand::OpenRenew(id.clone()));
        }
        if input.checking {
            crate::gui::theme::spinner::spinner(ui);
            ui.label(t("details-checking"));
        }
    });
    ui.horizontal(|ui| {
        if ui
            .add_enabled(input.can_act, egui::Button::new(t("details-copy-token")))
            .on_hover_text(t("details-copy-token-hover"))
            .clicked()
        {
            out.push(UiCommand::CopyToken(id.clone()));
        }
        if ui
            .button(t("details-guide"))
            .on_hover_text(t("details-guide-hover"))
            .clicked()
        {
            let guide = crate::gui::intents::LoginUi::OpenGuide(id.clone());
            out.push(UiCommand::Login(guide));
        }
        if let Some(secs) = input.copied_for {
            ui.label(t_args("details-copied", &[("seconds", secs.into())]));
        }
    });
    ui.horizontal(|ui| {
        use crate::gui::intents::LifecycleUi;
        if ui
            .add_enabled(input.can_act, egui::Button::new(t("details-rename")))
            .on_hover_text(t("details-rename-hover"))
            .clicked()
        {
            out.push(UiCommand::Lifecycle(LifecycleUi::AskRenameChannel(
                id.clone(),
            )));
        }
        if ui
            .add_enabled(
                input.can_act && !busy,
                egui::Button::new(t("details-remove")),
            )
            .on_hover_text(t("details-remove-hover"))
            .clicked()
        {
            out.push(UiCommand::Lifecycle(LifecycleUi::AskRemoveChannel(
                id.clone(),
            )));
        }
    });
}

pub(super) fn token_facts(ui: &mut Ui, input: &DetailsInput<'_>) {
    let channel = &input.view.channel;
    theme::section_title(ui, &t("details-token-facts"));
    theme::card(ui, |ui| {
        let Some(report) = channel.last_report.as_ref() else {
            ui.label(theme::weak(ui, t("details-not-checked-yet")));
            return;
        };
        let method = report
            .check_method
            .map_or_else(|| t("unknown"), crate::words::reasons::check_method);
        let checked = crate::words::time::when(report.checked_at, input.now);
        let method = t_args("details-checked-with", &[("method", method.into())]);
        ui.add(egui::Label::new(theme::weak(ui, method)).wrap());
        let checked = t_args("details-checked-at", &[("when", checked.into())]);
        ui.add(egui::Label::new(theme::weak(ui, checked)).wrap());
        if report.check_method == Some(CheckMethod::SelfProbe) {
            ui.add(egui::Label::new(theme::weak(ui, t("details-self-check"))).wrap());
        }
        ui.add_space(theme::SMALL_GAP);
        let mut rows = facts::debugger_facts(report, input.now);
        if let Some(app) = report
            .app_id
            .as_ref()
            .and_then(|id| input.apps.iter().find(|a| &a.id == id))
            && let Some(f) = rows.iter_mut().find(|f| f.key == facts::FactKey::App)
            && report.application.is_none()
        {
            f.value = format!("{} ({})", app.name, app.id);
        }
        facts::grid(ui, "details-facts", &rows);
        if let Some(lines) = facts::granular_lines(report) {
            ui.add_space(theme::SMALL_GAP);
            ui.add(egui::Label::new(theme::weak(ui, t("details-granular"))).wrap());
            for l in lines {
                ui.label(RichText::new(l).monospace());
            }
        }
    });
}

pub(super) fn readiness(ui: &mut Ui, input: &DetailsInput<'_>) {
    let channel = &input.view.channel;
    let report = channel.last_report.as_deref();
    theme::section_title(ui, &t("details-ready"));
    theme::card(ui, |ui| {
        ui.label(theme::weak(ui, t("details-permissions-needed")));
        for (p, ok) in facts::required_permissions(report, channel.kind, channel.page_id.as_deref())
        {
            ui.horizontal(|ui| {
                theme::requirement_mark(ui, ok);
                ui.label(p);
            });
        }
        if channel.kind.needs_webhook() {
            ui.add_space(theme::SMALL_GAP);
            ui.label(theme::weak(ui, t("details-webhook-fields")));
            let webhook = report.and_then(|r| r.webhook.as_ref());
            for field in channel.kind.required_webhook_fields() {
                let ok = webhook.map(|w| w.app_subscribed && w.fields.iter().any(|f| f == field));
                ui.horizontal(|ui| {
                    theme::requirement_mark(ui, ok);
                    ui.label(*field);
                });
            }
        }
        ui.label(theme::weak(
            ui,
            t_args(
                "details-webhook",
                &[("state", facts::webhook_summary(report, channel.kind).into())],
            ),
        ));
    });
}

fn history(ui: &mut Ui, input: &DetailsInput<'_>, out: &mut Vec<UiCommand>) {
    let channel = &input.view.channel;
    theme::section_title(ui, &t("details-token-history"));
    theme::card(ui, |ui| {
        ui.label(token_line("details-current-token", &channel.token));
        match &channel.previous_token {
            Some(prev) => {
                ui.label(token_line("details-previous-token", prev));
                let dead = input.previous.as_ref().is_some_and(|p| p.dead.is_some());
                if let Some(p) = &input.previous {
                    ui.add(egui::Label::new(theme::weak(ui, p.summary.as_str())).wrap());
                }
                ui.horizontal(|ui| {
                    let enabled = input.can_act && !input.rolling_back && !dead;
                    let hover = t(if dead {
                        "details-rollback-dead"
                    } else {
                        "details-rollback-hover"
                    });
                    if ui
                        .add_enabled(enabled, egui::Button::new(t("details-rollback")))
                        .on_hover_text(&hover)
                        .on_disabled_hover_text(&hover)
                        .clicked()
                    {
                        out.push(UiCommand::Rollback(crate::gui::intents::RollbackUi::Ask(
                            channel.id.clone(),
                        )));
                    }
                    if input.rolling_back {
                        crate::gui::theme::spinner::spinner(ui);
                    }
                });
            }
            None => {
                ui.label(theme::weak(ui, t("details-no-previous")));
            }
        }
        ui.add(egui::Label::new(theme::weak(ui, t("details-fingerprints"))).wrap());
    });
}

fn portal(ui: &mut Ui, input: &DetailsInput<'_>, out: &mut Vec<UiCommand>) {
    let channel = &input.view.channel;
    let app_id = channel
        .app_id
        .clone()
        .or_else(|| channel.last_report.as_ref()?.app_id.clone());
    let mut links = vec![links::token_debugger()];
    if let Some(app) = &app_id {
        links.push(links::app_dashboard(app));
        links.push(links::channel_settings(channel.kind, app));
    }
    if let Some(page) = &channel.page_id
        && channel.kind != crate::model::ChannelKind::Whatsapp
    {
        links.push(links::page_settings(page));
    }
    if let Some(help) = input
        .view
        .diagnosis
        .main_reason()
        .and_then(|r| links::help_for(r.code))
    {
        links.push(help);
    }
    theme::section_title(ui, &t("details-open-in-browser"));
    let urls: Vec<String> = links.iter().map(|l| l.url.clone()).collect();
    ui.horizontal_wrapped(|ui| {
        for link in links {
            if ui.button(crate::words::guide::link_label(&link)).clicked() {
                out.push(UiCommand::OpenUrl(link.url));
            }
        }
    });
    unopened_link::offer(ui, |u| urls.iter().any(|l| l == u), out);
}

/// "Current token: sha256:… (saved 2026-11-20 09:00 UTC-03:00)", in this computer's zone.
pub(super) fn token_line(id: &str, token: &crate::model::StoredToken) -> String {
    t_args(
        id,
        &[
            ("fingerprint", token.fingerprint.as_str().into()),
            ("saved", crate::words::time::at(token.saved_at).into()),
        ],
    )
}
