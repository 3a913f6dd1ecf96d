//! The one dialog shell every dialog is drawn in: the modal hung from near the top of the
//! window, its title row (heading and the close button), its width, a body that scrolls only
//! when it is taller than the window leaves room for, and the button row kept in sight below
//! it, ending in the dismiss button (Cancel, Close, …) and the busy spinner. It reports a close
//! asked for by Escape, a click beside the dialog, the close button or the dismiss button; the
//! caller decides what closing means.

use eframe::egui;
use egui::{Rect, RichText, Sense, Stroke, Ui, Vec2};

use crate::gui::theme;

/// The accessible name (and tooltip) of the close button in every dialog's title row.
pub fn close_label() -> String {
    crate::words::t("dialog-close-label")
}

pub struct Dialog {
    key: &'static str,
    title: String,
    width: f32,
    /// Whether the close and dismiss buttons (and Escape) may close it now.
    closable: bool,
    dismiss: String,
    busy: Option<Option<String>>,
}

/// What a dialog gave back this frame.
pub struct DialogResponse<R> {
    pub inner: R,
    /// Escape, a click beside the dialog, its close or its dismiss button: the user wants it
    /// gone.
    pub close: bool,
}

/// The parts of an open dialog, drawn in order: the `body`, then the `buttons`.
pub struct DialogUi<'u> {
    ui: &'u mut Ui,
    key: &'static str,
    closable: bool,
    dismiss: String,
    busy: Option<Option<String>>,
    dismissed: bool,
}

impl Dialog {
    /// A dialog `key` (unique among dialogs) with `title` as its heading, `DIALOG_WIDTH` wide
    /// and a close button.
    pub fn new(key: &'static str, title: impl Into<String>) -> Self {
        Dialog {
            key,
            title: title.into(),
            width: theme::DIALOG_WIDTH,
            closable: true,
            dismiss: crate::words::t("dialog-cancel"),
            busy: None,
        }
    }

    /// The words of the button that ends the row and closes the dialog ("Cancel" unless set).
    pub fn dismiss(mut self, words: impl Into<String>) -> Self {
        self.dismiss = words.into();
        self
    }

    /// Something runs: a spinner (and `words`, if any) after the buttons.
    pub fn busy(mut self, busy: bool, words: Option<&str>) -> Self {
        self.busy = busy.then(|| words.map(str::to_string));
        self
    }

    pub fn width(mut self, width: f32) -> Self {
        self.width = width;
        self
    }

    /// The close button is greyed out and Escape does nothing (while something runs that must
    /// not be left).
    pub fn closable(mut self, enabled: bool) -> Self {
        self.closable = enabled;
        self
    }

    pub fn show<R>(
        self,
        ui: &mut Ui,
        add: impl FnOnce(&mut DialogUi<'_>) -> R,
    ) -> DialogResponse<R> {
        let Dialog {
            key,
            title,
            width,
            closable,
            dismiss,
            busy,
        } = self;
        let modal = theme::dialog(key).show(ui.ctx(), |ui| {
            ui.set_width(width);
            let clicked = title_row(ui, &title, closable);
            let mut parts = DialogUi {
                ui,
                key,
                closable,
                dismiss,
                busy,
                dismissed: false,
            };
            let inner = add(&mut parts);
            (inner, clicked || parts.dismissed)
        });
        theme::settle_dialog(ui.ctx(), key, modal.response.rect);
        let escaped = modal.should_close() && closable;
        let (inner, clicked) = modal.inner;
        DialogResponse {
            inner,
            close: clicked || escaped,
        }
    }
}

impl DialogUi<'_> {
    /// The dialog's contents. They scroll when taller than the room the window leaves under the
    /// title and above the buttons; a dialog opened again starts at the top.
    pub fn body<R>(&mut self, add: impl FnOnce(&mut Ui) -> R) -> R {
        let ctx = self.ui.ctx().clone();
        let buttons = ctx
            .data(|d| d.get_temp::<f32>(buttons_id(self.key)))
            .unwrap_or_else(|| first_guess_of_buttons(self.ui));
        // Under the body: the space after it, then the button row.
        let under = self.ui.spacing().item_spacing.y + buttons;
        let room =
            ctx.content_rect().bottom() - theme::DIALOG_BOTTOM - under - self.ui.cursor().top();
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt((self.key, "body"))
            .max_height(room.max(theme::DIALOG_MIN_BODY));
        if just_opened(&ctx, self.key) {
            // egui remembers where a scroll area was left; a dialog opened again starts afresh.
            scroll = scroll.vertical_scroll_offset(0.0);
        }
        scroll
            .show(self.ui, |ui| {
                // A scroll view to assistive technology, bounded by the part in sight: text
                // scrolled past its edge is hidden there, not cut.
                let seen = ui.clip_rect();
                ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
                    node.set_role(egui::accesskit::Role::ScrollView);
                    node.set_bounds(egui::accesskit::Rect {
                        x0: seen.min.x.into(),
                        y0: seen.min.y.into(),
                        x1: seen.max.x.into(),
                        y1: seen.max.y.into(),
                    });
                });
                let inner = add(ui);
                theme::follow_focus(ui);
                inner
            })
            .inner
    }

    /// The button row under a line, kept in sight below the body: `add`'s buttons, then the
    /// dismiss button and the busy spinner. It wraps when too narrow.
    pub fn buttons<R>(&mut self, add: impl FnOnce(&mut Ui) -> R) -> R {
        let top = self.ui.cursor().top();
        self.ui.add_space(theme::SMALL_GAP);
        self.ui.separator();
        let (closable, dismiss, busy) = (self.closable, self.dismiss.clone(), self.busy.clone());
        let (inner, dismissed) = self
            .ui
            .horizontal_wrapped(|ui| {
                let inner = add(ui);
                let dismissed = ui
                    .add_enabled(closable, egui::Button::new(dismiss))
                    .clicked();
                if let Some(words) = busy {
                    theme::spinner::spinner(ui);
                    if let Some(words) = words {
                        ui.label(words);
                    }
                }
                (inner, dismissed)
            })
            .inner;
        self.dismissed |= dismissed;
        let height =
            self.ui.min_rect().bottom() - top + self.ui.style().spacing.menu_margin.bottomf();
        self.ui
            .ctx()
            .data_mut(|d| d.insert_temp(buttons_id(self.key), height));
        inner
    }
}

