// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's events and advert records on the wire (ControlEvent, AdvertRecord): each kind's exact
// shape, a round trip through bytes, refusals naming the bad field, and unknown kinds kept by name.
#include "control/AdvertRecord.h"
#include "control/ControlEvent.h"
#include "control/ControlMessage.h"

#include <QCborValue>
#include <QJsonObject>
#include <QTest>

using namespace baton;

namespace {

QLatin1StringView k(const char* name)
{
    return QLatin1StringView(name);
}

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

QCborMap map(std::initializer_list<std::pair<const char*, QCborValue>> fields)
{
    QCborMap m;
    for (const auto& [key, value] : fields)
        m[k(key)] = value;
    return m;
}

constexpr qint64 Time = 1'700'000'000'123;

// The message an event makes, as sent: type, time and kind, then the kind's own fields.
QCborMap message(const char* kind, QCborMap fields)
{
    fields[k("t")] = s("event");
    fields[k("time")] = Time;
    fields[k("kind")] = s(kind);
    return fields;
}

AdvertRecord sampleAdvert()
{
    return AdvertRecord{Time, false, s("eth0"), s("192.0.2.12"),       7,
                        1,    100,   240,       0xfedcba9876543210ULL, s("ignored-replayed-counter")};
}

} // namespace

class TestControlEvent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wireShape_data();
    void wireShape();
    void refuses_data();
    void refuses();
    void unknownKindKept();
    void advertRoundTrip();
    void advertWireShape();
    void advertRefuses_data();
    void advertRefuses();
};

