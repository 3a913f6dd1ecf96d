//! Waiting signs. egui's own spinner asks for a new frame every frame, which keeps a software
//! renderer busy while a dialog waits. `spinner` looks the same and asks for about ten frames a
//! second: for waits of a few seconds (a check, a save). `still` is the same mark standing
//! still, for waits of minutes (a login approved on another device): it is drawn again only
//! when something happens, so the window costs nothing while the person finds their phone.

use std::time::Duration;

use eframe::egui::{self, Pos2, Response, Sense, Shape, Stroke, Ui, emath::lerp, vec2};

/// Frames a second a spinner needs to look alive.
const FRAME: Duration = Duration::from_millis(100);

/// A spinner of the style's interaction size.
pub fn spinner(ui: &mut Ui) -> Response {
    let time = ui.input(|i| i.time);
    let response = mark(ui, time);
    if ui.is_rect_visible(response.rect) {
        ui.ctx().request_repaint_after(FRAME);
    }
    response
}

/// The spinner's mark standing still (three quarters of a ring): it asks for no frames.
pub fn still(ui: &mut Ui) -> Response {
    mark(ui, 1.2)
}

/// The ring at moment `time` of the spinner's turn.
fn mark(ui: &mut Ui, time: f64) -> Response {
    let size = ui.style().spacing.interact_size.y;
    let (rect, response) = ui.allocate_exact_size(vec2(size, size), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::new(egui::Role::ProgressIndicator));
    if ui.is_rect_visible(rect) {
        let color = ui.visuals().strong_text_color();
        let radius = rect.height().min(rect.width()) * 0.5 - 2.0;
        let n_points = (radius.round() as u32).clamp(8, 128);
        let start = time * std::f64::consts::TAU;
        let end = start + 240f64.to_radians() * time.sin();
        let points: Vec<Pos2> = (0..n_points)
            .map(|i| {
                let angle = lerp(start..=end, f64::from(i) / f64::from(n_points));
                let (sin, cos) = angle.sin_cos();
                rect.center() + radius * vec2(cos as f32, sin as f32)
            })
            .collect();
        ui.painter()
            .add(Shape::line(points, Stroke::new(3.0, color)));
    }
    response
}
