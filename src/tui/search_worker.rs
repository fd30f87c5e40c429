//! Searches off the input path: a thread with its own connection to the diary runs the
//! newest query and sends its answer back, so typing never waits for the store.

use std::sync::{mpsc, Arc, Condvar, Mutex};

use zeroize::Zeroizing;

use crate::store::Store;

use super::terminal::Incoming;

/// What the app and the search worker share: the newest query waiting (a newer one
/// replaces it, so only the last of a burst of typing is run), and a way to stop the
/// query being run when a newer one comes.
#[derive(Default)]
struct Queries {
    waiting: Option<String>,
    running: Option<rusqlite::InterruptHandle>,
}

type Pending = Arc<(Mutex<Queries>, Condvar)>;

/// Runs searches on a thread with its own connection to the diary, so that the app
/// keeps reading keys and drawing however long a query takes.
pub(super) struct SearchWorker {
    pending: Pending,
}

impl SearchWorker {
    pub(super) fn start(
        path: std::path::PathBuf,
        passphrase: Option<Zeroizing<String>>,
        answers: mpsc::Sender<Incoming>,
    ) -> SearchWorker {
        let pending: Pending = Arc::new((Mutex::new(Queries::default()), Condvar::new()));
        let shared = Arc::clone(&pending);
        std::thread::spawn(move || {
            let mut store: Option<Store> = None;
            loop {
                let (slot, ready) = &*shared;
                let query = {
                    let mut guard = slot.lock().unwrap_or_else(|p| p.into_inner());
                    loop {
                        if let Some(query) = guard.waiting.take() {
                            break query;
                        }
                        guard = ready.wait(guard).unwrap_or_else(|p| p.into_inner());
                    }
                };
                if store.is_none() {
                    match Store::open(&path, passphrase.as_deref().map(String::as_str)) {
                        Ok(opened) => store = Some(opened),
                        Err(e) => {
                            let hits = Err(format!("Search did not work: {e}"));
                            if answers.send(Incoming::Searched { query, hits }).is_err() {
                                return;
                            }
                            continue;
                        }
                    }
                }
                let Some(open) = store.as_ref() else {
                    continue;
                };
                slot.lock().unwrap_or_else(|p| p.into_inner()).running =
                    Some(open.conn().get_interrupt_handle());
                let hits = open
                    .search(&query, 50)
                    .map_err(|e| format!("Search did not work: {e}"));
                let superseded = {
                    let mut guard = slot.lock().unwrap_or_else(|p| p.into_inner());
                    guard.running = None;
                    guard.waiting.is_some()
                };
                // A newer query is waiting: this answer (or its interruption) is stale.
                if superseded {
                    continue;
                }
                if answers.send(Incoming::Searched { query, hits }).is_err() {
                    return;
                }
            }
        });
        SearchWorker { pending }
    }

    /// Asks for `query`, dropping any older query not yet started and interrupting
    /// the one being run (SQLite stops it at its next step).
    pub(super) fn ask(&self, query: String) {
        let (slot, ready) = &*self.pending;
        let mut guard = slot.lock().unwrap_or_else(|p| p.into_inner());
        guard.waiting = Some(query);
        if let Some(running) = &guard.running {
            running.interrupt();
        }
        ready.notify_one();
    }
}
