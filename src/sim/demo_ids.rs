//! Ids and names of the demo world, shared by `scenario` (which builds it) and `demo_tokens`
//! (which mints its tokens); re-exported as `sim::scenario::*`.

pub const ACME_APP_ID: &str = "1000000000001";
pub const ACME_APP_NAME: &str = "Acme Support";
pub const ACME_APP_SECRET: &str = "5e1f0c3a9b7d24e68f1a0b2c3d4e5f60";
pub const ACME_CLIENT_TOKEN: &str = "c7d1a2b3e4f5061728394a5b6c7d8e9f";
pub const OTHER_APP_ID: &str = "2000000000002";
pub const OTHER_APP_NAME: &str = "Other App";
pub const OTHER_APP_SECRET: &str = "0a9b8c7d6e5f40312a3b4c5d6e7f8091";
pub const OTHER_CLIENT_TOKEN: &str = "f1e2d3c4b5a6978877665544332211ff";

pub const SHOES_PAGE_ID: &str = "500001";
pub const BOOKS_PAGE_ID: &str = "500002";
pub const TRAVEL_PAGE_ID: &str = "500003";
pub const GARDEN_PAGE_ID: &str = "500004";
/// Managed by Alice; subscribed to Acme Support with `feed` only (no `messages`).
pub const TOYS_PAGE_ID: &str = "500005";
pub const BIKES_PAGE_ID: &str = "500006";
/// Carol's four Pages (Carol Cafe, Carol Crafts, Carol Cakes, Carol Candles): one password change
/// of Carol breaks all four.
pub const CAROL_PAGES: [&str; 4] = ["600001", "600002", "600003", "600004"];
pub const CAROL_PAGE_NAMES: [&str; 4] =
    ["Carol Cafe", "Carol Crafts", "Carol Cakes", "Carol Candles"];
/// The Instagram business account linked to Acme Shoes.
pub const SHOES_IG_ID: &str = "17841400000500001";
pub const WABA_ID: &str = "800000000000001";
pub const WABA_PHONE_NUMBER_ID: &str = "800000000000101";

pub const ALICE_ID: &str = "100000000000001";
pub const BOB_ID: &str = "100000000000002";
pub const CAROL_ID: &str = "100000000000003";
pub const DANA_ID: &str = "100000000000004";
pub const EVAN_ID: &str = "100000000000005";
pub const FAY_ID: &str = "100000000000006";
pub const GUS_ID: &str = "100000000000007";
pub const HANA_ID: &str = "100000000000008";
pub const IVAN_ID: &str = "100000000000009";
pub const JILL_ID: &str = "100000000000010";
pub const SYSTEM_USER_ID: &str = "100000000000099";

/// The named tokens of [`Scenario::demo`], for [`super::SimControl::token`].
pub const TOKEN_NAMES: &[&str] = &[
    "shoes_messenger",
    "shoes_renewal",
    "books_expiring",
    "travel_expired",
    "garden_password",
    "role_lost",
    "checkpointed",
    "app_removed",
    "unconfirmed",
    "session_invalidated",
    "revoked",
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
    "carol_crafts",
    "carol_cakes",
    "carol_candles",
    "whatsapp_system",
];
