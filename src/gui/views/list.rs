//! The channel list: a summary line, filters by status and kind, a search by name, and one row
//! per channel (status icon, name, kind, main reason, expiry countdown, last check). Only the
//! rows in view are built, so ten thousand channels scroll as smoothly as ten.

use chrono::{DateTime, Utc};
use eframe::egui;
use egui::accesskit::Role;
use egui::text::{LayoutJob, TextWrapping};
use egui::{
    Align2, FontId, Id, Rect, RichText, Sense, TextFormat, Ui, UiBuilder, WidgetInfo, pos2, vec2,
};

use crate::gui::data::table::{ChannelTable, Filter};
use crate::gui::intents::UiCommand;
use crate::gui::theme;
use crate::model::{ChannelKind, Health};
use crate::service::ChannelView;
use crate::words::reasons::{health as health_label, kind as kind_label};
use crate::words::{t, t_args};

/// Everything the list shows besides the table itself.
pub struct ListInput<'a> {
    pub selected: Option<&'a str>,
    pub now: DateTime<Utc>,
    /// The secret store is open, so channels can be added.
    pub can_add: bool,
}

pub fn show(
    ui: &mut Ui,
    table: &mut ChannelTable,
    filter: &mut Filter,
    input: &ListInput<'_>,
    out: &mut Vec<UiCommand>,
) {
    toolbar(ui, table, filter);
    ui.add_space(theme::TINY_GAP);
    ui.label(RichText::new(table.summary()).strong())
        .on_hover_text(t("list-summary-hover"));
    ui.separator();

    if table.is_empty() {
        empty_state(ui, input.can_add, out);
        return;
    }
    let rows = table.visible(filter).to_vec();
    if rows.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.label(theme::weak(ui, t("list-no-match")));
        if ui.button(t("list-show-all")).clicked() {
            *filter = Filter::default();
        }
        return;
    }
    let mut scroll = egui::ScrollArea::vertical();
    if let Some(index) = arrow_move(ui, table, &rows, input.selected)
        && let Some(view) = table.at(rows[index])
    {
        out.push(UiCommand::Select(view.channel.id.clone()));
        // Keep the newly selected row in view, scrolling as little as possible.
        let step = theme::ROW_HEIGHT + ui.spacing().item_spacing.y;
        let (top, bottom) = (index as f32 * step, index as f32 * step + theme::ROW_HEIGHT);
        let id = ui.make_persistent_id("channel-rows");
        let offset =
            egui::scroll_area::State::load(ui.ctx(), id).map_or(0.0, |s| s.clamped_offset().y);
        let height = ui.available_height();
        if top < offset {
            scroll = scroll.vertical_scroll_offset(top);
        } else if bottom > offset + height {
            scroll = scroll.vertical_scroll_offset(bottom - height);
        }
    }
    scroll
        .id_salt("channel-rows")
        .auto_shrink([false, false])
        .show_rows(ui, theme::ROW_HEIGHT, rows.len(), |ui, range| {
            for &position in &rows[range] {
                if let Some(view) = table.at(position) {
                    row(ui, view, input, out);
                }
            }
        });
}

/// The search field, which Ctrl+F (⌘F) focuses.
fn search_id() -> Id {
    Id::unique("channel-search")
}

/// Two fixed rows (search and kind; the status filters), so the list starts at the same height
/// whether the details pane is open or not: opening it never moves the row under the pointer.
fn toolbar(ui: &mut Ui, table: &ChannelTable, filter: &mut Filter) {
    ui.horizontal(|ui| {
        let label = ui.label(t("list-search"));
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut filter.search)
                    .id(search_id())
                    .hint_text(t("list-search-hint"))
                    .desired_width(theme::SEARCH_WIDTH),
            )
            .labelled_by(label.id)
            .on_hover_text("Ctrl+F");
        let find = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::F);
        let modal = ui.memory(|m| m.top_modal_layer().is_some());
        if !modal && ui.input_mut(|i| i.consume_shortcut(&find)) {
            search.request_focus();
        }

        ui.add_space(theme::GAP);
        let label = ui.label(t("list-kind"));
        egui::ComboBox::from_id_salt("kind-filter")
            .selected_text(filter.kind.map_or_else(|| t("list-all-kinds"), kind_label))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.kind, None, t("list-all-kinds"));
                for k in ChannelKind::ALL {
                    ui.selectable_value(&mut filter.kind, Some(k), kind_label(k));
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let all = ui.selectable_label(
            filter.health.is_none(),
            t_args("list-all", &[("count", table.len().into())]),
        );
        if all.clicked() {
            filter.health = None;
        }
        for h in Health::ALL {
            let n = table.count(h);
            let text = format!("{} ({n})", t(filter_words(h)));
            if ui
                .selectable_label(filter.health == Some(h), text)
                .on_hover_text(t(filter_hover(h)))
                .clicked()
            {
                filter.health = if filter.health == Some(h) {
                    None
                } else {
                    Some(h)
                };
            }
        }
    });
}

