//! The auditor's package written off the UI thread, so the wizard keeps drawing its gauge
//! and hears Esc while a large evidence file streams. A worker thread writes the
//! [`Assembled`] package and sends [`JobEvent`]s down a bounded channel that the event loop
//! drains; a flag it checks after every block cancels it. The writer builds the ZIP in a
//! temporary file and renames it only when complete, so a cancel — or dropping the job,
//! which cancels and waits — leaves neither a half package nor a temporary file.

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread::{self, JoinHandle};

use crate::assessment::package::{PackageError, Written};
use crate::report::auditor_package::Assembled;

/// How many events the worker may run ahead of the event loop before it waits (one per
/// block of 1 MiB, so the worker is at most this many MiB ahead of the gauge).
pub const EVENTS_AHEAD: usize = 32;

/// What the worker tells the event loop.
#[derive(Debug)]
pub enum JobEvent {
    /// The writer is at `member`, with `done` bytes of all members written.
    Progress {
        /// The member being written.
        member: String,
        /// Bytes of members written so far.
        done: u64,
    },
    /// The writer stopped: the package is complete, or why nothing was written.
    Finished(Result<Written, PackageError>),
}

/// A package being written by a worker thread.
#[derive(Debug)]
pub struct PackageJob {
    events: Option<Receiver<JobEvent>>,
    cancel: Arc<AtomicBool>,
    worker: Option<JoinHandle<()>>,
    out: PathBuf,
}

impl PackageJob {
    /// Starts writing `assembled` on a worker thread.
    pub fn start(assembled: Assembled) -> Self {
        let (sender, events) = mpsc::sync_channel(EVENTS_AHEAD);
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let out = assembled.out.clone();
        let worker = thread::spawn(move || {
            let written = assembled.write(&mut |member, done| {
                let event = JobEvent::Progress {
                    member: member.to_string(),
                    done,
                };
                // The event loop gone (the wizard ending) cancels as Esc does.
                if sender.send(event).is_err() || stop.load(Ordering::Relaxed) {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            });
            let _ = sender.send(JobEvent::Finished(written));
        });
        Self {
            events: Some(events),
            cancel,
            worker: Some(worker),
            out,
        }
    }

    /// Asks the worker to stop at its next block; [`JobEvent::Finished`] follows.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// The next event the worker sent, if one is waiting. A worker that ended without
    /// saying how (it panicked) is reported as a failed write.
    pub fn next_event(&self) -> Option<JobEvent> {
        match self.events.as_ref()?.try_recv() {
            Ok(event) => Some(event),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(JobEvent::Finished(Err(PackageError::Write {
                path: self.out.clone(),
                reason: "the package writer stopped unexpectedly".into(),
            }))),
        }
    }
}

impl Drop for PackageJob {
    /// Cancels the worker and waits for it, so its temporary file is gone before the
    /// wizard is.
    fn drop(&mut self) {
        self.cancel();
        // A worker waiting for room in the channel sees it closed and stops.
        drop(self.events.take());
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}
