//! What the portal ships: documents and their clauses, the corpus that holds them, the
//! directory of places and schools, the guidance and the site settings. These types are the
//! bundle's contents (see [`crate::bundle`]) and what `ruxue export` prints; they know nothing
//! of files, which is the loader's job.

mod clause;
mod corpus;
mod directory;
mod document;
mod guidance;
mod site;
mod target;

pub use clause::*;
pub use corpus::*;
pub use directory::*;
pub use document::*;
pub use guidance::*;
pub use site::*;
pub use target::*;
