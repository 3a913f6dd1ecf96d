//! Small widgets more than one screen uses.

pub mod dialog;
pub mod secret_field;
pub mod token_box;
pub mod unopened_link;

use eframe::egui;

/// Enter was pressed in a text field (it lost the focus to the key): its form is submitted.
pub fn entered(ui: &egui::Ui, field: &egui::Response) -> bool {
    field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}