void TestControlEvent::wireShape_data()
{
    QTest::addColumn<ControlEvent>("event");
    QTest::addColumn<QCborMap>("wire");
    QTest::newRow("state") << ControlEvent{Time, ev::StateChanged{1, s("eth0"), CarpState::Backup,
                                                                  CarpState::Master, s("master-down")}}
                           << message("state", map({{"vhid", 1},
                                                    {"interface", s("eth0")},
                                                    {"from", s("backup")},
                                                    {"to", s("master")},
                                                    {"reason", s("master-down")}}));
    QTest::newRow("reject")
        << ControlEvent{Time, ev::AdvertRejected{1, s("192.0.2.66"), s("bad-hmac")}}
        << message("reject", map({{"vhid", 1}, {"source", s("192.0.2.66")}, {"reason", s("bad-hmac")}}));
    QTest::newRow("forgery") << ControlEvent{Time, ev::ForgerySuspected{1, s("192.0.2.12"),
                                                                        s("replayed-counter"), 15}}
                             << message("forgery-suspected", map({{"vhid", 1},
                                                                  {"source", s("192.0.2.12")},
                                                                  {"sign", s("replayed-counter")},
                                                                  {"count", 15}}));
    QTest::newRow("restore-armed")
        << ControlEvent{Time, ev::RestoreArmed{s("eth0"), Time + 20'000, s("alice")}}
        << message("restore-armed",
                   map({{"interface", s("eth0")}, {"deadline", Time + 20'000}, {"by", s("alice")}}));
    QTest::newRow("restore-done early")
        << ControlEvent{Time, ev::RestoreDone{s("eth0"), true, 0, s("bob")}}
        << message("restore-done",
                   map({{"interface", s("eth0")}, {"early", true}, {"late_ms", 0}, {"by", s("bob")}}));
    QTest::newRow("restore-done at deadline")
        << ControlEvent{Time, ev::RestoreDone{s("eth0"), false, 12, {}}}
        << message("restore-done", map({{"interface", s("eth0")}, {"early", false}, {"late_ms", 12}}));
    QTest::newRow("restore-failed") << ControlEvent{Time, ev::RestoreFailed{s("eth1")}}
                                    << message("restore-failed", map({{"interface", s("eth1")}}));
    QTest::newRow("link-down-failed") << ControlEvent{Time, ev::LinkDownFailed{s("eth1")}}
                                      << message("link-down-failed", map({{"interface", s("eth1")}}));
    QTest::newRow("maintenance") << ControlEvent{Time, ev::MaintenanceChanged{true, s("carol")}}
                                 << message("maintenance", map({{"on", true}, {"by", s("carol")}}));
    QTest::newRow("link") << ControlEvent{Time, ev::LinkChanged{2, s("eth1"), true}}
                          << message("link", map({{"vhid", 2}, {"interface", s("eth1")}, {"up", true}}));
    QTest::newRow("started") << ControlEvent{Time, ev::AgentStarted{s("0.1.0")}}
                             << message("started", map({{"software", s("0.1.0")}}));
    QTest::newRow("stopping") << ControlEvent{Time, ev::AgentStopping{15}}
                              << message("stopping", map({{"signal", 15}}));
    QTest::newRow("command ok")
        << ControlEvent{Time, ev::CommandDone{s("link-down"), s("alice"), true, {}, s("eth0"), std::nullopt}}
        << message(
               "command",
               map({{"verb", s("link-down")}, {"by", s("alice")}, {"ok", true}, {"interface", s("eth0")}}));
    QTest::newRow("command refused, maintenance")
        << ControlEvent{Time,
                        ev::CommandDone{s("maintenance"), s("viewer"), false, s("not-permitted"), {}, false}}
        << message("command", map({{"verb", s("maintenance")},
                                   {"by", s("viewer")},
                                   {"ok", false},
                                   {"error", s("not-permitted")},
                                   {"on", false}}));
}

void TestControlEvent::wireShape()
{
    QFETCH(ControlEvent, event);
    QFETCH(QCborMap, wire);
    QCOMPARE(event.toMessage().toJsonObject(), wire.toJsonObject()); // CBOR maps have no order
    // Through bytes, as a client reads it.
    const QByteArray bytes = QCborValue(event.toMessage()).toCbor();
    QString error;
    const std::optional<ControlEvent> back =
        ControlEvent::fromMessage(QCborValue::fromCbor(bytes).toMap(), &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(*back == event);
    QCOMPARE(back->kind(), wire.value(k("kind")).toString());
}

void TestControlEvent::refuses_data()
{
    QTest::addColumn<QCborMap>("wire");
    QTest::addColumn<QString>("field");
    QTest::newRow("no time")
        << map({{"t", s("event")}, {"kind", s("maintenance")}, {"on", true}, {"by", s("a")}}) << s("time");
    QTest::newRow("no kind") << map({{"t", s("event")}, {"time", Time}}) << s("kind");
    QTest::newRow("state: unknown state") << message("state", map({{"vhid", 1},
                                                                   {"interface", s("eth0")},
                                                                   {"from", s("backup")},
                                                                   {"to", s("leader")},
                                                                   {"reason", s("x")}}))
                                          << s("to");
    QTest::newRow("state: vhid 0") << message("state", map({{"vhid", 0},
                                                            {"interface", s("eth0")},
                                                            {"from", s("backup")},
                                                            {"to", s("master")},
                                                            {"reason", s("x")}}))
                                   << s("vhid");
    QTest::newRow("forgery: negative count")
        << message(
               "forgery-suspected",
               map({{"vhid", 1}, {"source", s("192.0.2.12")}, {"sign", s("field-change")}, {"count", -1}}))
        << s("count");
    QTest::newRow("restore-done early without by")
        << message("restore-done", map({{"interface", s("eth0")}, {"early", true}, {"late_ms", 0}}))
        << s("by");
    QTest::newRow("command refused without error")
        << message("command", map({{"verb", s("handover")}, {"by", s("a")}, {"ok", false}})) << s("error");
    QTest::newRow("command: on as text")
        << message("command",
                   map({{"verb", s("maintenance")}, {"by", s("a")}, {"ok", true}, {"on", s("yes")}}))
        << s("on");
    QTest::newRow("maintenance: on missing") << message("maintenance", map({{"by", s("a")}})) << s("on");
}

void TestControlEvent::refuses()
{
    QFETCH(QCborMap, wire);
    QFETCH(QString, field);
    QString error;
    QVERIFY(!ControlEvent::fromMessage(wire, &error));
    QVERIFY2(error.contains(u"'" + field + u"'"), qPrintable(error));
}

void TestControlEvent::unknownKindKept()
{
    QString error;
    const auto e = ControlEvent::fromMessage(message("warp-drive", map({{"speed", 9}})), &error);
    QVERIFY2(e, qPrintable(error));
    QVERIFY(std::holds_alternative<ev::Unknown>(e->body));
    QCOMPARE(e->kind(), s("warp-drive"));
    QCOMPARE(e->timeMs, Time);
}

void TestControlEvent::advertRoundTrip()
{
    const AdvertRecord a = sampleAdvert();
    const QByteArray bytes = QCborValue(a.toCbor()).toCbor();
    QString error;
    const auto back = AdvertRecord::fromCbor(QCborValue::fromCbor(bytes).toMap(), &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(*back == a);
}

void TestControlEvent::advertWireShape()
{
    QCOMPARE(sampleAdvert().toCbor().toJsonObject(), map({{"time", Time},
                                                          {"sent", false},
                                                          {"interface", s("eth0")},
                                                          {"source", s("192.0.2.12")},
                                                          {"vhid", 7},
                                                          {"advbase", 1},
                                                          {"advskew", 100},
                                                          {"demote", 240},
                                                          {"counter", s("fedcba9876543210")},
                                                          {"verdict", s("ignored-replayed-counter")}})
                                                         .toJsonObject());
}

void TestControlEvent::advertRefuses_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QCborValue>("value");
    QTest::newRow("counter not hex") << s("counter") << QCborValue(s("xyz"));
    QTest::newRow("counter too long") << s("counter") << QCborValue(s("1fedcba9876543210"));
    QTest::newRow("counter integer") << s("counter") << QCborValue(5);
    QTest::newRow("advskew 256") << s("advskew") << QCborValue(256);
    QTest::newRow("sent text") << s("sent") << QCborValue(s("yes"));
    QTest::newRow("verdict missing") << s("verdict") << QCborValue();
}

void TestControlEvent::advertRefuses()
{
    QFETCH(QString, field);
    QFETCH(QCborValue, value);
    QCborMap wire = sampleAdvert().toCbor();
    if (value.isUndefined())
        wire.remove(field);
    else
        wire[field] = value;
    QString error;
    QVERIFY(!AdvertRecord::fromCbor(wire, &error));
    QVERIFY2(error.contains(u"'" + field + u"'"), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestControlEvent)
#include "TestControlEvent.moc"
