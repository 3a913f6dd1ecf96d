//! `TokenwardenApp`: the eframe app. `logic` applies the worker's events (`apply`) and keeps
//! countdowns moving; `ui` lays out the pages and dialogs (`layout`); the views push
//! `UiCommand`s that `handle` carries out once per frame. `state` is what the window holds.

pub mod apply;
pub mod handle;
pub mod layout;
pub mod state;

use eframe::egui;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::gui::app::state::AppState;
use crate::gui::data::prefs::Prefs;
use crate::gui::intents::UiCommand;
use crate::gui::platform::browser::{Browser, SystemBrowser};
use crate::gui::platform::clipboard::{Clipboard, SystemClipboard};
use crate::gui::theme;
use crate::gui::worker::{Command, Startup, Worker};
use crate::words::Lang;

/// Set by `gui::run`: the window's language is also the process's (`words::set_lang`). A test
/// window leaves it alone and speaks on its own thread only.
static PROCESS_LANG: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The real window's language setting applies to the whole process.
pub fn speak_for_the_process() {
    PROCESS_LANG.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// The window's idea of "now"; tests pin it so texts like "checked 3 hours ago" stay put.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// How often countdowns ("expires in 5 days") are recomputed while the window is idle.
pub const TICK: Duration = Duration::from_secs(30);

/// What the app talks to besides the worker; tests swap each for a recording fake.
pub struct GuiOptions {
    pub clock: Clock,
    pub browser: Box<dyn Browser>,
    pub clipboard: Box<dyn Clipboard>,
}

/// The desktop side's seams, beside `GuiOptions`: tests hand in a recording notifier and
/// queued file paths (`TokenwardenApp::with_desktop`).
pub struct DesktopOptions {
    /// Where reminders go while the window is open; `None` runs no reminder schedule.
    pub notifier: Option<Arc<dyn crate::service::Notifier>>,
    /// "Export report…", "Open report…", backup and restore ask for files through this.
    pub files: Box<dyn crate::gui::platform::dialogs::FileDialogs>,
}

impl DesktopOptions {
    /// Desktop notifications and the system's file dialogs.
    pub fn system() -> Self {
        DesktopOptions {
            notifier: Some(Arc::new(crate::service::DesktopNotifier)),
            files: Box::new(crate::gui::platform::dialogs::SystemDialogs),
        }
    }

    /// No reminder schedule; the system's file dialogs.
    pub fn quiet() -> Self {
        DesktopOptions {
            notifier: None,
            files: Box::new(crate::gui::platform::dialogs::SystemDialogs),
        }
    }
}

impl GuiOptions {
    pub fn system() -> Self {
        GuiOptions {
            clock: Arc::new(Utc::now),
            browser: Box::new(SystemBrowser),
            clipboard: Box::new(SystemClipboard::default()),
        }
    }
}

pub struct TokenwardenApp {
    worker: Worker,
    options: GuiOptions,
    files: Box<dyn crate::gui::platform::dialogs::FileDialogs>,
    state: AppState,
    commands: Vec<UiCommand>,
    last_tick: Instant,
    worker_gone: bool,
    focus: FocusReturn,
    /// The language "System language" means: the thread's (the environment's, as `main`
    /// chose it) when the window was made.
    system_lang: Lang,
    /// The language the process was last told to speak.
    spoken: Option<Lang>,
}

/// Gives the keyboard focus back to what had it (the button that opened a dialog) when the
/// dialog closes, so a keyboard user goes on where they were.
#[derive(Default)]
struct FocusReturn {
    /// What had the focus in the last frame without a dialog.
    last: Option<egui::Id>,
    /// What had it when the open dialog appeared.
    opener: Option<egui::Id>,
    dialog_open: bool,
}

impl FocusReturn {
    fn tend(&mut self, ctx: &egui::Context) {
        // This frame's dialogs (egui's own modal record lags a frame behind).
        let open = crate::gui::theme::dialog_shown();
        match (self.dialog_open, open) {
            (false, true) => self.opener = self.last,
            (true, false) => {
                crate::gui::widgets::unopened_link::forget(ctx);
                if let Some(id) = self.opener.take() {
                    ctx.memory_mut(|m| m.request_focus(id));
                }
            }
            _ => {}
        }
        if !open {
            self.last = ctx.memory(|m| m.focused()).or(self.last);
        }
        self.dialog_open = open;
    }
}

impl TokenwardenApp {
    /// The window without a reminder schedule (see `with_desktop`).
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup, options: GuiOptions) -> Self {
        Self::with_desktop(cc, startup, options, DesktopOptions::quiet())
    }

    /// The window with reminders going to `desktop.notifier` and files asked through
    /// `desktop.files`.
    pub fn with_desktop(
        cc: &eframe::CreationContext<'_>,
        startup: Startup,
        options: GuiOptions,
        desktop: DesktopOptions,
    ) -> Self {
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        theme::apply(&cc.egui_ctx);
        if prefs.theme != crate::gui::data::prefs::ThemeChoice::System {
            cc.egui_ctx.set_theme(prefs.theme.preference());
        }
        let worker = Worker::start(startup, cc.egui_ctx.clone());
        if let Some(notifier) = desktop.notifier {
            let command = crate::gui::worker::desktop_jobs::DesktopCommand::UseNotifier(notifier);
            worker.send(Command::Desktop(command));
        }
        TokenwardenApp {
            worker,
            options,
            files: desktop.files,
            state: AppState::new(prefs),
            commands: Vec::new(),
            last_tick: Instant::now(),
            focus: FocusReturn::default(),
            worker_gone: false,
            system_lang: crate::words::lang(),
            spoken: None,
        }
    }

    /// The language chosen in Settings (or the system's).
    pub fn language(&self) -> Lang {
        self.state.prefs.language.lang(self.system_lang)
    }

    /// Speaks the chosen language on this thread from now on: called at the start of each
    /// frame, so a change in Settings shows in the next one. The real window also sets it for
    /// the whole process when it changes.
    fn speak(&mut self) {
        let lang = self.language();
        crate::words::set_thread_lang(Some(lang));
        if PROCESS_LANG.load(std::sync::atomic::Ordering::Relaxed) && self.spoken != Some(lang) {
            crate::words::set_lang(lang);
        }
        self.spoken = Some(lang);
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub fn state_mut(&mut self) -> &mut AppState {
        &mut self.state
    }

    fn now(&self) -> DateTime<Utc> {
        (self.options.clock)()
    }

    /// Clears a copied token when its time is up; keeps the countdown text moving meanwhile.
    fn tend_clipboard(&mut self, ctx: &egui::Context) {
        let Some(copied) = &self.state.copied else {
            return;
        };
        let left = copied.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            self.options.clipboard.clear_if_holds(&copied.fingerprint);
            self.state.copied = None;
        } else {
            ctx.request_repaint_after(left.min(Duration::from_secs(1)));
        }
    }
}

