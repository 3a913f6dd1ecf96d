//! Profile dir, catalog file and secret stores.
