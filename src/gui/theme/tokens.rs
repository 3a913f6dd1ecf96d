//! The sizes, spacings and widths of the app, named for what they are for, so the views hold no
//! raw numbers and one change here changes every place alike. Colours are in `palette`.

use eframe::egui::{Margin, Vec2, vec2};

// ── Window and panels ──────────────────────────────────────────────────────────────────────

/// The window when it first opens.
pub const WINDOW_SIZE: [f32; 2] = [1180.0, 760.0];
/// The smallest window in which the list (with its filters) and the details fit side by side.
pub const WINDOW_MIN_SIZE: [f32; 2] = [900.0, 600.0];
/// The details panel beside the list (channels page and report view).
pub const DETAILS_WIDTH: f32 = 430.0;
/// The narrowest the details panel may be dragged.
pub const DETAILS_MIN_WIDTH: f32 = 320.0;
/// The list's width below which its status filters would not fit on their row.
pub const LIST_MIN_WIDTH: f32 = 560.0;
/// The top bar of the window and of the report view (the app's name, the pages or "Support
/// report", the actions).
pub const TOP_BAR_MARGIN: Margin = Margin::symmetric(12, 8);

// ── Spacing ────────────────────────────────────────────────────────────────────────────────

/// Between the parts of one thing: a line and its button, a form and its buttons.
pub const GAP: f32 = 8.0;
/// Twice `GAP`: in a top bar, between the app's name and the pages (or "Support report").
pub const WIDE_GAP: f32 = 16.0;
/// Between the subjects of a page (the apps list and the "Add an app" form).
pub const SECTION_GAP: f32 = 14.0;
/// Above an empty list's "No channels yet".
pub const EMPTY_STATE_GAP: f32 = 28.0;
/// A little air: above a step or a callout, around the banners, between cards.
pub const SMALL_GAP: f32 = 4.0;
/// The least air: under the list's toolbar, between the guide's step cards.
pub const TINY_GAP: f32 = 2.0;
/// Labels and fields of a form grid (add channel, apps, passphrases, reminders).
pub const FORM_SPACING: [f32; 2] = [GAP, 6.0];
/// The renew dialog's side-by-side comparison of the current and the new token.
pub const COMPARE_SPACING: [f32; 2] = [GAP, 3.0];
/// What the renew dialog indents under a step: its "Open …" link.
pub const STEP_INDENT: f32 = 18.0;

// ── Fields ─────────────────────────────────────────────────────────────────────────────────

/// Text fields in a form grid (channel name, app id, app name, app secret, client token).
pub const FORM_FIELD_WIDTH: f32 = 320.0;
/// A passphrase field (vault, backup, restore).
pub const SECRET_FIELD_WIDTH: f32 = 280.0;
/// A name typed beside its label (rename, a picked Page's channel name).
pub const NAME_FIELD_WIDTH: f32 = 300.0;
/// The list's search box.
pub const SEARCH_WIDTH: f32 = 180.0;
/// What a secret field leaves beside it for its Show/Hide button.
pub const TOGGLE_ROOM: f32 = 80.0;
/// "Checking 3 of 12…" in the top bar.
pub const PROGRESS_WIDTH: f32 = 220.0;
/// A notice banner keeps this much room for its Dismiss button…
pub const NOTICE_BUTTON_ROOM: f32 = 90.0;
/// …and its words never get narrower than this.
pub const NOTICE_TEXT_MIN_WIDTH: f32 = 100.0;

// ── Text and icons ─────────────────────────────────────────────────────────────────────────

/// A status icon in a list row, a callout or a heading's line.
pub const ICON_SIZE: f32 = 18.0;
/// A requirement's or a guide step's mark.
pub const SMALL_ICON_SIZE: f32 = 14.0;
/// The status icon beside a channel's name in the details.
pub const LARGE_ICON_SIZE: f32 = 24.0;
/// A section title in a page or a dialog ("Add an app", "Log in with Facebook").
pub const SECTION_TITLE_SIZE: f32 = 15.0;
/// The app's name in the report view's top bar.
pub const BRAND_SIZE: f32 = 17.0;
/// "No channels yet".
pub const EMPTY_TITLE_SIZE: f32 = 18.0;
/// The device-login code the user types on Facebook: large enough to read across a desk.
pub const USER_CODE_SIZE: f32 = 34.0;

// ── Channel list rows ──────────────────────────────────────────────────────────────────────

/// Height of one channel row in the list (two lines of text). Fixed, so only visible rows are
/// built (`ScrollArea::show_rows`).
pub const ROW_HEIGHT: f32 = 48.0;
/// Inside a row: left/right and top/bottom.
pub const ROW_PADDING: Vec2 = vec2(GAP, 4.0);
/// The two text lines' distance from the row's top and bottom.
pub const ROW_TEXT_INSET: f32 = 2.0;
/// Between the status icon and the name.
pub const ROW_ICON_GAP: f32 = 12.0;
/// The right-hand column (health words, expiry): at most this wide…
pub const ROW_RIGHT_WIDTH: f32 = 190.0;
/// …and at most this share of the row.
pub const ROW_RIGHT_SHARE: f32 = 0.35;
/// The name column never gets narrower than this, however narrow the window.
pub const ROW_TEXT_MIN_WIDTH: f32 = 40.0;
/// A row's selection and hover background.
pub const ROW_CORNER: f32 = 4.0;
/// How strongly the selection colour shows under a selected row (its text stays readable).
pub const SELECTED_ROW_ALPHA: f32 = 0.45;

// ── Frames ─────────────────────────────────────────────────────────────────────────────────

/// Cards, callouts and dialogs.
pub const CORNER: u8 = 6;
/// A fact in the renew dialog's comparison (tinted when it changed).
pub const CELL_MARGIN: Margin = Margin::symmetric(4, 1);
pub const CELL_CORNER: u8 = 3;

// ── Dialogs ────────────────────────────────────────────────────────────────────────────────

/// Dialogs with a form or a flow (renew, add, guide, group renewal).
pub const DIALOG_WIDTH: f32 = 640.0;
/// Dialogs that ask for a passphrase (vault, backup, restore).
pub const NARROW_DIALOG_WIDTH: f32 = 560.0;
/// Confirmations (remove, rename, roll back).
pub const CONFIRM_DIALOG_WIDTH: f32 = 480.0;
/// How far below the window's top a dialog hangs, and the least room left under it.
pub const DIALOG_TOP: f32 = 56.0;
pub const DIALOG_BOTTOM: f32 = 24.0;
/// The least height a dialog's body gets before it scrolls, however small the window.
pub const DIALOG_MIN_BODY: f32 = 120.0;
/// The ✕ of a dialog's close button: its share of the button, and its least line width.
pub const CLOSE_CROSS_SHARE: f32 = 0.4;
pub const CLOSE_CROSS_STROKE: f32 = 1.5;
/// The label column of the renew dialog's comparison; the two token columns share the rest.
pub const COMPARE_LABEL_WIDTH: f32 = 150.0;
