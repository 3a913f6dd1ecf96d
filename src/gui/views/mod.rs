//! One module per screen or dialog. A view draws from what it is given and pushes
//! `intents::UiCommand`s; it never changes the app's state or talks to the worker itself.

pub mod add;
pub mod apps;
pub mod backup;
pub mod details;
pub mod first_run;
pub mod groups;
pub mod guide;
pub mod lifecycle;
pub mod list;
pub mod login;
pub mod page_picker;
pub mod path_entry;
pub mod reminders;
pub mod renew;
pub mod report_view;
pub mod rollback;
pub mod settings;
pub mod unlock;
