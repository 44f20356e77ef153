//! The wizard as a founder uses it (issue 13): the progress count beside its bar, gap values
//! whole or elided, the mouse wheel, search within the filter, the paper size on export, what
//! the sidebar percentages mean, "not yet relevant" questions and answers moved from
//! retired ids.

use jiff::civil::Date;
use lopdf::{Document, Object};
use soc2_ready::assessment::{Answer, Evidence, store};
use soc2_ready::import::recorded::location;
use soc2_ready::questionnaire::{Category, Level};
use soc2_ready::report::Paper;
use soc2_ready::tui::app::{Filter, Screen};
use soc2_ready::tui::keymap::Key;
use soc2_ready::tui::{Action, App, update};

use super::support::{Fixture, built_in, press, render, type_text};

fn current_id(app: &App) -> String {
    let session = app.session.as_ref().expect("an open assessment");
    session.question(&app.questionnaire).unwrap().id.clone()
}

fn wheel(app: &mut App, size: (u16, u16), column: u16, row: u16, down: bool) {
    update(
        app,
        Action::Resize {
            width: size.0,
            height: size.1,
        },
    );
    update(app, Action::Wheel { column, row, down });
}

#[test]
fn the_answered_count_sits_beside_the_bar_never_under_it() {
    let fixture = Fixture::new(false).open_acme();
    for width in [60, 80, 100, 120, 200] {
        let screen = render(&fixture.app, width, 24);
        let title = screen.lines().next().unwrap().trim_matches('"').trim_end();
        // The words of `score` and every report; narrow bars drop "· 4 open".
        let label = if title.ends_with(" 4 open") {
            " 3/9 answered · 4 open"
        } else {
            " 3/9 answered"
        };
        assert!(title.ends_with(label), "{width}: {title}");
        assert_eq!(width > 60, label.ends_with("open"), "{width}: {title}");
        let before = title.trim_end_matches(label);
        assert!(
            before.ends_with(['━', '─']),
            "{width}: the bar ends first: {title}"
        );
    }
}

#[test]
fn gap_values_are_whole_or_elided_at_80_columns_and_up() {
    let mut fixture = Fixture::with(built_in(), false).open_acme();
    // Not in place on a few questions, so the longest common value is in the table.
    press(
        &mut fixture.app,
        &[Key::Char('0'), Key::Char('0'), Key::Char('0')],
    );
    press(&mut fixture.app, &[Key::Tab]);
    assert_eq!(fixture.app.screen, Screen::Dashboard);
    for width in [80, 100, 120, 160] {
        let screen = fixture.render(width, 40);
        assert!(screen.contains("Not in place"), "{width}:\n{screen}");
        for (at, _) in screen.match_indices("Not in pl") {
            let rest = &screen[at + "Not in pl".len()..];
            assert!(
                rest.starts_with("ace") || rest.starts_with('…'),
                "{width}: a value cut without an ellipsis:\n{screen}"
            );
        }
        for line in screen.lines().filter(|line| line.contains("Critical")) {
            let row = line.trim_matches('"');
            let cell = row.split('│').nth(3).unwrap_or(row);
            assert!(
                !cell.contains("Not in pla ") && !cell.ends_with("Not in pla"),
                "{width}: {row}"
            );
        }
    }
}

#[test]
fn the_wheel_scrolls_what_is_under_the_pointer() {
    let mut fixture = Fixture::new(false).open_acme();
    let app = &mut fixture.app;
    let size = (80, 24);
    assert_eq!(current_id(app), "CC1.1.conduct-breaches");
    // Over the sidebar: the next criterion.
    wheel(app, size, 5, 10, true);
    assert_eq!(current_id(app), "CC6.1.mfa");
    wheel(app, size, 5, 10, false);
    assert_eq!(current_id(app), "CC1.1.code-of-conduct");
    // Over the question text: the text scrolls, the question stays.
    wheel(app, size, 50, 5, true);
    assert_eq!(current_id(app), "CC1.1.code-of-conduct");
    assert!(app.session.as_ref().unwrap().nav.scroll > 0);
    wheel(app, size, 50, 5, false);
    assert_eq!(app.session.as_ref().unwrap().nav.scroll, 0);
    // Over the answer scale: nothing to scroll, nothing answered.
    let before = app.session.as_ref().unwrap().assessment.clone();
    wheel(app, size, 40, 14, true);
    assert_eq!(app.session.as_ref().unwrap().assessment, before);
    assert_eq!(current_id(app), "CC1.1.code-of-conduct");
    // On the dashboard: over the gap table the selection moves, elsewhere nothing.
    press(app, &[Key::Tab]);
    wheel(app, size, 60, 3, true);
    assert_eq!(app.gap, 0);
    wheel(app, size, 60, 14, true);
    assert_eq!(app.gap, 1);
    // With the help open, the wheel scrolls the help wherever it is.
    press(app, &[Key::Char('?')]);
    wheel(app, size, 1, 1, true);
    assert_eq!(app.help, Some(1));
}

