//! Closed sets of words that cross a boundary (to the page, into an address, into a message
//! key): each is one enum written once with [`words!`], which gives it its word (`code()`),
//! `parse()` and `ALL`. A page compares enum values, never strings. The serde derive is the
//! caller's: `#[serde(rename_all = "kebab-case")]` sends the same word as `code()` (the model's
//! tests check it for every value).

macro_rules! words {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every word of the set, in the order written.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The word itself: `data-state` values, message keys and addresses are made
            /// from it.
            pub fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code),+
                }
            }

            /// The value whose word is `code`, if any.
            pub fn parse(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|value| value.code() == code)
            }
        }
    };
}

pub(crate) use words;
