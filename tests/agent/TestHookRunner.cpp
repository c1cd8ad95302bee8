// SPDX-License-Identifier: GPL-3.0-or-later
// Hooks (HookRunner) with real scripts: run one at a time with ucarp's arguments, only the latest
// state per group under a flap storm (the last hook run matches it), groups served in turn, and a
// hook that outlives its timeout killed.
#include "HookRunner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

namespace {
QString s(const char* text)
{
    return QString::fromLatin1(text);
}
} // namespace

class TestHookRunner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // "up" and "down" append "NAME ARGS..." to the record, after sleeping for $HOOK_SLEEP.
        for (const char* name : {"up", "down"}) {
            QFile file(m_dir.filePath(s(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("#!/bin/sh\nsleep \"${HOOK_SLEEP:-0}\"\necho \"${0##*/} $*\" >> \"$HOOK_RECORD\"\n");
            file.close();
            QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        }
    }
    void init()
    {
        QFile::remove(record());
        qputenv("HOOK_RECORD", record().toLocal8Bit());
        qputenv("HOOK_SLEEP", "0");
    }

    void runsInOrderWithArguments()
    {
        HookRunner hooks;
        hooks.run(s("vhid 1 on eth0"), s("down"),
                  {invocation(s("down"), "eth0", "192.0.2.10"), invocation(s("down"), "eth0", "192.0.2.20")},
                  5);
        hooks.run(s("vhid 2 on eth1"), s("up"), {invocation(s("up"), "eth1", "198.51.100.10")}, 5);
        QTRY_VERIFY(hooks.idle());
        QCOMPARE(lines(), (QStringList{s("down eth0 192.0.2.10"), s("down eth0 192.0.2.20"),
                                       s("up eth1 198.51.100.10")}));
    }

    void flapStormRunsTheLatestOnly()
    {
        qputenv("HOOK_SLEEP", "0.3");
        HookRunner hooks;
        const QString group = s("vhid 1 on eth0");
        hooks.run(group, s("down"), {invocation(s("down"), "eth0", "192.0.2.10")}, 5); // starts at once
        for (int i = 0; i < 25; ++i) {
            hooks.run(group, s("up"), {invocation(s("up"), "eth0", "192.0.2.10")}, 5);
            hooks.run(group, s("down"), {invocation(s("down"), "eth0", "192.0.2.10")}, 5);
        }
        hooks.run(group, s("up"), {invocation(s("up"), "eth0", "192.0.2.10")}, 5);
        QElapsedTimer t;
        t.start();
        QTRY_VERIFY_WITH_TIMEOUT(hooks.idle(), 5000);
        QCOMPARE(lines(), (QStringList{s("down eth0 192.0.2.10"), s("up eth0 192.0.2.10")}));
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
    }

    void backWhereItWasRunsNothingMore()
    {
        qputenv("HOOK_SLEEP", "0.2");
        HookRunner hooks;
        const QString group = s("vhid 1 on eth0");
        hooks.run(group, s("up"), {invocation(s("up"), "eth0", "192.0.2.10")}, 5);
        hooks.run(group, s("down"), {invocation(s("down"), "eth0", "192.0.2.10")}, 5);
        hooks.run(group, s("up"), {invocation(s("up"), "eth0", "192.0.2.10")}, 5); // up again: already run
        QTRY_VERIFY(hooks.idle());
        QCOMPARE(lines(), QStringList{s("up eth0 192.0.2.10")});
    }

    void flappingGroupWaitsUntilSteady()
    {
        HookRunner hooks;
        const QString group = s("vhid 1 on eth0");
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < HookRunner::FlapRequests; ++i)
            hooks.run(group, i % 2 == 0 ? s("down") : s("up"),
                      {invocation(i % 2 == 0 ? s("down") : s("up"), "eth0", "192.0.2.10")}, 5);
        // The first ran at once; the latest waits for a steady second.
        QTRY_COMPARE(lines(), QStringList{s("down eth0 192.0.2.10")});
        QTest::qWait(static_cast<int>(HookRunner::SettleMs / 2));
        QCOMPARE(lines().size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(hooks.idle(), 3000);
        QCOMPARE(lines(), (QStringList{s("down eth0 192.0.2.10"), s("up eth0 192.0.2.10")}));
        QVERIFY(t.elapsed() >= HookRunner::SettleMs);
        // A stop does not wait for the group to settle.
        for (int i = 0; i < HookRunner::FlapRequests; ++i)
            hooks.run(group, i % 2 == 0 ? s("down") : s("up"),
                      {invocation(i % 2 == 0 ? s("down") : s("up"), "eth0", "192.0.2.10")}, 5);
        hooks.run(group, s("down"), {invocation(s("down"), "eth0", "192.0.2.10")}, 5);
        hooks.flushHeld();
        QTRY_VERIFY_WITH_TIMEOUT(hooks.idle(), 500);
        QCOMPARE(lines().last(), s("down eth0 192.0.2.10"));
    }

    void groupsTakeTurns()
    {
        qputenv("HOOK_SLEEP", "0.1");
        HookRunner hooks;
        hooks.run(s("a"), s("up"), {invocation(s("up"), "ethA", "1")}, 5);
        hooks.run(s("b"), s("up"), {invocation(s("up"), "ethB", "2")}, 5);
        hooks.run(s("a"), s("down"), {invocation(s("down"), "ethA", "1")}, 5); // replaces nothing of b's
        QTRY_VERIFY(hooks.idle());
        QCOMPARE(lines(), (QStringList{s("up ethA 1"), s("up ethB 2"), s("down ethA 1")}));
    }

    void timeoutKills()
    {
        qputenv("HOOK_SLEEP", "30");
        HookRunner hooks;
        QSignalSpy finished(&hooks, &HookRunner::finished);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(s("timed out after 1 s")));
        hooks.run(s("a"), s("up"), {invocation(s("up"), "eth0", "1")}, 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        QCOMPARE(finished.first().at(2).toBool(), true);
        QVERIFY(hooks.idle());
        QVERIFY(lines().isEmpty());
    }

private:
    HookRunner::Invocation invocation(const QString& kind, const char* interface, const char* vip) const
    {
        return HookRunner::Invocation{m_dir.filePath(kind), {s(interface), s(vip)}};
    }
    QString record() const { return m_dir.filePath(s("record")); }
    QStringList lines() const
    {
        QFile file(record());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QStringList out;
        for (const QByteArray& line : file.readAll().split('\n'))
            if (!line.isEmpty())
                out << QString::fromUtf8(line);
        return out;
    }
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestHookRunner)
#include "TestHookRunner.moc"
