//! The walk-through for support staff: the renewal steps written for the selected channel's own
//! app and Page, each marked done, to do, or "first fix" with what blocks it, with the link to
//! open; "Copy the steps" puts the whole text on the clipboard to send to a customer. The text
//! holds no token, so it is copied as plain text.

use eframe::egui;
use egui::{RichText, Ui};

use crate::gui::intents::LoginUi;
use crate::gui::intents::UiCommand;
use crate::gui::theme;
use crate::gui::widgets::dialog::Dialog;
use crate::gui::widgets::unopened_link;
use crate::model::{Health, MetaApp};
use crate::service::ChannelView;
use crate::service::guide::{GuideStep, StepState, guide_for, guide_text};

pub fn show(ui: &mut Ui, view: &ChannelView, apps: &[MetaApp], out: &mut Vec<UiCommand>) {
    let channel = &view.channel;
    let app = channel
        .app_id
        .as_deref()
        .and_then(|id| apps.iter().find(|a| a.id == id));
    let steps = guide_for(channel, app, &view.diagnosis);
    let title = format!("How to renew \"{}\"", channel.name);
    let shell = Dialog::new("guide", title).dismiss("Close");
    let dialog = shell.show(ui, |d| {
        d.body(|ui| {
            ui.label(theme::weak(
                ui,
                "Step by step, for this channel's kind, app and account. Copy the steps to send \
                 them to the person who manages it; they hold no token.",
            ));
            ui.add_space(theme::GAP);
            for (i, s) in steps.iter().enumerate() {
                step(ui, i + 1, s, out);
            }
        });
        d.buttons(|ui| {
            if ui
                .button(RichText::new("Copy the steps").strong())
                .on_hover_text("Copies the steps as text; no token is in them")
                .clicked()
            {
                out.push(UiCommand::Login(LoginUi::CopyText(guide_text(
                    channel, &steps,
                ))));
            }
        });
    });
    if dialog.close {
        out.push(UiCommand::Login(LoginUi::CloseGuide));
    }
}

fn step(ui: &mut Ui, n: usize, s: &GuideStep, out: &mut Vec<UiCommand>) {
    theme::card(ui, |ui| {
        ui.horizontal(|ui| {
            let (health, words) = match &s.state {
                StepState::Done => (Health::Healthy, "Done"),
                StepState::ToDo => (Health::Unknown, "To do"),
                StepState::Blocked(_) => (Health::Broken, "First fix"),
            };
            // The painted mark (✔, ?, ✖) beside the words; the words are what is read aloud.
            let size = egui::Vec2::splat(theme::SMALL_ICON_SIZE);
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            theme::paint_status(ui, rect, health);
            ui.label(RichText::new(format!("{n}. {}", s.title)).strong());
            ui.label(
                RichText::new(words)
                    .strong()
                    .color(theme::health_color(ui.visuals(), health)),
            );
        });
        ui.add(egui::Label::new(&s.detail).wrap());
        if let StepState::Blocked(why) = &s.state {
            ui.add(egui::Label::new(RichText::new(format!("First fix: {why}.")).strong()).wrap());
        }
        if let Some(link) = &s.link
            && ui.button(format!("Open {}", link.label)).clicked()
        {
            out.push(UiCommand::OpenUrl(link.url.clone()));
        }
        if let Some(link) = &s.link {
            unopened_link::offer(ui, |u| u == link.url, out);
        }
    });
    ui.add_space(theme::TINY_GAP);
}
