//! What both front ends ask of the machine they run on: handing text to the user's
//! editor (and recovering what an interrupted hand-off left behind), writing
//! owner-only files whole, and keeping a diary's key for a while in the kernel's
//! keyring. Here, below `cli` and `tui`, so neither borrows from the other. These
//! report what happened, as plain facts and typed errors; what to advise is each
//! front end's business.

pub mod docx;
pub mod editor;
pub mod files;
pub mod keyring;
