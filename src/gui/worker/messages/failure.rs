//! Why something did not happen: the facts, kept so the window phrases them on its own thread in
//! its own language (`Failure::phrase`), and a sentence made when the failure was (`message`, in
//! the process's language) for the readers that take it as it is.

use std::sync::Arc;

use crate::model::Reason;
use crate::service::ServiceError;
use crate::words;

/// What went wrong, as facts; none of them holds a secret.
#[derive(Debug, Clone)]
pub enum Trouble {
    /// A use case failed or refused.
    Service(Arc<ServiceError>),
    /// The command needs the tokens and the secret store is still locked.
    Locked,
    /// A background task ended without an answer (it panicked or was cancelled).
    TaskFailed { detail: String },
    /// The demo's simulator or profile could not be set up.
    DemoNotStarted { detail: String },
}

/// Why something did not happen, with the validation reasons when there are any.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The sentence, phrased when the failure was made (in the process's language).
    pub message: String,
    pub reasons: Vec<Reason>,
    /// The facts behind `message`; `None` for a sentence given as is (`Failure::new`).
    pub trouble: Option<Trouble>,
}

impl From<ServiceError> for Failure {
    fn from(e: ServiceError) -> Self {
        let reasons = match &e {
            ServiceError::Refused { reasons } => reasons.clone(),
            _ => Vec::new(),
        };
        Failure::of(Trouble::Service(Arc::new(e)), reasons)
    }
}

impl Failure {
    /// A sentence given as is: already phrased by its maker.
    pub fn new(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            reasons: Vec::new(),
            trouble: None,
        }
    }

    fn of(trouble: Trouble, reasons: Vec<Reason>) -> Self {
        Failure {
            message: phrase(&trouble),
            reasons,
            trouble: Some(trouble),
        }
    }

    /// The secret store is locked and the command needs the tokens.
    pub fn locked() -> Self {
        Failure::of(Trouble::Locked, Vec::new())
    }

    /// A background task that ended without an answer.
    pub fn task_failed(detail: impl std::fmt::Display) -> Self {
        let detail = detail.to_string();
        Failure::of(Trouble::TaskFailed { detail }, Vec::new())
    }

    /// The demo could not be set up.
    pub fn demo_not_started(detail: impl std::fmt::Display) -> Self {
        let detail = detail.to_string();
        Failure::of(Trouble::DemoNotStarted { detail }, Vec::new())
    }

    /// The sentence in the calling thread's language (the window's), from the facts.
    pub fn phrase(&self) -> String {
        match &self.trouble {
            Some(t) => phrase(t),
            None => self.message.clone(),
        }
    }
}

fn phrase(t: &Trouble) -> String {
    match t {
        Trouble::Service(e) => words::errors::error(e),
        Trouble::Locked => words::t("failure-locked"),
        Trouble::TaskFailed { detail } => {
            words::t_args("failure-task", &[("detail", detail.as_str().into())])
        }
        Trouble::DemoNotStarted { detail } => {
            words::t_args("failure-demo", &[("detail", detail.as_str().into())])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::{Lang, with_lang};

    #[test]
    fn a_worker_failure_reads_in_the_window_threads_language() {
        let f = with_lang(Lang::En, || {
            Failure::from(ServiceError::NotFound("Acme Shoes".into()))
        });
        assert!(
            f.message.starts_with("No channel is called"),
            "{}",
            f.message
        );
        let es = with_lang(Lang::Es, || f.phrase());
        assert!(es.starts_with("Ningún canal se llama"), "{es}");
        let locked = with_lang(Lang::Es, || Failure::locked().phrase());
        assert!(locked.contains("almacén de secretos"), "{locked}");
        // A sentence given as is stays as it was given.
        assert_eq!(
            with_lang(Lang::Es, || Failure::new("as is").phrase()),
            "as is"
        );
    }
}
