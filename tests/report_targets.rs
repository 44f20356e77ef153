//! Where `soc2-ready report` may write, run as a user would: never over an assessment (by
//! any name), over an earlier report yes, through devices and pipes without replacing them
//! (devices made in a private mount namespace, never the host's /dev), and default names
//! that fit a file system however long the organisation's name is in bytes.

mod report_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use report_support::{fixture, report, soc2_ready};

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A folder holding a copy of the partial fixture as `acme.toml`, and that file's bytes.
fn workspace() -> (tempfile::TempDir, PathBuf, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let assessment = dir.path().join("acme.toml");
    fs::copy(fixture("partial"), &assessment).unwrap();
    let bytes = fs::read(&assessment).unwrap();
    (dir, assessment, bytes)
}

/// Runs `report <assessment> --format json --output <out>` in `cwd`.
fn report_to(cwd: &Path, assessment: &str, out: &str) -> Output {
    soc2_ready()
        .current_dir(cwd)
        .args(["report", assessment, "--format", "json", "--output", out])
        .output()
        .unwrap()
}

fn assert_refused(output: &Output, what: &str) {
    assert_eq!(output.status.code(), Some(2), "{what}: {}", stderr(output));
    let message = stderr(output);
    assert!(message.contains("will not write a report to"), "{message}");
    assert!(
        message.contains("never replaces an assessment"),
        "{message}"
    );
}

#[test]
fn a_report_never_overwrites_the_assessment_by_any_name() {
    let (dir, assessment, before) = workspace();
    fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("acme.toml", dir.path().join("alias.toml")).unwrap();
    let absolute = assessment.to_str().unwrap();
    for (cwd, input, out) in [
        (dir.path(), absolute, absolute),
        (dir.path(), "acme.toml", "acme.toml"),
        (dir.path(), "acme.toml", "./sub/../acme.toml"),
        (dir.path(), "acme.toml", "alias.toml"),
        (&dir.path().join("sub"), "../acme.toml", "../acme.toml"),
    ] {
        let output = report_to(cwd, input, out);
        assert_refused(&output, out);
        assert!(stderr(&output).contains("is the assessment"));
    }
    assert_eq!(fs::read(&assessment).unwrap(), before, "untouched");
    assert!(
        fs::symlink_metadata(dir.path().join("alias.toml"))
            .unwrap()
            .is_symlink()
    );
}

#[test]
fn a_report_never_overwrites_another_assessment_but_may_replace_a_report() {
    let (dir, assessment, _) = workspace();
    let other = dir.path().join("other.toml");
    fs::copy(fixture("complete"), &other).unwrap();
    let other_before = fs::read(&other).unwrap();
    let output = report_to(dir.path(), "acme.toml", "other.toml");
    assert_refused(&output, "other.toml");
    assert!(stderr(&output).contains("an assessment file is there"));
    assert_eq!(fs::read(&other).unwrap(), other_before);

    let earlier = dir.path().join("earlier.json");
    fs::write(&earlier, "{\"old\": true}").unwrap();
    let output = report_to(dir.path(), "acme.toml", "earlier.json");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        fs::read_to_string(&earlier)
            .unwrap()
            .contains("\"organization\"")
    );
    assert!(assessment.exists());
}

