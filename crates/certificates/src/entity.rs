//! sea-orm entities for the tables of migration 4.

pub mod certificate;
pub mod verify_throttle;
