//! What reaches the reader besides the terminal: batches of documents parsed in the background,
//! and the search worker's results. Both arrive over channels and become actions.

use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;

use super::action::{Action, Loaded};
use super::search::{SearchIndex, SearchResult, Searcher};
use super::state::{Mode, State};

/// Starts the background loader once the first frame is on screen; it sends batches into the
/// given channel and stops when that channel closes.
pub type StartLoading = Box<dyn FnOnce(Sender<Loaded>) + Send>;

/// The channels the event loop watches between terminal events.
pub struct Feed {
    start: Option<StartLoading>,
    load_tx: Sender<Loaded>,
    load_rx: Receiver<Loaded>,
    search_tx: Sender<(Arc<SearchIndex>, String)>,
    search_rx: Receiver<SearchResult>,
    /// The last query sent to the worker and the number of entries it was run over.
    sent: Option<(String, usize)>,
}

impl Feed {
    pub fn new(start: Option<StartLoading>) -> Feed {
        let (load_tx, load_rx) = mpsc::channel();
        let (search_tx, search_rx) = spawn_search_worker();
        Feed {
            start,
            load_tx,
            load_rx,
            search_tx,
            search_rx,
            sent: None,
        }
    }

    /// Starts loading, the first time it is called.
    pub fn start_loading(&mut self) {
        if let Some(start) = self.start.take() {
            start(self.load_tx.clone());
        }
    }

    /// True while results or documents may still arrive without a key being pressed.
    pub fn busy(&self, state: &State) -> bool {
        let searching = matches!(&state.mode, Mode::Search(s) if s.results_for != s.query);
        state.loading.is_some() || searching
    }

    /// Everything that arrived, as actions: all waiting batches merged into one (one re-layout
    /// and one frame however many came), then search results.
    pub fn actions(&mut self) -> Vec<Action> {
        let mut out = Vec::new();
        let mut merged: Option<Loaded> = None;
        while let Ok(b) = self.load_rx.try_recv() {
            match &mut merged {
                None => merged = Some(b),
                Some(m) => {
                    m.docs.extend(b.docs);
                    m.warnings.extend(b.warnings);
                    m.done = b.done;
                    m.total = b.total;
                }
            }
        }
        out.extend(merged.map(Action::Loaded));
        while let Ok(r) = self.search_rx.try_recv() {
            out.push(Action::SearchResults(r));
        }
        out
    }

    /// Hands the query being typed to the worker when it (or the index) changed since last time.
    pub fn request_search(&mut self, state: &State) {
        let (Mode::Search(s), Some(index)) = (&state.mode, &state.index) else {
            self.sent = None;
            return;
        };
        let key = (s.query.clone(), index.entries.len());
        if self.sent.as_ref() != Some(&key) {
            // A closed worker only means no more results; the reader keeps working.
            let _ = self.search_tx.send((Arc::clone(index), s.query.clone()));
            self.sent = Some(key);
        }
    }
}

/// A thread that runs the latest query it was sent (older waiting ones are skipped), so typing
/// never waits for a search.
fn spawn_search_worker() -> (Sender<(Arc<SearchIndex>, String)>, Receiver<SearchResult>) {
    let (req_tx, req_rx) = mpsc::channel::<(Arc<SearchIndex>, String)>();
    let (res_tx, res_rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut searcher = Searcher::new();
        while let Ok(mut req) = req_rx.recv() {
            while let Ok(newer) = req_rx.try_recv() {
                req = newer;
            }
            let (index, query) = req;
            let r = searcher.search(&index, &query);
            // Let go of the index before answering, so the reader can extend it without a copy.
            drop(index);
            if res_tx.send(r).is_err() {
                break;
            }
        }
    });
    (req_tx, res_rx)
}
