//! The built-in demo world: two apps, Acme's Pages and their tokens in every state a channel can
//! be in (healthy, expiring, expired, password changed, role lost, …). All times are relative to
//! the moment `Scenario::demo()` is called. Everything here is fake.

pub use super::demo_ids::*;
use super::demo_tokens;
use super::world::{IgAccount, Waba, World, strings};

const ALL_TASKS: &[&str] = &[
    "ADVERTISE",
    "ANALYZE",
    "CREATE_CONTENT",
    "MESSAGING",
    "MODERATE",
    "MANAGE",
];
const EDITOR_TASKS: &[&str] = &["ANALYZE", "CREATE_CONTENT", "MESSAGING", "MODERATE"];
const WEBHOOK_FIELDS: &[&str] = &["messages", "messaging_postbacks"];

/// A world to start the simulator with.
#[derive(Debug)]
pub struct Scenario {
    pub(crate) world: World,
}

impl Scenario {
    /// The built-in world described in this module's docs.
    pub fn demo() -> Scenario {
        let mut world = World::default();
        // The demo data is static and covered by tests; an error here is a bug in this file.
        build_demo(&mut world).expect("the built-in demo scenario is consistent");
        Scenario { world }
    }
}

fn build_demo(w: &mut World) -> Result<(), String> {
    w.add_app(
        ACME_APP_ID,
        ACME_APP_NAME,
        ACME_APP_SECRET,
        ACME_CLIENT_TOKEN,
    );
    w.add_app(
        OTHER_APP_ID,
        OTHER_APP_NAME,
        OTHER_APP_SECRET,
        OTHER_CLIENT_TOKEN,
    );
    for (id, name) in [
        (ALICE_ID, "Alice Admin"),
        (BOB_ID, "Bob Builder"),
        (CAROL_ID, "Carol Connect"),
        (DANA_ID, "Dana Doe"),
        (EVAN_ID, "Evan Ex"),
        (FAY_ID, "Fay Flagged"),
        (GUS_ID, "Gus Gone"),
        (HANA_ID, "Hana New"),
        (IVAN_ID, "Ivan Idle"),
        (JILL_ID, "Jill Logout"),
        (SYSTEM_USER_ID, "Acme WhatsApp System User"),
    ] {
        w.add_user(id, name);
    }
    w.user_mut(SYSTEM_USER_ID)?.system_user = true;
    if let Some(app) = w.apps.get_mut(ACME_APP_ID) {
        app.developers.insert(ALICE_ID.into());
    }

    for (id, name, category) in [
        (SHOES_PAGE_ID, "Acme Shoes", "Shoe Store"),
        (BOOKS_PAGE_ID, "Acme Books", "Book Store"),
        (TRAVEL_PAGE_ID, "Acme Travel", "Travel Company"),
        (GARDEN_PAGE_ID, "Acme Garden", "Garden Center"),
        (TOYS_PAGE_ID, "Acme Toys", "Toy Store"),
        (BIKES_PAGE_ID, "Bob's Bikes", "Bicycle Shop"),
    ] {
        w.add_page(id, name, category);
    }
    for (id, name) in CAROL_PAGES.iter().zip(CAROL_PAGE_NAMES) {
        w.add_page(id, name, "Local Business");
    }
    w.page_mut(SHOES_PAGE_ID)?.ig_id = Some(SHOES_IG_ID.into());
    w.igs.insert(
        SHOES_IG_ID.into(),
        IgAccount {
            id: SHOES_IG_ID.into(),
            username: "acmeshoes".into(),
        },
    );
    w.wabas.insert(
        WABA_ID.into(),
        Waba {
            id: WABA_ID.into(),
            name: "Acme Support WhatsApp".into(),
            subscribed_apps: vec![ACME_APP_ID.into()],
            phone_number_id: WABA_PHONE_NUMBER_ID.into(),
            display_phone_number: "+1 555-010-0100".into(),
        },
    );

    // Roles (before minting: granular scopes list the Pages a user manages).
    for page in [
        SHOES_PAGE_ID,
        BOOKS_PAGE_ID,
        TRAVEL_PAGE_ID,
        GARDEN_PAGE_ID,
        TOYS_PAGE_ID,
    ] {
        w.grant_page_role(ALICE_ID, page, ALL_TASKS)?;
    }
    w.grant_page_role(BOB_ID, BIKES_PAGE_ID, ALL_TASKS)?;
    for page in CAROL_PAGES {
        w.grant_page_role(CAROL_ID, page, ALL_TASKS)?;
    }
    for (user, page) in [
        (DANA_ID, GARDEN_PAGE_ID),
        (EVAN_ID, BOOKS_PAGE_ID),
        (FAY_ID, TRAVEL_PAGE_ID),
        (GUS_ID, SHOES_PAGE_ID),
        (HANA_ID, GARDEN_PAGE_ID),
        (IVAN_ID, BOOKS_PAGE_ID),
        (JILL_ID, TRAVEL_PAGE_ID),
    ] {
        w.grant_page_role(user, page, EDITOR_TASKS)?;
    }

    // Webhook subscriptions (per Page + app).
    for page in [SHOES_PAGE_ID, BOOKS_PAGE_ID, GARDEN_PAGE_ID, BIKES_PAGE_ID] {
        w.set_subscribed_fields(page, ACME_APP_ID, strings(WEBHOOK_FIELDS))?;
    }
    w.set_subscribed_fields(TRAVEL_PAGE_ID, ACME_APP_ID, strings(&["messages"]))?;
    w.set_subscribed_fields(TOYS_PAGE_ID, ACME_APP_ID, strings(&["feed"]))?;
    w.set_subscribed_fields(SHOES_PAGE_ID, OTHER_APP_ID, strings(&["messages"]))?;
    for page in CAROL_PAGES {
        w.set_subscribed_fields(page, ACME_APP_ID, strings(WEBHOOK_FIELDS))?;
    }

    demo_tokens::page_tokens(w)?;
    demo_tokens::user_tokens(w)?;
    Ok(())
}