#[test]
fn the_wheel_scrolls_the_certification_screen() {
    let mut fixture = Fixture::with(built_in(), false).open_acme();
    let app = &mut fixture.app;
    press(app, &[Key::Tab, Key::Char('c')]);
    assert_eq!(app.screen, Screen::Certification);
    wheel(app, (80, 24), 40, 10, true);
    assert_eq!(app.certification.scroll, 1);
    wheel(app, (80, 24), 40, 10, false);
    assert_eq!(app.certification.scroll, 0);
}

#[test]
fn search_stays_within_the_filter_and_the_footer_shows_both() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Char('c'), Key::Char('c')]);
    let filter = fixture.app.session.as_ref().unwrap().nav.filter;
    assert_eq!(filter, Filter::Category(Category::Availability));
    // "access" matches Security questions only: refused, and the filter stays.
    press(&mut fixture.app, &[Key::Char('/')]);
    type_text(&mut fixture.app, "second factor");
    press(&mut fixture.app, &[Key::Enter]);
    let error = fixture.app.prompt.as_ref().unwrap().error.clone().unwrap();
    assert!(error.contains("Nothing in Availability matches"), "{error}");
    press(&mut fixture.app, &[Key::Esc, Key::Char('c')]);
    press(
        &mut fixture.app,
        &[Key::Char('c'), Key::Char('c'), Key::Char('c')],
    );
    press(&mut fixture.app, &[Key::Char('c')]);
    let session = fixture.app.session.as_ref().unwrap();
    assert_eq!(session.nav.filter, Filter::Category(Category::Security));

    press(&mut fixture.app, &[Key::Char('/')]);
    type_text(&mut fixture.app, "data");
    press(&mut fixture.app, &[Key::Enter]);
    let session = fixture.app.session.as_ref().unwrap();
    assert_eq!(session.nav.filter, Filter::Category(Category::Security));
    assert_eq!(session.nav.search, "data");
    for index in session.visible(&fixture.app.questionnaire) {
        let question = &fixture.app.questionnaire.questions()[index];
        assert_eq!(
            question.category,
            Some(Category::Security),
            "{}",
            question.id
        );
    }
    let screen = fixture.render(80, 24);
    let footer = screen.lines().nth(22).unwrap();
    assert!(footer.contains("[Security · /data]"), "{footer}");
    // f clears both.
    press(&mut fixture.app, &[Key::Char('f')]);
    let session = fixture.app.session.as_ref().unwrap();
    assert_eq!(
        (session.nav.filter, session.nav.search.as_str()),
        (Filter::All, "")
    );
}

#[test]
fn the_export_screen_offers_the_paper_size() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Tab, Key::Char('e')]);
    assert_eq!(fixture.app.export.as_ref().unwrap().paper, Paper::A4);
    assert!(
        fixture
            .render(80, 24)
            .contains("Paper     A4  ·  Letter   Ctrl-P changes it")
    );
    press(&mut fixture.app, &[Key::Ctrl('p')]);
    assert_eq!(fixture.app.export.as_ref().unwrap().paper, Paper::Letter);
    press(&mut fixture.app, &[Key::Enter]);
    let path = fixture
        .dir
        .path()
        .join("acme-inc-soc2-gap-report-2026-11-24.pdf");
    let doc = Document::load(&path).expect("a PDF was written");
    let (_, first) = doc.get_pages().into_iter().next().unwrap();
    let media: Vec<f32> = doc
        .get_dictionary(first)
        .unwrap()
        .get(b"MediaBox")
        .and_then(Object::as_array)
        .unwrap()
        .iter()
        .map(|value| value.as_float().unwrap())
        .collect();
    assert!(
        (media[2] - 612.0).abs() < 0.5 && (media[3] - 792.0).abs() < 0.5,
        "{media:?}"
    );
    press(&mut fixture.app, &[Key::Ctrl('p')]);
    assert_eq!(fixture.app.export.as_ref().unwrap().paper, Paper::A4);
}

