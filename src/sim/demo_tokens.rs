//! The named tokens of the demo scenario, each in the state its name says (see `scenario.rs`).

use super::demo_ids::*;
use super::ids::{self, DAY, HOUR};
use super::world::{Expiry, TokenKind, TokenSpec, World, strings};

pub(crate) const MESSENGER: &[&str] = &[
    "pages_messaging",
    "pages_manage_metadata",
    "pages_read_engagement",
    "pages_show_list",
];
const USER_SCOPES: &[&str] = &[
    "pages_show_list",
    "pages_messaging",
    "pages_manage_metadata",
    "pages_read_engagement",
];
const INSTAGRAM: &[&str] = &[
    "instagram_basic",
    "instagram_manage_messages",
    "pages_manage_metadata",
];

/// A named Page token: issued `issued_ago` seconds ago, expiring at `expires` (from now; None =
/// never), data access ending `data_access` seconds from now.
struct Named<'a> {
    name: &'a str,
    user: &'a str,
    page: &'a str,
    app: &'a str,
    scopes: &'a [&'a str],
    issued_ago: i64,
    expires: Option<i64>,
    data_access: i64,
}

impl Named<'_> {
    fn page(name: &'static str, user: &'static str, page: &'static str) -> Named<'static> {
        Named {
            name,
            user,
            page,
            app: ACME_APP_ID,
            scopes: MESSENGER,
            issued_ago: 30 * DAY,
            expires: None,
            data_access: 60 * DAY,
        }
    }

    fn mint(&self, w: &mut World) -> Result<String, String> {
        let t = w.mint_page(
            self.user,
            self.page,
            self.app,
            self.expires.is_none(),
            strings(self.scopes),
            Some(self.name.into()),
        )?;
        let now = ids::now();
        let rec = w.token_mut(&t)?;
        rec.issued_at = now - self.issued_ago;
        rec.expires_at = self.expires.map(|e| now + e);
        rec.data_access_expires_at = Some(now + self.data_access);
        w.names.insert(self.name.into(), t.clone());
        Ok(t)
    }
}

pub(super) fn page_tokens(w: &mut World) -> Result<(), String> {
    let p = Named::page;
    p("shoes_messenger", ALICE_ID, SHOES_PAGE_ID).mint(w)?;
    Named {
        issued_ago: HOUR,
        data_access: 90 * DAY,
        ..p("shoes_renewal", ALICE_ID, SHOES_PAGE_ID)
    }
    .mint(w)?;
    Named {
        issued_ago: 57 * DAY,
        expires: Some(3 * DAY),
        ..p("books_expiring", ALICE_ID, BOOKS_PAGE_ID)
    }
    .mint(w)?;
    Named {
        issued_ago: 62 * DAY,
        expires: Some(-2 * DAY),
        ..p("travel_expired", ALICE_ID, TRAVEL_PAGE_ID)
    }
    .mint(w)?;
    Named {
        issued_ago: 20 * DAY,
        ..p("garden_password", DANA_ID, GARDEN_PAGE_ID)
    }
    .mint(w)?;
    w.change_password(DANA_ID)?;
    Named {
        issued_ago: 40 * DAY,
        ..p("role_lost", EVAN_ID, BOOKS_PAGE_ID)
    }
    .mint(w)?;
    w.remove_page_role(EVAN_ID, BOOKS_PAGE_ID)?;
    Named {
        issued_ago: 10 * DAY,
        ..p("checkpointed", FAY_ID, TRAVEL_PAGE_ID)
    }
    .mint(w)?;
    w.checkpoint_user(FAY_ID)?;
    Named {
        issued_ago: 15 * DAY,
        ..p("app_removed", GUS_ID, SHOES_PAGE_ID)
    }
    .mint(w)?;
    w.remove_app(GUS_ID, ACME_APP_ID)?;
    Named {
        issued_ago: 5 * DAY,
        ..p("unconfirmed", HANA_ID, GARDEN_PAGE_ID)
    }
    .mint(w)?;
    w.set_unconfirmed(HANA_ID)?;
    Named {
        issued_ago: 12 * DAY,
        ..p("session_invalidated", IVAN_ID, BOOKS_PAGE_ID)
    }
    .mint(w)?;
    w.invalidate_session(IVAN_ID)?;
    let revoked = Named {
        issued_ago: 25 * DAY,
        ..p("revoked", JILL_ID, TRAVEL_PAGE_ID)
    }
    .mint(w)?;
    w.revoke(&revoked)?;
    Named {
        issued_ago: 3 * DAY,
        scopes: &[
            "pages_manage_metadata",
            "pages_read_engagement",
            "pages_show_list",
        ],
        ..p("missing_permission", ALICE_ID, SHOES_PAGE_ID)
    }
    .mint(w)?;
    Named {
        issued_ago: 8 * DAY,
        ..p("webhook_off", ALICE_ID, TOYS_PAGE_ID)
    }
    .mint(w)?;
    let ig = |name| Named {
        scopes: INSTAGRAM,
        ..p(name, ALICE_ID, SHOES_PAGE_ID)
    };
    Named {
        issued_ago: 91 * DAY,
        data_access: -DAY,
        ..ig("ig_data_expired")
    }
    .mint(w)?;
    Named {
        issued_ago: 10 * DAY,
        data_access: 80 * DAY,
        ..ig("ig_ok")
    }
    .mint(w)?;
    Named {
        issued_ago: 87 * DAY,
        data_access: 3 * DAY,
        ..ig("ig_data_soon")
    }
    .mint(w)?;
    Named {
        app: OTHER_APP_ID,
        ..p("wrong_app", ALICE_ID, SHOES_PAGE_ID)
    }
    .mint(w)?;
    p("bikes_page", BOB_ID, BIKES_PAGE_ID).mint(w)?;
    let carol_names = ["carol_cafe", "carol_crafts", "carol_cakes", "carol_candles"];
    for (name, page) in carol_names.into_iter().zip(CAROL_PAGES) {
        p(name, CAROL_ID, page).mint(w)?;
    }
    Ok(())
}

pub(super) fn user_tokens(w: &mut World) -> Result<(), String> {
    for (name, user, long_lived) in [
        ("alice_user_short", ALICE_ID, false),
        ("alice_user_long", ALICE_ID, true),
        ("bob_user", BOB_ID, true),
        ("carol_user_long", CAROL_ID, true),
    ] {
        let t = w.mint_user(
            user,
            ACME_APP_ID,
            long_lived,
            strings(USER_SCOPES),
            Some(name.into()),
        )?;
        w.names.insert(name.into(), t);
    }
    let t = w.mint(TokenSpec {
        kind: TokenKind::SystemUser,
        app_id: ACME_APP_ID.into(),
        user_id: Some(SYSTEM_USER_ID.into()),
        page_id: None,
        scopes: strings(&[
            "whatsapp_business_management",
            "whatsapp_business_messaging",
        ]),
        expires: Expiry::Never,
        long_lived: true,
        seed: Some("whatsapp_system".into()),
    });
    w.token_mut(&t)?.issued_at = ids::now() - 100 * DAY;
    w.names.insert("whatsapp_system".into(), t);
    Ok(())
}
