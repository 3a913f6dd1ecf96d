//! The first-run checklist on an empty profile: your Meta app (what it is, where its id and
//! secret are, with the link), add a channel, check. Each step ticks itself from what is saved;
//! each has the button that does it.

use eframe::egui;
use egui::{RichText, Ui};

use crate::graph::links;
use crate::gui::data::first_run::Steps;
use crate::gui::intents::{Page, UiCommand};
use crate::gui::theme;
use crate::gui::widgets::unopened_link;
use crate::model::Health;
use crate::words::t;

pub fn show(ui: &mut Ui, steps: Steps, can_act: bool, out: &mut Vec<UiCommand>) {
    theme::card(ui, |ui| {
        ui.label(
            RichText::new(t("first-run-title"))
                .size(theme::EMPTY_TITLE_SIZE)
                .strong(),
        );
        ui.add(egui::Label::new(t("first-run-intro")).wrap());
        ui.add_space(theme::GAP);

        step(ui, steps.app, "first-run-app-title", "first-run-app-what");
        let portal = links::app_list();
        ui.horizontal_wrapped(|ui| {
            ui.add_space(theme::STEP_INDENT);
            if ui.button(t("first-run-app-open")).clicked() {
                out.push(UiCommand::OpenUrl(portal.url.clone()));
            }
            if ui.button(t("first-run-app-add")).clicked() {
                out.push(UiCommand::ShowPage(Page::Apps));
            }
        });
        unopened_link::offer(ui, |u| u == portal.url, out);
        ui.add_space(theme::GAP);

        step(
            ui,
            steps.channel,
            "first-run-channel-title",
            "first-run-channel-what",
        );
        ui.horizontal(|ui| {
            ui.add_space(theme::STEP_INDENT);
            let add = egui::Button::new(t("first-run-channel-add"));
            if ui.add_enabled(can_act, add).clicked() {
                out.push(UiCommand::OpenAdd);
            }
        });
        ui.add_space(theme::GAP);

        step(
            ui,
            steps.checked,
            "first-run-check-title",
            "first-run-check-what",
        );
        ui.horizontal(|ui| {
            ui.add_space(theme::STEP_INDENT);
            let check = egui::Button::new(t("first-run-check-now"));
            if ui.add_enabled(can_act && steps.channel, check).clicked() {
                out.push(UiCommand::CheckAll);
            }
        });

        if steps.all_done() {
            ui.add_space(theme::GAP);
            theme::callout(ui, theme::Tone::Success, |ui| {
                ui.add(egui::Label::new(t("first-run-all-set")).wrap());
                if ui.button(t("first-run-hide")).clicked() {
                    out.push(UiCommand::HideFirstRun);
                }
            });
        }
    });
    ui.add_space(theme::GAP);
}

/// A step's tick (painted, with its words for screen readers), title and explanation.
fn step(ui: &mut Ui, done: bool, title: &str, what: &str) {
    ui.horizontal(|ui| {
        let size = egui::Vec2::splat(theme::SMALL_ICON_SIZE);
        let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
        let health = if done {
            Health::Healthy
        } else {
            Health::Unknown
        };
        theme::paint_status(ui, rect, health);
        ui.label(RichText::new(t(title)).strong());
        let state = if done {
            "first-run-done"
        } else {
            "first-run-to-do"
        };
        ui.label(
            RichText::new(t(state))
                .strong()
                .color(theme::health_color(ui.visuals(), health)),
        );
    });
    ui.horizontal(|ui| {
        ui.add_space(theme::STEP_INDENT);
        ui.add(egui::Label::new(t(what)).wrap());
    });
}