#[test]
fn the_export_screen_starts_on_the_configured_paper() {
    let mut fixture = Fixture::new(false).open_acme();
    fixture.app.paper = Paper::Letter;
    press(&mut fixture.app, &[Key::Tab, Key::Char('e')]);
    assert_eq!(fixture.app.export.as_ref().unwrap().paper, Paper::Letter);
}

#[test]
fn the_sidebar_says_what_its_percentages_mean() {
    let fixture = Fixture::new(false).open_acme();
    assert!(fixture.render(80, 24).contains("n/m · % toward Type 2"));
}

#[test]
fn an_engagement_question_is_shown_as_not_yet_relevant() {
    let mut fixture = Fixture::with(built_in(), false).open_acme();
    // Acme's "yes" to ATT.auditor comes from the small test questionnaire; here the
    // question is a scale, and the firm is only being researched.
    press(&mut fixture.app, &[Key::Char('g')]);
    type_text(&mut fixture.app, "ATT.auditor");
    press(&mut fixture.app, &[Key::Enter, Key::Char('1')]);
    // "Next unanswered" passes over the three that wait for a firm.
    press(&mut fixture.app, &[Key::Char('g')]);
    type_text(&mut fixture.app, "CERT.public-summary");
    press(&mut fixture.app, &[Key::Enter, Key::Enter]);
    assert_eq!(current_id(&fixture.app), "CERT.questionnaires");
    press(&mut fixture.app, &[Key::Char('g')]);
    type_text(&mut fixture.app, "CERT.bridge-letter");
    press(&mut fixture.app, &[Key::Enter]);
    assert_eq!(current_id(&fixture.app), "CERT.bridge-letter");
    let screen = fixture.render(120, 40);
    assert!(screen.contains("Not yet relevant"), "{screen}");
    assert!(
        screen.contains("once Licensed CPA firm chosen is at least “Firm"),
        "{screen}"
    );
    let session = fixture.app.session.as_ref().unwrap();
    assert!(
        session
            .card
            .not_yet_relevant
            .contains(&"CERT.bridge-letter".to_string())
    );
    press(&mut fixture.app, &[Key::Tab]);
    assert!(fixture.render(120, 40).contains("(5 not yet relevant)"));
    press(&mut fixture.app, &[Key::Tab]);

    // Choosing a firm makes it count, and the note goes away.
    press(&mut fixture.app, &[Key::Char('g')]);
    type_text(&mut fixture.app, "ATT.auditor");
    press(&mut fixture.app, &[Key::Enter, Key::Char('3')]);
    press(&mut fixture.app, &[Key::Char('g')]);
    type_text(&mut fixture.app, "CERT.bridge-letter");
    press(&mut fixture.app, &[Key::Enter]);
    assert!(!fixture.render(120, 40).contains("Not yet relevant"));
    let session = fixture.app.session.as_ref().unwrap();
    assert!(session.card.not_yet_relevant.is_empty());
    // It now applies; still unanswered, so it is an open question (not a gap).
    assert!(
        session
            .card
            .open
            .iter()
            .any(|id| id == "CERT.bridge-letter")
    );
    assert!(
        session
            .card
            .gaps
            .iter()
            .all(|gap| gap.question != "CERT.bridge-letter")
    );
}