#[test]
fn a_pipe_is_written_through_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let (dir, _, _) = workspace();
    let fifo = dir.path().join("out.md");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let mut reader = std::process::Command::new("cat")
        .arg(&fifo)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Drain the reader while the report is written: a report larger than the two pipe
    // buffers would otherwise block the writer and this test forever.
    let mut reader_out = reader.stdout.take().unwrap();
    let drained = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut reader_out, &mut text).unwrap();
        text
    });
    let mut written = false;
    for _ in 0..200 {
        let output = report_to(dir.path(), "acme.toml", "out.md");
        if output.status.success() {
            written = true;
            break;
        }
        // `cat` has not opened its end yet.
        assert!(
            stderr(&output).contains("no program is reading"),
            "{}",
            stderr(&output)
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let still_a_pipe = fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo();
    if !(written && still_a_pipe) {
        // Replaced by a regular file: nothing will ever reach the reader.
        let _ = reader.kill();
    }
    reader.wait().unwrap();
    let text = drained.join().unwrap();
    assert!(written, "the reader never attached");
    assert!(still_a_pipe, "the pipe was replaced by a regular file");
    assert!(text.contains("\"organization\""));
}

/// Runs `script` as root in a private mount namespace whose /dev is a fresh tmpfs holding
/// only `null`, `full` and `stdout`; `$BIN` is the binary, `$FIXTURE` an assessment.
/// `None` (with a notice) where that is impossible, except under CI, which runs as root.
fn in_private_dev(script: &str, workdir: &Path) -> Option<Output> {
    let setup = "mount -t tmpfs tmpfs /dev && mknod /dev/null c 1 3 && mknod /dev/full c 1 7 \
                 && ln -s /proc/self/fd/1 /dev/stdout && chmod 666 /dev/null /dev/full";
    let output = std::process::Command::new("unshare")
        .args(["-m", "--propagation", "private", "sh", "-c"])
        .arg(format!("{setup} || exit 97\n{script}"))
        .env("BIN", env!("CARGO_BIN_EXE_soc2-ready"))
        .env("FIXTURE", workdir.join("acme.toml"))
        .env("SOURCE_DATE_EPOCH", report_support::SOURCE_DATE_EPOCH)
        .env_remove("SOC2_READY_DATA_DIR")
        .current_dir(workdir)
        .output()
        .ok();
    match output {
        Some(output)
            if output.status.code() != Some(97) && !stderr(&output).contains("unshare") =>
        {
            Some(output)
        }
        _ => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI runs as root and must be able to make a private /dev"
            );
            eprintln!(
                "notice: no private mount namespace here (needs root); skipping the device cases"
            );
            None
        }
    }
}

#[test]
fn devices_are_written_through_and_a_full_device_is_an_error() {
    let (dir, _, _) = workspace();
    let script = r#"
for out in /dev/null /dev/full /dev/stdout -; do
  "$BIN" report "$FIXTURE" --format md --output "$out" > "out-$(basename -- "$out")" 2> "err-$(basename -- "$out")"
  echo "$out exit $?"
done
for node in /dev/null /dev/full; do [ -c "$node" ] && echo "$node still a device"; done
[ -L /dev/stdout ] && echo "/dev/stdout still a link"
"#;
    let Some(output) = in_private_dev(script, dir.path()) else {
        return;
    };
    let log = String::from_utf8_lossy(&output.stdout);
    for line in [
        "/dev/null exit 0",
        "/dev/full exit 1",
        "/dev/stdout exit 0",
        "- exit 0",
        "/dev/null still a device",
        "/dev/full still a device",
        "/dev/stdout still a link",
    ] {
        assert!(
            log.contains(line),
            "missing {line:?} in:\n{log}{}",
            stderr(&output)
        );
    }
    let full = fs::read_to_string(dir.path().join("err-full")).unwrap();
    assert!(
        full.contains("cannot write /dev/full: the disk is full"),
        "{full}"
    );
    let to_stdout = fs::read_to_string(dir.path().join("out-stdout")).unwrap();
    let to_dash = fs::read_to_string(dir.path().join("out--")).unwrap();
    assert!(to_stdout.starts_with("# "), "{to_stdout}");
    assert_eq!(to_stdout, to_dash, "/dev/stdout and - alike");
}

#[test]
fn long_names_are_cut_by_bytes_so_the_default_report_name_fits() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(fixture("partial")).unwrap();
    let organization = "𠀀".repeat(70);
    let start = text.find("organization = ").unwrap();
    let end = start + text[start..].find('\n').unwrap();
    let text = format!(
        "{}organization = \"{organization}\"{}",
        &text[..start],
        &text[end..]
    );
    let assessment = dir.path().join("wide.toml");
    fs::write(&assessment, text).unwrap();
    let output = report(&[assessment.to_str().unwrap(), "--format", "csv"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let written = PathBuf::from(String::from_utf8(output.stdout).unwrap().trim());
    let name = written.file_name().unwrap().to_str().unwrap();
    assert!(name.len() <= 255, "{} bytes", name.len());
    assert!(name.starts_with(&"𠀀".repeat(15)), "{name}");
    assert!(written.exists());
}
