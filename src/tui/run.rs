//! The thin loop around the wizard: set the terminal up, turn terminal events into actions,
//! update, draw, and put the terminal back however the program ends — normal exit, panic
//! (ratatui's hook), Ctrl-C (a key in raw mode), or SIGTERM / SIGHUP / SIGINT (a flag
//! polled here).

use std::io::{self, IsTerminal, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use super::action::Action;
use super::app::App;
use super::keymap::Key;
use super::update::{apply, save_pending, update};
use super::view;

/// How often the loop wakes up to notice a termination signal.
const TICK: Duration = Duration::from_millis(200);

/// Runs the wizard until the user quits or a termination signal arrives.
pub fn run(mut app: App) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    // Installed before ratatui's hook, so it runs after the terminal is restored.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
        eprintln!("{}", crash_note());
    }));
    watch_for_hang_up(Arc::clone(&stop));
    let mut terminal = ratatui::try_init()?;
    let result = execute!(stdout(), EnableMouseCapture)
        .and_then(|()| event_loop(&mut terminal, &mut app, &stop));
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

/// How long the event loop gets to stop by itself once asked to.
const GRACE: Duration = Duration::from_secs(1);

/// Ends the process when the terminal is gone. A closed window does not always send SIGHUP
/// to the wizard (a shell in between may take it), and crossterm's reader spins forever on a
/// hung-up terminal, so the event loop may never see the stop flag: this thread notices the
/// hang-up (stdin stops being a terminal), sets the flag, and exits the process if the loop
/// has not stopped within [`GRACE`]. Every answer is already saved atomically, so exiting
/// from here loses nothing.
fn watch_for_hang_up(stop: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(TICK);
            if !io::stdin().is_terminal() {
                stop.store(true, Ordering::Relaxed);
            }
            if stop.load(Ordering::Relaxed) {
                std::thread::sleep(GRACE);
                std::process::exit(0);
            }
        }
    });
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, stop: &AtomicBool) -> io::Result<()> {
    let size = terminal.size()?;
    update(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    let mut dirty = true;
    while !app.quit && !stop.load(Ordering::Relaxed) {
        if dirty {
            terminal.draw(|frame| view::draw(frame, app))?;
            dirty = false;
        }
        if event::poll(TICK)? {
            if let Some(action) = action_of(app, event::read()?) {
                apply(app, action);
                if app.session.as_ref().is_some_and(|session| session.unsaved) {
                    // The change on screen first, then the save: its fsyncs take milliseconds.
                    terminal.draw(|frame| view::draw(frame, app))?;
                    save_pending(app);
                }
            }
            dirty = true;
        }
    }
    Ok(())
}

/// What a crash says after the panic message: the data is safe, and where to report it.
fn crash_note() -> String {
    format!(
        "\nsoc2-ready {} stopped on an internal error; the terminal has been restored.\n\
         Every answer the status line showed as saved is safe in its assessment file.\n\
         Please report this to the soc2-ready maintainers (the project's issue tracker), \
         with the message above and what you were doing.",
        env!("CARGO_PKG_VERSION")
    )
}

/// The action a terminal event stands for, if any.
fn action_of(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => Key::from_event(&key).and_then(|key| app.context().action(key)),
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            ..
        }) => Some(Action::Click { column, row }),
        Event::Mouse(MouseEvent {
            kind: kind @ (MouseEventKind::ScrollUp | MouseEventKind::ScrollDown),
            column,
            row,
            ..
        }) => Some(Action::Wheel {
            column,
            row,
            down: kind == MouseEventKind::ScrollDown,
        }),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crash_note_reassures_and_says_where_to_report() {
        let note = crash_note();
        assert!(note.contains(env!("CARGO_PKG_VERSION")));
        assert!(note.contains("safe in its assessment file"));
        assert!(note.contains("report this"));
    }
}