/// Adds `count` Pages managed by Alice, each subscribed to Acme Support's webhook, with a
/// never-expiring Messenger Page token of Acme Support: an agency's worth of healthy channels.
/// Returns (Page id, token) pairs; the ids continue after the ones already added.
pub(crate) fn add_agency_pages(
    w: &mut World,
    count: usize,
) -> Result<Vec<(String, String)>, String> {
    let first = w.pages.keys().filter(|id| id.starts_with('7')).count();
    let scopes = demo_tokens::MESSENGER;
    (first..first + count)
        .map(|i| {
            let id = format!("7{i:08}");
            w.add_page(&id, &format!("Agency Page {i}"), "Local Business");
            w.grant_page_role(ALICE_ID, &id, ALL_TASKS)?;
            w.set_subscribed_fields(&id, ACME_APP_ID, strings(WEBHOOK_FIELDS))?;
            let token = w.mint_page(ALICE_ID, &id, ACME_APP_ID, true, strings(scopes), None)?;
            Ok((id, token))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_names_match_the_list_and_states_are_as_documented() {
        let s = Scenario::demo();
        let w = &s.world;
        let mut names: Vec<&str> = w.names.keys().map(String::as_str).collect();
        names.sort_unstable();
        let mut expected = TOKEN_NAMES.to_vec();
        expected.sort_unstable();
        assert_eq!(names, expected);
        let now = crate::sim::ids::now();
        let sub = |name: &str| {
            let rec = &w.tokens[&w.names[name]];
            w.validity(rec, now).err().map(|e| e.subcode)
        };
        for ok in [
            "shoes_messenger",
            "shoes_renewal",
            "books_expiring",
            "missing_permission",
            "webhook_off",
            "ig_data_expired",
            "ig_ok",
            "ig_data_soon",
            "wrong_app",
            "bikes_page",
            "alice_user_short",
            "alice_user_long",
            "bob_user",
            "carol_user_long",
            "carol_cafe",
            "whatsapp_system",
        ] {
            assert_eq!(sub(ok), None, "{ok} should be valid");
        }
        assert_eq!(sub("travel_expired"), Some(Some(463)));
        assert_eq!(sub("garden_password"), Some(Some(460)));
        assert_eq!(sub("role_lost"), Some(Some(492)));
        assert_eq!(sub("checkpointed"), Some(Some(459)));
        assert_eq!(sub("app_removed"), Some(Some(458)));
        assert_eq!(sub("unconfirmed"), Some(Some(464)));
        assert_eq!(sub("session_invalidated"), Some(Some(466)));
        assert_eq!(sub("revoked"), Some(None));
        // Named tokens are stable across runs.
        assert_eq!(Scenario::demo().world.names["ig_ok"], w.names["ig_ok"]);
    }
}
