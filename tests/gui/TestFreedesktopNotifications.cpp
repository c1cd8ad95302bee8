// SPDX-License-Identifier: GPL-3.0-or-later
// FreedesktopNotifications against a fake notification service on a private D-Bus daemon started
// by the test: what Notify receives (replaces_id, urgency, actions, expiry), and the service's
// ActionInvoked and NotificationClosed signals coming back as activated() and closed().
#include "notify/FreedesktopNotifications.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>
#include <QVariantMap>

using namespace baton;

// The service's side, as a desktop's notification daemon has it.
class FakeNotificationService : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call
    {
        uint replacesId = 0;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int timeout = 0;
    };
    QList<Call> calls;
    uint nextId = 40;

public Q_SLOTS:
    uint Notify(const QString&, uint replacesId, const QString&, const QString& summary, const QString& body,
                const QStringList& actions, const QVariantMap& hints, int timeout)
    {
        calls.append({replacesId, summary, body, actions, hints, timeout});
        return replacesId != 0 ? replacesId : ++nextId;
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
};

class TestFreedesktopNotifications : public QObject
{
    Q_OBJECT

    QTemporaryFile m_config;
    QProcess m_daemon;
    QString m_address;
    FakeNotificationService m_service;

    QDBusConnection serviceBus() { return QDBusConnection(QStringLiteral("service")); }

    void signal(const char* name, const QVariantList& arguments)
    {
        QDBusMessage message = QDBusMessage::createSignal(
            QString::fromLatin1(FreedesktopNotifications::Path),
            QString::fromLatin1(FreedesktopNotifications::Service), QString::fromLatin1(name));
        message.setArguments(arguments);
        QVERIFY(serviceBus().send(message));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A bus of our own, without the machine's activatable services (an installed dunst would
        // answer): the test never touches the desktop's session bus.
        QVERIFY(m_config.open());
        m_config.write("<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>"
                       "<auth>EXTERNAL</auth><policy context=\"default\"><allow send_destination=\"*\"/>"
                       "<allow receive_sender=\"*\"/><allow own=\"*\"/></policy></busconfig>");
        m_config.close();
        m_daemon.setStandardErrorFile(QProcess::nullDevice());
        m_daemon.start(QStringLiteral("dbus-daemon"),
                       {QStringLiteral("--config-file=") + m_config.fileName(), QStringLiteral("--nofork"),
                        QStringLiteral("--nopidfile"), QStringLiteral("--print-address=1")});
        QVERIFY2(m_daemon.waitForStarted(), "dbus-daemon (package dbus-daemon) did not start");
        QVERIFY(QTest::qWaitFor([this] { return m_daemon.canReadLine(); }, 10000));
        m_address = QString::fromUtf8(m_daemon.readLine().trimmed());
        QVERIFY(!m_address.isEmpty());
        const QDBusConnection client = QDBusConnection::connectToBus(m_address, QStringLiteral("client"));
        QVERIFY(client.isConnected());
        QVERIFY(!FreedesktopNotifications::available(client)); // nothing there yet

        QDBusConnection service = QDBusConnection::connectToBus(m_address, QStringLiteral("service"));
        QVERIFY(service.isConnected());
        QVERIFY(service.registerObject(QString::fromLatin1(FreedesktopNotifications::Path), &m_service,
                                       QDBusConnection::ExportAllSlots));
        QVERIFY(service.registerService(QString::fromLatin1(FreedesktopNotifications::Service)));
        QVERIFY(FreedesktopNotifications::available(client));
    }

    void cleanupTestCase()
    {
        QDBusConnection::disconnectFromBus(QStringLiteral("client"));
        QDBusConnection::disconnectFromBus(QStringLiteral("service"));
        m_daemon.kill();
        m_daemon.waitForFinished();
    }

    void init() { m_service.calls.clear(); }

