//! The banners at the top of the window: what they say and how long a success stays.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Success,
    Error,
}

#[derive(Debug, Clone)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    pub shown_at: std::time::Instant,
}

/// A success banner says "done" and then gets out of the way; errors and information stay
/// until dismissed, since they ask for something.
pub const SUCCESS_SHOWN: std::time::Duration = std::time::Duration::from_secs(6);
/// The last part of that time, in which the banner fades out.
pub const SUCCESS_FADE: std::time::Duration = std::time::Duration::from_secs(1);

impl Notice {
    /// How opaque the banner is now: 1 until it starts to fade, then down to 0.
    pub fn opacity(&self, now: std::time::Instant) -> f32 {
        if self.kind != NoticeKind::Success {
            return 1.0;
        }
        let left = SUCCESS_SHOWN.saturating_sub(now.saturating_duration_since(self.shown_at));
        (left.as_secs_f32() / SUCCESS_FADE.as_secs_f32()).min(1.0)
    }
}