/// Up and down arrows move the selection through the listed rows (the details follow) while
/// no text field or dialog has the keyboard; returns the newly selected row's position.
fn arrow_move(
    ui: &Ui,
    table: &ChannelTable,
    rows: &[usize],
    selected: Option<&str>,
) -> Option<usize> {
    let busy = ui.ctx().text_edit_focused() || ui.memory(|m| m.top_modal_layer().is_some());
    if busy {
        return None;
    }
    let (down, up) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::ArrowDown),
            i.key_pressed(egui::Key::ArrowUp),
        )
    });
    if !down && !up {
        return None;
    }
    let current = selected.and_then(|id| {
        rows.iter()
            .position(|&p| table.at(p).is_some_and(|v| v.channel.id == id))
    });
    let last = rows.len().checked_sub(1)?;
    Some(match (current, down) {
        (None, true) => 0,
        (None, false) => last,
        (Some(i), true) => (i + 1).min(last),
        (Some(i), false) => i.saturating_sub(1),
    })
}

fn empty_state(ui: &mut Ui, can_add: bool, out: &mut Vec<UiCommand>) {
    ui.add_space(theme::EMPTY_STATE_GAP);
    ui.vertical_centered(|ui| {
        ui.label(
            RichText::new(t("list-empty-title"))
                .size(theme::EMPTY_TITLE_SIZE)
                .strong(),
        );
        ui.add(egui::Label::new(t("list-empty-text")).wrap());
        ui.add_space(theme::GAP);
        if ui
            .add_enabled(can_add, egui::Button::new(t("list-empty-add")))
            .clicked()
        {
            out.push(UiCommand::OpenAdd);
        }
    });
}

/// The texts of one row, computed for the frame's clock.
pub struct RowText {
    pub reason: String,
    pub expiry: String,
    pub checked: String,
}

pub fn row_text(view: &ChannelView, now: DateTime<Utc>) -> RowText {
    use crate::words::reasons;
    let reason = match crate::model::status::headline(&view.diagnosis) {
        Some(r) => reasons::sentence(r, now),
        None => t("list-working"),
    };
    RowText {
        reason,
        expiry: reasons::expiry_or_problem(&view.channel, &view.diagnosis, now),
        checked: checked_words(&view.channel, now),
    }
}

/// "checked 3 hours ago", "check failed just now", "never checked".
pub fn checked_words(channel: &crate::model::Channel, now: DateTime<Utc>) -> String {
    let relative = |at| crate::words::time::relative(at, now);
    let checked_at = channel.last_report.as_ref().and_then(|r| r.checked_at);
    match (&channel.last_failure, checked_at) {
        (Some(f), _) => t_args("list-check-failed", &[("when", relative(f.at).into())]),
        (None, Some(at)) => t_args("list-checked", &[("when", relative(at).into())]),
        (None, None) => t("list-never-checked"),
    }
}

/// A status filter's words: the health's name, shortened where a language needs the room.
fn filter_words(h: Health) -> &'static str {
    match h {
        Health::Broken => "list-chip-broken",
        Health::NeedsAttention => "list-chip-attention",
        Health::Unknown => "list-chip-unknown",
        Health::Healthy => "list-chip-healthy",
    }
}

/// The hover text of a status filter.
fn filter_hover(h: Health) -> &'static str {
    match h {
        Health::Broken => "list-filter-broken",
        Health::NeedsAttention => "list-filter-attention",
        Health::Unknown => "list-filter-unknown",
        Health::Healthy => "list-filter-healthy",
    }
}