impl eframe::App for TokenwardenApp {
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        crate::gui::platform::drawing::cap_atlas(raw_input);
    }

    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.speak();
        self.drain_events(ctx);
        if self.last_tick.elapsed() >= TICK {
            self.last_tick = Instant::now();
            let now = self.now();
            let th = self.state.thresholds;
            if self.state.check_all.is_none() {
                self.state.table.reclassify(now, &th);
            }
        }
        self.tend_clipboard(ctx);
        let now = self.now();
        apply::tend_desktop(&mut self.state, &self.worker, now);
        // Countdowns move without a busy loop: one quiet repaint per tick.
        ctx.request_repaint_after(TICK);
        if let Some(next) = self.state.expire_notices(Instant::now()) {
            ctx.request_repaint_after(next);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.speak();
        let now = self.now();
        let copied_left = self.state.copied.as_ref().map(|c| {
            (
                c.channel.clone(),
                c.until.saturating_duration_since(Instant::now()).as_secs() + 1,
            )
        });
        layout::show(ui, &mut self.state, now, copied_left, &mut self.commands);
        self.handle_commands(&ui.ctx().clone());
        self.focus.tend(ui.ctx());
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state.prefs);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // The clipboard must not keep a token after the window closes.
        if let Some(copied) = self.state.copied.take() {
            self.options.clipboard.clear_if_holds(&copied.fingerprint);
        }
        // Dropping the dialogs wipes their pasted text.
        self.state.renew = None;
        self.state.add = None;
        self.state.backup = None;
        self.state.restore = None;
    }
}
