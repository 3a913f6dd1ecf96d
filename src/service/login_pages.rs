//! The Pages one login manages, for adding channels from a User token or a "Log in with
//! Facebook": each Page with its id, the tasks the person has on it, whether it can carry the
//! kind of channel asked for, and the channel that already watches it. Adding several Pages
//! makes one channel each, every one validated on its own like `add --page`.

use super::login::{UserLogin, can_message};
use super::{ChannelView, Service, ServiceError, twins};
use crate::model::text::inert;
use crate::model::{ChannelKind, Fact, Reason, ReasonCode, Secret};
use crate::store::Catalog;

/// One Page of a login, as the picker shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageChoice {
    pub id: String,
    pub name: String,
    /// What the person may do on the Page (Meta's task names: MANAGE, MESSAGING, …).
    pub tasks: Vec<String>,
    /// Their role lets them answer messages (needed by every kind but a plain Facebook Page).
    pub can_message: bool,
    /// The name of the channel of the same kind that already watches this Page.
    pub saved_as: Option<String>,
}

impl PageChoice {}

/// Who logged in and the Pages they manage (no token in here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginPages {
    pub person: String,
    pub pages: Vec<PageChoice>,
}

/// One Page to add: its id and the name the new channel gets.
#[derive(Debug, Clone)]
pub struct PagePick {
    pub page_id: String,
    pub name: String,
}

pub(crate) fn login_pages(login: &UserLogin, kind: ChannelKind, catalog: &Catalog) -> LoginPages {
    let pages = login
        .pages
        .iter()
        .map(|p| PageChoice {
            id: p.id.clone(),
            name: inert(&p.name),
            tasks: p.tasks.iter().map(|t| inert(t)).collect(),
            can_message: can_message(&p.tasks),
            // An Instagram channel watches the linked account, whose id is learnt on validation;
            // the twin check then still refuses a second one.
            saved_as: (kind != ChannelKind::Instagram)
                .then(|| twins::twin_of(catalog, kind, Some(&p.id)).map(|c| c.name.clone()))
                .flatten(),
        })
        .collect();
    LoginPages {
        person: inert(&login.person.name),
        pages,
    }
}

/// A User token without a Page: name the Pages this login manages, so the user can pick one.
/// The refusal of a personal (User) token with no Page chosen: the sentence for logs, and the
/// facts (who, each Page's name, id and the channel it is saved as) for the words layer.
pub(crate) fn which_page_refusal(login: &LoginPages) -> Reason {
    let list = |f: fn(&PageChoice) -> String| Fact::List(login.pages.iter().map(f).collect());
    Reason::new(ReasonCode::WrongPage, which_page_message(login))
        .with("refusal", Fact::Text("which_page".into()))
        .with("who", Fact::Text(login.person.clone()))
        .with("page_names", list(|p| p.name.clone()))
        .with("page_ids", list(|p| p.id.clone()))
        .with(
            "page_saved",
            list(|p| p.saved_as.clone().unwrap_or_default()),
        )
}

pub(crate) fn which_page_message(login: &LoginPages) -> String {
    let who = &login.person;
    if login.pages.is_empty() {
        return format!(
            "This is the personal (User) token of {who}, who manages no Page for this app. Paste the Page's own token, or log in with an account that manages the Page."
        );
    }
    let pages: Vec<String> = login
        .pages
        .iter()
        .map(|p| match &p.saved_as {
            Some(saved) => format!("{} (--page {}, already saved as {saved:?})", p.name, p.id),
            None => format!("{} (--page {})", p.name, p.id),
        })
        .collect();
    format!(
        "This is the personal (User) token of {who}. Say which Page the channel is for: {}.",
        pages.join(", ")
    )
}

impl Service {
    /// Adds one channel per picked Page from a User token, each validated on its own (a Page
    /// that fails is reported and the others are still added). Results are in pick order.
    pub async fn add_pages(
        &self,
        kind: ChannelKind,
        app_id: Option<&str>,
        user_token: &Secret,
        picks: &[PagePick],
    ) -> Vec<(PagePick, Result<ChannelView, ServiceError>)> {
        let mut results = Vec::with_capacity(picks.len());
        for pick in picks {
            let added = self
                .add_channel_for_page(&pick.name, kind, app_id, Some(&pick.page_id), user_token)
                .await
                .map(|(view, _)| view);
            results.push((pick.clone(), added));
        }
        results
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::oauth::{ManagedPage, Person};
    use crate::model::channel::sample_channel;

    fn login() -> UserLogin {
        let page = |id: &str, name: &str, tasks: &[&str]| ManagedPage {
            id: id.into(),
            name: name.into(),
            token: Secret::new("page-token"),
            tasks: tasks.iter().map(|t| t.to_string()).collect(),
        };
        UserLogin {
            person: Person {
                id: "7".into(),
                name: "Alice Admin".into(),
            },
            pages: vec![
                page("500001", "Acme Shoes", &["MANAGE", "MESSAGING"]),
                page("500002", "Acme Books", &["ANALYZE"]),
            ],
            exchanged: false,
            lasting: true,
        }
    }

    #[test]
    fn a_saved_page_and_a_role_without_messaging_are_marked() {
        let mut saved = sample_channel(None, None);
        saved.kind = ChannelKind::Messenger;
        saved.name = "Shoes".into();
        saved.page_id = Some("500001".into());
        let catalog = Catalog {
            channels: vec![saved],
            ..Catalog::default()
        };
        let pages = login_pages(&login(), ChannelKind::Messenger, &catalog);
        assert_eq!(pages.person, "Alice Admin");
        assert_eq!(pages.pages[0].saved_as.as_deref(), Some("Shoes"));
        assert!(!pages.pages[1].can_message);
        // Another kind on the same Page is not a twin.
        let as_page = login_pages(&login(), ChannelKind::FacebookPage, &catalog);
        assert_eq!(as_page.pages[0].saved_as, None);
        let said = which_page_message(&pages);
        assert!(
            said.contains("Acme Shoes (--page 500001, already saved as \"Shoes\")"),
            "{said}"
        );
        assert!(said.contains("Acme Books (--page 500002)"), "{said}");
    }
}