#[test]
fn answers_under_a_retired_id_move_on_open_with_a_status_line() {
    let fixture = Fixture::with(built_in(), false);
    let mut assessment = fixture.saved();
    assessment.edit("CC7.1.penetration-test", |record| {
        record.answer = Some(Answer::Level(Level::Operating));
        record.note = "June report".into();
    });
    store::save(&fixture.acme_path(), &assessment).unwrap();
    let mut fixture = fixture.open_acme();
    let status = fixture.app.status.text.clone();
    assert!(
        status.contains("moved 2 answer(s) to renamed or merged questions: A1.2.backups → CC7.5.backup-operation, CC7.1.penetration-test → CC4.1.penetration-test"),
        "{status}"
    );
    let session = fixture.app.session.as_ref().unwrap();
    let record = session.assessment.record("CC4.1.penetration-test").unwrap();
    assert_eq!(record.note, "June report");
    assert!(
        session
            .assessment
            .record("CC7.1.penetration-test")
            .is_none()
    );
    // The next change saves the move with it.
    press(&mut fixture.app, &[Key::Char('2')]);
    let saved = fixture.saved();
    assert!(saved.record("CC7.1.penetration-test").is_none());
    assert_eq!(
        saved.record("CC4.1.penetration-test").unwrap().note,
        "June report"
    );
}

#[test]
fn a_file_reloaded_after_an_outside_edit_moves_retired_answers_too() {
    let mut fixture = Fixture::with(built_in(), false).open_acme();
    let path = fixture.acme_path();
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!(
            "{text}\n[answers.\"C1.1.ndas\"]\nanswer = \"planned\"\nnote = \"added by a script\"\n"
        ),
    )
    .unwrap();
    press(&mut fixture.app, &[Key::Right]);
    let status = fixture.app.status.text.clone();
    assert!(status.contains("changed outside this window"), "{status}");
    assert!(
        status.contains("C1.1.ndas → CC1.1.confidentiality-agreements"),
        "{status}"
    );
    let session = fixture.app.session.as_ref().unwrap();
    let record = session
        .assessment
        .record("CC1.1.confidentiality-agreements")
        .unwrap();
    assert_eq!(record.note, "added by a script");
}

#[test]
fn a_fully_answered_criterion_shows_its_count_apart_from_its_readiness_and_explains_type2_once() {
    let mut fixture = Fixture::new(false).open_acme();
    assert_eq!(current_id(&fixture.app), "CC1.1.conduct-breaches");
    let before = fixture.render(80, 24);
    assert!(before.contains("CC1.1   1/2 ·  0 %"), "{before}");
    assert!(before.contains("n/m · % toward Type 2"), "{before}");
    assert!(!before.contains('✓'), "no tick beside a readiness figure");
    // Evidenced: CC1.1 is fully answered, 0 % toward Type 2, 100 % toward Type 1.
    press(&mut fixture.app, &[Key::Char('3')]);
    let screen = fixture.render(80, 24);
    assert!(screen.contains("CC1.1   2/2 ·  0 %"), "{screen}");
    insta::assert_snapshot!("sidebar_type2_note_80x24", screen);
    let note = fixture
        .app
        .session
        .as_ref()
        .and_then(|session| session.type2_note.clone())
        .expect("the note is shown");
    assert_eq!(
        note,
        "CC1.1 is answered: 0 % toward Type 2, which counts only controls operating over time \
         (level 4). Toward Type 1 it would be 100 %."
    );
    // The next answer clears it, and it is said only once per session.
    press(&mut fixture.app, &[Key::Char('3'), Key::Char('3')]);
    let session = fixture.app.session.as_ref().unwrap();
    assert_eq!(session.type2_note, None);
    assert!(session.type2_explained);
    assert!(!fixture.render(80, 24).contains("Why this figure"));
}

/// Issue 24 §4: each choice of the new-assessment form is explained where it is made, and
/// the time the chosen scope takes follows the scope (built-in questionnaire).
#[test]
fn the_new_assessment_form_explains_each_choice_and_estimates_the_time() {
    let mut fixture = Fixture::with(built_in(), false);
    press(&mut fixture.app, &[Key::Char('n')]);
    let screen = fixture.render(100, 32);
    assert!(screen.contains("The company under examination"), "{screen}");
    assert!(
        screen.contains("Not sure? Start with Security only and a Type 1"),
        "{screen}"
    );
    let estimate = |screen: &str| {
        screen
            .lines()
            .find(|line| line.contains("questions in scope"))
            .map(|line| line.split('│').nth(2).unwrap_or(line).trim().to_string())
            .unwrap()
    };
    let security_only = estimate(&screen);
    assert!(screen.contains("several sittings"), "{screen}");
    // Tab to Availability, switch it on: more questions, the explanation follows.
    press(&mut fixture.app, &[Key::Tab, Key::Tab, Key::Char(' ')]);
    let screen = fixture.render(100, 32);
    assert!(screen.contains("uptime commitments"), "{screen}");
    assert_ne!(estimate(&screen), security_only);
    for _ in 0..4 {
        press(&mut fixture.app, &[Key::Tab]);
    }
    let screen = fixture.render(100, 32);
    assert!(
        screen.contains("Type 2: the auditor tests that controls operated"),
        "{screen}"
    );
    press(&mut fixture.app, &[Key::Char(' ')]);
    assert!(
        fixture
            .render(100, 32)
            .contains("Type 1: the auditor checks")
    );
}

