//! Many Pages at once, for bulk imports in tests and benchmarks: Pages that Alice manages, each
//! with a working never-expiring Messenger token of the Acme app.

use super::SimControl;
use super::scenario::{ACME_APP_ID, ALICE_ID};

const TASKS: &[&str] = &["MANAGE", "MESSAGING", "MODERATE", "CREATE_CONTENT"];
const FIELDS: &[&str] = &["messages", "messaging_postbacks"];
/// What a Messenger channel needs, as the demo's Messenger tokens have.
const SCOPES: &[&str] = super::demo_tokens::MESSENGER;

impl SimControl {
    /// Adds `n` Pages (ids 510000000001, …) managed by Alice and subscribed to the Acme app's
    /// webhook; returns each Page id with a fresh Page token for it.
    pub fn add_managed_pages(&self, n: usize) -> Vec<(String, String)> {
        let strings = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        self.with(|w| {
            let start = w.pages.len();
            (0..n)
                .map(|i| {
                    let id = format!("51{:010}", start + i + 1);
                    w.add_page(&id, &format!("Bulk Page {}", start + i + 1), "Shopping");
                    let made = w
                        .grant_page_role(ALICE_ID, &id, TASKS)
                        .and_then(|()| w.set_subscribed_fields(&id, ACME_APP_ID, strings(FIELDS)))
                        .and_then(|()| {
                            w.mint_page(ALICE_ID, &id, ACME_APP_ID, true, strings(SCOPES), None)
                        });
                    let token =
                        made.unwrap_or_else(|e| panic!("SimControl::add_managed_pages: {e}"));
                    (id, token)
                })
                .collect()
        })
    }

    /// Another token of the kind `add_managed_pages` gave, for one of its Pages (a renewal).
    pub fn mint_managed_page_token(&self, page_id: &str) -> String {
        self.mint_page_token(ALICE_ID, page_id, ACME_APP_ID, true, SCOPES)
    }
}