fn buttons_id(key: &'static str) -> egui::Id {
    egui::Id::unique(("dialog-buttons", key))
}

/// The button row's height before it was ever drawn: a line, a row and the frame's margin
/// (a modal's frame is egui's popup frame, with the menu margin).
fn first_guess_of_buttons(ui: &Ui) -> f32 {
    let spacing = &ui.style().spacing;
    spacing.interact_size.y + 2.0 * spacing.item_spacing.y + spacing.menu_margin.bottomf()
}

/// True on the first frame a dialog is shown after it was closed: it was not drawn last frame.
fn just_opened(ctx: &egui::Context, key: &'static str) -> bool {
    let id = egui::Id::unique(("dialog-last-frame", key));
    let frame = ctx.cumulative_frame_nr();
    let last: Option<u64> = ctx.data_mut(|d| {
        let last = d.get_temp(id);
        d.insert_temp(id, frame);
        last
    });
    last.is_none_or(|l| l + 1 < frame)
}

/// The heading, wrapped beside the close button; whether that was clicked.
fn title_row(ui: &mut Ui, title: &str, enabled: bool) -> bool {
    let heading = egui::Label::new(RichText::new(title).heading()).wrap();
    ui.horizontal_top(|ui| {
        let side = ui.spacing().interact_size.y;
        ui.scope(|ui| {
            ui.set_max_width(ui.available_width() - side - ui.spacing().item_spacing.x);
            ui.add(heading);
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            close_button(ui, side, enabled)
        })
        .inner
    })
    .inner
}

/// A painted ✕ (no font needs the glyph), named `close_label()` for screen readers and tests.
fn close_button(ui: &mut Ui, side: f32, enabled: bool) -> bool {
    let sense = if enabled {
        Sense::click()
    } else {
        Sense::hover()
    };
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(side), sense);
    let label = close_label();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &label));
    let visuals = if enabled {
        *ui.style().interact(&response)
    } else {
        ui.visuals().widgets.noninteractive
    };
    if response.hovered() || response.has_focus() {
        ui.painter()
            .rect_filled(rect, visuals.corner_radius, visuals.weak_bg_fill);
    }
    let cross = Rect::from_center_size(rect.center(), Vec2::splat(side * theme::CLOSE_CROSS_SHARE));
    let stroke = Stroke::new(
        visuals.fg_stroke.width.max(theme::CLOSE_CROSS_STROKE),
        visuals.fg_stroke.color,
    );
    let painter = ui.painter();
    painter.line_segment([cross.left_top(), cross.right_bottom()], stroke);
    painter.line_segment([cross.right_top(), cross.left_bottom()], stroke);
    response.on_hover_text(label).clicked()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCREEN: Vec2 = Vec2::new(800.0, 500.0);

    /// Draws a dialog with `lines` lines of text for some frames; the last frame's answer and
    /// the dialog's place on the screen.
    fn run(closable: bool, lines: usize, escape_on_last: bool) -> (bool, Rect) {
        let ctx = egui::Context::default();
        let mut close = false;
        for frame in 0..4 {
            let mut input = egui::RawInput {
                screen_rect: Some(Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
                ..Default::default()
            };
            if escape_on_last && frame == 3 {
                input.events.push(egui::Event::Key {
                    key: egui::Key::Escape,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers: egui::Modifiers::NONE,
                });
            }
            let mut output = ctx.run_ui(input, |ui| {
                let shown = Dialog::new("test", "A dialog")
                    .closable(closable)
                    .show(ui, |d| {
                        d.body(|ui| {
                            for i in 0..lines {
                                ui.label(format!("line {i}"));
                            }
                        });
                        d.buttons(|_| ())
                    });
                close = shown.close;
            });
            // No renderer here: the font atlas is not uploaded anywhere.
            output.textures_delta.clear();
        }
        let rect = ctx.data(|d| d.get_temp::<Rect>(egui::Id::unique(("dialog-rect", "test"))));
        (close, rect.unwrap_or(Rect::NOTHING))
    }

    #[test]
    fn escape_asks_to_close_unless_something_runs() {
        assert!(run(true, 3, true).0);
        assert!(!run(true, 3, false).0, "nothing asked");
        assert!(!run(false, 3, true).0, "Escape while busy is ignored");
    }

    #[test]
    fn a_tall_dialog_scrolls_inside_the_window_and_keeps_its_buttons_in_sight() {
        let (_, rect) = run(true, 200, false);
        assert!(rect.top() >= theme::DIALOG_TOP - 1.0, "{rect:?}");
        // It uses the window's height before it scrolls, and no more (the frame's line aside).
        let below = SCREEN.y - rect.bottom();
        assert!((below - theme::DIALOG_BOTTOM).abs() <= 2.0, "{rect:?}");
        let (_, short) = run(true, 3, false);
        assert!(
            short.height() < rect.height() / 2.0,
            "a short dialog stays short"
        );
    }
}