fn row(ui: &mut Ui, view: &ChannelView, input: &ListInput<'_>, out: &mut Vec<UiCommand>) {
    let channel = &view.channel;
    let health = view.diagnosis.health;
    let selected = input.selected == Some(channel.id.as_str());
    let (rect, _) = ui.allocate_exact_size(
        vec2(ui.available_width(), theme::ROW_HEIGHT),
        Sense::hover(),
    );
    let id = Id::unique(("channel-row", &channel.id));
    let response = ui.interact(rect, id, Sense::click());
    let text = row_text(view, input.now);
    let name = channel.name.clone();
    response.widget_info(|| WidgetInfo::selected(Role::ListItem, true, selected, &name));
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_description(format!(
            "{}. {} {}, {}.",
            health_label(health),
            text.reason,
            text.expiry,
            text.checked
        ));
    });
    if response.clicked() {
        out.push(UiCommand::Select(channel.id.clone()));
    }

    let visuals = ui.visuals().clone();
    if selected {
        ui.painter().rect_filled(
            rect,
            theme::ROW_CORNER,
            visuals
                .selection
                .bg_fill
                .gamma_multiply(theme::SELECTED_ROW_ALPHA),
        );
    } else if response.hovered() || response.has_focus() {
        ui.painter().rect_filled(
            rect,
            theme::ROW_CORNER,
            visuals.widgets.hovered.weak_bg_fill,
        );
    }
    if response.has_focus() {
        ui.painter().rect_stroke(
            rect.shrink(1.0),
            theme::ROW_CORNER,
            visuals.selection.stroke,
            egui::StrokeKind::Inside,
        );
    }

    // The icon is a child of the row for screen readers: "Acme Travel, Broken".
    let inner = rect.shrink2(theme::ROW_PADDING);
    let mut cell = ui.new_child(
        UiBuilder::new()
            .max_rect(Rect::from_min_size(
                pos2(inner.left(), inner.center().y - theme::ICON_SIZE / 2.0),
                vec2(theme::ICON_SIZE, theme::ICON_SIZE),
            ))
            .accessibility_parent(id),
    );
    theme::status_icon(&mut cell, health, theme::ICON_SIZE);

    let text_left = inner.left() + theme::ICON_SIZE + theme::ROW_ICON_GAP;
    let body = ui.style().text_styles[&egui::TextStyle::Body].clone();
    let small = FontId::proportional(body.size - 1.0);
    let strong = visuals.strong_text_color();
    let weak = theme::palette(&visuals).weak_text;
    let right_width = theme::ROW_RIGHT_WIDTH.min(inner.width() * theme::ROW_RIGHT_SHARE);
    let text_width =
        (inner.right() - right_width - theme::GAP - text_left).max(theme::ROW_TEXT_MIN_WIDTH);
    let top = inner.top() + theme::ROW_TEXT_INSET;
    let bottom = inner.bottom() - theme::ROW_TEXT_INSET;
    let painter = ui.painter();

    let title = one_line(
        ui,
        vec![
            (channel.name.clone(), body.clone(), strong),
            (
                format!("   {}", kind_label(channel.kind)),
                small.clone(),
                weak,
            ),
        ],
        text_width,
    );
    painter.galley(pos2(text_left, top), title, strong);
    // The icon carries the state; the words stay readable in the normal text colour.
    let check_failed = channel.last_failure.is_some();
    let reason_color = match health {
        Health::Broken | Health::NeedsAttention => visuals.text_color(),
        _ if check_failed => visuals.text_color(),
        _ => weak,
    };
    let reason = one_line(
        ui,
        vec![(text.reason, small.clone(), reason_color)],
        text_width,
    );
    painter.galley(
        pos2(text_left, bottom - reason.size().y),
        reason,
        reason_color,
    );
    let expiry_color = match expiry_urgency(view, input.now) {
        Some(h) => theme::health_color(&visuals, h),
        None if health == Health::Broken => theme::health_color(&visuals, Health::Broken),
        None => weak,
    };
    painter.text(
        pos2(inner.right(), top),
        Align2::RIGHT_TOP,
        text.expiry,
        small.clone(),
        expiry_color,
    );
    // A failed check must not hide behind a green tick: its line is coloured like a warning.
    let checked_color = if check_failed {
        theme::health_color(&visuals, Health::NeedsAttention)
    } else {
        weak
    };
    painter.text(
        pos2(inner.right(), bottom),
        Align2::RIGHT_BOTTOM,
        text.checked,
        small,
        checked_color,
    );
}

/// How urgent the expiry itself is: coloured only when it is the problem.
fn expiry_urgency(view: &ChannelView, now: DateTime<Utc>) -> Option<Health> {
    use crate::model::ReasonCode;
    let r = view.channel.last_report.as_ref()?;
    if r.never_expires != Some(true) && r.expires_at.is_some_and(|at| at <= now) {
        return Some(Health::Broken);
    }
    view.diagnosis
        .has(ReasonCode::ExpiresSoon)
        .then_some(Health::NeedsAttention)
}

/// Lays out runs of text on one line, cut with "…" at `width`.
fn one_line(
    ui: &Ui,
    runs: Vec<(String, FontId, egui::Color32)>,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = LayoutJob::default();
    for (text, font_id, color) in runs {
        job.append(
            &text,
            0.0,
            TextFormat {
                font_id,
                color,
                ..Default::default()
            },
        );
    }
    job.wrap = TextWrapping::truncate_at_width(width);
    ui.painter().layout_job(job)
}
