//! The thin loop around the wizard: set the terminal up, turn terminal events into actions,
//! update, draw, and put the terminal back however the program ends — normal exit, panic
//! (ratatui's hook), Ctrl-C (a key in raw mode), or any signal whose default is to end the
//! process (a flag polled here). SIGTSTP puts the terminal back before the process stops
//! itself, and SIGCONT sets it up again and redraws the whole screen.

use std::io::{self, IsTerminal, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use signal_hook::consts::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGIO, SIGPROF, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP, SIGUSR1,
    SIGUSR2, SIGVTALRM, SIGXCPU, SIGXFSZ,
};

use super::action::Action;
use super::app::{App, Screen};
use super::keymap::Key;
use super::update::{apply, poll_package, rescue, save_pending, update};
use super::view;

/// How often the loop wakes up to notice a termination signal.
const TICK: Duration = Duration::from_millis(200);

/// How often it wakes up while the auditor's package is written, to move the gauge and
/// make room for the writer's next events.
const JOB_TICK: Duration = Duration::from_millis(20);

/// The signals whose default action ends the process and that a process may catch: each
/// ends the wizard through the normal exit, which restores the terminal. (SIGKILL and
/// SIGSTOP cannot be caught, and faults such as SIGSEGV cannot be handled safely.)
const ENDING: [i32; 12] = [
    SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
    SIGXFSZ, SIGIO,
];

/// Signal flags the event loop polls.
struct Signals {
    /// A signal asked the process to end.
    stop: Arc<AtomicBool>,
    /// SIGTSTP: put the terminal back, then stop.
    suspend: Arc<AtomicBool>,
    /// SIGCONT: the process was stopped and goes on; set the terminal up and redraw.
    resumed: Arc<AtomicBool>,
}

impl Signals {
    fn register() -> io::Result<Self> {
        let signals = Self {
            stop: Arc::new(AtomicBool::new(false)),
            suspend: Arc::new(AtomicBool::new(false)),
            resumed: Arc::new(AtomicBool::new(false)),
        };
        for signal in ENDING {
            signal_hook::flag::register(signal, Arc::clone(&signals.stop))?;
        }
        signal_hook::flag::register(SIGTSTP, Arc::clone(&signals.suspend))?;
        signal_hook::flag::register(SIGCONT, Arc::clone(&signals.resumed))?;
        Ok(signals)
    }
}

/// Runs the wizard until the user quits or a termination signal arrives.
pub fn run(mut app: App) -> io::Result<()> {
    let signals = Signals::register()?;
    // Installed before ratatui's hook, so it runs after the terminal is restored.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
        eprintln!("{}", crash_note());
    }));
    watch_for_hang_up(Arc::clone(&signals.stop));
    let mut terminal = ratatui::try_init()?;
    let result = execute!(stdout(), EnableMouseCapture)
        .and_then(|()| event_loop(&mut terminal, &mut app, &signals));
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    if !app.quit
        && let Some(line) = rescue(&mut app, &std::env::temp_dir())
    {
        eprintln!("{line}");
    }
    result
}

/// How long the event loop gets to stop by itself once asked to.
const GRACE: Duration = Duration::from_secs(1);

/// Ends the process when the terminal is gone. A closed window does not always send SIGHUP
/// to the wizard (a shell in between may take it), and crossterm's reader spins forever on a
/// hung-up terminal, so the event loop may never see the stop flag: this thread notices the
/// hang-up (stdin stops being a terminal), sets the flag, and exits the process if the loop
/// has not stopped within [`GRACE`]. Every answer is already saved atomically, and a change
/// whose save failed is rescued by [`rescue`] once the loop stops, so exiting from here
/// loses nothing.
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

/// Puts the terminal back as the shell expects it, stops the process (as SIGTSTP would
/// have), and once continued sets the terminal up again for a full redraw.
fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    execute!(stdout(), DisableMouseCapture)?;
    ratatui::try_restore()?;
    terminal.show_cursor()?;
    signal_hook::low_level::raise(SIGSTOP)?;
    resume(terminal)
}

/// Raw mode, the alternate screen and mouse capture again, and a cleared screen that the
/// next draw repaints in full (the shell may have written over it while the wizard was
/// stopped). `Terminal::clear` is not used: it asks the terminal for the cursor position,
/// an answer that may never come right after a resume.
fn resume(terminal: &mut DefaultTerminal) -> io::Result<()> {
    // Stopped by SIGSTOP, the wizard could not restore anything, and the shell has put the
    // terminal back in line mode since; crossterm still believes raw mode is on and would
    // skip enabling it, so its record is reset first.
    disable_raw_mode()?;
    enable_raw_mode()?;
    execute!(
        stdout(),
        EnterAlternateScreen,
        Clear(ClearType::All),
        EnableMouseCapture
    )?;
    terminal.hide_cursor()?;
    // The frame last drawn is forgotten: the next one is compared with a blank screen.
    terminal.swap_buffers();
    Ok(())
}

/// Tells the wizard the terminal's size (at the start, and after a resume: the window may
/// have been resized while the wizard was stopped).
fn fit(terminal: &DefaultTerminal, app: &mut App) -> io::Result<()> {
    let size = terminal.size()?;
    update(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    Ok(())
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, signals: &Signals) -> io::Result<()> {
    fit(terminal, app)?;
    let mut dirty = true;
    let mut shown_second = 0;
    while !app.quit && !signals.stop.load(Ordering::Relaxed) {
        if signals.suspend.swap(false, Ordering::Relaxed) {
            suspend(terminal)?;
            signals.resumed.store(false, Ordering::Relaxed);
            fit(terminal, app)?;
            dirty = true;
        }
        if signals.resumed.swap(false, Ordering::Relaxed) {
            resume(terminal)?;
            fit(terminal, app)?;
            dirty = true;
        }
        if dirty {
            terminal.draw(|frame| view::draw(frame, app))?;
            dirty = false;
        }
        let tick = if app.package.is_some() {
            JOB_TICK
        } else {
            TICK
        };
        if event::poll(tick)? {
            let action = action_of(app, event::read()?);
            if action == Some(Action::Suspend) {
                // Raw mode turns Ctrl-Z into a key: send the signal it would have sent.
                signal_hook::low_level::raise(SIGTSTP)?;
            } else if let Some(action) = action {
                apply(app, action);
                if app.session.as_ref().is_some_and(|session| session.unsaved) {
                    // The change on screen first, then the save: its fsyncs take milliseconds.
                    terminal.draw(|frame| view::draw(frame, app))?;
                    save_pending(app);
                }
            }
            dirty = true;
        }
        if poll_package(app) {
            dirty = true;
        }
        // The workshop's clocks show seconds: draw again when the second changes.
        if app.screen == Screen::Workshop {
            let second = app.clock.now().as_second();
            if second != shown_second {
                shown_second = second;
                dirty = true;
            }
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
        Event::Key(key) => Key::from_event(&key)
            .map(|key| app.context().action(key).unwrap_or(Action::Unbound(key))),
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