/// Issue 24 §3: the usual line-editing keys work in every text field.
#[test]
fn ctrl_u_ctrl_w_and_ctrl_k_edit_text_fields() {
    let mut fixture = Fixture::new(false);
    press(&mut fixture.app, &[Key::Char('n')]);
    type_text(&mut fixture.app, "Globex Corporation");
    press(&mut fixture.app, &[Key::Ctrl('w')]);
    let form = fixture.app.home.form.as_ref().unwrap();
    assert_eq!(form.organization.text(), "Globex ");
    press(&mut fixture.app, &[Key::Ctrl('a'), Key::Ctrl('k')]);
    assert_eq!(
        fixture.app.home.form.as_ref().unwrap().organization.text(),
        ""
    );
    type_text(&mut fixture.app, "Initech");
    press(&mut fixture.app, &[Key::Ctrl('u')]);
    assert_eq!(
        fixture.app.home.form.as_ref().unwrap().organization.text(),
        ""
    );
}

#[test]
fn the_question_shows_what_the_latest_imports_found() {
    let mut fixture = Fixture::new(false).open_acme();
    let question = current_id(&fixture.app);
    let session = fixture.app.session.as_mut().expect("an assessment is open");
    session.assessment.edit(&question, |record| {
        for (title, file, day) in [
            (
                "Prowler SOC 2 compliance scan: 3 of 7 checks fail",
                "old.csv",
                1,
            ),
            (
                "Prowler SOC 2 compliance scan: 1 of 7 checks fails: bob\u{1b}[31m",
                "new.csv",
                30,
            ),
        ] {
            record.evidence.push(Evidence::note(
                title,
                location("prowler", file),
                Date::constant(2026, 11, day),
            ));
        }
    });
    let screen = fixture.render(120, 40);
    assert!(
        screen.contains("What the imported exports show"),
        "{screen}"
    );
    assert!(
        screen
            .contains("• Imported 2026-11-30: Prowler SOC 2 compliance scan: 1 of 7 checks fails:"),
        "{screen}"
    );
    assert!(screen.contains("bob^[[31m"), "shown safely: {screen}");
    assert!(
        !screen.contains("3 of 7"),
        "only the latest import of a source: {screen}"
    );
    assert!(
        !screen.contains('\u{1b}'),
        "control characters never reach the terminal"
    );
}

/// Issue 24 §2: the form's "N questions in scope" is the total the title bar shows once
/// the assessment is created; follow-up questions that answers may open are named apart.
#[test]
fn the_form_counts_the_questions_the_new_assessment_asks() {
    let mut fixture = Fixture::with(built_in(), false);
    press(&mut fixture.app, &[Key::Char('n')]);
    let form = fixture.app.home.form.as_ref().unwrap();
    let (asked, follow_ups) = form.questions_in_scope(&fixture.app.questionnaire);
    assert!(follow_ups > 0, "the built-in questions have follow-ups");
    let screen = fixture.render(100, 32);
    assert!(
        screen.contains(&format!(
            "{asked} questions in scope ({follow_ups} more if answers open them)"
        )),
        "{screen}"
    );
    type_text(&mut fixture.app, "Initech");
    press(&mut fixture.app, &[Key::Enter]);
    let session = fixture.app.session.as_ref().expect("created and opened");
    assert_eq!(
        usize::try_from(session.card.tally.questions).unwrap(),
        asked
    );
    assert!(
        fixture
            .render(120, 40)
            .contains(&format!("0/{asked} answered"))
    );
}
