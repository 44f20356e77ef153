use std::io::Read;
use std::ops::ControlFlow;

use jiff::civil::date;

use super::*;
use crate::assessment::locker::hash_bytes;

fn quiet(_member: &str, _done: u64) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

fn file_member(dir: &Path, name: &str, bytes: &[u8]) -> Member {
    let path = dir.join(name.replace('/', "_"));
    fs::write(&path, bytes).unwrap();
    Member {
        name: name.into(),
        content: Content::File {
            path,
            size: bytes.len() as u64,
            sha256: hash_bytes(bytes),
        },
    }
}

fn members(dir: &Path) -> Vec<Member> {
    vec![
        Member {
            name: "README.txt".into(),
            content: Content::Bytes(b"read me\n".to_vec()),
        },
        file_member(dir, "evidence/CC6.1/CC6.1.mfa/mfa.pdf", b"%PDF-1.7 mfa"),
        file_member(
            dir,
            "evidence/CC6.2/CC6.2.access-review/q3.csv",
            b"user,ok\n",
        ),
    ]
}

fn read_members(zip: &Path) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(fs::File::open(zip).unwrap()).unwrap();
    (0..archive.len())
        .map(|index| {
            let mut member = archive.by_index(index).unwrap();
            let mut bytes = Vec::new();
            member.read_to_end(&mut bytes).unwrap();
            (member.name().unwrap().to_string(), bytes)
        })
        .collect()
}

#[test]
fn members_are_sorted_with_the_checksums_last_and_every_hash_holds() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("package.zip");
    let written = write(&out, &members(dir.path()), date(2026, 12, 4), &mut quiet).unwrap();
    assert_eq!(written.members, 4);
    assert_eq!(written.bytes, fs::metadata(&out).unwrap().len());
    let read = read_members(&out);
    let names: Vec<&str> = read.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "README.txt",
            "evidence/CC6.1/CC6.1.mfa/mfa.pdf",
            "evidence/CC6.2/CC6.2.access-review/q3.csv",
            "SHA256SUMS"
        ]
    );
    let sums = String::from_utf8(read[3].1.clone()).unwrap();
    assert_eq!(sums.lines().count(), 3);
    for ((name, bytes), line) in read.iter().zip(sums.lines()) {
        assert_eq!(line, format!("{}  {name}", hash_bytes(bytes)));
    }
}

#[test]
fn the_same_inputs_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("a.zip"), dir.path().join("b.zip"));
    let mut reversed = members(dir.path());
    write(&first, &reversed, date(2026, 12, 4), &mut quiet).unwrap();
    reversed.reverse();
    write(&second, &reversed, date(2026, 12, 4), &mut quiet).unwrap();
    assert_eq!(fs::read(&first).unwrap(), fs::read(&second).unwrap());
    let mut archive = zip::ZipArchive::new(fs::File::open(&first).unwrap()).unwrap();
    let member = archive.by_index(1).unwrap();
    let stamp = member.last_modified().unwrap();
    assert_eq!((stamp.year(), stamp.month(), stamp.day()), (2026, 12, 4));
    assert_eq!(member.compression(), CompressionMethod::Stored);
    assert_eq!(member.unix_mode().map(|mode| mode & 0o777), Some(0o644));
}

/// The target holds nothing new and no temporary file is left beside it.
fn assert_untouched(dir: &Path, out: &Path, before: Option<&[u8]>) {
    assert_eq!(fs::read(out).ok().as_deref(), before);
    let temps = fs::read_dir(dir)
        .unwrap()
        .filter(|entry| {
            let name = entry.as_ref().unwrap().file_name();
            name.to_string_lossy().starts_with(TEMP_PREFIX)
        })
        .count();
    assert_eq!(temps, 0);
}

#[test]
fn a_file_changed_since_it_was_recorded_stops_the_package() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("package.zip");
    fs::write(&out, b"an earlier package").unwrap();
    let members = members(dir.path());
    let Content::File { path, .. } = &members[1].content else {
        unreachable!()
    };
    fs::write(path, b"%PDF-1.7 edited").unwrap();
    let error = write(&out, &members, date(2026, 12, 4), &mut quiet).unwrap_err();
    assert!(matches!(error, PackageError::Changed { .. }), "{error}");
    assert!(error.to_string().contains("evidence verify"), "{error}");
    assert_untouched(dir.path(), &out, Some(b"an earlier package"));
}

#[test]
fn a_missing_file_a_bad_name_or_a_cancel_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("package.zip");
    let missing = members(dir.path());
    if let Content::File { path, .. } = &missing[2].content {
        fs::remove_file(path).unwrap();
    }
    let error = write(&out, &missing, date(2026, 12, 4), &mut quiet).unwrap_err();
    assert!(
        error.to_string().contains("q3.csv"),
        "names the member: {error}"
    );
    assert_untouched(dir.path(), &out, None);

    let mut escaping = members(dir.path());
    escaping[0].name = "../README.txt".into();
    let error = write(&out, &escaping, date(2026, 12, 4), &mut quiet).unwrap_err();
    assert!(matches!(error, PackageError::BadName { .. }), "{error}");
    assert_untouched(dir.path(), &out, None);

    let mut stop = |_: &str, _: u64| ControlFlow::Break(());
    let error = write(&out, &members(dir.path()), date(2026, 12, 4), &mut stop).unwrap_err();
    assert!(matches!(error, PackageError::Cancelled));
    assert_untouched(dir.path(), &out, None);
}

#[test]
fn progress_hears_every_byte() {
    let dir = tempfile::tempdir().unwrap();
    let members = members(dir.path());
    let total: u64 = members.iter().map(Member::size).sum();
    let mut last = 0;
    let mut heard = Vec::new();
    let mut hear = |member: &str, done: u64| {
        assert!(done >= last);
        last = done;
        if heard.last() != Some(&member.to_string()) {
            heard.push(member.to_string());
        }
        ControlFlow::Continue(())
    };
    write(
        &dir.path().join("p.zip"),
        &members,
        date(2026, 12, 4),
        &mut hear,
    )
    .unwrap();
    assert_eq!(last, total);
    let mut names: Vec<String> = members.iter().map(|member| member.name.clone()).collect();
    names.sort();
    assert_eq!(heard, names, "each member is heard, in the order written");
}