    void aKeyReplacesItsLastNotification()
    {
        FreedesktopNotifications sink(QDBusConnection(QStringLiteral("client")), nullptr);
        sink.show(QStringLiteral("web\nfailover"),
                  {QStringLiteral("Failover in web"), QStringLiteral("a → b"), false});
        // Shown again before the service answered: it must still replace, not stack.
        sink.show(QStringLiteral("web\nfailover"),
                  {QStringLiteral("Failover in web"), QStringLiteral("2×"), false});
        sink.show(QStringLiteral("db\nsplit-brain"),
                  {QStringLiteral("Split brain in db"), QStringLiteral("x"), true});
        QVERIFY(QTest::qWaitFor([this] { return m_service.calls.size() == 3; }, 5000));
        QTest::qWait(100); // nothing more comes
        QCOMPARE(m_service.calls.size(), 3);
        const auto& first = m_service.calls.at(0);
        QCOMPARE(first.replacesId, 0u);
        QCOMPARE(first.summary, QStringLiteral("Failover in web"));
        QCOMPARE(first.timeout, -1);
        QVERIFY(first.actions.contains(QStringLiteral("default")));
        QCOMPARE(first.hints.value(QStringLiteral("urgency")).toInt(), 1);
        QCOMPARE(first.hints.value(QStringLiteral("desktop-entry")).toString(),
                 QStringLiteral("org.example.baton"));
        // The split brain is another notification, critical, kept until closed.
        const auto& critical = m_service.calls.at(1);
        QCOMPARE(critical.replacesId, 0u);
        QCOMPARE(critical.hints.value(QStringLiteral("urgency")).toInt(), 2);
        QCOMPARE(critical.timeout, 0);
        const auto& again = m_service.calls.at(2);
        QCOMPARE(again.body, QStringLiteral("2×"));
        QCOMPARE(again.replacesId, m_service.nextId - 1); // the failover's id
    }

    void clicksAndClosesComeBack()
    {
        FreedesktopNotifications sink(QDBusConnection(QStringLiteral("client")), nullptr);
        QSignalSpy activated(&sink, &NotificationSink::activated);
        QSignalSpy closed(&sink, &NotificationSink::closed);
        sink.show(QStringLiteral("web\nvip"),
                  {QStringLiteral("VIP silent in web"), QStringLiteral("…"), false});
        QVERIFY(QTest::qWaitFor([this] { return m_service.calls.size() == 1; }, 5000));
        QTest::qWait(50); // the reply with the id
        const uint id = m_service.nextId;
        signal("ActionInvoked", {id + 100, QStringLiteral("default")}); // someone else's
        signal("ActionInvoked", {id, QStringLiteral("default")});
        QVERIFY(QTest::qWaitFor([&] { return activated.size() == 1; }, 5000));
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("web\nvip"));
        signal("NotificationClosed", {id, 2u}); // dismissed by the user
        QVERIFY(QTest::qWaitFor([&] { return closed.size() == 1; }, 5000));
        QCOMPARE(closed.at(0).at(0).toString(), QStringLiteral("web\nvip"));
        QCOMPARE(closed.at(0).at(1).toBool(), true);
        QCOMPARE(activated.size(), 1);
        // Gone from the desktop: the next one is new.
        sink.show(QStringLiteral("web\nvip"),
                  {QStringLiteral("VIP back in web"), QStringLiteral("…"), false});
        QVERIFY(QTest::qWaitFor([this] { return m_service.calls.size() == 2; }, 5000));
        QCOMPARE(m_service.calls.at(1).replacesId, 0u);
    }

    void aServiceThatFailsIsNotFatal()
    {
        const QDBusConnection nowhere = QDBusConnection::connectToBus(m_address, QStringLiteral("nowhere"));
        // A bus whose notification service is gone: the call fails, the sink carries on.
        serviceBus().unregisterService(QString::fromLatin1(FreedesktopNotifications::Service));
        FreedesktopNotifications sink(nowhere, nullptr);
        sink.show(QStringLiteral("k"), {QStringLiteral("t"), QStringLiteral("b"), false});
        QTest::qWait(300);
        QVERIFY(m_service.calls.isEmpty());
        QVERIFY(serviceBus().registerService(QString::fromLatin1(FreedesktopNotifications::Service)));
        sink.show(QStringLiteral("k"), {QStringLiteral("t"), QStringLiteral("b2"), false});
        QVERIFY(QTest::qWaitFor([this] { return m_service.calls.size() == 1; }, 5000));
        QCOMPARE(m_service.calls.at(0).replacesId, 0u);
        QDBusConnection::disconnectFromBus(QStringLiteral("nowhere"));
    }
};

QTEST_GUILESS_MAIN(TestFreedesktopNotifications)
#include "TestFreedesktopNotifications.moc"
