//! The boxes over a screen that take the keys until they close: what they hold, their
//! key tables, and what their keys do. Their drawing is in `draw`.

use crossterm::event::KeyCode;

use crate::domain::suggest::Suggestion;
use crate::store::Draft;

pub use super::records::{BeforeSharing, CheckList, Found, Share};

use super::keymap::{code, key, shown, Binding, Keymap, Shown};

/// A suggestion as its box shows it: the things offered, and which one Enter starts.
#[derive(Debug, Clone)]
pub struct Offered {
    pub suggestion: Suggestion,
    pub chosen: usize,
}

impl Offered {
    pub fn new(suggestion: Suggestion) -> Offered {
        Offered {
            suggestion,
            chosen: 0,
        }
    }
}

/// A box over the screen that takes the keys until it closes.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help,
    Suggestion(Offered),
    DraftOffer(Draft),
    ConfirmDelete {
        id: i64,
        title: String,
    },
    LeaveCheckIn,
    LeaveEditor,
    /// Quitting while some words could not be saved: asks first.
    QuitUnsaved,
    /// Text to read (content), scrolled by this many lines.
    Message {
        text: String,
        scroll: u16,
    },
    /// Who to talk to and who to call, for the user's region.
    HelpNow {
        scroll: u16,
    },
    /// What the confidentiality check found in an entry, one to choose at a time.
    Check(CheckList),
    /// What the check found in an export; nothing is written until the person chooses.
    BeforeSharing(BeforeSharing),
}

/// What a key does in a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Start the thing a suggestion's box has marked.
    Start,
    /// Carry on with an unfinished draft.
    CarryOn,
    Discard,
    KeepForLater,
    NotNow,
    ConfirmDelete,
    Keep,
    ConfirmLeave,
    Stay,
    QuitAnyway,
    KeepDraft,
    KeepWriting,
    /// Open the guide help now names for the hardest times.
    OpenGuide,
    ScrollUp,
    ScrollDown,
    PageUp,
    PageDown,
    /// Replace the marked detail with its placeholder in the entry itself.
    ReplaceOne,
    ReplaceAll,
    /// Leave the marked detail as written and take it off the list.
    KeepOne,
    /// Close the check's box.
    Finished,
    /// Write the export with placeholders where the check found something.
    ShareReplaced,
    ShareAsWritten,
    /// A row with no keys: any key not in the table.
    Close,
}

const fn row(
    keys: &'static [crate::keys::Key],
    command: Choice,
    help: &'static str,
    footer: &'static str,
) -> Binding<Choice> {
    Binding {
        keys,
        command,
        help,
        footer: Some(footer),
    }
}

/// Text to read, scrolled; any other key closes it.
const SCROLL: [Binding<Choice>; 4] = [
    row(
        &[code(KeyCode::Up), key('k')],
        Choice::ScrollUp,
        "scroll up",
        "up",
    ),
    row(
        &[code(KeyCode::Down), key('j')],
        Choice::ScrollDown,
        "scroll down",
        "down",
    ),
    Binding {
        keys: &[code(KeyCode::PageUp)],
        command: Choice::PageUp,
        help: "scroll up a page",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::PageDown), key(' ')],
        command: Choice::PageDown,
        help: "scroll down a page",
        footer: None,
    },
];

/// The keys of the screen underneath, scrolled on a small window.
pub const HELP_KEYS: &[Binding<Choice>] = &[
    SCROLL[0],
    SCROLL[1],
    SCROLL[2],
    SCROLL[3],
    row(
        &[],
        Choice::Close,
        "any other key closes the help",
        "any other key closes this",
    ),
];

pub const MESSAGE_KEYS: &[Binding<Choice>] = &[
    SCROLL[0],
    SCROLL[1],
    SCROLL[2],
    SCROLL[3],
    row(
        &[],
        Choice::Close,
        "any other key closes this",
        "any other key closes this",
    ),
];

pub const HELP_NOW_KEYS: &[Binding<Choice>] = &[
    SCROLL[0],
    SCROLL[1],
    SCROLL[2],
    SCROLL[3],
    // The box names this key on the guide's own line, so the footer stays one line.
    Binding {
        keys: &[key('g')],
        command: Choice::OpenGuide,
        help: "read the guide for after something terrible happens",
        footer: None,
    },
    row(
        &[],
        Choice::Close,
        "any other key returns you to where you were",
        "any other key returns you to where you were",
    ),
];

pub const SUGGESTION_KEYS: &[Binding<Choice>] = &[
    row(
        &[code(KeyCode::Enter)],
        Choice::Start,
        "start the thing marked with →",
        "start it",
    ),
    Binding {
        keys: &[code(KeyCode::Up), key('k')],
        command: Choice::ScrollUp,
        help: "mark the thing offered above",
        footer: None,
    },
    row(
        &[code(KeyCode::Down), key('j')],
        Choice::ScrollDown,
        "mark the thing offered below",
        "next",
    ),
    row(
        &[code(KeyCode::Esc), key('q'), key('n')],
        Choice::NotNow,
        "not now",
        "not now",
    ),
];

pub const DRAFT_OFFER_KEYS: &[Binding<Choice>] = &[
    row(
        &[code(KeyCode::Enter)],
        Choice::CarryOn,
        "carry on where you left off",
        "carry on",
    ),
    row(
        &[key('d')],
        Choice::Discard,
        "discard the draft",
        "discard it",
    ),
    row(
        &[code(KeyCode::Esc)],
        Choice::KeepForLater,
        "keep the draft for later",
        "later",
    ),
];

