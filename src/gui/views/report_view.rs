//! A support report opened read-only: the same list and details as the user's own channels,
//! under a banner that says whose report it is and when it was made, with countdowns
//! recomputed to today. Nothing here can check, renew, copy or roll back: there are no tokens.

use chrono::{DateTime, Utc};
use eframe::egui;
use egui::{RichText, Ui};

use crate::gui::data::table::{ChannelTable, Filter};
use crate::gui::intents::UiCommand;
use crate::gui::intents::{DesktopAction, desktop as act};
use crate::gui::theme;
use crate::gui::views::details::{self, DetailsInput};
use crate::gui::views::list::{self, ListInput};
use crate::model::{MetaApp, Thresholds};
use crate::service::ChannelView;
use crate::service::report_file::SupportReport;
use crate::words::t;

pub struct OpenReport {
    pub made_by: String,
    pub made_at: DateTime<Utc>,
    pub table: ChannelTable,
    pub apps: Vec<MetaApp>,
    pub selected: Option<String>,
    pub filter: Filter,
}

impl OpenReport {
    /// The report's channels classified at `now`: countdowns move on after the report was made.
    pub fn new(report: SupportReport, now: DateTime<Utc>, th: &Thresholds) -> Self {
        let mut table = ChannelTable::default();
        table.replace(report.channels, now, th);
        let apps = report
            .apps
            .into_iter()
            .map(|a| MetaApp {
                id: a.id,
                name: a.name,
                client_token: None,
                has_secret: a.has_secret,
            })
            .collect();
        OpenReport {
            made_by: report.made_by,
            made_at: report.made_at,
            table,
            apps,
            selected: None,
            filter: Filter::default(),
        }
    }

    /// Whose report, made when (in this computer's zone).
    pub fn banner(&self) -> String {
        crate::words::t_args(
            "report-banner",
            &[
                ("by", self.made_by.as_str().into()),
                ("made", crate::words::time::at(self.made_at).into()),
            ],
        )
    }
}

pub fn show(ui: &mut Ui, report: &mut OpenReport, now: DateTime<Utc>, out: &mut Vec<UiCommand>) {
    egui::Panel::top("report-top-bar")
        .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(theme::TOP_BAR_MARGIN))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new("Tokenwarden")
                        .strong()
                        .size(theme::BRAND_SIZE),
                );
                ui.add_space(theme::WIDE_GAP);
                ui.label(t("report-title"));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button(t("report-close")).clicked() {
                        out.push(act(DesktopAction::CloseReport));
                    }
                });
            });
        });
    egui::Panel::top("report-banner")
        .show_separator_line(false)
        .show(ui, |ui| {
            ui.add_space(theme::SMALL_GAP);
            theme::callout(ui, theme::Tone::Info, |ui| {
                ui.add(egui::Label::new(RichText::new(report.banner()).strong()).wrap());
                ui.add(egui::Label::new(t("report-read-only")).wrap());
            });
            ui.add_space(theme::SMALL_GAP);
        });
    let selected = report
        .selected
        .as_deref()
        .and_then(|id| report.table.get(id));
    if let Some(view) = selected {
        egui::Panel::right("report-details")
            .default_size(theme::DETAILS_WIDTH)
            .min_size(theme::DETAILS_MIN_WIDTH)
            .resizable(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("report-details-scroll")
                    .show(ui, |ui| read_only_details(ui, view, &report.apps, now));
            });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        let input = ListInput {
            selected: report.selected.as_deref(),
            now,
            can_add: false,
        };
        let mut asked = Vec::new();
        list::show(
            ui,
            &mut report.table,
            &mut report.filter,
            &input,
            &mut asked,
        );
        for command in asked {
            if let UiCommand::Select(id) = command {
                out.push(act(DesktopAction::SelectInReport(id)));
            }
        }
    });
}

/// The details panel without a single action: the words, the token's fingerprints and facts.
fn read_only_details(ui: &mut Ui, view: &ChannelView, apps: &[MetaApp], now: DateTime<Utc>) {
    let channel = &view.channel;
    crate::gui::views::details::header(ui, view, now);
    crate::gui::views::details::diagnosis_callout(ui, view, now);
    theme::section_title(ui, &t("report-token"));
    theme::card(ui, |ui| {
        ui.label(details::token_line("details-current-token", &channel.token));
        if let Some(prev) = &channel.previous_token {
            ui.label(details::token_line("details-previous-token", prev));
        }
    });
    let input = DetailsInput {
        view,
        apps,
        now,
        checking: false,
        checking_all: false,
        rolling_back: false,
        previous: None,
        can_act: false,
        copied_for: None,
        desktop: None,
    };
    details::token_facts(ui, &input);
    details::readiness(ui, &input);
    details::technical::technical(ui, &input);
}