pub const CONFIRM_DELETE_KEYS: &[Binding<Choice>] = &[
    row(
        &[key('y')],
        Choice::ConfirmDelete,
        "delete the entry",
        "delete",
    ),
    row(
        &[key('n'), code(KeyCode::Esc)],
        Choice::Keep,
        "keep the entry",
        "keep it",
    ),
];

pub const LEAVE_CHECK_IN_KEYS: &[Binding<Choice>] = &[
    row(
        &[key('y')],
        Choice::ConfirmLeave,
        "leave without saving",
        "leave",
    ),
    row(
        &[key('n'), code(KeyCode::Esc)],
        Choice::Stay,
        "stay with the check-in",
        "stay",
    ),
];

pub const QUIT_UNSAVED_KEYS: &[Binding<Choice>] = &[
    row(
        &[key('y')],
        Choice::QuitAnyway,
        "quit, losing what could not be saved",
        "quit anyway",
    ),
    row(
        &[key('n'), code(KeyCode::Esc)],
        Choice::Stay,
        "stay while Lantern keeps trying",
        "stay (Lantern keeps trying)",
    ),
];

pub const LEAVE_EDITOR_KEYS: &[Binding<Choice>] = &[
    row(
        &[key('k')],
        Choice::KeepDraft,
        "keep what you wrote as a draft",
        "keep a draft",
    ),
    row(
        &[key('d')],
        Choice::Discard,
        "discard what you wrote",
        "discard it",
    ),
    row(
        &[code(KeyCode::Esc), key('c')],
        Choice::KeepWriting,
        "keep writing",
        "keep writing",
    ),
];

/// Moving is by the arrows only, so `k` can keep, as the box's footer says.
pub const CHECK_KEYS: &[Binding<Choice>] = &[
    Binding {
        keys: &[code(KeyCode::Up)],
        command: Choice::ScrollUp,
        help: "mark the detail above",
        footer: None,
    },
    row(
        &[code(KeyCode::Down)],
        Choice::ScrollDown,
        "mark the detail below",
        "next",
    ),
    row(
        &[key('r')],
        Choice::ReplaceOne,
        "replace the marked detail with a placeholder in the entry",
        "replace in entry",
    ),
    row(
        &[key('a')],
        Choice::ReplaceAll,
        "replace every detail listed with a placeholder in the entry",
        "replace all",
    ),
    row(
        &[key('k')],
        Choice::KeepOne,
        "keep the marked detail as you wrote it",
        "keep",
    ),
    row(
        &[code(KeyCode::Esc), key('q')],
        Choice::Finished,
        "close the check; nothing more is changed",
        "done",
    ),
];

pub const SHARE_KEYS: &[Binding<Choice>] = &[
    row(
        &[key('r')],
        Choice::ShareReplaced,
        "write it with placeholders such as [postcode] where these are (the diary is unchanged)",
        "replace them and write",
    ),
    row(
        &[key('k')],
        Choice::ShareAsWritten,
        "write it with these as you wrote them",
        "keep as written",
    ),
    row(
        &[code(KeyCode::Esc), key('q')],
        Choice::Finished,
        "write nothing",
        "write nothing",
    ),
];

impl Overlay {
    /// Its key table.
    pub fn table(&self) -> &'static [Binding<Choice>] {
        match self {
            Overlay::Help => HELP_KEYS,
            Overlay::Suggestion(_) => SUGGESTION_KEYS,
            Overlay::DraftOffer(_) => DRAFT_OFFER_KEYS,
            Overlay::ConfirmDelete { .. } => CONFIRM_DELETE_KEYS,
            Overlay::LeaveCheckIn => LEAVE_CHECK_IN_KEYS,
            Overlay::LeaveEditor => LEAVE_EDITOR_KEYS,
            Overlay::QuitUnsaved => QUIT_UNSAVED_KEYS,
            Overlay::Message { .. } => MESSAGE_KEYS,
            Overlay::HelpNow { .. } => HELP_NOW_KEYS,
            Overlay::Check(_) => CHECK_KEYS,
            Overlay::BeforeSharing(_) => SHARE_KEYS,
        }
    }
}

/// Every box's table, by the name `lantern keys` gives it.
pub fn tables(map: &Keymap) -> Vec<(&'static str, Vec<Shown>)> {
    vec![
        ("Keys (help)", shown(map, HELP_KEYS)),
        ("Help now", shown(map, HELP_NOW_KEYS)),
        ("Text to read", shown(map, MESSAGE_KEYS)),
        ("One small thing", shown(map, SUGGESTION_KEYS)),
        ("Unfinished draft", shown(map, DRAFT_OFFER_KEYS)),
        ("Delete?", shown(map, CONFIRM_DELETE_KEYS)),
        ("Leave the check-in?", shown(map, LEAVE_CHECK_IN_KEYS)),
        ("Quit?", shown(map, QUIT_UNSAVED_KEYS)),
        ("Stop writing?", shown(map, LEAVE_EDITOR_KEYS)),
        ("Could identify someone", shown(map, CHECK_KEYS)),
        ("Before it is shared", shown(map, SHARE_KEYS)),
    ]
}

/// The footer of a box: each row's first key and label, its other keys after.
pub fn footer(rows: &[Shown]) -> String {
    let items: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            let label = r.footer?;
            let Some((first, rest)) = r.keys.split_first() else {
                return Some(label.to_string());
            };
            let mut item = format!("{} {label}", first.label());
            if !rest.is_empty() {
                let rest: Vec<String> = rest.iter().map(|k| k.label()).collect();
                item.push_str(&format!(" ({})", rest.join(" ")));
            }
            Some(item)
        })
        .collect();
    items.join("    ")
}
